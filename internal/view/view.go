// Package view lays a document out for display: it cuts the text into
// paragraphs at line breaks and each paragraph into runs of plain text and
// spans, all with code-point offsets, so the UI renders without computing
// any offset itself.
package view

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

// PieceRunes is the most code points a paragraph holds: a longer line is
// cut into pieces of at most that many, at spaces where it can be, each a
// Paragraph of its own (a browser takes tens of seconds to lay out a line
// of a million code points in one box).
const PieceRunes = 2000

// Paragraph is one line of the text, or a piece of a long one: code points
// [Start, End), without its line break (and without the carriage return of
// a CRLF).
type Paragraph struct {
	Start, End int
	Text       string
	// More is set on a piece of a long line that the next paragraph goes on.
	More bool
}

// Paragraphs cuts text at "\n", and lines longer than PieceRunes into
// pieces. Every code point of text except the line breaks (and the "\r"
// before them) belongs to exactly one paragraph.
func Paragraphs(text string) []Paragraph {
	var out []Paragraph
	start, runes, b0 := 0, 0, 0
	for i, r := range text {
		if r == '\n' {
			out = appendLine(out, trimCR(Paragraph{Start: start, End: runes, Text: text[b0:i]}))
			start, b0 = runes+1, i+1
		}
		runes++
	}
	return appendLine(out, trimCR(Paragraph{Start: start, End: runes, Text: text[b0:]}))
}

// appendLine appends line p to out, cut into pieces when it is longer than
// PieceRunes: each piece ends after the last space in the second half of
// its PieceRunes code points, or, when there is none, after PieceRunes code
// points and the combining marks that follow them.
func appendLine(out []Paragraph, p Paragraph) []Paragraph {
	for p.End-p.Start > PieceRunes {
		n, b := 0, 0           // code points and bytes into p.Text
		space, spaceB := -1, 0 // just after the last space seen in the second half
		for n < PieceRunes {
			r, w := utf8.DecodeRuneInString(p.Text[b:])
			n, b = n+1, b+w
			if n > PieceRunes/2 && unicode.IsSpace(r) {
				space, spaceB = n, b
			}
		}
		if space >= 0 {
			n, b = space, spaceB
		} else {
			for k := 0; k < 32 && b < len(p.Text); k++ {
				r, w := utf8.DecodeRuneInString(p.Text[b:])
				if !unicode.Is(unicode.Mn, r) {
					break
				}
				n, b = n+1, b+w
			}
		}
		out = append(out, Paragraph{Start: p.Start, End: p.Start + n, Text: p.Text[:b], More: true})
		p.Start, p.Text = p.Start+n, p.Text[b:]
	}
	return append(out, p)
}

func trimCR(p Paragraph) Paragraph {
	if n := len(p.Text); n > 0 && p.Text[n-1] == '\r' {
		p.Text = p.Text[:n-1]
		p.End--
	}
	return p
}

// Segment is a run of a paragraph: plain text, or (part of) a span.
// Span is nil for plain text. A span that crosses a line break yields one
// segment per paragraph, each with the span's own offsets in Span.
type Segment struct {
	Start, End int
	Text       string
	Span       *corpus.Span
}

// Segments cuts p into runs given the document's spans sorted by Start.
// Only spans overlapping p are looked at (binary search).
func Segments(p Paragraph, spans []corpus.Span) []Segment {
	in := Overlapping(spans, p.Start, p.End)
	if len(in) == 0 {
		if p.Start == p.End {
			return nil
		}
		return []Segment{{Start: p.Start, End: p.End, Text: p.Text}}
	}
	var out []Segment
	pos, b := p.Start, 0 // pos in code points, b in bytes into p.Text
	advance := func(to int) string {
		s := b
		for pos < to && b < len(p.Text) {
			_, w := utf8.DecodeRuneInString(p.Text[b:])
			b += w
			pos++
		}
		return p.Text[s:b]
	}
	for i := range in {
		sp := &in[i]
		s, e := max(sp.Start, p.Start), min(sp.End, p.End)
		if s > pos {
			st := pos
			out = append(out, Segment{Start: st, End: s, Text: advance(s)})
		}
		if s < pos { // overlapping input; show the rest only
			s = pos
		}
		if e > s {
			out = append(out, Segment{Start: s, End: e, Text: advance(e), Span: sp})
		}
	}
	if pos < p.End {
		st := pos
		out = append(out, Segment{Start: st, End: p.End, Text: advance(p.End)})
	}
	return out
}

// Overlapping returns the sub-slice of sorted, non-overlapping spans that
// overlap [start, end).
func Overlapping(spans []corpus.Span, start, end int) []corpus.Span {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > start })
	j := i
	for j < len(spans) && spans[j].Start < end {
		j++
	}
	return spans[i:j]
}

// ParagraphAt returns the index of the paragraph holding code point c, or of
// the paragraph just after the line break at c.
func ParagraphAt(ps []Paragraph, c int) int {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].End >= c })
	if i == len(ps) {
		return len(ps) - 1
	}
	return i
}

// Block is a run of whole paragraphs, the unit the document view renders
// (or defers) at once.
type Block struct {
	Start, End int // code points: the first paragraph's start, the last one's end
	Paras      []Paragraph
}

// Blocks groups paragraphs into blocks of at least size code points (the
// last may be smaller). Every paragraph is in exactly one block, in order.
func Blocks(paras []Paragraph, size int) []Block {
	var out []Block
	for i := 0; i < len(paras); {
		j, n := i, 0
		for j < len(paras) && (n < size || j == i) {
			n += paras[j].End - paras[j].Start + 1
			j++
		}
		out = append(out, Block{Start: paras[i].Start, End: paras[j-1].End, Paras: paras[i:j:j]})
		i = j
	}
	return out
}

// BlockAt returns the index of the block holding code point c (or the
// line break just before its first paragraph).
func BlockAt(blocks []Block, c int) int {
	i := sort.Search(len(blocks), func(i int) bool { return blocks[i].End >= c })
	return min(i, len(blocks)-1)
}

// Lines estimates how many lines a block takes at perLine code points a
// line, for sizing it before it is rendered.
func (b Block) Lines(perLine int) int {
	n := 0
	for _, p := range b.Paras {
		n += max(1, (p.End-p.Start+perLine-1)/perLine)
	}
	return n
}

// Text returns the code points [start, end) of a text that begins at code
// point base: the text of a span inside a paragraph or block.
func Text(text string, base, start, end int) string {
	b, pos := 0, base
	for pos < start && b < len(text) {
		_, w := utf8.DecodeRuneInString(text[b:])
		b += w
		pos++
	}
	e := b
	for pos < end && e < len(text) {
		_, w := utf8.DecodeRuneInString(text[e:])
		e += w
		pos++
	}
	return text[b:e]
}

// Shown returns text as the page writes it: each C0 control character but
// tab, line feed and carriage return, and DEL, becomes its visible picture
// (U+2400–U+241F, U+2421), one code point for one, so that the page holds
// as many code points as the stored text. The HTML parser drops U+0000,
// which would shift every later offset; the others are invisible.
func Shown(text string) string {
	i := strings.IndexFunc(text, hidden)
	if i < 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	b.WriteString(text[:i])
	for _, r := range text[i:] {
		switch {
		case r == 0x7f:
			r = 0x2421
		case hidden(r):
			r += 0x2400
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hidden(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
}
