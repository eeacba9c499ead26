package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// keepWorkers keeps, in window.__workers, every Worker the page starts, so
// that a test can end one abruptly, as a crash or the browser running out
// of memory would.
const keepWorkers = `{
	const W = window.Worker;
	window.__workers = [];
	window.Worker = function (...args) { const w = new W(...args); __workers.push(w); return w; };
	window.Worker.prototype = W.prototype;
}`

// bigJSONL writes a span JSONL file of n documents, each of about 3,000
// code points with a span, and returns its path.
func bigJSONL(t *testing.T, dir, name string, n int) string {
	t.Helper()
	para := strings.Repeat("أعلنت القوات المسلحة أن قافلة تعرضت لكمين قرب بلدة في ولاية كاي. ", 45)
	kai := cpIndex(t, para, "كاي", 0)
	var b strings.Builder
	for i := range n {
		prefix := fmt.Sprint(i, " ")
		fmt.Fprintf(&b, `{"id": "%s-%d", "text": %q, "meta": {"title": "%s-%d"}, "spans": [{"start": %d, "end": %d, "label": "PLACE"}]}`+"\n",
			name, i, prefix+para, name, i, kai+len(prefix), kai+len(prefix)+3)
	}
	p := filepath.Join(dir, name+".jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWorkerDies ends the background worker abruptly in the middle of an
// export and in the middle of a large import: each time the user is told
// the work did not happen, and storage is as it was before it (the part of
// the import stored before the worker died is removed).
func TestWorkerDies(t *testing.T) {
	dir := t.TempDir()
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	beforeScripts(t, ctx, keepWorkers)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 6`)
	header := func(n int) string {
		return js(`(document.querySelector('[data-testid=doc-list] h2')?.textContent || '').includes('(%d)')`, n)
	}
	give(t, ctx, bigJSONL(t, dir, "base", 400))
	waitJS(t, ctx, "the corpus imported", header(406))

	// An export, ended while it runs.
	run(t, ctx, "settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	run(t, ctx, "include all", chromedp.Click(`[data-testid=dataset-settings] input[type=checkbox]`, chromedp.ByQuery))
	run(t, ctx, "export the dataset", chromedp.Click(`[data-testid=export-dataset]`, chromedp.ByQuery))
	waitJS(t, ctx, "the export running", `(document.querySelector('[data-testid=save-state]')?.textContent || '').includes('%')`)
	eval(t, ctx, `__workers.at(-1).terminate(), true`, nil)
	waitJS(t, ctx, "the export's failure told", said("error", "The export did not happen", "Nothing was changed"))

	// A large import, ended once part of it is stored.
	give(t, ctx, bigJSONL(t, dir, "big", 1500))
	waitJS(t, ctx, "part of the import stored", `/big.jsonl… [1-9][0-9]* documents stored/.test(document.querySelector('[data-testid=save-state]')?.textContent || '')`)
	eval(t, ctx, `__workers.at(-1).terminate(), true`, nil)
	waitJS(t, ctx, "the import's failure told", said("error", "The import of big.jsonl did not happen", "Nothing was changed"))
	waitJS(t, ctx, "the part stored removed", header(406))
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "storage as before, after a reload", header(406))
}
