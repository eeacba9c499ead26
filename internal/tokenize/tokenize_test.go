package tokenize

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/sample"
)

func texts(ts []Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Text
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		text string
		cuts []int
		want []string
	}{
		{"arabic words and comma", "في ولايات كاي، سيكاسو", nil, []string{"في", "ولايات", "كاي", "،", "سيكاسو"}},
		{"arabic punctuation", "«الجيش»؛ لماذا؟", nil, []string{"«", "الجيش", "»", "؛", "لماذا", "؟"}},
		{"digits whole", "الثلاثاء 7 أكتوبر 2025", nil, []string{"الثلاثاء", "7", "أكتوبر", "2025"}},
		{"arabic-indic digits", "٢٠٢٥م", nil, []string{"٢٠٢٥م"}},
		{"decimal and thousands", "7.5 و1,000 و٣٫٥ و2025.", nil, []string{"7.5", "و1", ",", "000", "و٣", "٫", "٥", "و2025", "."}},
		{"number join", "بلغ 1,000 و3.5 و٣٫٥.", nil, []string{"بلغ", "1,000", "و3", ".", "5", "و٣", "٫", "٥", "."}},
		{"latin whole", "JNIM (Jama'at) al-Qaeda", nil, []string{"JNIM", "(", "Jama", "'", "at", ")", "al", "-", "Qaeda"}},
		{"diacritics and tatweel stay", "مستوىً متقـــدمًا ماليّة", nil, []string{"مستوىً", "متقـــدمًا", "ماليّة"}},
		{"emoji own tokens", "🔻باماكو📌 x", nil, []string{"🔻", "باماكو", "📌", "x"}},
		{"emoji sequence", "👨‍👩‍👧 👍🏽 🇲🇱🇫🇷 ❤️", nil, []string{"👨‍👩‍👧", "👍🏽", "🇲🇱", "🇫🇷", "❤️"}},
		{"proclitic cut", "والفيلق الإفريقي", []int{1, 16}, []string{"و", "الفيلق", "الإفريقي"}},
		{"cut inside number", "2025م", []int{4}, []string{"2025", "م"}},
		{"cut before number join", "1.5", []int{2}, []string{"1", ".", "5"}},
		{"whitespace never a token", " \t\n a \u00a0 b\u200bc ", nil, []string{"a", "b", "c"}},
		{"bidi mark skipped outside word", "\u200fمالي\u200f كاي", nil, []string{"مالي\u200f", "كاي"}},
		{"orphan mark", " \u064bب", nil, []string{"\u064bب"}},
		{"empty", "", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Tokens(tc.text, tc.cuts)
			if (len(got) > 0 || len(tc.want) > 0) && !reflect.DeepEqual(texts(got), tc.want) {
				t.Fatalf("Tokens(%q) = %q, want %q", tc.text, texts(got), tc.want)
			}
			checkTokens(t, tc.text, got)
		})
	}
}

// checkTokens checks that tokens are in order, non-empty, whitespace-free and
// that each one's Text is its code-point range of text.
func checkTokens(t *testing.T, text string, ts []Token) {
	t.Helper()
	runes := []rune(text)
	prev := 0
	for _, tok := range ts {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(runes) {
			t.Fatalf("token %+v out of order or range", tok)
		}
		if string(runes[tok.Start:tok.End]) != tok.Text {
			t.Fatalf("token %+v: text[%d:%d] = %q", tok, tok.Start, tok.End, string(runes[tok.Start:tok.End]))
		}
		if strings.IndexFunc(tok.Text, func(r rune) bool { return classify(r) == classSpace }) >= 0 {
			t.Fatalf("token %q holds whitespace", tok.Text)
		}
		prev = tok.End
	}
}

