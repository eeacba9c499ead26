package e2e

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSubPathOffline bundles the app for a sub-path, serves it there, and
// reloads it with the server stopped: the service worker must answer the
// navigation to /raqim/ from its cache.
func TestSubPathOffline(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command("go", "run", "./wasm", "bundle", "-o", out, "-base", "/raqim")
	cmd.Dir = ".."
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("bundling under /raqim: %v\n%s", err, b)
	}
	srv := serveDir(t, out, "/raqim/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	waitDrawn(t, ctx, "the first document")
	// Every resource came from under the prefix.
	var outside []string
	eval(t, ctx, `performance.getEntriesByType('resource').map(e => new URL(e.name)).filter(u => u.origin !== location.origin || !u.pathname.startsWith('/raqim/')).map(u => u.href)`, &outside)
	if len(outside) > 0 {
		t.Errorf("requests outside /raqim/: %v", outside)
	}
	waitJS(t, ctx, "the service worker", `!!navigator.serviceWorker.controller`)
	srv.Close()
	run(t, ctx, "reload offline", chromedp.Reload())
	waitJS(t, ctx, "the app offline", `document.querySelectorAll('[data-testid=doc]').length >= 5 && !!document.querySelector('[data-testid=document]')`)
	var title string
	eval(t, ctx, `document.title`, &title)
	if title == "" {
		t.Error("offline page has no title")
	}
}
