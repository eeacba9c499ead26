package browser

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/offsets"
)

// The DOM contract of a rendered document: every element holding document
// text carries data-start (and data-end), code-point offsets; the root is
// marked data-role="document", the panel it is drawn in data-role="editor".
const (
	attrStart = "data-start"
	attrEnd   = "data-end"
	rootQuery = `[data-role="document"]`
	paneQuery = `[data-role="editor"]`
)

func intAttr(el app.Value, name string) (int, bool) {
	if !el.Truthy() || el.Get("nodeType").Int() != 1 {
		return 0, false
	}
	v := el.Call("getAttribute", name)
	if v.IsNull() {
		return 0, false
	}
	n, err := strconv.Atoi(v.String())
	return n, err == nil
}

// Selection returns the current DOM selection inside the document root as
// code-point offsets [start, end) in logical order; ok is false when there is
// no selection inside the document.
func Selection() (start, end int, ok bool) { return SelectionIn(rootQuery) }

// SelectionIn returns the current DOM selection inside the element root
// (a CSS selector) as Selection does inside the document root.
func SelectionIn(rootQuery string) (start, end int, ok bool) {
	sel := app.Window().Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 {
		return 0, 0, false
	}
	root := app.Window().Get("document").Call("querySelector", rootQuery)
	if !root.Truthy() {
		return 0, 0, false
	}
	r := sel.Call("getRangeAt", 0)
	sc, so := r.Get("startContainer"), r.Get("startOffset").Int()
	ec, eo := r.Get("endContainer"), r.Get("endOffset").Int()
	if !root.Call("contains", sc).Bool() || !root.Call("contains", ec).Bool() {
		return 0, 0, false
	}
	start, ok1 := boundary(sc, so, false)
	end, ok2 := boundary(ec, eo, true)
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	if end < start {
		start, end = end, start
	}
	return start, end, true
}

// Caret returns the code-point offset of the selection's focus (the end that
// moves with Shift+arrows).
func Caret() (int, bool) {
	sel := app.Window().Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 {
		return 0, false
	}
	return boundary(sel.Get("focusNode"), sel.Get("focusOffset").Int(), false)
}

// Anchor returns the code-point offset of the selection's anchor.
func Anchor() (int, bool) {
	sel := app.Window().Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 {
		return 0, false
	}
	return boundary(sel.Get("anchorNode"), sel.Get("anchorOffset").Int(), false)
}

// boundary converts a DOM range boundary to a code-point offset. In a text
// node the offset counts UTF-16 units of node.data; on an element it is a
// child index.
func boundary(node app.Value, off int, isEnd bool) (int, bool) {
	if !node.Truthy() {
		return 0, false
	}
	if node.Get("nodeType").Int() == 3 { // text
		parent := node.Get("parentElement")
		start, ok := intAttr(parent, attrStart)
		if !ok {
			return 0, false
		}
		// Document text before this node within the same parent.
		for sib := node.Get("previousSibling"); sib.Truthy(); sib = sib.Get("previousSibling") {
			if sib.Get("nodeType").Int() == 3 {
				start += offsets.RuneCount(sib.Get("data").String())
			}
		}
		return start + offsets.UTF16ToRune(node.Get("data").String(), off), true
	}
	kids := node.Get("childNodes")
	if off < kids.Length() {
		return startOf(kids.Index(off))
	}
	if end, ok := intAttr(node, attrEnd); ok {
		return end, true
	}
	// After the last child: the end of the last child that has one.
	for k := kids.Length() - 1; k >= 0; k-- {
		if end, ok := endOf(kids.Index(k)); ok {
			return end, true
		}
	}
	return 0, false
}

func startOf(n app.Value) (int, bool) {
	if s, ok := intAttr(n, attrStart); ok {
		return s, true
	}
	if n.Get("nodeType").Int() == 3 {
		return boundary(n, 0, false)
	}
	if n.Get("nodeType").Int() == 1 {
		if c := n.Call("querySelector", "["+attrStart+"]"); c.Truthy() {
			return intAttr(c, attrStart)
		}
	}
	// A decoration: take the next sibling's start.
	if next := n.Get("nextSibling"); next.Truthy() {
		return startOf(next)
	}
	return 0, false
}

