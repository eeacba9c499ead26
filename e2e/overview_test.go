package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestOverviewMatchesCorpus labels spans in two documents, marks one done,
// and checks every figure of the overview against counts made from the
// corpus as exported (JSONL, read in full), an independent path.
func TestOverviewMatchesCorpus(t *testing.T) {
	ctx, downloads, _ := startApp(t)
	var ok bool
	waitJS(t, ctx, "the first document", `!!document.querySelector('[data-testid=document]')`)
	eval(t, ctx, selectJS, &ok)
	run(t, ctx, "open the overview", chromedp.Click(`[data-testid=overview-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the overview", `!!document.querySelector('[data-testid=overview]')`)
	// Two spans in the first document, one in the second, which is marked done.
	dblclick(t, ctx, 1)
	press(t, ctx, "1")
	dblclick(t, ctx, 10)
	press(t, ctx, "2")
	waitSaved(t, ctx)
	var second string
	eval(t, ctx, `document.querySelectorAll('[data-testid=doc] .doc-title')[1].textContent`, &second)
	openDoc(t, ctx, second)
	eval(t, ctx, selectJS, &ok)
	dblclick(t, ctx, 1)
	press(t, ctx, "3")
	run(t, ctx, "mark it done", chromedp.SetValue(`[data-testid=status]`, "done", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('[data-testid=status]').dispatchEvent(new Event('change', {bubbles: true}))`, nil))
	waitSaved(t, ctx)
	waitJS(t, ctx, "the overview updated", `document.querySelector('[data-testid=overview-status] g[data-key=done]')?.dataset.n === '1'`)
	screenshot(t, ctx, "overview")

	// Counts from the exported corpus.
	os.Remove(filepath.Join(downloads, "raqim-corpus.jsonl"))
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-jsonl]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-corpus.jsonl")
	want := map[string]int{} // "figure/key" → count
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct {
			Meta struct {
				Status string `json:"status"`
			} `json:"meta"`
			Spans []struct {
				Label string `json:"label"`
			} `json:"spans"`
		}
		mustJSON(t, []byte(line), &d)
		want["overview-status/"+d.Meta.Status]++
		for _, sp := range d.Spans {
			want["overview-labels/"+sp.Label]++
			// The export leaves annotators out; every span here is this
			// browser's annotator's, named "annotator" by default.
			want["overview-annotators/annotator"]++
		}
	}
	var bars []string
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=overview] figure')].flatMap(f => [...f.querySelectorAll('g')].map(g => f.dataset.testid + '/' + g.dataset.key + '=' + g.dataset.n))`, &bars)
	got := map[string]int{}
	for _, b := range bars {
		k, n, _ := strings.Cut(b, "=")
		if strings.HasPrefix(k, "overview-documents/") {
			continue
		}
		var v int
		fmt.Sscan(n, &v)
		if v > 0 {
			got[k] = v
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the overview shows\n%v\nthe exported corpus counts\n%v", got, want)
	}
	if want["overview-labels/ACTOR"] != 1 || want["overview-labels/PLACE"] != 1 || want["overview-labels/DATE"] != 1 || want["overview-status/done"] != 1 {
		t.Errorf("the corpus does not hold the spans labelled: %v", want)
	}
}
