// Package editor is the editing model of the open document: it turns a
// user's selections and commands into span changes, keeps the undo log, and
// returns each change as a store.Edit to persist. It has no UI.
//
// Offsets are Unicode code points, half-open [start, end). The spans slice
// of a Document returned by Doc is never changed in place: every edit makes
// a new slice (copy on write), so a view can tell what changed by comparing.
package editor

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/snap"
	"github.com/raqim/raqim/internal/store"
)

// Errors of the editing commands. Each leaves the editor unchanged.
var (
	// ErrNoChange is returned for a command that would change nothing.
	ErrNoChange = locale.Errorf("nothing to change")
	// ErrNoTitle is returned for a title with nothing but spaces.
	ErrNoTitle = locale.Errorf("a document needs a title")
	// ErrNoWord is returned when a selection holds no word to label.
	ErrNoWord = locale.Errorf("the selection holds no word")
	// ErrNoSpan is returned for a span ID the document does not have.
	ErrNoSpan = locale.Errorf("no such span")
	// ErrNoProclitic is returned when a span has no proclitic to toggle.
	ErrNoProclitic = locale.Errorf("no proclitic to add or remove")
	// ErrUnknownLabel is returned for a label the schema does not define.
	ErrUnknownLabel = locale.Errorf("unknown label")
	// ErrBadStatus is returned for a status that is not one of corpus.Statuses.
	ErrBadStatus = locale.Errorf("unknown status")
)

// errConflict marks a logged change that no longer fits the document's spans.
var errConflict = locale.Errorf("the change does not fit the document")

// OverlapError reports the existing span a new or grown span would overlap.
type OverlapError struct {
	Span corpus.Span // the span in the way
	Text string      // its text
}

func (e *OverlapError) Error() string { return e.msg().Error() }

// MessageKey returns the error's message key and arguments, for its translation.
func (e *OverlapError) MessageKey() (string, []any) { return e.msg().MessageKey() }

func (e *OverlapError) msg() *locale.Error {
	return locale.Errorf("the selection overlaps %s «%s»", e.Span.Label, e.Text)
}

// Editor holds one open document with its undo log and applies edits to it.
// Every command that changes the document records a history.Change in the
// log, sets the document's (and any new or changed span's) modified time,
// and returns the store.Edit to persist. It is not safe for concurrent use.
type Editor struct {
	doc       corpus.Document
	log       history.Log
	schema    *corpus.Schema
	annotator string
	now       func() time.Time

	runes []rune
	// base is the document's summary without spans, status or time.
	base corpus.Summary
	// byID maps each span's ID to its Start, to find it by binary search.
	byID map[string]int
	// counts holds spans per label; replaced, never changed in place.
	counts map[corpus.Label]int
	// prev is the state before the last edit, for Revert.
	prev *state

	// Values, when set, returns the attrs of a span the user labels by hand
	// or relabels, given the attrs it had (nil for a new span); nil keeps
	// them as they are.
	Values func(sp corpus.Span, attrs map[string]string) map[string]string
}

// state is what Revert restores.
type state struct {
	doc    corpus.Document
	log    history.Log
	counts map[corpus.Label]int
	change history.Change // the change applied after this state
}

// New returns an editor of doc with its undo log, labelling from schema (nil
// allows any label) as annotator, reading the time from now (nil means
// time.Now); spans without an ID are given one, and a document without its
// text's digest is given it, as storage records it.
func New(doc corpus.Document, log history.Log, schema *corpus.Schema, annotator string, now func() time.Time) *Editor {
	if now == nil {
		now = time.Now
	}
	e := &Editor{log: log, schema: schema, annotator: annotator, now: now}
	spans := slices.Clone(doc.Spans)
	corpus.SortSpans(spans)
	e.byID = make(map[string]int, len(spans))
	e.counts = make(map[corpus.Label]int)
	for i := range spans {
		if spans[i].ID == "" {
			spans[i].ID = uuid.NewString()
		}
		e.byID[spans[i].ID] = spans[i].Start
		e.counts[spans[i].Label]++
	}
	doc.Spans = spans
	if doc.Digest == "" {
		doc.Digest = corpus.DigestOf(doc.Text)
	}
	e.doc = doc
	e.runes = []rune(doc.Text)
	bare := doc
	bare.Spans = nil
	e.base = corpus.Summarize(bare)
	return e
}

// Doc returns the document as it stands; its Spans slice is never changed afterwards.
func (e *Editor) Doc() corpus.Document { return e.doc }

