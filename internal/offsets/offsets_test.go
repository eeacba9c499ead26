package offsets

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/quick"
	"unicode/utf16"
	"unicode/utf8"
)

// textCase describes one text by the byte and UTF-16 offset of each of its
// code points, plus the end: bytes[i] and units[i] are where code point i
// starts, bytes[n] == len(text) and units[n] is the UTF-16 length. The
// tables are written by hand and are the oracle for the tests below.
type textCase struct {
	name  string
	text  string
	bytes []int
	units []int
}

var texts = []textCase{
	{"empty", "", []int{0}, []int{0}},
	{"ascii", "abc", []int{0, 1, 2, 3}, []int{0, 1, 2, 3}},
	// ق ُ ت ِ ل َ: six code points, two bytes and one UTF-16 unit each.
	{"arabic diacritics", "قُتِلَ", []int{0, 2, 4, 6, 8, 10, 12}, []int{0, 1, 2, 3, 4, 5, 6}},
	// ك ـ ـ ـ ت ا ب: the tatweel U+0640 is a code point like any letter.
	{"tatweel", "كـــتاب", []int{0, 2, 4, 6, 8, 10, 12, 14}, []int{0, 1, 2, 3, 4, 5, 6, 7}},
	// U+1F600 is outside the BMP: four bytes, a surrogate pair in UTF-16.
	{"emoji", "a😀b", []int{0, 1, 5, 6}, []int{0, 1, 3, 4}},
	// A flag is two regional indicators, each outside the BMP.
	{"flag", "🇲🇱", []int{0, 4, 8}, []int{0, 2, 4}},
	// 👨 ZWJ 👩 ZWJ 👧: five code points, one grapheme.
	{"zwj sequence", "👨\u200d👩\u200d👧", []int{0, 4, 7, 11, 14, 18}, []int{0, 2, 3, 5, 6, 8}},
	// e + U+0301 COMBINING ACUTE ACCENT: two code points, not normalised.
	{"combining mark", "e\u0301", []int{0, 1, 3}, []int{0, 1, 2}},
	{"crlf", "سطر\r\nسطر", []int{0, 2, 4, 6, 7, 8, 10, 12, 14}, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}},
	// A BOM inside the text is one code point, one UTF-16 unit, three bytes.
	{"leading bom", "\ufeffقال", []int{0, 3, 5, 7, 9}, []int{0, 1, 2, 3, 4}},
	{"mixed arabic emoji", "قال 😀 نعم", []int{0, 2, 4, 6, 7, 11, 12, 14, 16, 18}, []int{0, 1, 2, 3, 4, 6, 7, 8, 9, 10}},
	{"bmp top", "\uffff", []int{0, 3}, []int{0, 1}},
	{"max rune", "\U0010ffff", []int{0, 4}, []int{0, 2}},
	// A real U+FFFD in the text is three bytes and one code point ...
	{"replacement char", "\ufffd", []int{0, 3}, []int{0, 1}},
	// ... but each invalid byte is a code point of its own (Go's range and
	// utf8.RuneCountInString yield U+FFFD per bad byte), one UTF-16 unit.
	{"invalid byte", "a\xffb", []int{0, 1, 2, 3}, []int{0, 1, 2, 3}},
	{"truncated sequence", "ق\xe2\x82", []int{0, 2, 3, 4}, []int{0, 1, 2, 3}},
	{"encoded surrogate", "\xed\xa0\x80", []int{0, 1, 2, 3}, []int{0, 1, 2, 3}},
	{"lone continuation", "\x80ق", []int{0, 1, 3}, []int{0, 1, 2}},
}

func (tc textCase) runes() int { return len(tc.bytes) - 1 }

func (tc textCase) clamp(c int) int { return min(max(c, 0), tc.runes()) }

// floor returns the last code point whose offset in offs is at most v, or 0.
func floor(offs []int, v int) int {
	c := 0
	for i, o := range offs {
		if o <= v {
			c = i
		}
	}
	return c
}

func TestTablesAreConsistent(t *testing.T) {
	// Guard the hand-written oracle against the standard library.
	for _, tc := range texts {
		rs := []rune(tc.text)
		if len(tc.units) != len(tc.bytes) || tc.runes() != len(rs) {
			t.Errorf("%s: table has %d/%d entries, text has %d code points", tc.name, len(tc.bytes), len(tc.units), len(rs))
			continue
		}
		if tc.bytes[tc.runes()] != len(tc.text) {
			t.Errorf("%s: table ends at byte %d, text has %d bytes", tc.name, tc.bytes[tc.runes()], len(tc.text))
		}
		if got := len(utf16.Encode(rs)); tc.units[tc.runes()] != got {
			t.Errorf("%s: table ends at unit %d, utf16.Encode gives %d", tc.name, tc.units[tc.runes()], got)
		}
	}
}

