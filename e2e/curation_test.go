package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/locale"

	"github.com/chromedp/chromedp"
)

// units describes the curation view's units drawn: each unit's state and
// its gold line's marks.
const units = `JSON.stringify([...document.querySelectorAll('[data-testid=cu-unit]')].map(u => u.dataset.state + ':' +
	[...u.querySelectorAll('[data-testid=cu-gold] mark')].map(m => m.dataset.start + '-' + m.dataset.end + ' ' + m.dataset.label).join(',')))`

// selectInUnit selects code points [start, end) of the current unit's text.
const selectInUnit = `(() => {
  const el = document.querySelector('[data-testid=cu-unit][aria-current] .cu-text .cu-focus');
  const s = +el.dataset.start, node = el.firstChild, cps = [...node.data];
  const off = c => cps.slice(0, c - s).join('').length;
  const r = document.createRange(); r.setStart(node, off(%d)); r.setEnd(node, off(%d));
  const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
  return true;
})()`

// TestCurateToGold imports two annotators' files of the same texts and
// curates one document by key and by mouse: accepts one layer's version,
// edits a unit to the text selected and a label, rejects all versions of
// another; the document is then curated, and the list says so; the
// decisions are kept after a reload. The dataset exported from gold then
// holds that document alone, with its gold spans, and its card names the
// curator and the annotators' layers.
func TestCurateToGold(t *testing.T) {
	dir := filepath.Join("testdata", "layers")
	ctx, downloads, _ := startApp(t)
	run(t, ctx, "import the texts", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{abs(t, dir, "texts.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the texts imported", said("info", "texts.jsonl: imported 3 documents."))
	run(t, ctx, "import the annotators' files", chromedp.SetUploadFiles(`input[data-testid=import]`,
		[]string{abs(t, dir, "salma.jsonl"), abs(t, dir, "yusuf.jsonl")}, chromedp.ByQuery))
	nameLayer(t, ctx, "yusuf.jsonl", "yusuf", "", false)
	waitJS(t, ctx, "yusuf.jsonl told", said("info", "yusuf.jsonl: 3 documents stored already"))
	waitJS(t, ctx, "salma.jsonl told", said("info", "salma.jsonl: 3 documents stored already"))

	// عاد الصيادون إلى صيدا مساء أمس: سلمى marks الصيادون [4,12) ACTOR,
	// yusuf صيدا [17,21) PLACE and مساء أمس [22,30) DATE: three open units.
	openDoc(t, ctx, "عودة الصيادين")
	run(t, ctx, "open the curation", chromedp.Click(`[data-testid=curate-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "three open units", `document.querySelector('[data-testid=cu-status]')?.dataset.open === '3'`)
	wantJS(t, ctx, "the units before", units, `["open:","open:","open:"]`)
	screenshot(t, ctx, "curation-en")

	// Layers in order: yusuf, then سلمى; 2 accepts سلمى's الصيادون.
	press(t, ctx, "2")
	waitJS(t, ctx, "سلمى's version accepted", js(`%s === '["decided:4-12 ACTOR","open:","open:"]'`, units))
	// صيدا edited to an actor: selection, e, then the label key 1.
	var ok bool
	eval(t, ctx, js(selectInUnit, 17, 21), &ok)
	press(t, ctx, "e")
	press(t, ctx, "1")
	waitJS(t, ctx, "صيدا edited", js(`%s === '["decided:4-12 ACTOR","decided:17-21 ACTOR","open:"]'`, units))
	// مساء أمس: every version rejected, by mouse, with a reason.
	eval(t, ctx, `(() => { const r = document.querySelector('[data-testid=cu-reason]'); r.value = 'not a date'; r.dispatchEvent(new Event('input', {bubbles: true})); return true })()`, &ok)
	run(t, ctx, "reject all", chromedp.Click(`[data-testid=cu-unit][aria-current] [data-testid=cu-reject]`, chromedp.ByQuery))
	waitJS(t, ctx, "curated", `document.querySelector('[data-testid=cu-status]').dataset.open === '0'`)
	wantJS(t, ctx, "the units after", units, `["decided:4-12 ACTOR","decided:17-21 ACTOR","decided:"]`)
	wantJS(t, ctx, "the reason shown", `[...document.querySelectorAll('.cu-decision')].map(d => d.textContent).join(' | ')`,
		"سلمى's version accepted by annotator | edited by annotator | all rejected by annotator · not a date")
	waitSaved(t, ctx)
	waitJS(t, ctx, "the list says curated", `[...document.querySelectorAll('[data-testid=doc]')].some(li => li.querySelector('.doc-title').textContent === 'عودة الصيادين' && li.querySelector('[data-testid=doc-curation]')?.dataset.open === '0')`)
	screenshot(t, ctx, "curation-done-en")
	eval(t, ctx, switchTo("lang", "ar"), &ok)
	waitJS(t, ctx, "the page in Arabic", `document.documentElement.dir === 'rtl'`)
	screenshot(t, ctx, "curation-done-ar")

	// Undo by key on the current unit, then decide again.
	press(t, ctx, "u")
	waitJS(t, ctx, "one unit open again", `document.querySelector('[data-testid=cu-status]').dataset.open === '1'`)
	press(t, ctx, "r")
	waitJS(t, ctx, "curated again", `document.querySelector('[data-testid=cu-status]').dataset.open === '0'`)
	waitSaved(t, ctx)

	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the app again", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	waitJS(t, ctx, "the list says curated after a reload", `[...document.querySelectorAll('[data-testid=doc]')].some(li => li.querySelector('.doc-title').textContent === 'عودة الصيادين' && li.querySelector('[data-testid=doc-curation]')?.dataset.open === '0')`)
	openDoc(t, ctx, "عودة الصيادين")
	run(t, ctx, "open the curation", chromedp.Click(`[data-testid=curate-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the decisions kept", js(`%s === '["decided:4-12 ACTOR","decided:17-21 ACTOR","decided:"]'`, units))

	// The dataset from gold: the settings' spans from the curated gold layer.
	eval(t, ctx, switchTo("lang", "en"), &ok)
	waitJS(t, ctx, "the page in English", `document.documentElement.dir === 'ltr'`)
	run(t, ctx, "settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the settings", `!!document.querySelector('[data-testid=spans-from]')`)
	eval(t, ctx, switchTo("spans-from", "gold"), &ok)
	waitJS(t, ctx, "the setting kept", `JSON.parse(localStorage.getItem('raqim.dataset')).spans === 'gold'`)
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-dataset]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-dataset.zip")
	files := unzip(t, data)
	var got []string
	for _, sp := range []string{"train", "dev", "test"} {
		if len(files[sp+".jsonl"]) == 0 {
			continue // a split without documents
		}
		docs, err := jsonl.Decode(sp+".jsonl", bytes.NewReader(files[sp+".jsonl"]), jsonl.DecodeOptions{Schema: corpus.Default})
		if err != nil {
			t.Fatalf("%s.jsonl: %v", sp, err)
		}
		for _, d := range docs {
			line := d.Text + ":"
			for _, s := range d.Spans {
				line += fmt.Sprintf(" %d-%d %s", s.Start, s.End, s.Label)
			}
			got = append(got, line)
		}
	}
	if want := "عاد الصيادون إلى صيدا مساء أمس: 4-12 ACTOR 17-21 ACTOR"; strings.Join(got, " | ") != want {
		t.Errorf("the dataset from gold holds %q, want %q", got, want)
	}
	card := string(files["README.md"])
	for _, want := range []string{"Spans from: the curated gold layer of 1 document(s);", "Curated documents: 1 of 1, by annotator.", "| yusuf · سلمى |"} {
		if !strings.Contains(card, want) {
			t.Errorf("the card lacks %q", want)
		}
	}
}

// wantJS checks that expr evaluates to want once the view has settled
// (within 5 s): a decision shows its count and states at once, the rest
// with go-app's next update.
func wantJS(t *testing.T, ctx context.Context, what, expr, want string) {
	t.Helper()
	var got string
	for range 100 {
		if eval(t, ctx, expr, &got); got == want {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("%s: %s, want %s", what, got, want)
}

// TestCurationKeysInARow decides units as fast as keys come: seven keys
// sent in one go (no frame between them), then the view is checked once
// settled. The count, each unit's state and its chip, and the one current
// unit are written at once by the key's handler and again by go-app's
// update; whatever the order, they end as the decisions say, in English
// and, after a switch, in Arabic.
func TestCurationKeysInARow(t *testing.T) {
	words := strings.Fields("قال القائد إن الجنود وصلوا إلى القرية صباح الأحد بعد أن غادروا المدينة مساء السبت ومعهم الأسرى والجرحى")
	text := strings.Join(words, " ")
	var a, b []map[string]any
	labels := []string{"ACTOR", "PLACE", "DATE", "CASUALTY"}
	at := 0
	for i, w := range words {
		n := len([]rune(w))
		if i%2 == 1 { // every other word: the two layers disagree on its label
			a = append(a, map[string]any{"start": at, "end": at + n, "label": labels[i%4]})
			b = append(b, map[string]any{"start": at, "end": at + n, "label": labels[(i+1)%4]})
		}
		at += n + 1
	}
	dir := t.TempDir()
	for name, line := range map[string]map[string]any{
		"text.jsonl": {"id": "row", "text": text, "meta": map[string]any{"title": "row"}},
		"a.jsonl":    {"text": text, "spans": a, "meta": map[string]any{"annotator": "A"}},
		"b.jsonl":    {"text": text, "spans": b, "meta": map[string]any{"annotator": "B"}},
	} {
		j, _ := json.Marshal(line)
		if err := os.WriteFile(filepath.Join(dir, name), append(j, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, _, _ := startApp(t)
	run(t, ctx, "import the text", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{filepath.Join(dir, "text.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the text imported", said("info", "text.jsonl: imported 1 document."))
	run(t, ctx, "import the layers", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the layers", said("info", "b.jsonl: ")+" && "+said("info", "a.jsonl: "))
	openDoc(t, ctx, "row")
	run(t, ctx, "open the curation", chromedp.Click(`[data-testid=curate-toggle]`, chromedp.ByQuery))
	open0 := len(a)
	waitJS(t, ctx, "the open units", js(`document.querySelector('[data-testid=cu-status]')?.dataset.open === '%d'`, open0))

	// Seven keys at once, each deciding the current unit: accept A's
	// version, B's, reject all, and so on.
	eval(t, ctx, `(() => { for (const code of ['Digit1', 'Digit2', 'KeyR', 'Digit1', 'Digit1', 'Digit2', 'KeyX'])
		document.dispatchEvent(new KeyboardEvent('keydown', {code, key: code.slice(-1).toLowerCase(), bubbles: true, cancelable: true}));
		return true })()`, nil)
	waitSaved(t, ctx)
	settled := func(lang string, open int, chip map[string]string) {
		t.Helper()
		var v struct {
			Open    string
			Badge   string
			Current []string
			States  []string
			Chips   []string
		}
		eval(t, ctx, `(() => {
			const s = document.querySelector('[data-testid=cu-status]'), us = [...document.querySelectorAll('[data-testid=cu-unit]')];
			return {open: s.dataset.open, badge: s.firstElementChild.className + ' ' + s.firstElementChild.textContent,
				current: us.filter(u => u.hasAttribute('aria-current')).map(u => u.dataset.index),
				states: us.map(u => u.dataset.state),
				chips: us.map(u => { const c = u.querySelector('[data-role=cu-state]'); return c.className + ' ' + c.textContent })};
		})()`, &v)
		if v.Open != fmt.Sprint(open) || !strings.HasPrefix(v.Badge, "cu-badge open ") || lang == "English" && !strings.Contains(v.Badge, fmt.Sprint(open)) {
			t.Errorf("%s: status %s, badge %q; want %d open", lang, v.Open, v.Badge, open)
		}
		if len(v.Current) != 1 || v.Current[0] != "7" {
			t.Errorf("%s: current units %v, want the eighth (index 7) alone", lang, v.Current)
		}
		for i, s := range v.States {
			want := "open"
			if i < 7 {
				want = "decided"
			}
			if s != want || v.Chips[i] != "cu-state "+want+" "+chip[want] {
				t.Errorf("%s: unit %d is %s, chip %q; want %s, %q", lang, i, s, v.Chips[i], want, chip[want])
			}
		}
	}
	settled("English", open0-7, map[string]string{"open": "open", "decided": "decided"})
	screenshot(t, ctx, "curation-keys-in-a-row")
	var ok bool
	eval(t, ctx, switchTo("lang", "ar"), &ok)
	waitJS(t, ctx, "the page in Arabic", `document.documentElement.dir === 'rtl'`)
	ar := locale.New(locale.Settings{Lang: locale.Arabic, Digits: locale.Western})
	waitJS(t, ctx, "the chips in Arabic", js(`document.querySelector('[data-testid=cu-unit] [data-role=cu-state]').textContent === %q`, ar.T("decided")))
	settled("Arabic", open0-7, map[string]string{"open": ar.T("open"), "decided": ar.T("decided")})
}
