package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/raqim/raqim/internal/sample"
)

// goldDoc is one line of a gold JSONL file.
type goldDoc struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Spans []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Label string `json:"label"`
		Text  string `json:"text"`
	} `json:"spans"`
	Meta map[string]any `json:"meta"`
}

// readGold returns the gold of the project's own sample corpus.
func readGold(t testing.TB) []goldDoc { return parseGold(t, sample.GoldJSONL()) }

// readSharedGold returns the shared corpus's gold (for the benchmarks, which
// measure on the same articles as the peer benchmark).
func readSharedGold(t testing.TB) []goldDoc {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(shared, "corpus", "gold.jsonl"))
	if err != nil {
		t.Fatalf("the shared corpus is needed: %v", err)
	}
	return parseGold(t, b)
}

func parseGold(t testing.TB, b []byte) []goldDoc {
	t.Helper()
	var docs []goldDoc
	for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		var d goldDoc
		mustJSON(t, line, &d)
		docs = append(docs, d)
	}
	return docs
}

// cpIndex returns the code-point offset of the n-th occurrence (from 0) of
// sub in text, computed in Go.
func cpIndex(t testing.TB, text, sub string, from int) int {
	t.Helper()
	runes := []rune(text)
	s := []rune(sub)
	for i := from; i+len(s) <= len(runes); i++ {
		if string(runes[i:i+len(s)]) == sub {
			return i
		}
	}
	t.Fatalf("%q not found after %d", sub, from)
	return -1
}

func openDoc(t testing.TB, ctx context.Context, title string) {
	t.Helper()
	b, _ := json.Marshal(title)
	waitJS(t, ctx, title+" listed", js(`[...document.querySelectorAll('[data-testid=doc]')].some(li => li.querySelector('.doc-title').textContent === %s)`, b))
	eval(t, ctx, js(`[...document.querySelectorAll('[data-testid=doc]')].find(li => li.querySelector('.doc-title').textContent === %s).click(), true`, b), nil)
	waitJS(t, ctx, title+" to open", js(`document.querySelector('.doc-head h1')?.textContent === %s && !!document.querySelector('[data-testid=document]')`, b))
}

// emojiText is a text written for this test: emoji outside the Basic
// Multilingual Plane (a flag among them) before most of the words it labels.
const emojiText = "🔻 أعلنت القوات 🔥 في منطقة 😀 نيورو عن هجوم على قافلة للجيش المالي 🇲🇱 صباح أمس.\n📌 وفي اليوم التالي، الثلاثاء، قُتل جنديان."