func TestLengths(t *testing.T) {
	for _, tc := range texts {
		t.Run(tc.name, func(t *testing.T) {
			n, u := tc.runes(), tc.units[tc.runes()]
			if got := RuneCount(tc.text); got != n {
				t.Errorf("RuneCount = %d, want %d", got, n)
			}
			if got := UTF16Len(tc.text); got != u {
				t.Errorf("UTF16Len = %d, want %d", got, u)
			}
			x := NewIndex(tc.text)
			if got := x.Len(); got != n {
				t.Errorf("Index.Len = %d, want %d", got, n)
			}
			if got := x.UTF16Len(); got != u {
				t.Errorf("Index.UTF16Len = %d, want %d", got, u)
			}
			if got := x.Text(); got != tc.text {
				t.Errorf("Index.Text = %q, want %q", got, tc.text)
			}
		})
	}
}

// converters lets each test run the one-off functions and the Index side by side.
type converters struct {
	name      string
	toUTF16   func(c int) int
	toByte    func(c int) int
	fromUTF16 func(u int) int
	fromByte  func(b int) int
	slice     func(start, end int) string
}

func convertersFor(s string) []converters {
	x := NewIndex(s)
	return []converters{
		{
			name:      "func",
			toUTF16:   func(c int) int { return RuneToUTF16(s, c) },
			toByte:    func(c int) int { return RuneToByte(s, c) },
			fromUTF16: func(u int) int { return UTF16ToRune(s, u) },
			fromByte:  func(b int) int { return ByteToRune(s, b) },
			slice:     func(start, end int) string { return Slice(s, start, end) },
		},
		{
			name:      "Index",
			toUTF16:   x.UTF16,
			toByte:    x.Byte,
			fromUTF16: x.FromUTF16,
			fromByte:  x.FromByte,
			slice:     x.Slice,
		},
	}
}

// TestEveryOffset checks every offset of every table text, and a few past
// either end, against the table.
func TestEveryOffset(t *testing.T) {
	for _, tc := range texts {
		for _, cv := range convertersFor(tc.text) {
			t.Run(tc.name+"/"+cv.name, func(t *testing.T) {
				n, u := tc.runes(), tc.units[tc.runes()]
				for c := -3; c <= n+3; c++ {
					if got, want := cv.toUTF16(c), tc.units[tc.clamp(c)]; got != want {
						t.Errorf("rune %d -> UTF-16 %d, want %d", c, got, want)
					}
					if got, want := cv.toByte(c), tc.bytes[tc.clamp(c)]; got != want {
						t.Errorf("rune %d -> byte %d, want %d", c, got, want)
					}
				}
				for v := -3; v <= u+3; v++ {
					if got, want := cv.fromUTF16(v), floor(tc.units, v); got != want {
						t.Errorf("UTF-16 %d -> rune %d, want %d", v, got, want)
					}
				}
				for b := -3; b <= len(tc.text)+3; b++ {
					if got, want := cv.fromByte(b), floor(tc.bytes, b); got != want {
						t.Errorf("byte %d -> rune %d, want %d", b, got, want)
					}
				}
			})
		}
	}
}

