package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/offsets"
)

// Decode reads one document per non-blank line of r and refuses the whole
// file, returning a *format.Error that names the file and the 1-based line,
// at the first malformed line or span.
//
// Lines may be raqim, gold or Prodigy objects ({"id"?, "text", "meta"?,
// "spans"?: [{"start", "end", "label", "text"?, ...}]}) or doccano ones
// ({"text", "label" or "labels": [[start, end, "LABEL"], ...]}). Offsets are
// code points into the text exactly as in the JSON string; a leading BOM of
// the file is dropped. Labels outside opts.Schema (after opts.LabelMap) are
// collected over the whole file into one *format.UnknownLabelsError.
// Documents are completed by format.Builder: a given "meta.title", even
// empty, is the title.
func Decode(name string, r io.Reader, opts DecodeOptions) ([]corpus.Document, error) {
	return decode(name, r, opts, format.MaxFileSize)
}

// Check reads r as Decode does and returns the error Decode would, keeping
// no document: a file can be checked whole before any of it is stored.
func Check(name string, r io.Reader, opts DecodeOptions) error {
	_, err := decodeEach(name, r, Position{}, opts, format.MaxFileSize, func(*corpus.Document, Position) error { return nil })
	return err
}

// Position is a place in a JSONL file at the start of a line: the bytes and
// the lines before it.
type Position struct {
	Offset int64
	Line   int
}

// DecodeFrom reads r as Decode does, from a position in the file (which r
// starts at), and hands the documents to fn in runs of up to n, in order,
// holding no more than n at a time, each with the position after its last
// document, where a later DecodeFrom may go on. It stops at the first error,
// fn's included, and returns it; runs handed over before it stay handed
// over. Lines are numbered in the
// whole file; documents are checked against the rest only (Check the whole
// file first), and the rest may hold none.
func DecodeFrom(name string, r io.Reader, from Position, opts DecodeOptions, n int, fn func(docs []corpus.Document, end Position) error) error {
	run := make([]corpus.Document, 0, n)
	var last Position
	_, err := decodeEach(name, r, from, opts, format.MaxFileSize, func(d *corpus.Document, end Position) error {
		last = end
		if run = append(run, *d); len(run) < n {
			return nil
		}
		err := fn(run, end)
		run = make([]corpus.Document, 0, n)
		return err
	})
	if err == nil && len(run) > 0 {
		err = fn(run, last)
	}
	return err
}

type decoder struct {
	name string
	b    *format.Builder // the options, the document IDs read, the unknown labels
}

// errorf returns a problem on the line being decoded, which decodeEach
// places at the line.
func errorf(key string, args ...any) error { return format.Msg(key, args...) }

func decode(name string, r io.Reader, opts DecodeOptions, limit int64) ([]corpus.Document, error) {
	var docs []corpus.Document
	if _, err := decodeEach(name, r, Position{}, opts, limit, func(d *corpus.Document, _ Position) error {
		docs = append(docs, *d)
		return nil
	}); err != nil {
		return nil, err
	}
	return docs, nil
}

// decodeEach decodes r, the file from position from, line by line, handing
// each document to keep with the position after its line (keep's error
// stops it, returned as is), and returns how many there were.
func decodeEach(name string, r io.Reader, from Position, opts DecodeOptions, limit int64, keep func(*corpus.Document, Position) error) (int, error) {
	d := &decoder{name: name, b: format.New(name, opts)}
	fail := func(line int, err error) (int, error) {
		return 0, format.At(name, line, err)
	}

	br := bufio.NewReaderSize(r, 64<<10)
	var (
		count int
		total = from.Offset
		line  []byte
	)
	for n := from.Line + 1; ; n++ {
		line = line[:0]
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			total += int64(len(chunk))
			if int64(len(line))+int64(len(chunk)) > min(limit, format.MaxLine) {
				return fail(n, errorf("line is longer than the import limit of %s", size(min(limit, format.MaxLine))))
			}
			if total > limit {
				return fail(n, errorf("file is larger than the import limit of %s", size(limit)))
			}
			line = append(line, chunk...)
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return fail(n, errorf("reading the file: %v", err))
		}
		doc, derr := d.line(n, line)
		if derr != nil {
			return fail(n, derr)
		}
		if doc != nil {
			count++
			// Documents are kept only while no label is unknown: such a file
			// is refused, and is read to its end only to list them all.
			if !d.b.Unknown() {
				if err := keep(doc, Position{Offset: total, Line: n}); err != nil {
					return 0, err
				}
			}
		}
		if err == io.EOF {
			break
		}
	}
	if err := d.b.Finish(); err != nil {
		return 0, err
	}
	if count == 0 && from == (Position{}) {
		return fail(0, errorf("no documents: the file is empty or has only blank lines"))
	}
	return count, nil
}

