package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// beforeScripts runs JS in every page before the app's own scripts.
func beforeScripts(t *testing.T, ctx context.Context, src string) {
	t.Helper()
	run(t, ctx, "installing a script", chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(src).Do(ctx)
		return err
	}))
}

// TestNoStorageIsShown checks that without IndexedDB the page says so, and
// still imports (the background worker hands the documents back) and
// exports (the page hands the corpus over), without storing anything.
func TestNoStorageIsShown(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, downloads := newBrowser(t)
	beforeScripts(t, ctx, `Object.defineProperty(window, 'indexedDB', {value: undefined})`)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the storage error", `[...document.querySelectorAll('[data-testid=message][data-kind=error]')].some(m => m.textContent.includes('IndexedDB'))`)
	waitJS(t, ctx, "the save state", `document.querySelector('[data-testid=save-state]').dataset.state === 'error'`)

	text := "قُتل 😀 ثلاثة جنود في كاي"
	importText(t, ctx, "memory", text)
	kai := cpIndex(t, text, "كاي", 0)
	selectCP(t, ctx, kai, kai+3)
	press(t, ctx, "2")
	waitJS(t, ctx, "the span", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '1'`)
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-jsonl]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-corpus.jsonl")
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct {
			ID    string `json:"id"`
			Text  string `json:"text"`
			Spans []struct {
				Start, End int
				Label      string
			} `json:"spans"`
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		if d.ID == "memory" {
			found = true
			if d.Text != text || len(d.Spans) != 1 || d.Spans[0].Start != kai || d.Spans[0].End != kai+3 || d.Spans[0].Label != "PLACE" {
				t.Errorf("exported %+v, want the text with PLACE [%d, %d)", d, kai, kai+3)
			}
		}
	}
	if !found {
		t.Errorf("the export lacks the imported document:\n%s", data)
	}
}

func TestFailedSaveIsShownAndUndone(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	// While window.__failSaves is set, every transaction that writes a span aborts.
	beforeScripts(t, ctx, `{
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (...args) {
			const req = put.apply(this, args);
			if (window.__failSaves && this.name === 'spans') this.transaction.abort();
			return req;
		};
	}`)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the app", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	text := "قُتل ثلاثة جنود في كاي"
	importText(t, ctx, "fail", text)
	kai := cpIndex(t, text, "كاي", 0)

	eval(t, ctx, `window.__failSaves = true`, nil)
	selectCP(t, ctx, kai, kai+3)
	press(t, ctx, "2")
	waitJS(t, ctx, "the save error", `[...document.querySelectorAll('[data-testid=message][data-kind=error]')].some(m => m.textContent.includes('could not be saved'))`)
	waitJS(t, ctx, "the span undone on screen", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '0'`)
	waitJS(t, ctx, "not saved", `document.querySelector('[data-testid=save-state]').dataset.state === 'error'`)

	// Once storage works again, edits are saved.
	eval(t, ctx, `window.__failSaves = false`, nil)
	selectCP(t, ctx, kai, kai+3)
	press(t, ctx, "2")
	waitSaved(t, ctx)
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the saved span", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '1'`)
}

// TestFirstEditSplitsImportedSpans edits a document imported with more
// spans than the store splits at once (they are stored as one record until
// the first edit splits it): a removed span stays removed and a relabelled
// one keeps its new label after a reload, and the others are all there.
func TestFirstEditSplitsImportedSpans(t *testing.T) {
	const words = 1000
	text := strings.Repeat("كاي ", words)
	var spans []map[string]any
	for i := range words {
		spans = append(spans, map[string]any{"start": 4 * i, "end": 4*i + 3, "label": "PLACE"})
	}
	line, _ := json.Marshal(map[string]any{"id": "many", "text": text, "spans": spans, "meta": map[string]any{"title": "many"}})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "many.jsonl"), append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serveMounts(t, dist, "/", "", map[string]string{"/data/": dir})
	ctx, _ := newBrowser(t)
	run(t, ctx, "open the file", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Fmany.jsonl"))
	waitJS(t, ctx, "its spans", js(`document.querySelector('[data-testid=document]')?.dataset.spanCount === '%d'`, words))
	waitSaved(t, ctx)

	clickText(t, ctx, "click the first span", `[data-testid=document] [data-label][data-start="0"]`)
	waitJS(t, ctx, "it selected", `!!document.querySelector('mark[aria-current][data-start="0"]')`)
	press(t, ctx, kb.Delete)
	waitJS(t, ctx, "it removed", js(`document.querySelector('[data-testid=document]').dataset.spanCount === '%d'`, words-1))
	clickText(t, ctx, "click the third span", `[data-testid=document] [data-label][data-start="8"]`)
	waitJS(t, ctx, "it selected", `!!document.querySelector('mark[aria-current][data-start="8"]')`)
	press(t, ctx, "1")
	waitJS(t, ctx, "it relabelled", `!!document.querySelector('[data-testid=document] [data-start="8"][data-label=ACTOR]')`)
	waitSaved(t, ctx)

	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the document after a reload", js(`document.querySelector('[data-testid=document]')?.dataset.spanCount === '%d'`, words-1))
	var got struct {
		First, Second, Third string
		Places               int
	}
	eval(t, ctx, `(() => {
		const at = (i) => document.querySelector('[data-testid=document] [data-label][data-start="' + i + '"]')?.dataset.label || '';
		return {first: at(0), second: at(4), third: at(8), places: document.querySelectorAll('[data-testid=document] [data-label=PLACE]').length};
	})()`, &got)
	if got.First != "" || got.Second != "PLACE" || got.Third != "ACTOR" {
		t.Errorf("after a reload: first span %q (want none), second %q (want PLACE), third %q (want ACTOR)", got.First, got.Second, got.Third)
	}
	if got.Places == 0 {
		t.Errorf("no PLACE span drawn after a reload")
	}
}