// TestRounding spells out the rounding and clamping rules on literal values.
func TestRounding(t *testing.T) {
	type conv struct {
		text string
		in   int
		want int
	}
	fromUTF16 := []conv{
		{"a😀b", -1, 0},
		{"a😀b", 0, 0},
		{"a😀b", 1, 1},
		{"a😀b", 2, 1}, // between the surrogates of 😀: round down to 😀
		{"a😀b", 3, 2},
		{"a😀b", 4, 3},
		{"a😀b", 5, 3}, // past the end: clamp
		{"a😀b", 1 << 40, 3},
		{"🇲🇱", 1, 0},
		{"🇲🇱", 3, 1},
		{"👨\u200d👩\u200d👧", 1, 0},
		{"👨\u200d👩\u200d👧", 2, 1}, // the first ZWJ
		{"👨\u200d👩\u200d👧", 4, 2}, // inside 👩
		{"👨\u200d👩\u200d👧", 7, 4}, // inside 👧
		{"👨\u200d👩\u200d👧", 8, 5},
		{"\ufeffقال", 1, 1}, // the BOM is one unit
		{"", 0, 0},
		{"", 5, 0},
		{"", -5, 0},
	}
	fromByte := []conv{
		{"قُتِلَ", -1, 0},
		{"قُتِلَ", 1, 0}, // second byte of ق
		{"قُتِلَ", 2, 1},
		{"قُتِلَ", 3, 1},
		{"قُتِلَ", 11, 5},
		{"قُتِلَ", 12, 6},
		{"قُتِلَ", 13, 6},
		{"a😀b", 2, 1},
		{"a😀b", 3, 1},
		{"a😀b", 4, 1},
		{"a😀b", 5, 2},
		{"\ufeffقال", 1, 0}, // inside the BOM
		{"\ufeffقال", 2, 0},
		{"\ufeffقال", 3, 1},
		{"\ufffd", 2, 0}, // a real U+FFFD is three bytes
		{"a\xffb", 1, 1}, // an invalid byte is a code point of its own
		{"a\xffb", 2, 2},
		{"ق\xe2\x82", 3, 2},
		{"", 0, 0},
		{"", -1, 0},
		{"", 1, 0},
	}
	toUTF16 := []conv{
		{"a😀b", 2, 3},
		{"a😀b", -1, 0},
		{"a😀b", 9, 4},
		{"🇲🇱", 1, 2},
		{"e\u0301", 1, 1},
		{"a\xffb", 2, 2},
	}
	toByte := []conv{
		{"a😀b", 2, 5},
		{"a😀b", -1, 0},
		{"a😀b", 9, 6},
		{"\ufeffقال", 1, 3},
		{"e\u0301", 2, 3},
		{"a\xffb", 2, 2},
		{"", 1, 0},
		{"", -1, 0},
	}
	for _, tc := range fromUTF16 {
		for _, cv := range convertersFor(tc.text) {
			if got := cv.fromUTF16(tc.in); got != tc.want {
				t.Errorf("%s: FromUTF16(%q, %d) = %d, want %d", cv.name, tc.text, tc.in, got, tc.want)
			}
		}
	}
	for _, tc := range fromByte {
		for _, cv := range convertersFor(tc.text) {
			if got := cv.fromByte(tc.in); got != tc.want {
				t.Errorf("%s: FromByte(%q, %d) = %d, want %d", cv.name, tc.text, tc.in, got, tc.want)
			}
		}
	}
	for _, tc := range toUTF16 {
		for _, cv := range convertersFor(tc.text) {
			if got := cv.toUTF16(tc.in); got != tc.want {
				t.Errorf("%s: ToUTF16(%q, %d) = %d, want %d", cv.name, tc.text, tc.in, got, tc.want)
			}
		}
	}
	for _, tc := range toByte {
		for _, cv := range convertersFor(tc.text) {
			if got := cv.toByte(tc.in); got != tc.want {
				t.Errorf("%s: ToByte(%q, %d) = %d, want %d", cv.name, tc.text, tc.in, got, tc.want)
			}
		}
	}
}

func TestSlice(t *testing.T) {
	tests := []struct {
		text       string
		start, end int
		want       string
	}{
		{"abc", 0, 2, "ab"},
		{"abc", 0, 3, "abc"},
		{"abc", 1, 1, ""},
		{"abc", 2, 1, ""}, // reversed: empty
		{"abc", -5, 1, "a"},
		{"abc", 1, 99, "bc"},
		{"abc", 99, 100, ""},
		{"abc", -9, -1, ""},
		{"", 0, 1, ""},
		{"قُتِلَ", 0, 2, "قُ"},
		{"قُتِلَ", 2, 4, "تِ"},
		{"قُتِلَ", 5, 6, "\u064e"},
		{"كـــتاب", 1, 4, "ـــ"},
		{"a😀b", 1, 2, "😀"},
		{"a😀b", 2, 3, "b"},
		{"🇲🇱", 0, 1, "🇲"}, // code points, not graphemes: half a flag
		{"👨\u200d👩\u200d👧", 0, 1, "👨"},
		{"👨\u200d👩\u200d👧", 2, 3, "👩"},
		{"e\u0301", 0, 1, "e"}, // the mark is split off
		{"e\u0301", 1, 2, "\u0301"},
		{"سطر\r\nسطر", 3, 5, "\r\n"},
		{"\ufeffقال", 0, 1, "\ufeff"},
		{"\ufeffقال", 1, 4, "قال"},
		{"a\xffb", 1, 2, "\xff"}, // the raw byte, not U+FFFD
		{"ق\xe2\x82", 1, 3, "\xe2\x82"},
	}
	for _, tc := range tests {
		for _, cv := range convertersFor(tc.text) {
			if got := cv.slice(tc.start, tc.end); got != tc.want {
				t.Errorf("%s: Slice(%q, %d, %d) = %q, want %q", cv.name, tc.text, tc.start, tc.end, got, tc.want)
			}
		}
	}
}