// size renders a byte count for messages.
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// line decodes line n (raw, with its line end); it returns nil for a blank line.
func (d *decoder) line(n int, raw []byte) (*corpus.Document, error) {
	if n == 1 {
		raw = bytes.TrimPrefix(raw, format.BOM)
	}
	raw = bytes.TrimSuffix(raw, []byte("\n"))
	raw = bytes.TrimSuffix(raw, []byte("\r"))
	if err := format.CheckUTF8(d.name, n, raw); err != nil {
		return nil, err
	}
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 {
		return nil, nil
	}
	if bytes.HasPrefix(trimmed, format.BOM) {
		return nil, errorf("a byte-order mark (U+FEFF) starts the line; it is allowed only at the start of the file")
	}
	if err := format.CheckJSON(d.name, n, raw); err != nil {
		return nil, err
	}
	// An object line is checked by its decoding alone (json.Unmarshal
	// checks the whole input before it decodes it); any other line is
	// refused, as invalid JSON first.
	if kind(trimmed) != "object" {
		var probe any
		if err := unmarshal(trimmed, &probe); err != nil {
			return nil, err
		}
		return nil, errorf("the line is a JSON %s, not an object with a \"text\" field", kind(trimmed))
	}
	var obj map[string]json.RawMessage
	if err := unmarshal(trimmed, &obj); err != nil {
		return nil, err
	}
	return d.object(n, obj)
}

// unmarshal decodes JSON into v, describing a syntax error by its column.
func unmarshal(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			col := utf8.RuneCount(data[:min(max(int(se.Offset), 0), len(data))])
			return errorf("invalid JSON near column %d: %v", col, err)
		}
		return errorf("invalid JSON: %v", err)
	}
	return nil
}

// kind names the type of a JSON value from its first byte.
func kind(v []byte) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	default:
		return "number"
	}
}

func isNull(v json.RawMessage) bool { return len(v) == 0 || string(bytes.TrimSpace(v)) == "null" }

// str decodes a JSON string value; what names the field for the error.
func str(v json.RawMessage, what string) (string, error) {
	if kind(v) != "string" {
		return "", errorf("%s must be a string, got a %s", what, kind(v))
	}
	// A string without escapes is read as the span scanner reads one.
	sc := scanner{b: v}
	if plain, ok := sc.str(); ok && sc.end() {
		return plain, nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", errorf("%s: %v", what, err)
	}
	return s, nil
}

// integer decodes a JSON integer; what names the field for the error.
func integer(v json.RawMessage, what string) (int, error) {
	if v == nil {
		return 0, errorf("missing %s", what)
	}
	if kind(v) != "number" {
		return 0, errorf("%s must be an integer, got a %s %s", what, kind(v), format.Clip(string(v)))
	}
	i, err := strconv.Atoi(string(bytes.TrimSpace(v)))
	if err != nil {
		return 0, errorf("%s must be an integer, got %s", what, format.Clip(string(v)))
	}
	return i, nil
}

// number renders a JSON number as a decimal string, for IDs.
func number(v json.RawMessage) string {
	lit := string(bytes.TrimSpace(v))
	if i, err := strconv.ParseInt(lit, 10, 64); err == nil {
		return strconv.FormatInt(i, 10)
	}
	if !strings.ContainsAny(lit, ".eE") {
		return lit
	}
	if f, err := strconv.ParseFloat(lit, 64); err == nil && !math.IsInf(f, 0) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return lit
}

