package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// slowStorage delays the opening of IndexedDB by ms milliseconds: the
// request the page gets answers only once the real one, made that late, does.
func slowStorage(ms int) string {
	return js(`{
		const open = IDBFactory.prototype.open;
		IDBFactory.prototype.open = function (...args) {
			const factory = this, fake = {};
			let real = null;
			Object.defineProperty(fake, 'result', {get: () => real && real.result});
			Object.defineProperty(fake, 'error', {get: () => real && real.error});
			setTimeout(() => {
				real = open.apply(factory, args);
				for (const ev of ['upgradeneeded', 'success', 'error', 'blocked']) {
					real['on' + ev] = (e) => fake['on' + ev] && fake['on' + ev](e);
				}
			}, %d);
			return fake;
		};
	}`, ms)
}

// TestFilesGivenAtAnyMomentAreImported gives the import input files at
// every moment of the app's life: on the page as the server sent it
// (before the app runs), while storage is slow to open and the sample
// corpus is about to be stored, during another import, and during an
// export. Each file ends imported: listed, and in the export.
func TestFilesGivenAtAnyMomentAreImported(t *testing.T) {
	dir := t.TempDir()
	srv := serveDir(t, dist, "/", "")
	ctx, downloads := newBrowser(t)
	beforeScripts(t, ctx, slowStorage(4000))
	// The app starts a second late, so that the page as sent is there a while.
	beforeScripts(t, ctx, `{
		const inst = WebAssembly.instantiateStreaming;
		WebAssembly.instantiateStreaming = (...args) => new Promise((ok) => setTimeout(ok, 1000)).then(() => inst(...args));
	}`)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	// The input is on the page at once: the server rendered it.
	give(t, ctx, writeDocs(t, dir, "first.jsonl", "first"))
	var taken bool
	eval(t, ctx, `!!window.raqimTaken`, &taken)
	if taken {
		t.Fatalf("the app had started before the first file was given: the test gives no file to the page as sent")
	}
	waitJS(t, ctx, "the app started, storage still opening", `window.raqimTaken && document.querySelector('[data-testid=save-state]')?.dataset.state === 'saving'`)
	give(t, ctx, writeDocs(t, dir, "second.jsonl", "second"))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 6`)
	waitJS(t, ctx, "the file given before the app ran", listed("first"))
	waitJS(t, ctx, "the file given while storage opened", listed("second"))

	// During another import: a file of many documents, then at once another.
	many := make([]string, 300)
	for i := range many {
		many[i] = js("many-%d", i)
	}
	run(t, ctx, "import many", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{writeDocs(t, dir, "many.jsonl", many...)}, chromedp.ByQuery))
	run(t, ctx, "give a file during it", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{writeDocs(t, dir, "third.jsonl", "third")}, chromedp.ByQuery))
	// During an export.
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-dataset]`, chromedp.ByQuery))
	run(t, ctx, "give a file during it", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{writeDocs(t, dir, "fourth.jsonl", "fourth")}, chromedp.ByQuery))
	// The list draws only its entries near the view: count them all.
	waitJS(t, ctx, "every file given listed", `(document.querySelector('[data-testid=doc-list] h2')?.textContent || '').includes('(310)')`)

	ids := exportedIDs(t, ctx, downloads)
	for _, id := range []string{"first", "second", "third", "fourth", "many-0", "many-299"} {
		if !ids[id] {
			t.Errorf("the export lacks %s", id)
		}
	}
}

// give hands files to the import input as a user picking them does. The
// page swaps the input the server rendered for the app's own when the app
// starts: a give that finds its input gone tries the new one.
func give(t testing.TB, ctx context.Context, files ...string) {
	t.Helper()
	for try := 1; ; try++ {
		err := chromedp.Run(ctx, chromedp.SetUploadFiles(`input[data-testid=import]`, files, chromedp.ByQuery))
		if err == nil {
			return
		}
		if try == 3 || !strings.Contains(err.Error(), "Could not find node") {
			t.Fatalf("giving %v: %v", files, err)
		}
	}
}
