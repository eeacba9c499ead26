package store

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

// AppendSpan appends sp's JSON encoding, the same object encoding/json
// writes for a corpus.Span (fields in the same order, the same omissions),
// without reflection: storing a long document's spans in the browser is
// dominated by this encoding.
func AppendSpan(b []byte, sp corpus.Span) []byte {
	b = append(b, '{')
	if sp.ID != "" {
		b = append(b, `"id":`...)
		b = appendString(b, sp.ID)
		b = append(b, ',')
	}
	b = append(b, `"start":`...)
	b = strconv.AppendInt(b, int64(sp.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(sp.End), 10)
	b = append(b, `,"label":`...)
	b = appendString(b, string(sp.Label))
	if sp.Annotator != "" {
		b = append(b, `,"annotator":`...)
		b = appendString(b, sp.Annotator)
	}
	for _, t := range []struct {
		key string
		t   time.Time
	}{{"created", sp.Created}, {"modified", sp.Modified}} {
		if t.t.IsZero() {
			continue
		}
		b = append(b, `,"`...)
		b = append(b, t.key...)
		b = append(b, `":"`...)
		b = t.t.AppendFormat(b, time.RFC3339Nano)
		b = append(b, '"')
	}
	if len(sp.Attrs) > 0 {
		attrs, _ := json.Marshal(sp.Attrs) // a map of strings cannot fail
		b = append(b, `,"attrs":`...)
		b = append(b, attrs...)
	}
	return append(b, '}')
}

// appendString appends s as a JSON string. Like encoding/json with HTML
// escaping off, it escapes quotes, backslashes and control characters, and
// U+2028 and U+2029.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i, r := range s {
		var esc string
		switch {
		case r == '"':
			esc = `\"`
		case r == '\\':
			esc = `\\`
		case r == '\n':
			esc = `\n`
		case r == '\r':
			esc = `\r`
		case r == '\t':
			esc = `\t`
		case r < 0x20 || r == 0x2028 || r == 0x2029 || r == 0xFFFD:
			esc = ""
		default:
			continue
		}
		b = append(b, s[start:i]...)
		if esc != "" {
			b = append(b, esc...)
		} else if r == 0xFFFD {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, '\\', 'u', hex[r>>12&0xF], hex[r>>8&0xF], hex[r>>4&0xF], hex[r&0xF])
		}
		start = i + len(string(r))
		if r == 0xFFFD {
			start = i + 1 // an invalid byte decodes as U+FFFD of width 1
			if len(s) >= i+3 && s[i:i+3] == "\uFFFD" {
				start = i + 3
			}
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// DecodeSpan decodes a span's JSON object as encoding/json decodes it into
// a corpus.Span. Objects as AppendSpan writes them (no escapes, no attrs)
// are read without reflection, the others by encoding/json: reading a
// long document's spans from the browser is dominated by this decoding.
// The span's strings may share memory with s.
func DecodeSpan(s string) (corpus.Span, error) {
	if sp, ok := decodeSpanFast(s); ok {
		return sp, nil
	}
	var sp corpus.Span
	err := json.Unmarshal([]byte(s), &sp)
	return sp, err
}

// A SpanDecoder decodes spans as DecodeSpan does, but gives each span its
// own copy of its label and annotator, one copy shared by all the spans it
// decodes: a label kept (a count per label, say) never keeps alive the
// larger string its span was decoded from. The zero value is ready.
type SpanDecoder struct {
	names []string
}

// Decode decodes one span; see DecodeSpan. Its attributes' keys and values
// are copies too.
func (d *SpanDecoder) Decode(s string) (corpus.Span, error) {
	sp, err := DecodeSpan(s)
	sp.Label = corpus.Label(d.name(string(sp.Label)))
	sp.Annotator = d.name(sp.Annotator)
	if len(sp.Attrs) > 0 {
		own := make(map[string]string, len(sp.Attrs))
		for k, v := range sp.Attrs {
			own[d.name(k)] = d.name(v)
		}
		sp.Attrs = own
	}
	return sp, err
}

// name returns the decoder's copy of s.
func (d *SpanDecoder) name(s string) string {
	if s == "" {
		return ""
	}
	for _, n := range d.names {
		if n == s {
			return n
		}
	}
	s = strings.Clone(s)
	if len(d.names) < 32 {
		d.names = append(d.names, s)
	}
	return s
}

// plain reads the JSON objects our codecs and encoding/json write of our
// records when they need no escapes: keys and string values without
// escapes or control characters, integer values, and objects of strings.
// Its methods read at i and move past what they read; ok is false for
// anything else, which the caller leaves to encoding/json.
type plain struct {
	s string
	i int
}

// str reads a string.
func (p *plain) str() (string, bool) {
	s, i := p.s, p.i
	if i >= len(s) || s[i] != '"' {
		return "", false
	}
	j := i + 1
	for ; j < len(s) && s[j] != '"'; j++ {
		if s[j] == '\\' || s[j] < 0x20 {
			return "", false
		}
	}
	if j >= len(s) {
		return "", false
	}
	v := s[i+1 : j]
	p.i = j + 1
	return v, utf8.ValidString(v)
}

// num reads an integer.
func (p *plain) num() (int, bool) {
	s, j := p.s, p.i
	if j < len(s) && s[j] == '-' {
		j++
	}
	k := j
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == k || (s[k] == '0' && j-k > 1) {
		return 0, false
	}
	n, err := strconv.Atoi(s[p.i:j])
	p.i = j
	return n, err == nil
}

// object reads an object, calling value after each key with the reader
// at the key's value, which value reads.
func (p *plain) object(value func(key string) bool) bool {
	s := p.s
	if p.i >= len(s) || s[p.i] != '{' {
		return false
	}
	p.i++
	if p.i < len(s) && s[p.i] == '}' {
		p.i++
		return true
	}
	for {
		key, ok := p.str()
		if !ok || p.i >= len(s) || s[p.i] != ':' {
			return false
		}
		p.i++
		if !value(key) || p.i >= len(s) {
			return false
		}
		switch s[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return true
		default:
			return false
		}
	}
}

// time reads a string as time.Time's UnmarshalJSON does.
func (p *plain) time(t *time.Time) bool {
	start := p.i
	if _, ok := p.str(); !ok {
		return false
	}
	return t.UnmarshalJSON([]byte(p.s[start:p.i])) == nil
}

// decodeSpanFast decodes s when it is an object of the span's own keys with
// plain values; ok is false for anything else, left to encoding/json.
func decodeSpanFast(s string) (sp corpus.Span, ok bool) {
	p := plain{s: s}
	ok = p.object(func(key string) bool {
		var ok bool
		switch key {
		case "id":
			sp.ID, ok = p.str()
		case "label":
			var l string
			l, ok = p.str()
			sp.Label = corpus.Label(l)
		case "annotator":
			sp.Annotator, ok = p.str()
		case "created":
			ok = p.time(&sp.Created)
		case "modified":
			ok = p.time(&sp.Modified)
		case "start":
			sp.Start, ok = p.num()
		case "end":
			sp.End, ok = p.num()
		case "attrs":
			m := make(map[string]string)
			ok = p.object(func(k string) bool {
				if _, twice := m[k]; twice {
					return false // as encoding/json has it: the last one wins
				}
				v, ok := p.str()
				m[k] = v
				return ok
			})
			sp.Attrs = m
		}
		return ok
	})
	return sp, ok && p.i == len(s)
}

// DecodeLayerInfo decodes a layer's summary as encoding/json decodes it
// into a corpus.LayerInfo, without reflection for one of plain values (no
// curation): listing a corpus' layers is dominated by this decoding. Its
// strings share no memory with s.
func DecodeLayerInfo(s string) (corpus.LayerInfo, error) {
	var in corpus.LayerInfo
	p := plain{s: s}
	if p.object(func(key string) bool {
		var ok bool
		switch key {
		case "name":
			in.Name, ok = p.str()
		case "kind":
			var k string
			k, ok = p.str()
			in.Kind = corpus.LayerKind(k)
		case "count":
			in.Count, ok = p.num()
		case "imported":
			ok = p.time(&in.Imported)
		case "source":
			in.Source, ok = p.str()
		}
		return ok
	}) && p.i == len(s) {
		// Kept in lists, they share no memory with s.
		in.Name, in.Kind, in.Source = strings.Clone(in.Name), corpus.LayerKind(strings.Clone(string(in.Kind))), strings.Clone(in.Source)
		return in, nil
	}
	in = corpus.LayerInfo{}
	err := json.Unmarshal([]byte(s), &in)
	return in, err
}

// AppendSpanLines appends spans to b, each as AppendSpan writes it, one a
// line.
func AppendSpanLines(b []byte, spans []corpus.Span) []byte {
	for i, sp := range spans {
		if i > 0 {
			b = append(b, '\n')
		}
		b = AppendSpan(b, sp)
	}
	return b
}

// spanLineGuess is about the bytes of a stored span's line, to size the
// slice DecodeSpanLines fills without counting the lines first.
const spanLineGuess = 128

// DecodeSpanLines decodes spans as AppendSpanLines writes them, in order.
// The spans share no memory with lines, so that keeping them does not keep
// lines: a SpanDecoder copies their labels, annotators and attributes, and
// their IDs are parts of one string of their own.
func DecodeSpanLines(lines string) ([]corpus.Span, error) {
	spans := make([]corpus.Span, 0, len(lines)/spanLineGuess+1)
	var dec SpanDecoder
	ids := 0
	for lines != "" {
		line, rest, _ := strings.Cut(lines, "\n")
		lines = rest
		sp, err := dec.Decode(line)
		if err != nil {
			return nil, err
		}
		spans = append(spans, sp)
		ids += len(sp.ID)
	}
	var b strings.Builder
	b.Grow(ids)
	for _, sp := range spans {
		b.WriteString(sp.ID)
	}
	all, at := b.String(), 0
	for i := range spans {
		n := len(spans[i].ID)
		spans[i].ID = all[at : at+n]
		at += n
	}
	return spans, nil
}
