package snap

import (
	"strings"
	"testing"
)

// marked splits s at its '|' markers: the text without them and the
// code-point offsets of the first and last marker (equal if there is one).
func marked(t *testing.T, s string) (text []rune, start, end int) {
	t.Helper()
	var marks []int
	for _, r := range s {
		if r == '|' {
			marks = append(marks, len(text))
			continue
		}
		text = append(text, r)
	}
	switch len(marks) {
	case 1:
		return text, marks[0], marks[0]
	case 2:
		return text, marks[0], marks[1]
	}
	t.Fatalf("%q: want one or two '|' markers, have %d", s, len(marks))
	return nil, 0, 0
}

// mark renders text with '|' at s and e.
func mark(text []rune, s, e int) string {
	var b strings.Builder
	for i := 0; i <= len(text); i++ {
		if i == s {
			b.WriteRune('|')
		}
		if i == e && e != s {
			b.WriteRune('|')
		}
		if i < len(text) {
			b.WriteRune(text[i])
		}
	}
	return b.String()
}

func TestSnap(t *testing.T) {
	tests := []struct {
		name, in, want string // want "" means ok=false
	}{
		{"whole word", "في |كاي| اليوم", "في |كاي| اليوم"},
		{"start inside word", "في ك|اي| اليوم", "في |كاي| اليوم"},
		{"end inside word", "في |كا|ي اليوم", "في |كاي| اليوم"},
		{"both inside", "مدينة سيك|اس|و الكبيرة", "مدينة |سيكاسو| الكبيرة"},
		{"whitespace trimmed", "في | كاي  | اليوم", "في  |كاي|   اليوم"},
		{"trailing comma and space trimmed", "ولايات |كاي، |سيكاسو", "ولايات |كاي|، سيكاسو"},
		{"Arabic semicolon and question mark", "|هل هاجموا كاي؟|", "|هل هاجموا كاي|؟"},
		{"guillemets trimmed", "جماعة |«نصرة الإسلام»| اليوم", "جماعة «|نصرة الإسلام|» اليوم"},
		{"curly quotes trimmed", "جماعة |“نصرة الإسلام والمسلمين”|", "جماعة “|نصرة الإسلام والمسلمين|”"},
		{"quote cut through name", "جماعة “نصرة |الإسلام” وال|مسلمين", "جماعة “نصرة |الإسلام” والمسلمين|"},
		{"proclitic left out", "ب|ولاية كاي|", "ب|ولاية كاي|"},
		{"proclitic selected", "|بولاية كاي|", "|بولاية كاي|"},
		{"proclitic waw before article", "و|الفيلق الإفريقي|", "و|الفيلق الإفريقي|"},
		{"two proclitics", "وب|ولاية| كاي", "وب|ولاية| كاي"},
		{"fa lam", "فل|يذهبوا|", "فل|يذهبوا|"},
		{"kaf of a short word is no proclitic", "في ك|اي| اليوم", "في |كاي| اليوم"},
		{"ba of a short word is no proclitic", "ب|ها|", "|بها|"},
		{"proclitic before a three-letter name", "ب|غاو|", "ب|غاو|"},
		{"waw lam", "ول|يكن| هذا", "ول|يكن| هذا"},
		{"proclitic with diacritic", "بِ|ولاية| كاي", "بِ|ولاية| كاي"},
		{"start on proclitic diacritic", "ب|ِولاية| كاي", "بِ|ولاية| كاي"},
		{"not a proclitic: alif", "وا|لفيلق|", "|والفيلق|"},
		{"not a proclitic: three letters", "وبل|د| كبير", "|وبلد| كبير"},
		{"lam fused with article kept whole", "لل|جيش المالي|", "|للجيش المالي|"},
		{"lam before article lam kept whole", "ل|لجيش المالي|", "|للجيش المالي|"},
		{"lam fused with article, all selected", "|للجيش| المالي", "|للجيش| المالي"},
		{"waw before fused lam", "و|للجيش| المالي", "و|للجيش| المالي"},
		{"tanween kept", "شهدت مالي |تصعيدًا| ملحوظًا", "شهدت مالي |تصعيدًا| ملحوظًا"},
		{"tanween end inside", "شهدت مالي |تصعيد|ًا ملحوظًا", "شهدت مالي |تصعيدًا| ملحوظًا"},
		{"end between letter and its tanween", "أكثر من |30 جندي|اً", "أكثر من |30 جندياً|"},
		{"trailing shadda kept", "|مدّ| ", "|مدّ| "},
		{"tatweel inside", "في ك|ـــاي| اليوم", "في |كـــاي| اليوم"},
		{"tatweel start not proclitic", "في كـــ|اي| اليوم", "في |كـــاي| اليوم"},
		{"tatweel only", "عنوان |ــــــ| نص", ""},
		{"Latin", "تبنت J|NIM| الهجوم", "تبنت |JNIM| الهجوم"},
		{"Latin in parentheses", "الجماعة |(JNIM)|", "الجماعة (|JNIM|)"},
		{"Western digits", "أكتوبر 2|02|5 صباحا", "أكتوبر |2025| صباحا"},
		{"Arabic-Indic digits", "أكتوبر |٢٠|٢٥ صباحا", "أكتوبر |٢٠٢٥| صباحا"},
		{"Extended Arabic-Indic digits", "سال ۱۴|۰|۳", "سال |۱۴۰۳|"},
		{"date", "الثلاثاء |7 أكتوبر 2025.|", "الثلاثاء |7 أكتوبر 2025|."},
		{"emoji before", "🔥|🔥 كاي|", "🔥🔥 |كاي|"},
		{"emoji after", "|كاي🔥|🔥", "|كاي|🔥🔥"},
		{"emoji glued both sides", "🔥ك|ا|ي🔥", "🔥|كاي|🔥"},
		{"emoji ZWJ sequence not a word", "|👨‍👩‍👧 كاي|", "👨‍👩‍👧 |كاي|"},
		{"emoji ZWJ sequence only", "|👨‍👩‍👧|", ""},
		{"ZWNJ inside word", "|می‌خواهم|", "|می‌خواهم|"},
		{"combining acute on Latin", "|cafe\u0301|s", "|cafe\u0301s|"},
		{"punctuation only", "كاي |، ؛ ؟| سيكاسو", ""},
		{"spaces only", "كاي |  | سيكاسو", ""},
		{"collapsed inside word", "في كا|ي اليوم", "في |كاي| اليوم"},
		{"collapsed at word start", "في |كاي اليوم", "في |كاي| اليوم"},
		{"collapsed at word end", "في كاي| اليوم", "في |كاي| اليوم"},
		{"collapsed in spaces", "في كاي | اليوم", ""},
		{"collapsed at text end", "كاي|", "|كاي|"},
		{"collapsed in empty text", "|", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, start, end := marked(t, tt.in)
			s, e, ok := Snap(text, start, end)
			if tt.want == "" {
				if ok {
					t.Errorf("Snap(%s) = %s, want not ok", tt.in, mark(text, s, e))
				}
				return
			}
			if !ok {
				t.Fatalf("Snap(%s) not ok, want %s", tt.in, tt.want)
			}
			if got := mark(text, s, e); got != tt.want {
				t.Errorf("Snap(%s) = %s, want %s", tt.in, got, tt.want)
			}
			// Snapping is idempotent.
			if s2, e2, ok := Snap(text, s, e); !ok || s2 != s || e2 != e {
				t.Errorf("Snap(Snap(%s)) = %s, %v; want %s", tt.in, mark(text, s2, e2), ok, tt.want)
			}
		})
	}
}

