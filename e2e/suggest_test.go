package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// suggestText is written for these tests: a dateline, a named force, two
// known places, dates and a casualty phrase.
const suggestText = "باماكو – 9 أكتوبر 2025\nأعلن الجيش المالي أن هجومًا استهدف قافلة قرب تمبكتو يوم الثلاثاء 7 أكتوبر 2025، وأسفر عن مقتل أربعة جنود. وفي كاي، عاد الهدوء إلى المدينة مساء الأربعاء."

// domSuggestion is a suggestion drawn in the text.
type domSuggestion struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Label   string `json:"label"`
	Text    string `json:"text"`
	Outline string `json:"outline"`
	Fill    string `json:"fill"`
}

func renderedSuggestions(t testing.TB, ctx context.Context) []domSuggestion {
	t.Helper()
	var out []domSuggestion
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=document] mark[data-suggest]')].map(e => ({start: +e.dataset.start, end: +e.dataset.end, label: e.dataset.suggest, text: e.textContent, outline: getComputedStyle(e).outlineStyle, fill: getComputedStyle(e).backgroundColor}))`, &out)
	return out
}

// waitSuggestions waits until n suggestions are drawn.
func waitSuggestions(t testing.TB, ctx context.Context, n int) {
	t.Helper()
	waitJS(t, ctx, js("%d suggestions", n), js(`document.querySelectorAll('[data-testid=document] mark[data-suggest]').length === %d`, n))
}

// spanAt is a JS condition: a span of label starts at code point start.
func spanAt(label string, start int) string {
	return js(`!!document.querySelector('[data-testid=document] mark[data-label=%s][data-start="%d"]')`, label, start)
}

