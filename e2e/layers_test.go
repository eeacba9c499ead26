package e2e

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/raqim/raqim/internal/corpus"
)

// wantLayersListed waits until the open document's layer list shows
// exactly want, as "name kind count" (the user's own layer first, as
// "own count").
func wantLayersListed(t *testing.T, ctx context.Context, what string, want ...string) {
	t.Helper()
	b, _ := json.Marshal(append([]string{}, want...))
	waitJS(t, ctx, what, js(`JSON.stringify([...document.querySelectorAll('[data-testid=layers]:not([hidden]) [data-testid=layer]')].map(li =>
		li.dataset.kind === 'own' ? 'own ' + li.dataset.count : li.dataset.layer + ' ' + li.dataset.kind + ' ' + li.dataset.count)) === %q`, string(b)))
}

// nameLayer answers the dialog that asks for the name of the layer file
// would become: it checks the name proposed, types name (unless empty),
// marks it a system layer when system, and imports.
func nameLayer(t *testing.T, ctx context.Context, file, proposed, name string, system bool) {
	t.Helper()
	waitJS(t, ctx, "the dialog asking a name for "+file, js(`(document.querySelector('[data-testid=layer-naming]')?.textContent || '').includes(%q)`, file))
	wantJS(t, ctx, "the name proposed", `document.querySelector('[data-testid=layer-name]').value`, proposed)
	var ok bool
	if name != "" {
		eval(t, ctx, js(`(() => { const i = document.querySelector('[data-testid=layer-name]'); i.value = %q; i.dispatchEvent(new Event('input', {bubbles: true})); return true })()`, name), &ok)
	}
	if system {
		run(t, ctx, "a system layer", chromedp.Click(`[data-testid=layer-system]`, chromedp.ByQuery))
	}
	run(t, ctx, "import as named", chromedp.Click(`[data-testid=naming-apply]`, chromedp.ByQuery))
	waitJS(t, ctx, "the dialog gone", `!document.querySelector('[data-testid=layer-naming]')`)
}

