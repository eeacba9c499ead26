package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
)

// DocChunk lists a run of documents in the document list.
type DocChunk struct {
	app.Compo
	Key     string
	Items   []corpus.Summary
	Open    string   // ID of the open document
	Checked []string // IDs of the chunk's documents chosen for deleting
	// Curation is the curation of the chunk's documents curated, by ID.
	Curation map[string]corpus.CurationInfo
	Labels   []corpus.LabelDef
	Loc      locale.Settings // the language its words are written in
	Shown    bool
	Vis      *browser.Visibility
	Painted  painted
}

// OnMount fills the chunk.
func (c *DocChunk) OnMount(ctx app.Context) { c.fill(true) }

// OnUpdate refills the chunk when its content changed.
func (c *DocChunk) OnUpdate(ctx app.Context) { c.fill(false) }

func (c *DocChunk) fill(mounted bool) {
	html := ""
	if c.Shown {
		html = docItemsHTML(locale.New(c.Loc), c.Items, c.Open, c.Checked, c.Labels, c.Curation)
	}
	chunk(c, c.Painted, c.Key, html, c.Vis, c.Shown, mounted)
}

// Render draws the chunk's box.
func (c *DocChunk) Render() app.UI {
	el := app.Ul().Class("doc-chunk").Attr("data-lazy", c.Key)
	if !c.Shown {
		el = el.Style("height", strconv.Itoa(len(c.Items)*docItemSize)+"px")
	}
	return el
}
