// Package snap adjusts a selection in Arabic text (mixed with Latin letters,
// digits and emoji) to whole words, following the annotation guidelines:
// spans never start or end with whitespace or punctuation, a selection that
// cuts a word is widened to the whole word, and a proclitic the user
// deliberately left out stays out.
//
// Offsets are Unicode code points, half-open [start, end). Every function
// looks only at the runes of the words at the selection's edges (and at the
// runes it trims), never at the whole document.
package snap

import "unicode"

// Special characters that belong to words.
const (
	tatweel = '\u0640' // ARABIC TATWEEL (kashida), a stretching stroke inside words
	zwnj    = '\u200C' // ZERO WIDTH NON-JOINER
	zwj     = '\u200D' // ZERO WIDTH JOINER
)

// IsWordRune reports whether r belongs to words: a letter, a combining mark
// (such as an Arabic diacritic), a digit in any script, tatweel, ZWJ or ZWNJ.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r) || r == zwj || r == zwnj
}

// isBase reports whether r can carry a word on its own: a letter other than
// tatweel, or a digit. Marks, tatweel and joiners only extend a word.
func isBase(r rune) bool {
	return (unicode.IsLetter(r) && r != tatweel) || unicode.IsDigit(r)
}

func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) }

// IsProcliticLetter reports whether r is one of the Arabic one-letter
// proclitics و ف ب ل ك.
func IsProcliticLetter(r rune) bool {
	switch r {
	case 'و', 'ف', 'ب', 'ل', 'ك':
		return true
	}
	return false
}

// runStart returns the start of the run of word runes that ends at i
// (exclusive), walking back from i.
func runStart(text []rune, i int) int {
	for i > 0 && IsWordRune(text[i-1]) {
		i--
	}
	return i
}

// runEnd returns the end of the run of word runes that contains or starts at i.
func runEnd(text []rune, i int) int {
	for i < len(text) && IsWordRune(text[i]) {
		i++
	}
	return i
}

// firstBase returns the first base rune in text[a:b], or b if there is none.
func firstBase(text []rune, a, b int) int {
	for a < b && !isBase(text[a]) {
		a++
	}
	return a
}

// WordAt returns the word containing code point i: a maximal run of word
// runes holding at least one letter or digit, without leading marks,
// tatweel or joiners; ok is false if i is not inside such a word.
func WordAt(text []rune, i int) (s, e int, ok bool) {
	if i < 0 || i >= len(text) || !IsWordRune(text[i]) {
		return 0, 0, false
	}
	a, b := runStart(text, i), runEnd(text, i)
	s = firstBase(text, a, b)
	if s > i { // i sits in leading marks or joiners, or the run has no letter
		return 0, 0, false
	}
	return s, b, true
}

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}

// Snap returns the selection [start, end) adjusted to whole words: clamped to
// the text, trimmed of non-word runes at both edges, with an edge inside a
// word moved out to the word's edge unless the runes before the start are a
// proclitic sequence (see IsProcliticSequence) the user left out; a collapsed
// selection touching a word selects that word, and ok is false if no word remains.
func Snap(text []rune, start, end int) (s, e int, ok bool) {
	n := len(text)
	start, end = clamp(start, n), clamp(end, n)
	if start > end {
		start, end = end, start
	}
	if start == end {
		if s, e, ok := WordAt(text, start); ok {
			return s, e, true
		}
		return WordAt(text, start-1)
	}
	for start < end && !isBase(text[start]) {
		start++
	}
	for end > start && !isBase(text[end-1]) {
		end--
	}
	if start == end {
		return 0, 0, false
	}
	// text[start] and text[end-1] are letters or digits now.
	end = runEnd(text, end)
	ws := firstBase(text, runStart(text, start), start)
	if ws < start && keepsProclitic(text, ws, start) {
		return start, end, true
	}
	return ws, end, true
}

