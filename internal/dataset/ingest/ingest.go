// Package ingest holds what raqim's importers of exported formats (CoNLL,
// Hugging Face, brat, Label Studio) share: label mapping and the collection
// of unknown labels, completion of spans and documents as jsonl.Decode
// completes them, checks, errors that name the file and line, and notes.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
)

// BOM is the UTF-8 byte-order mark.
var BOM = []byte{0xEF, 0xBB, 0xBF}

// notesPerKind is how many notes of one kind are listed one by one.
const notesPerKind = 5

// Builder turns what one file holds into documents. It is not safe for
// concurrent use.
type Builder struct {
	File    string
	Opts    jsonl.DecodeOptions
	Now     time.Time
	unknown jsonl.UnknownLabelsError
	ids     map[string]int // document ID → line
	notes   []string
	kinds   map[string]int // notes seen per kind
	order   []string       // kinds in order of first note
}

// New returns a Builder for the file name, stamping jsonl's import time.
func New(name string, opts jsonl.DecodeOptions) *Builder {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	b := &Builder{File: name, Opts: opts, Now: now(), ids: map[string]int{}, kinds: map[string]int{}}
	b.unknown.File = name
	return b
}

// SetFile makes name the file that errors and notes name from now on, for
// formats that spread one corpus over several files; unknown labels are
// reported against the first file that has one.
func (b *Builder) SetFile(name string) {
	b.File = name
	if len(b.unknown.Labels) == 0 {
		b.unknown.File = name
	}
}

// Errorf returns a *corpus.FileError at line (0 for none) of the file.
func (b *Builder) Errorf(line int, format string, args ...any) error {
	return &corpus.FileError{File: b.File, Line: line, Err: fmt.Errorf(format, args...)}
}

// Wrap returns err as a *corpus.FileError at line, unless it already is one.
func (b *Builder) Wrap(line int, err error) error {
	var fe *corpus.FileError
	if errors.As(err, &fe) {
		return err
	}
	return &corpus.FileError{File: b.File, Line: line, Err: err}
}

// Note records a message for the user; kind groups notes so that only the
// first few of a kind are listed and the rest counted.
func (b *Builder) Note(kind string, line int, format string, args ...any) {
	n := b.kinds[kind]
	if n == 0 {
		b.order = append(b.order, kind)
	}
	b.kinds[kind] = n + 1
	if n < notesPerKind {
		msg := fmt.Sprintf(format, args...)
		if line > 0 {
			msg = fmt.Sprintf("%s:%d: %s", b.File, line, msg)
		} else {
			msg = fmt.Sprintf("%s: %s", b.File, msg)
		}
		b.notes = append(b.notes, msg)
	}
}

// Notes returns the notes, with a count of those of each kind not listed.
func (b *Builder) Notes() []string {
	out := append([]string(nil), b.notes...)
	for _, k := range b.order {
		if n := b.kinds[k]; n > notesPerKind {
			out = append(out, fmt.Sprintf("%s: %d more like this (%s)", b.File, n-notesPerKind, k))
		}
	}
	return out
}

// Label maps l through the label map and records it, at line, if the
// schema lacks it; it refuses an empty label.
func (b *Builder) Label(l corpus.Label, line int) (corpus.Label, error) {
	if to, ok := b.Opts.LabelMap[l]; ok {
		l = to
	}
	if l == "" {
		return "", b.Errorf(line, "empty label")
	}
	if b.Opts.Schema != nil && !b.Opts.Schema.Has(l) {
		if b.unknown.Labels == nil {
			b.unknown.Labels = map[corpus.Label]int{}
			b.unknown.FirstLine = map[corpus.Label]int{}
		}
		if _, ok := b.unknown.FirstLine[l]; !ok {
			b.unknown.FirstLine[l] = line
		}
		b.unknown.Labels[l]++
	}
	return l, nil
}

// Span returns a span completed as jsonl.Decode completes one: a new ID,
// the options' annotator and the import time.
func (b *Builder) Span(start, end int, label corpus.Label) corpus.Span {
	return corpus.Span{ID: uuid.NewString(), Start: start, End: end, Label: label, Annotator: b.Opts.Annotator, Created: b.Now}
}