func TestAnnotateReloadExportOffline(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "emoji.txt")
	if err := os.WriteFile(txt, []byte(emojiText), 0o644); err != nil {
		t.Fatal(err)
	}
	// A second file: a JSONL line with spans.
	second := filepath.Join(dir, "batch.jsonl")
	line, _ := json.Marshal(map[string]any{"id": "batch-1", "text": "قُتل 😀 جنديان في 🇲🇱 كاي", "spans": []map[string]any{{"start": 7, "end": 13, "label": "CASUALTY"}, {"start": 20, "end": 23, "label": "PLACE"}}, "meta": map[string]any{"title": "batch-1"}})
	os.WriteFile(second, append(line, '\n'), 0o644)

	srv := serveDir(t, dist, "/", "")
	ctx, downloads := newBrowser(t)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	before := docCount(t, ctx)

	// Import two files at once.
	run(t, ctx, "import", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{txt, second}, chromedp.ByQuery))
	waitJS(t, ctx, "two more documents", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, before+2))

	// The JSONL's spans are there, on the right letters after two emoji.
	openDoc(t, ctx, "batch-1")
	if got := renderedSpans(t, ctx); !equalSpans(got, []domSpan{{7, 13, "CASUALTY", "جنديان"}, {20, 23, "PLACE", "كاي"}}) {
		t.Fatalf("imported spans rendered as %+v", got)
	}
	// Imported spans are stored together until the first edit splits
	// them: relabel one, delete the other, label a new one.
	clickText(t, ctx, "click the place", `[data-testid=document] [data-start="20"][data-label=PLACE]`)
	waitJS(t, ctx, "the place selected", `!!document.querySelector('mark[aria-current][data-start="20"]')`)
	press(t, ctx, "1")
	waitJS(t, ctx, "relabelled", `!!document.querySelector('[data-testid=document] [data-start="20"][data-label=ACTOR]')`)
	clickText(t, ctx, "click the casualty", `[data-testid=document] [data-start="7"][data-label=CASUALTY]`)
	waitJS(t, ctx, "the casualty selected", `!!document.querySelector('mark[aria-current][data-start="7"]')`)
	press(t, ctx, kb.Delete)
	waitJS(t, ctx, "removed", `document.querySelector('[data-testid=document]').dataset.spanCount === '1'`)
	selectCP(t, ctx, 14, 16)
	press(t, ctx, "2")
	waitJS(t, ctx, "a new span", `document.querySelector('[data-testid=document]').dataset.spanCount === '2'`)
	batchWant := []domSpan{{14, 16, "PLACE", "في"}, {20, 23, "ACTOR", "كاي"}}
	waitSaved(t, ctx)

	openDoc(t, ctx, "emoji")
	text := emojiText
	emoji := strings.Index(text, "🔻")
	emojiCP := len([]rune(text[:emoji]))
	// 1. A selection inside a word snaps to the word: نيورو, after four emoji.
	niono := cpIndex(t, text, "نيورو", emojiCP)
	selectCP(t, ctx, niono+1, niono+4)
	press(t, ctx, "2")
	// 2. An exact selection: للجيش المالي as ACTOR.
	army := cpIndex(t, text, "للجيش المالي", emojiCP)
	selectCP(t, ctx, army, army+len([]rune("للجيش المالي")))
	press(t, ctx, "1")
	// 3. After the last emoji (📌).
	pin := len([]rune(text[:strings.Index(text, "📌")]))
	var lastWord struct{ Start, End int }
	lastWord.Start = cpIndex(t, text, "الثلاثاء", pin)
	lastWord.End = lastWord.Start + len([]rune("الثلاثاء"))
	selectCP(t, ctx, lastWord.Start, lastWord.End)
	press(t, ctx, "3")

	want := []domSpan{
		{niono, niono + 5, "PLACE", "نيورو"},
		{army, army + 12, "ACTOR", "للجيش المالي"},
		{lastWord.Start, lastWord.End, "DATE", string([]rune(text)[lastWord.Start:lastWord.End])},
	}
	waitJS(t, ctx, "three spans", `document.querySelector('[data-testid=document]').dataset.spanCount === '3'`)
	if got := renderedSpans(t, ctx); !equalSpans(got, want) {
		t.Fatalf("rendered spans\n got %+v\nwant %+v", got, want)
	}
	screenshot(t, ctx, "annotated")

	// An overlapping selection is refused with a message naming the span.
	selectCP(t, ctx, army, army+5)
	press(t, ctx, "4")
	waitJS(t, ctx, "the overlap message", `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('للجيش المالي'))`)
	if got := renderedSpans(t, ctx); len(got) != 3 {
		t.Fatalf("after a refused overlap: %d spans", len(got))
	}

	// Undo removes the last span; redo brings it back.
	press(t, ctx, "z", input.ModifierCtrl)
	waitJS(t, ctx, "undo", `document.querySelector('[data-testid=document]').dataset.spanCount === '2'`)
	press(t, ctx, "Z", input.ModifierCtrl, input.ModifierShift)
	waitJS(t, ctx, "redo", `document.querySelector('[data-testid=document]').dataset.spanCount === '3'`)
	waitSaved(t, ctx)

	// A reload restores everything, the open document included.
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the document after reload", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '3'`)
	if got := renderedSpans(t, ctx); !equalSpans(got, want) {
		t.Fatalf("after reload\n got %+v\nwant %+v", got, want)
	}
	openDoc(t, ctx, "batch-1")
	if got := renderedSpans(t, ctx); !equalSpans(got, batchWant) {
		t.Fatalf("batch-1 after reload\n got %+v\nwant %+v", got, batchWant)
	}
	openDoc(t, ctx, "emoji")
	waitJS(t, ctx, "the document again", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '3'`)
	// Undo history survives the reload.
	press(t, ctx, "z", input.ModifierCtrl)
	waitJS(t, ctx, "undo after reload", `document.querySelector('[data-testid=document]').dataset.spanCount === '2'`)
	press(t, ctx, "z", input.ModifierCtrl, input.ModifierShift)
	waitJS(t, ctx, "redo after reload", `document.querySelector('[data-testid=document]').dataset.spanCount === '3'`)
	waitSaved(t, ctx)

	// Export: the offsets are the ones Go computes on the file's text.
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-jsonl]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-corpus.jsonl")
	found := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d goldDoc
		mustJSON(t, sc.Bytes(), &d)
		if d.Text != text {
			continue
		}
		found = true
		if d.Meta["status"] != "in_progress" {
			t.Errorf("exported status %v, want in_progress", d.Meta["status"])
		}
		var got []domSpan
		for _, s := range d.Spans {
			got = append(got, domSpan{s.Start, s.End, s.Label, s.Text})
			if r := []rune(text); string(r[s.Start:s.End]) != s.Text {
				t.Errorf("exported span [%d,%d) text %q, text has %q", s.Start, s.End, s.Text, string(r[s.Start:s.End]))
			}
		}
		if !equalSpans(got, want) {
			t.Errorf("exported spans\n got %+v\nwant %+v", got, want)
		}
	}
	if !found {
		t.Fatalf("the export has no line with the text of emoji.txt:\n%.300s", data)
	}

	// Offline: the service worker serves the app with the server stopped.
	waitJS(t, ctx, "the service worker", `!!navigator.serviceWorker.controller`)
	srv.Close()
	run(t, ctx, "reload offline", chromedp.Reload())
	waitJS(t, ctx, "the document offline", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '3'`)
	if got := renderedSpans(t, ctx); !equalSpans(got, want) {
		t.Fatalf("offline\n got %+v\nwant %+v", got, want)
	}
}

