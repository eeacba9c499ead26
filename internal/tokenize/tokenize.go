// Package tokenize holds raqim's one tokenisation rule for the token-based
// export formats (CoNLL, BIOES, Hugging Face): the rule is stated in Rule,
// and every format that needs tokens or sentences gets them from here.
//
// Offsets are Unicode code points into the text exactly as stored, like the
// offsets of corpus.Span; a Token's Text is always text[Start:End].
package tokenize

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

// Rule states the tokenisation rule in prose, for dataset cards and docs.
const Rule = "Tokens are maximal runs of letters and digits together with the combining " +
	"marks (Arabic diacritics), tatweel and joiners inside them, so Latin words and " +
	"numbers stay whole; digits joined by a single . , ٫ or ٬ stay one token (7.5, 1,000). " +
	"Every punctuation mark or symbol is a token of its own (Arabic ، ؛ ؟ « » included), " +
	"and so is every emoji, with its modifiers and zero-width-joiner sequence. " +
	"Whitespace, control characters and stray format characters (such as a right-to-left " +
	"mark between words) separate tokens and are never tokens. " +
	"Tokens are also split at every span boundary, so a proclitic left outside a span " +
	"(و in والفيلق with the span on الفيلق) is its own token, as in Arabic Treebank " +
	"segmentation: every span is an exact sequence of tokens. " +
	"Sentences end after . ! ? or ؟ (with the closing quotes and brackets right after it) " +
	"and at line breaks, but never inside a span."

// Token is one token: its text and its code-point range [Start, End).
type Token struct {
	Text  string
	Start int
	End   int
}

// Sentence is a run of tokens that the sentence rule keeps together.
type Sentence []Token

// class is what a code point does in the rule.
type class uint8

const (
	classSpace  class = iota // separates tokens, never a token
	classWord                // letters, digits: runs form one token
	classExtend              // marks and format characters: stay with the token before
	classSymbol              // punctuation, symbols, emoji: a token each
)

// fastClass caches classifySlow for the code points below 0x800 (Latin,
// Greek, Cyrillic, Hebrew, Arabic), which make up nearly all of the text.
var fastClass = func() (t [0x800]class) {
	for r := range t {
		t[r] = classifySlow(rune(r))
	}
	return t
}()

// fastDigit caches unicode.IsDigit below 0x800.
var fastDigit = func() (t [0x800]bool) {
	for r := range t {
		t[r] = unicode.IsDigit(rune(r))
	}
	return t
}()

func isDigit(r rune) bool {
	if r >= 0 && r < rune(len(fastDigit)) {
		return fastDigit[r]
	}
	return unicode.IsDigit(r)
}

func classify(r rune) class {
	if r >= 0 && r < rune(len(fastClass)) {
		return fastClass[r]
	}
	return classifySlow(r)
}

func classifySlow(r rune) class {
	switch {
	case r < 0x80:
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
			return classWord
		case r <= ' ' || r == 0x7f:
			return classSpace
		default:
			return classSymbol
		}
	case r == 0x200B || r == 0xFEFF || r == 0x85 || r == 0x2028 || r == 0x2029:
		// zero-width space, BOM, next line and the Unicode line and
		// paragraph separators separate words.
		return classSpace
	case r >= 0x1F3FB && r <= 0x1F3FF: // emoji skin-tone modifiers
		return classExtend
	case unicode.IsSpace(r), unicode.Is(unicode.Cc, r):
		return classSpace
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.Is(unicode.Co, r):
		return classWord
	case unicode.IsMark(r), unicode.Is(unicode.Cf, r):
		return classExtend
	default: // punctuation, symbols, unassigned code points (such as newer emoji)
		return classSymbol
	}
}

// isLineBreak reports whether r ends a line, as Python's str.splitlines does.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isTerminator reports whether r ends a sentence.
func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '؟'
}