// Last returns the change the last edit applied (none before the first
// edit, nor after a Revert): its Removed are the spans it took away or
// replaced, as they were.
func (e *Editor) Last() history.Change {
	if e.prev == nil {
		return history.Change{}
	}
	return e.prev.change
}

// Log returns the document's undo log as it stands.
func (e *Editor) Log() history.Log { return e.log }

// Runes returns the document's text as code points; callers must not change it.
func (e *Editor) Runes() []rune { return e.runes }

// SpanAt returns the span containing code point i.
func (e *Editor) SpanAt(i int) (corpus.Span, bool) {
	spans := e.doc.Spans
	k := sort.Search(len(spans), func(k int) bool { return spans[k].Start > i }) - 1
	if k >= 0 && i < spans[k].End {
		return spans[k], true
	}
	return corpus.Span{}, false
}

// SpansIn returns the spans overlapping [start, end), in order, as a
// read-only view of the document's spans.
func (e *Editor) SpansIn(start, end int) []corpus.Span {
	if start >= end {
		return nil
	}
	spans := e.doc.Spans
	// Spans do not overlap, so their ends are sorted like their starts.
	lo := sort.Search(len(spans), func(k int) bool { return spans[k].End > start })
	hi := sort.Search(len(spans), func(k int) bool { return spans[k].Start >= end })
	if lo >= hi {
		return nil
	}
	return spans[lo:hi:hi]
}

// Span returns the span with the given ID.
func (e *Editor) Span(id string) (corpus.Span, bool) {
	k, ok := e.find(id)
	if !ok {
		return corpus.Span{}, false
	}
	return e.doc.Spans[k], true
}

// find returns the position of the span with the given ID.
func (e *Editor) find(id string) (int, bool) {
	start, ok := e.byID[id]
	if !ok {
		return 0, false
	}
	spans := e.doc.Spans
	k := sort.Search(len(spans), func(k int) bool { return spans[k].Start >= start })
	if k < len(spans) && spans[k].ID == id {
		return k, true
	}
	return 0, false
}

func (e *Editor) time() time.Time { return e.now().Round(0) }

func (e *Editor) checkLabel(l corpus.Label) error {
	if l == "" || (e.schema != nil && !e.schema.Has(l)) {
		return locale.Wrap(ErrUnknownLabel, "unknown label %q", l)
	}
	return nil
}

func (e *Editor) overlap(sp corpus.Span) *OverlapError {
	return &OverlapError{Span: sp, Text: e.text(sp)}
}

// spanChange returns a change of spans that also moves a new document to in_progress.
func (e *Editor) spanChange(removed, added []corpus.Span) history.Change {
	before := e.doc.Status
	after := before
	if before == corpus.StatusNew || before == "" {
		after = corpus.StatusInProgress
	}
	return history.Change{Removed: removed, Added: added, StatusBefore: before, StatusAfter: after}
}

// Label snaps [start, end) to words (snap.Snap) and labels it l: a new span,
// or the existing span with exactly that range relabelled; it fails with
// ErrNoWord, ErrUnknownLabel, ErrNoChange or an *OverlapError naming the
// span in the way, changing nothing.
func (e *Editor) Label(start, end int, l corpus.Label) (store.Edit, corpus.Span, error) {
	if err := e.checkLabel(l); err != nil {
		return store.Edit{}, corpus.Span{}, err
	}
	s, en, ok := snap.Snap(e.runes, start, end)
	if !ok {
		return store.Edit{}, corpus.Span{}, ErrNoWord
	}
	if in := e.SpansIn(s, en); len(in) > 0 {
		if len(in) == 1 && in[0].Start == s && in[0].End == en {
			return e.relabel(in[0], l)
		}
		return store.Edit{}, corpus.Span{}, e.overlap(in[0])
	}
	t := e.time()
	sp := corpus.Span{ID: uuid.NewString(), Start: s, End: en, Label: l, Annotator: e.annotator, Created: t, Modified: t}
	sp.Attrs = e.values(sp, nil)
	edit, err := e.record(e.spanChange(nil, []corpus.Span{sp}), t)
	if err != nil {
		return store.Edit{}, corpus.Span{}, err
	}
	return edit, sp, nil
}

// Relabel gives the span spanID the label l, keeping its ID; it fails with
// ErrNoSpan, ErrUnknownLabel or ErrNoChange (same label), changing nothing.
func (e *Editor) Relabel(spanID string, l corpus.Label) (store.Edit, error) {
	if err := e.checkLabel(l); err != nil {
		return store.Edit{}, err
	}
	k, ok := e.find(spanID)
	if !ok {
		return store.Edit{}, locale.Wrap(ErrNoSpan, "no such span: %q", spanID)
	}
	edit, _, err := e.relabel(e.doc.Spans[k], l)
	return edit, err
}

