package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// DocumentView is the open document's text, its blocks drawn by Block. It
// is the one writer of its element's data-span-count: from its props, and
// from count, which an edit calls straight from the key handler.
type DocumentView struct {
	app.Compo
	Count   int      // the document's spans
	Blocks  []app.UI // the document's blocks, in order
	OnClick app.EventHandler
}

// OnMount writes the count.
func (d *DocumentView) OnMount(ctx app.Context) {
	mounted.documentView = d
	d.count(d.Count)
}

// OnUpdate writes the count.
func (d *DocumentView) OnUpdate(ctx app.Context) { d.count(d.Count) }

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

// Render draws the document, right to left, in Arabic.
func (d *DocumentView) Render() app.UI {
	return app.Article().Class("document").
		DataSet("testid", "document").DataSet("role", "document").
		Dir("rtl").Lang("ar").
		OnClick(d.OnClick).
		Body(d.Blocks...)
}
