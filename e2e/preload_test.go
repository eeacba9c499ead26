package e2e

import (
	"path"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStartFetchesOnce checks that a first visit fetches each of the app's
// code, style and font files once: what the page preloads (app.wasm, the web font) is what its
// scripts and style sheet then use, not fetched a second time.
func TestStartFetchesOnce(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitDrawn(t, ctx, "the first document")
	var fetched []struct {
		Name, Initiator string
	}
	eval(t, ctx, `performance.getEntriesByType('resource').map((e) => ({name: new URL(e.name).pathname, initiator: e.initiatorType}))`, &fetched)
	seen := map[string]int{}
	for _, f := range fetched {
		switch path.Ext(f.Name) {
		case ".wasm", ".woff2", ".js", ".css": // the browser's own icon requests are its business
			seen[f.Name]++
		}
	}
	for name, n := range seen {
		if n > 1 {
			t.Errorf("%s fetched %d times", name, n)
		}
	}
	for _, want := range []string{"/web/app.wasm", "/web/fonts/NotoNaskhArabic-Regular.woff2"} {
		found := false
		for _, f := range fetched {
			if f.Name == want {
				found = true
				if f.Initiator != "link" {
					t.Errorf("%s fetched by %s, not by the page's preload", want, f.Initiator)
				}
			}
		}
		if !found {
			t.Errorf("%s not fetched", want)
		}
	}
}
