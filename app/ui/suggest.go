package ui

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/suggestion"
)

// prefSuggest prefixes the localStorage key of a document's suggestion
// record (suggestion.Record: rejections and the counts of help), by
// document ID.
const prefSuggest = "raqim.suggest."

// suggestDelay is how long after the last edit the open document's
// suggestions are asked for again.
const suggestDelay = 400 * time.Millisecond

// suggestions is what the shell keeps of the open document's suggestions.
type suggestions struct {
	worker  *browser.Suggester
	track   suggestion.Tracker
	all     []corpus.Span     // the worker's last reply, for the open document
	pending []corpus.Span     // those shown: not rejected, not under a span
	blocks  [][]corpus.Span   // pending, per block of the layout
	current string            // the Key of the suggestion chosen (click, N), or ""
	rec     suggestion.Record // the open document's record
	recs    map[string]suggestion.Record
	off     []suggest.Source // the sources switched off (SuggestSources), kept in localStorage
	storing bool             // suggestions are being stored as a layer (suggestLayer)
	control bool             // the open document is kept suggestion-free
	long    bool             // the open document is too long for suggestions (suggestion.Offered)
	failed  bool             // the worker failed once: said once
	engine  *suggest.Engine
}

// record returns the suggestion record of document id, read from
// localStorage the first time.
func (s *Shell) record(ctx app.Context, id string) suggestion.Record {
	if s.sug.recs == nil {
		s.sug.recs = make(map[string]suggestion.Record)
	}
	r, ok := s.sug.recs[id]
	if !ok {
		ctx.LocalStorage().Get(prefSuggest+id, &r)
		s.sug.recs[id] = r
	}
	return r
}

// keepRecord stores the open document's record.
func (s *Shell) keepRecord(ctx app.Context) {
	s.sug.recs[s.doc.ID] = s.sug.rec
	// Written once the browser has painted: an edit's key handler draws it
	// first. On the shell's context: the button that asked may be gone by
	// then, and go-app drops a deferred call whose element is.
	id, rec := s.doc.ID, s.sug.rec
	ctx = *s.ctx
	ctx.Defer(func(ctx app.Context) {
		browser.AfterPaintDo(func() { ctx.LocalStorage().Set(prefSuggest+id, rec) })
	})
}

// help returns the counts of help of every listed document that has any.
func (s *Shell) help(ctx app.Context) map[string]suggestion.Counts {
	out := map[string]suggestion.Counts{}
	for _, sm := range s.sums {
		if c := s.record(ctx, sm.ID).Counts(); !c.Zero() {
			out[sm.ID] = c
		}
	}
	return out
}

// suggestFor starts on the document just shown: its record, whether it is a
// control, the values of spans labelled by hand, and its suggestions.
func (s *Shell) suggestFor(ctx app.Context) {
	s.sug.all, s.sug.pending, s.sug.current = nil, nil, ""
	s.sug.blocks = make([][]corpus.Span, len(s.lay.Blocks))
	s.sug.rec = s.record(ctx, s.doc.ID)
	set := datasetSettings(ctx)
	s.sug.control = suggestion.Control(s.doc.ID, set.Seed, set.Control)
	s.sug.long = !suggestion.Offered(utf8.RuneCountInString(s.doc.Text))
	if s.sug.long {
		return
	}
	doc, ed := s.doc, s.ed
	// The document's value reader is made once the page is idle after the
	// document is drawn, or at a span labelled before that.
	var valuer func(corpus.Span) map[string]string
	value := func() func(corpus.Span) map[string]string {
		if valuer == nil {
			valuer = s.engine().Valuer(&doc)
		}
		return valuer
	}
	s.ed.Values = func(sp corpus.Span, attrs map[string]string) map[string]string {
		return suggestion.WithValues(attrs, value()(sp))
	}
	ctx.Async(func() {
		browser.WhenIdle(2 * time.Second)
		ctx.Dispatch(func(app.Context) {
			if s.ed == ed {
				value()
			}
		})
	})
	s.askSuggestions(ctx)
}

// engine is the value readers' engine, made when first needed (see
// suggestFor): its tables take about 20 ms to build, which a cold load does
// not wait for.
func (s *Shell) engine() *suggest.Engine {
	if s.sug.engine == nil {
		s.sug.engine = suggest.New(suggest.Options{})
	}
	return s.sug.engine
}

