package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSwitchLongDocuments opens a long document, scrolls to its end so that
// its last blocks are drawn, then opens another long one: no block of the
// second shows the first one's text, and its own end is drawn when scrolled
// to. Blocks are elements reused from one document to the next.
func TestSwitchLongDocuments(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for _, d := range []struct{ id, word string }{{"alif", "ألف"}, {"baa", "باء"}} {
		para := strings.Repeat(d.word+" ", 300)
		text := strings.TrimSuffix(strings.Repeat(para+"\n", 40), "\n")
		line, _ := json.Marshal(map[string]any{"id": d.id, "text": text, "meta": map[string]string{"title": d.id}})
		lines = append(lines, string(line))
	}
	if err := os.WriteFile(filepath.Join(dir, "long.jsonl"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := serveMounts(t, dist, "/", "", map[string]string{"/data/": dir})
	ctx, _ := newBrowser(t)
	run(t, ctx, "open the file", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Flong.jsonl"))
	waitJS(t, ctx, "the first document", `document.querySelector('.doc-head h1')?.textContent === 'alif'`)
	waitJS(t, ctx, "both listed", `document.querySelectorAll('[data-testid=doc]').length === 2`)
	blocks := `document.querySelectorAll('[data-testid=document] .block')`
	var n int
	eval(t, ctx, blocks+`.length`, &n)
	if n < 8 {
		t.Fatalf("%d blocks: the document is too short to be drawn in part", n)
	}
	last := blocks + `[` + js("%d", n-1) + `]`
	eval(t, ctx, `(() => { const el = document.querySelector('.editor'); el.scrollTop = el.scrollHeight; return true; })()`, nil)
	waitJS(t, ctx, "the first document's last block", last+`.textContent.includes('ألف')`)
	var drawn int
	eval(t, ctx, `[...`+blocks+`].filter(b => b.textContent.includes('ألف')).length`, &drawn)
	if drawn >= n {
		t.Fatalf("all %d blocks drawn: the test shows nothing about reuse", n)
	}

	run(t, ctx, "open the second", chromedp.Click(`//li[@data-testid="doc"][.//div[text()="baa"]]`, chromedp.BySearch))
	waitJS(t, ctx, "the second document", `document.querySelector('.doc-head h1')?.textContent === 'baa'`)
	waitJS(t, ctx, "its first block", blocks+`[0].textContent.includes('باء')`)
	var stale int
	eval(t, ctx, `[...`+blocks+`].filter(b => b.textContent.includes('ألف')).length`, &stale)
	if stale != 0 {
		t.Errorf("%d blocks of the second document show the first one's text", stale)
	}
	eval(t, ctx, `(() => { const el = document.querySelector('.editor'); el.scrollTop = el.scrollHeight; return true; })()`, nil)
	waitJS(t, ctx, "the second document's last block", last+`.textContent.includes('باء')`)
	screenshot(t, ctx, "switch-long")
}