func (e *Editor) relabel(old corpus.Span, l corpus.Label) (store.Edit, corpus.Span, error) {
	if old.Label == l {
		return store.Edit{}, corpus.Span{}, ErrNoChange
	}
	t := e.time()
	sp := old
	sp.Label, sp.Modified = l, t
	sp.Attrs = e.values(sp, old.Attrs)
	edit, err := e.record(e.spanChange([]corpus.Span{old}, []corpus.Span{sp}), t)
	if err != nil {
		return store.Edit{}, corpus.Span{}, err
	}
	return edit, sp, nil
}

// values returns the attrs of sp, labelled by hand, whose attrs were
// attrs (nil for a new span): Values' answer, or attrs without Values.
func (e *Editor) values(sp corpus.Span, attrs map[string]string) map[string]string {
	if e.Values == nil {
		return attrs
	}
	return e.Values(sp, attrs)
}

// Add adds spans (a suggestion accepted, or all of a label) as one change,
// each with a new ID, the editor's annotator and the time, keeping its
// range, label and attrs; it fails with ErrNoChange for no spans,
// ErrUnknownLabel, or an *OverlapError naming a span in the way (two of
// spans overlapping each other included), changing nothing.
func (e *Editor) Add(spans []corpus.Span) (store.Edit, []corpus.Span, error) {
	if len(spans) == 0 {
		return store.Edit{}, nil, ErrNoChange
	}
	t := e.time()
	added := make([]corpus.Span, len(spans))
	for i, in := range spans {
		if err := e.checkLabel(in.Label); err != nil {
			return store.Edit{}, nil, err
		}
		if in.Start < 0 || in.Start >= in.End || in.End > len(e.runes) {
			return store.Edit{}, nil, ErrNoWord
		}
		if over := e.SpansIn(in.Start, in.End); len(over) > 0 {
			return store.Edit{}, nil, e.overlap(over[0])
		}
		for _, prev := range added[:i] {
			if prev.Overlaps(in) {
				return store.Edit{}, nil, e.overlap(prev)
			}
		}
		added[i] = corpus.Span{ID: uuid.NewString(), Start: in.Start, End: in.End, Label: in.Label,
			Annotator: e.annotator, Created: t, Modified: t, Attrs: maps.Clone(in.Attrs)}
	}
	edit, err := e.record(e.spanChange(nil, added), t)
	if err != nil {
		return store.Edit{}, nil, err
	}
	return edit, added, nil
}

// SetAttrs gives span spanID the attrs given (nil or empty removes them),
// keeping its ID, as an undoable change; it fails with ErrNoSpan or
// ErrNoChange (the same attrs), changing nothing.
func (e *Editor) SetAttrs(spanID string, attrs map[string]string) (store.Edit, corpus.Span, error) {
	k, ok := e.find(spanID)
	if !ok {
		return store.Edit{}, corpus.Span{}, locale.Wrap(ErrNoSpan, "no such span: %q", spanID)
	}
	old := e.doc.Spans[k]
	if maps.Equal(old.Attrs, attrs) {
		return store.Edit{}, corpus.Span{}, ErrNoChange
	}
	t := e.time()
	sp := old
	sp.Attrs, sp.Modified = maps.Clone(attrs), t
	if len(sp.Attrs) == 0 {
		sp.Attrs = nil
	}
	edit, err := e.record(e.spanChange([]corpus.Span{old}, []corpus.Span{sp}), t)
	if err != nil {
		return store.Edit{}, corpus.Span{}, err
	}
	return edit, sp, nil
}

// Remove deletes the span spanID; it fails with ErrNoSpan, changing nothing.
func (e *Editor) Remove(spanID string) (store.Edit, error) {
	k, ok := e.find(spanID)
	if !ok {
		return store.Edit{}, locale.Wrap(ErrNoSpan, "no such span: %q", spanID)
	}
	return e.record(e.spanChange([]corpus.Span{e.doc.Spans[k]}, nil), e.time())
}

