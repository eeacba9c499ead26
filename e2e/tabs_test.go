package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// storedSpans exports the corpus from a tab and returns the spans stored
// for document id.
type storedSpan struct {
	Start, End int
	Label      string
	Text       string
}

func exportedSpans(t *testing.T, ctx context.Context, downloads, id string) []storedSpan {
	t.Helper()
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-jsonl]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-corpus.jsonl")
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct {
			ID    string
			Spans []storedSpan
		}
		mustJSON(t, []byte(line), &d)
		if d.ID == id {
			return d.Spans
		}
	}
	t.Fatalf("the export lacks %s", id)
	return nil
}

// TestTwoTabs labels one document in two tabs. An edit saved in one tab
// appears in the other; edits made in both at the same moment are all
// stored (the later one put on top of the earlier, and its tab says so);
// two labels of the same words at the same moment keep one, and the tab
// whose label could not be kept says which. Storage never holds
// overlapping spans, and every export goes through.
func TestTwoTabs(t *testing.T) {
	words := strings.Fields("هاجم مسلحون قرية قرب مدينة كاي صباح الثلاثاء وقتلوا جنديين")
	text := strings.Join(words, " ")
	cp := func(i int) (int, int) {
		start := len([]rune(strings.Join(words[:i], " ")))
		if i > 0 {
			start++
		}
		return start, start + len([]rune(words[i]))
	}
	a, downloads, srv := startApp(t)
	importText(t, a, "tabs", text)
	waitSaved(t, a)
	b, cancel := chromedp.NewContext(a)
	defer cancel()
	// The tab is made by the first Run on b, and lives as long as that Run's context.
	if err := chromedp.Run(b); err != nil {
		t.Fatal(err)
	}
	run(t, b, "open the second tab", chromedp.Navigate(srv.URL))
	waitJS(t, b, "the document in the second tab", `document.querySelector('.doc-head h1')?.textContent === 'tabs'`)
	var ok bool
	for _, c := range []context.Context{a, b} {
		eval(t, c, selectJS, &ok)
	}
	front := func(c context.Context) {
		run(t, c, "bring the tab to the front", page.BringToFront())
	}
	count := func(c context.Context, n int) string {
		return js(`document.querySelector('[data-testid=document]')?.dataset.spanCount === '%d'`, n)
	}

	// An edit in one tab shows in the other.
	s, e := cp(1)
	front(a)
	selectCP(t, a, s, e)
	press(t, a, "1")
	waitSaved(t, a)
	waitJS(t, b, "the first tab's span in the second", count(b, 1)+js(` && !!document.querySelector('[data-testid=document] mark[data-start="%d"]')`, s))

	// Edits of other words at the same moment: both kept.
	s2, e2 := cp(5)
	s3, e3 := cp(7)
	eval(t, a, js("__select(%d, %d)", s2, e2), &ok)
	eval(t, b, js("__select(%d, %d)", s3, e3), &ok)
	press(t, a, "2")
	front(b)
	press(t, b, "3")
	waitSaved(t, a)
	waitSaved(t, b)
	waitJS(t, a, "both edits in the first tab", count(a, 3))
	waitJS(t, b, "both edits in the second tab", count(b, 3))

	// The same words at the same moment: one label is kept, and told.
	s4, e4 := cp(8)
	eval(t, a, js("__select(%d, %d)", s4, e4), &ok)
	eval(t, b, js("__select(%d, %d)", s4, e4), &ok)
	front(a)
	press(t, a, "4")
	front(b)
	press(t, b, "1")
	waitSaved(t, a)
	waitSaved(t, b)
	told := `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('changed in another tab'))`
	var toldA, toldB bool
	waitJS(t, a, "both tabs agree", count(a, 4))
	waitJS(t, b, "both tabs agree", count(b, 4))
	eval(t, a, told, &toldA)
	eval(t, b, told, &toldB)
	if !toldA && !toldB {
		t.Errorf("neither tab said the document was changed in the other")
	}
	screenshot(t, b, "two-tabs")

	run(t, b, "reload the second tab", chromedp.Reload())
	waitJS(t, b, "the document after a reload", count(b, 4))
	spans := exportedSpans(t, a, downloads, "tabs")
	if len(spans) != 4 {
		t.Fatalf("%d spans stored, want 4: %+v", len(spans), spans)
	}
	for i := 1; i < len(spans); i++ {
		if spans[i].Start < spans[i-1].End {
			t.Errorf("stored spans overlap: %+v and %+v", spans[i-1], spans[i])
		}
	}
	var listed string
	eval(t, a, `[...document.querySelectorAll('[data-testid=doc]')].find(e => e.textContent.includes('tabs'))?.querySelector('.count')?.textContent || ''`, &listed)
	if !strings.HasPrefix(listed, "4 ") {
		t.Errorf("the list says %q of the document, want 4 spans", listed)
	}
}
