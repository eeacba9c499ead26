// Package offsets converts positions in a text between the three units that
// meet in raqim: Unicode code points (what spans store, and what Python's str
// counts), UTF-16 code units (what the browser's DOM and JavaScript count) and
// UTF-8 bytes (what Go strings count).
//
// The one-off functions walk the text; an Index converts in O(log n) for
// repeated use on long documents.
package offsets

import (
	"sort"
	"unicode/utf8"
)

// utf16Len returns the number of UTF-16 code units that encode r.
func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

// RuneCount returns the number of code points in s. Invalid bytes count one each.
func RuneCount(s string) int { return utf8.RuneCountInString(s) }

// UTF16ToRune converts a UTF-16 offset into s to a code-point offset. An
// offset inside a surrogate pair rounds down to the pair's code point; an
// offset past the end returns the rune count.
func UTF16ToRune(s string, u int) int {
	units, runes := 0, 0
	for _, r := range s {
		w := utf16Len(r)
		if units+w > u {
			return runes
		}
		units += w
		runes++
	}
	return runes
}

// RuneToUTF16 converts a code-point offset into s to a UTF-16 offset.
func RuneToUTF16(s string, c int) int {
	units, runes := 0, 0
	for _, r := range s {
		if runes >= c {
			break
		}
		units += utf16Len(r)
		runes++
	}
	return units
}

// Index converts offsets into one text in O(log n) after an O(n) build.
// It records the byte and UTF-16 offset of every code point.
type Index struct {
	text  string
	runes int
	utf16 int
	// bytes[i] and units[i] are the byte and UTF-16 offsets of code point i.
	bytes []int32
	units []int32
}

// NewIndex builds an Index for s.
func NewIndex(s string) *Index {
	x := &Index{text: s}
	n := utf8.RuneCountInString(s)
	x.bytes = make([]int32, 0, n+1)
	x.units = make([]int32, 0, n+1)
	u := 0
	for i, r := range s {
		x.bytes = append(x.bytes, int32(i))
		x.units = append(x.units, int32(u))
		u += utf16Len(r)
	}
	x.bytes = append(x.bytes, int32(len(s)))
	x.units = append(x.units, int32(u))
	x.runes, x.utf16 = n, u
	return x
}

// Len returns the text's length in code points.
func (x *Index) Len() int { return x.runes }

// UTF16Len returns the text's length in UTF-16 code units.
func (x *Index) UTF16Len() int { return x.utf16 }

func (x *Index) clamp(c int) int {
	if c < 0 {
		return 0
	}
	if c > x.runes {
		return x.runes
	}
	return c
}

// Byte returns the byte offset of code point c (clamped to the text).
func (x *Index) Byte(c int) int { return int(x.bytes[x.clamp(c)]) }

// UTF16 returns the UTF-16 offset of code point c (clamped to the text).
func (x *Index) UTF16(c int) int { return int(x.units[x.clamp(c)]) }

// FromUTF16 returns the code point at UTF-16 offset u, rounding down inside
// a surrogate pair and clamping to the text.
func (x *Index) FromUTF16(u int) int {
	i := sort.Search(len(x.units), func(i int) bool { return int(x.units[i]) > u })
	return x.clamp(i - 1)
}

// Slice returns code points [start, end) of the text, clamped.
func (x *Index) Slice(start, end int) string {
	start, end = x.clamp(start), x.clamp(end)
	if end < start {
		end = start
	}
	return x.text[x.bytes[start]:x.bytes[end]]
}