func sentenceTexts(ss []Sentence) [][]string {
	out := make([][]string, len(ss))
	for i, s := range ss {
		out[i] = texts(s)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans [][2]int
		want  [][]string
	}{
		{"terminators", "قال. ثم؟ لا! نعم? و", nil, [][]string{{"قال", "."}, {"ثم", "؟"}, {"لا", "!"}, {"نعم", "?"}, {"و"}}},
		{"line breaks", "\nشهدت مالي\nكمائن\r\n\nأعلنت", nil, [][]string{{"شهدت", "مالي"}, {"كمائن"}, {"أعلنت"}}},
		{"closers stay", "قال «نعم.» ثم (لا؟) و...", nil, [][]string{{"قال", "«", "نعم", ".", "»"}, {"ثم", "(", "لا", "؟", ")"}, {"و", ".", ".", "."}}},
		{"not inside a span", "U.S. Army attacked. Then", [][2]int{{0, 9}}, [][]string{{"U", ".", "S", ".", "Army", "attacked", "."}, {"Then"}}},
		{"span ending in terminator", "Acme Inc. Then", [][2]int{{5, 9}}, [][]string{{"Acme", "Inc", "."}, {"Then"}}},
		{"line break inside span", "كاي\nسيكاسو", [][2]int{{0, 10}}, [][]string{{"كاي", "سيكاسو"}}},
		{"proclitic", "والفيلق.", [][2]int{{1, 7}}, [][]string{{"و", "الفيلق", "."}}},
		{"no tokens", " \n ", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var spans []corpus.Span
			for _, s := range tc.spans {
				spans = append(spans, corpus.Span{Start: s[0], End: s[1], Label: corpus.Place})
			}
			got := Sentences(tc.text, spans)
			if (len(got) > 0 || len(tc.want) > 0) && !reflect.DeepEqual(sentenceTexts(got), tc.want) {
				t.Fatalf("Sentences(%q) = %q, want %q", tc.text, sentenceTexts(got), tc.want)
			}
		})
	}
	// A Memo gives the same sentences, called again with the same text and
	// spans (from memory) or with others (tokenised anew).
	var m Memo
	for _, rep := range []int{0, 1} {
		for _, tc := range tests {
			var spans []corpus.Span
			for _, s := range tc.spans {
				spans = append(spans, corpus.Span{Start: s[0], End: s[1], Label: corpus.Place})
			}
			for range 2 {
				var got []Sentence
				m.EachSentence(tc.text, spans, func(s Sentence) { got = append(got, slices.Clone(s)) })
				if want := Sentences(tc.text, spans); !reflect.DeepEqual(got, want) {
					t.Errorf("pass %d, %s: Memo.EachSentence = %q, want %q", rep, tc.name, sentenceTexts(got), sentenceTexts(want))
				}
			}
		}
		// the same text with other spans
		var got []Sentence
		text := "U.S. Army attacked. Then"
		m.EachSentence(text, nil, func(s Sentence) {})
		m.EachSentence(text, []corpus.Span{{Start: 0, End: 9}}, func(s Sentence) { got = append(got, slices.Clone(s)) })
		if want := Sentences(text, []corpus.Span{{Start: 0, End: 9}}); !reflect.DeepEqual(got, want) {
			t.Errorf("other spans: Memo.EachSentence = %q, want %q", sentenceTexts(got), sentenceTexts(want))
		}
	}
}

// TestGoldSpansAreTokenSequences checks the rule's promise on the sample
// gold corpus: every span starts at a token's start and ends at a token's
// end.
func TestGoldSpansAreTokenSequences(t *testing.T) {
	docs := sample.Gold()
	if len(docs) == 0 {
		t.Fatal("the sample corpus is empty")
	}
	for _, d := range docs {
		checkSpansAreTokenSequences(t, d.ID, d.Text, d.Spans)
	}
}

// checkSpansAreTokenSequences checks that each of the spans, sorted, of a
// gold document starts at a token's start and ends at a token's end.
func checkSpansAreTokenSequences(t *testing.T, id, text string, spans []corpus.Span) {
	t.Helper()
	var all []Token
	for _, s := range Sentences(text, spans) {
		all = append(all, s...)
	}
	checkTokens(t, text, all)
	starts, ends := map[int]bool{}, map[int]bool{}
	for _, tok := range all {
		starts[tok.Start], ends[tok.End] = true, true
	}
	runes := []rune(text)
	for _, s := range spans {
		if !starts[s.Start] || !ends[s.End] {
			t.Errorf("%s: span %q [%d,%d) is not a token sequence", id, string(runes[s.Start:s.End]), s.Start, s.End)
		}
	}
	// the rule on the text alone (no cuts) splits only at whitespace and punctuation
	if n := len(Tokens(text, nil)); n == 0 || n > utf8.RuneCountInString(text) {
		t.Errorf("%s: %d tokens", id, n)
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("والفيلق الإفريقي، 7.5 🔻👨‍👩‍👧 U.S.", 1, 7)
	f.Add("\u064b\u200f 🇲🇱🇫🇷🇩", 0, 2)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if !utf8.ValidString(text) {
			return
		}
		n := utf8.RuneCountInString(text)
		if a < 0 || b < 0 || n == 0 {
			return
		}
		a, b = a%(n+1), b%(n+1)
		if a > b {
			a, b = b, a
		}
		var spans []corpus.Span
		var cuts []int
		if a < b {
			spans = []corpus.Span{{Start: a, End: b, Label: corpus.Place}}
			cuts = []int{a, b}
		}
		toks := Tokens(text, cuts)
		checkTokens(t, text, toks)
		var all []Token
		for _, s := range Sentences(text, spans) {
			if len(s) == 0 {
				t.Fatal("empty sentence")
			}
			all = append(all, s...)
		}
		if !reflect.DeepEqual(all, toks) && len(all)+len(toks) > 0 {
			t.Fatalf("sentences hold %v, tokens are %v", all, toks)
		}
	})
}

// BenchmarkSentences splits the sample gold documents into sentences.
func BenchmarkSentences(b *testing.B) {
	benchSentences(b, sample.Gold())
}

func benchSentences(b *testing.B, docs []corpus.Document) {
	if len(docs) == 0 {
		b.Fatal("no document")
	}
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	for i := 0; i < b.N; i++ {
		n := 0
		for _, d := range docs {
			EachSentence(d.Text, d.Spans, func(s Sentence) { n += len(s) })
		}
	}
}

func TestSentenceBreakBeforeSpanInWhitespace(t *testing.T) {
	// the span starts on the line break: the break still ends the sentence
	got := sentenceTexts(Sentences("قال.\nكاي", []corpus.Span{{Start: 4, End: 8, Label: corpus.Place}}))
	if !reflect.DeepEqual(got, [][]string{{"قال", "."}, {"كاي"}}) {
		t.Errorf("got %q", got)
	}
}
