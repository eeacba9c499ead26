package fold

import (
	"unicode/utf8"

	"github.com/raqim/raqim/internal/snap"
)

// Reading is one way to read a word key with its proclitics split off.
type Reading struct {
	// Skip is how many leading key runes are proclitics left outside a span.
	Skip int
	// Key is what is left to look up: the rest of the word, with the article
	// restored where a lam fused with it (للجيش → الجيش, Skip 0: the fused
	// word is kept whole, as the guidelines say).
	Key string
}

// MinStem is the fewest runes a word must keep after a proclitic is split
// off: snap's rule (ك|اي is كاي, not a proclitic on اي).
const MinStem = 3

// unsplittable are common words that begin with a proclitic letter and whose
// rest is also the name of a place or group (كبير is not ك + بير): their
// first letter is never split off.
var unsplittable = map[string]bool{
	"كبير": true, "كبيره": true, "كبار": true, "لسان": true, "وسوم": true,
	"كسان": true, "بسوم": true, "لغات": true,
}

// Readings returns the readings of a word key, the whole word first: then a
// lam fused with the article (للX → الX, kept whole), one proclitic split
// off (و ف ب ل ك), and و or ف followed by ب ل or ك. A proclitic is split
// off only where at least MinStem runes remain, never from an unsplittable
// word; callers look each reading up and keep the first that is a known
// entry, so a root letter (the و of ولاية) is never split from a word whose
// rest is unknown.
func Readings(key string) []Reading {
	out := []Reading{{0, key}}
	if r0, _ := utf8.DecodeRuneInString(key); !snap.IsProcliticLetter(r0) || unsplittable[key] {
		return out
	}
	r := []rune(key)
	if len(r) >= MinStem+1 && r[0] == 'ل' && r[1] == 'ل' {
		out = append(out, Reading{0, "ا" + string(r[1:])})
	}
	if len(r) >= MinStem+1 && snap.IsProcliticLetter(r[0]) {
		out = append(out, Reading{1, string(r[1:])})
		if (r[0] == 'و' || r[0] == 'ف') && len(r) >= MinStem+2 && r[1] == 'ل' && r[2] == 'ل' {
			out = append(out, Reading{1, "ا" + string(r[2:])})
		}
		if (r[0] == 'و' || r[0] == 'ف') && len(r) >= MinStem+2 && (r[1] == 'ب' || r[1] == 'ل' || r[1] == 'ك') {
			out = append(out, Reading{2, string(r[2:])})
		}
	}
	return out
}

// Stem returns key without its proclitics and article, for features and
// loose comparison: والجيش → جيش, بمالي → مالي, للجيش → جيش. Proclitics are
// removed only where MinStem runes remain.
func Stem(key string) string {
	r := []rune(key)
	if len(r) >= MinStem+2 && (r[0] == 'و' || r[0] == 'ف') && isArticleWord(r[1:]) {
		return string(r[3:])
	}
	if len(r) >= MinStem+2 && (r[0] == 'ب' || r[0] == 'ك' || r[0] == 'ل') && r[1] == 'ا' && r[2] == 'ل' {
		return string(r[3:])
	}
	if len(r) >= MinStem+2 && r[0] == 'ل' && r[1] == 'ل' {
		return string(r[2:])
	}
	if isArticleWord(r) {
		return string(r[2:])
	}
	if len(r) >= MinStem+1 && snap.IsProcliticLetter(r[0]) && !unsplittable[key] {
		return string(r[1:])
	}
	return key
}

// isArticleWord reports whether r starts with the article ال and keeps
// MinStem runes after it.
func isArticleWord(r []rune) bool {
	return len(r) >= MinStem+2 && r[0] == 'ا' && r[1] == 'ل'
}

// MaySplit reports whether key starts with a proclitic letter, so that
// Readings may give more than the whole word.
func MaySplit(key string) bool {
	r0, _ := utf8.DecodeRuneInString(key)
	return snap.IsProcliticLetter(r0)
}

// HasArticle reports whether key starts with the article ال (after at most
// one proclitic) or is a lam fused with it (للجيش).
func HasArticle(key string) bool {
	r := []rune(key)
	if isArticleWord(r) {
		return true
	}
	if len(r) >= MinStem+3 && snap.IsProcliticLetter(r[0]) && isArticleWord(r[1:]) {
		return true
	}
	return len(r) >= MinStem+2 && r[0] == 'ل' && r[1] == 'ل'
}

// RuneLen returns the number of runes of s.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }
