package format

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// BOM is the UTF-8 byte-order mark.
var BOM = []byte{0xEF, 0xBB, 0xBF}

// locate returns the 1-based line and column (in code points) of byte off
// of data, whose first line is line first of its file.
func locate(data []byte, first, off int) (line, col int) {
	line = first + bytes.Count(data[:off], []byte("\n"))
	col = utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off]) + 1
	return line, col
}

// CheckUTF8 returns nil when data is UTF-8, or else an *Error at the line
// and column of its first byte that is not, in file; data holds the file
// from the start of its line first on (1 for the whole file), without a
// leading byte-order mark.
func CheckUTF8(file string, first int, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	off := 0
	for off < len(data) {
		r, w := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && w <= 1 {
			break
		}
		off += w
	}
	line, col := locate(data, first, off)
	if first == 1 && (bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})) {
		return Errorf(file, line, "invalid UTF-8: byte 0x%02X at column %d (the file looks like UTF-16); save the file as UTF-8", data[off], col)
	}
	return Errorf(file, line, "invalid UTF-8: byte 0x%02X at column %d; save the file as UTF-8", data[off], col)
}

// CheckJSON returns nil unless JSON data holds a lone UTF-16 surrogate
// escape (LoneSurrogate), which decoding would turn into U+FFFD, and else
// an *Error at its line and column in file; data holds the file from the
// start of its line first on.
func CheckJSON(file string, first int, data []byte) error {
	i := LoneSurrogate(data)
	if i < 0 {
		return nil
	}
	line, col := locate(data, first, i)
	return Errorf(file, line, "a lone UTF-16 surrogate %s near column %d: JSON text must pair each surrogate (raqim refuses it rather than change the text)", data[i:i+6], col)
}

// LoneSurrogate returns the byte offset in JSON data of the first \u escape
// of a UTF-16 surrogate that is not half of a pair (such as "\ud800"), or
// -1. encoding/json turns one into U+FFFD without a word; raqim refuses it,
// so that no text changes on the way in.
func LoneSurrogate(data []byte) int {
	hex4 := func(i int) (rune, bool) {
		if i+6 > len(data) || data[i] != '\\' || data[i+1] != 'u' {
			return 0, false
		}
		var r rune
		for _, c := range data[i+2 : i+6] {
			switch {
			case c >= '0' && c <= '9':
				r = r<<4 | rune(c-'0')
			case c >= 'a' && c <= 'f':
				r = r<<4 | rune(c-'a'+10)
			case c >= 'A' && c <= 'F':
				r = r<<4 | rune(c-'A'+10)
			default:
				return 0, false
			}
		}
		return r, true
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		r, ok := hex4(i)
		if !ok {
			i++ // an escape of another kind, such as \\ or \"
			continue
		}
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if lo, ok := hex4(i + 6); ok && lo >= 0xDC00 && lo < 0xE000 {
				i += 11
				continue
			}
			return i
		case r >= 0xDC00 && r < 0xE000:
			return i
		}
		i += 5
	}
	return -1
}

// Clip shortens a value quoted in a message to 60 code points.
func Clip(s string) string {
	const most = 60
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}

// Lines splits data into lines at LF, dropping one CR before each LF.
func Lines(data []byte) []string {
	lines := strings.Split(string(data), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}
