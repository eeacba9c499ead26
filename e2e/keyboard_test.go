package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// importText imports one JSONL document with the given title and opens it.
func importText(t *testing.T, ctx context.Context, title, text string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), title+".jsonl")
	line, _ := json.Marshal(map[string]any{"id": title, "text": text, "meta": map[string]any{"title": title}})
	os.WriteFile(p, append(line, '\n'), 0o644)
	run(t, ctx, "import", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{p}, chromedp.ByQuery))
	waitJS(t, ctx, title+" in the list", js(`[...document.querySelectorAll('[data-testid=doc] .doc-title')].some(e => e.textContent === %q)`, title))
	openDoc(t, ctx, title)
}

func startApp(t *testing.T) (context.Context, string, *server) {
	t.Helper()
	srv := serveDir(t, dist, "/", "")
	ctx, downloads := newBrowser(t)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the app", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	return ctx, downloads, srv
}

func TestKeyboardLabelling(t *testing.T) {
	ctx, _, _ := startApp(t)
	text := "هاجم والفيلق الإفريقي مواقع بولاية كاي أمس."
	importText(t, ctx, "keys", text)
	cp := func(sub string) int { return cpIndex(t, text, sub, 0) }
	n := func(s string) int { return len([]rune(s)) }

	// The proclitic و left out of the selection stays out.
	legion := cp("الفيلق الإفريقي")
	selectCP(t, ctx, legion, legion+n("الفيلق الإفريقي"))
	press(t, ctx, "1")
	waitJS(t, ctx, "the ACTOR span", `document.querySelectorAll('[data-testid=document] [data-label]').length === 1`)
	want := []domSpan{{legion, legion + n("الفيلق الإفريقي"), "ACTOR", "الفيلق الإفريقي"}}
	if got := renderedSpans(t, ctx); !equalSpans(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	// P brings the proclitic in, and P again takes it out: never by rule.
	press(t, ctx, "p")
	waitJS(t, ctx, "the proclitic in", js(`!!document.querySelector('[data-testid=document] [data-start="%d"][data-label=ACTOR]')`, legion-1))
	press(t, ctx, "p")
	waitJS(t, ctx, "the proclitic out", js(`!!document.querySelector('[data-testid=document] [data-start="%d"][data-label=ACTOR]')`, legion))

	// Shift+arrows: left goes on in reading order in right-to-left text.
	bwilaya := cp("بولاية")
	selectCP(t, ctx, bwilaya, bwilaya+n("بولاية"))
	for range n(" كاي") {
		press(t, ctx, kb.ArrowLeft, input.ModifierShift)
	}
	press(t, ctx, "2")
	waitJS(t, ctx, "the PLACE span", `document.querySelectorAll('[data-testid=document] [data-label]').length === 2`)
	if got := renderedSpans(t, ctx)[1]; got != (domSpan{bwilaya, bwilaya + n("بولاية كاي"), "PLACE", "بولاية كاي"}) {
		t.Fatalf("shift+arrow selection labelled %+v", got)
	}
	// Toggle the ب out, as the guidelines want for بولاية.
	press(t, ctx, "p")
	waitJS(t, ctx, "ب out", js(`!!document.querySelector('[data-testid=document] [data-start="%d"][data-label=PLACE]')`, bwilaya+1))

	// Click a span to select it; a label key relabels it; Delete removes it.
	run(t, ctx, "click the span", chromedp.Click(js(`[data-testid=document] [data-start="%d"][data-label=ACTOR]`, legion), chromedp.ByQuery))
	waitJS(t, ctx, "the span selected", `!!document.querySelector('mark[aria-current]')`)
	press(t, ctx, "4")
	waitJS(t, ctx, "relabelled", js(`!!document.querySelector('[data-testid=document] [data-start="%d"][data-label=CASUALTY]')`, legion))
	press(t, ctx, kb.Delete)
	waitJS(t, ctx, "removed", `document.querySelectorAll('[data-testid=document] [data-label]').length === 1`)
	waitSaved(t, ctx)

	// The side panel lists the spans; clicking one selects and flashes it.
	waitJS(t, ctx, "the side list", `document.querySelectorAll('[data-testid=span-item]').length === 1`)
	var items []string
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=span-item]')].map(e => e.textContent)`, &items)
	// The row shows the span's values after its text (a place labelled by
	// hand is looked up in the gazetteer).
	if len(items) != 1 || items[0] != "PLACE"+"ولاية كاي"+"gazetteer_id=ml-kayes · admin1=Kayes" {
		t.Fatalf("span list %q", items)
	}
	run(t, ctx, "click the list item", chromedp.Click(`[data-testid=span-item]`, chromedp.ByQuery))
	waitJS(t, ctx, "the flash", `!!document.querySelector('mark[data-flash][aria-current]')`)

	// Status: set to done, and the list says so after a reload.
	run(t, ctx, "status", chromedp.SetValue(`[data-testid=status]`, "done", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('[data-testid=status]').dispatchEvent(new Event('change', {bubbles: true}))`, nil))
	waitJS(t, ctx, "done in the list", `[...document.querySelectorAll('[data-testid=doc]')].some(e => e.textContent.includes('keys') && e.querySelector('.status.done'))`)
	waitSaved(t, ctx)
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "done in the list", `[...document.querySelectorAll('[data-testid=doc]')].some(e => e.textContent.includes('keys') && e.querySelector('.status.done'))`)

	// The guidelines panel, in Arabic and English.
	run(t, ctx, "guidelines", chromedp.Click(`[data-testid=guide-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the guidelines", `!!document.querySelector('[data-testid=guide]')`)
	var g struct {
		Rules  int
		Ar, En bool
	}
	eval(t, ctx, `({Rules: document.querySelectorAll('.guide-rule').length,
		Ar: document.querySelector('[data-testid=guide]').textContent.includes('السوابق'),
		En: document.querySelector('[data-testid=guide]').textContent.includes('Proclitics')})`, &g)
	if g.Rules != 12 || !g.Ar || !g.En {
		t.Fatalf("guidelines panel: %+v", g)
	}
	screenshot(t, ctx, "guidelines")
}
