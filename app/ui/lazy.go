package ui

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
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
// Each owner of chunks keeps one map for its life (the Shell for the
// document's blocks and the side list's groups, DocList for its own):
// go-app compares a chunk's props with reflect.DeepEqual, and a map swapped
// for an equal one would leave a chunk writing into the old one.
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
