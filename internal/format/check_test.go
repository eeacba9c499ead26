package format

import (
	"errors"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

// TestCheckUTF8 checks the one invalid-UTF-8 locator: the line and the
// column (in code points, from 1) of the first byte that is not UTF-8, in
// a whole file and in a line read alone, and the UTF-16 hint at the start
// of a file only.
func TestCheckUTF8(t *testing.T) {
	for _, c := range []struct {
		name  string
		first int // the line data starts at
		data  string
		want  string // "" for UTF-8
	}{
		{"UTF-8", 1, "هجوم في كاي\r\nسطر 😀", ""},
		{"empty", 1, "", ""},
		{"first byte", 1, "\xffabc", "f:1: invalid UTF-8: byte 0xFF at column 1; save the file as UTF-8"},
		{"after Arabic", 1, "في\xe9", "f:1: invalid UTF-8: byte 0xE9 at column 3; save the file as UTF-8"},
		{"third line, CRLF", 1, "سطر\r\nثاني\nab\xe0\x80cd", "f:3: invalid UTF-8: byte 0xE0 at column 3; save the file as UTF-8"},
		{"an emoji counts one", 1, "a\n😀😀\xc3", "f:2: invalid UTF-8: byte 0xC3 at column 3; save the file as UTF-8"},
		{"cut short at the end", 1, "كا\xd9", "f:1: invalid UTF-8: byte 0xD9 at column 3; save the file as UTF-8"},
		{"an encoded surrogate", 1, "a\xed\xa0\x80", "f:1: invalid UTF-8: byte 0xED at column 2; save the file as UTF-8"},
		{"UTF-16 LE", 1, "\xff\xfea\x00", "f:1: invalid UTF-8: byte 0xFF at column 1 (the file looks like UTF-16); save the file as UTF-8"},
		{"UTF-16 BE", 1, "\xfe\xff\x00a", "f:1: invalid UTF-8: byte 0xFE at column 1 (the file looks like UTF-16); save the file as UTF-8"},
		{"a line read alone", 7, `{"text": "ab` + "\xff" + `c"}`, "f:7: invalid UTF-8: byte 0xFF at column 13; save the file as UTF-8"},
		{"no UTF-16 hint past line 1", 2, "\xff\xfea\x00", "f:2: invalid UTF-8: byte 0xFF at column 1; save the file as UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckUTF8("f", c.first, []byte(c.data))
			if c.want == "" {
				if err != nil {
					t.Fatalf("error %v for UTF-8", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.File != "f" || err.Error() != c.want {
				t.Errorf("got %v, want %s", err, c.want)
			}
		})
	}
}

// TestCheckJSON checks that a lone surrogate escape is located by line and
// column as an invalid byte is.
func TestCheckJSON(t *testing.T) {
	for _, c := range []struct {
		first      int
		data, want string
	}{
		{1, `{"text": "\ud83d\ude00"}`, ""},
		{1, "[\n{\"data\": {\"text\": \"في \\udfff كاي\"}}\n]", `f:2: a lone UTF-16 surrogate \udfff near column 23: JSON text must pair each surrogate (raqim refuses it rather than change the text)`},
		{4, `{"text": "هجوم \ud800"}`, `f:4: a lone UTF-16 surrogate \ud800 near column 16: JSON text must pair each surrogate (raqim refuses it rather than change the text)`},
	} {
		got := ""
		if err := CheckJSON("f", c.first, []byte(c.data)); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("CheckJSON(%s) = %q, want %q", c.data, got, c.want)
		}
	}
}

func TestContentID(t *testing.T) {
	if got := ContentID("abc"); got != "doc-ba7816bf8f01cfea" {
		t.Errorf("ContentID(abc) = %q", got)
	}
	if ContentID("a\r\n") == ContentID("a\n") {
		t.Error("ContentID ignores CRLF")
	}
}

func TestLoneSurrogate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{`{"text": "كاي"}`, -1},
		{`{"text": "\ud83d\ude00"}`, -1}, // 😀 as a pair
		{`{"text": "\uD83D\uDE00 \u00e9"}`, -1},
		{`{"text": "\ud800"}`, 10},
		{`{"text": "a\udc00b"}`, 11},     // a low half alone
		{`{"text": "\ud83d\u0041"}`, 10}, // a high half before a letter
		{`{"text": "\\ud800"}`, -1},      // a backslash, then the letters ud800
		{`{"text": "\\\ud800"}`, 12},     // a backslash, then the escape
		{`{"text": "\ud83d`, 10},         // cut short
	} {
		if got := LoneSurrogate([]byte(c.in)); got != c.want {
			t.Errorf("LoneSurrogate(%s) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestClipAndLines(t *testing.T) {
	long := strings.Repeat("ب", 61)
	if got := Clip(long); got != strings.Repeat("ب", 60)+"…" || Clip("كاي") != "كاي" {
		t.Errorf("Clip = %q", got)
	}
	if got := Lines([]byte("a\r\nb\n\nc\r\n")); strings.Join(got, "|") != "a|b||c" {
		t.Errorf("Lines = %q", got)
	}
}

// TestUnknownLabels checks the message of an UnknownLabelsError, its order
// (by first line), and its placing at the first line with one.
func TestUnknownLabels(t *testing.T) {
	u := &UnknownLabelsError{File: "x.conll"}
	if u.Placed() != nil {
		t.Error("no unknown label, yet an error")
	}
	u.Add("GPE", 4)
	if want := `unknown label not in the schema: "GPE" (1 span, first on line 4); map them onto schema labels to import the file`; u.Error() != want {
		t.Errorf("one label: %q, want %q", u.Error(), want)
	}
	u.Add("GPE", 9)
	u.AddN("LOC", 3, 2)
	want := `2 unknown labels not in the schema: "LOC" (3 spans, first on line 2), "GPE" (2 spans, first on line 4); map them onto schema labels to import the file`
	if u.Error() != want {
		t.Errorf("two labels: %q, want %q", u.Error(), want)
	}
	err := u.Placed()
	var got *UnknownLabelsError
	var fe *corpus.FileError
	if !errors.As(err, &got) || got != u || !errors.As(err, &fe) || fe.File != "x.conll" || fe.Line != 2 || err.Error() != "x.conll:2: "+want {
		t.Errorf("placed: %v", err)
	}
}
