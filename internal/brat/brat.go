// Package brat writes and reads brat standoff: for each document a <id>.txt
// holding the text exactly (UTF-8, no BOM added) and a <id>.ann with one
// text-bound annotation per span, "T1\tPLACE 59 68\tكاي", plus the
// annotation.conf (and visual.conf) that declare the labels.
//
// Offsets count code points of the .txt, as brat (Python) does. A span that
// crosses a line break is written as brat writes it: one fragment per line
// ("T2\tACTOR 0 3;4 10\t..."), the fragments' texts joined by a space.
package brat

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

// isLineBreak reports whether r ends a line for Python's str.splitlines.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// fragment is a code-point range of one line of a span.
type fragment struct{ start, end int }

// fragments splits [start, end) of runes at line breaks into the runs
// between them; a span of line breaks only is one fragment.
func fragments(runes []rune, start, end int) []fragment {
	var out []fragment
	from := -1
	for i := start; i < end; i++ {
		if isLineBreak(runes[i]) {
			if from >= 0 {
				out = append(out, fragment{from, i})
				from = -1
			}
		} else if from < 0 {
			from = i
		}
	}
	if from >= 0 {
		out = append(out, fragment{from, end})
	}
	if len(out) == 0 {
		out = []fragment{{start, end}}
	}
	return out
}

// annText is the text field brat writes for fragments: their texts joined
// by a space, line breaks (in a fragment of line breaks only) as spaces.
func annText(runes []rune, frags []fragment) string {
	var b strings.Builder
	for i, f := range frags {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, r := range runes[f.start:f.end] {
			if isLineBreak(r) {
				r = ' '
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CheckLabel reports whether l can be a brat entity type: non-empty, with
// no whitespace, and none of the characters brat's configuration reserves.
func CheckLabel(l corpus.Label) error {
	if l == "" {
		return fmt.Errorf("empty label")
	}
	if strings.ContainsFunc(string(l), func(r rune) bool {
		return r <= ' ' || r == 0x7f || isLineBreak(r) || strings.ContainsRune("|:,;[]<>=#\u00a0", r)
	}) {
		return fmt.Errorf("label %q cannot be a brat entity type (whitespace or one of | : , ; [ ] < > = #)", l)
	}
	return nil
}

// WriteAnn writes d's spans as T1, T2, … in span order. d must pass
// corpus.Validate with sorted spans whose labels CheckLabel accepts, or
// WriteAnn returns an error naming the document and span.
func WriteAnn(w io.Writer, d *corpus.Document) error {
	runes := []rune(d.Text)
	if err := corpus.ValidateSpans(d.Spans, len(runes), nil); err != nil {
		return fmt.Errorf("document %q: %w", d.ID, err)
	}
	bw := bufio.NewWriter(w)
	for i, s := range d.Spans {
		if err := CheckLabel(s.Label); err != nil {
			return fmt.Errorf("document %q: %w", d.ID, &corpus.SpanError{Index: i, Span: s, Reason: err.Error()})
		}
		frags := fragments(runes, s.Start, s.End)
		fmt.Fprintf(bw, "T%d\t%s ", i+1, s.Label)
		for j, f := range frags {
			if j > 0 {
				bw.WriteByte(';')
			}
			fmt.Fprintf(bw, "%d %d", f.start, f.end)
		}
		bw.WriteByte('\t')
		bw.WriteString(annText(runes, frags))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// AnnotationConf returns the annotation.conf declaring schema's labels as
// entity types.
func AnnotationConf(schema *corpus.Schema) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# brat annotation configuration for the raqim schema %s\n[entities]\n", schema.ID)
	for _, l := range schema.Names() {
		fmt.Fprintf(&b, "%s\n", l)
	}
	b.WriteString("\n[relations]\n\n[events]\n\n[attributes]\n")
	return []byte(b.String())
}

// VisualConf returns a visual.conf giving schema's labels their English and
// Arabic names and colours.
func VisualConf(schema *corpus.Schema) []byte {
	var b strings.Builder
	b.WriteString("[labels]\n")
	for _, d := range schema.Labels {
		fmt.Fprintf(&b, "%s", d.Name)
		for _, n := range []string{d.English, d.Arabic} {
			if n != "" && !strings.ContainsAny(n, "|\n") {
				fmt.Fprintf(&b, " | %s", n)
			}
		}
		b.WriteByte('\n')
	}
	b.WriteString("\n[drawing]\n")
	for _, d := range schema.Labels {
		if d.Color != "" && !strings.ContainsAny(d.Color, ",\n\t") {
			fmt.Fprintf(&b, "%s\tbgColor:%s\n", d.Name, d.Color)
		}
	}
	return []byte(b.String())
}

// Namer gives documents file stems that are safe in a zip on every system
// and distinct even where file names ignore case.
type Namer struct{ used map[string]bool }

// Name returns id itself when it is a safe, unused stem (ASCII letters and
// digits, '-', '_' and '.', not leading, at most 100 bytes); otherwise the safe
// characters of id followed by "-" and 12 hex digits of its SHA-256.
func (n *Namer) Name(id string) string {
	if n.used == nil {
		n.used = map[string]bool{}
	}
	name := id
	if !safe(id) || n.used[strings.ToLower(id)] {
		var b strings.Builder
		for _, r := range id {
			if b.Len() >= 60 {
				break
			}
			if safeRune(r) {
				b.WriteRune(r)
			} else {
				b.WriteByte('_')
			}
		}
		sum := sha256.Sum256([]byte(id))
		name = strings.TrimLeft(b.String(), ".") + "-" + hex.EncodeToString(sum[:6])
		for k := 2; n.used[strings.ToLower(name)]; k++ {
			name = fmt.Sprintf("%s-%s-%d", strings.TrimLeft(b.String(), "."), hex.EncodeToString(sum[:6]), k)
		}
	}
	n.used[strings.ToLower(name)] = true
	return name
}

func safeRune(r rune) bool {
	// ASCII only: macOS stores non-ASCII file names decomposed (أ → ا + U+0654).
	return r == '-' || r == '_' || r == '.' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
}

func safe(id string) bool {
	if id == "" || len(id) > 100 || id[0] == '.' || !utf8.ValidString(id) {
		return false
	}
	for _, r := range id {
		if !safeRune(r) {
			return false
		}
	}
	return true
}
