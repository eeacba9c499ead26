package store

import (
	"encoding/json"
	"strconv"
	"time"

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