// askSuggestions asks the worker for the open document's suggestions once
// no edit has followed for suggestDelay; a reply to an older request is
// dropped.
func (s *Shell) askSuggestions(ctx app.Context) {
	if s.ed == nil || s.sug.control || s.sug.long {
		return
	}
	id := s.doc.ID
	rev := s.sug.track.Request(id)
	ctx = *s.ctx
	ctx.After(suggestDelay, func(ctx app.Context) {
		if !s.sug.track.Fresh(id, rev) || s.ed == nil {
			return
		}
		first := s.sug.worker == nil
		if first {
			s.sug.worker = browser.NewSuggester(ctx.ResolveStaticResource("/web/worker.js"))
		}
		doc := s.doc
		req := job.Request{Op: job.Suggest, Doc: &doc, Rev: rev, Locale: s.loc.Settings(), Reload: s.tagger.reload, Memory: !s.durable, Off: s.sug.off}
		s.tagger.reload = false
		w := s.sug.worker
		ctx.Async(func() {
			if first {
				// The worker's start (its code compiled) waits for the page
				// to be idle, not to share the cores with its first frames.
				browser.WhenIdle(3 * time.Second)
			}
			r, err := w.Suggest(req)
			ctx.Dispatch(func(ctx app.Context) { s.suggested(ctx, r, err) })
		})
	})
}

// suggested takes the worker's reply, unless it is stale.
func (s *Shell) suggested(ctx app.Context, r job.Reply, err error) {
	if err == nil && r.Error != "" {
		err = errorText(r.Error)
	}
	if err != nil {
		if !s.sug.failed {
			s.sug.failed = true
			s.note("warn", s.loc.T("No suggestions: %v", err))
		}
		return
	}
	if s.ed == nil || !s.sug.track.Fresh(r.Doc, r.Rev) {
		return
	}
	// A selection being made is not redrawn under the user: the
	// suggestions are drawn once it is gone.
	if start, end, ok := browser.Selection(); ok && start != end {
		ctx.After(time.Second, func(ctx app.Context) { s.suggested(ctx, r, nil) })
		return
	}
	s.sug.all = r.Suggestions
	s.refreshPending()
}

type errorText string

func (e errorText) Error() string { return string(e) }

// refreshPending recomputes the suggestions shown from the worker's, the
// document's spans and the rejections.
func (s *Shell) refreshPending() {
	s.sug.pending = suggestion.Pending(suggestion.Switched(s.sug.all, s.sug.off), s.doc.Spans, s.sug.rec.Rejections())
	starts, ends := make([]int, len(s.lay.Blocks)), make([]int, len(s.lay.Blocks))
	for i, b := range s.lay.Blocks {
		starts[i], ends[i] = b.Start, b.End
	}
	s.sug.blocks = suggestion.PerBlock(s.sug.pending, starts, ends, s.sug.blocks)
	if s.sug.current != "" && s.currentIndex() < 0 {
		s.sug.current = ""
	}
}

// switchSource turns a suggestion source on or off, for every document:
// the open document's suggestions of it go at once, and the worker is
// asked again (an overlap another source lost may now be proposed).
func (s *Shell) switchSource(ctx app.Context, src suggest.Source, on bool) {
	off := slices.DeleteFunc(slices.Clone(s.sug.off), func(o suggest.Source) bool { return o == src })
	if !on {
		off = append(off, src)
	}
	s.sug.off = off
	ctx.LocalStorage().Set(prefSources, off)
	if s.ed != nil {
		s.refreshPending()
		s.askSuggestions(ctx)
	}
}

