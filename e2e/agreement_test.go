package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/raqim/raqim/internal/locale"
)

// agreeCLI runs the agree verb on files and decodes its JSON.
func agreeCLI(t *testing.T, files ...string) map[string]any {
	t.Helper()
	out, err := exec.Command("go", append([]string{"run", "../wasm", "agree", "-json"}, files...)...).Output()
	if err != nil {
		t.Fatalf("agree: %v", err)
	}
	var r map[string]any
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("agree -json: %v\n%s", err, out)
	}
	return r
}

// TestAgreementMatchesCommandLine imports two annotators' files of three
// texts of the project's own as layers, opens the agreement view, and
// finds the figures the agree verb computes on the same two files, as the
// view writes them (three decimals); a disagreement opens its document
// with the unit's text selected.
func TestAgreementMatchesCommandLine(t *testing.T) {
	dir := filepath.Join("testdata", "layers")
	yusuf, salma := abs(t, dir, "yusuf.jsonl"), abs(t, dir, "salma.jsonl")
	want := agreeCLI(t, yusuf, salma)

	ctx, _, _ := startApp(t)
	run(t, ctx, "import the texts", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{abs(t, dir, "texts.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the texts imported", said("info", "texts.jsonl: imported 3 documents."))
	run(t, ctx, "import the annotators' files", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{salma, yusuf}, chromedp.ByQuery))
	nameLayer(t, ctx, "yusuf.jsonl", "yusuf", "", false)
	waitJS(t, ctx, "yusuf.jsonl told", said("info", "yusuf.jsonl: 3 documents stored already now have the layer «yusuf»."))

	run(t, ctx, "open the agreement view", chromedp.Click(`[data-testid=agree-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the pair measured", `document.querySelectorAll('[data-testid=agree-pair]').length === 1`)
	var layers []string
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=agree-layer]')].filter(c => c.checked).map(c => c.dataset.layer)`, &layers)
	if len(layers) != 2 || layers[0] != "yusuf" || layers[1] != "سلمى" {
		t.Errorf("layers chosen at first: %q, want the two annotators' (yusuf, سلمى), not the empty own layer", layers)
	}
	screenshot(t, ctx, "agreement")

	en := locale.New(locale.Settings{Lang: locale.English, Digits: locale.Western})
	f := func(v any) string { return en.F(v.(float64), 3) }
	pair := want["pairs"].([]any)[0].(map[string]any)
	var got map[string]string
	eval(t, ctx, `(() => {
		const row = document.querySelector('[data-testid=agree-pair]'), cell = (id) => row.querySelector('[data-testid=' + id + ']')?.textContent;
		const overall = document.querySelector('[data-testid=agree-overall]');
		return {strict: cell('strict-f1'), overlap: cell('overlap-f1'), kappa: cell('kappa-cp'), alpha: overall.querySelector('[data-testid=alpha]').textContent,
			fleiss: overall.querySelector('.num').textContent, documents: document.querySelector('[data-testid=agree-summary]').textContent};
	})()`, &got)
	for _, c := range []struct{ name, got, want string }{
		{"strict F1", got["strict"], f(pair["strict"].(map[string]any)["f1"])},
		{"overlap F1", got["overlap"], f(pair["overlap"].(map[string]any)["f1"])},
		{"Cohen's kappa over code points", got["kappa"], f(pair["kappa_cp"])},
		{"Fleiss' kappa over code points", got["fleiss"], f(want["fleiss_kappa_cp"])},
		{"unitizing alpha", got["alpha"], f(want["alpha_u"].(map[string]any)["overall"])},
	} {
		if c.got != c.want {
			t.Errorf("%s: the view shows %q, the command line %q", c.name, c.got, c.want)
		}
	}
	var cells []string
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=agree-confusion] td')].map(td => td.textContent)`, &cells)
	var wantCells []string
	for _, row := range pair["confusion"].(map[string]any)["counts"].([]any) {
		for _, n := range row.([]any) {
			wantCells = append(wantCells, en.N(int(n.(float64))))
		}
	}
	if strings.Join(cells, " ") != strings.Join(wantCells, " ") {
		t.Errorf("confusion table: the view shows %q, the command line %q", cells, wantCells)
	}
	if w := "3 documents; 95% intervals from 1000 bootstrap resamples of documents."; got["documents"] != w {
		t.Errorf("summary %q, want %q", got["documents"], w)
	}

	// Over the documents chosen in the list: one.
	run(t, ctx, "choose a document in the list", chromedp.Click(`//li[@data-testid="doc"][.//div[text()="زيارة ليلى"]]//input[@type="checkbox"]`, chromedp.BySearch))
	waitJS(t, ctx, "the choice offered", `!document.querySelector('[data-testid=agree-scope] option[value=chosen]').disabled`)
	eval(t, ctx, `(() => { const s = document.querySelector('[data-testid=agree-scope]'); s.value = 'chosen'; s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`, nil)
	run(t, ctx, "measure", chromedp.Click(`[data-testid=agree-run]`, chromedp.ByQuery))
	waitJS(t, ctx, "the chosen document measured", `document.querySelector('[data-testid=agree-summary]')?.textContent.startsWith('1 document;')`)

	// A disagreement opens its document at its unit.
	var unit struct{ Start, End int }
	waitJS(t, ctx, "the units listed", `!!document.querySelector('[data-testid=disagreement]')`)
	eval(t, ctx, `(() => { const li = document.querySelector('[data-testid=disagreement]'); return {start: +li.dataset.start, end: +li.dataset.end}; })()`, &unit)
	run(t, ctx, "open the first disagreement", chromedp.Click(`[data-testid=disagreement] [data-testid=agree-open]`, chromedp.ByQuery))
	waitJS(t, ctx, "the document open with the unit selected", `!document.querySelector('[data-testid=agreement]') && document.querySelector('[data-testid=document]') && getSelection().toString().length > 0`)
	var shown struct{ Title, Sel string }
	eval(t, ctx, `({title: document.querySelector('.doc-head h1').textContent, sel: getSelection().toString()})`, &shown)
	texts := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(mustRead(t, filepath.Join(dir, "texts.jsonl")))), "\n") {
		var d struct {
			Text string
			Meta struct{ Title string }
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		texts[d.Meta.Title] = d.Text
	}
	text, ok := texts[shown.Title]
	if !ok {
		t.Fatalf("the document opened, %q, is none of the texts", shown.Title)
	}
	if w := string([]rune(text)[unit.Start:unit.End]); shown.Sel != w {
		t.Errorf("selected %q, want the unit [%d, %d) %q", shown.Sel, unit.Start, unit.End, w)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestScoreMatchesCommandLine imports an extractor's predictions of the
// same three texts as a system layer, from the scoring view, and scores
// it against one annotator's layer: every schema's counts and figures
// equal the score verb's on the same two files, as the view writes them.
func TestScoreMatchesCommandLine(t *testing.T) {
	dir := filepath.Join("testdata", "layers")
	salma, model := abs(t, dir, "salma.jsonl"), abs(t, dir, "model.jsonl")
	out, err := exec.Command("go", "run", "../wasm", "score", "-json", salma, model).Output()
	if err != nil {
		t.Fatalf("score: %v", err)
	}
	var want struct {
		Schemas map[string]struct {
			COR, INC, PAR, MIS, SPU int
			Precision, Recall, F1   float64
		}
		Errors []any
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}

	ctx, _, _ := startApp(t)
	run(t, ctx, "import the texts", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{abs(t, dir, "texts.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the texts imported", said("info", "texts.jsonl: imported 3 documents."))
	run(t, ctx, "import an annotator's file", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{salma}, chromedp.ByQuery))
	waitJS(t, ctx, "salma.jsonl told", said("info", "salma.jsonl: 3 documents stored already now have the layer «سلمى»."))
	run(t, ctx, "open the agreement view", chromedp.Click(`[data-testid=agree-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the scoring view", `!!document.querySelector('[data-testid=scoring] [data-testid=score-ref] option')`)
	run(t, ctx, "import the predictions", chromedp.SetUploadFiles(`input[data-testid=import-predictions]`, []string{model}, chromedp.ByQuery))
	waitJS(t, ctx, "model.jsonl told", said("info", "model.jsonl: 3 documents stored already now have the system layer «model» (predictions)."))
	waitJS(t, ctx, "the system layer offered", `document.querySelector('[data-testid=score-sys]').value === 'model'`)
	run(t, ctx, "score against سلمى", chromedp.SetValue(`[data-testid=score-ref]`, "سلمى", chromedp.ByQuery))
	eval(t, ctx, `document.querySelector('[data-testid=score-ref]').dispatchEvent(new Event('change', {bubbles: true}))`, nil)
	run(t, ctx, "score", chromedp.Click(`[data-testid=score-run]`, chromedp.ByQuery))
	waitJS(t, ctx, "the scores", `document.querySelectorAll('[data-testid=score-schema]').length === 4`)
	screenshot(t, ctx, "scoring")

	en := locale.New(locale.Settings{Lang: locale.English, Digits: locale.Western})
	var rows map[string][]string
	eval(t, ctx, `Object.fromEntries([...document.querySelectorAll('[data-testid=score-schema]')].map(tr => [tr.dataset.schema, [...tr.querySelectorAll('td')].map(td => td.textContent)]))`, &rows)
	for name, s := range want.Schemas {
		w := []string{en.N(s.COR), en.N(s.INC), en.N(s.PAR), en.N(s.MIS), en.N(s.SPU), en.F(s.Precision, 3), en.F(s.Recall, 3), en.F(s.F1, 3)}
		if strings.Join(rows[name], " ") != strings.Join(w, " ") {
			t.Errorf("%s: the view shows %q, the command line %q", name, rows[name], w)
		}
	}
	var errs int
	eval(t, ctx, `document.querySelectorAll('[data-testid=score-error-item]').length`, &errs)
	if errs != len(want.Errors) {
		t.Errorf("%d errors listed, the command line %d", errs, len(want.Errors))
	}

	// An error opens its document with the extractor's errors drawn in the
	// text: what it missed (the reference's side of a strict MIS, INC or
	// PAR) and what it got wrong (its side of a SPU, INC or PAR), as the
	// command line lists them.
	var listed struct {
		Errors []struct {
			Doc        string
			Gold, Pred *struct{ Text string }
			Categories map[string]string
		}
	}
	if err := json.Unmarshal(out, &listed); err != nil {
		t.Fatal(err)
	}
	// The first document with both.
	var doc string
	var missed, wrong []string
	for _, first := range listed.Errors {
		doc, missed, wrong = first.Doc, nil, nil
		for _, e := range listed.Errors {
			c := e.Categories["strict"]
			if e.Doc != doc {
				continue
			}
			if e.Gold != nil && (c == "MIS" || c == "INC" || c == "PAR") {
				missed = append(missed, e.Gold.Text)
			}
			if e.Pred != nil && (c == "SPU" || c == "INC" || c == "PAR") {
				wrong = append(wrong, e.Pred.Text)
			}
		}
		if len(missed) > 0 && len(wrong) > 0 {
			break
		}
	}
	if len(missed) == 0 || len(wrong) == 0 {
		t.Fatal("no document of the fixture has errors of both kinds")
	}
	slices.Sort(missed)
	slices.Sort(wrong)
	// The command line names the documents as salma.jsonl does: "s-" and
	// the ID they have in the app, imported from texts.jsonl.
	eval(t, ctx, js(`document.querySelector('[data-testid=score-error-item][data-doc=%q] [data-testid=score-open]').click(), true`, strings.TrimPrefix(doc, "s-")), nil)
	waitJS(t, ctx, "the errors drawn", `!!document.querySelector('[data-testid=score-marks]') && !!CSS.highlights.get('raqim-wrong')`)
	var drawn map[string][]string
	eval(t, ctx, `Object.fromEntries(['missed', 'wrong'].map(k => [k, [...(CSS.highlights.get('raqim-' + k) || [])].map(r => r.toString()).sort()]))`, &drawn)
	if !slices.Equal(drawn["missed"], missed) || !slices.Equal(drawn["wrong"], wrong) {
		t.Errorf("drawn as missed %q and wrong %q, the command line's errors are %q and %q", drawn["missed"], drawn["wrong"], missed, wrong)
	}
	var bar string
	eval(t, ctx, `document.querySelector('[data-testid=score-marks]').textContent`, &bar)
	if !strings.Contains(bar, fmt.Sprintf("Missed by the extractor: %d", len(missed))) || !strings.Contains(bar, fmt.Sprintf("Its wrong spans: %d", len(wrong))) {
		t.Errorf("the bar says %q, want %d missed and %d wrong", bar, len(missed), len(wrong))
	}
	eval(t, ctx, `getSelection().removeAllRanges(), true`, nil) // for the screenshot: the marks under it
	screenshot(t, ctx, "score-errors")
	// Another document has none drawn; back to this one, they are again.
	var title string
	eval(t, ctx, `document.querySelector('.doc-head h1').textContent`, &title)
	other := "سفر سامي"
	if title == other {
		other = "زيارة ليلى"
	}
	openDoc(t, ctx, other)
	waitJS(t, ctx, "no errors drawn in "+other, `!document.querySelector('[data-testid=score-marks]') && (CSS.highlights.get('raqim-wrong')?.size || 0) === 0`)
	openDoc(t, ctx, title)
	waitJS(t, ctx, "the errors drawn again", js(`!!document.querySelector('[data-testid=score-marks]') && CSS.highlights.get('raqim-wrong')?.size === %d`, len(wrong)))
	// A click by the element, not by where it was: the layers' line above
	// the bar is drawn once they are read, and moves it down.
	eval(t, ctx, `document.querySelector('[data-testid=score-marks-hide]').click(), true`, nil)
	waitJS(t, ctx, "the errors hidden", `!document.querySelector('[data-testid=score-marks]') && (CSS.highlights.get('raqim-missed')?.size || 0) === 0 && (CSS.highlights.get('raqim-wrong')?.size || 0) === 0`)
}

// TestAgreementSharedBootstrapMatchesCommandLine measures two layers of
// 240 documents, enough that the worker hands half of the bootstrap to a
// second worker, and checks that the intervals shown are the command
// line's, which computes them in one piece.
func TestAgreementSharedBootstrapMatchesCommandLine(t *testing.T) {
	dir := t.TempDir()
	words := []string{"قال", "مصدر", "محلي", "إن", "مسلحين", "هاجموا", "قرية", "قرب", "مدينة", "موبتي", "صباح", "الثلاثاء", "وقتلوا", "ثلاثة", "رعاة"}
	labels := []string{"ACTOR", "PLACE", "DATE", "CASUALTY"}
	var texts, la, lb strings.Builder
	for i := range 240 {
		var text strings.Builder
		fmt.Fprintf(&text, "وثيقة %d\n", i+1)
		var sa, sb []map[string]any
		for j := range 30 {
			start := len([]rune(text.String()))
			w := words[(i*7+j*3)%len(words)]
			text.WriteString(w + " ")
			if j%3 != 0 {
				continue
			}
			end := start + len([]rune(w))
			label := labels[(i+j)%4]
			sa = append(sa, map[string]any{"start": start, "end": end, "label": label})
			if (i+j)%5 == 0 {
				label = labels[(i+j+1)%4]
			}
			if (i+j)%7 == 0 && end-start > 2 {
				end--
			}
			if (i+j)%11 != 0 { // B leaves some out
				sb = append(sb, map[string]any{"start": start, "end": end, "label": label})
			}
		}
		for _, w := range []struct {
			b    *strings.Builder
			line map[string]any
		}{
			{&texts, map[string]any{"id": fmt.Sprintf("d%03d", i), "text": text.String()}},
			{&la, map[string]any{"text": text.String(), "spans": sa, "meta": map[string]any{"annotator": "A"}}},
			{&lb, map[string]any{"text": text.String(), "spans": sb, "meta": map[string]any{"annotator": "B"}}},
		} {
			line, err := json.Marshal(w.line)
			if err != nil {
				t.Fatal(err)
			}
			w.b.Write(append(line, '\n'))
		}
	}
	files := map[string]string{"texts.jsonl": texts.String(), "a.jsonl": la.String(), "b.jsonl": lb.String()}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := agreeCLI(t, filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl"))

	ctx, _, _ := startApp(t)
	run(t, ctx, "import the texts", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{filepath.Join(dir, "texts.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the texts imported", said("info", "texts.jsonl: imported 240 documents."))
	for _, f := range []string{"a.jsonl", "b.jsonl"} {
		run(t, ctx, "import "+f, chromedp.SetUploadFiles(`input[data-testid=import]`, []string{filepath.Join(dir, f)}, chromedp.ByQuery))
		waitJS(t, ctx, f+" stored as a layer", said("info", f+": 240 documents stored already now have the layer"))
	}
	run(t, ctx, "open the agreement view", chromedp.Click(`[data-testid=agree-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the pair measured", `document.querySelectorAll('[data-testid=agree-pair]').length === 1`)
	en := locale.New(locale.Settings{Lang: locale.English, Digits: locale.Western})
	ci := func(v any) string {
		c := v.([]any)
		return "[" + en.F(c[0].(float64), 3) + ", " + en.F(c[1].(float64), 3) + "]"
	}
	pair := want["pairs"].([]any)[0].(map[string]any)
	var got map[string]string
	eval(t, ctx, `(() => {
		const ci = (cell) => cell.nextElementSibling.textContent;
		const row = document.querySelector('[data-testid=agree-pair]');
		return {strict: ci(row.querySelector('[data-testid=strict-f1]')), overlap: ci(row.querySelector('[data-testid=overlap-f1]')),
			alpha: ci(document.querySelector('[data-testid=agree-overall] [data-testid=alpha]'))};
	})()`, &got)
	for _, c := range []struct{ name, got, want string }{
		{"strict F1's interval", got["strict"], ci(pair["strict"].(map[string]any)["f1_ci"])},
		{"overlap F1's interval", got["overlap"], ci(pair["overlap"].(map[string]any)["f1_ci"])},
		{"unitizing alpha's interval", got["alpha"], ci(want["alpha_u"].(map[string]any)["ci"].(map[string]any)["overall"])},
	} {
		if c.got != c.want {
			t.Errorf("%s: the view shows %q, the command line %q", c.name, c.got, c.want)
		}
	}
	// The reply's long lists came in parts, decoded after the figures were
	// shown: they follow, whole.
	waitJS(t, ctx, "the documents' list, of all 240", `document.querySelectorAll('[data-testid=agree-doc]').length > 0 && (document.querySelector('[data-testid=agree-more-docs]')?.textContent || '').includes('of 240')`)
	waitJS(t, ctx, "the disagreements", `document.querySelectorAll('[data-testid=disagreement]').length > 0`)
}