// checkInvariants checks the one-off functions and the Index against each
// other, and against a reference built from unicode/utf8 and unicode/utf16,
// for every offset into s.
func checkInvariants(t *testing.T, s string) {
	t.Helper()
	// Reference: byte and UTF-16 offset of every code point.
	var refBytes, refUnits []int
	u := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		refBytes = append(refBytes, i)
		refUnits = append(refUnits, u)
		u += len(utf16.Encode([]rune{r}))
		i += w
	}
	refBytes = append(refBytes, len(s))
	refUnits = append(refUnits, u)
	n := len(refBytes) - 1

	rs := []rune(s)
	if len(rs) != n {
		t.Fatalf("%q: []rune has %d code points, DecodeRune walk %d", s, len(rs), n)
	}
	if got := len(utf16.Encode(rs)); got != u {
		t.Fatalf("%q: utf16.Encode has %d units, per-rune sum %d", s, got, u)
	}
	x := NewIndex(s)
	if RuneCount(s) != n || x.Len() != n {
		t.Fatalf("%q: RuneCount %d, Index.Len %d, want %d", s, RuneCount(s), x.Len(), n)
	}
	if UTF16Len(s) != u || x.UTF16Len() != u {
		t.Fatalf("%q: UTF16Len %d, Index.UTF16Len %d, want %d", s, UTF16Len(s), x.UTF16Len(), u)
	}
	clamp := func(c int) int { return min(max(c, 0), n) }

	for c := -2; c <= n+2; c++ {
		cc := clamp(c)
		fu, xu := RuneToUTF16(s, c), x.UTF16(c)
		fb, xb := RuneToByte(s, c), x.Byte(c)
		if fu != refUnits[cc] || xu != refUnits[cc] {
			t.Fatalf("%q: rune %d -> UTF-16 func %d, Index %d, want %d", s, c, fu, xu, refUnits[cc])
		}
		if fb != refBytes[cc] || xb != refBytes[cc] {
			t.Fatalf("%q: rune %d -> byte func %d, Index %d, want %d", s, c, fb, xb, refBytes[cc])
		}
		// Round trips: code point -> UTF-16 -> code point, and via bytes.
		if got := UTF16ToRune(s, fu); got != cc {
			t.Fatalf("%q: UTF16ToRune(RuneToUTF16(%d)) = %d, want %d", s, c, got, cc)
		}
		if got := x.FromUTF16(xu); got != cc {
			t.Fatalf("%q: Index.FromUTF16(Index.UTF16(%d)) = %d, want %d", s, c, got, cc)
		}
		if got := ByteToRune(s, fb); got != cc {
			t.Fatalf("%q: ByteToRune(RuneToByte(%d)) = %d, want %d", s, c, got, cc)
		}
		if got := x.FromByte(xb); got != cc {
			t.Fatalf("%q: Index.FromByte(Index.Byte(%d)) = %d, want %d", s, c, got, cc)
		}
	}
	for v := -2; v <= u+2; v++ {
		fc, xc := UTF16ToRune(s, v), x.FromUTF16(v)
		if fc != xc {
			t.Fatalf("%q: UTF-16 %d -> rune func %d, Index %d", s, v, fc, xc)
		}
		// Rounds down to the code point that contains v.
		if want := floor(refUnits, v); fc != want {
			t.Fatalf("%q: UTF-16 %d -> rune %d, want %d", s, v, fc, want)
		}
	}
	for b := -2; b <= len(s)+2; b++ {
		fc, xc := ByteToRune(s, b), x.FromByte(b)
		if fc != xc {
			t.Fatalf("%q: byte %d -> rune func %d, Index %d", s, b, fc, xc)
		}
		if want := floor(refBytes, b); fc != want {
			t.Fatalf("%q: byte %d -> rune %d, want %d", s, b, fc, want)
		}
	}
	// Slices: every split point reassembles the text; pairs agree.
	for k := -1; k <= n+1; k++ {
		if got := Slice(s, 0, k) + Slice(s, k, n); got != s {
			t.Fatalf("%q: Slice(0,%d)+Slice(%d,n) = %q", s, k, k, got)
		}
		if got := x.Slice(0, k) + x.Slice(k, n); got != s {
			t.Fatalf("%q: Index.Slice(0,%d)+Index.Slice(%d,n) = %q", s, k, k, got)
		}
	}
	step := 1
	if n > 24 {
		step = n / 12
	}
	for i := -1; i <= n+1; i += step {
		for j := -1; j <= n+1; j += step {
			want := ""
			if ci, cj := clamp(i), clamp(j); ci < cj {
				want = s[refBytes[ci]:refBytes[cj]]
			}
			if f, xs := Slice(s, i, j), x.Slice(i, j); f != want || xs != want {
				t.Fatalf("%q: Slice(%d, %d) func %q, Index %q, want %q", s, i, j, f, xs, want)
			}
		}
	}
}