// object turns the JSON object of line n into a document.
func (d *decoder) object(n int, obj map[string]json.RawMessage) (*corpus.Document, error) {
	doc := &corpus.Document{Status: corpus.StatusNew, Created: d.b.Now, Modified: d.b.Now}

	rawText, ok := obj["text"]
	if !ok || isNull(rawText) {
		return nil, errorf(`missing "text" field`)
	}
	text, err := str(rawText, `"text"`)
	if err != nil {
		return nil, err
	}
	if text == "" {
		return nil, errorf(`"text" is empty`)
	}
	doc.Text = text

	// ID: given, or derived from the text.
	switch v := obj["id"]; {
	case isNull(v):
	case kind(v) == "string":
		if doc.ID, err = str(v, `"id"`); err != nil {
			return nil, err
		}
	case kind(v) == "number":
		doc.ID = number(v)
	default:
		return nil, errorf(`"id" must be a string or a number, got a %s`, kind(v))
	}
	if doc.ID, err = d.b.ID(n, doc.ID, text); err != nil {
		return nil, err
	}

	// Shape: doccano when there are no "spans" but an array of labels.
	labelKey := ""
	if _, hasSpans := obj["spans"]; !hasSpans {
		for _, k := range []string{"label", "labels"} {
			if v, ok := obj[k]; ok && kind(v) == "array" {
				labelKey = k
				break
			}
		}
	}

	// Meta, then status and title out of it.
	meta := map[string]json.RawMessage{}
	if labelKey != "" {
		for k, v := range obj {
			switch k {
			case "id", "text", "label", "labels", "meta":
			default:
				meta[k] = v
			}
		}
	}
	title, hasTitle := "", false
	if v := obj["meta"]; !isNull(v) {
		if kind(v) != "object" {
			return nil, errorf(`"meta" must be an object, got a %s`, kind(v))
		}
		var m map[string]json.RawMessage
		if err := unmarshal(v, &m); err != nil {
			return nil, err
		}
		for k, mv := range m {
			switch k {
			case "status":
				if isNull(mv) {
					continue
				}
				s, err := str(mv, `"meta.status"`)
				if err != nil {
					return nil, err
				}
				if st := corpus.Status(s); !st.Valid() {
					return nil, errorf(`unknown "meta.status" %q (want new, in_progress or done)`, s)
				}
				doc.Status = corpus.Status(s)
			case "title":
				if isNull(mv) {
					continue
				}
				if title, err = str(mv, `"meta.title"`); err != nil {
					return nil, err
				}
				hasTitle = true
			default:
				meta[k] = mv
			}
		}
	}
	doc.Title = title
	if len(meta) > 0 {
		doc.Meta = meta
	}

	x := offsets.NewIndex(text)
	if err := corpus.CheckLength(x.Len()); err != nil {
		return nil, err
	}
	var spans []rawSpan
	if labelKey != "" {
		spans, err = doccanoSpans(obj[labelKey], labelKey)
	} else {
		spans, err = prodigySpans(obj["spans"])
	}
	if err != nil {
		return nil, err
	}
	doc.Spans = make([]corpus.Span, 0, len(spans))
	for i, rs := range spans {
		s, err := d.span(n, i, rs, x)
		if err != nil {
			return nil, err
		}
		doc.Spans = append(doc.Spans, s)
	}
	corpus.SortSpans(doc.Spans)
	for i := 1; i < len(doc.Spans); i++ {
		p, s := doc.Spans[i-1], doc.Spans[i]
		if p.Overlaps(s) {
			return nil, errorf("span [%d,%d) %s %q overlaps span [%d,%d) %s %q: spans must not overlap",
				p.Start, p.End, p.Label, format.Clip(x.Slice(p.Start, p.End)),
				s.Start, s.End, s.Label, format.Clip(x.Slice(s.Start, s.End)))
		}
	}
	if err := corpus.ValidateSpans(doc.Spans, x.Len(), nil); err != nil {
		return nil, err
	}
	d.b.Complete(doc, hasTitle)
	return doc, nil
}

// rawSpan is a span as read, before checks.
type rawSpan struct {
	start, end        int
	label             corpus.Label
	text              *string // the "text" field, when given
	id, annotator     string
	attrs             map[string]string
	created, modified time.Time
}

