package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/editor"
)

// label applies l to the selection [start, end), or relabels the selected
// span when nothing is selected.
func (s *Shell) label(ctx app.Context, l corpus.Label, start, end int, hasSel bool) {
	if s.ed == nil {
		s.note("warn", s.loc.T("Open a document first."))
		return
	}
	if !hasSel || start == end {
		if s.selected != "" {
			s.relabel(ctx, s.selected, l)
			return
		}
		s.note("warn", s.loc.T("Select some text first, then press a label key."))
		return
	}
	var before corpus.Span
	if in := s.ed.SpansIn(start, end); len(in) == 1 {
		before = in[0]
	}
	e, sp, err := s.ed.Label(start, end, l)
	if err != nil {
		s.refuse(err)
		return
	}
	if len(s.ed.Last().Removed) == 0 {
		s.sug.rec.AddByHand(sp.ID)
	} else {
		s.sug.rec.Edit(before)
	}
	s.keepRecord(ctx)
	browser.ClearSelection()
	s.selected = sp.ID
	s.commit(ctx, e)
}

// labelSelection applies l to the document's selection, or relabels the
// selected span when nothing is selected (the palette's buttons).
func (s *Shell) labelSelection(ctx app.Context, l corpus.Label) {
	start, end, ok := browser.Selection()
	s.label(ctx, l, start, end, ok)
}

func (s *Shell) relabel(ctx app.Context, id string, l corpus.Label) {
	e, err := s.ed.Relabel(id, l)
	if err != nil {
		s.refuse(err)
		return
	}
	s.recordEdit(ctx, id)
	s.commit(ctx, e)
}

func (s *Shell) remove(ctx app.Context) {
	if s.ed == nil || s.selected == "" {
		return
	}
	e, err := s.ed.Remove(s.selected)
	if err != nil {
		s.refuse(err)
		return
	}
	s.selected = ""
	s.commit(ctx, e)
}

func (s *Shell) toggleProclitic(ctx app.Context) {
	if s.ed == nil || s.selected == "" {
		s.note("warn", s.loc.T("Select a span first (click it), then toggle its proclitic."))
		return
	}
	e, sp, err := s.ed.ToggleProclitic(s.selected)
	if err != nil {
		s.refuse(err)
		return
	}
	s.recordEdit(ctx, sp.ID)
	s.selected = sp.ID
	s.commit(ctx, e)
}

func (s *Shell) undo(ctx app.Context) {
	if s.ed == nil {
		return
	}
	if e, ok := s.ed.Undo(); ok {
		s.selected = ""
		s.commit(ctx, e)
	}
}

func (s *Shell) redo(ctx app.Context) {
	if s.ed == nil {
		return
	}
	if e, ok := s.ed.Redo(); ok {
		s.selected = ""
		s.commit(ctx, e)
	}
}

func (s *Shell) setStatus(ctx app.Context, st corpus.Status) {
	if s.ed == nil || st == s.doc.Status {
		return
	}
	e, err := s.ed.SetStatus(st)
	if err != nil {
		s.refuse(err)
		return
	}
	s.commit(ctx, e)
	if st == corpus.StatusDone {
		s.maybeTrain(ctx, s.doc.ID)
	}
}

// refuse reports why an edit was not made.
func (s *Shell) refuse(err error) {
	if errors.Is(err, editor.ErrNoChange) {
		return
	}
	s.note("warn", s.loc.Error(err))
}

// selectSpan selects a span; jump also scrolls to it and flashes it.
func (s *Shell) selectSpan(ctx app.Context, id string, jump bool) {
	s.selected, s.listSel = id, id
	if !jump {
		return
	}
	s.flash = id
	s.lay.Show(s.blockOf(id), false, -1, s.blockHeight)
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID("span-" + id); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "center", "behavior": "smooth"})
		}
	})
	ctx.After(1200_000_000, func(ctx app.Context) {
		if s.flash == id {
			s.flash = ""
		}
	})
}

// jumpTo selects span id, scrolls to it and flashes it (the side list).
func (s *Shell) jumpTo(ctx app.Context, id string) { s.selectSpan(ctx, id, true) }

// onDocClick selects the span under a click, unless the click ended a drag
// that selected text. A click that changes nothing re-renders nothing: on a
// long document that keeps the frame after a selection free for the label
// key that usually follows.
func (s *Shell) onDocClick(ctx app.Context, e app.Event) {
	if start, end, ok := browser.Selection(); ok && start != end {
		ctx.PreventUpdate()
		return
	}
	t := e.Get("target")
	if mark := t.Call("closest", "mark[data-id]"); mark.Truthy() {
		s.sug.current = ""
		s.selectSpan(ctx, mark.Call("getAttribute", "data-id").String(), false)
		return
	}
	if mark := t.Call("closest", "mark[data-suggest]"); mark.Truthy() {
		s.clickSuggestion(ctx, mark)
		return
	}
	if s.selected == "" && s.sug.current == "" {
		ctx.PreventUpdate()
		return
	}
	s.selected, s.listSel, s.sug.current = "", "", ""
}

// neighbour selects the span before (dir<0) or after the selected one.
func (s *Shell) neighbour(ctx app.Context, dir int) {
	spans := s.doc.Spans
	if len(spans) == 0 {
		return
	}
	i := -1
	for k, sp := range spans {
		if sp.ID == s.selected {
			i = k
		}
	}
	switch {
	case i < 0 && dir > 0:
		i = 0
	case i < 0:
		i = len(spans) - 1
	default:
		i = min(max(i+dir, 0), len(spans)-1)
	}
	s.selectSpan(ctx, spans[i].ID, true)
}