// Doc completes and checks a document read at line: the ID is id, or the
// text's jsonl.ContentID when id is empty (suffixed -2, -3, … with a note
// when two texts are equal); a given id used twice is refused. The title is
// title or the ID, the status new unless given, the times the import time;
// spans are sorted and must validate, without overlaps.
func (b *Builder) Doc(line int, id, title, text string, status corpus.Status, spans []corpus.Span) (corpus.Document, error) {
	if text == "" {
		return corpus.Document{}, b.Errorf(line, "the document has no text")
	}
	derived := id == ""
	if derived {
		id = jsonl.ContentID(text)
		base := id
		for n := 2; ; n++ {
			prev, dup := b.ids[id]
			if !dup {
				break
			}
			if n == 2 {
				b.Note("duplicate text", line, "the document's text equals the one on line %d; it gets id %s-%d", prev, base, n)
			}
			id = fmt.Sprintf("%s-%d", base, n)
		}
	} else if prev, dup := b.ids[id]; dup {
		return corpus.Document{}, b.Errorf(line, "duplicate document id %q: also used on line %d", id, prev)
	}
	b.ids[id] = line
	if title == "" {
		title = id
	}
	if status == "" {
		status = corpus.StatusNew
	}
	if spans == nil {
		spans = []corpus.Span{}
	}
	corpus.SortSpans(spans)
	d := corpus.Document{ID: id, Title: title, Text: text, Status: status, Spans: spans, Created: b.Now, Modified: b.Now}
	if err := corpus.Validate(&d, nil); err != nil {
		return corpus.Document{}, b.Errorf(line, "document %q: %v", id, err)
	}
	return d, nil
}

// Finish returns the unknown labels met, as a *jsonl.UnknownLabelsError
// wrapped in a *corpus.FileError at the first line with one, or nil.
func (b *Builder) Finish() error {
	if len(b.unknown.Labels) == 0 {
		return nil
	}
	u := b.unknown
	first := 0
	for _, n := range u.FirstLine {
		if first == 0 || n < first {
			first = n
		}
	}
	return &corpus.FileError{File: u.File, Line: first, Err: &u}
}

// ReadAll reads a whole file of at most jsonl.MaxFileSize bytes, drops a
// leading byte-order mark and checks that the rest is UTF-8.
func (b *Builder) ReadAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, jsonl.MaxFileSize+1))
	if err != nil {
		return nil, b.Errorf(0, "reading the file: %v", err)
	}
	if len(data) > jsonl.MaxFileSize {
		return nil, b.Errorf(0, "the file is larger than the import limit of %d MiB", jsonl.MaxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, BOM)
	if err := b.CheckUTF8(data); err != nil {
		return nil, err
	}
	return data, nil
}

// CheckJSON returns an error at the line of JSON data's first lone UTF-16
// surrogate escape (jsonl.LoneSurrogate), which decoding would turn into U+FFFD.
func (b *Builder) CheckJSON(data []byte) error {
	i := jsonl.LoneSurrogate(data)
	if i < 0 {
		return nil
	}
	line := bytes.Count(data[:i], []byte("\n")) + 1
	return b.Errorf(line, "a lone UTF-16 surrogate %s: JSON text must pair each surrogate (raqim refuses it rather than change the text)", data[i:i+6])
}

// CheckUTF8 returns an error at the line of data's first invalid byte.
func (b *Builder) CheckUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	off := 0
	for off < len(data) {
		r, w := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && w <= 1 {
			break
		}
		off += w
	}
	line := bytes.Count(data[:off], []byte("\n")) + 1
	col := utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
	msg := fmt.Sprintf("invalid UTF-8: byte 0x%02X at column %d", data[off], col)
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		msg += " (the file looks like UTF-16)"
	}
	return b.Errorf(line, "%s; save the file as UTF-8", msg)
}

// Clip shortens a value quoted in a message to 60 code points.
func Clip(s string) string {
	const most = 60
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}

// Lines splits data into lines at LF, dropping one CR before each LF.
func Lines(data []byte) []string {
	s := string(data)
	lines := strings.Split(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}
