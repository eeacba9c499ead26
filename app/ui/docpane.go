package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/locale"
)

// DocPane is the page's middle panel: what is being loaded, or the open
// document (its head, the palette and its text), or, when none is open,
// how to get one. Its element stays for the page's life: the document's
// blocks are watched coming into view within it.
type DocPane struct {
	app.Compo
	Loc     locale.Settings // the language its words are written in
	Loading string          // what is being loaded, shown in place of the document

	// Doc draws the open document's parts, or returns nil when none is
	// open. It is a func, which go-app does not compare: the parts hold
	// the document's blocks, which DocumentView compares, once.
	Doc func() []app.UI
}

// Render draws the panel.
func (d *DocPane) Render() app.UI {
	p := locale.New(d.Loc)
	pane := app.Section().Class("editor").ID("doc").DataSet("role", "editor").TabIndex(-1).Attr("aria-label", p.T("Document"))
	if d.Loading != "" {
		return pane.Body(app.P().Class("empty").Text(d.Loading))
	}
	if parts := d.Doc(); parts != nil {
		return pane.Body(parts...)
	}
	return pane.Body(
		app.Div().Class("empty").Body(
			app.H2().Text(p.T("No document open")),
			app.P().Text(p.T("Import .txt or .jsonl files (button above, or drop them here), then pick a document from the list.")),
		),
	)
}
