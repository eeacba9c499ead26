package e2e

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// taggerFixture holds six short documents written for this test (no news
// text): a made-up armed group, سرايا الوادي, that no lexicon knows, with
// places, dates and casualties; d1–d5 carry their spans, d6 none. أنفيف, a
// made-up place no rule knows, is in d4 and d6.
var taggerFixture = filepath.Join("testdata", "tagger.jsonl")

// suggestionFrom is a JS condition: a suggestion of label from source over text.
func suggestionFrom(label, source, text string) string {
	return js(`[...document.querySelectorAll('[data-testid=document] mark[data-suggest=%s][data-source=%s]')].some(m => m.textContent === %q)`, label, source, text)
}

// TestTaggerTrainAndPropagate trains the learned tagger as a user: four
// documents marked done, the dataset settings' Train the tagger, its P/R/F1
// per label; a document not trained on shows the tagger's suggestion of the
// group; a place labelled by hand and propagated to the corpus is proposed
// in another document; after a reload the training is kept (no new one)
// and both suggestions still come; five more documents marked done start
// a training by themselves.
func TestTaggerTrainAndPropagate(t *testing.T) {
	ctx, _, _ := startApp(t)
	abs, err := filepath.Abs(taggerFixture)
	if err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "import", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{abs}, chromedp.ByQuery))
	for _, d := range []string{"d1", "d2", "d3", "d4"} {
		openDoc(t, ctx, "tagger-"+d)
		run(t, ctx, "mark "+d+" done", chromedp.SetValue(`[data-testid=status]`, "done", chromedp.ByQuery))
		waitJS(t, ctx, d+" done in the list", js(`[...document.querySelectorAll('[data-testid=doc]')].some(e => e.querySelector('.doc-title').textContent === 'tagger-%s' && e.querySelector('.status.done'))`, d))
	}
	waitSaved(t, ctx)

	// Not trained yet; four newly done documents do not start a training.
	run(t, ctx, "open the dataset settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the tagger panel", `!!document.querySelector('[data-testid=tagger-none]') && !document.querySelector('[data-testid=tagger-busy]')`)
	// Clicked from script: the storage notice may lie over the button.
	eval(t, ctx, `document.querySelector('[data-testid=train-tagger]').click(), true`, nil)
	waitJS(t, ctx, "the P/R table", `document.querySelectorAll('[data-testid=tagger-scores] [data-testid=tagger-row]').length > 0`)
	var rows []struct {
		Label string `json:"label"`
		P     string `json:"p"`
		R     string `json:"r"`
		F1    string `json:"f1"`
	}
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=tagger-scores] tr[data-label]')].map(r => ({label: r.dataset.label, p: r.querySelector('[data-testid=tagger-p]').textContent, r: r.querySelector('[data-testid=tagger-r]').textContent, f1: r.querySelector('[data-testid=tagger-f1]').textContent}))`, &rows)
	labels := map[string]bool{}
	for _, r := range rows {
		labels[r.Label] = true
		if r.P == "" || r.R == "" || r.F1 == "" {
			t.Errorf("row %+v", r)
		}
	}
	if !labels["ACTOR"] || !labels["All"] {
		t.Errorf("rows %+v: want ACTOR and All", rows)
	}
	var about string
	eval(t, ctx, `document.querySelector('[data-testid=tagger-about]').textContent`, &about)
	if !strings.Contains(about, "4 documents") || !strings.Contains(about, "1 held back") || !strings.Contains(about, "other 3") {
		t.Errorf("the training is said as %q", about)
	}
	eval(t, ctx, `document.querySelectorAll('[data-testid=message]').forEach(m => m.style.display = 'none'), true`, nil) // for the picture
	screenshot(t, ctx, "tagger-panel")
	eval(t, ctx, `document.querySelector('[data-testid=dataset-settings-toggle]').click(), true`, nil) // the span list again

	// A document not trained on: the tagger proposes the group.
	openDoc(t, ctx, "tagger-d6")
	waitJS(t, ctx, "the tagger's suggestion", suggestionFrom("ACTOR", "tagger", "سرايا الوادي"))
	screenshot(t, ctx, "tagger-suggestion")

	// أنفيف labelled by hand in d4, then proposed on every mention.
	openDoc(t, ctx, "tagger-d4")
	text := fixtureText(t, "d4")
	at := cpIndex(t, text, "أنفيف", 0)
	selectCP(t, ctx, at, at+len([]rune("أنفيف")))
	press(t, ctx, "2")
	waitJS(t, ctx, "أنفيف labelled", spanAt("PLACE", at))
	waitJS(t, ctx, "أنفيف listed", `[...document.querySelectorAll('[data-testid=span-item]')].some(li => li.textContent.includes('أنفيف'))`)
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=span-item]')].find(li => li.textContent.includes('أنفيف')).click(), true`, nil)
	waitJS(t, ctx, "the propagate button", `!!document.querySelector('[data-testid=propagate]')`)
	screenshot(t, ctx, "propagate-button")
	eval(t, ctx, `document.querySelector('[data-testid=propagate]').click(), true`, nil)
	waitJS(t, ctx, "the count of mentions", `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('1 mention in 1 other document'))`)
	openDoc(t, ctx, "tagger-d6")
	waitJS(t, ctx, "the propagated suggestion", suggestionFrom("PLACE", "propagation", "أنفيف"))
	waitJS(t, ctx, "the tagger's suggestion still", suggestionFrom("ACTOR", "tagger", "سرايا الوادي"))

	// A reload keeps the model and its record: no training, the same figures.
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "d6 again", `document.querySelector('.doc-head h1')?.textContent === 'tagger-d6'`)
	waitJS(t, ctx, "the tagger's suggestion after the reload", suggestionFrom("ACTOR", "tagger", "سرايا الوادي"))
	waitJS(t, ctx, "the propagated suggestion after the reload", suggestionFrom("PLACE", "propagation", "أنفيف"))
	run(t, ctx, "open the dataset settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the record kept", `!!document.querySelector('[data-testid=tagger-about]')`)
	var again string
	eval(t, ctx, `document.querySelector('[data-testid=tagger-about]').textContent`, &again)
	var busy bool
	eval(t, ctx, `!!document.querySelector('[data-testid=tagger-busy]')`, &busy)
	if again != about || busy {
		t.Errorf("after the reload: %q (training: %v), want %q and none", again, busy, about)
	}
	eval(t, ctx, `document.querySelector('[data-testid=dataset-settings-toggle]').click(), true`, nil)

	// Five more documents marked done (three of the sample's): a training
	// starts by itself, on all nine.
	var samples []string
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=doc] .doc-title')].map(e => e.textContent).filter(t => !t.startsWith('tagger-')).slice(0, 3)`, &samples)
	for _, title := range append([]string{"tagger-d5", "tagger-d6"}, samples...) {
		openDoc(t, ctx, title)
		run(t, ctx, "mark "+title+" done", chromedp.SetValue(`[data-testid=status]`, "done", chromedp.ByQuery))
		waitSaved(t, ctx)
	}
	waitJS(t, ctx, "the trained model said", `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('trained on 9 documents'))`)
	eval(t, ctx, `document.querySelector('[data-testid=dataset-settings-toggle]').click(), true`, nil)
	waitJS(t, ctx, "the new record", `document.querySelector('[data-testid=tagger-about]')?.textContent.includes('Trained on 9 documents')`)
}

// fixtureText returns the text of document id of the tagger fixture.
func fixtureText(t *testing.T, id string) string {
	t.Helper()
	f, err := os.Open(taggerFixture)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d struct{ ID, Text string }
		if json.Unmarshal(sc.Bytes(), &d) == nil && d.ID == id {
			return d.Text
		}
	}
	t.Fatalf("no document %s in %s", id, taggerFixture)
	return ""
}
