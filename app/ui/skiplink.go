package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/locale"
)

// SkipLink is the page's first link, shown when focused: it takes keyboard
// focus past the top bar and the document list, to the document.
type SkipLink struct {
	app.Compo
	Loc locale.Settings // the language its words are written in
}

// Render draws the link.
func (l *SkipLink) Render() app.UI {
	return app.A().Class("skip").Href("#doc").Text(locale.New(l.Loc).T("Skip to the document")).
		OnClick(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			if el := app.Window().Get("document").Call("getElementById", "doc"); el.Truthy() {
				el.Call("focus")
			}
		})
}
