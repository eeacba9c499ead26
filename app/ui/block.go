package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/view"
)

// Block draws a run of paragraphs of the open document: their plain text
// and spans, every element carrying the code-point offsets of its text.
type Block struct {
	app.Compo
	Key      string
	Block    *view.Block   // the layout's, which it never changes
	Spans    []corpus.Span // the document's spans overlapping the block
	Suggest  []corpus.Span // the suggestions shown overlapping the block
	Selected string        // ID of the selected span
	Flash    string        // ID of a span flashing
	Current  string        // element ID of the chosen suggestion
	Marks    []view.Mark   // painted over the block's text (see browser.SetMarks)
	Shown    bool
	Height   int // px: the height it was drawn at, for its box; 0 for an estimate
	Vis      *browser.Visibility
	Painted  painted

	marked string // the key its marks were set under: go-app gives an instance the next document's block
}

// OnMount fills the block.
func (b *Block) OnMount(ctx app.Context) { b.fill(true) }

// OnUpdate refills the block when its content changed.
func (b *Block) OnUpdate(ctx app.Context) { b.fill(false) }

func (b *Block) fill(mounted bool) {
	html := ""
	if b.Shown {
		html = blockInnerHTML(*b.Block, b.Spans, b.Suggest)
	}
	chunk(b, b.Painted, b.Key, html, b.Vis, b.Shown, mounted)
	if el := b.JSValue(); el != nil && el.Truthy() {
		markSpans(el, b.Selected, b.Flash, b.Current)
	}
	if b.marked != "" && b.marked != b.Key {
		browser.SetMarks(b.marked, nil)
	}
	b.marked = b.Key
	if b.Shown {
		browser.SetMarks(b.Key, b.Marks)
	} else {
		browser.SetMarks(b.Key, nil)
	}
}

// OnDismount takes the block's marks away.
func (b *Block) OnDismount() { browser.SetMarks(b.marked, nil) }

// markSpans marks, inside a block's element, the selected span
// (aria-current), the flashing one (data-flash) and the chosen suggestion
// (aria-current too; current is its element's ID), and unmarks any other:
// the one writer of those attributes. It changes no text, so a selection
// the user is making survives it.
func markSpans(el app.Value, selected, flash, current string) {
	spanID := func(id string) string {
		if id == "" {
			return ""
		}
		return "span-" + id
	}
	for _, a := range [...]struct{ name, class, id string }{
		{"aria-current", "span", spanID(selected)}, {"data-flash", "span", spanID(flash)}, {"aria-current", "suggestion", current},
	} {
		if old := el.Call("querySelector", "mark."+a.class+"["+a.name+"]"); old.Truthy() && old.Get("id").String() != a.id {
			old.Call("removeAttribute", a.name)
		}
		if a.id == "" {
			continue
		}
		if m := el.Call("querySelector", `[id="`+a.id+`"]`); m.Truthy() {
			m.Call("setAttribute", a.name, "true")
		}
	}
}

// Render draws the block's box; its content is written by fill.
func (b *Block) Render() app.UI {
	el := app.Div().Class("block").
		Attr("data-lazy", b.Key).
		Attr("data-start", strconv.Itoa(b.Block.Start)).
		Attr("data-end", strconv.Itoa(b.Block.End))
	if !b.Shown {
		h := b.Height
		if h == 0 {
			h = b.Block.Lines(runesALine)*lineHeight + len(b.Block.Paras)*paraMargin
		}
		el = el.Style("height", strconv.Itoa(h)+"px")
	}
	return el
}
