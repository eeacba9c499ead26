package e2e

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// origin is the origin of a server's URL.
func origin(srv *server) string { return strings.TrimSuffix(srv.URL, "/") }

// said is a JS condition: a message of that kind holds every one of parts.
func said(kind string, parts ...string) string {
	cond := js(`[...document.querySelectorAll('[data-testid=message][data-kind=%s]')].some(m => `, kind)
	for i, p := range parts {
		if i > 0 {
			cond += " && "
		}
		cond += js(`m.textContent.includes(%q)`, p)
	}
	return cond + ")"
}

// labelWord selects code points [start, end) of the open document, presses
// a label key and waits until the document holds n spans.
func labelWord(t *testing.T, ctx context.Context, start, end int, key string, n int) {
	t.Helper()
	var ok bool
	eval(t, ctx, selectJS, &ok)
	selectCP(t, ctx, start, end)
	press(t, ctx, key)
	waitJS(t, ctx, js("%d spans", n), js(`document.querySelector('[data-testid=document]')?.dataset.spanCount === '%d'`, n))
}

// TestStorageClearedWhileOpen clears the site's IndexedDB while the app
// runs (as the browser does under disk pressure), first during an import,
// then with a document open: the app does not stop, says what happened,
// keeps the open document with every edit (stored again, and offered as a
// download), and goes on saving edits.
func TestStorageClearedWhileOpen(t *testing.T) {
	text := "هاجم مسلحون قرية قرب مدينة كاي صباح الثلاثاء"
	ctx, downloads, srv := startApp(t)
	clear := func() {
		run(t, ctx, "clear the site's storage", storage.ClearDataForOrigin(origin(srv), "indexeddb"))
	}
	// During an import (of few documents, so that the list draws them all).
	many := make([]string, 40)
	for i := range many {
		many[i] = js("evicted-%d", i)
	}
	give(t, ctx, writeDocs(t, t.TempDir(), "evicted.jsonl", many...))
	clear()
	waitJS(t, ctx, "the import's end told", `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('evicted.jsonl'))`)

	importText(t, ctx, "kept", text)
	labelWord(t, ctx, 5, 11, "1", 1)
	waitSaved(t, ctx)
	clear()
	labelWord(t, ctx, 27, 30, "2", 2)
	waitJS(t, ctx, "the user told", said("error", "was cleared", "«kept»", "stored again"))
	waitSaved(t, ctx)
	screenshot(t, ctx, "storage-cleared")
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=message]')].find(m => m.textContent.includes('«kept»')).querySelector('[data-testid=message-action]').click(), true`, nil)
	data := string(waitFile(t, downloads, "kept.jsonl"))
	if !strings.Contains(data, `"label":"ACTOR"`) || !strings.Contains(data, `"label":"PLACE"`) {
		t.Errorf("the download lacks the document's spans: %s", data)
	}
	// Edits go on being saved, and survive a reload.
	labelWord(t, ctx, 36, 44, "3", 3)
	waitSaved(t, ctx)
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the document after a reload", `document.querySelector('.doc-head h1')?.textContent === 'kept' && document.querySelector('[data-testid=document]')?.dataset.spanCount === '3'`)
}

// TestDatabaseWithoutStores starts the app on a database that exists but
// holds none of its object stores: it is upgraded, and the app starts.
func TestDatabaseWithoutStores(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "a page of the site", chromedp.Navigate(srv.URL+"web/icon.svg"))
	var ok bool
	eval(t, ctx, `new Promise((ok, fail) => { const r = indexedDB.open('raqim', 1); r.onsuccess = () => { r.result.close(); ok(true) }; r.onerror = () => fail(r.error) })`, &ok)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 6`)
}

// TestStorageUpgradedByAnotherTab opens the database at a newer version
// from another page, as a newer raqim in another tab would: the app lets
// it, and goes on saving edits.
func TestStorageUpgradedByAnotherTab(t *testing.T) {
	ctx, _, _ := startApp(t)
	importText(t, ctx, "upgraded", "هاجم مسلحون قرية قرب مدينة كاي")
	labelWord(t, ctx, 5, 11, "1", 1)
	waitSaved(t, ctx)
	var got string
	eval(t, ctx, `new Promise((ok) => { const r = indexedDB.open('raqim', 50); r.onsuccess = () => { r.result.close(); ok('upgraded') }; r.onerror = () => ok('error ' + r.error) })`, &got)
	if got != "upgraded" {
		t.Fatalf("the other page's upgrade: %s", got)
	}
	labelWord(t, ctx, 27, 30, "2", 2)
	waitSaved(t, ctx)
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "both spans after a reload", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '2'`)
}

