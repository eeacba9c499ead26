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

// UTF16Len returns the length of s in UTF-16 code units.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
}

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

// RuneToByte converts a code-point offset into s to a byte offset; an offset
// past the end returns len(s), a negative one 0.
func RuneToByte(s string, c int) int {
	if c <= 0 {
		return 0
	}
	runes := 0
	for i := range s {
		if runes == c {
			return i
		}
		runes++
	}
	return len(s)
}

// ByteToRune converts a byte offset into s to a code-point offset. A byte
// inside a multi-byte sequence rounds down to the start of its code point;
// offsets outside the text are clamped.
func ByteToRune(s string, b int) int {
	if b <= 0 {
		return 0
	}
	if b > len(s) {
		b = len(s)
	}
	n := 0
	for i := range s {
		if i >= b {
			if i > b {
				return n - 1
			}
			return n
		}
		n++
	}
	if b < len(s) {
		return n - 1
	}
	return n
}

// Slice returns the code points [start, end) of s. Out-of-range bounds are clamped.
func Slice(s string, start, end int) string {
	if start < 0 {
		start = 0
	}
	if end < start {
		end = start
	}
	b := RuneToByte(s, start)
	e := b + RuneToByte(s[b:], end-start)
	return s[b:e]
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

// Text returns the indexed text.
func (x *Index) Text() string { return x.text }

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

// FromByte returns the code point at byte offset b, rounding down inside a
// multi-byte sequence and clamping to the text.
func (x *Index) FromByte(b int) int {
	i := sort.Search(len(x.bytes), func(i int) bool { return int(x.bytes[i]) > b })
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
