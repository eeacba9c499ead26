package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// LayerList is the open document's layers, under its head: its own (the
// one the user edits) and the others (other annotators', systems', gold),
// each with its kind and span count; nothing while it has no others. It
// reads the others from Store when it is drawn for another document or
// another Stamp.
type LayerList struct {
	app.Compo
	Loc   locale.Settings
	Store store.Store
	Doc   string // the open document's ID
	Own   int    // the spans of its own layer
	// Stamp changes when the document's layers may have changed (an import
	// ended).
	Stamp int

	layers []corpus.LayerInfo
	read   string // the document whose layers are held
	stamp  int    // the Stamp they were read at
}

// OnMount reads the document's layers.
func (l *LayerList) OnMount(ctx app.Context) { l.load(ctx) }

// OnUpdate reads them again for another document or Stamp.
func (l *LayerList) OnUpdate(ctx app.Context) { l.load(ctx) }

func (l *LayerList) load(ctx app.Context) {
	if l.Store == nil || (l.read == l.Doc && l.stamp == l.Stamp) {
		return
	}
	if l.read != l.Doc {
		l.layers = nil
	}
	l.read, l.stamp = l.Doc, l.Stamp
	st, id, stamp := l.Store, l.Doc, l.Stamp
	ctx.Async(func() {
		infos, err := st.Layers(id)
		ctx.Dispatch(func(ctx app.Context) {
			if l.read != id || l.stamp != stamp {
				return // read for another document meanwhile
			}
			if err != nil {
				infos = nil // the document view says what storage fails at
			}
			l.layers = infos
		})
	})
}

// Render draws the list.
func (l *LayerList) Render() app.UI {
	p := locale.New(l.Loc)
	list := app.Ul().Class("layers").DataSet("testid", "layers").Attr("aria-label", p.T("Layers of this document"))
	if len(l.layers) == 0 {
		return list.Hidden(true)
	}
	items := []app.UI{app.Li().Class("layer own").DataSet("testid", "layer").DataSet("kind", "own").DataSet("count", l.Own).Body(
		app.Span().Class("layer-name").Text(p.T("Yours (edited here)")),
		app.Span().Class("layer-count").Text(p.T("%d spans", l.Own)),
	)}
	for _, info := range l.layers {
		items = append(items, app.Li().Class("layer").DataSet("testid", "layer").
			DataSet("layer", info.Name).DataSet("kind", string(info.Kind)).DataSet("count", info.Count).Body(
			app.Bdi().Class("layer-name").Text(info.Name),
			app.Span().Class("layer-kind").Text(layerKindName(p, info.Kind)),
			app.Span().Class("layer-count").Text(p.T("%d spans", info.Count)),
		))
	}
	return list.Body(items...)
}

// layerKindName is the name of a kind of layer in p's language.
func layerKindName(p *locale.Printer, k corpus.LayerKind) string {
	switch k {
	case corpus.LayerSystem:
		return p.T("system")
	case corpus.LayerGold:
		return p.T("gold")
	}
	return p.T("annotator")
}