// spanTime reads a span's "created" or "modified" time (RFC 3339).
func spanTime(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

// prodigySpans reads a "spans" array of objects.
func prodigySpans(v json.RawMessage) ([]rawSpan, error) {
	if isNull(v) {
		return nil, nil
	}
	if kind(v) != "array" {
		return nil, errorf(`"spans" must be an array, got a %s`, kind(v))
	}
	if out, ok := scanSpans(v); ok {
		return out, nil
	}
	if out, ok := fastSpans(v); ok {
		return out, nil
	}
	var items []json.RawMessage
	if err := unmarshal(v, &items); err != nil {
		return nil, err
	}
	out := make([]rawSpan, 0, len(items))
	for i, item := range items {
		what := fmt.Sprintf("span %d", i+1)
		if kind(item) != "object" {
			return nil, errorf("%s must be an object {\"start\", \"end\", \"label\"}, got a %s", what, kind(item))
		}
		var m map[string]json.RawMessage
		if err := unmarshal(item, &m); err != nil {
			return nil, err
		}
		var rs rawSpan
		var err error
		if rs.start, err = integer(m["start"], what+` "start"`); err != nil {
			return nil, err
		}
		if rs.end, err = integer(m["end"], what+` "end"`); err != nil {
			return nil, err
		}
		if isNull(m["label"]) {
			return nil, errorf(`%s [%d,%d): missing "label"`, what, rs.start, rs.end)
		}
		l, err := str(m["label"], what+` "label"`)
		if err != nil {
			return nil, err
		}
		rs.label = corpus.Label(l)
		if v := m["text"]; !isNull(v) {
			t, err := str(v, what+` "text"`)
			if err != nil {
				return nil, err
			}
			rs.text = &t
		}
		switch v := m["id"]; {
		case isNull(v):
		case kind(v) == "number":
			rs.id = number(v)
		default:
			if rs.id, err = str(v, what+` "id"`); err != nil {
				return nil, err
			}
		}
		if v := m["annotator"]; !isNull(v) {
			if rs.annotator, err = str(v, what+` "annotator"`); err != nil {
				return nil, err
			}
		}
		if v := m["attrs"]; !isNull(v) {
			if rs.attrs, err = attrs(v, what); err != nil {
				return nil, err
			}
		}
		for _, f := range []struct {
			key string
			t   *time.Time
		}{{"created", &rs.created}, {"modified", &rs.modified}} {
			v := m[f.key]
			if isNull(v) {
				continue
			}
			s, err := str(v, what+` "`+f.key+`"`)
			if err != nil {
				return nil, err
			}
			var ok bool
			if *f.t, ok = spanTime(s); !ok {
				return nil, errorf("%s %q is not an RFC 3339 time: %q", what, f.key, s)
			}
		}
		out = append(out, rs)
	}
	return out, nil
}

// fastSpan is a span of the common shape, read in one pass.
type fastSpan struct {
	Start     *int              `json:"start"`
	End       *int              `json:"end"`
	Label     *string           `json:"label"`
	Text      *string           `json:"text"`
	ID        *string           `json:"id"`
	Annotator *string           `json:"annotator"`
	Attrs     map[string]string `json:"attrs"`
	Created   *string           `json:"created"`
	Modified  *string           `json:"modified"`
}

// fastSpans reads a "spans" array whose every span has the common shape
// (integer offsets, string fields) in one pass, which is several times
// faster than field by field; ok is false for anything else, which the
// field-by-field reader then reads or explains.
func fastSpans(v json.RawMessage) (out []rawSpan, ok bool) {
	var fs []fastSpan
	if json.Unmarshal(v, &fs) != nil {
		return nil, false
	}
	out = make([]rawSpan, len(fs))
	for i, f := range fs {
		if f.Start == nil || f.End == nil || f.Label == nil {
			return nil, false
		}
		rs := rawSpan{start: *f.Start, end: *f.End, label: corpus.Label(*f.Label), text: f.Text, attrs: f.Attrs}
		if f.ID != nil {
			rs.id = *f.ID
		}
		if f.Annotator != nil {
			rs.annotator = *f.Annotator
		}
		for _, t := range []struct {
			s *string
			t *time.Time
		}{{f.Created, &rs.created}, {f.Modified, &rs.modified}} {
			if t.s == nil {
				continue
			}
			var ok bool
			if *t.t, ok = spanTime(*t.s); !ok {
				return nil, false
			}
		}
		out[i] = rs
	}
	return out, true
}

// attrs reads a span's "attrs" object; values that are not strings keep their JSON text.
func attrs(v json.RawMessage, what string) (map[string]string, error) {
	if kind(v) != "object" {
		return nil, errorf(`%s "attrs" must be an object, got a %s`, what, kind(v))
	}
	var m map[string]json.RawMessage
	if err := unmarshal(v, &m); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(m))
	for k, av := range m {
		if kind(av) == "string" {
			s, err := str(av, what+` attribute "`+k+`"`)
			if err != nil {
				return nil, err
			}
			out[k] = s
			continue
		}
		var b bytes.Buffer
		if err := json.Compact(&b, av); err != nil {
			return nil, errorf("%s attribute %q: %v", what, k, err)
		}
		out[k] = b.String()
	}
	return out, nil
}

