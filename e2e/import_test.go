package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/raqim/raqim/internal/worker"
)

// TestImportFormatsAndMapping imports, in one selection, a brat pair and a
// JSONL file whose label is outside the schema: the background worker reads
// both, the pair is stored at once, and the other waits for the user to map
// its label; mapped, it is stored with the label chosen.
func TestImportFormatsAndMapping(t *testing.T) {
	dir := t.TempDir()
	text := "قتل 😀 جنديان في كاي"
	kai := cpIndex(t, text, "كاي", 0)
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	files := []string{
		write("odd.jsonl", `{"id": "odd", "text": "هاجم مسلحون مدينة غاو", "meta": {"title": "odd"}, "spans": [{"start": 18, "end": 21, "label": "LOC"}]}`+"\n"),
		write("pair.txt", text),
		write("pair.ann", fmt.Sprintf("T1\tPLACE %d %d\tكاي\n", kai, kai+3)),
	}
	ctx, _, _ := startApp(t)
	before := docCount(t, ctx)
	run(t, ctx, "import", chromedp.SetUploadFiles(`input[data-testid=import]`, files, chromedp.ByQuery))
	waitJS(t, ctx, "the brat pair imported", `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('pair.txt + pair.ann: imported 1 document'))`)
	waitJS(t, ctx, "the mapping dialog", `document.querySelector('[data-testid=label-mapping]')?.textContent.includes('odd.jsonl')`)
	var row string
	eval(t, ctx, `document.querySelector('[data-testid=label-mapping] tr').textContent`, &row)
	if want := "LOC1 span, first on line 1→"; len(row) < len(want) || row[:len(want)] != want {
		t.Errorf("mapping row %q, want it to start %q", row, want)
	}
	if n := docCount(t, ctx); n != before+1 {
		t.Errorf("%d documents listed while the mapping is asked, want %d", n, before+1)
	}
	screenshot(t, ctx, "label-mapping")

	run(t, ctx, "choose PLACE", chromedp.SetValue(`[data-testid=label-mapping] select[data-from=LOC]`, "PLACE", chromedp.ByQuery))
	eval(t, ctx, `document.querySelector('[data-testid=label-mapping] select[data-from=LOC]').dispatchEvent(new Event('change', {bubbles: true}))`, nil)
	run(t, ctx, "apply", chromedp.Click(`[data-testid=mapping-apply]`, chromedp.ByQuery))
	waitJS(t, ctx, "the mapped file imported", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, before+2))

	openDoc(t, ctx, "odd")
	waitJS(t, ctx, "its span, as PLACE", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '1' && !!document.querySelector('[data-testid=document] [data-label=PLACE]')`)
	openDoc(t, ctx, "pair")
	waitJS(t, ctx, "the brat span", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '1'`)
	var got string
	eval(t, ctx, `document.querySelector('[data-testid=document] [data-label=PLACE]').textContent`, &got)
	if got != "كاي" {
		t.Errorf("the brat span covers %q, want كاي", got)
	}
}