// keepsProclitic reports whether a selection starting at start, inside the
// word that starts at ws, deliberately leaves out a proclitic sequence.
// A lam before the article's lam (للجيش: ل + الجيش) is not left out: the
// guidelines keep such a fused word whole. Nor is a first letter before a
// stub of fewer than three letters (ك|اي is كاي, not a proclitic on اي).
func keepsProclitic(text []rune, ws, start int) bool {
	if !IsProcliticSequence(text[ws:start]) || !unicode.IsLetter(text[start]) {
		return false
	}
	if stubLetters(text, start) < 3 {
		return false
	}
	last := lastLetter(text[ws:start])
	if last == 'ل' && text[start] == 'ل' { // ل|لجيش: the article's lam follows
		return false
	}
	if last == 'ل' && letterCount(text[ws:start]) == 2 && firstLetter(text[ws:start]) == 'ل' { // لل|جيش
		return false
	}
	return true
}

// IsProcliticSequence reports whether p is one or two proclitic letters
// (و ف ب ل ك), each optionally followed by diacritics, such as "و", "بِ",
// "وب" or "فل".
func IsProcliticSequence(p []rune) bool {
	letters := 0
	for i, r := range p {
		switch {
		case IsProcliticLetter(r):
			letters++
		case isMark(r) && i > 0:
		default:
			return false
		}
	}
	return letters >= 1 && letters <= 2
}

// stubLetters counts the letters (not marks, tatweel or joiners) from i to
// the end of its word, up to 3.
func stubLetters(text []rune, i int) int {
	n := 0
	for ; i < len(text) && IsWordRune(text[i]) && n < 3; i++ {
		if isBase(text[i]) {
			n++
		}
	}
	return n
}

func letterCount(p []rune) int {
	n := 0
	for _, r := range p {
		if !isMark(r) {
			n++
		}
	}
	return n
}

func firstLetter(p []rune) rune {
	for _, r := range p {
		if !isMark(r) {
			return r
		}
	}
	return 0
}

func lastLetter(p []rune) rune {
	for i := len(p) - 1; i >= 0; i-- {
		if !isMark(p[i]) {
			return p[i]
		}
	}
	return 0
}

// ToggleProclitic moves the start of the span [start, end) across a
// proclitic: a span starting on a proclitic letter at a word's start, with
// more letters after it, loses that letter and its diacritics; otherwise a
// span preceded by a proclitic sequence starting a word gains it; ok is
// false when neither applies.
func ToggleProclitic(text []rune, start, end int) (s, e int, ok bool) {
	n := len(text)
	start, end = clamp(start, n), clamp(end, n)
	if start >= end {
		return 0, 0, false
	}
	// Exclude the proclitic the span starts with.
	if IsProcliticLetter(text[start]) && firstBase(text, runStart(text, start), start) == start {
		p := start + 1
		for p < end && isMark(text[p]) {
			p++
		}
		if p < end && unicode.IsLetter(text[p]) && text[p] != tatweel {
			return p, end, true
		}
	}
	// Include the proclitic sequence just before the span.
	if start > 0 && IsWordRune(text[start-1]) && unicode.IsLetter(text[start]) {
		ws := firstBase(text, runStart(text, start), start)
		if ws < start && IsProcliticSequence(text[ws:start]) {
			return ws, end, true
		}
	}
	return 0, 0, false
}

// Step returns where a selection's focus at code point i goes one code
// point on (forward) or back in text, or, with word, to the next edge
// between a word and what is not a word in that direction; it stays within
// [0, len(text)].
func Step(text []rune, i int, forward, word bool) int {
	n := len(text)
	d := -1
	if forward {
		d = 1
	}
	next := clamp(i+d, n)
	if word {
		for next > 0 && next < n && IsWordRune(text[next-1]) == IsWordRune(text[next]) {
			next = clamp(next+d, n)
		}
	}
	return next
}

// NextWord returns the word after code point i (forward) or before it in
// text, skipping what is not a word; ok is false when there is none.
func NextWord(text []rune, i int, forward bool) (s, e int, ok bool) {
	n := len(text)
	i = clamp(i, n)
	if forward {
		for i < n && !IsWordRune(text[i]) {
			i++
		}
		if i == n {
			return 0, 0, false
		}
		e = i
		for e < n && IsWordRune(text[e]) {
			e++
		}
		return i, e, true
	}
	for i > 0 && !IsWordRune(text[i-1]) {
		i--
	}
	if i == 0 {
		return 0, 0, false
	}
	s = i
	for s > 0 && IsWordRune(text[s-1]) {
		s--
	}
	return s, i, true
}
