package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/locale"
)

// CurationStatus is the curation view's status line: how many of the
// document's units are open, how many there are, and the layers. It is the
// one writer of its data-open and of its badge's class and text: from its
// props, and from show, which a decision calls straight from its key's
// handler so that the count changes in the next frame the browser paints.
type CurationStatus struct {
	app.Compo
	Loc    locale.Settings
	Open   int // units open
	Units  int
	Layers []string
}

// OnMount registers the instance and writes the count.
func (c *CurationStatus) OnMount(ctx app.Context) {
	mounted.curationStatus = c
	c.show(c.Open)
}

// OnUpdate writes the count.
func (c *CurationStatus) OnUpdate(ctx app.Context) { c.show(c.Open) }

// OnDismount forgets the instance.
func (c *CurationStatus) OnDismount() {
	if mounted.curationStatus == c {
		mounted.curationStatus = nil
	}
}

// show writes open as the count of open units.
func (c *CurationStatus) show(open int) {
	if c == nil {
		return
	}
	el := c.JSValue()
	if el == nil || !el.Truthy() {
		return
	}
	p := locale.New(c.Loc)
	status, badge := p.T("Curated: every unit is settled"), "done"
	if open > 0 {
		status, badge = p.T("%s to decide", locale.Text(p.T("%d open units", open))), "open"
	}
	el.Call("setAttribute", "data-open", open)
	if b := el.Get("firstElementChild"); b.Truthy() {
		b.Call("setAttribute", "class", "cu-badge "+badge)
		b.Set("textContent", status)
	}
}

// Render draws the line; show writes the badge.
func (c *CurationStatus) Render() app.UI {
	p := locale.New(c.Loc)
	return app.P().Class("cu-status").DataSet("testid", "cu-status").Attr("role", "status").Body(
		app.Span(),
		app.Span().Class("meta").Text(" · "+p.T("%d units", c.Units)+" · "+p.T("layers: %s", strings.Join(c.Layers, p.T(", ")))),
	)
}