// TestSuggestions goes through suggestions as a user: they are drawn
// dashed, not filled, and are not spans; N chooses, A accepts, X rejects,
// Shift+3 accepts every date, a selection over one and A accepts it, a
// click offers accept; a reload keeps the spans accepted and the
// rejection; a value is edited in the span list; a span labelled by hand
// gets its values; the export holds attrs.source and the values; the
// overview counts it all.
func TestSuggestions(t *testing.T) {
	ctx, downloads, _ := startApp(t)
	importText(t, ctx, "suggest", suggestText)
	cp := func(sub string) int { return cpIndex(t, suggestText, sub, 0) }

	waitSuggestions(t, ctx, 8)
	sugs := renderedSuggestions(t, ctx)
	want := []struct {
		label, text string
	}{{"PLACE", "باماكو"}, {"DATE", "9 أكتوبر 2025"}, {"ACTOR", "الجيش المالي"}, {"PLACE", "تمبكتو"},
		{"DATE", "الثلاثاء 7 أكتوبر 2025"}, {"CASUALTY", "مقتل أربعة جنود"}, {"PLACE", "كاي"}, {"DATE", "مساء الأربعاء"}}
	for i, w := range want {
		g := sugs[i]
		if g.Label != w.label || g.Text != w.text || g.Start != cp(w.text) || g.End != cp(w.text)+len([]rune(w.text)) {
			t.Errorf("suggestion %d: %+v, want %s «%s»", i, g, w.label, w.text)
		}
		if g.Outline != "dashed" || g.Fill != "rgba(0, 0, 0, 0)" {
			t.Errorf("suggestion %d is drawn %s, filled %s: want dashed, not filled", i, g.Outline, g.Fill)
		}
	}
	if n := len(renderedSpans(t, ctx)); n != 0 {
		t.Fatalf("%d spans before any is accepted", n)
	}
	var count string
	eval(t, ctx, `document.querySelector('[data-testid=document]').dataset.spanCount`, &count)
	if count != "0" {
		t.Errorf("span count %s: suggestions are not counted", count)
	}
	screenshot(t, ctx, "suggestions-en")

	// N chooses the first, A accepts it; the next is chosen.
	press(t, ctx, "n")
	waitJS(t, ctx, "the first chosen", `document.querySelector('mark[data-suggest][aria-current]')?.dataset.start === '0'`)
	press(t, ctx, "a")
	waitJS(t, ctx, "باماكو accepted", spanAt("PLACE", 0))
	waitJS(t, ctx, "the next chosen", js(`document.querySelector('mark[data-suggest][aria-current]')?.dataset.start === '%d'`, cp("9 أكتوبر")))
	// X rejects the dateline's date.
	press(t, ctx, "x")
	waitSuggestions(t, ctx, 6)
	// Shift+3 accepts every other date.
	press(t, ctx, "#", input.ModifierShift)
	waitJS(t, ctx, "the dates accepted", spanAt("DATE", cp("الثلاثاء"))+" && "+spanAt("DATE", cp("مساء الأربعاء")))
	waitSuggestions(t, ctx, 4)
	// A selection over a suggestion, and A.
	kayes := cp("كاي")
	selectCP(t, ctx, kayes, kayes+3)
	press(t, ctx, "a")
	waitJS(t, ctx, "كاي accepted", spanAt("PLACE", kayes))
	// A click offers accept and reject.
	eval(t, ctx, `document.querySelector('mark[data-suggest=CASUALTY]').click(), true`, nil)
	waitJS(t, ctx, "the bar offers it", `!!document.querySelector('[data-testid=accept-suggestion]') && document.querySelector('[data-testid=suggest-bar] .suggest-text').textContent === 'مقتل أربعة جنود'`)
	run(t, ctx, "accept by click", chromedp.Click(`[data-testid=accept-suggestion]`, chromedp.ByQuery))
	waitJS(t, ctx, "the casualty accepted", spanAt("CASUALTY", cp("مقتل")))
	waitSaved(t, ctx)

	// A reload keeps the spans and the rejection.
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the document again", `!!document.querySelector('[data-testid=document] mark[data-label]')`)
	waitSuggestions(t, ctx, 2)
	for _, s := range renderedSuggestions(t, ctx) {
		if s.Label != "ACTOR" && s.Label != "PLACE" {
			t.Errorf("after the reload: %+v", s)
		}
	}
	if got := len(renderedSpans(t, ctx)); got != 5 {
		t.Errorf("%d spans after the reload, want 5", got)
	}

	// A value is edited in the span list; the row shows it.
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=span-item]')].find(li => li.textContent.includes('مقتل')).click(), true`, nil)
	waitJS(t, ctx, "the values editor", `document.querySelector('[data-testid=value-count]')?.value === '4'`)
	eval(t, ctx, `(() => { const i = document.querySelector('[data-testid=value-count]'); i.value = '5'; i.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, nil)
	waitJS(t, ctx, "the row shows it", `[...document.querySelectorAll('[data-testid=span-values]')].some(v => v.textContent.includes('count=5'))`)
	waitSaved(t, ctx)

	// Labelled by hand: the values are filled.
	army := cp("الجيش المالي")
	selectCP(t, ctx, army, army+len([]rune("الجيش المالي")))
	press(t, ctx, "1")
	waitJS(t, ctx, "the actor labelled", spanAt("ACTOR", army))
	waitSaved(t, ctx)

	// The export holds the source and the values.
	os.Remove(filepath.Join(downloads, "raqim-corpus.jsonl"))
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-jsonl]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-corpus.jsonl")
	var doc struct {
		Spans []struct {
			Label string
			Text  string
			Attrs map[string]string
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.Contains(line, `"id":"suggest"`) {
			mustJSON(t, []byte(line), &doc)
		}
	}
	got := map[string]map[string]string{}
	for _, s := range doc.Spans {
		got[s.Text] = s.Attrs
	}
	for text, w := range map[string]map[string]string{
		"باماكو":                 {"source": "gazetteer", "gazetteer_id": "ml-bamako", "admin1": "Bamako"},
		"الثلاثاء 7 أكتوبر 2025": {"source": "date", "iso": "2025-10-07", "precision": "day"},
		"مقتل أربعة جنود":        {"source": "casualty", "count": "5", "kind": "killed", "victims": "جنود"},
		"الجيش المالي":           {"actor_id": "fama"},
	} {
		for k, v := range w {
			if got[text][k] != v {
				t.Errorf("exported «%s» has attrs %v, want %s=%s", text, got[text], k, v)
			}
		}
	}
	if _, ok := got["الجيش المالي"]["source"]; ok || len(doc.Spans) != 6 {
		t.Errorf("exported %d spans, the hand-labelled one with source %v: want 6, none", len(doc.Spans), got["الجيش المالي"])
	}

	// The overview counts what suggestions did.
	run(t, ctx, "open the overview", chromedp.Click(`[data-testid=overview-toggle]`, chromedp.ByQuery))
	var row []string
	waitJS(t, ctx, "the help figures", `!!document.querySelector('[data-testid=help-total]')`)
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=help-total] td')].map(td => td.textContent)`, &row)
	if strings.Join(row, " ") != "5 1 1 1" {
		t.Errorf("accepted, rejected, edited, by hand: %v, want 5 1 1 1", row)
	}
}

