package webapi

import "unicode/utf8"

// keyLess reports whether string key a sorts before b in IndexedDB, which
// compares strings by their UTF-16 code units, not by code points: a code
// point above U+FFFF sorts before U+E000–U+FFFF there.
func keyLess(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			if ua, ub := firstUnit(ra), firstUnit(rb); ua != ub {
				return ua < ub
			}
			return ra < rb // one high surrogate: the low ones follow the code points
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b != ""
}

// firstUnit returns the first UTF-16 code unit of r.
func firstUnit(r rune) rune {
	if r >= 0x10000 {
		return 0xD800 + (r-0x10000)>>10
	}
	return r
}

// keyBounds returns the least and the greatest of keys (not empty) in
// IndexedDB's order.
func keyBounds(keys []string) (lo, hi string) {
	lo, hi = keys[0], keys[0]
	for _, k := range keys[1:] {
		if keyLess(k, lo) {
			lo = k
		}
		if keyLess(hi, k) {
			hi = k
		}
	}
	return lo, hi
}
