package e2e

import "testing"

func TestSampleCorpusOnFirstVisit(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "open app", chromedpNavigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	waitJS(t, ctx, "the first document", `!!document.querySelector('[data-testid=document]')`)
	screenshot(t, ctx, "sample")
}
