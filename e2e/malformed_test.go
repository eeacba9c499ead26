package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestMalformedFilesRefused gives the app at once every kind of malformed
// or extreme file: each is refused whole, with a message naming the file
// (and the line where there is one) and saying what is wrong; nothing of
// them is stored, and the app goes on working.
func TestMalformedFilesRefused(t *testing.T) {
	dir := t.TempDir()
	good := `{"text": "هجوم في كاي"}` + "\n"
	utf16le := func(s string) string {
		var b strings.Builder
		b.WriteString("\xff\xfe")
		for _, u := range utf16.Encode([]rune(s)) {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
		return b.String()
	}
	cases := []struct {
		file, data string
		says       []string // what the message holds besides the file's name
	}{
		{"bad-utf8.jsonl", good + "{\"text\": \"\xff\xfe كاي\"}\n", []string{":2:", "UTF-8"}},
		{"utf16.txt", utf16le("هجوم في كاي"), []string{"UTF-16"}},
		{"utf16.jsonl", utf16le(good), []string{"UTF-16"}},
		{"empty.jsonl", "", []string{"empty"}},
		{"empty.txt", "", []string{"empty"}},
		{"surrogate.jsonl", good + `{"text": "هجوم \ud800 في كاي"}` + "\n", []string{":2:", "surrogate"}},
		{"deep.jsonl", `{"text": "كاي", "meta": {"x": ` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "}}\n", []string{":1:", "depth"}},
		{"negative.jsonl", `{"text": "هجوم في كاي", "spans": [{"start": -1, "end": 3, "label": "PLACE"}]}` + "\n", []string{":1:"}},
		{"reversed.jsonl", `{"text": "هجوم في كاي", "spans": [{"start": 8, "end": 5, "label": "PLACE"}]}` + "\n", []string{":1:"}},
		{"beyond.jsonl", `{"text": "هجوم في كاي", "spans": [{"start": 8, "end": 30, "label": "PLACE"}]}` + "\n", []string{":1:"}},
		{"fraction.jsonl", `{"text": "هجوم في كاي", "spans": [{"start": 8.5, "end": 11, "label": "PLACE"}]}` + "\n", []string{":1:"}},
		{"huge.jsonl", `{"text": "هجوم في كاي", "spans": [{"start": 8, "end": 1e20, "label": "PLACE"}]}` + "\n", []string{":1:"}},
		{"overlap.jsonl", `{"text": "هجوم في كاي", "spans": [{"start": 0, "end": 7, "label": "ACTOR"}, {"start": 5, "end": 11, "label": "PLACE"}]}` + "\n", []string{":1:", "overlap"}},
		{"mismatch.jsonl", `{"text": "هجوم في كاي", "spans": [{"start": 8, "end": 11, "label": "PLACE", "text": "غاو"}]}` + "\n", []string{":1:"}},
		{"dupid.jsonl", `{"id": "x", "text": "هجوم في كاي"}` + "\n" + `{"id": "x", "text": "هجوم في غاو"}` + "\n", []string{":2:", "duplicate"}},
		{"notjson.jsonl", "{\"text\": \"كاي\"\n", []string{":1:", "JSON"}},
	}
	var files []string
	for _, c := range cases {
		p := filepath.Join(dir, c.file)
		if err := os.WriteFile(p, []byte(c.data), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	ctx, _, _ := startApp(t)
	before := docCount(t, ctx)
	give(t, ctx, files...)
	for _, c := range cases {
		waitJS(t, ctx, c.file+" refused", said("error", append([]string{c.file}, c.says...)...))
	}
	if n := docCount(t, ctx); n != before {
		t.Errorf("%d documents listed, want %d: something of the files was stored", n, before)
	}
	// The app goes on.
	importText(t, ctx, "after", "هاجم مسلحون قرية")
	labelWord(t, ctx, 5, 11, "1", 1)
	waitSaved(t, ctx)
}
