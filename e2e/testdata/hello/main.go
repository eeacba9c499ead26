// Command hello is the smallest go-app program: one component that renders
// "hello". BenchmarkBrowserWasmSize builds it with the app's toolchain and
// flags, as the baseline of what go-app and the Go runtime weigh alone.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("hello") }

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
