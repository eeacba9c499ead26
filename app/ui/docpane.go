package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// DocPane is the page's middle panel: what is being loaded, or the open
// document (its head, the palette and its text), or, when none is open,
// how to get one. Its element stays for the page's life: the document's
// blocks are watched coming into view within it.
type DocPane struct {
	app.Compo
	Loc     locale.Settings // the language its words are written in
	Loading string          // what is being loaded, shown in place of the document
	Doc     *OpenDoc        // the open document, or nil
	Room    app.UI          // a view shown in place of the document (Agreement), or nil
	Vis     *browser.Visibility
	Painted painted
	Owner   docPaneOwner
}

// OpenDoc is the open document as the document pane draws it.
type OpenDoc struct {
	ID     string
	Title  string
	Status corpus.Status
	Labels []corpus.LabelDef // the schema's, for the palette
	Text   DocText
	Store  store.Store // where its other layers are read from
	Stamp  int         // changes when its layers may have changed
	// Suggest is what the suggestion bar shows.
	Suggest SuggestBar
	// Errors is what the bar of the extractor's errors shows.
	Errors ErrorMarksBar
}

// docPaneOwner carries out what the document pane's views report.
type docPaneOwner interface {
	docHeadOwner
	paletteOwner
	documentOwner
	suggestBarOwner
	errorMarksOwner
}

// Render draws the panel.
func (d *DocPane) Render() app.UI {
	p := locale.New(d.Loc)
	pane := app.Section().Class("editor").ID("doc").DataSet("role", "editor").TabIndex(-1).Attr("aria-label", p.T("Document"))
	switch {
	case d.Room != nil:
		return pane.Body(d.Room)
	case d.Loading != "":
		return pane.Body(app.P().Class("empty").Text(d.Loading))
	case d.Doc != nil:
		return pane.Body(
			&DocHead{Loc: d.Loc, Title: d.Doc.Title, Status: d.Doc.Status, Owner: d.Owner},
			&LayerList{Loc: d.Loc, Store: d.Doc.Store, Doc: d.Doc.ID, Own: d.Doc.Text.Count, Stamp: d.Doc.Stamp},
			&Palette{Loc: d.Loc, Labels: d.Doc.Labels, Owner: d.Owner},
			&SuggestBar{Loc: d.Loc, Count: d.Doc.Suggest.Count, Control: d.Doc.Suggest.Control, Long: d.Doc.Suggest.Long, Chosen: d.Doc.Suggest.Chosen, Owner: d.Owner},
			&ErrorMarksBar{Loc: d.Loc, Missed: d.Doc.Errors.Missed, Wrong: d.Doc.Errors.Wrong, Owner: d.Owner},
			&DocumentView{Text: d.Doc.Text, Vis: d.Vis, Painted: d.Painted, Owner: d.Owner},
		)
	}
	return pane.Body(
		app.Div().Class("empty").Body(
			app.H2().Text(p.T("No document open")),
			app.P().Text(p.T("Import .txt or .jsonl files (button above, or drop them here), then pick a document from the list.")),
		),
	)
}
