package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/locale"
)

// Side is the side panel: the open document's span list, its groups
// (SpanGroup) drawn as they come near view, or in its place the panel the
// top bar opened (Overview, Guide, DatasetSettings). Its element stays for
// the page's life: the groups are watched coming into view within it, and
// the arrow keys move along the list from it as from a row.
type Side struct {
	app.Compo
	Loc     locale.Settings     // the language its words are written in
	Panel   app.UI              // the panel shown in place of the span list, or nil
	Open    bool                // a document is open
	List    LaidOut             // the spans starting in each block, its groups
	Values  SelectedSpan        // the selected span, whose values it edits
	Vis     *browser.Visibility // watches the groups not drawn
	Painted painted             // what the groups' elements hold
	Owner   sideOwner
}

// sideOwner carries out what the side panel reports.
type sideOwner interface {
	jumpTo(ctx app.Context, id string) // a span chosen in the list
	spanValuesOwner
}

// onClick selects the span of the row clicked.
func (c *Side) onClick(ctx app.Context, e app.Event) {
	if li := e.Get("target").Call("closest", "[data-role=span-item]"); li.Truthy() {
		c.Owner.jumpTo(ctx, li.Call("getAttribute", "data-id").String())
	}
}

// onKeyDown moves along the list with the arrow keys, selecting each span
// reached.
func (c *Side) onKeyDown(ctx app.Context, e app.Event) {
	if li := moveFocus(e, "[data-role=span-item]", "ArrowDown", "ArrowUp"); li.Truthy() {
		id := li.Call("getAttribute", "data-id").String()
		c.Owner.jumpTo(ctx, id)
		// The row is drawn anew as selected: focus goes to the new one.
		ctx.Defer(func(app.Context) { browser.Focus(`[data-role=span-item][data-id="` + id + `"]`) })
	}
}

// Render draws the panel.
func (c *Side) Render() app.UI {
	p := locale.New(c.Loc)
	side := app.Aside().Class("side").DataSet("role", "side").TabIndex(0).Attr("aria-label", p.T("Side panel"))
	switch {
	case c.Panel != nil:
		return side.Body(c.Panel)
	case !c.Open:
		return side
	}
	return side.OnClick(c.onClick).OnKeyDown(c.onKeyDown).Body(
		app.H2().Text(p.T("Spans (%d)", c.List.Count)),
		&SpanValues{Loc: c.Loc, Span: c.Values, Owner: c.Owner},
		app.Div().DataSet("testid", "span-list").DataSet("role", "span-list").Body(c.groups()...),
	)
}

// groups draws the span list's groups, one per block.
func (c *Side) groups() []app.UI {
	l := &c.List
	out := make([]app.UI, len(l.Blocks))
	for i := range l.Blocks {
		g := &SpanGroup{Key: lazyKey(kindGroup, l.Gen, i), Block: &l.Blocks[i], Spans: l.Spans[i], Shown: l.Shown[i], Vis: c.Vis, Painted: c.Painted}
		if i == l.SelBlock {
			g.Selected = l.Selected
		}
		out[i] = g
	}
	return out
}
