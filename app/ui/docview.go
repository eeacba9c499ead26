package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/view"
)

// DocumentView is the open document's text, its blocks drawn by Block. It
// is the one writer of its element's data-span-count: from its props, and
// from count, which an edit calls straight from the key handler.
type DocumentView struct {
	app.Compo
	Text    DocText
	Vis     *browser.Visibility // watches the blocks not drawn
	Painted painted             // what the blocks' elements hold
	Owner   documentOwner
}

// LaidOut is what a panel draws of the open document's view.Layout: its
// blocks, the spans each block shows, which blocks are drawn, and the
// selected span. A layout replaces the slices it changes rather than
// writing into them, so go-app's comparison of these props sees every
// change, and costs little when the slices are the ones it saw before.
type LaidOut struct {
	Gen      int // the layout's generation: its chunks' keys
	Count    int // the document's spans
	Blocks   []view.Block
	Spans    [][]corpus.Span // the spans each block shows
	Shown    []bool          // the blocks drawn
	Selected string          // the ID of the selected span, or ""
	SelBlock int             // the block holding it, or -1
}

// DocText is what the document view draws: the blocks with the spans
// overlapping each, their boxes' heights, and the flashing span.
type DocText struct {
	LaidOut
	Heights    []int  // px: each block's height when last drawn, or 0
	Flash      string // the ID of the span flashing, or ""
	FlashBlock int    // the block holding it, or -1
	// Suggest are the suggestions shown overlapping each block (see
	// suggestion.PerBlock); Current the element ID of the chosen one, in
	// block CurBlock (or -1).
	Suggest  [][]corpus.Span
	Current  string
	CurBlock int
	// Marks are the marks painted over each block (the extractor's errors).
	Marks [][]view.Mark
}

// documentOwner carries out what the document view reports.
type documentOwner interface {
	onDocClick(ctx app.Context, e app.Event) // a click in the text
}

// OnMount writes the count.
func (d *DocumentView) OnMount(ctx app.Context) {
	mounted.documentView = d
	d.count(d.Text.Count)
}

// OnUpdate writes the count.
func (d *DocumentView) OnUpdate(ctx app.Context) { d.count(d.Text.Count) }

// OnDismount forgets the instance.
func (d *DocumentView) OnDismount() {
	if mounted.documentView == d {
		mounted.documentView = nil
	}
}

// count shows n as the document's number of spans.
func (d *DocumentView) count(n int) {
	if d == nil {
		return
	}
	if el := d.JSValue(); el != nil && el.Truthy() {
		el.Call("setAttribute", "data-span-count", strconv.Itoa(n))
	}
}

// onClick reports a click in the text.
func (d *DocumentView) onClick(ctx app.Context, e app.Event) { d.Owner.onDocClick(ctx, e) }

// Render draws the document, right to left, in Arabic.
func (d *DocumentView) Render() app.UI {
	t := &d.Text
	blocks := make([]app.UI, len(t.Blocks))
	for i := range t.Blocks {
		b := &Block{Key: lazyKey(kindBlock, t.Gen, i), Block: &t.Blocks[i], Spans: t.Spans[i], Shown: t.Shown[i], Height: t.Heights[i], Vis: d.Vis, Painted: d.Painted}
		if i == t.SelBlock {
			b.Selected = t.Selected
		}
		if i == t.FlashBlock {
			b.Flash = t.Flash
		}
		if i < len(t.Suggest) {
			b.Suggest = t.Suggest[i]
		}
		if i == t.CurBlock {
			b.Current = t.Current
		}
		if i < len(t.Marks) {
			b.Marks = t.Marks[i]
		}
		blocks[i] = b
	}
	return app.Article().Class("document").
		DataSet("testid", "document").DataSet("role", "document").
		Dir("rtl").Lang("ar").
		OnClick(d.onClick).
		Body(blocks...)
}
