package browser

import (
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var marked sync.Map // the names marked already

// Mark records the performance mark "raqim:" + name in the browser, the
// first time only (nothing natively): the steps of a cold load that make
// bench breaks it into. Later documents opened add no marks, which the
// browser would keep for the page's life.
func Mark(name string) {
	if _, again := marked.LoadOrStore(name, true); app.IsClient && !again {
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
