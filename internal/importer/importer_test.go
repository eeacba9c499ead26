package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/sample"
)

var testNow = time.Date(2025, 10, 7, 9, 30, 0, 0, time.UTC)

func TestTXT(t *testing.T) {
	tests := []struct {
		name, file, data string
		text, title      string
		notes            int
	}{
		{"Arabic with CRLF", "خبر.txt", "باماكو – 24 يناير 2026\r\nقتل 😀 جنديين\r\n", "باماكو – 24 يناير 2026\r\nقتل 😀 جنديين\r\n", "خبر", 0},
		{"BOM dropped", "dir/sub/news.TXT", "\ufeffقُتِلَ جنـــود cafe\u0301\n", "قُتِلَ جنـــود cafe\u0301\n", "news", 1},
		{"Windows path, two dots", `C:\docs\a.b.Txt`, "  leading and trailing space kept  ", "  leading and trailing space kept  ", "a.b", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := File(tt.file, []byte(tt.data), Options{Now: func() time.Time { return testNow }})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Docs) != 1 || len(res.Notes) != tt.notes {
				t.Fatalf("got %d docs, notes %q", len(res.Docs), res.Notes)
			}
			d := res.Docs[0]
			if d.Text != tt.text || d.Title != tt.title || d.ID != format.ContentID(tt.text) ||
				d.Status != corpus.StatusNew || len(d.Spans) != 0 || !d.Created.Equal(testNow) {
				t.Errorf("got %+v", d)
			}
			if err := corpus.Validate(&d, corpus.Default); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestTXTMatchesSample imports each article file of the sample corpus as
// a .txt: the file (the title line, then the text, and a final newline)
// must come in whole, every code point kept (diacritics, tatweel, emoji,
// Arabic-Indic digits), so its text is the title and the text of the gold
// document of that number, imported from the sample's gold.jsonl, each
// followed by "\n"; it is titled with the file's stem.
func TestTXTMatchesSample(t *testing.T) {
	gold, err := File("gold.jsonl", sample.GoldJSONL(), Options{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]corpus.Document{}
	for _, d := range gold.Docs {
		byID[d.ID] = d
	}
	files := sample.ArticleFiles()
	names, err := fs.Glob(files, "*.txt")
	if err != nil || len(names) == 0 || len(names) != len(gold.Docs) {
		t.Fatalf("%d article files (%v) for %d gold documents", len(names), err, len(gold.Docs))
	}
	for _, name := range names {
		data, err := fs.ReadFile(files, name)
		if err != nil {
			t.Fatal(err)
		}
		res, err := File(name, data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		g, ok := byID["sample-"+name[:2]] // NN_slug.txt is document sample-NN
		if len(res.Docs) != 1 || !ok {
			t.Fatalf("%s: %d documents; gold document found: %v", name, len(res.Docs), ok)
		}
		d, want := res.Docs[0], g.Title+"\n"+g.Text+"\n"
		if d.Text != want || d.Title != strings.TrimSuffix(name, ".txt") || d.ID != format.ContentID(want) {
			t.Errorf("%s: text differs from gold document %s, or title %q", name, g.ID, d.Title)
		}
	}
}

func TestJSONL(t *testing.T) {
	// The sample's gold.jsonl holds one line per sample document.
	res, err := File("GOLD.JSONL", sample.GoldJSONL(), Options{Schema: corpus.Default, Annotator: "gold"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(sample.Documents()); len(res.Docs) != n || res.Docs[0].Spans[0].Annotator != "gold" {
		t.Fatalf("got %d docs, want %d", len(res.Docs), n)
	}
	// Options reach the decoder: unknown labels, then mapped.
	data := []byte(`{"text":"في باماكو","spans":[{"start":3,"end":9,"label":"GPE"}]}`)
	_, err = File("x.jsonl", data, Options{Schema: corpus.Default})
	var ue *format.UnknownLabelsError
	if !errors.As(err, &ue) || ue.Labels["GPE"] != 1 {
		t.Fatalf("want UnknownLabelsError, got %v", err)
	}
	res, err = File("x.jsonl", data, Options{Schema: corpus.Default, LabelMap: map[corpus.Label]corpus.Label{"GPE": corpus.Place}})
	if err != nil || res.Docs[0].Spans[0].Label != corpus.Place {
		t.Fatalf("mapped import: %v", err)
	}
}

func TestErrors(t *testing.T) {
	big := make([]byte, format.MaxFileSize+1) // zero pages: cheap
	tests := []struct {
		name, file string
		data       []byte
		line       int
		want       []string
	}{
		{"txt invalid UTF-8", "bad.txt", []byte("سطر\r\nثاني\nab\xe0\x80cd"), 3, []string{"invalid UTF-8", "0xE0", "column 3"}},
		{"txt UTF-16", "u16.txt", []byte{0xFF, 0xFE, 'a', 0}, 1, []string{"invalid UTF-8", "UTF-16"}},
		{"txt Latin-1", "latin.txt", []byte("caf\xe9"), 1, []string{"invalid UTF-8", "0xE9"}},
		{"txt empty", "empty.txt", nil, 0, []string{"no text"}},
		{"txt BOM only", "bom.txt", []byte("\ufeff"), 0, []string{"no text"}},
		{"txt whitespace", "ws.txt", []byte(" \r\n\t\u00a0\n"), 0, []string{"no text"}},
		{"jsonl invalid UTF-8", "bad.jsonl", []byte("{\"text\":\"a\"}\n{\"text\":\"\xc3\"}"), 2, []string{"invalid UTF-8"}},
		{"jsonl invalid JSON", "bad.jsonl", []byte(`{"text":"a"`), 1, []string{"invalid JSON"}},
		{"unsupported", "report.docx", []byte("x"), 0, []string{`unsupported file type ".docx"`, ".jsonl, .txt"}},
		{"no extension", "README", []byte("x"), 0, []string{"no extension", ".jsonl, .txt"}},
		{"too large txt", "big.txt", big, 0, []string{"256.0 MiB", "limit of 256 MiB"}},
		{"too large jsonl", "big.jsonl", big, 0, []string{"limit of 256 MiB"}},
		{"too large, unknown type", "big.bin", big, 0, []string{"limit of 256 MiB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := File(tt.file, tt.data, Options{})
			if err == nil {
				t.Fatalf("no error; got %d docs", len(res.Docs))
			}
			if res.Docs != nil {
				t.Error("documents returned with an error")
			}
			var fe *corpus.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *corpus.FileError: %v", err, err)
			}
			if fe.File != tt.file || fe.Line != tt.line {
				t.Errorf("error at %s:%d, want %s:%d (%v)", fe.File, fe.Line, tt.file, tt.line, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestSupported(t *testing.T) {
	got := Supported()
	if strings.Join(got, " ") != ".bio .bioes .conll .iob .iob2 .json .jsonl .txt .zip" {
		t.Errorf("Supported() = %v", got)
	}
	for _, f := range format.Table() {
		for _, ext := range f.Exts {
			if ext != strings.ToLower(ext) || !strings.HasPrefix(ext, ".") {
				t.Errorf("format %s: extension %q must be lower-case with its dot", f.Name, ext)
			}
		}
	}
}

// TestLimits checks the limits of a file and of a document: a file over
// format.MaxFileSize, and a .txt over what corpus.MaxRunes code points can
// take, are refused by their size before being read; a text or a JSONL
// document longer than corpus.MaxRunes is refused naming the limit.
func TestLimits(t *testing.T) {
	for _, c := range []struct {
		name string
		size int64
		ok   bool
	}{
		{"a.jsonl", format.MaxFileSize, true},
		{"a.jsonl", format.MaxFileSize + 1, false},
		{"a.txt", 4 * corpus.MaxRunes, true},
		{"A.TXT", 4*corpus.MaxRunes + 1, false},
		{"a.zip", 4*corpus.MaxRunes + 1, true},
	} {
		err := Precheck(c.name, c.size)
		var fe *corpus.FileError
		if c.ok != (err == nil) || (err != nil && (!errors.As(err, &fe) || fe.File != c.name || !strings.Contains(err.Error(), "MiB"))) {
			t.Errorf("Precheck(%s, %d) = %v", c.name, c.size, err)
		}
	}
	long := strings.Repeat("ب", corpus.MaxRunes+1)
	_, err := File("long.txt", []byte(long), Options{})
	if err == nil || !strings.Contains(err.Error(), "long.txt") || !strings.Contains(err.Error(), fmt.Sprint(corpus.MaxRunes)) {
		t.Errorf("a text of %d code points: %v", corpus.MaxRunes+1, err)
	}
	if _, err := File("max.txt", []byte(long[:len(long)-2]), Options{}); err != nil {
		t.Errorf("a text of %d code points: %v", corpus.MaxRunes, err)
	}
	line, _ := json.Marshal(map[string]any{"text": long})
	_, err = File("long.jsonl", append(line, '\n'), Options{})
	var fe *corpus.FileError
	if !errors.As(err, &fe) || fe.File != "long.jsonl" || fe.Line != 1 || !strings.Contains(err.Error(), fmt.Sprint(corpus.MaxRunes)) {
		t.Errorf("a JSONL document of %d code points: %v", corpus.MaxRunes+1, err)
	}
}

// TestLoneSurrogates checks that a JSON string holding half of a UTF-16
// pair is refused, naming the file and line, in span JSONL and Label
// Studio files (encoding/json would store U+FFFD in its place).
func TestLoneSurrogates(t *testing.T) {
	for _, c := range []struct {
		name, data string
		line       int
	}{
		{"a.jsonl", "{\"text\": \"في كاي\"}\n{\"text\": \"هجوم \\ud800 في غاو\"}\n", 2},
		{"tasks.json", "[\n{\"data\": {\"text\": \"في \\udfff كاي\"}}\n]", 2},
	} {
		_, err := File(c.name, []byte(c.data), Options{Schema: corpus.Default})
		var fe *corpus.FileError
		if !errors.As(err, &fe) || fe.File != c.name || fe.Line != c.line || !strings.Contains(err.Error(), "surrogate") {
			t.Errorf("%s: %v, want a lone surrogate at line %d", c.name, err, c.line)
		}
	}
}

// FuzzTXT checks that any bytes given as a .txt file are refused with a
// *corpus.FileError or make one valid document holding them exactly (but
// for a leading byte-order mark).
func FuzzTXT(f *testing.F) {
	f.Add([]byte("هجوم في كاي\r\nسطر 😀"))
	f.Add([]byte("\xef\xbb\xbfكاي"))
	f.Add([]byte("\xff\xfek\x00"))
	f.Add([]byte(" \n\t"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := File("fuzz.txt", data, Options{})
		if err != nil {
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.File != "fuzz.txt" {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		if len(res.Docs) != 1 {
			t.Fatalf("%d documents", len(res.Docs))
		}
		d := res.Docs[0]
		if want := strings.TrimPrefix(string(data), "\ufeff"); d.Text != want {
			t.Fatalf("text %q, want %q", d.Text, want)
		}
		if err := corpus.Validate(&d, corpus.Default); err != nil {
			t.Fatal(err)
		}
	})
}
