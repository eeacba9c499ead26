// Package jsonl reads and writes corpora as JSON Lines, one document per
// line, with span offsets in Unicode code points of the text exactly as
// stored (Python str semantics).
//
// Decode accepts raqim's own lines, the gold files, Prodigy's span format
// and doccano's sequence-labelling export; Encode writes raqim's format.
package jsonl

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/raqim/raqim/internal/corpus"
)

// MaxFileSize is the largest file raqim imports: 256 MiB.
const MaxFileSize = 256 << 20

// MaxLine is the longest line raqim imports: 32 MiB, room for a document of
// corpus.MaxRunes code points with its spans.
const MaxLine = 32 << 20

// DecodeOptions says how Decode checks and completes the documents it reads.
type DecodeOptions struct {
	// Schema lists the labels allowed; nil allows any label.
	Schema *corpus.Schema
	// LabelMap renames labels before the schema check, e.g. to map a file's
	// unknown labels onto the schema.
	LabelMap map[corpus.Label]corpus.Label
	// Annotator is set on spans that carry none.
	Annotator string
	// Now gives the import time stamped on documents and spans; nil means time.Now.
	Now func() time.Time
}

// EncodeOptions says what Encode writes besides each span's start, end, label and text.
type EncodeOptions struct {
	// Schema, when set, makes Encode refuse spans whose label it lacks.
	Schema *corpus.Schema
	// Units also writes start_utf16/end_utf16 and start_byte/end_byte per span.
	Units bool
	// Annotations also writes each span's id, annotator, attrs and created time.
	Annotations bool
}

// ContentID returns the ID raqim derives from a document's text: "doc-"
// followed by the first 16 hex digits of the SHA-256 of the text.
func ContentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "doc-" + hex.EncodeToString(sum[:])[:16]
}

// UnknownLabelsError lists every label of a file that is not in the schema
// (after the label map), so that the user can be offered a mapping.
// Decode returns it wrapped in a *corpus.FileError.
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

func (e *UnknownLabelsError) Error() string {
	var b strings.Builder
	names := e.Names()
	if len(names) == 1 {
		b.WriteString("unknown label not in the schema: ")
	} else {
		fmt.Fprintf(&b, "%d unknown labels not in the schema: ", len(names))
	}
	for i, l := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		n := e.Labels[l]
		plural := "s"
		if n == 1 {
			plural = ""
		}
		fmt.Fprintf(&b, "%q (%d span%s, first on line %d)", l, n, plural, e.FirstLine[l])
	}
	b.WriteString("; map them onto schema labels to import the file")
	return b.String()
}

func (e *UnknownLabelsError) add(l corpus.Label, line int) {
	if e.Labels == nil {
		e.Labels = make(map[corpus.Label]int)
		e.FirstLine = make(map[corpus.Label]int)
	}
	if _, ok := e.FirstLine[l]; !ok {
		e.FirstLine[l] = line
	}
	e.Labels[l]++
}

// firstLine returns the earliest line with an unknown label.
func (e *UnknownLabelsError) firstLine() int {
	first := 0
	for _, n := range e.FirstLine {
		if first == 0 || n < first {
			first = n
		}
	}
	return first
}

// LoneSurrogate returns the byte offset in JSON data of the first \u escape
// of a UTF-16 surrogate that is not half of a pair (such as "\ud800"), or
// -1. encoding/json turns one into U+FFFD without a word; raqim refuses it,
// so that no text changes on the way in.
func LoneSurrogate(data []byte) int {
	hex4 := func(i int) (rune, bool) {
		if i+6 > len(data) || data[i] != '\\' || data[i+1] != 'u' {
			return 0, false
		}
		var r rune
		for _, c := range data[i+2 : i+6] {
			switch {
			case c >= '0' && c <= '9':
				r = r<<4 | rune(c-'0')
			case c >= 'a' && c <= 'f':
				r = r<<4 | rune(c-'a'+10)
			case c >= 'A' && c <= 'F':
				r = r<<4 | rune(c-'A'+10)
			default:
				return 0, false
			}
		}
		return r, true
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		r, ok := hex4(i)
		if !ok {
			i++ // an escape of another kind, such as \\ or \"
			continue
		}
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if lo, ok := hex4(i + 6); ok && lo >= 0xDC00 && lo < 0xE000 {
				i += 11
				continue
			}
			return i
		case r >= 0xDC00 && r < 0xE000:
			return i
		}
		i += 5
	}
	return -1
}
