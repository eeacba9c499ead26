// Package fold makes the matching keys of Arabic text: alef forms, alef
// maqsura, ta marbuta, tatweel, harakat and digits folded away, with every
// key rune mapped back to the code point of the stored text it came from.
//
// The stored text is never changed: a Text keeps it as runes and gives each
// word its folded key and, per key rune, the code-point offset of its
// source, so a match found on keys is reported in the offsets spans store.
package fold

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/raqim/raqim/internal/tokenize"
)

// Rules states the folding in prose, for documentation and tests.
const Rules = "أ إ آ ٱ → ا; ى → ي; ة → ه; Persian ی → ي and ک → ك; tatweel, " +
	"harakat (U+064B–U+065F, U+0670, U+06D6–U+06ED) and format characters " +
	"removed; Arabic-Indic ٠–٩ and Persian ۰–۹ digits → 0–9; Latin letters lower " +
	"case; Arabic presentation forms decomposed (NFKC) to the base letters."

// appendRune appends the folded form of r to dst: nothing for a dropped
// rune, one or (for a presentation-form ligature) more runes otherwise.
func appendRune(dst []rune, r rune) []rune {
	switch {
	case r < 0x80:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, r)
	case r >= 'ا' && r <= 'غ' && r != 'ة' || r >= 'ف' && r <= 'ي' && r != 'ى' || r == 'ء' || r == 'ؤ' || r == 'ئ':
		return append(dst, r) // the common case: an Arabic letter kept as it is
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return append(dst, 'ا')
	case r == 'ى' || r == 'ی' || r == 'ې': // alef maqsura, Persian yeh
		return append(dst, 'ي')
	case r == 'ة':
		return append(dst, 'ه')
	case r == 'ک': // Persian keheh
		return append(dst, 'ك')
	case r == 'ـ': // tatweel
		return dst
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED:
		return dst // harakat, superscript alef, Quranic marks
	case r >= '٠' && r <= '٩':
		return append(dst, '0'+(r-'٠'))
	case r >= '۰' && r <= '۹':
		return append(dst, '0'+(r-'۰'))
	case unicode.Is(unicode.Cf, r): // ZWJ, ZWNJ, bidi marks
		return dst
	case r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		// Arabic presentation forms: NFKC gives the base letters (ﻻ → لا).
		for _, q := range norm.NFKC.String(string(r)) {
			if q == ' ' {
				continue
			}
			dst = appendRune(dst, q)
		}
		return dst
	case unicode.IsUpper(r):
		return append(dst, unicode.ToLower(r))
	}
	return append(dst, r)
}

// String returns the folded key of s.
func String(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = appendRune(out, r)
	}
	return string(out)
}

// Word is one token of a text with its folded key.
type Word struct {
	// Start and End are the token's code points [Start, End) in the text.
	Start, End int
	// Key is the folded form of the token; empty when nothing is left of it
	// (a lone mark).
	Key string
	// Punct reports a token of punctuation or symbols, not of letters or digits.
	Punct    bool
	offs     []int32   // offs[i] is the code point where key rune i comes from
	readings []Reading // Readings(Key), made on first use
}

// Readings returns Readings(w.Key), computed once per word.
func (w *Word) Readings() []Reading {
	if w.readings == nil {
		w.readings = Readings(w.Key)
	}
	return w.readings
}

// Offset returns the code point of the text that key rune i of w comes
// from; i == the key's rune count gives w.End.
func (w *Word) Offset(i int) int {
	if i >= len(w.offs) {
		return w.End
	}
	return int(w.offs[i])
}

// Text is a stored text with its words and their keys.
type Text struct {
	Runes []rune
	Words []Word
}

// New tokenises text with the project's tokenisation rule (see
// tokenize.Rule) and folds each token.
func New(text string) *Text {
	runes := []rune(text)
	toks := tokenize.Tokens(text, nil)
	t := &Text{Runes: runes, Words: make([]Word, 0, len(toks))}
	var buf []rune
	offs := make([]int32, 0, len(runes)+len(runes)/8) // shared by the words
	for _, tok := range toks {
		w := Word{Start: tok.Start, End: tok.End}
		buf = buf[:0]
		from := len(offs)
		letter := false
		for i := tok.Start; i < tok.End; i++ {
			r := runes[i]
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				letter = true
			}
			n := len(buf)
			buf = appendRune(buf, r)
			for ; n < len(buf); n++ {
				offs = append(offs, int32(i))
			}
		}
		w.offs = offs[from:len(offs):len(offs)]
		w.Key = string(buf)
		w.Punct = !letter
		t.Words = append(t.Words, w)
	}
	return t
}

// Slice returns the stored text of the code points [start, end).
func (t *Text) Slice(start, end int) string { return string(t.Runes[start:end]) }

// WordAt returns the index of the word that contains code point i, or -1.
func (t *Text) WordAt(i int) int {
	lo, hi := 0, len(t.Words)
	for lo < hi {
		m := (lo + hi) / 2
		switch w := t.Words[m]; {
		case i < w.Start:
			hi = m
		case i >= w.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Keys returns the folded keys of s's words joined by single spaces: the
// form in which dictionaries store phrases.
func Keys(s string) string {
	t := New(s)
	parts := make([]string, 0, len(t.Words))
	for _, w := range t.Words {
		if w.Key != "" {
			parts = append(parts, w.Key)
		}
	}
	return strings.Join(parts, " ")
}