// TestSuggestionsArabic draws suggestions in the Arabic interface, for a
// look at both.
func TestSuggestionsArabic(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t, chromedp.Flag("lang", "ar"), chromedp.Flag("accept-lang", "ar"))
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the app", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	importText(t, ctx, "suggest", suggestText)
	waitSuggestions(t, ctx, 8)
	press(t, ctx, "n")
	waitJS(t, ctx, "the first chosen", `!!document.querySelector('mark[data-suggest][aria-current]')`)
	screenshot(t, ctx, "suggestions-ar")
}

// TestSuggestionSources switches sources off and on as a user, in the
// settings panel: a source switched off proposes nothing (its suggestions
// go from the open document), the switch is kept across a reload, and
// switched on again the suggestions are back.
func TestSuggestionSources(t *testing.T) {
	ctx, _, _ := startApp(t)
	importText(t, ctx, "sources", suggestText)
	waitSuggestions(t, ctx, 8)
	labels := func() map[string]int {
		n := map[string]int{}
		for _, s := range renderedSuggestions(t, ctx) {
			n[s.Label]++
		}
		return n
	}
	if n := labels(); n["DATE"] != 3 || n["PLACE"] != 3 {
		t.Fatalf("all sources on: %v, want 3 DATE and 3 PLACE among them", n)
	}
	run(t, ctx, "settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	checked := func(src string) bool {
		var on bool
		eval(t, ctx, js(`document.querySelector('[data-testid=source-%s]').checked`, src), &on)
		return on
	}
	waitJS(t, ctx, "the switches", `document.querySelectorAll('[data-testid=suggest-sources] input[role=switch]').length === 7`)
	if !checked("date") || !checked("gazetteer") {
		t.Fatal("a source is off before the user switched it")
	}
	run(t, ctx, "date off", chromedp.Click(`[data-testid=source-date]`, chromedp.ByQuery))
	waitSuggestions(t, ctx, 5)
	eval(t, ctx, `document.querySelector('[data-testid=suggest-sources]').scrollIntoView(), true`, nil)
	screenshot(t, ctx, "suggest-sources")
	if n := labels(); n["DATE"] != 0 || n["PLACE"] != 3 || n["ACTOR"] != 1 || n["CASUALTY"] != 1 {
		t.Errorf("date switched off: %v, want no DATE, the others kept", n)
	}

	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the document again", `!!document.querySelector('[data-testid=document]')`)
	waitSuggestions(t, ctx, 5)
	if n := labels(); n["DATE"] != 0 {
		t.Errorf("after the reload, date still off: %v", n)
	}
	run(t, ctx, "settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the switches", `!!document.querySelector('[data-testid=source-date]')`)
	if checked("date") || !checked("casualty") {
		t.Errorf("after the reload: date on %v, casualty on %v; want off, on", checked("date"), checked("casualty"))
	}
	run(t, ctx, "date on", chromedp.Click(`[data-testid=source-date]`, chromedp.ByQuery))
	waitSuggestions(t, ctx, 8)
	if n := labels(); n["DATE"] != 3 {
		t.Errorf("date on again: %v", n)
	}
}

