package format

import (
	"sort"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
)

// UnknownLabelsError lists every label of a file that is not in the schema
// (after the label map), so that the user can be offered a mapping.
// Readers return it placed in the file, at the first line with one
// (Builder.Finish).
type UnknownLabelsError struct {
	File string
	// Labels counts the spans that carry each unknown label.
	Labels map[corpus.Label]int
	// FirstLine is the 1-based line where each unknown label first occurs.
	FirstLine map[corpus.Label]int
}

// Names returns the unknown labels in the order they first occur in the file.
func (e *UnknownLabelsError) Names() []corpus.Label {
	names := make([]corpus.Label, 0, len(e.Labels))
	for l := range e.Labels {
		names = append(names, l)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if e.FirstLine[a] != e.FirstLine[b] {
			return e.FirstLine[a] < e.FirstLine[b]
		}
		return a < b
	})
	return names
}

// Error says which labels are unknown, how many spans carry each and where
// each first is, through the keys of Keys.
func (e *UnknownLabelsError) Error() string {
	names := e.Names()
	items := make([]string, len(names))
	for i, l := range names {
		if n := e.Labels[l]; n == 1 {
			items[i] = Msg("%q (%d span, first on line %d)", l, n, e.FirstLine[l]).Message()
		} else {
			items[i] = Msg("%q (%d spans, first on line %d)", l, n, e.FirstLine[l]).Message()
		}
	}
	list := strings.Join(items, ", ")
	if len(names) == 1 {
		return Msg("unknown label not in the schema: %s; map them onto schema labels to import the file", list).Message()
	}
	return Msg("%d unknown labels not in the schema: %s; map them onto schema labels to import the file", len(names), list).Message()
}

// Add records a span labelled l on line.
func (e *UnknownLabelsError) Add(l corpus.Label, line int) {
	e.AddN(l, 1, line)
}

// AddN records n spans labelled l, the first of them on line.
func (e *UnknownLabelsError) AddN(l corpus.Label, n, line int) {
	if e.Labels == nil {
		e.Labels = make(map[corpus.Label]int)
		e.FirstLine = make(map[corpus.Label]int)
	}
	if _, ok := e.FirstLine[l]; !ok {
		e.FirstLine[l] = line
	}
	e.Labels[l] += n
}

// Line returns the earliest line with an unknown label.
func (e *UnknownLabelsError) Line() int {
	first := 0
	for _, n := range e.FirstLine {
		if first == 0 || n < first {
			first = n
		}
	}
	return first
}

// Placed returns e placed in its file at Line, or nil when no label is unknown.
func (e *UnknownLabelsError) Placed() error {
	if len(e.Labels) == 0 {
		return nil
	}
	return Errorf(e.File, e.Line(), Cause, e)
}
