package format

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"time"

	"github.com/google/uuid"

	"github.com/raqim/raqim/internal/corpus"
)

// notesPerKind is how many notes of one kind are listed one by one.
const notesPerKind = 5

// ContentID returns the ID raqim derives from a document's text: "doc-"
// followed by the first 16 hex digits of the SHA-256 of the text.
func ContentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "doc-" + hex.EncodeToString(sum[:])[:16]
}

// Builder completes and checks the documents one file holds, by the one
// rule of every format, and gathers its unknown labels and notes. It is not
// safe for concurrent use.
type Builder struct {
	File    string
	Opts    Options
	Now     time.Time // the import time
	unknown UnknownLabelsError
	ids     map[string]int // document ID → line
	notes   []*Error
	kinds   map[string]int // notes seen per kind
	order   []string       // kinds in order of first note
}

// New returns a Builder for the file name, stamping the import time of opts.
func New(name string, opts Options) *Builder {
	b := &Builder{File: name, Opts: opts, Now: opts.now(), ids: map[string]int{}, kinds: map[string]int{}}
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

// Errorf returns the *Error key with args at line (0 for none) of the file.
func (b *Builder) Errorf(line int, key string, args ...any) error {
	return Errorf(b.File, line, key, args...)
}

// Wrap returns err placed at line of the file (see At).
func (b *Builder) Wrap(line int, err error) error { return At(b.File, line, err) }

// Note records a message for the user, the note key with args at line (0
// for none) of the file, as an *Error (a note is no error, but it is a
// message placed in a file, to translate as one). kind groups notes so that
// only the first few of a kind are listed and the rest counted; it is a
// message key too, shown in that count.
func (b *Builder) Note(kind string, line int, key string, args ...any) {
	n := b.kinds[kind]
	if n == 0 {
		b.order = append(b.order, kind)
	}
	b.kinds[kind] = n + 1
	if n < notesPerKind {
		b.notes = append(b.notes, Errorf(b.File, line, key, args...))
	}
}

// Notes returns the notes, with a count of those of each kind not listed:
// "%d more like this (%s)" in the file, whose kind is an argument that is
// itself a message (an *Error of the kind as key), to be translated too.
func (b *Builder) Notes() []*Error {
	out := append([]*Error(nil), b.notes...)
	for _, k := range b.order {
		if n := b.kinds[k]; n > notesPerKind {
			out = append(out, Errorf(b.File, 0, "%d more like this (%s)", n-notesPerKind, &Error{Key: k}))
		}
	}
	return out
}

// Map returns l through the label map.
func (b *Builder) Map(l corpus.Label) corpus.Label {
	if to, ok := b.Opts.LabelMap[l]; ok {
		return to
	}
	return l
}

// Check records l, at line, when the schema lacks it: Finish reports it.
func (b *Builder) Check(l corpus.Label, line int) {
	if b.Opts.Schema != nil && !b.Opts.Schema.Has(l) {
		b.unknown.Add(l, line)
	}
}

// Unknown reports whether a label the schema lacks has been met.
func (b *Builder) Unknown() bool { return len(b.unknown.Labels) > 0 }

// Label maps l through the label map and records it, at line, if the
// schema lacks it; it refuses an empty label.
func (b *Builder) Label(l corpus.Label, line int) (corpus.Label, error) {
	l = b.Map(l)
	if l == "" {
		return "", b.Errorf(line, "empty label")
	}
	b.Check(l, line)
	return l, nil
}

// Span returns a span made complete (CompleteSpan).
func (b *Builder) Span(start, end int, label corpus.Label) corpus.Span {
	s := corpus.Span{Start: start, End: end, Label: label}
	b.CompleteSpan(&s)
	return s
}

// CompleteSpan gives a span what the file did not: a new ID, the options'
// annotator, the import time as its creation time; empty attributes are none.
func (b *Builder) CompleteSpan(s *corpus.Span) {
	if len(s.Attrs) == 0 {
		s.Attrs = nil // "attrs": {} is no attributes, as the writers write them
	}
	if s.ID == "" {
		s.ID = uuid.NewString()
	}
	if s.Annotator == "" {
		s.Annotator = b.Opts.Annotator
	}
	if s.Created.IsZero() {
		s.Created = b.Now
	}
}

// ID returns the ID of the document of text read at line: id, or when id
// is empty the text's ContentID. It refuses an ID already read in the
// file: a given ID used twice, or a text read twice without an ID.
func (b *Builder) ID(line int, id, text string) (string, error) {
	derived := id == ""
	if derived {
		id = ContentID(text)
	}
	if prev, dup := b.ids[id]; dup {
		if derived {
			return "", b.Errorf(line, "duplicate document: the text is the same as on line %d (no \"id\" given, both get id %q)", prev, id)
		}
		return "", b.Errorf(line, "duplicate id %q: also used on line %d", id, prev)
	}
	b.ids[id] = line
	return id, nil
}

// Complete gives a document, whose ID came from ID, what the file did not:
// its ID as its title unless titled, the status new, the import time as
// its times, an empty list of spans.
func (b *Builder) Complete(d *corpus.Document, titled bool) {
	if !titled {
		d.Title = d.ID
	}
	if d.Status == "" {
		d.Status = corpus.StatusNew
	}
	if d.Created.IsZero() {
		d.Created = b.Now
	}
	if d.Modified.IsZero() {
		d.Modified = b.Now
	}
	if d.Spans == nil {
		d.Spans = []corpus.Span{}
	}
}

// Doc makes and checks the document read at line: its ID by ID, its title
// title (its ID when title is empty), the rest by Complete, its spans
// sorted; it must validate, its spans without overlaps.
func (b *Builder) Doc(line int, id, title, text string, status corpus.Status, spans []corpus.Span) (corpus.Document, error) {
	if text == "" {
		return corpus.Document{}, b.Errorf(line, "the document has no text")
	}
	id, err := b.ID(line, id, text)
	if err != nil {
		return corpus.Document{}, err
	}
	d := corpus.Document{ID: id, Title: title, Text: text, Status: status, Spans: spans}
	b.Complete(&d, title != "")
	corpus.SortSpans(d.Spans)
	if err := corpus.Validate(&d, nil); err != nil {
		return corpus.Document{}, b.Errorf(line, "document %q: %v", id, err)
	}
	return d, nil
}

// Finish returns the unknown labels met, as an *UnknownLabelsError placed
// at the first line with one, or nil.
func (b *Builder) Finish() error {
	u := b.unknown
	return u.Placed()
}

// ReadAll reads a whole file of at most MaxFileSize bytes, drops a leading
// byte-order mark and checks that the rest is UTF-8.
func (b *Builder) ReadAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, b.Errorf(0, "reading the file: %v", err)
	}
	if len(data) > MaxFileSize {
		return nil, b.Errorf(0, "the file is larger than the import limit of %d MiB", MaxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, BOM)
	if err := b.CheckUTF8(data); err != nil {
		return nil, err
	}
	return data, nil
}

// CheckUTF8 is CheckUTF8 of the whole file.
func (b *Builder) CheckUTF8(data []byte) error { return CheckUTF8(b.File, 1, data) }

// CheckJSON is CheckJSON of the whole file.
func (b *Builder) CheckJSON(data []byte) error { return CheckJSON(b.File, 1, data) }