// doccanoSpans reads doccano's [[start, end, "LABEL"], ...].
func doccanoSpans(v json.RawMessage, key string) ([]rawSpan, error) {
	if out, ok := scanSpans(v); ok {
		return out, nil
	}
	if out, ok := fastSpans(v); ok {
		return out, nil
	}
	var items []json.RawMessage
	if err := unmarshal(v, &items); err != nil {
		return nil, err
	}
	out := make([]rawSpan, 0, len(items))
	for i, item := range items {
		what := fmt.Sprintf("%q entry %d", key, i+1)
		var parts []json.RawMessage
		if kind(item) == "array" {
			if err := unmarshal(item, &parts); err != nil {
				return nil, err
			}
		}
		if len(parts) != 3 {
			return nil, errorf("%s must be [start, end, \"LABEL\"], got %s", what, format.Clip(string(item)))
		}
		var rs rawSpan
		var err error
		if rs.start, err = integer(parts[0], what+" start"); err != nil {
			return nil, err
		}
		if rs.end, err = integer(parts[1], what+" end"); err != nil {
			return nil, err
		}
		l, err := str(parts[2], what+" label")
		if err != nil {
			return nil, err
		}
		rs.label = corpus.Label(l)
		out = append(out, rs)
	}
	return out, nil
}

// span checks span i of line n against the text and completes it.
func (d *decoder) span(n, i int, rs rawSpan, x *offsets.Index) (corpus.Span, error) {
	label := d.b.Map(rs.label)
	// where names the span in an error (made only for one: formatting it
	// for every span cost a long document's open about 40 ms in the page).
	where := func() string { return fmt.Sprintf("span %d [%d,%d) %s", i+1, rs.start, rs.end, label) }
	switch {
	case label == "":
		return corpus.Span{}, errorf("span %d [%d,%d): empty label", i+1, rs.start, rs.end)
	case rs.start < 0 || rs.end > x.Len():
		return corpus.Span{}, errorf("%s: out of range: the text has %d code points", where(), x.Len())
	case rs.start >= rs.end:
		return corpus.Span{}, errorf("%s: start must be less than end", where())
	}
	got := x.Slice(rs.start, rs.end)
	if rs.text != nil && *rs.text != got {
		return corpus.Span{}, errorf("%s: its \"text\" is %q but the text at [%d,%d) is %q", where(), format.Clip(*rs.text), rs.start, rs.end, format.Clip(got))
	}
	if t, ok := rs.attrs["text"]; ok && t != got {
		return corpus.Span{}, errorf("%s: its attrs \"text\" is %q but the text at [%d,%d) is %q", where(), format.Clip(t), rs.start, rs.end, format.Clip(got))
	}
	d.b.Check(label, n)
	s := corpus.Span{
		ID: rs.id, Start: rs.start, End: rs.end, Label: label,
		Annotator: rs.annotator, Created: rs.created, Modified: rs.modified, Attrs: rs.attrs,
	}
	d.b.CompleteSpan(&s)
	return s, nil
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