// suggestLayer stores the suggestions of docs (every document when empty)
// as their system layer, in the background worker, with the sources
// switched on; the control documents are left out.
func (s *Shell) suggestLayer(ctx app.Context, docs []string) {
	if !s.durable {
		s.note("warn", s.loc.T("Suggestions are stored as a layer in this browser's storage, which is unavailable."))
		return
	}
	if s.sug.storing {
		return
	}
	s.sug.storing = true
	req := job.Request{Op: job.SuggestLayer, Docs: docs, Off: s.sug.off, Dataset: datasetSettings(ctx)}
	s.offload(ctx, s.loc.T("Suggesting…"), req, nil, func(ctx app.Context, r job.Reply, _ app.Value, _ []corpus.Summary) {
		s.sug.storing = false
		g := r.Suggested
		if r.Error != "" || g == nil {
			return
		}
		s.imports++ // the open document's layers are read again
		s.readCurations(ctx)
		s.note("info", s.loc.T("Stored %s in %s, as their layer %s.",
			locale.Text(s.loc.T("%d suggestions", g.Spans)), locale.Text(s.loc.T("%d documents", g.Docs)), suggestion.LayerName))
		if g.Control+g.Long > 0 {
			s.note("info", s.loc.T("Left out: %d kept suggestion-free as a control, %d longer than %d characters.", g.Control, g.Long, suggestion.MaxRunes))
		}
	})
}

// currentIndex is the index in pending of the chosen suggestion, or -1.
func (s *Shell) currentIndex() int {
	if s.sug.current == "" {
		return -1
	}
	for i, sg := range s.sug.pending {
		if suggestion.Key(sg) == s.sug.current {
			return i
		}
	}
	return -1
}

// target returns the index in pending of the suggestion a key acts on:
// the one the document's selection (or caret) is in, or the chosen one.
func (s *Shell) target() int {
	if start, end, ok := browser.Selection(); ok {
		if i := suggestion.At(s.sug.pending, start, end); i >= 0 {
			return i
		}
	}
	return s.currentIndex()
}

// acceptSuggestion makes the suggestion at the cursor (or the chosen one) a
// span, as an edit like any other, and chooses the next; false when there
// is none.
func (s *Shell) acceptSuggestion(ctx app.Context) bool {
	i := s.target()
	if s.ed == nil || i < 0 {
		return false
	}
	sg := s.sug.pending[i]
	s.accept(ctx, []corpus.Span{sg}, sg.End)
	return true
}

// acceptLabel accepts every pending suggestion labelled l, as one edit.
func (s *Shell) acceptLabel(ctx app.Context, l corpus.Label) {
	if s.ed == nil {
		return
	}
	sugs := suggestion.OfLabel(s.sug.pending, l)
	if len(sugs) == 0 {
		s.note("info", s.loc.T("No %s suggestions to accept.", l))
		return
	}
	s.accept(ctx, sugs, -1)
	s.note("info", s.loc.T("Accepted %s.", locale.Text(s.loc.T("%d suggestions", len(sugs)))))
}

// accept adds sugs as spans of the user's layer, each keeping its source
// and values, records them, and chooses the suggestion after code point
// next (none for -1).
func (s *Shell) accept(ctx app.Context, sugs []corpus.Span, next int) {
	e, added, err := s.ed.Add(sugs)
	if err != nil {
		s.refuse(err)
		return
	}
	for _, sp := range added {
		s.sug.rec.Accept(sp.ID)
	}
	s.keepRecord(ctx)
	browser.ClearSelection()
	s.selected = ""
	if len(added) == 1 {
		s.selected = added[0].ID
	}
	s.sug.current = ""
	s.commit(ctx, e)
	if next >= 0 {
		s.chooseNext(next)
	}
}

// rejectSuggestion rejects the suggestion at the cursor (or the chosen
// one) for good, and chooses the next; false when there is none.
func (s *Shell) rejectSuggestion(ctx app.Context) bool {
	i := s.target()
	if s.ed == nil || i < 0 {
		return false
	}
	sg := s.sug.pending[i]
	s.sug.rec.Reject(sg)
	s.keepRecord(ctx)
	browser.ClearSelection()
	s.refreshPending()
	s.chooseNext(sg.End)
	s.paintNow([]corpus.Span{sg}, s.drawnSel)
	return true
}

// chooseNext chooses the pending suggestion starting at or after code
// point from, if any.
func (s *Shell) chooseNext(from int) {
	s.sug.current = ""
	for _, sg := range s.sug.pending {
		if sg.Start >= from {
			s.sug.current = suggestion.Key(sg)
			return
		}
	}
}

