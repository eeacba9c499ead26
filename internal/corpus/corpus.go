// Package corpus defines raqim's domain: documents, spans, labels and the
// label schema, and the rules a span must satisfy to be stored or exported.
//
// Offsets are Unicode code points into Document.Text exactly as imported,
// half-open: a span covers the runes [Start, End).
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/raqim/raqim/internal/locale"
)

// Label names a span's category, such as "ACTOR". Labels are upper case
// ASCII by convention; the schema decides which ones a corpus may use.
type Label string

// Status is where a document stands in the annotation workflow.
type Status string

// The workflow statuses, in order.
const (
	StatusNew        Status = "new"
	StatusInProgress Status = "in_progress"
	StatusDone       Status = "done"
)

// Statuses lists the workflow statuses in order.
var Statuses = []Status{StatusNew, StatusInProgress, StatusDone}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Span is one labelled stretch of a document's text.
type Span struct {
	// ID identifies the span within its document across edits (a UUID).
	ID    string `json:"id,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label Label  `json:"label"`
	// Annotator is who made the span; empty for imported spans of unknown origin.
	Annotator string    `json:"annotator,omitempty"`
	Created   time.Time `json:"created,omitzero"`
	Modified  time.Time `json:"modified,omitzero"`
	// Attrs carries normalised values and other per-span attributes,
	// such as {"iso_date": "2025-10-07"} or {"count": "4"}.
	Attrs map[string]string `json:"attrs,omitempty"`
}

// Len returns the span's length in code points.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and t share at least one code point. An empty
// (or reversed) span covers no code point and so overlaps nothing.
func (s Span) Overlaps(t Span) bool {
	return s.Start < s.End && t.Start < t.End && s.Start < t.End && t.Start < s.End
}

// Document is one text with its spans. Text is stored exactly as imported
// (a leading BOM removed): span offsets index its code points.
type Document struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Status Status `json:"status"`
	// Meta is free-form metadata carried through import and export.
	Meta map[string]json.RawMessage `json:"meta,omitempty"`
	// Spans is the document's annotation layer, sorted by Start.
	Spans []Span `json:"spans"`
	// Digest identifies the text's content (see DigestOf), to find a
	// document imported twice.
	Digest   string    `json:"digest,omitempty"`
	Created  time.Time `json:"created,omitzero"`
	Modified time.Time `json:"modified,omitzero"`
	// Rev identifies the stored state of the document's spans and status:
	// every stored edit gives it a new one (see store.Edit).
	Rev string `json:"rev,omitempty"`
}

// SortSpans orders spans by Start, then End, then Label.
func SortSpans(spans []Span) {
	sort.SliceStable(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Label < b.Label
	})
}

// Summary is what the document list needs of a document: no text, no spans.
type Summary struct {
	ID     string        `json:"id"`
	Title  string        `json:"title"`
	Status Status        `json:"status"`
	Length int           `json:"length"` // code points
	Counts map[Label]int `json:"counts,omitempty"`
	// Annotators counts spans per annotator ("" for spans that name none).
	Annotators map[string]int `json:"annotators,omitempty"`
	Digest     string         `json:"digest,omitempty"`
	Modified   time.Time      `json:"modified,omitzero"`
	Rev        string         `json:"rev,omitempty"` // see Document.Rev
}

// Summarize returns d's summary, counting spans per label and per annotator.
func Summarize(d Document) Summary {
	s := Summary{ID: d.ID, Title: d.Title, Status: d.Status, Length: runeCount(d.Text), Digest: d.Digest, Modified: d.Modified, Rev: d.Rev}
	if s.Digest == "" {
		s.Digest = DigestOf(d.Text)
	}
	if len(d.Spans) > 0 {
		s.Counts, s.Annotators = make(map[Label]int), make(map[string]int)
		for _, sp := range d.Spans {
			s.Counts[sp.Label]++
			s.Annotators[sp.Annotator]++
		}
	}
	return s
}

// Total returns the number of spans the summary counts.
func (s Summary) Total() int {
	n := 0
	for _, c := range s.Counts {
		n += c
	}
	return n
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// SpanError describes a span that breaks a rule, naming the span.
type SpanError struct {
	Index  int // position of the span in the list checked
	Span   Span
	Reason string // in English
	// Why is Reason as a message that can be translated; nil when there is
	// none, and then Reason is given as it is.
	Why *locale.Error
}

// spanError returns the SpanError of span i, s, for the reason why.
func spanError(i int, s Span, why *locale.Error) *SpanError {
	return &SpanError{Index: i, Span: s, Reason: why.Error(), Why: why}
}

func (e *SpanError) Error() string { return e.msg().Error() }

// MessageKey returns the error's message key and arguments, for its translation.
func (e *SpanError) MessageKey() (string, []any) { return e.msg().MessageKey() }

func (e *SpanError) msg() *locale.Error {
	var reason any = e.Reason
	if e.Why != nil {
		reason = e.Why
	}
	return locale.Errorf("span %d [%d,%d) %s: %v", e.Index+1, e.Span.Start, e.Span.End, e.Span.Label, reason)
}

// FileError locates a problem in an imported or exported file.
type FileError struct {
	File string
	Line int // 1-based; 0 when the problem is not on one line
	Err  error
}

func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// Place returns the file and line e names, and what is wrong there.
func (e *FileError) Place() (file string, line int, err error) { return e.File, e.Line, e.Err }

// DigestOf returns a short hex digest of text's content: equal texts have
// equal digests.
func DigestOf(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:12])
}
