package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
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
