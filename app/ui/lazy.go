package ui

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/view"
)

// Long documents and corpora are drawn in chunks, each its own component:
// an edit re-renders only the chunk it touches, and a chunk far from the
// visible part of its panel is drawn as an empty box of about its size until
// it comes near (browser.Visibility). Each chunk's root carries data-lazy,
// the key it is reported by.

// Sizes for the boxes that stand in for chunks not drawn yet.
const (
	runesALine  = 95 // code points a line of the document, about
	lineHeight  = 44 // px: the document's line height
	paraMargin  = 13 // px: the space between paragraphs
	rowHeight   = 26 // px: a row of the span list
	docsAChunk  = 50 // documents per chunk of the document list
	docItemSize = 48 // px: an entry of the document list
)

// Chunk kinds, the first letter of their keys.
const (
	kindBlock = 'b' // a block of the document
	kindGroup = 'g' // a group of the side list
	kindDocs  = 'd' // a chunk of the document list
)

// lazyKey names chunk i of a kind in the current generation of its panel:
// keys are unique in the page.
func lazyKey(kind byte, gen, i int) string {
	return string(kind) + strconv.Itoa(gen) + ":" + strconv.Itoa(i)
}

// parseLazyKey reverses lazyKey.
func parseLazyKey(k string) (kind byte, gen, i int, ok bool) {
	if k == "" {
		return 0, 0, 0, false
	}
	_, err := fmt.Sscanf(k[1:], "%d:%d", &gen, &i)
	return k[0], gen, i, err == nil
}

// observe watches a chunk that is not drawn yet.
func observe(c app.Composer, vis *browser.Visibility, shown bool) {
	if !shown {
		vis.Observe(c.JSValue())
	}
}

// painted remembers the HTML last written into each chunk's element, by
// key, so that a chunk is rewritten only when its content changes: writing
// the same content again would replace the text nodes a user's selection
// sits in. A key it does not hold is always written, even as empty: go-app
// reuses an element under a new key, with the old key's content in it.
// The Shell keeps one map for its life: go-app compares a chunk's props
// with reflect.DeepEqual, and a map swapped for an equal one would leave
// a chunk writing into the old one.
type painted map[string]string

// content is where paint writes: an element (app.Value).
type content interface{ Set(prop string, v any) }

// paint writes html into el unless it holds it already.
func (p painted) paint(key string, el content, html string) {
	if old, ok := p[key]; ok && old == html {
		return
	}
	el.Set("innerHTML", html)
	p[key] = html
}

// forget drops the records of the chunks of the given kinds.
func (p painted) forget(kinds ...byte) {
	for k := range p {
		if slices.Contains(kinds, k[0]) {
			delete(p, k)
		}
	}
}

// chunk is what Block, SpanGroup and DocChunk share: an element go-app
// creates with its box attributes, and content written by the chunk itself.
// A newly mounted element is empty.
func chunk(c app.Composer, p painted, key, html string, vis *browser.Visibility, shown, mounted bool) {
	if el := c.JSValue(); el != nil && el.Truthy() {
		if mounted {
			p[key] = ""
		}
		p.paint(key, el, html)
	}
	observe(c, vis, shown)
}

// Block draws a run of paragraphs of the open document: their plain text
// and spans, every element carrying the code-point offsets of its text.
type Block struct {
	app.Compo
	Key      string
	Block    view.Block
	Spans    []corpus.Span // the document's spans overlapping the block
	Selected string        // ID of the selected span
	Flash    string        // ID of a span flashing
	Shown    bool
	Height   int // px: the height it was drawn at, for its box; 0 for an estimate
	Vis      *browser.Visibility
	Painted  painted
}

// OnMount fills the block.
func (b *Block) OnMount(ctx app.Context) { b.fill(true) }

// OnUpdate refills the block when its content changed.
func (b *Block) OnUpdate(ctx app.Context) { b.fill(false) }

func (b *Block) fill(mounted bool) {
	html := ""
	if b.Shown {
		html = blockInnerHTML(b.Block, b.Spans)
	}
	chunk(b, b.Painted, b.Key, html, b.Vis, b.Shown, mounted)
	if el := b.JSValue(); el != nil && el.Truthy() {
		markSpans(el, b.Selected, b.Flash)
	}
}

// markSpans marks, inside a block's element, the selected span
// (aria-current) and the flashing one (data-flash), and unmarks any other:
// the one writer of those attributes. It changes no text, so a selection
// the user is making survives it.
func markSpans(el app.Value, selected, flash string) {
	for _, a := range [...]struct{ name, id string }{{"aria-current", selected}, {"data-flash", flash}} {
		if old := el.Call("querySelector", "mark["+a.name+"]"); old.Truthy() && old.Get("id").String() != "span-"+a.id {
			old.Call("removeAttribute", a.name)
		}
		if a.id == "" {
			continue
		}
		if m := el.Call("querySelector", `mark[data-id="`+a.id+`"]`); m.Truthy() {
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

// SpanGroup lists the spans of one block in the side panel. Rows are
// numbered by a CSS counter, which a box not shown advances by its row
// count, so an insertion does not touch the groups after it.
type SpanGroup struct {
	app.Compo
	Key      string
	Block    view.Block
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
		html = spanRowsHTML(g.Block, g.Spans, g.Selected)
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

// DocChunk lists a run of documents in the document list.
type DocChunk struct {
	app.Compo
	Key     string
	Items   []corpus.Summary
	Open    string   // ID of the open document
	Checked []string // IDs of the chunk's documents chosen for deleting
	Labels  []corpus.LabelDef
	Loc     locale.Settings // the language its words are written in
	Shown   bool
	Vis     *browser.Visibility
	Painted painted
}

// OnMount fills the chunk.
func (c *DocChunk) OnMount(ctx app.Context) { c.fill(true) }

// OnUpdate refills the chunk when its content changed.
func (c *DocChunk) OnUpdate(ctx app.Context) { c.fill(false) }

func (c *DocChunk) fill(mounted bool) {
	html := ""
	if c.Shown {
		html = docItemsHTML(locale.New(c.Loc), c.Items, c.Open, c.Checked, c.Labels)
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
