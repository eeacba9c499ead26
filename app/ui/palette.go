package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
)

// Palette is the toolbar of labels: a button for each label of the schema,
// with its key, and a hint of the keyboard's ways. The arrow keys move
// along it.
type Palette struct {
	app.Compo
	Loc    locale.Settings // the language its words are written in
	Labels []corpus.LabelDef

	Owner paletteOwner
}

// paletteOwner carries out what the palette reports.
type paletteOwner interface {
	labelSelection(ctx app.Context, l corpus.Label) // label the selection, or the selected span
}

// definition is what the label marks, in p's language.
func definition(p *locale.Printer, d corpus.LabelDef) string {
	if p.Lang() == locale.Arabic {
		return d.DefinitionAr
	}
	return d.DefinitionEn
}

// onKeyDown moves focus along the toolbar, which runs in the direction of
// the interface's language (go-app keeps the handler of the first render:
// the direction is read when a key is pressed).
func (c *Palette) onKeyDown(ctx app.Context, e app.Event) {
	next, prev := "ArrowRight", "ArrowLeft"
	if locale.New(c.Loc).Dir() == "rtl" {
		next, prev = prev, next
	}
	moveFocus(e, "[data-role=label]", next, prev)
}

// Render draws the toolbar.
func (c *Palette) Render() app.UI {
	p := locale.New(c.Loc)
	return app.Div().Class("palette").DataSet("testid", "palette").Attr("role", "toolbar").Attr("aria-label", p.T("Labels")).
		OnKeyDown(c.onKeyDown).
		Body(
			app.Range(c.Labels).Slice(func(i int) app.UI {
				d := c.Labels[i]
				key := d.Key
				if len(key) == 6 && key[:5] == "Digit" {
					key = key[5:]
				}
				tab := -1
				if i == 0 {
					tab = 0
				}
				return app.Button().Class("label-button").DataSet("role", "label").DataSet("label", string(d.Name)).TabIndex(tab).
					Title(definition(p, d)).
					On("mousedown", func(ctx app.Context, e app.Event) { e.PreventDefault() }).
					OnClick(func(ctx app.Context, e app.Event) { c.Owner.labelSelection(ctx, d.Name) }, app.EventScope(d.Name)).
					Body(
						app.Kbd().Text(key),
						app.Span().Class("ar").Lang("ar").Text(d.Arabic),
						app.Span().Class("en").Text(d.English),
					)
			}),
			app.Span().Class("hint").Text(p.T("Select text (or go word by word with ← →), press 1–4 · click a span to select · Ctrl+← → from span to span · Del removes · P toggles a proclitic · N goes to the next suggestion, A accepts it, X rejects it, Shift+1–4 accepts all of a label · Ctrl+Z / Ctrl+Shift+Z")),
		)
}
