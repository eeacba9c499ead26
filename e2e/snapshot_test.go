package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// snapshotWatch records, in every page, the last view's snapshot as it
// appears (web/early.js puts it in before the app runs) and when it goes.
const snapshotWatch = `window.__snap = null;
new MutationObserver(() => {
	const box = document.querySelector('[data-testid=snapshot]');
	if (box && !window.__snap) {
		const copy = box.shadowRoot;
		window.__snap = {at: performance.now(), inert: box.inert, hidden: box.getAttribute('aria-hidden'),
			text: copy.textContent, marks: copy.querySelectorAll('mark[data-label]').length,
			hooks: copy.querySelectorAll('[data-testid], [data-role], [id]').length,
			elements: [...copy.querySelectorAll('*')].map((e) => e.localName),
			reached: document.querySelectorAll('.snapshot .doc-head, .doc-head').length,
			appRunning: !!window.raqimTaken};
	}
	if (!box && window.__snap && !window.__snap.goneAt) window.__snap.goneAt = performance.now();
}).observe(document, {childList: true, subtree: true});`

// TestLastViewSnapshot checks that a later visit shows the last view before
// the app runs (inert, its text escaped, without the app's hooks and out of
// reach of the page's queries, with the span labelled last), that the app's own view replaces it, and that
// neither a ?open= visit nor an open that did not finish shows it.
func TestLastViewSnapshot(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	newDocScript(t, ctx, snapshotWatch)
	dir := t.TempDir()
	hostile := `<img src=x onerror="window.__owned=1"><b>عريض</b> & نص`
	line, _ := json.Marshal(map[string]any{"id": "hostile", "text": hostile, "meta": map[string]any{"title": "hostile"}})
	file := filepath.Join(dir, "hostile.jsonl")
	if err := os.WriteFile(file, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitDrawn(t, ctx, "the first document")
	give(t, ctx, file)
	openDoc(t, ctx, "hostile")
	waitDrawn(t, ctx, "the hostile document")
	// A span on «عريض»: the code points after the tags and the space.
	start := len([]rune(`<img src=x onerror="window.__owned=1"><b>`))
	labelWord(t, ctx, start, start+4, "1", 1)
	waitSaved(t, ctx)

	run(t, ctx, "reload", chromedp.Reload())
	waitDrawn(t, ctx, "the document after the reload")
	waitJS(t, ctx, "the snapshot gone", `!!window.__snap?.goneAt`)
	var snap struct {
		At, GoneAt float64
		Inert      bool
		Hidden     string
		Text       string
		Marks      int
		Hooks      int
		Elements   []string
		Reached    int
		AppRunning bool
	}
	eval(t, ctx, `window.__snap`, &snap)
	if snap.AppRunning {
		t.Error("the snapshot came after the app had taken over: it shows nothing early")
	}
	if !snap.Inert || snap.Hidden != "true" {
		t.Errorf("the snapshot is not inert and hidden from assistive technology: inert %v, aria-hidden %q", snap.Inert, snap.Hidden)
	}
	if !strings.Contains(snap.Text, hostile) {
		t.Errorf("the snapshot lacks the document's text as text: %.200q", snap.Text)
	}
	for _, el := range snap.Elements {
		if el == "img" || el == "b" || el == "script" {
			t.Errorf("the document's text became a <%s> element in the snapshot", el)
		}
	}
	if snap.Marks != 1 {
		t.Errorf("the snapshot shows %d labelled spans, want the 1 labelled before the reload", snap.Marks)
	}
	if snap.Reached != 0 {
		t.Errorf("the page's queries reach %d elements of the snapshot", snap.Reached)
	}
	if snap.Hooks != 0 {
		t.Errorf("the snapshot keeps %d IDs, roles or test hooks of the app's markup", snap.Hooks)
	}
	var owned bool
	eval(t, ctx, `!!window.__owned`, &owned)
	if owned {
		t.Error("a handler in the document's text ran")
	}
	var after struct {
		Boxes int
		Spans string
	}
	eval(t, ctx, `({boxes: document.querySelectorAll('.snapshot').length, spans: document.querySelector('[data-testid=document]').dataset.spanCount})`, &after)
	if after.Boxes != 0 || after.Spans != "1" {
		t.Errorf("after the app's first view: %d snapshots left, the app's document shows %s spans", after.Boxes, after.Spans)
	}
	t.Logf("the snapshot shown at %.0f ms, taken away at %.0f ms", snap.At, snap.GoneAt)

	// ?open= asks for another document: no snapshot.
	run(t, ctx, "visit with ?open=", chromedp.Navigate(srv.URL+"?open=/nowhere.jsonl"))
	waitJS(t, ctx, "the app", `!!window.raqimTaken`)
	var none bool
	eval(t, ctx, `window.__snap === null`, &none)
	if !none {
		t.Error("a ?open= visit showed the last view's snapshot")
	}

	// An open that did not finish is not opened again: no snapshot of it.
	run(t, ctx, "back", chromedp.Navigate(srv.URL))
	waitDrawn(t, ctx, "the document again")
	eval(t, ctx, `localStorage.setItem('raqim.opening', localStorage.getItem('raqim.open')); true`, nil)
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the app", `!!window.raqimTaken`)
	eval(t, ctx, `window.__snap === null`, &none)
	if !none {
		t.Error("the snapshot of a document whose open did not finish was shown")
	}
}
