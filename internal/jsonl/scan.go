package jsonl

import (
	"bytes"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

// scanSpans reads, without reflection, a "spans" array of checked JSON
// whose every span is an object of the usual keys, spelled so: "start" and
// "end" integers, "label", "text", "id", "annotator", "created" and
// "modified" strings without escapes, of valid UTF-8. ok is false for anything else, which
// fastSpans (encoding/json) then reads; for what it reads, both agree
// (FuzzScanSpans).
func scanSpans(v []byte) (out []rawSpan, ok bool) {
	s := scanner{b: v}
	if !s.byte('[') {
		return nil, false
	}
	if s.byte(']') {
		return []rawSpan{}, s.end()
	}
	// Every span has a "start": as many as there are, a bound the array
	// is not grown past (growing it by doubling allocates about twice the
	// spans of a long document, at 128 bytes a span).
	out = make([]rawSpan, 0, bytes.Count(v, []byte(`"start"`)))
	for {
		rs, ok := s.span()
		if !ok {
			return nil, false
		}
		out = append(out, rs)
		if s.byte(']') {
			return out, s.end()
		}
		if !s.byte(',') {
			return nil, false
		}
	}
}

// scanner reads checked JSON from b at i.
type scanner struct {
	b []byte
	i int
}

func (s *scanner) space() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
}

// byte consumes c after any space, if it comes next.
func (s *scanner) byte(c byte) bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// end reports whether nothing but space is left.
func (s *scanner) end() bool {
	s.space()
	return s.i == len(s.b)
}

// str reads a string without escapes, of valid UTF-8.
func (s *scanner) str() (string, bool) {
	if !s.byte('"') {
		return "", false
	}
	j := bytes.IndexByte(s.b[s.i:], '"')
	if j < 0 {
		return "", false
	}
	body := s.b[s.i : s.i+j]
	if bytes.IndexByte(body, '\\') >= 0 || !utf8.Valid(body) {
		return "", false
	}
	s.i += j + 1
	return string(body), true
}

// integer reads an integer of at most 15 digits, without fraction or
// exponent.
func (s *scanner) integer() (int, bool) {
	s.space()
	j := s.i
	if j < len(s.b) && s.b[j] == '-' {
		j++
	}
	k := j
	for k < len(s.b) && s.b[k] >= '0' && s.b[k] <= '9' {
		k++
	}
	if k == j || k-j > 15 || (k < len(s.b) && (s.b[k] == '.' || s.b[k] == 'e' || s.b[k] == 'E')) {
		return 0, false
	}
	n, err := strconv.Atoi(string(s.b[s.i:k]))
	if err != nil {
		return 0, false
	}
	s.i = k
	return n, true
}

// span reads one span object; start, end and label must be given.
func (s *scanner) span() (rawSpan, bool) {
	var rs rawSpan
	if !s.byte('{') {
		return rs, false
	}
	var seen struct{ start, end, label bool }
	if s.byte('}') {
		return rs, false
	}
	for {
		key, ok := s.str()
		if !ok || !s.byte(':') {
			return rs, false
		}
		switch key {
		case "start":
			rs.start, ok = s.integer()
			seen.start = true
		case "end":
			rs.end, ok = s.integer()
			seen.end = true
		case "label":
			var l string
			l, ok = s.str()
			rs.label, seen.label = corpus.Label(l), true
		case "text":
			var t string
			if t, ok = s.str(); ok {
				rs.text = &t
			}
		case "id":
			rs.id, ok = s.str()
		case "annotator":
			rs.annotator, ok = s.str()
		case "created", "modified":
			var t string
			if t, ok = s.str(); ok {
				var at time.Time
				if at, ok = spanTime(t); ok {
					if key == "created" {
						rs.created = at
					} else {
						rs.modified = at
					}
				}
			}
		default:
			return rs, false
		}
		if !ok {
			return rs, false
		}
		if s.byte('}') {
			return rs, seen.start && seen.end && seen.label
		}
		if !s.byte(',') {
			return rs, false
		}
	}
}
