package ui

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/view"
)

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
		return view.BlockAt(s.lay.Blocks, sp.Start)
	}
	return -1
}

// watchers creates the observers that report the open document's chunks
// coming into view, in the document's panel and in the side panel.
func (s *Shell) watchers(ctx app.Context) {
	report := func(apply func(gen, i int)) func(string) {
		return func(key string) {
			_, gen, i, ok := parseLazyKey(key)
			if !ok {
				return
			}
			ctx.Dispatch(func(ctx app.Context) { apply(gen, i) })
		}
	}
	s.docVis = browser.NewVisibility(browser.Query(paneDoc), "1200px 0px", report(func(gen, i int) {
		if gen == s.lay.Gen {
			s.lay.Show(i, false, inView(browser.Query(paneDoc), kindBlock, gen), s.blockHeight)
		}
	}))
	s.listVis = browser.NewVisibility(browser.Query(paneSide), "600px 0px", report(func(gen, i int) {
		if gen == s.lay.Gen {
			s.lay.Show(i, true, inView(browser.Query(paneSide), kindGroup, gen), nil)
		}
	}))
}

// The panels the open document's chunks are drawn in (DocPane, Side).
const (
	paneDoc  = "[data-role=editor]"
	paneSide = "[data-role=side]"
)

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
	el := browser.Query(`[data-lazy="` + lazyKey(kindBlock, s.lay.Gen, i) + `"]`)
	if !el.Truthy() {
		return 0
	}
	return el.Get("offsetHeight").Int()
}

// openDoc returns the open document as the document pane draws it, or nil.
func (s *Shell) openDoc() *OpenDoc {
	if s.ed == nil {
		return nil
	}
	return &OpenDoc{ID: s.doc.ID, Store: s.st, Stamp: s.imports, Title: s.doc.Title, Status: s.doc.Status, Labels: s.schema.Labels, Text: DocText{
		LaidOut: LaidOut{Gen: s.lay.Gen, Count: len(s.doc.Spans), Blocks: s.lay.Blocks, Spans: s.lay.BlockSpans, Shown: s.lay.Shown,
			Selected: s.selected, SelBlock: s.blockOf(s.selected)},
		Heights: s.lay.Heights, Flash: s.flash, FlashBlock: s.blockOf(s.flash),
		Suggest: s.sug.blocks, Current: s.currentElement(), CurBlock: s.currentBlock(), Marks: s.marks.blocks,
	}, Suggest: SuggestBar{Count: len(s.sug.pending), Control: s.sug.control, Long: s.sug.long, Chosen: s.chosen()},
		Errors: s.marksBar()}
}

// spanList returns the open document's span list as the side panel draws it.
func (s *Shell) spanList() LaidOut {
	if s.ed == nil {
		return LaidOut{SelBlock: -1}
	}
	return LaidOut{Gen: s.lay.Gen, Count: len(s.doc.Spans), Blocks: s.lay.Blocks, Spans: s.lay.GroupSpans, Shown: s.lay.ListShown,
		Selected: s.listSel, SelBlock: s.blockOf(s.listSel)}
}

// currentElement returns the element ID of the chosen suggestion, or "".
func (s *Shell) currentElement() string {
	if i := s.currentIndex(); i >= 0 {
		return sugElementID(s.sug.pending[i])
	}
	return ""
}

// currentBlock returns the block holding the chosen suggestion, or -1.
func (s *Shell) currentBlock() int {
	if i := s.currentIndex(); i >= 0 {
		return view.BlockAt(s.lay.Blocks, s.sug.pending[i].Start)
	}
	return -1
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
	for _, i := range s.lay.BlocksOf(marked) {
		if !s.lay.Shown[i] {
			continue
		}
		key := lazyKey(kindBlock, s.lay.Gen, i)
		el := browser.Query(`[data-lazy="` + key + `"]`)
		if !el.Truthy() {
			continue
		}
		b, spans := s.lay.Blocks[i], s.lay.BlockSpans[i]
		var sugs []corpus.Span
		if i < len(s.sug.blocks) {
			sugs = s.sug.blocks[i]
		}
		for _, p := range b.Paras {
			for _, c := range changed {
				if c.Start <= p.End && p.Start <= c.End {
					browser.ReplaceElement(el, `:scope > p[data-start="`+strconv.Itoa(p.Start)+`"]`, paraHTML(p, spans, sugs))
					break
				}
			}
		}
		s.painted[key] = blockInnerHTML(b, spans, sugs)
		sel, flash, cur := s.selected, s.flash, s.currentElement()
		if s.blockOf(sel) != i {
			sel = ""
		}
		if s.blockOf(flash) != i {
			flash = ""
		}
		if s.currentBlock() != i {
			cur = ""
		}
		markSpans(el, sel, flash, cur)
		if i < len(s.marks.blocks) {
			browser.SetMarks(key, s.marks.blocks[i]) // the paragraphs replaced held some
		}
	}
	mounted.documentView.count(len(s.doc.Spans))
}
