package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/view"
)

// SpanGroup lists the spans of one block in the side panel. Rows are
// numbered by a CSS counter, which a box not shown advances by its row
// count, so an insertion does not touch the groups after it.
type SpanGroup struct {
	app.Compo
	Key      string
	Block    *view.Block   // the layout's, which it never changes
	Spans    []corpus.Span // the spans starting in the block
	Selected string
	Shown    bool
	Vis      *browser.Visibility
	Painted  painted
}

// OnMount fills the group.
func (g *SpanGroup) OnMount(ctx app.Context) { g.fill(true) }

// OnUpdate refills the group when its content changed.
func (g *SpanGroup) OnUpdate(ctx app.Context) { g.fill(false) }

func (g *SpanGroup) fill(mounted bool) {
	html := ""
	if g.Shown {
		html = spanRowsHTML(*g.Block, g.Spans, g.Selected)
	}
	chunk(g, g.Painted, g.Key, html, g.Vis, g.Shown, mounted)
}

// Render draws the group's box.
func (g *SpanGroup) Render() app.UI {
	el := app.Ol().Class("span-list").Attr("data-lazy", g.Key)
	if !g.Shown {
		el = el.Style("height", strconv.Itoa(len(g.Spans)*rowHeight)+"px").
			Style("counter-increment", "span "+strconv.Itoa(len(g.Spans)))
	}
	return el
}