func endOf(n app.Value) (int, bool) {
	if e, ok := intAttr(n, attrEnd); ok {
		return e, true
	}
	if n.Get("nodeType").Int() == 3 {
		return boundary(n, n.Get("length").Int(), true)
	}
	return 0, false
}

// Select sets the DOM selection to code points [start, end) of the rendered
// document, anchored at anchor's side (start when anchor==start). It returns
// false when those offsets are not rendered.
func Select(anchor, focus int) bool {
	root := app.Window().Get("document").Call("querySelector", rootQuery)
	if !root.Truthy() {
		return false
	}
	an, ao, ok1 := locate(root, anchor)
	fn, fo, ok2 := locate(root, focus)
	if !ok1 || !ok2 {
		return false
	}
	app.Window().Call("getSelection").Call("setBaseAndExtent", an, ao, fn, fo)
	return true
}

// ClearSelection removes any DOM selection.
func ClearSelection() {
	if sel := app.Window().Call("getSelection"); sel.Truthy() {
		sel.Call("removeAllRanges")
	}
}

// locate finds the text node and UTF-16 offset of code point c, searching
// the elements that carry data-start.
func locate(root app.Value, c int) (app.Value, int, bool) {
	el := root
	for {
		kids := el.Get("children")
		n := kids.Length()
		// Binary search for the last child with data-start <= c.
		lo, hi := 0, n
		for lo < hi {
			mid := (lo + hi) / 2
			s, ok := intAttr(kids.Index(mid), attrStart)
			if !ok || s <= c {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo == 0 {
			break
		}
		child := kids.Index(lo - 1)
		if _, ok := intAttr(child, attrStart); !ok {
			break
		}
		el = child
		if el.Get("children").Length() == 0 {
			break
		}
	}
	start, ok := intAttr(el, attrStart)
	if !ok {
		return nil, 0, false
	}
	text := el.Get("firstChild")
	if !text.Truthy() || text.Get("nodeType").Int() != 3 {
		return el, 0, true
	}
	data := text.Get("data").String()
	if c-start > offsets.RuneCount(data) {
		return nil, 0, false
	}
	return text, offsets.RuneToUTF16(data, c-start), true
}

// Query returns the first element matching sel (null when none does).
func Query(sel string) app.Value {
	return app.Window().Get("document").Call("querySelector", sel)
}

// ReplaceElement replaces the element matching sel inside parent with the
// element written in html.
func ReplaceElement(parent app.Value, sel, html string) {
	if el := parent.Call("querySelector", sel); el.Truthy() {
		el.Set("outerHTML", html)
	}
}

// ChunkAt returns the data-lazy key of the chunk at the middle of panel's
// visible part, or "".
func ChunkAt(panel app.Value) string {
	if !panel.Truthy() {
		return ""
	}
	r := panel.Call("getBoundingClientRect")
	el := app.Window().Get("document").Call("elementFromPoint", r.Get("x").Float()+r.Get("width").Float()/2, r.Get("y").Float()+r.Get("height").Float()/2)
	if !el.Truthy() {
		return ""
	}
	if c := el.Call("closest", "[data-lazy]"); c.Truthy() {
		return c.Call("getAttribute", "data-lazy").String()
	}
	return ""
}

// FocusInDocument reports whether keyboard focus is on the document's
// panel or in its text, or on nothing (the page itself).
func FocusInDocument() bool {
	doc := app.Window().Get("document")
	a := doc.Get("activeElement")
	if !a.Truthy() || a.Equal(doc.Get("body")) {
		return true
	}
	return a.Call("matches", paneQuery).Bool() || a.Call("closest", rootQuery).Truthy()
}

// ShowSelection scrolls the document so that the selection's focus is in view.
func ShowSelection() {
	sel := app.Window().Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 {
		return
	}
	if n := sel.Get("focusNode"); n.Truthy() {
		if n.Get("nodeType").Int() != 1 {
			n = n.Get("parentElement")
		}
		if n.Truthy() {
			n.Call("scrollIntoView", map[string]any{"block": "nearest"})
		}
	}
}

// Focus gives keyboard focus to the first element matching sel, if any.
func Focus(sel string) {
	if el := Query(sel); el.Truthy() {
		el.Call("focus")
	}
}
