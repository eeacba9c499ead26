package view

import (
	"fmt"
	"slices"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

// ids lists the IDs of spans, for comparing groups.
func ids(spans []corpus.Span) string {
	var out []string
	for _, s := range spans {
		out = append(out, s.ID)
	}
	return fmt.Sprint(out)
}

func sp(id string, start, end int) corpus.Span {
	return corpus.Span{ID: id, Start: start, End: end, Label: "PLACE"}
}

// layoutText is four lines of ten code points: with blocks of 11 code
// points (a line and its break), each line is a block of its own, at
// [0,10) [11,21) [22,32) [33,43).
var layoutText = "0123456789\nabcdefghij\nklmnopqrst\nuvwxyzABCD"

// TestLayoutGroups checks which block's side-list group each span falls
// in: the block it starts in, or the block before the line break it starts
// in; and which blocks' spans overlap it.
func TestLayoutGroups(t *testing.T) {
	spans := []corpus.Span{
		sp("a", 0, 3),   // inside block 0
		sp("b", 8, 14),  // from block 0 into block 1
		sp("c", 10, 12), // starts on block 0's line break
		sp("d", 25, 40), // block 2 into block 3
	}
	l := newLayout(7, layoutText, spans, 11)
	if len(l.Blocks) != 4 || l.Gen != 7 {
		t.Fatalf("%d blocks, gen %d; want 4 blocks, gen 7", len(l.Blocks), l.Gen)
	}
	wantGroups := []string{"[a b c]", "[]", "[d]", "[]"}
	wantBlocks := []string{"[a b]", "[b c]", "[d]", "[d]"}
	for i := range l.Blocks {
		if got := ids(l.GroupSpans[i]); got != wantGroups[i] {
			t.Errorf("group %d holds %s, want %s", i, got, wantGroups[i])
		}
		if got := ids(l.BlockSpans[i]); got != wantBlocks[i] {
			t.Errorf("block %d overlaps %s, want %s", i, got, wantBlocks[i])
		}
	}
	if !slices.Equal(l.Shown, []bool{true, true, false, false}) {
		t.Errorf("drawn at first: %v, want the first two blocks", l.Shown)
	}
}

// TestLayoutUpdate checks that an edit replaces the entries of the blocks
// it touches only, and that RefitGroups brings their groups up to date.
func TestLayoutUpdate(t *testing.T) {
	before := []corpus.Span{sp("a", 0, 3), sp("d", 25, 28)}
	l := newLayout(1, layoutText, before, 11)
	old := slices.Clone(l.BlockSpans)
	// The edit puts e on block 1 and replaces d (block 2) by d2 on blocks 2–3.
	e := store.Edit{Put: []corpus.Span{sp("e", 12, 15), sp("d2", 30, 35)}}
	after := []corpus.Span{sp("a", 0, 3), sp("e", 12, 15), sp("d2", 30, 35)}
	changed := l.Update(e, []corpus.Span{sp("d", 25, 28)}, after)
	if got := ids(changed); got != "[e d2 d]" {
		t.Errorf("changed %s, want [e d2 d]", got)
	}
	touched := l.BlocksOf(changed)
	if !slices.Equal(touched, []int{1, 2, 3}) {
		t.Errorf("touched blocks %v, want [1 2 3]", touched)
	}
	if &l.BlockSpans[0][0] != &old[0][0] {
		t.Error("block 0's spans were replaced by an edit that did not touch it")
	}
	for i, want := range []string{"[a]", "[e]", "[d2]", "[d2]"} {
		if got := ids(l.BlockSpans[i]); got != want {
			t.Errorf("after the edit block %d overlaps %s, want %s", i, got, want)
		}
	}
	if got := ids(l.GroupSpans[2]); got != "[d]" {
		t.Errorf("before RefitGroups group 2 holds %s, want the old [d]", got)
	}
	l.RefitGroups(touched, after)
	for i, want := range []string{"[a]", "[e]", "[d2]", "[]"} {
		if got := ids(l.GroupSpans[i]); got != want {
			t.Errorf("after RefitGroups group %d holds %s, want %s", i, got, want)
		}
	}
	if got := l.Update(store.Edit{}, nil, after); got != nil {
		t.Errorf("an empty edit changed %s", ids(got))
	}
	// The first layout holds parts of the document's spans, no copy; what
	// an edit refits holds copies, never parts of the edit's spans, which
	// the one block it touched would keep whole.
	in := func(part, whole []corpus.Span) bool {
		for k := range whole {
			if len(part) > 0 && &part[0] == &whole[k] {
				return true
			}
		}
		return false
	}
	if !in(old[0], before) {
		t.Error("the first layout's block 0 holds a copy of the document's spans")
	}
	for i := range l.Blocks {
		if in(l.BlockSpans[i], after) || in(l.GroupSpans[i], after) {
			t.Errorf("block %d holds a part of the edit's spans", i)
		}
	}
	if got := append(l.BlockSpans[0], sp("z", 5, 6)); &got[0] == &before[0] || before[1].ID != "d" {
		t.Error("appending to a block's spans wrote into the document's spans")
	}
}

// TestLayoutShow checks that showing a block far away stops drawing those
// more than Kept from it and from the one in view, keeping their heights.
func TestLayoutShow(t *testing.T) {
	var text string
	for i := range 20 {
		if i > 0 {
			text += "\n"
		}
		text += "0123456789"
	}
	l := newLayout(1, text, nil, 11)
	l.Show(19, false, -1, func(b int) int { return 100 + b })
	want := make([]bool, 20)
	want[19] = true
	if !slices.Equal(l.Shown, want) {
		t.Errorf("after a jump to the end drawn: %v", l.Shown)
	}
	if l.Heights[0] != 100 || l.Heights[1] != 101 || l.Heights[2] != 0 {
		t.Errorf("heights kept %v, want 100 and 101 for blocks 0 and 1", l.Heights[:3])
	}
	l.Show(19, false, -1, func(int) int { t.Error("measured a block for a block already drawn"); return 0 })
	l.Show(3, true, -1, nil)
	if !l.ListShown[3] {
		t.Error("side-list group 3 not drawn after it was shown")
	}
	l.Show(-1, false, -1, nil) // out of range: nothing happens
	l.Show(20, false, -1, nil)
}

// TestNear checks which chunks stay drawn when one comes into view: it, and
// those drawn within Kept of it or of the chunk in view.
func TestNear(t *testing.T) {
	on := func(n int, idx ...int) []bool {
		out := make([]bool, n)
		for _, i := range idx {
			out[i] = true
		}
		return out
	}
	tests := []struct {
		name   string
		shown  []bool
		i      int
		inView int
		want   []bool
	}{
		{"a jump to the end", on(20, 0, 1), 19, -1, on(20, 19)},
		{"scrolling on", on(20, 0, 1, 2, 3, 4), 5, 5, on(20, 1, 2, 3, 4, 5)},
		{"back to the top", on(20, 14, 15, 19), 0, 0, on(20, 0)},
		{"undrawn chunks stay undrawn", on(20, 3), 4, -1, on(20, 3, 4)},
		{"a late report of a chunk scrolled past", on(20, 17, 18, 19), 2, 19, on(20, 2, 17, 18, 19)},
	}
	for _, tt := range tests {
		if got := Near(tt.shown, tt.i, tt.inView); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Near(%v, %d, %d) = %v, want %v", tt.name, tt.shown, tt.i, tt.inView, got, tt.want)
		}
	}
}

// TestMarksPerBlock checks which blocks a mark is given to: every block
// its extent overlaps (the blocks of layoutText, by hand: [0,10) [11,21)
// [22,32) [33,43)).
func TestMarksPerBlock(t *testing.T) {
	blocks := Blocks(Paragraphs(layoutText), 11)
	marks := []Mark{{0, 3, "missed"}, {8, 14, "wrong"}, {25, 40, "missed"}, {41, 43, "wrong"}}
	got := MarksPerBlock(blocks, marks)
	want := [][]Mark{{marks[0], marks[1]}, {marks[1]}, {marks[2]}, {marks[2], marks[3]}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("MarksPerBlock = %v, want %v", got, want)
	}
	if got := MarksPerBlock(blocks, nil); len(got) != 4 || got[0] != nil {
		t.Errorf("no marks gave %v", got)
	}
}