func equalSpans(got, want []domSpan) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}

func TestBrokenImportStoresNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "broken.jsonl")
	os.WriteFile(bad, []byte(`{"id":"ok-1","text":"مالي","spans":[]}`+"\n"+`{"id":"bad","text":"كاي" "spans":[]}`+"\n"), 0o644)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("هجوم على قرية في ولاية كاي"), 0o644)
	latin1 := filepath.Join(dir, "latin1.txt")
	os.WriteFile(latin1, []byte("caf\xe9\n"), 0o644)

	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	before := docCount(t, ctx)

	run(t, ctx, "import", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{bad, good, latin1}, chromedp.ByQuery))
	waitJS(t, ctx, "the error for the broken file", `[...document.querySelectorAll('[data-testid=message][data-kind=error]')].some(m => m.textContent.includes('broken.jsonl:2'))`)
	waitJS(t, ctx, "the error for the non-UTF-8 file", `[...document.querySelectorAll('[data-testid=message][data-kind=error]')].some(m => m.textContent.includes('latin1.txt'))`)
	waitJS(t, ctx, "the good file", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, before+1))
	screenshot(t, ctx, "broken-import")

	// Nothing of the broken file is stored, also after a reload.
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the list", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, before+1))
	var titles []string
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=doc] .doc-title')].map(e => e.textContent)`, &titles)
	for _, ti := range titles {
		if ti == "ok-1" || ti == "bad" || ti == "latin1" {
			t.Errorf("document %q of a refused file was stored", ti)
		}
	}
}
