// Command raqim is the raqim app. Compiled to WebAssembly it is the browser
// app; run natively it writes the static bundle and serves it:
//
//	raqim bundle -o dist [-base /sub/path]
//	raqim serve -dir dist [-addr 127.0.0.1:8080]
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/app/ui"
)

func main() {
	browser.Mark("main") // the runtime and every package's init have run
	if app.IsClient {
		go ui.OpenStorage()
	}
	tune()
	app.Route("/", func() app.Composer { return &ui.Shell{} })
	app.RunWhenOnBrowser()

	native() // natively: the bundle generator and the local server
}
