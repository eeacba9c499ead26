package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/snap"
)

// Key bindings. Keys are matched on KeyboardEvent.code, the physical key, so
// they work the same under an Arabic keyboard layout. Label keys come from
// the schema (Digit1…Digit4 by default).
const (
	keyProclitic = "KeyP"
	keyUndo      = "KeyZ"
	keyRedo      = "KeyY"
	keyAccept    = "KeyA" // accept the suggestion at the cursor (Enter too)
	keyReject    = "KeyX" // reject it
	keyNext      = "KeyN" // the next suggestion; with Shift, the one before
)

// installKeys listens for keydown on the document, so that keys reach the
// app wherever focus is, except in form fields.
func (s *Shell) installKeys(ctx app.Context) {
	// now runs an edit inside the key's handler, so that its blocks are drawn
	// before the handler returns (see paintNow), then has go-app catch up
	// once the browser has painted them.
	now := func(f func(app.Context)) {
		f(ctx)
		browser.AfterPaintDo(func() { ctx.Dispatch(nil) })
	}
	s.keys = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if t := e.Get("target"); t.Truthy() {
			switch t.Get("tagName").String() {
			case "INPUT", "TEXTAREA", "SELECT":
				return nil
			}
		}
		code := e.Get("code").String()
		ctrl := e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()
		shift, alt := e.Get("shiftKey").Bool(), e.Get("altKey").Bool()
		if alt {
			return nil
		}
		handled := true
		switch {
		case ctrl && code == keyUndo && !shift:
			now(s.undo)
		case ctrl && (code == keyRedo || (code == keyUndo && shift)):
			now(s.redo)
		case ctrl && !shift && (code == "ArrowLeft" || code == "ArrowRight"):
			dir := 1
			if code == "ArrowRight" {
				dir = -1
			}
			ctx.Dispatch(func(ctx app.Context) { s.neighbour(ctx, dir) })
		case ctrl:
			handled = false
		case shift && code == keyNext:
			ctx.Dispatch(func(ctx app.Context) { s.nextSuggestion(ctx, -1) })
		case shift && s.labelKey(code):
			l, _ := s.schema.ByKey(code)
			now(func(ctx app.Context) { s.acceptLabel(ctx, l) })
		case code == keyNext:
			ctx.Dispatch(func(ctx app.Context) { s.nextSuggestion(ctx, 1) })
		case code == keyAccept || code == keyReject || code == "Enter" || code == "NumpadEnter":
			if s.ed == nil || s.target() < 0 || (code != keyAccept && code != keyReject && onControl(e)) {
				handled = false
				if code == keyAccept || code == keyReject {
					ctx.Dispatch(func(ctx app.Context) { s.note("info", s.loc.T("No suggestion at the cursor: N goes to the next.")) })
				}
				break
			}
			if code == keyReject {
				now(func(ctx app.Context) { s.rejectSuggestion(ctx) })
			} else {
				now(func(ctx app.Context) { s.acceptSuggestion(ctx) })
			}
		case shift && (code == "ArrowLeft" || code == "ArrowRight"):
			handled = s.extendSelection(ctx, code == "ArrowLeft", e.Get("ctrlKey").Bool())
		case code == "Delete" || code == "Backspace":
			now(s.remove)
		case code == keyProclitic:
			now(s.toggleProclitic)
		case code == "Escape":
			browser.ClearSelection()
			ctx.Dispatch(func(ctx app.Context) { s.selected, s.listSel = "", "" })
		case code == "ArrowLeft" || code == "ArrowRight":
			// Right to left: the left arrow goes on in reading order.
			handled = s.selectWord(ctx, code == "ArrowLeft")
		default:
			l, ok := s.schema.ByKey(code)
			if !ok {
				handled = false
				break
			}
			start, end, hasSel := browser.Selection()
			now(func(ctx app.Context) { s.label(ctx, l, start, end, hasSel) })
		}
		if handled {
			e.Call("preventDefault")
		}
		return nil
	})
	app.Window().Get("document").Call("addEventListener", "keydown", s.keys)
}

// onControl reports whether key event e is on a button, link or list row,
// which Enter activates.
func onControl(e app.Value) bool {
	t := e.Get("target")
	if !t.Truthy() || t.Get("tagName").IsUndefined() {
		return false
	}
	switch t.Get("tagName").String() {
	case "BUTTON", "A", "LI", "SUMMARY":
		return true
	}
	return false
}

// labelKey reports whether code is the key of a label of the schema.
func (s *Shell) labelKey(code string) bool {
	_, ok := s.schema.ByKey(code)
	return ok
}

// extendSelection moves the selection's focus one code point (or, with
// Ctrl, one word) in reading order: forward is the left arrow in right-to-left
// text. With no selection it starts from the selected span.
func (s *Shell) extendSelection(ctx app.Context, forward, word bool) bool {
	if s.ed == nil {
		return false
	}
	anchor, ok1 := browser.Anchor()
	focus, ok2 := browser.Caret()
	if !ok1 || !ok2 {
		sp, ok := s.span(s.selected)
		if !ok {
			return false
		}
		anchor, focus = sp.Start, sp.End
	}
	browser.Select(anchor, snap.Step(s.ed.Runes(), focus, forward, word))
	return true
}

// selectWord moves to the word after the selected span or the selection
// (forward) or before it, or to the document's first word, when focus is in
// the document or nowhere: a word inside a span selects the span, any other
// is selected as text to label. It is a keyboard user's way through the text.
func (s *Shell) selectWord(ctx app.Context, forward bool) bool {
	if s.ed == nil || !browser.FocusInDocument() {
		return false
	}
	from := 0
	if sp, ok := s.span(s.selected); ok {
		from = sp.Start
		if forward {
			from = sp.End
		}
	} else if start, end, has := browser.Selection(); has {
		from = start
		if forward {
			from = end
		}
	} else if !forward {
		return false
	}
	ws, we, ok := snap.NextWord(s.ed.Runes(), from, forward)
	if !ok {
		return false
	}
	if sp, ok := s.ed.SpanAt(ws); ok {
		browser.ClearSelection()
		ctx.Dispatch(func(ctx app.Context) { s.selectSpan(ctx, sp.ID, true) })
		return true
	}
	if !browser.Select(ws, we) {
		return false
	}
	browser.ShowSelection()
	if s.selected != "" {
		ctx.Dispatch(func(ctx app.Context) { s.selected, s.listSel = "", "" })
	}
	return true
}
