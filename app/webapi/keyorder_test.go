package webapi

import (
	"slices"
	"testing"
	"unicode/utf16"
)

// TestKeyLess checks keyLess against the order of the strings' UTF-16
// encodings compared unit by unit, which is how IndexedDB compares them.
func TestKeyLess(t *testing.T) {
	keys := []string{"", "a", "ab", "b", "doc-0001", "doc-0002", "وثيقة", "\uE000", "\uFFFD", "😀", "😁", "𐀀", "a😀", "a\uE000", "\u0080", "\u07FF", "\u0800"}
	units := func(s string) []uint16 { return utf16.Encode([]rune(s)) }
	for _, a := range keys {
		for _, b := range keys {
			want := slices.Compare(units(a), units(b)) < 0
			if got := keyLess(a, b); got != want {
				t.Errorf("keyLess(%+q, %+q) = %v, want %v", a, b, got, want)
			}
		}
	}
	lo, hi := keyBounds([]string{"b", "\uE000", "😀", "a"})
	if lo != "a" || hi != "\uE000" {
		t.Errorf("keyBounds = %+q, %+q; want \"a\", \"\\ue000\"", lo, hi)
	}
}
