package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Mark records the performance mark "raqim:" + name in the browser (nothing
// natively): the steps of a cold load that make bench breaks it into.
func Mark(name string) {
	if app.IsClient {
		app.Window().Get("performance").Call("mark", "raqim:"+name)
	}
}

// Announce dispatches the DOM event name on the window: web scripts that
// wait on the app's progress listen for it ("raqim:shown": the first
// document painted, which registers the service worker).
func Announce(name string) {
	if app.IsClient {
		w := app.Window()
		w.Call("dispatchEvent", w.Get("Event").New(name))
	}
}
