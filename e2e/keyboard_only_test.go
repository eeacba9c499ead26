package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// wordRE finds words as the guidelines count them (letters, combining
// marks, digits, joiners): written here apart from the app's own rule.
var wordRE = regexp.MustCompile(`[\p{L}\p{M}\p{N}\x{200C}\x{200D}]+`)

// TestKeyboardOnlyLabellingToExport labels the open document and exports
// the corpus with the keyboard alone: arrows go word by word in reading
// order, label keys label, Ctrl+arrows go from span to span, and Tab
// reaches the export button.
func TestKeyboardOnlyLabellingToExport(t *testing.T) {
	ctx, downloads, _ := startApp(t)
	waitJS(t, ctx, "the first document", `!!document.querySelector('[data-testid=document] mark, [data-testid=document] span[data-start]')`)
	var title string
	eval(t, ctx, `document.querySelector('.doc-head h1').textContent`, &title)
	count := func(n int) {
		t.Helper()
		waitJS(t, ctx, "the spans", js(`document.querySelector('[data-testid=document]').getAttribute('data-span-count') === '%d'`, n))
	}
	press(t, ctx, kb.ArrowLeft) // the first word
	press(t, ctx, "1")
	count(1)
	press(t, ctx, kb.ArrowLeft) // the second
	press(t, ctx, "2")
	count(2)
	press(t, ctx, kb.ArrowLeft) // the third, passed over
	press(t, ctx, kb.ArrowLeft) // the fourth
	press(t, ctx, "3")
	count(3)
	press(t, ctx, kb.ArrowRight, input.ModifierCtrl) // back to the second word's span
	waitJS(t, ctx, "the second span selected", `document.querySelectorAll('[data-testid=document] mark')[1]?.hasAttribute('aria-current')`)
	press(t, ctx, "4")
	waitJS(t, ctx, "the relabel", `document.querySelectorAll('[data-testid=document] mark')[1]?.dataset.label === 'CASUALTY'`)
	waitSaved(t, ctx)
	screenshot(t, ctx, "keyboard-only")

	// The span list: arrows go from row to row, selecting each row's span.
	run(t, ctx, "focus the span list", chromedp.Focus(`aside.side`, chromedp.ByQuery))
	for i := range 2 {
		press(t, ctx, kb.ArrowDown)
		waitJS(t, ctx, "the row focused and its span selected", js(`(() => {
			const rows = document.querySelectorAll('[data-testid=span-item]');
			const marks = document.querySelectorAll('[data-testid=document] mark');
			return document.activeElement === rows[%d] && marks[%d].hasAttribute('aria-current');
		})()`, i, i))
	}
	// The palette: arrows go from label to label.
	run(t, ctx, "focus the palette", chromedp.Focus(`.palette button`, chromedp.ByQuery))
	press(t, ctx, kb.ArrowRight)
	waitJS(t, ctx, "the second label focused", `document.activeElement === document.querySelectorAll('.palette button')[1]`)

	// Tab to the export button and press Enter.
	os.Remove(filepath.Join(downloads, "raqim-corpus.jsonl"))
	for i := 0; ; i++ {
		if i == 40 {
			t.Fatal("Tab never reached the export button")
		}
		press(t, ctx, kb.Tab)
		var at bool
		eval(t, ctx, `document.activeElement?.dataset.testid === 'export-jsonl'`, &at)
		if at {
			break
		}
	}
	var ring string
	eval(t, ctx, `getComputedStyle(document.activeElement).outlineStyle`, &ring)
	if ring == "none" {
		t.Error("the focused export button shows no focus ring")
	}
	press(t, ctx, kb.Enter)
	data := waitFile(t, downloads, "raqim-corpus.jsonl")
	var doc struct {
		Text  string `json:"text"`
		Spans []struct {
			Start int    `json:"start"`
			End   int    `json:"end"`
			Label string `json:"label"`
		} `json:"spans"`
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct {
			Meta struct{ Title string } `json:"meta"`
		}
		mustJSON(t, []byte(line), &d)
		if d.Meta.Title == title {
			mustJSON(t, []byte(line), &doc)
		}
	}
	// Code-point offsets of the first four words.
	var words [][2]int
	for _, loc := range wordRE.FindAllStringIndex(doc.Text, 4) {
		words = append(words, [2]int{len([]rune(doc.Text[:loc[0]])), len([]rune(doc.Text[:loc[1]]))})
	}
	if len(words) < 4 {
		t.Fatalf("the document %q has fewer than four words", title)
	}
	want := []struct {
		word  int
		label string
	}{{0, "ACTOR"}, {1, "CASUALTY"}, {3, "DATE"}}
	if len(doc.Spans) != len(want) {
		t.Fatalf("exported %d spans, want %d: %+v", len(doc.Spans), len(want), doc.Spans)
	}
	for i, w := range want {
		sp := doc.Spans[i]
		if sp.Start != words[w.word][0] || sp.End != words[w.word][1] || sp.Label != w.label {
			t.Errorf("span %d is [%d,%d) %s, want word %d [%d,%d) %s", i, sp.Start, sp.End, sp.Label, w.word+1, words[w.word][0], words[w.word][1], w.label)
		}
	}
}
