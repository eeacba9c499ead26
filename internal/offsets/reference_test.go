package offsets

import (
	"sort"
)

// The one-off conversions the tests check an Index against, walking the
// text: written apart from the Index, which the app uses.

// UTF16Len returns the length of s in UTF-16 code units.
func UTF16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Len(r)
	}
	return n
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

// Text returns the indexed text.
func (x *Index) Text() string { return x.text }

// FromByte returns the code point at byte offset b, rounding down inside a
// multi-byte sequence and clamping to the text.
func (x *Index) FromByte(b int) int {
	i := sort.Search(len(x.bytes), func(i int) bool { return int(x.bytes[i]) > b })
	return x.clamp(i - 1)
}