// isNumberJoin reports whether r may join two digit runs inside one number.
func isNumberJoin(r rune) bool {
	return r == '.' || r == ',' || r == '٫' || r == '٬'
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// Tokens returns the tokens of text, also splitting at every code-point
// offset in cuts (which need not be sorted or unique).
func Tokens(text string, cuts []int) []Token {
	var out []Token
	scan(text, sortedCuts(cuts), func(t Token, _ bool) { out = append(out, t) })
	return out
}

// Sentences returns the sentences of text tokenised with a cut at every span
// boundary; no sentence ends inside a span, and sentences without tokens are
// left out. Spans must be sorted by Start and must not overlap.
func Sentences(text string, spans []corpus.Span) []Sentence {
	var out []Sentence
	EachSentence(text, spans, func(s Sentence) { out = append(out, slices.Clone(s)) })
	return out
}

// EachSentence calls f with each sentence that Sentences would return; the
// sentence's backing array is reused after f returns.
func EachSentence(text string, spans []corpus.Span, f func(Sentence)) {
	cuts := make([]int, 0, 2*len(spans))
	for _, s := range spans {
		cuts = append(cuts, s.Start, s.End)
	}
	cuts = sortedCuts(cuts)
	var (
		cur     Sentence
		closing bool // the sentence has ended; closers may still join it
		si      int  // first span that may contain the next token
		prevEnd = -1 // end of the token before
	)
	// inSpan reports whether a token starting at p and the token before it
	// (ending at prevEnd) lie in one span.
	inSpan := func(p int) bool {
		for si < len(spans) && spans[si].End <= p {
			si++
		}
		return si < len(spans) && spans[si].Start < prevEnd && p < spans[si].End
	}
	flush := func() {
		if len(cur) > 0 {
			f(cur)
			cur = cur[:0]
		}
		closing = false
	}
	scan(text, cuts, func(t Token, lineBreak bool) {
		r, _ := utf8.DecodeRuneInString(t.Text)
		if inSpan(t.Start) {
			closing = false // a terminator inside a span ends nothing
		} else if len(cur) > 0 {
			switch {
			case lineBreak:
				flush()
			case closing && (isTerminator(r) || unicode.In(r, unicode.Pe, unicode.Pf)):
				// a closing quote or bracket, or another terminator, stays
				// with the sentence it closes.
			case closing:
				flush()
			}
		}
		cur = append(cur, t)
		prevEnd = t.End
		if isTerminator(r) {
			closing = true
		}
	})
	flush()
}

// sortedCuts returns cuts sorted and without duplicates, copying them only
// when they are not already so.
func sortedCuts(cuts []int) []int {
	sorted := true
	for i := 1; i < len(cuts); i++ {
		if cuts[i] <= cuts[i-1] {
			sorted = false
			break
		}
	}
	if sorted {
		return cuts
	}
	c := append([]int(nil), cuts...)
	slices.Sort(c)
	n := 0
	for i, v := range c {
		if i == 0 || v != c[n-1] {
			c[n] = v
			n++
		}
	}
	return c[:n]
}

// scan walks text once and calls emit with each token and whether a line
// break separates it from the token before.
func scan(text string, cuts []int, emit func(t Token, lineBreak bool)) {
	var (
		ci        int   // next cut to honour
		start     = -1  // code point where the current token starts; -1 none
		startByte int   // byte where it starts
		kind      class // classWord or classSymbol
		numeric   bool  // the current word token is digits (and joins) only
		lastRune  rune  // last code point added to the current token
		regional  int   // regional indicators in the current symbol token
		lineBreak bool  // a line break since the last token
	)
	end := func(i, b int) {
		if start >= 0 {
			emit(Token{Text: text[startByte:b], Start: start, End: i}, lineBreak)
			lineBreak = false
			start = -1
		}
	}
	i := 0 // code point index
	for b := 0; b < len(text); {
		r, w := utf8.DecodeRuneInString(text[b:])
		cut := false
		for ci < len(cuts) && cuts[ci] <= i {
			if cuts[ci] == i {
				cut = true
			}
			ci++
		}
		if cut {
			end(i, b)
		}
		c := classify(r)
		switch c {
		case classSpace:
			end(i, b)
			if isLineBreak(r) {
				lineBreak = true
			}
		case classExtend:
			if start >= 0 {
				lastRune = r
				break
			}
			if unicode.IsMark(r) {
				// a mark with no base (after a space or a cut) starts a word
				start, startByte, kind, numeric, lastRune = i, b, classWord, false, r
			}
			// a format character with nothing to attach to is skipped
		case classWord:
			digit := isDigit(r)
			if start >= 0 && kind == classWord {
				numeric = numeric && digit
				lastRune = r
				break
			}
			end(i, b)
			start, startByte, kind, numeric, lastRune = i, b, classWord, digit, r
		case classSymbol:
			if start >= 0 && kind == classWord && numeric && isNumberJoin(r) && joinsNumber(text, b+w, i+1, cuts, ci) {
				lastRune = r
				break
			}
			if start >= 0 && kind == classSymbol {
				if lastRune == 0x200D {
					lastRune = r
					break
				}
				if isRegionalIndicator(r) && isRegionalIndicator(lastRune) && regional == 1 {
					regional++
					lastRune = r
					break
				}
			}
			end(i, b)
			start, startByte, kind, lastRune, regional = i, b, classSymbol, r, 0
			if isRegionalIndicator(r) {
				regional = 1
			}
		}
		b += w
		i++
	}
	end(i, len(text))
}

// joinsNumber reports whether the code point at byte b (code point i), right
// after a number joiner, is a digit with no cut before it; cuts[ci:] are the
// cuts after the joiner.
func joinsNumber(text string, b, i int, cuts []int, ci int) bool {
	if b >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[b:])
	return isDigit(r) && (ci >= len(cuts) || cuts[ci] != i)
}

// Memo remembers the sentences of the text and spans it last tokenised, so
// that writers of one document in several formats tokenise it once. The
// zero value is ready; a Memo is not safe for concurrent use.
type Memo struct {
	text  string
	cuts  [][2]int // the spans' start and end
	toks  []Token
	sents []int // end of each sentence in toks
}

// EachSentence calls f as EachSentence(text, spans, f) would, from memory
// when text and the spans' bounds are those of the last call. f must not
// modify the sentence.
func (m *Memo) EachSentence(text string, spans []corpus.Span, f func(Sentence)) {
	if !m.holds(text, spans) {
		m.text = text
		m.cuts = m.cuts[:0]
		for _, s := range spans {
			m.cuts = append(m.cuts, [2]int{s.Start, s.End})
		}
		m.toks, m.sents = m.toks[:0], m.sents[:0]
		EachSentence(text, spans, func(s Sentence) {
			m.toks = append(m.toks, s...)
			m.sents = append(m.sents, len(m.toks))
		})
	}
	from := 0
	for _, end := range m.sents {
		f(m.toks[from:end:end])
		from = end
	}
}

func (m *Memo) holds(text string, spans []corpus.Span) bool {
	if m.sents == nil || text != m.text || len(spans) != len(m.cuts) {
		return false
	}
	for i, s := range spans {
		if m.cuts[i] != [2]int{s.Start, s.End} {
			return false
		}
	}
	return true
}