func TestSnapClamp(t *testing.T) {
	text := []rune("في كاي")
	tests := []struct{ start, end, s, e int }{
		{-5, 100, 0, 6},
		{6, 3, 3, 6},     // reversed
		{100, 100, 3, 6}, // collapsed at the end, touching كاي
		{3, 3, 3, 6},
	}
	for _, tt := range tests {
		s, e, ok := Snap(text, tt.start, tt.end)
		if tt.s == tt.e {
			if ok {
				t.Errorf("Snap(%d,%d) = %d,%d; want not ok", tt.start, tt.end, s, e)
			}
			continue
		}
		if !ok || s != tt.s || e != tt.e {
			t.Errorf("Snap(%d,%d) = %d,%d,%v; want %d,%d", tt.start, tt.end, s, e, ok, tt.s, tt.e)
		}
	}
	if _, _, ok := Snap(nil, 0, 0); ok {
		t.Error("Snap(nil) ok")
	}
}

func TestWordAt(t *testing.T) {
	tests := []struct{ in, want string }{
		{"في |كاي", "في |كاي|"},
		{"في ك|اي", "في |كاي|"},
		{"في كا|ي، سيكاسو", "في |كاي|، سيكاسو"},
		{"في كاي|، سيكاسو", ""},
		{"في| كاي", ""},
		{"و|الفيلق", "|والفيلق|"},
		{"تصعيد|ًا", "|تصعيدًا|"},
		{"ك|ـــاي", "|كـــاي|"},
		{"🔥|٢٠٢٥🔥", "🔥|٢٠٢٥|🔥"},
		{"|🔥كاي", ""},
		{"👨|‍👩", ""},
		{"كاي|", ""},
		{"|", ""},
		{" |\u064Eكاي", ""}, // an orphan mark before a word is not part of it
	}
	for _, tt := range tests {
		text, i, _ := marked(t, tt.in)
		s, e, ok := WordAt(text, i)
		if tt.want == "" {
			if ok {
				t.Errorf("WordAt(%s) = %s, want not ok", tt.in, mark(text, s, e))
			}
			continue
		}
		if got := mark(text, s, e); !ok || got != tt.want {
			t.Errorf("WordAt(%s) = %s, %v; want %s", tt.in, got, ok, tt.want)
		}
	}
	if _, _, ok := WordAt([]rune("كاي"), -1); ok {
		t.Error("WordAt(-1) ok")
	}
}