// ToggleProclitic moves the start of span spanID across a proclitic
// (snap.ToggleProclitic), keeping its ID; it fails with ErrNoSpan,
// ErrNoProclitic or an *OverlapError if the grown span would overlap
// another, changing nothing.
func (e *Editor) ToggleProclitic(spanID string) (store.Edit, corpus.Span, error) {
	k, ok := e.find(spanID)
	if !ok {
		return store.Edit{}, corpus.Span{}, locale.Wrap(ErrNoSpan, "no such span: %q", spanID)
	}
	old := e.doc.Spans[k]
	s, en, ok := snap.ToggleProclitic(e.runes, old.Start, old.End)
	if !ok {
		return store.Edit{}, corpus.Span{}, ErrNoProclitic
	}
	if s < old.Start {
		if in := e.SpansIn(s, old.Start); len(in) > 0 {
			return store.Edit{}, corpus.Span{}, e.overlap(in[len(in)-1])
		}
	}
	t := e.time()
	sp := old
	sp.Start, sp.End, sp.Modified = s, en, t
	edit, err := e.record(e.spanChange([]corpus.Span{old}, []corpus.Span{sp}), t)
	if err != nil {
		return store.Edit{}, corpus.Span{}, err
	}
	return edit, sp, nil
}

// SetStatus sets the document's workflow status as an undoable change; it
// fails with ErrBadStatus or ErrNoChange, changing nothing.
func (e *Editor) SetStatus(s corpus.Status) (store.Edit, error) {
	if !s.Valid() {
		return store.Edit{}, locale.Wrap(ErrBadStatus, "unknown status %q", s)
	}
	if s == e.doc.Status {
		return store.Edit{}, ErrNoChange
	}
	return e.record(history.Change{StatusBefore: e.doc.Status, StatusAfter: s}, e.time())
}

// Rename sets the document's title (trimmed of spaces) and returns the
// edit to persist; the undo history, which holds changes of spans and
// status, stays as it is.
func (e *Editor) Rename(title string) (store.Edit, error) {
	title = strings.TrimSpace(title)
	switch {
	case title == "":
		return store.Edit{}, ErrNoTitle
	case title == e.doc.Title:
		return store.Edit{}, ErrNoChange
	}
	e.prev = &state{doc: e.doc, log: e.log, counts: e.counts}
	base := e.doc.Rev
	doc := e.doc
	doc.Title, doc.Modified, doc.Rev = title, e.time(), uuid.NewString()
	e.doc, e.base.Title = doc, title
	return store.Edit{Base: base, Summary: e.summary(), Log: e.log}, nil
}

// Undo reverts the last recorded change and returns the edit to persist;
// ok is false when there is nothing to undo or the change no longer fits
// the spans (then nothing changes).
func (e *Editor) Undo() (store.Edit, bool) {
	c, next, ok := e.log.Undo()
	if !ok {
		return store.Edit{}, false
	}
	edit, err := e.apply(c, next, e.time())
	return edit, err == nil
}

// Redo applies the last undone change again and returns the edit to
// persist; ok is false when there is nothing to redo or the change no
// longer fits the spans (then nothing changes).
func (e *Editor) Redo() (store.Edit, bool) {
	c, next, ok := e.log.Redo()
	if !ok {
		return store.Edit{}, false
	}
	edit, err := e.apply(c, next, e.time())
	return edit, err == nil
}

// Replay applies c, a change made on another state of the document (an
// edit refused by storage for a conflict), as a new change: it fails
// without a change when c no longer fits the spans, with an error that
// names the span in the way.
func (e *Editor) Replay(c history.Change) (store.Edit, error) {
	for _, old := range c.Removed {
		// A span the change removes or replaces must be as the change saw it.
		if now, ok := e.Span(old.ID); ok && (now.Start != old.Start || now.End != old.End || now.Label != old.Label) {
			return store.Edit{}, locale.Wrap(errConflict, "the change does not fit the document: %s «%s» was changed to %s «%s»", old.Label, e.text(old), now.Label, e.text(now))
		}
	}
	return e.record(c, e.time())
}

// text returns the text a span covers.
func (e *Editor) text(sp corpus.Span) string { return string(e.runes[sp.Start:sp.End]) }

// Revert undoes the in-memory effect of the last edit returned (when
// persisting it failed), restoring spans, status and log exactly; a second
// Revert does nothing.
func (e *Editor) Revert() {
	p := e.prev
	if p == nil {
		return
	}
	for _, sp := range p.change.Added {
		delete(e.byID, sp.ID)
	}
	for _, sp := range p.change.Removed {
		e.byID[sp.ID] = sp.Start
	}
	e.doc, e.log, e.counts, e.prev = p.doc, p.log, p.counts, nil
	e.base.Title = e.doc.Title
}

