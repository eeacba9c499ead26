package view

import (
	"slices"
	"sort"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

// Sizes of the layout's chunks.
const (
	BlockRunes = 1500 // code points of document text per block
	GroupRows  = 40   // the side list first draws the groups holding twice this many spans
	Kept       = 4    // chunks on each side of one in view that stay drawn
)

// Layout is an open document cut into blocks, with each block's spans and
// which blocks and side-list groups are drawn. An edit replaces only the
// entries of the blocks it touches, so that a component given a block's
// slice sees equal props when the edit is elsewhere.
type Layout struct {
	Gen        int             // changes with every document shown, to ignore stale reports
	Blocks     []Block         // the document's blocks, in order
	BlockSpans [][]corpus.Span // spans overlapping each block
	GroupSpans [][]corpus.Span // spans starting in each block (the side list's groups)
	Shown      []bool          // blocks drawn
	Heights    []int           // px: the height a block had when it was last drawn, 0 if never
	ListShown  []bool          // side-list groups drawn
}

// NewLayout lays out a document's text and sorted spans, with its first two
// blocks drawn and the side list's groups drawn up to twice GroupRows spans.
// The layout keeps parts of spans, which must not change afterwards.
func NewLayout(gen int, text string, spans []corpus.Span) Layout {
	return newLayout(gen, text, spans, BlockRunes)
}

// newLayout is NewLayout with blocks of size code points.
func newLayout(gen int, text string, spans []corpus.Span, size int) Layout {
	l := Layout{Gen: gen, Blocks: Blocks(Paragraphs(text), size)}
	n := len(l.Blocks)
	l.BlockSpans, l.GroupSpans = make([][]corpus.Span, n), make([][]corpus.Span, n)
	l.Shown, l.ListShown, l.Heights = make([]bool, n), make([]bool, n), make([]int, n)
	for i := range l.Blocks {
		l.fill(i, spans, true)
	}
	for i := 0; i < n && i < 2; i++ {
		l.Shown[i] = true
	}
	rows := 0
	for i := 0; i < n && rows < 2*GroupRows; i++ {
		l.ListShown[i] = true
		rows += len(l.GroupSpans[i])
	}
	return l
}

// fill sets block i's span slices from the document's sorted spans: those
// overlapping the block, and its group, the spans starting in it or after
// it and before the next block. The slices are parts of spans when share
// (capped: an append copies), copies otherwise, so that the spans of a
// later edit are not kept whole by the one block it touched.
func (l *Layout) fill(i int, spans []corpus.Span, share bool) {
	b := l.Blocks[i]
	end := b.End + 1
	if i+1 < len(l.Blocks) {
		end = l.Blocks[i+1].Start
	}
	over := Overlapping(spans, b.Start, b.End)
	lo := sort.Search(len(spans), func(k int) bool { return spans[k].Start >= b.Start })
	hi := lo + sort.Search(len(spans)-lo, func(k int) bool { return spans[lo+k].Start >= end })
	var starting []corpus.Span
	if hi > lo {
		starting = spans[lo:hi:hi]
	}
	if share {
		l.BlockSpans[i], l.GroupSpans[i] = over[:len(over):len(over)], starting
		return
	}
	l.BlockSpans[i], l.GroupSpans[i] = slices.Clone(over), slices.Clone(starting)
}

// Update refits the blocks an edit touched, those holding a span it put or
// removed (removed holds the spans it took away or replaced, as they were;
// after is the document's spans after it), and returns the spans whose
// ranges it changed. The side list's groups are refitted by RefitGroups.
func (l *Layout) Update(e store.Edit, removed, after []corpus.Span) []corpus.Span {
	changed := append(slices.Clone(e.Put), removed...)
	blocks := l.BlocksOf(changed)
	if len(blocks) == 0 {
		return nil
	}
	l.BlockSpans = slices.Clone(l.BlockSpans)
	for _, i := range blocks {
		b := l.Blocks[i]
		l.BlockSpans[i] = slices.Clone(Overlapping(after, b.Start, b.End))
	}
	return changed
}

// BlocksOf returns the blocks that the ranges of spans touch, in order.
func (l *Layout) BlocksOf(spans []corpus.Span) []int {
	var out []int
	for _, sp := range spans {
		for i := BlockAt(l.Blocks, sp.Start); i < len(l.Blocks) && l.Blocks[i].Start <= sp.End; i++ {
			if !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return out
}

// RefitGroups recomputes the side list's groups of blocks from the
// document's sorted spans.
func (l *Layout) RefitGroups(blocks []int, spans []corpus.Span) {
	if len(blocks) == 0 {
		return
	}
	l.GroupSpans = slices.Clone(l.GroupSpans)
	for _, i := range blocks {
		if i >= 0 && i < len(l.Blocks) {
			l.fill(i, spans, false)
		}
	}
}

// Show marks block i (or, with list, its side-list group) as drawn, and as
// not drawn those more than Kept away from it and from inView, the block at
// the middle of the panel (-1 when unknown). A block that stops being drawn
// keeps the height measure reports for it, so that the text around its
// empty box does not move.
func (l *Layout) Show(i int, list bool, inView int, measure func(block int) int) {
	if i < 0 || i >= len(l.Blocks) {
		return
	}
	if list {
		if !l.ListShown[i] {
			l.ListShown = Near(l.ListShown, i, inView)
		}
		return
	}
	if l.Shown[i] {
		return
	}
	next := Near(l.Shown, i, inView)
	for j, on := range l.Shown {
		if on && !next[j] && measure != nil {
			if h := measure(j); h > 0 {
				l.Heights = slices.Clone(l.Heights)
				l.Heights[j] = h
			}
		}
	}
	l.Shown = next
}

// Near returns which chunks are drawn once chunk i comes into view: i, and
// those drawn within Kept of it or of chunk inView, the one at the middle of
// the panel (-1 when unknown), so that a report that comes late, for a chunk
// the panel has scrolled past, does not take away what is in view.
func Near(shown []bool, i, inView int) []bool {
	out := make([]bool, len(shown))
	close := func(j, k int) bool { return k >= 0 && j >= k-Kept && j <= k+Kept }
	for j, on := range shown {
		out[j] = on && (close(j, i) || close(j, inView))
	}
	out[i] = true
	return out
}
