// Command hello is the smallest go-app program: one component that renders
// "hello". BenchmarkBrowserWasmSize builds it with the app's toolchain and
// flags, as the baseline of what go-app and the Go runtime weigh alone;
// BenchmarkBrowserColdLoad also writes its static site (run natively with
// the site's folder as its argument) and times its loads beside the app's.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

// Render marks the heading drawn in the browser, which replaces the one
// written into index.html when the site was generated.
func (h *hello) Render() app.UI {
	h1 := app.H1().Text("hello")
	if app.IsClient {
		h1 = h1.DataSet("client", true)
	}
	return h1
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
	generate() // natively: the static site
}