// record applies a new change c at time t and pushes it on the log.
func (e *Editor) record(c history.Change, t time.Time) (store.Edit, error) {
	return e.apply(c, e.log.Record(c), t)
}

// apply applies c, sets the log to next, and returns the edit to persist.
func (e *Editor) apply(c history.Change, next history.Log, t time.Time) (store.Edit, error) {
	spans, err := e.applySpans(c)
	if err != nil {
		return store.Edit{}, err
	}
	e.prev = &state{doc: e.doc, log: e.log, counts: e.counts, change: c}

	doc := e.doc
	doc.Spans = spans
	if c.StatusBefore != c.StatusAfter {
		doc.Status = c.StatusAfter
	}
	doc.Modified = t
	doc.Rev = uuid.NewString()
	counts := make(map[corpus.Label]int, len(e.counts)+1)
	for l, n := range e.counts {
		counts[l] = n
	}
	for _, sp := range c.Removed {
		delete(e.byID, sp.ID)
		if counts[sp.Label]--; counts[sp.Label] <= 0 {
			delete(counts, sp.Label)
		}
	}
	added := make(map[string]bool, len(c.Added))
	for _, sp := range c.Added {
		e.byID[sp.ID] = sp.Start
		counts[sp.Label]++
		added[sp.ID] = true
	}
	base := e.doc.Rev
	e.doc, e.log, e.counts = doc, next, counts

	edit := store.Edit{Base: base, Summary: e.summary(), Log: next}
	if len(c.Added) > 0 {
		edit.Put = slices.Clone(c.Added)
	}
	for _, sp := range c.Removed {
		if !added[sp.ID] {
			edit.Delete = append(edit.Delete, sp.ID)
		}
	}
	return edit, nil
}

// applySpans returns a new spans slice with c applied, or errConflict if a
// removed span is missing or an added span would clash with the others.
func (e *Editor) applySpans(c history.Change) ([]corpus.Span, error) {
	old := e.doc.Spans
	drop := make([]int, 0, len(c.Removed))
	for _, sp := range c.Removed {
		k, ok := e.find(sp.ID)
		if !ok {
			return nil, locale.Wrap(errConflict, "the change does not fit the document: span %q is gone", sp.ID)
		}
		drop = append(drop, k)
	}
	slices.Sort(drop)
	out := make([]corpus.Span, 0, len(old)-len(drop)+len(c.Added))
	from := 0
	for i, k := range drop {
		if i > 0 && k == drop[i-1] {
			return nil, locale.Wrap(errConflict, "the change does not fit the document: span %q removed twice", old[k].ID)
		}
		out = append(out, old[from:k]...)
		from = k + 1
	}
	out = append(out, old[from:]...)
	n := len(e.runes)
	for i, sp := range c.Added {
		if sp.Start < 0 || sp.Start >= sp.End || sp.End > n {
			return nil, locale.Wrap(errConflict, "the change does not fit the document: span [%d,%d) out of range", sp.Start, sp.End)
		}
		if _, taken := e.byID[sp.ID]; (taken && !hasID(c.Removed, sp.ID)) || hasID(c.Added[:i], sp.ID) {
			return nil, locale.Wrap(errConflict, "the change does not fit the document: span ID %q already used", sp.ID)
		}
		k := sort.Search(len(out), func(k int) bool { return out[k].Start >= sp.Start })
		if k > 0 && out[k-1].Overlaps(sp) {
			return nil, locale.Wrap(errConflict, "the change does not fit the document: %v", e.overlap(out[k-1]))
		}
		if k < len(out) && out[k].Overlaps(sp) {
			return nil, locale.Wrap(errConflict, "the change does not fit the document: %v", e.overlap(out[k]))
		}
		out = slices.Insert(out, k, sp)
	}
	return out, nil
}

func hasID(spans []corpus.Span, id string) bool {
	for _, sp := range spans {
		if sp.ID == id {
			return true
		}
	}
	return false
}

// summary returns what corpus.Summarize would return for the current document.
func (e *Editor) summary() corpus.Summary {
	s := e.base
	s.Status, s.Modified, s.Rev = e.doc.Status, e.doc.Modified, e.doc.Rev
	if len(e.counts) > 0 {
		s.Counts = make(map[corpus.Label]int, len(e.counts))
		for l, n := range e.counts {
			s.Counts[l] = n
		}
	}
	if len(e.doc.Spans) > 0 {
		s.Annotators = make(map[string]int)
		for _, sp := range e.doc.Spans {
			s.Annotators[sp.Annotator]++
		}
	}
	return s
}
