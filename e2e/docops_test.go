package e2e

import (
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// spanTotals is a JS expression: each listed document's title and span
// count, "title:count", in list order.
const spanTotals = `[...document.querySelectorAll('[data-testid=doc]')].map(li => li.querySelector('.doc-title').textContent + ':' + li.querySelector('.count').textContent)`

// TestDeleteWithUndoAndRename renames the open document, deletes two
// documents chosen in the list and puts them back with Undo, then deletes
// the open one; each state survives a reload.
func TestDeleteWithUndoAndRename(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "open app", chromedpNavigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 5`)
	waitJS(t, ctx, "the first document", `!!document.querySelector('[data-testid=document]')`)
	waitSaved(t, ctx)
	n := docCount(t, ctx)

	// Rename the open document; Latin, digits and an emoji in the title.
	const title = "تقرير كاي 2025 Gao 🔥"
	run(t, ctx, "rename", chromedp.Click(`[data-testid=rename]`, chromedp.ByQuery))
	waitJS(t, ctx, "the title field", `!!document.querySelector('[data-testid=rename-input]')`)
	run(t, ctx, "type the title",
		chromedp.Evaluate(`document.querySelector('[data-testid=rename-input]').select()`, nil),
		chromedp.SendKeys(`[data-testid=rename-input]`, title+"\r", chromedp.ByQuery))
	waitJS(t, ctx, "the new title", js(`document.querySelector('.doc-head h1')?.textContent === %q`, title))
	waitJS(t, ctx, "the new title in the list", listed(title))
	waitSaved(t, ctx)
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the renamed document after a reload", listed(title)+` && document.querySelector('.doc-head h1')?.textContent === `+js("%q", title))

	// Label a word of the renamed document, then choose it and the next
	// one and delete both.
	var ok bool
	eval(t, ctx, selectJS, &ok)
	dblclick(t, ctx, 1)
	press(t, ctx, "1")
	waitJS(t, ctx, "the span listed", `[...document.querySelectorAll('[data-testid=doc] .count')].some(c => c.textContent === '1 span')`)
	waitSaved(t, ctx)
	var before []string
	eval(t, ctx, spanTotals, &before)
	for i := range 2 {
		run(t, ctx, "choose one", chromedp.Evaluate(js(`document.querySelectorAll('[data-testid=doc-check]')[%d].click()`, i), nil))
		waitJS(t, ctx, "it chosen", js(`document.querySelectorAll('[data-testid=doc-check]')[%d].checked`, i))
	}
	waitJS(t, ctx, "the delete button", `!!document.querySelector('[data-testid=delete-chosen]')`)
	run(t, ctx, "delete", chromedp.Click(`[data-testid=delete-chosen]`, chromedp.ByQuery))
	waitJS(t, ctx, "two fewer documents, none open", js(`document.querySelectorAll('[data-testid=doc]').length === %d && !document.querySelector('[data-testid=document]')`, n-2))
	waitJS(t, ctx, "the offer to undo", `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('Deleted 2 documents') && m.querySelector('[data-testid=message-action]'))`)
	screenshot(t, ctx, "deleted-two")
	run(t, ctx, "undo", chromedp.Click(`[data-testid=message-action]`, chromedp.ByQuery))
	waitJS(t, ctx, "the documents back", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, n))
	// Put back at the end of the list, with their titles and spans.
	var after []string
	eval(t, ctx, spanTotals, &after)
	slices.Sort(before)
	slices.Sort(after)
	if !slices.Equal(after, before) {
		t.Errorf("after Undo the list holds\n%q\nwant\n%q", after, before)
	}
	openDoc(t, ctx, title)
	if got := len(renderedSpans(t, ctx)); got != 1 {
		t.Errorf("the document put back shows %d spans, want 1", got)
	}

	// Delete the open document: nothing is open, and a reload keeps it gone.
	run(t, ctx, "delete the open document", chromedp.Click(`[data-testid=delete-doc]`, chromedp.ByQuery))
	waitJS(t, ctx, "one fewer document", js(`document.querySelectorAll('[data-testid=doc]').length === %d && !document.querySelector('[data-testid=document]')`, n-1))
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the list after a reload", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, n-1))
	var gone bool
	eval(t, ctx, "!("+listed(title)+")", &gone)
	if !gone {
		t.Error("the deleted document is listed again after a reload")
	}
}
