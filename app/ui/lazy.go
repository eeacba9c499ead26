package ui

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/view"
)

// Long documents and corpora are drawn in chunks, each its own component:
// an edit re-renders only the chunk it touches, and a chunk far from the
// visible part of its panel is drawn as an empty box of about its size until
// it comes near (browser.Visibility). Each chunk's root carries data-lazy,
// the key it is reported by.

// Sizes for the boxes that stand in for chunks not drawn yet.
const (
	blockRunes  = 1500 // code points of document text per block
	runesALine  = 95   // code points a line of the document, about
	lineHeight  = 44   // px: the document's line height
	paraMargin  = 13   // px: the space between paragraphs
	groupRows   = 40   // spans per group of the span list, at most
	rowHeight   = 26   // px: a row of the span list
	docsAChunk  = 50   // documents per chunk of the document list
	docItemSize = 48   // px: an entry of the document list
)

// lazyKey names chunk i of the current generation of a panel.
func lazyKey(gen, i int) string { return strconv.Itoa(gen) + ":" + strconv.Itoa(i) }

// parseLazyKey reverses lazyKey.
func parseLazyKey(k string) (gen, i int, ok bool) {
	_, err := fmt.Sscanf(k, "%d:%d", &gen, &i)
	return gen, i, err == nil
}

// observe watches a chunk that is not drawn yet.
func observe(c app.Composer, vis *browser.Visibility, shown bool) {
	if !shown {
		vis.Observe(c.JSValue())
	}
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
	Vis      *browser.Visibility
}

// OnMount watches the block if it is not drawn.
func (b *Block) OnMount(ctx app.Context) { observe(b, b.Vis, b.Shown) }

// OnUpdate watches the block again when it stands for another one.
func (b *Block) OnUpdate(ctx app.Context) { observe(b, b.Vis, b.Shown) }

// Render draws the block, or a box of about its size.
func (b *Block) Render() app.UI {
	el := app.Div().Class("block").
		Attr("data-lazy", b.Key).
		Attr("data-start", strconv.Itoa(b.Block.Start)).
		Attr("data-end", strconv.Itoa(b.Block.End))
	if !b.Shown {
		h := b.Block.Lines(runesALine)*lineHeight + len(b.Block.Paras)*paraMargin
		return el.Style("height", strconv.Itoa(h)+"px")
	}
	paras := make([]app.UI, len(b.Block.Paras))
	for i, p := range b.Block.Paras {
		paras[i] = b.para(p)
	}
	return el.Body(paras...)
}

func (b *Block) para(p view.Paragraph) app.UI {
	segs := view.Segments(p, view.Overlapping(b.Spans, p.Start, p.End))
	el := app.P().Class("para").
		Attr("data-start", strconv.Itoa(p.Start)).
		Attr("data-end", strconv.Itoa(p.End))
	if len(segs) == 0 {
		return el.Body(app.Br())
	}
	kids := make([]app.UI, len(segs))
	for i, s := range segs {
		if s.Span == nil {
			kids[i] = app.Span().
				Attr("data-start", strconv.Itoa(s.Start)).
				Attr("data-end", strconv.Itoa(s.End)).
				Text(s.Text)
			continue
		}
		cls := "span"
		if s.Span.ID == b.Selected {
			cls += " selected"
		}
		if s.Span.ID == b.Flash {
			cls += " flash"
		}
		kids[i] = app.Mark().Class(cls).
			ID("span-"+s.Span.ID).
			Attr("data-id", s.Span.ID).
			Attr("data-label", string(s.Span.Label)).
			Attr("data-start", strconv.Itoa(s.Start)).
			Attr("data-end", strconv.Itoa(s.End)).
			Title(string(s.Span.Label)).
			Text(s.Text)
	}
	return el.Body(kids...)
}

// SpanGroup lists the spans of one block in the side panel.
type SpanGroup struct {
	app.Compo
	Key      string
	Block    view.Block
	Spans    []corpus.Span // the spans starting in the block
	First    int           // the list number of the first span
	Selected string
	Shown    bool
	Vis      *browser.Visibility
}

// OnMount watches the group if it is not drawn.
func (g *SpanGroup) OnMount(ctx app.Context) { observe(g, g.Vis, g.Shown) }

// OnUpdate watches the group again when it stands for another one.
func (g *SpanGroup) OnUpdate(ctx app.Context) { observe(g, g.Vis, g.Shown) }

// Render draws the group's rows, or a box of their size.
func (g *SpanGroup) Render() app.UI {
	el := app.Ol().Class("span-list").Attr("data-lazy", g.Key).Attr("start", strconv.Itoa(g.First+1))
	if !g.Shown {
		return el.Style("height", strconv.Itoa(len(g.Spans)*rowHeight)+"px")
	}
	rows := make([]app.UI, len(g.Spans))
	for i, sp := range g.Spans {
		cls := "span-item"
		if sp.ID == g.Selected {
			cls += " selected"
		}
		rows[i] = app.Li().Class(cls).DataSet("testid", "span-item").DataSet("id", sp.ID).Body(
			app.Span().Class("chip").DataSet("label", string(sp.Label)).Text(string(sp.Label)),
			app.Span().Class("span-text").Dir("rtl").Lang("ar").Text(g.text(sp)),
		)
	}
	return el.Body(rows...)
}

// text returns a span's text from the paragraphs of the block.
func (g *SpanGroup) text(sp corpus.Span) string {
	out := ""
	for _, p := range g.Block.Paras {
		if sp.Start < p.End && p.Start < sp.End || sp.Start == p.Start {
			if out != "" {
				out += " "
			}
			out += view.Text(p.Text, p.Start, max(sp.Start, p.Start), min(sp.End, p.End))
		}
	}
	return out
}

// DocChunk lists a run of documents in the document list.
type DocChunk struct {
	app.Compo
	Key    string
	Items  []corpus.Summary
	Open   string // ID of the open document
	Labels []corpus.LabelDef
	Shown  bool
	Vis    *browser.Visibility
}

// OnMount watches the chunk if it is not drawn.
func (c *DocChunk) OnMount(ctx app.Context) { observe(c, c.Vis, c.Shown) }

// OnUpdate watches the chunk again when it stands for another one.
func (c *DocChunk) OnUpdate(ctx app.Context) { observe(c, c.Vis, c.Shown) }

// Render draws the entries, or a box of their size.
func (c *DocChunk) Render() app.UI {
	el := app.Ul().Class("doc-chunk").Attr("data-lazy", c.Key)
	if !c.Shown {
		return el.Style("height", strconv.Itoa(len(c.Items)*docItemSize)+"px")
	}
	items := make([]app.UI, len(c.Items))
	for i, sm := range c.Items {
		cls := "doc-item"
		if sm.ID == c.Open {
			cls += " open"
		}
		chips := make([]app.UI, 0, len(c.Labels))
		for _, d := range c.Labels {
			if n := sm.Counts[d.Name]; n > 0 {
				chips = append(chips, app.Span().Class("chip").DataSet("label", string(d.Name)).
					Title(d.English).Text(strconv.Itoa(n)))
			}
		}
		items[i] = app.Li().Class(cls).DataSet("testid", "doc").DataSet("id", sm.ID).Body(
			app.Div().Class("doc-title").Dir("auto").Text(sm.Title),
			app.Div().Class("doc-meta").Body(
				app.Span().Class("status "+string(sm.Status)).Text(statusNames[sm.Status]),
				app.Span().Class("count").Text(plural(sm.Total(), "span")),
				app.Span().Class("chips").Body(chips...),
			),
		)
	}
	return el.Body(items...)
}
