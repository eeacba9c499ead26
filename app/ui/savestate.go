package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// mounted holds the page's one instance of each component that code
// outside it asks to redraw at once, from a key handler, before go-app's
// next frame.
var mounted struct {
	saveState      *SaveState
	documentView   *DocumentView
	curationStatus *CurationStatus
	// curationUnits are the curation view's units drawn, by index.
	curationUnits map[int]*CurationUnit
}

// SaveState shows whether every edit is stored. It is the one writer of
// its element's class and data-state: from its props, and from saving, which
// an edit calls straight from the key handler; Seq changes with every commit
// and every completed save, so that each one rewrites them.
type SaveState struct {
	app.Compo
	State, Text, Title string
	Seq                int
}

// OnMount writes the state.
func (c *SaveState) OnMount(ctx app.Context) {
	mounted.saveState = c
	c.write(c.State)
}

// OnUpdate writes the state.
func (c *SaveState) OnUpdate(ctx app.Context) { c.write(c.State) }

// OnDismount forgets the instance.
func (c *SaveState) OnDismount() {
	if mounted.saveState == c {
		mounted.saveState = nil
	}
}

// saving shows the state "saving" at once, until the next update.
func (c *SaveState) saving() {
	if c != nil {
		c.write("saving")
	}
}

func (c *SaveState) write(state string) {
	if el := c.JSValue(); el != nil && el.Truthy() {
		el.Call("setAttribute", "class", "save-state "+state)
		el.Call("setAttribute", "data-state", state)
	}
}

// Render draws the indicator's text.
func (c *SaveState) Render() app.UI {
	return app.Span().DataSet("testid", "save-state").DataSet("role", "save-state").Title(c.Title).Text(c.Text)
}
