package agreement

import (
	"fmt"
	"testing"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

// TestConfusion checks the span-level confusion table on one document,
// the counts worked out by hand from the pairing rule (same extent first,
// else most shared code points, else none).
func TestConfusion(t *testing.T) {
	text := "0123456789012345678901234567890123456789"
	a := []corpus.Span{
		sp(0, 4, corpus.Actor),      // B has it exactly: ACTOR · ACTOR
		sp(6, 10, corpus.Place),     // B has it as DATE: PLACE · DATE
		sp(12, 20, corpus.Place),    // B has 12–15 PLACE and 15–20 ACTOR: most shared is 15–20 (5 cp): PLACE · ACTOR
		sp(22, 25, corpus.Date),     // B has nothing there: DATE · none
		sp(30, 34, corpus.Casualty), // B has 29–33 CASUALTY (3 cp): CASUALTY · CASUALTY
	}
	b := []corpus.Span{
		sp(0, 4, corpus.Actor),
		sp(6, 10, corpus.Date),
		sp(12, 15, corpus.Place), // paired with no A span: none · PLACE
		sp(15, 20, corpus.Actor),
		sp(26, 28, corpus.Actor), // alone: none · ACTOR
		sp(29, 33, corpus.Casualty),
	}
	c, err := align.Match([]align.Layer{
		{Name: "a", Docs: []corpus.Document{{ID: "d", Text: text, Spans: a}}},
		{Name: "b", Docs: []corpus.Document{{ID: "d", Text: text, Spans: b}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	labels := []corpus.Label{corpus.Actor, corpus.Place, corpus.Date, corpus.Casualty}
	got := confusion(c, 0, 1, labels)
	// rows A (ACTOR PLACE DATE CASUALTY none), columns B (the same).
	want := [][]int{
		{1, 0, 0, 0, 0},
		{1, 0, 1, 0, 0},
		{0, 0, 0, 0, 1},
		{0, 0, 0, 1, 0},
		{1, 1, 0, 0, 0},
	}
	if fmt.Sprint(got.Counts) != fmt.Sprint(want) {
		t.Errorf("confusion\ngot  %v\nwant %v", got.Counts, want)
	}
	// Every span is counted once: A's 5 in the rows but none's, B's 6 in
	// the columns but none's.
	rows, cols := 0, 0
	for i, r := range got.Counts {
		for j, n := range r {
			if i < len(labels) {
				rows += n
			}
			if j < len(labels) {
				cols += n
			}
		}
	}
	if rows != len(a) || cols != len(b) {
		t.Errorf("counted %d spans of A and %d of B, want %d and %d", rows, cols, len(a), len(b))
	}
}
