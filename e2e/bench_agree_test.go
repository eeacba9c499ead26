package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// agreeSpans is the spans each annotator's layer gives each document of the
// agreement benchmark: 2,000 documents × 25 = 50,000 spans a layer.
const agreeSpans = 25

// writeLayers writes the 2,000 texts of writeCorpus without spans, and two
// annotators' files of them, A and B, agreeSpans spans a document each:
// B relabels every fifth of A's spans and moves the end of every seventh
// to the word's last but one code point.
func writeLayers(b *testing.B) (dir string) {
	b.Helper()
	base, baseSpans := corpusBase(b)
	dir = b.TempDir()
	var texts, la, lb bytes.Buffer
	labels := []string{"ACTOR", "PLACE", "DATE", "CASUALTY"}
	for i := range corpusDocs {
		prefix := fmt.Sprintf("وثيقة %d\n", i+1)
		shift := len([]rune(prefix))
		text := prefix + base
		var sa, sb []map[string]any
		for j, s := range baseSpans[:agreeSpans] {
			start, end, label := s["start"].(int)+shift, s["end"].(int)+shift, s["label"].(string)
			sa = append(sa, map[string]any{"start": start, "end": end, "label": label})
			if j%5 == 0 {
				label = labels[(j/5+1)%4]
			}
			if j%7 == 3 && end-start > 2 {
				end--
			}
			sb = append(sb, map[string]any{"start": start, "end": end, "label": label})
		}
		for _, w := range []struct {
			buf  *bytes.Buffer
			line map[string]any
		}{
			{&texts, map[string]any{"id": fmt.Sprintf("doc-%04d", i+1), "text": text}},
			{&la, map[string]any{"text": text, "spans": sa, "meta": map[string]any{"annotator": "A"}}},
			{&lb, map[string]any{"text": text, "spans": sb, "meta": map[string]any{"annotator": "B"}}},
		} {
			line, err := json.Marshal(w.line)
			if err != nil {
				b.Fatal(err)
			}
			w.buf.Write(append(line, '\n'))
		}
	}
	for name, buf := range map[string]*bytes.Buffer{"texts.jsonl": &texts, "a.jsonl": &la, "b.jsonl": &lb} {
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// openWithTexts opens the app from the bundle in a new browser, with script
// (when not empty) run in every document first, and imports the texts
// writeLayers wrote in dir; it returns once they are stored.
func openWithTexts(b *testing.B, dir, script string) context.Context {
	b.Helper()
	srv := serveDir(b, dist, "/", "")
	ctx, _ := newBrowser(b)
	if script != "" {
		newDocScript(b, ctx, script)
	}
	run(b, ctx, "open the app", chromedp.Navigate(srv.URL))
	// The sample corpus listed, as startApp waits: before, the list could
	// still be drawn again, and the import input with it.
	waitJS(b, ctx, "the app", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	run(b, ctx, "import the texts", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{filepath.Join(dir, "texts.jsonl")}, chromedp.ByQuery))
	waitPage(b, ctx, 600*time.Second, "the texts stored", js(`document.querySelector('[data-testid=save-state]')?.dataset.state === 'saved' && (document.querySelector('[data-testid=doc-list] h2')?.textContent || '').includes('(%d)')`, corpusDocs+6))
	return ctx
}

// BenchmarkBrowserAgreement measures the agreement of two annotators' layers
// of 2,000 documents, 50,000 spans each, in the browser: from the click
// that opens the agreement view to its figures shown (the worker surveys
// the layers, then measures the two), and the longest main-thread task
// meanwhile.
func BenchmarkBrowserAgreement(b *testing.B) {
	var out report
	defer out.flush(b)
	dir := writeLayers(b)
	ctx := openWithTexts(b, dir, stateScript)
	for _, f := range []string{"a.jsonl", "b.jsonl"} {
		run(b, ctx, "import "+f, chromedp.SetUploadFiles(`input[data-testid=import]`, []string{filepath.Join(dir, f)}, chromedp.ByQuery))
		waitPage(b, ctx, 600*time.Second, f+" stored as a layer", said("info", f+": 2000 documents stored already now have the layer"))
	}
	time.Sleep(time.Second) // past the work the last step left
	var times []float64
	var longest []float64
	for rep := range 3 {
		eval(b, ctx, `(() => {
			window.__lt = [];
			window.__ltObs = new PerformanceObserver((l) => { for (const e of l.getEntries()) __lt.push(e.duration); });
			__ltObs.observe({type: 'longtask'});
			window.__agreeT0 = null;
			addEventListener('click', (e) => { if (e.target.closest && e.target.closest('[data-testid=agree-toggle]')) window.__agreeT0 = performance.now(); }, {capture: true, once: true});
			return true;
		})()`, nil)
		run(b, ctx, "open the agreement view", chromedp.Click(`[data-testid=agree-toggle]`, chromedp.ByQuery))
		var r struct{ Ms, Longest float64 }
		evalFor(b, ctx, 300*time.Second, "the figures", `(async () => {
			while (!document.querySelector('[data-testid=agree-pair]')) await new Promise((r) => setTimeout(r, 5));
			const ms = performance.now() - __agreeT0;
			__ltObs.disconnect();
			return {ms, longest: Math.max(0, ...__lt)};
		})()`, &r)
		var docs string
		eval(b, ctx, `document.querySelector('[data-testid=agree-summary]').textContent`, &docs)
		if !bytes.Contains([]byte(docs), []byte(fmt.Sprint(corpusDocs)+" documents")) {
			b.Fatalf("rep %d: the agreement is over %q, want %d documents", rep, docs, corpusDocs)
		}
		times, longest = append(times, r.Ms), append(longest, r.Longest)
		var log [][2]any
		eval(b, ctx, `__stateLog.filter(([t]) => t >= __agreeT0).map(([t, s]) => [t - __agreeT0, s])`, &log)
		b.Logf("rep %d: %.0f ms; the save state meanwhile: %v", rep, r.Ms, log)
		run(b, ctx, "close the view", chromedp.Click(`[data-testid=agree-toggle]`, chromedp.ByQuery))
		time.Sleep(time.Second) // past the work the last step left
	}
	out.add("BenchmarkBrowserAgreement: two layers of %d documents, %d spans each: the agreement view's figures shown after %s ms (median min max of 3); longest main-thread task meanwhile %s ms",
		corpusDocs, corpusDocs*agreeSpans, spreadOf(times).ms(), spreadOf(longest).ms())
	b.ReportMetric(spreadOf(times).med, "agree-ms")
	b.ReportMetric(spreadOf(longest).med, "longest-task-ms")
	for range b.N {
	}
}

// BenchmarkBrowserSuggestLayer measures the suggestions of every document of
// the 2,000-document corpus stored as their layer, in the background
// worker: from the click on the settings' button to the message that says
// they are stored, and the longest main-thread task meanwhile.
func BenchmarkBrowserSuggestLayer(b *testing.B) {
	var out report
	defer out.flush(b)
	ctx := openWithTexts(b, writeLayers(b), "")
	run(b, ctx, "settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	waitJS(b, ctx, "the button", `!!document.querySelector('[data-testid=suggest-layer]')`)
	time.Sleep(time.Second) // past the work the last step left
	var times, longest []float64
	for rep := range 3 {
		eval(b, ctx, `(() => {
			window.__lt = [];
			window.__ltObs = new PerformanceObserver((l) => { for (const e of l.getEntries()) __lt.push(e.duration); });
			__ltObs.observe({type: 'longtask'});
			window.__told = document.querySelectorAll('[data-testid=message]').length;
			window.__sugT0 = null;
			addEventListener('click', (e) => { if (e.target.closest && e.target.closest('[data-testid=suggest-layer]')) window.__sugT0 = performance.now(); }, {capture: true, once: true});
			return true;
		})()`, nil)
		run(b, ctx, "store the suggestions", chromedp.Click(`[data-testid=suggest-layer]`, chromedp.ByQuery))
		var r struct {
			Ms, Longest float64
			Text        string
		}
		evalFor(b, ctx, 300*time.Second, "the suggestions stored", `(async () => {
			const stored = () => [...document.querySelectorAll('[data-testid=message]')].find(m => m.textContent.includes('as their layer raqim-suggest'));
			while (!stored()) {
				const err = document.querySelector('[data-testid=message][data-kind=error]');
				if (err) return {ms: -1, longest: 0, text: err.textContent};
				await new Promise((r) => setTimeout(r, 5));
			}
			const ms = performance.now() - __sugT0;
			__ltObs.disconnect();
			const text = stored().textContent;
			stored().querySelector('button')?.click();
			return {ms, longest: Math.max(0, ...__lt), text};
		})()`, &r)
		if want := fmt.Sprintf("in %d documents", corpusDocs+6); r.Ms < 0 || !bytes.Contains([]byte(r.Text), []byte(want)) {
			b.Fatalf("rep %d: told %q, want %q", rep, r.Text, want)
		}
		b.Logf("rep %d: %.0f ms: %s", rep, r.Ms, r.Text)
		times, longest = append(times, r.Ms), append(longest, r.Longest)
		time.Sleep(time.Second)
	}
	out.add("BenchmarkBrowserSuggestLayer: the suggestions of %d documents stored as their layer after %s ms (median min max of 3); longest main-thread task meanwhile %s ms",
		corpusDocs+6, spreadOf(times).ms(), spreadOf(longest).ms())
	b.ReportMetric(spreadOf(times).med, "suggest-ms")
	b.ReportMetric(spreadOf(longest).med, "longest-task-ms")
	for range b.N {
	}
}
