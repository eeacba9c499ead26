package ui

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/view"
)

// layout is the open document cut into blocks, with each block's spans.
// Slices of blocks an edit does not touch are kept as they are, so their
// components see equal props and do not re-render.
type layout struct {
	gen        int // changes with every document shown, to ignore stale reports
	blocks     []view.Block
	blockSpans [][]corpus.Span // spans overlapping each block
	groupSpans [][]corpus.Span // spans starting in each block (the side list)
	shown      []bool          // blocks drawn
	heights    []int           // px: the height a block had when it was last drawn, 0 if never
	listShown  []bool          // side-list groups drawn
}

// newLayout lays out a document, drawing the first blocks at once.
func newLayout(gen int, text string, spans []corpus.Span) layout {
	l := layout{gen: gen, blocks: view.Blocks(view.Paragraphs(text), blockRunes)}
	n := len(l.blocks)
	l.blockSpans, l.groupSpans = make([][]corpus.Span, n), make([][]corpus.Span, n)
	l.shown, l.listShown, l.heights = make([]bool, n), make([]bool, n), make([]int, n)
	for i := range l.blocks {
		l.fill(i, spans)
	}
	for i := 0; i < n && i < 2; i++ {
		l.shown[i] = true
	}
	rows := 0
	for i := 0; i < n && rows < 2*groupRows; i++ {
		l.listShown[i] = true
		rows += len(l.groupSpans[i])
	}
	return l
}

// fill recomputes block i's span slices from the document's sorted spans.
func (l *layout) fill(i int, spans []corpus.Span) {
	b := l.blocks[i]
	over := view.Overlapping(spans, b.Start, b.End)
	l.blockSpans[i] = append([]corpus.Span(nil), over...)
	end := b.End + 1
	if i+1 < len(l.blocks) {
		end = l.blocks[i+1].Start
	}
	var starting []corpus.Span
	for _, sp := range over {
		if sp.Start >= b.Start && sp.Start < end {
			starting = append(starting, sp)
		}
	}
	// A span starting in the line break after the block's last paragraph.
	if i+1 < len(l.blocks) {
		for _, sp := range view.Overlapping(spans, b.End, end) {
			if sp.Start >= b.End && sp.Start < end && !containsID(starting, sp.ID) {
				starting = append(starting, sp)
			}
		}
	}
	l.groupSpans[i] = starting
}

func containsID(spans []corpus.Span, id string) bool {
	for _, s := range spans {
		if s.ID == id {
			return true
		}
	}
	return false
}

// update refits the blocks an edit touched: those holding a span it put or
// removed (removed holds the spans it took away or replaced, as they were).
// It returns the code-point ranges the edit changed. The side list's groups
// are refitted later, by refitGroups.
func (l *layout) update(e store.Edit, removed, after []corpus.Span) []corpus.Span {
	changed := append(slices.Clone(e.Put), removed...)
	blocks := l.blocksOf(changed)
	if len(blocks) == 0 {
		return nil
	}
	l.blockSpans = append([][]corpus.Span(nil), l.blockSpans...)
	for _, i := range blocks {
		b := l.blocks[i]
		l.blockSpans[i] = append([]corpus.Span(nil), view.Overlapping(after, b.Start, b.End)...)
	}
	return changed
}