// TestNameLayer imports a file of three texts, then a file of the same
// texts whose lines name no annotator: a dialog asks for the layer's name,
// proposing the file's; the name given is the layer's. Cancelled, nothing
// of the file is imported.
func TestNameLayer(t *testing.T) {
	dir := filepath.Join("testdata", "layers")
	ctx, _, _ := startApp(t)
	run(t, ctx, "import the texts", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{abs(t, dir, "texts.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the texts imported", said("info", "texts.jsonl: imported 3 documents."))
	openDoc(t, ctx, "سفر سامي")
	run(t, ctx, "import a file naming no annotator", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{abs(t, dir, "yusuf.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the dialog", `!!document.querySelector('[data-testid=layer-naming]')`)
	screenshot(t, ctx, "layer-naming")
	run(t, ctx, "cancel", chromedp.Click(`[data-testid=naming-cancel]`, chromedp.ByQuery))
	waitJS(t, ctx, "cancelled", said("warn", "yusuf.jsonl: not imported (its layer was not named)."))
	wantLayersListed(t, ctx, "no layer after the cancel")

	run(t, ctx, "import it again", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{abs(t, dir, "yusuf.jsonl")}, chromedp.ByQuery))
	nameLayer(t, ctx, "yusuf.jsonl", "yusuf", "يوسف", false)
	waitJS(t, ctx, "yusuf.jsonl told", said("info", "yusuf.jsonl: 3 documents stored already now have the layer «يوسف»."))
	wantLayersListed(t, ctx, "the layer named", "own 0", "يوسف human 3")
}

// TestImportAnnotatorsAsLayers imports a file of three texts of the
// project's own, then two annotators' files of the same texts in one
// selection: the second selection adds no document, and each file becomes
// a layer of every document, the first named by its lines'
// meta.annotator, the second, whose lines name no annotator, by the name
// proposed for it, its file's;
// the open document lists both, and again after a reload.
func TestImportAnnotatorsAsLayers(t *testing.T) {
	dir := filepath.Join("testdata", "layers")
	ctx, _, _ := startApp(t)
	before := docCount(t, ctx)
	run(t, ctx, "import the texts", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{abs(t, dir, "texts.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the texts imported", said("info", "texts.jsonl: imported 3 documents."))
	openDoc(t, ctx, "سفر سامي")
	wantLayersListed(t, ctx, "no layers but its own")

	run(t, ctx, "import the annotators' files", chromedp.SetUploadFiles(`input[data-testid=import]`,
		[]string{abs(t, dir, "salma.jsonl"), abs(t, dir, "yusuf.jsonl")}, chromedp.ByQuery))
	nameLayer(t, ctx, "yusuf.jsonl", "yusuf", "", false)
	waitJS(t, ctx, "salma.jsonl told", said("info", "salma.jsonl: 3 documents stored already now have the layer «سلمى»."))
	waitJS(t, ctx, "yusuf.jsonl told", said("info", "yusuf.jsonl: 3 documents stored already now have the layer «yusuf»."))
	if n := docCount(t, ctx); n != before+3 {
		t.Errorf("%d documents listed, want %d: the annotators' files add none", n, before+3)
	}
	wantLayersListed(t, ctx, "both layers of the open document", "own 0", "yusuf human 3", "سلمى human 2")
	screenshot(t, ctx, "layers")

	openDoc(t, ctx, "عودة الصيادين")
	wantLayersListed(t, ctx, "both layers of another document", "own 0", "yusuf human 2", "سلمى human 1")

	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the app again", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	openDoc(t, ctx, "زيارة ليلى")
	wantLayersListed(t, ctx, "both layers after a reload", "own 0", "yusuf human 1", "سلمى human 2")
}

// TestLayersOnAnOldDatabase starts the app on a database made before
// layers, holding a document: the upgrade keeps it, and an annotator's
// file of its text becomes its layer.
func TestLayersOnAnOldDatabase(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "a page of the site", chromedp.Navigate(srv.URL+"web/icon.svg"))
	text := "ذهب سامي إلى حلب يوم الاثنين"
	rec, _ := json.Marshal(map[string]any{"id": "old", "title": "وثيقة قديمة", "status": "new", "length": len([]rune(text)), "digest": corpus.DigestOf(text), "seq": 1})
	var ok bool
	eval(t, ctx, js(`new Promise((ok, fail) => {
		const r = indexedDB.open('raqim', 1);
		r.onupgradeneeded = () => { for (const s of ['docs', 'texts', 'spans', 'logs', 'meta']) r.result.createObjectStore(s) };
		r.onsuccess = () => {
			const db = r.result, tx = db.transaction(['docs', 'texts', 'meta'], 'readwrite');
			tx.objectStore('docs').put(%q, 'old');
			tx.objectStore('texts').put(%q, 'old');
			tx.objectStore('meta').put('an-old-instance', 'instance');
			tx.oncomplete = () => { db.close(); ok(true) };
			tx.onerror = () => fail(tx.error);
		};
		r.onerror = () => fail(r.error);
	})`, string(rec), text), &ok)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	openDoc(t, ctx, "وثيقة قديمة")
	run(t, ctx, "import an annotator's file", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{abs(t, filepath.Join("testdata", "layers"), "salma.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "its layer told", said("info", "salma.jsonl: 1 document stored already now have the layer «سلمى»."))
	wantLayersListed(t, ctx, "its layer", "own 0", "سلمى human 2")
	var version int
	eval(t, ctx, `new Promise(ok => { const r = indexedDB.open('raqim'); r.onsuccess = () => { ok(r.result.version); r.result.close() } })`, &version)
	if version != 2 {
		t.Errorf("the database's version is %d, want 2 (upgraded once, from 1)", version)
	}
}

func abs(t *testing.T, dir, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
