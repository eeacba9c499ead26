package view

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		text string
		want []Paragraph
	}{
		{"", []Paragraph{{0, 0, "", false}}},
		{"ab", []Paragraph{{0, 2, "ab", false}}},
		{"\nمالي", []Paragraph{{0, 0, "", false}, {1, 5, "مالي", false}}},
		{"a😀b\nكاي", []Paragraph{{0, 3, "a😀b", false}, {4, 7, "كاي", false}}},
		{"ab\r\ncd\r\n", []Paragraph{{0, 2, "ab", false}, {4, 6, "cd", false}, {8, 8, "", false}}},
	}
	for _, tt := range tests {
		if got := Paragraphs(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Paragraphs(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestParagraphPieces checks the cut of lines longer than PieceRunes:
// pieces cover the line exactly, in order, each at most PieceRunes long,
// every piece but the last marked More, ending after a space where the
// second half of a run has one, and never parting a letter from its marks.
func TestParagraphPieces(t *testing.T) {
	word := "كلمة "                                                                      // 5 code points
	spaced := strings.Repeat(word, 1001)                                                 // 5,005: cuts after spaces
	solid := strings.Repeat("ب", 2*PieceRunes+10)                                        // no space: hard cuts
	marked := strings.Repeat("ب", PieceRunes) + "\u064e\u0651" + strings.Repeat("ت", 10) // a cut right before two marks
	for _, c := range []struct {
		name string
		text string
		ends []int // each piece's end
	}{
		{"short", "كلمة كلمة", []int{9}},
		{"exactly PieceRunes", strings.Repeat("ب", PieceRunes), []int{PieceRunes}},
		{"spaced", spaced, []int{2000, 4000, 5005}},
		{"solid", solid, []int{PieceRunes, 2 * PieceRunes, 2*PieceRunes + 10}},
		{"marks", marked, []int{PieceRunes + 2, PieceRunes + 12}},
		{"after a line break", "سطر\n" + solid, []int{3, 4 + PieceRunes, 4 + 2*PieceRunes, 4 + 2*PieceRunes + 10}},
	} {
		ps := Paragraphs(c.text)
		var ends []int
		for i, p := range ps {
			ends = append(ends, p.End)
			if p.End-p.Start > PieceRunes+2 {
				t.Errorf("%s: piece %d has %d code points", c.name, i, p.End-p.Start)
			}
			if n := utf8.RuneCountInString(p.Text); n != p.End-p.Start {
				t.Errorf("%s: piece %d [%d, %d) holds %d code points", c.name, i, p.Start, p.End, n)
			}
			if i > 0 && ps[i-1].More && ps[i-1].End != p.Start {
				t.Errorf("%s: piece %d starts at %d, the last ended at %d", c.name, i, p.Start, ps[i-1].End)
			}
			if more := i+1 < len(ps) && ps[i+1].Start == p.End; p.More != more {
				t.Errorf("%s: piece %d More = %v", c.name, i, p.More)
			}
		}
		if !reflect.DeepEqual(ends, c.ends) {
			t.Errorf("%s: pieces end at %v, want %v", c.name, ends, c.ends)
		}
	}
	// The spaced line's pieces end after a space.
	for _, p := range Paragraphs(spaced)[:2] {
		if !strings.HasSuffix(p.Text, " ") {
			t.Errorf("piece [%d, %d) ends %q, not after a space", p.Start, p.End, p.Text[len(p.Text)-8:])
		}
	}
}

func TestSegments(t *testing.T) {
	text := "😀 في ولاية كاي، قُتل\nالجيش المالي"
	ps := Paragraphs(text)
	spans := []corpus.Span{
		{Start: 11, End: 14, Label: corpus.Place},
		{Start: 16, End: 20, Label: corpus.Casualty},
		{Start: 21, End: 26, Label: corpus.Actor},
	}
	got := Segments(ps[0], spans)
	want := []Segment{
		{0, 11, "😀 في ولاية ", nil},
		{11, 14, "كاي", &spans[0]},
		{14, 16, "، ", nil},
		{16, 20, "قُتل", &spans[1]},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Segments = %+v\nwant %+v", got, want)
	}
	got = Segments(ps[1], spans)
	want = []Segment{{21, 26, "الجيش", &spans[2]}, {26, 33, " المالي", nil}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Segments line 2 = %+v\nwant %+v", got, want)
	}
	// Every segment's text is the text at its offsets.
	runes := []rune(text)
	for _, p := range ps {
		for _, s := range Segments(p, spans) {
			if string(runes[s.Start:s.End]) != s.Text {
				t.Errorf("segment [%d,%d) text %q, want %q", s.Start, s.End, s.Text, string(runes[s.Start:s.End]))
			}
		}
	}
}

func TestSpanAcrossLineBreak(t *testing.T) {
	text := "ab\ncd"
	spans := []corpus.Span{{Start: 1, End: 4, Label: corpus.Actor}}
	ps := Paragraphs(text)
	a, b := Segments(ps[0], spans), Segments(ps[1], spans)
	if len(a) != 2 || a[1].Text != "b" || a[1].Span == nil || len(b) != 2 || b[0].Text != "c" || b[0].Span == nil {
		t.Fatalf("split span: %+v / %+v", a, b)
	}
}

func TestParagraphAt(t *testing.T) {
	ps := Paragraphs("ab\ncd\n\nef")
	for c, want := range map[int]int{0: 0, 2: 0, 3: 1, 5: 1, 6: 2, 7: 3, 9: 3} {
		if got := ParagraphAt(ps, c); got != want {
			t.Errorf("ParagraphAt(%d) = %d, want %d", c, got, want)
		}
	}
}

func TestBlocks(t *testing.T) {
	ps := Paragraphs("aaaa\nbb\ncccccc\nd\n\ne")
	bs := Blocks(ps, 5)
	var got [][2]int
	n := 0
	for _, b := range bs {
		got = append(got, [2]int{b.Start, b.End})
		n += len(b.Paras)
	}
	want := [][2]int{{0, 4}, {5, 14}, {15, 19}}
	if !reflect.DeepEqual(got, want) || n != len(ps) {
		t.Fatalf("Blocks = %v (%d paragraphs), want %v (%d)", got, n, want, len(ps))
	}
	for c, want := range map[int]int{0: 0, 4: 0, 5: 1, 7: 1, 8: 1, 14: 1, 15: 2, 19: 2} {
		if got := BlockAt(bs, c); got != want {
			t.Errorf("BlockAt(%d) = %d, want %d", c, got, want)
		}
	}
	if l := bs[1].Lines(4); l != 3 {
		t.Errorf("Lines = %d, want 3", l)
	}
}

func TestText(t *testing.T) {
	// A paragraph starting at code point 10, with an emoji.
	p := "في 😀 كاي"
	if got := Text(p, 10, 15, 18); got != "كاي" {
		t.Errorf("Text = %q", got)
	}
}

func TestShown(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"كاي", "كاي"},
		{"\x00\x00كاي", "\u2400\u2400كاي"},
		{"a\tb\nc\r\nd", "a\tb\nc\r\nd"},
		{"\x01\x1f\x7f", "\u2401\u241f\u2421"},
		{"\u0085\u009f😀", "\u0085\u009f😀"}, // C1 controls are kept by the HTML parser
	} {
		got := Shown(c.in)
		if got != c.want {
			t.Errorf("Shown(%q) = %q, want %q", c.in, got, c.want)
		}
		if n, m := len([]rune(got)), len([]rune(c.in)); n != m {
			t.Errorf("Shown(%q) has %d code points, want %d", c.in, n, m)
		}
	}
}