func TestToggleProclitic(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"exclude waw", "|ولاية| كاي", "و|لاية| كاي"},
		{"include waw back", "و|لاية| كاي", "|ولاية| كاي"},
		{"include ba", "ب|ولاية كاي|", "|بولاية كاي|"},
		{"exclude ba", "|بولاية كاي|", "ب|ولاية كاي|"},
		{"exclude waw before article", "|والفيلق الإفريقي|", "و|الفيلق الإفريقي|"},
		{"include waw before article", "و|الفيلق الإفريقي|", "|والفيلق الإفريقي|"},
		{"exclude with diacritic", "|بِولاية|", "بِ|ولاية|"},
		{"include with diacritic", "بِ|ولاية|", "|بِولاية|"},
		{"exclude first of two", "|وبولاية|", "و|بولاية|"},
		{"include two", "وب|ولاية|", "|وبولاية|"},
		{"exclude lam of fused article", "|للجيش|", "ل|لجيش|"},
		{"not at word start", "ال|كتاب|", ""},
		{"no proclitic", "|مالي|", ""},
		{"single-letter word", "|و| كاي", ""},
		{"span of proclitic only", "|و|لاية", ""},
		{"proclitic then tatweel", "|بـــولاية|", ""},
		{"three letters before", "وبل|د|", ""},
		{"after punctuation", "«|بولاية|»", "«ب|ولاية|»"},
		{"Latin", "|JNIM|", ""},
		{"empty span", "ب|ولاية", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, start, end := marked(t, tt.in)
			s, e, ok := ToggleProclitic(text, start, end)
			if tt.want == "" {
				if ok {
					t.Errorf("ToggleProclitic(%s) = %s, want not ok", tt.in, mark(text, s, e))
				}
				return
			}
			if got := mark(text, s, e); !ok || got != tt.want {
				t.Errorf("ToggleProclitic(%s) = %s, %v; want %s", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestToggleProcliticRoundTrip(t *testing.T) {
	for _, in := range []string{"|ولاية| كاي", "ب|ولاية كاي|", "|والفيلق الإفريقي|", "|بِولاية|"} {
		text, start, end := marked(t, in)
		s, e, ok := ToggleProclitic(text, start, end)
		if !ok {
			t.Fatalf("ToggleProclitic(%s) not ok", in)
		}
		s2, e2, ok := ToggleProclitic(text, s, e)
		if !ok || s2 != start || e2 != end {
			t.Errorf("toggling %s twice = %s, want it back", in, mark(text, s2, e2))
		}
	}
}

func TestIsWordRune(t *testing.T) {
	word := "كاJ7٣۴\u064B\u0650\u0670\u0301\u0640\u200C\u200Dé"
	for _, r := range word {
		if !IsWordRune(r) {
			t.Errorf("IsWordRune(%U) = false", r)
		}
	}
	for _, r := range " \n\t،؛؟«»“”.,:;!?()[]-–—🔥❤\u200F\u00A0|" {
		if IsWordRune(r) {
			t.Errorf("IsWordRune(%U) = true", r)
		}
	}
}

// BenchmarkSnap checks that snapping costs the word, not the document.
func BenchmarkSnap(b *testing.B) {
	text := []rune(strings.Repeat("شهدت مالي خلال الأيام الأخيرة تصعيدًا ملحوظًا في هجمات جماعة نصرة الإسلام والمسلمين. ", 2000))
	mid := len(text) / 2
	for b.Loop() {
		Snap(text, mid+1, mid+9)
	}
}

// TestStep checks where the focus goes a code point or a word at a time,
// in Arabic with diacritics, Latin, digits and punctuation; the expected
// offsets are counted by hand from the code points of each text.
func TestStep(t *testing.T) {
	tests := []struct {
		text          string
		i             int
		forward, word bool
		want          int
	}{
		{"قال الجيش", 0, true, false, 1},
		{"قال الجيش", 0, false, false, 0},       // at the start
		{"قال الجيش", 9, true, false, 9},        // at the end
		{"قال الجيش", 0, true, true, 3},         // to the end of قال
		{"قال الجيش", 3, true, true, 4},         // over the space
		{"قال الجيش", 4, true, true, 9},         // to the end of الجيش
		{"قال الجيش", 9, false, true, 4},        // back to its start
		{"كَتَبَ نص", 0, true, true, 6},         // diacritics belong to the word (6 code points)
		{"في Gao، 12 قتيلا", 3, true, true, 6},  // Latin: Gao
		{"في Gao، 12 قتيلا", 6, true, true, 8},  // the comma and space
		{"في Gao، 12 قتيلا", 8, true, true, 10}, // digits
		{"", 0, true, true, 0},
	}
	for _, tt := range tests {
		if got := Step([]rune(tt.text), tt.i, tt.forward, tt.word); got != tt.want {
			t.Errorf("Step(%q, %d, forward %v, word %v) = %d, want %d", tt.text, tt.i, tt.forward, tt.word, got, tt.want)
		}
	}
}

// TestNextWord checks the word a keyboard user moves to, in both reading
// directions; the offsets are counted by hand.
func TestNextWord(t *testing.T) {
	const text = "قال، الجيش: 12 Gao"
	tests := []struct {
		i       int
		forward bool
		s, e    int
		ok      bool
	}{
		{0, true, 0, 3, true},    // قال
		{3, true, 5, 10, true},   // over "، " to الجيش
		{10, true, 12, 14, true}, // 12
		{14, true, 15, 18, true}, // Gao
		{18, true, 0, 0, false},  // nothing after
		{18, false, 15, 18, true},
		{15, false, 12, 14, true},
		{5, false, 0, 3, true},
		{0, false, 0, 0, false},
		{-3, true, 0, 3, true}, // clamped
	}
	for _, tt := range tests {
		s, e, ok := NextWord([]rune(text), tt.i, tt.forward)
		if s != tt.s || e != tt.e || ok != tt.ok {
			t.Errorf("NextWord(%d, forward %v) = %d, %d, %v; want %d, %d, %v", tt.i, tt.forward, s, e, ok, tt.s, tt.e, tt.ok)
		}
	}
}