// blocksOf returns the blocks that the ranges of spans touch, in order.
func (l *layout) blocksOf(spans []corpus.Span) []int {
	var out []int
	for _, sp := range spans {
		for i := view.BlockAt(l.blocks, sp.Start); i < len(l.blocks) && l.blocks[i].Start <= sp.End; i++ {
			if !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return out
}

// refitGroups recomputes the side list's groups of blocks from the
// document's current spans.
func (l *layout) refitGroups(blocks []int, spans []corpus.Span) {
	if len(blocks) == 0 {
		return
	}
	l.groupSpans = append([][]corpus.Span(nil), l.groupSpans...)
	for _, i := range blocks {
		if i < len(l.blocks) {
			l.fill(i, spans)
		}
	}
}

// show marks block i (or its side-list group) as drawn, and those more
// than chunksKept away from it and from view, the one in view, as not drawn, so that however far a long
// document is scrolled only a few chunks near the view are drawn. A block
// that goes back to a box keeps the height it was drawn at, which measure
// reads, so that the text around it does not move.
func (l *layout) show(i int, list bool, view int, measure func(block int) int) {
	if i < 0 || i >= len(l.blocks) {
		return
	}
	if list {
		if !l.listShown[i] {
			l.listShown = near(l.listShown, i, view)
		}
		return
	}
	if l.shown[i] {
		return
	}
	next := near(l.shown, i, view)
	for j, on := range l.shown {
		if on && !next[j] && measure != nil {
			if h := measure(j); h > 0 {
				l.heights = slices.Clone(l.heights)
				l.heights[j] = h
			}
		}
	}
	l.shown = next
}

// span returns the open document's span with the given ID.
func (s *Shell) span(id string) (corpus.Span, bool) {
	if s.ed == nil || id == "" {
		return corpus.Span{}, false
	}
	return s.ed.Span(id)
}

// blockOf returns the block holding the open document's span id, or -1.
func (s *Shell) blockOf(id string) int {
	if sp, ok := s.span(id); ok {
		return view.BlockAt(s.lay.blocks, sp.Start)
	}
	return -1
}

// watchers creates the observers that report chunks coming into view, on
// the app's three scrolling panels.
func (s *Shell) watchers(ctx app.Context) {
	doc := app.Window().Get("document")
	panel := func(sel string) app.Value { return doc.Call("querySelector", sel) }
	report := func(apply func(gen, i int)) func(string) {
		return func(key string) {
			_, gen, i, ok := parseLazyKey(key)
			if !ok {
				return
			}
			ctx.Dispatch(func(ctx app.Context) { apply(gen, i) })
		}
	}
	s.docVis = browser.NewVisibility(panel(".editor"), "1200px 0px", report(func(gen, i int) {
		if gen == s.lay.gen {
			s.lay.show(i, false, inView(panel(".editor"), kindBlock, gen), s.blockHeight)
		}
	}))
	s.listVis = browser.NewVisibility(panel(".side"), "600px 0px", report(func(gen, i int) {
		if gen == s.lay.gen {
			s.lay.show(i, true, inView(panel(".side"), kindGroup, gen), nil)
		}
	}))
	s.docsVis = browser.NewVisibility(panel(".docs"), "600px 0px", report(func(gen, i int) {
		if gen == s.docsGen && i < len(s.docsShown) && !s.docsShown[i] {
			s.docsShown = near(s.docsShown, i, inView(panel(".docs"), kindDocs, gen))
		}
	}))
}

// chunksKept is how many chunks on each side of one that comes into view
// stay drawn, in the document, the side list and the document list: the
// others go back to boxes, so that a panel's elements stay few however far
// it is scrolled (scrolled through, the 2,000-document list had 35,000,
// and an export after it peaked 15 MB higher; a document of two million
// code points drawn whole held the tab 160 MB higher).
const chunksKept = 4

// near returns which chunks are drawn once chunk i comes into view: i, and
// those drawn within chunksKept of it or of chunk view, the one at the
// middle of the panel (-1 when unknown): a report that comes late, for a
// chunk the panel has scrolled past, must not take away what is in view.
func near(shown []bool, i, view int) []bool {
	out := make([]bool, len(shown))
	close := func(j, k int) bool { return k >= 0 && j >= k-chunksKept && j <= k+chunksKept }
	for j, on := range shown {
		out[j] = on && (close(j, i) || close(j, view))
	}
	out[i] = true
	return out
}

// inView returns the index of the chunk of kind at the middle of panel, or -1.
func inView(panel app.Value, kind byte, gen int) int {
	k, g, i, ok := parseLazyKey(browser.ChunkAt(panel))
	if !ok || k != kind || g != gen {
		return -1
	}
	return i
}

// blockHeight returns the height in px of block i of the open document as
// drawn, or 0.
func (s *Shell) blockHeight(i int) int {
	el := browser.Query(`[data-lazy="` + lazyKey(kindBlock, s.lay.gen, i) + `"]`)
	if !el.Truthy() {
		return 0
	}
	return el.Get("offsetHeight").Int()
}

// setSummaries replaces the document list, drawing its first chunks.
func (s *Shell) setSummaries(sums []corpus.Summary) {
	s.sums = sums
	n := (len(sums) + docsAChunk - 1) / docsAChunk
	if len(s.docsShown) == n {
		return
	}
	s.docsGen++
	s.painted.forget(kindDocs)
	shown := make([]bool, n)
	for i := 0; i < n && i < 2; i++ {
		shown[i] = true
	}
	// Chunks drawn before stay drawn.
	copy(shown, s.docsShown)
	s.docsShown = shown
}

// docChunks renders the document list as chunks.
func (s *Shell) docChunks() []app.UI {
	open := ""
	if s.ed != nil {
		open = s.doc.ID
	}
	out := make([]app.UI, len(s.docsShown))
	for i := range out {
		items := s.sums[i*docsAChunk : min((i+1)*docsAChunk, len(s.sums))]
		c := &DocChunk{Key: lazyKey(kindDocs, s.docsGen, i), Items: items, Labels: s.schema.Labels, Shown: s.docsShown[i], Vis: s.docsVis, Painted: s.painted}
		for _, it := range items {
			if it.ID == open {
				c.Open = open
			}
		}
		out[i] = c
	}
	return out
}

// blockComponents renders the open document as blocks.
func (s *Shell) blockComponents() []app.UI {
	sel, flash := s.blockOf(s.selected), s.blockOf(s.flash)
	out := make([]app.UI, len(s.lay.blocks))
	for i, b := range s.lay.blocks {
		c := &Block{Key: lazyKey(kindBlock, s.lay.gen, i), Block: b, Spans: s.lay.blockSpans[i], Shown: s.lay.shown[i], Height: s.lay.heights[i], Vis: s.docVis, Painted: s.painted}
		if i == sel {
			c.Selected = s.selected
		}
		if i == flash {
			c.Flash = s.flash
		}
		out[i] = c
	}
	return out
}

// spanGroups renders the side list of spans as groups, one per block.
func (s *Shell) spanGroups() []app.UI {
	sel := s.blockOf(s.listSel)
	out := make([]app.UI, 0, len(s.lay.blocks))
	for i, b := range s.lay.blocks {
		g := &SpanGroup{Key: lazyKey(kindGroup, s.lay.gen, i), Block: b, Spans: s.lay.groupSpans[i], Shown: s.lay.listShown[i], Vis: s.listVis, Painted: s.painted}
		if i == sel {
			g.Selected = s.listSel
		}
		out = append(out, g)
	}
	return out
}

// paintNow draws an edit at once, in the handler of the key or click that
// made it, so that it shows in the very next frame the browser paints: it
// rewrites only the paragraphs holding the changed spans, marks the
// selected span, and records each block's new content so that go-app's own
// update of the block, after the paint, finds it drawn already.
func (s *Shell) paintNow(changed []corpus.Span, prevSelected string) {
	marked := changed
	if sp, ok := s.span(s.selected); ok {
		marked = append(slices.Clip(marked), sp)
	}
	if sp, ok := s.span(prevSelected); ok {
		marked = append(slices.Clip(marked), sp)
	}
	for _, i := range s.lay.blocksOf(marked) {
		if !s.lay.shown[i] {
			continue
		}
		key := lazyKey(kindBlock, s.lay.gen, i)
		el := browser.Query(`[data-lazy="` + key + `"]`)
		if !el.Truthy() {
			continue
		}
		b, spans := s.lay.blocks[i], s.lay.blockSpans[i]
		for _, p := range b.Paras {
			for _, c := range changed {
				if c.Start <= p.End && p.Start <= c.End {
					browser.ReplaceElement(el, `:scope > p[data-start="`+strconv.Itoa(p.Start)+`"]`, paraHTML(p, spans))
					break
				}
			}
		}
		s.painted[key] = blockInnerHTML(b, spans)
		sel, flash := s.selected, s.flash
		if s.blockOf(sel) != i {
			sel = ""
		}
		if s.blockOf(flash) != i {
			flash = ""
		}
		markSpans(el, sel, flash)
	}
	browser.SetAttr(`[data-testid="document"]`, "data-span-count", strconv.Itoa(len(s.doc.Spans)))
}