// TestOpenLargeFile opens, with ?open=, a span JSONL file too large for the
// page to read itself, and a plain text file: the background worker imports
// both, the first document of the large one opens while the rest is stored,
// and every document is there after a reload. The file holds more
// documents than one worker stores (worker.Shift): the import goes on in a
// second worker, and says once how many it imported.
func TestOpenLargeFile(t *testing.T) {
	dir := t.TempDir()
	para := strings.Repeat("أعلنت القوات المسلحة أن قافلة تعرضت لكمين قرب بلدة 😀 في ولاية كاي. ", 40)
	kai := cpIndex(t, para, "كاي", 0)
	var b strings.Builder
	n := 0
	for b.Len() <= 4<<20 {
		n++
		fmt.Fprintf(&b, `{"id": "big-%d", "text": %q, "meta": {"title": "big-%d"}, "spans": [{"start": %d, "end": %d, "label": "PLACE"}]}`+"\n", n, fmt.Sprint(n, " ", para), n, kai+len(fmt.Sprint(n, " ")), kai+len(fmt.Sprint(n, " "))+3)
	}
	if n <= worker.Shift {
		t.Fatalf("%d documents: no more than one worker stores", n)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "note.txt"), []byte("هجوم على قرية في ولاية كاي"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serveMounts(t, dist, "/", "", map[string]string{"/data/": dir})
	ctx, _ := newBrowser(t)
	run(t, ctx, "open the large file", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Fbig.jsonl"))
	waitJS(t, ctx, "its first document", `document.querySelector('.doc-head h1')?.textContent === 'big-1' && document.querySelector('[data-testid=document]')?.dataset.spanCount === '1'`)
	waitJS(t, ctx, "the documents stored so far, listed", `document.querySelectorAll('[data-testid=doc]').length > 0`)
	screenshot(t, ctx, "large-import")
	var span string
	eval(t, ctx, `document.querySelector('[data-testid=document] [data-label=PLACE]').textContent`, &span)
	if span != "كاي" {
		t.Errorf("the span covers %q, want كاي", span)
	}
	waitJS(t, ctx, "the import's message", js(`[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('big.jsonl: imported %d documents'))`, n))
	var said int
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=message]')].filter(m => m.textContent.includes('big.jsonl: imported')).length`, &said)
	if said != 1 {
		t.Errorf("the import's message shown %d times, want once", said)
	}
	waitJS(t, ctx, "every document listed", js(`(document.querySelector('[data-testid=doc-list] h2')?.textContent || '').includes('(%d)')`, n))

	run(t, ctx, "open the text file", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Fnote.txt"))
	waitJS(t, ctx, "the text file", js(`(document.querySelector('[data-testid=doc-list] h2')?.textContent || '').includes('(%d)')`, n+1))
	run(t, ctx, "reload", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "every document after a reload", js(`(document.querySelector('[data-testid=doc-list] h2')?.textContent || '').includes('(%d)')`, n+1))

	// The list is drawn near the view only: scrolled to its end, its last
	// entries are drawn and its first ones are not; back at the top, they are.
	drawn := func(title string) string {
		return js(`[...document.querySelectorAll('[data-testid=doc] .doc-title')].some(e => e.textContent === %q)`, title)
	}
	waitJS(t, ctx, "the first entry", drawn("big-1"))
	eval(t, ctx, `(() => { const el = document.querySelector('.docs'); el.scrollTop = el.scrollHeight; return true; })()`, nil)
	waitJS(t, ctx, "the last entry drawn", drawn("note"))
	if err := chromedp.Run(ctx, chromedp.Poll(`!`+drawn("big-1"), nil, chromedp.WithPollingTimeout(45*time.Second))); err != nil {
		var state string
		eval(t, ctx, listState, &state)
		t.Fatalf("waiting for the first entries no longer drawn: %v\nthe list: %s", err, state)
	}
	var entries int
	eval(t, ctx, `document.querySelectorAll('[data-testid=doc]').length`, &entries)
	if entries >= n/2 {
		t.Errorf("%d of %d list entries drawn at the end of the list", entries, n+1)
	}
	eval(t, ctx, `(() => { document.querySelector('.docs').scrollTop = 0; return true; })()`, nil)
	waitJS(t, ctx, "the first entry again", drawn("big-1"))
}

// TestWorkerMissing serves the bundle without worker.wasm: an import then
// fails with a message saying so, and nothing is imported.
func TestWorkerMissing(t *testing.T) {
	site := t.TempDir()
	err := filepath.WalkDir(dist, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(filepath.Base(p), "worker.wasm") {
			return err
		}
		rel, _ := filepath.Rel(dist, p)
		data, err := os.ReadFile(p)
		if err == nil {
			os.MkdirAll(filepath.Dir(filepath.Join(site, rel)), 0o755)
			err = os.WriteFile(filepath.Join(site, rel), data, 0o644)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := serveDir(t, site, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	before := docCount(t, ctx)
	p := filepath.Join(t.TempDir(), "one.jsonl")
	os.WriteFile(p, []byte(`{"id": "one", "text": "في كاي"}`+"\n"), 0o644)
	run(t, ctx, "import", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{p}, chromedp.ByQuery))
	waitJS(t, ctx, "the worker's failure", `[...document.querySelectorAll('[data-testid=message][data-kind=error]')].some(m => m.textContent.includes('background worker failed'))`)
	screenshot(t, ctx, "worker-missing")
	if n := docCount(t, ctx); n != before {
		t.Errorf("%d documents listed after a failed import, want %d", n, before)
	}
	var busy string
	eval(t, ctx, `document.querySelector('[data-testid=save-state]').textContent`, &busy)
	if strings.Contains(busy, "Importing") {
		t.Errorf("the save state still says %q", busy)
	}
}

// listState describes the document list's scrolling and, for each chunk,
// its key, top, height and entry count: what a failed wait on the list
// reports.
const listState = `(() => {
	const el = document.querySelector('.docs');
	const chunks = [...el.querySelectorAll('[data-lazy]')].map(c => c.dataset.lazy + '@' + c.offsetTop + '+' + c.offsetHeight + ':' + c.children.length);
	return 'scrollTop ' + el.scrollTop + ' scrollHeight ' + el.scrollHeight + ' clientHeight ' + el.clientHeight + ' chunks ' + chunks.join(' ');
})()`