// TestSuggestLayer stores suggestions as a layer as a user: for the one
// document chosen in the list, then for every document; the layer of
// suggestions is then scored against an annotator's from the scoring view,
// and every schema's counts equal those of the score verb run on the
// suggest verb's output for the same texts (an independent path: the
// command line reads the files, the app its store, in its worker).
func TestSuggestLayer(t *testing.T) {
	dir := filepath.Join("testdata", "layers")
	texts, salma := abs(t, dir, "texts.jsonl"), abs(t, dir, "salma.jsonl")
	sugs, err := exec.Command("go", "run", "../wasm", "suggest", texts).Output()
	if err != nil {
		t.Fatalf("suggest: %v", err)
	}
	cli := filepath.Join(t.TempDir(), "raqim-suggest.jsonl")
	if err := os.WriteFile(cli, sugs, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "run", "../wasm", "score", "-json", salma, cli).Output()
	if err != nil {
		t.Fatalf("score: %v", err)
	}
	var want struct {
		Schemas map[string]struct{ COR, INC, PAR, MIS, SPU int }
	}
	mustJSON(t, out, &want)

	ctx, _, _ := startApp(t)
	run(t, ctx, "import the texts", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{texts}, chromedp.ByQuery))
	waitJS(t, ctx, "the texts imported", said("info", "texts.jsonl: imported 3 documents."))
	run(t, ctx, "import an annotator's file", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{salma}, chromedp.ByQuery))
	waitJS(t, ctx, "salma.jsonl told", said("info", "salma.jsonl: 3 documents stored already now have the layer «سلمى»."))
	var docs int
	eval(t, ctx, `document.querySelectorAll('[data-testid=doc-check]').length`, &docs)

	// One document chosen, from the list's own button; the settings' says
	// it too.
	run(t, ctx, "choose one", chromedp.Evaluate(`document.querySelectorAll('[data-testid=doc-check]')[0].click()`, nil))
	run(t, ctx, "settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the settings' button for the one chosen", `document.querySelector('[data-testid=suggest-layer]')?.textContent.includes('(1)')`)
	screenshot(t, ctx, "suggest-chosen")
	run(t, ctx, "store them", chromedp.Click(`[data-testid=suggest-chosen]`, chromedp.ByQuery))
	waitJS(t, ctx, "stored in one", said("info", "in 1 document, as their layer raqim-suggest."))

	// Another one document chosen instead, from the settings' button: it is
	// that document's turn (two documents now have the layer).
	// One click at a time, each on the box as drawn then: the list draws
	// its chunk again once a choice changes, and a box found before that
	// is no longer on the page.
	run(t, ctx, "unchoose the first", chromedp.Evaluate(`document.querySelectorAll('[data-testid=doc-check]')[0].click()`, nil))
	waitJS(t, ctx, "none chosen", `!document.querySelector('[data-testid=doc-check]:checked') && !document.querySelector('[data-testid=suggest-chosen]')`)
	run(t, ctx, "choose another", chromedp.Evaluate(`document.querySelectorAll('[data-testid=doc-check]')[1].click()`, nil))
	waitJS(t, ctx, "the second chosen", `(() => { const c = document.querySelectorAll('[data-testid=doc-check]'); return !c[0].checked && c[1].checked })()`)
	run(t, ctx, "store them", chromedp.Click(`[data-testid=suggest-layer]`, chromedp.ByQuery))
	waitJS(t, ctx, "stored in one again", `[...document.querySelectorAll('[data-testid=message][data-kind=info]')].filter(m => m.textContent.includes('in 1 document, as their layer raqim-suggest.')).length === 2`)
	run(t, ctx, "open the agreement view", chromedp.Click(`[data-testid=agree-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "two documents have the layer", `(document.querySelector('[data-testid=agree-layer][data-layer=raqim-suggest]')?.closest('label')?.textContent || '').includes('(2 documents')`)
	run(t, ctx, "close it", chromedp.Click(`[data-testid=agree-toggle]`, chromedp.ByQuery))
	run(t, ctx, "settings again", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the settings", `!!document.querySelector('[data-testid=suggest-layer]')`)

	// None chosen: every document.
	run(t, ctx, "choose none", chromedp.Evaluate(`document.querySelectorAll('[data-testid=doc-check]')[1].click()`, nil))
	waitJS(t, ctx, "the button for every document", `document.querySelector('[data-testid=suggest-layer]')?.textContent.includes('every document')`)
	run(t, ctx, "store them", chromedp.Click(`[data-testid=suggest-layer]`, chromedp.ByQuery))
	waitJS(t, ctx, "stored in all", said("info", js("in %d documents, as their layer raqim-suggest.", docs)))

	run(t, ctx, "open the agreement view", chromedp.Click(`[data-testid=agree-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the layer of suggestions offered", `document.querySelector('[data-testid=score-sys]')?.value === 'raqim-suggest'`)
	run(t, ctx, "score against سلمى", chromedp.SetValue(`[data-testid=score-ref]`, "سلمى", chromedp.ByQuery))
	eval(t, ctx, `document.querySelector('[data-testid=score-ref]').dispatchEvent(new Event('change', {bubbles: true}))`, nil)
	run(t, ctx, "score", chromedp.Click(`[data-testid=score-run]`, chromedp.ByQuery))
	waitJS(t, ctx, "the scores", `document.querySelectorAll('[data-testid=score-schema]').length === 4`)
	screenshot(t, ctx, "suggest-layer-scored")
	var rows map[string][]string
	eval(t, ctx, `Object.fromEntries([...document.querySelectorAll('[data-testid=score-schema]')].map(tr => [tr.dataset.schema, [...tr.querySelectorAll('td')].map(td => td.textContent)]))`, &rows)
	for name, s := range want.Schemas {
		w := fmt.Sprint(s.COR, s.INC, s.PAR, s.MIS, s.SPU)
		if got := strings.Join(rows[name][:min(5, len(rows[name]))], " "); got != w {
			t.Errorf("%s: the view counts %s, the command line %s", name, got, w)
		}
	}
	if s := want.Schemas["strict"]; s.COR+s.INC+s.PAR+s.SPU == 0 {
		t.Error("the command line suggested nothing for the texts: the comparison shows nothing")
	}
}