func TestInvariantsTable(t *testing.T) {
	for _, tc := range texts {
		checkInvariants(t, tc.text)
	}
}

// pieces are the building blocks of generated texts: every kind of code
// point in the table, and invalid bytes.
var pieces = []string{
	"a", " ", "\r\n", "\n", "ق", "ُ", "ـ", "\u0301", "\ufeff", "\u200d",
	"😀", "🇲", "🇱", "👩", "\U0010ffff", "\uffff", "\ufffd",
	"\xff", "\x80", "\xe2\x82", "\xed\xa0\x80", "\xf0\x9f",
}

func TestInvariantsGenerated(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	for range 2000 {
		sb.Reset()
		for range rng.IntN(40) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkInvariants(t, sb.String())
	}
}

func TestInvariantsQuick(t *testing.T) {
	// Arbitrary bytes, valid or not, and arbitrary (valid) strings.
	fb := func(b []byte) bool { checkInvariants(t, string(b)); return !t.Failed() }
	if err := quick.Check(fb, &quick.Config{MaxCount: 500}); err != nil {
		t.Error(err)
	}
	fs := func(s string) bool { checkInvariants(t, s); return !t.Failed() }
	if err := quick.Check(fs, &quick.Config{MaxCount: 500}); err != nil {
		t.Error(err)
	}
}

func FuzzIndex(f *testing.F) {
	for _, tc := range texts {
		f.Add(tc.text)
	}
	for _, p := range pieces {
		f.Add(p + "x" + p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// The one-off functions make the check quadratic; long inputs add
		// no coverage and would slow fuzzing (and minimising) to a crawl.
		if len(s) > 256 {
			t.Skip("long input")
		}
		checkInvariants(t, s)
	})
}

// benchText returns a 150,000-code-point Arabic text with an emoji in
// every tenth sentence.
func benchText() string {
	const sentence = "قُتِلَ ثلاثة مدنيين وأصيب خمسة آخرون في قصف استهدف سوقاً شعبياً بمدينة حلب صباح الثلاثاء. "
	const n = 150_000
	const emoji = "😀 🇲🇱 "
	var sb strings.Builder
	for i, c := 0, 0; c < n; i++ {
		sb.WriteString(sentence)
		c += RuneCount(sentence)
		if i%10 == 9 {
			sb.WriteString(emoji)
			c += RuneCount(emoji)
		}
	}
	return Slice(sb.String(), 0, n)
}

func TestBenchText(t *testing.T) {
	s := benchText()
	if n := RuneCount(s); n != 150_000 {
		t.Fatalf("bench text has %d code points", n)
	}
	if UTF16Len(s) == RuneCount(s) {
		t.Fatal("bench text has no characters outside the BMP")
	}
}

func BenchmarkNewIndex(b *testing.B) {
	s := benchText()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		NewIndex(s)
	}
}

func BenchmarkIndexFromUTF16(b *testing.B) {
	s := benchText()
	x := NewIndex(s)
	u := x.UTF16Len()
	i := 0
	for b.Loop() {
		x.FromUTF16(i * 7919 % (u + 1))
		i++
	}
}

func BenchmarkUTF16ToRune(b *testing.B) {
	s := benchText()
	u := UTF16Len(s)
	for _, at := range []struct {
		name string
		u    int
	}{{"start", 100}, {"middle", u / 2}, {"end", u}} {
		b.Run(at.name, func(b *testing.B) {
			for b.Loop() {
				UTF16ToRune(s, at.u)
			}
		})
	}
}

func ExampleIndex() {
	x := NewIndex("قال 😀 نعم")
	fmt.Println(x.Len(), x.UTF16Len())
	// The browser reports UTF-16 offsets; the span stores code points.
	start, end := x.FromUTF16(7), x.FromUTF16(10)
	fmt.Println(start, end, x.Slice(start, end))
	// Output:
	// 9 10
	// 6 9 نعم
}