// nextSuggestion chooses the suggestion after (dir > 0) or before the
// chosen one, the selected span or the cursor, and scrolls to it.
func (s *Shell) nextSuggestion(ctx app.Context, dir int) {
	from := 0
	if i := s.currentIndex(); i >= 0 {
		from = s.sug.pending[i].End
		if dir < 0 {
			from = s.sug.pending[i].Start
		}
	} else if sp, ok := s.span(s.selected); ok {
		from = sp.End
		if dir < 0 {
			from = sp.Start
		}
	} else if start, end, ok := browser.Selection(); ok {
		from = end
		if dir < 0 {
			from = start
		}
	}
	i := suggestion.Next(s.sug.pending, from, dir)
	if i < 0 {
		s.note("info", s.loc.T("No suggestions in this document."))
		return
	}
	s.chooseSuggestion(ctx, s.sug.pending[i])
}

// chooseSuggestion makes sg the chosen suggestion, shown in view.
func (s *Shell) chooseSuggestion(ctx app.Context, sg corpus.Span) {
	browser.ClearSelection()
	s.selected, s.listSel = "", ""
	s.sug.current = suggestion.Key(sg)
	s.lay.Show(s.blockAtOffset(sg.Start), false, -1, s.blockHeight)
	id := sugElementID(sg)
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "center", "behavior": "smooth"})
		}
	})
}

// clickSuggestion chooses the suggestion whose element was clicked.
func (s *Shell) clickSuggestion(ctx app.Context, mark app.Value) {
	key := mark.Call("getAttribute", "data-key").String()
	for _, sg := range s.sug.pending {
		if suggestion.Key(sg) == key {
			s.selected, s.listSel = "", ""
			s.sug.current = key
			return
		}
	}
}

// blockAtOffset returns the block holding code point c.
func (s *Shell) blockAtOffset(c int) int {
	for i, b := range s.lay.Blocks {
		if c <= b.End {
			return i
		}
	}
	return len(s.lay.Blocks) - 1
}

// sugElementID is the id of the element of suggestion sg in the text.
func sugElementID(sg corpus.Span) string {
	return "sug-" + strings.ReplaceAll(suggestion.Key(sg), ":", "-")
}

// recordEdit counts an edit of span id after it was accepted.
func (s *Shell) recordEdit(ctx app.Context, id string) {
	if sp, ok := s.span(id); ok && sp.Attrs[suggestion.SourceAttr] != "" {
		s.sug.rec.Edit(sp)
		s.keepRecord(ctx)
	}
}

// setValue sets value key of span id (removes it when value is empty), as
// an edit like any other.
func (s *Shell) setValue(ctx app.Context, id, key, value string) {
	sp, ok := s.span(id)
	if !ok {
		return
	}
	attrs := make(map[string]string, len(sp.Attrs)+1)
	for k, v := range sp.Attrs {
		attrs[k] = v
	}
	value = strings.TrimSpace(value)
	if value == "" {
		delete(attrs, key)
	} else {
		attrs[key] = value
	}
	s.recordEdit(ctx, id)
	e, _, err := s.ed.SetAttrs(id, attrs)
	if err != nil {
		s.refuse(err)
		return
	}
	s.commit(ctx, e)
}

// acceptChosen accepts the chosen suggestion (the bar's button).
func (s *Shell) acceptChosen(ctx app.Context) { s.acceptSuggestion(ctx) }

// rejectChosen rejects the chosen suggestion (the bar's button).
func (s *Shell) rejectChosen(ctx app.Context) { s.rejectSuggestion(ctx) }

// chosen returns the chosen suggestion as the bar shows it.
func (s *Shell) chosen() ChosenSuggestion {
	i := s.currentIndex()
	if i < 0 || s.ed == nil {
		return ChosenSuggestion{}
	}
	sg := s.sug.pending[i]
	return ChosenSuggestion{Label: string(sg.Label), Text: string(s.ed.Runes()[sg.Start:sg.End]), Source: sg.Attrs[suggestion.SourceAttr]}
}

// selectedValues returns the span the side list has selected, for the
// editor of its values.
func (s *Shell) selectedValues() SelectedSpan {
	sp, ok := s.span(s.listSel)
	if !ok {
		return SelectedSpan{}
	}
	return SelectedSpan{ID: sp.ID, Label: sp.Label, Text: string(s.ed.Runes()[sp.Start:sp.End]), Attrs: sp.Attrs}
}
