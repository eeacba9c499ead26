package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/offsets"
)

// Encode writes one JSON line per document, keys in the order id, text,
// spans, meta, or, when any document or span fails its checks, writes
// nothing and returns an error naming the document and the span.
//
// Each line is {"id", "text", "spans": [{"start", "end", "label", "text",
// "attrs" when the span has values}],
// "meta": {..., "annotator" with opts.Attribute, "status", "title"}} with spans sorted, UTF-8 written raw (no
// HTML or non-ASCII escapes) and an LF line end. The checks: a non-empty,
// unique id; non-empty UTF-8 text; a known status; spans in range, non-empty,
// not overlapping, labelled from opts.Schema when given, and, for a span
// whose Attrs carry a "text", that text equal to the text at its offsets.
func Encode(w io.Writer, docs []corpus.Document, opts EncodeOptions) error {
	e := &encoder{opts: opts}
	e.enc = json.NewEncoder(&e.scratch)
	e.enc.SetEscapeHTML(false)
	seen := make(map[string]int, len(docs))
	for i := range docs {
		d := &docs[i]
		if d.ID == "" {
			return fmt.Errorf("document %d (%q): empty id", i+1, format.Clip(d.Title))
		}
		if j, dup := seen[d.ID]; dup {
			return fmt.Errorf("document %q: duplicate id (documents %d and %d)", d.ID, j+1, i+1)
		}
		seen[d.ID] = i
		if err := e.doc(d); err != nil {
			return fmt.Errorf("document %q: %w", d.ID, err)
		}
	}
	_, err := w.Write(e.buf.Bytes())
	return err
}

type encoder struct {
	opts    EncodeOptions
	buf     bytes.Buffer // the whole output
	scratch bytes.Buffer
	enc     *json.Encoder // writes to scratch, no HTML escaping
}

// value appends v as JSON without HTML escaping.
func (e *encoder) value(v any) error {
	e.scratch.Reset()
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	e.buf.Write(bytes.TrimSuffix(e.scratch.Bytes(), []byte("\n")))
	return nil
}

func (e *encoder) str(s string) { _ = e.value(s) } // strings always encode

func (e *encoder) key(k string) {
	e.str(k)
	e.buf.WriteByte(':')
}

func (e *encoder) int(k string, v int) {
	e.buf.WriteByte(',')
	e.key(k)
	e.buf.WriteString(strconv.Itoa(v))
}

// doc checks d and appends its line.
func (e *encoder) doc(d *corpus.Document) error {
	if d.Text == "" {
		return errors.New("empty text")
	}
	if !utf8.ValidString(d.Text) {
		return errors.New("text is not valid UTF-8")
	}
	status := d.Status
	if status == "" {
		status = corpus.StatusNew
	}
	if !status.Valid() {
		return fmt.Errorf("unknown status %q (want new, in_progress or done)", status)
	}
	spans := slices.Clone(d.Spans)
	corpus.SortSpans(spans)
	x := offsets.NewIndex(d.Text)
	if err := corpus.ValidateSpans(spans, x.Len(), e.opts.Schema); err != nil {
		return err
	}
	for i, s := range spans {
		if t, ok := s.Attrs["text"]; ok && t != x.Slice(s.Start, s.End) {
			return &corpus.SpanError{Index: i, Span: s, Reason: fmt.Sprintf(
				"its text %q differs from the text at its offsets %q", format.Clip(t), format.Clip(x.Slice(s.Start, s.End)))}
		}
	}
	// Meta is checked before anything of the line is written.
	metaKeys := make([]string, 0, len(d.Meta))
	for _, k := range sortedKeys(d.Meta) {
		if k == "status" || k == "title" || e.opts.Attribute && k == "annotator" {
			continue
		}
		v := d.Meta[k]
		if !utf8.Valid(v) || !json.Valid(v) {
			return fmt.Errorf("meta %q is not valid JSON: %s", k, format.Clip(string(v)))
		}
		metaKeys = append(metaKeys, k)
	}

	e.buf.WriteByte('{')
	e.key("id")
	e.str(d.ID)
	e.buf.WriteByte(',')
	e.key("text")
	e.str(d.Text)
	e.buf.WriteByte(',')
	e.key("spans")
	e.buf.WriteByte('[')
	for i, s := range spans {
		if i > 0 {
			e.buf.WriteByte(',')
		}
		if err := e.span(s, x); err != nil {
			return &corpus.SpanError{Index: i, Span: s, Reason: err.Error()}
		}
	}
	e.buf.WriteString("],")
	e.key("meta")
	e.buf.WriteByte('{')
	for _, k := range metaKeys {
		e.key(k)
		_ = json.Compact(&e.buf, d.Meta[k]) // checked above
		e.buf.WriteByte(',')
	}
	if e.opts.Attribute {
		e.key("annotator")
		e.str(DocAnnotator(d, e.opts.Annotator))
		e.buf.WriteByte(',')
	}
	e.key("status")
	e.str(string(status))
	e.buf.WriteByte(',')
	e.key("title")
	e.str(d.Title)
	e.buf.WriteString("}}\n")
	return nil
}

// span appends one span object.
func (e *encoder) span(s corpus.Span, x *offsets.Index) error {
	e.buf.WriteByte('{')
	e.key("start")
	e.buf.WriteString(strconv.Itoa(s.Start))
	e.int("end", s.End)
	e.buf.WriteByte(',')
	e.key("label")
	e.str(string(s.Label))
	e.buf.WriteByte(',')
	e.key("text")
	e.str(x.Slice(s.Start, s.End))
	if e.opts.Units {
		e.int("start_utf16", x.UTF16(s.Start))
		e.int("end_utf16", x.UTF16(s.End))
		e.int("start_byte", x.Byte(s.Start))
		e.int("end_byte", x.Byte(s.End))
	}
	if e.opts.Annotations && s.ID != "" {
		e.buf.WriteByte(',')
		e.key("id")
		e.str(s.ID)
	}
	if (e.opts.Annotations || e.opts.Attribute) && s.Annotator != "" {
		e.buf.WriteByte(',')
		e.key("annotator")
		e.str(s.Annotator)
	}
	// A span's values (and the source that proposed it) are data: always written.
	if len(s.Attrs) > 0 {
		e.buf.WriteByte(',')
		e.key("attrs")
		if err := e.value(s.Attrs); err != nil {
			return err
		}
	}
	if e.opts.Annotations {
		if !s.Created.IsZero() {
			e.buf.WriteByte(',')
			e.key("created")
			e.str(s.Created.Format(time.RFC3339Nano))
		}
	}
	e.buf.WriteByte('}')
	return nil
}

// DocAnnotator returns the annotator of d's own spans: the one most of its
// spans name (ties to fallback when it is among them, else to the first by
// name), else d's meta.annotator when a string, else fallback.
func DocAnnotator(d *corpus.Document, fallback string) string {
	counts := map[string]int{}
	for _, s := range d.Spans {
		if s.Annotator != "" {
			counts[s.Annotator]++
		}
	}
	best, n := "", 0
	for a, c := range counts {
		if c > n || c == n && (a == fallback || best != fallback && a < best) {
			best, n = a, c
		}
	}
	if best != "" {
		return best
	}
	var meta string
	if v, ok := d.Meta["annotator"]; ok && json.Unmarshal(v, &meta) == nil && meta != "" {
		return meta
	}
	return fallback
}
