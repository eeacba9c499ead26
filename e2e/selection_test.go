package e2e

import (
	"strings"
	"testing"
)

// TestSelectionRightAfterLabelling labels the words of one paragraph one
// after the other as a user does: each word is selected by a double click
// the moment the last label key was handled (the span just made is
// selected, and the first click deselects it), then labelled by key. Every
// selection survives what is drawn after it, and every word ends labelled.
func TestSelectionRightAfterLabelling(t *testing.T) {
	ctx, _, _ := startApp(t)
	words := strings.Fields(strings.Repeat("هاجم مسلحون قرية قرب مدينة كاي صباح الثلاثاء ", 2))
	text := strings.Join(words, " ")
	importText(t, ctx, "quick", text)
	var ok bool
	eval(t, ctx, selectJS, &ok)
	at := 0
	for _, w := range words {
		dblclick(t, ctx, at+1)
		press(t, ctx, "1")
		at += len([]rune(w)) + 1
	}
	waitSaved(t, ctx)
	var warned bool
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('Select some text first'))`, &warned)
	if warned {
		t.Errorf("the app asked for a selection that had been made")
	}
	if got := len(renderedSpans(t, ctx)); got != len(words) {
		t.Errorf("%d spans drawn, want %d", got, len(words))
	}
}