// TestStorageFull gives the site a small quota from its first visit (a
// quota set later is not applied to connections already open): a first
// edit that splits a document's imported spans into records, and an import
// of a file of text that does not compress, are refused with words saying
// storage is full; nothing else changes, and once there is room again both
// work.
func TestStorageFull(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "a page of the site", chromedp.Navigate(srv.URL+"web/icon.svg"))
	run(t, ctx, "a small quota", storage.OverrideQuotaForOrigin(origin(srv)).WithQuotaSize(550<<10))
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 6`)

	// 3,000 spans stored as one record by the import; the first edit writes
	// one record for each.
	dir := t.TempDir()
	words := 3000
	var spans []map[string]any
	for i := range words {
		spans = append(spans, map[string]any{"start": 4 * i, "end": 4*i + 3, "label": "PLACE"})
	}
	line, _ := json.Marshal(map[string]any{"id": "many", "text": strings.Repeat("كاي ", words), "spans": spans, "meta": map[string]any{"title": "many"}})
	many := filepath.Join(dir, "many.jsonl")
	os.WriteFile(many, append(line, '\n'), 0o644)
	give(t, ctx, many)
	waitJS(t, ctx, "the document", listed("many"))
	openDoc(t, ctx, "many")
	before := docCount(t, ctx)
	clickText(t, ctx, "select a span", `[data-testid=document] [data-label][data-start="0"]`)
	press(t, ctx, "1")
	waitJS(t, ctx, "the edit refused", said("error", "could not be saved", "full"))
	waitJS(t, ctx, "the edit undone", `!document.querySelector('[data-testid=document] [data-label=ACTOR]') && document.querySelector('[data-testid=document]')?.dataset.spanCount === '3000'`)

	// Letters drawn at random compress little.
	rng := rand.New(rand.NewPCG(1, 2))
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ")
	text := make([]rune, 200_000)
	for i := range text {
		text[i] = letters[rng.IntN(len(letters))]
	}
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte(string(text)), 0o644)
	give(t, ctx, big)
	waitJS(t, ctx, "the import refused", said("error", "big.txt", "full"))
	if n := docCount(t, ctx); n != before {
		t.Errorf("%d documents listed, want %d", n, before)
	}

	run(t, ctx, "room again", storage.OverrideQuotaForOrigin(origin(srv)).WithQuotaSize(1<<30))
	clickText(t, ctx, "select a span", `[data-testid=document] [data-label][data-start="0"]`)
	press(t, ctx, "1")
	waitJS(t, ctx, "the edit", `!!document.querySelector('[data-testid=document] [data-label=ACTOR][data-start="0"]')`)
	waitSaved(t, ctx)
	give(t, ctx, big)
	waitJS(t, ctx, "the import", listed("big"))
}

// TestDamagedRecord damages one document's stored record: the list shows
// the others and says which could not be read, and the app goes on.
func TestDamagedRecord(t *testing.T) {
	ctx, _, _ := startApp(t)
	n := docCount(t, ctx)
	var ok bool
	eval(t, ctx, `new Promise((ok, fail) => { const r = indexedDB.open('raqim'); r.onsuccess = () => { const db = r.result; const tx = db.transaction('docs', 'readwrite'); tx.objectStore('docs').put('{"id": "broken", "title": ', 'broken'); tx.oncomplete = () => { db.close(); ok(true) }; tx.onerror = () => fail(tx.error) } })`, &ok)
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the damage told", said("error", "damaged", "broken"))
	waitJS(t, ctx, "the others listed", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, n))
	importText(t, ctx, "after", "هاجم مسلحون قرية")
	labelWord(t, ctx, 5, 11, "1", 1)
	waitSaved(t, ctx)
}
