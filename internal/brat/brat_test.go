package brat

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset/testcorpus"
	"github.com/raqim/raqim/internal/format"
)

func opts() format.Options { return testcorpus.Options() }

// encode writes docs as brat files under dir.
func encode(t testing.TB, dir string, docs []corpus.Document) []File {
	var files []File
	var n Namer
	for i := range docs {
		name := dir + n.Name(docs[i].ID)
		var ann bytes.Buffer
		if err := WriteAnn(&ann, &docs[i]); err != nil {
			t.Fatal(err)
		}
		files = append(files, File{Name: name + ".txt", Data: []byte(docs[i].Text)}, File{Name: name + ".ann", Data: ann.Bytes()})
	}
	return files
}

func key(s corpus.Span) string { return fmt.Sprintf("%d:%d:%s", s.Start, s.End, s.Label) }

// TestRoundTrip checks that import(export(c)) equals c span for span, text
// for text, on the gold corpora of testcorpus.Corpora and on generated
// documents (emoji, diacritics, tatweel, Latin, digits, CRLF and bidi
// marks).
func TestRoundTrip(t *testing.T) {
	gen := testcorpus.Generate(5, 60, 10)
	// a span across a line break, and one of a line break only
	gen = append(gen, corpus.Document{ID: "multi", Text: "كاي\r\nسيكاسو\n\nو", Spans: []corpus.Span{
		{Start: 0, End: 11, Label: corpus.Place}, {Start: 12, End: 13, Label: corpus.Date}}})
	for name, docs := range testcorpus.Corpora(t, gen) {
		t.Run(name, func(t *testing.T) {
			got, notes, err := Decode(encode(t, "brat/train/", docs), opts())
			if err != nil {
				t.Fatal(err)
			}
			if len(notes) != 0 {
				t.Errorf("notes %q", notes)
			}
			byID := map[string]corpus.Document{}
			for _, d := range got {
				byID[d.ID] = d
			}
			for _, want := range docs {
				d, ok := byID[want.ID]
				if !ok {
					t.Fatalf("document %s missing", want.ID)
				}
				if d.Text != want.Text || len(d.Spans) != len(want.Spans) {
					t.Fatalf("%s: text or span count differs", want.ID)
				}
				for i := range want.Spans {
					if key(d.Spans[i]) != key(want.Spans[i]) {
						t.Fatalf("%s: span %d is %s, want %s", want.ID, i, key(d.Spans[i]), key(want.Spans[i]))
					}
				}
				if err := corpus.Validate(&d, corpus.Default); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestWriteAnn(t *testing.T) {
	d := corpus.Document{ID: "x", Text: "🔻 في ولاية كاي\nسيكاسو 2025", Spans: []corpus.Span{
		{Start: 11, End: 21, Label: corpus.Place}, {Start: 22, End: 26, Label: corpus.Date}}}
	var buf bytes.Buffer
	if err := WriteAnn(&buf, &d); err != nil {
		t.Fatal(err)
	}
	want := "T1\tPLACE 11 14;15 21\tكاي سيكاسو\nT2\tDATE 22 26\t2025\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
	d.Spans[0].Label = "A B"
	if err := WriteAnn(&buf, &d); err == nil {
		t.Error("label with a space accepted")
	}
}

func TestConf(t *testing.T) {
	a := string(AnnotationConf(corpus.Default))
	if !strings.Contains(a, "[entities]\nACTOR\nPLACE\nDATE\nCASUALTY\n") || !strings.Contains(a, "[relations]") {
		t.Errorf("annotation.conf:\n%s", a)
	}
	v := string(VisualConf(corpus.Default))
	if !strings.Contains(v, "PLACE | Place | مكان\n") || !strings.Contains(v, "PLACE\tbgColor:#8ecae6\n") {
		t.Errorf("visual.conf:\n%s", v)
	}
}

func TestNamer(t *testing.T) {
	var n Namer
	tests := []struct{ id, want string }{
		{"000_1c12f9c2e825d07f", "000_1c12f9c2e825d07f"},
		{"a/../b c", "a_.._b_c-"},
		{"خبر", "___-"},
		{".hidden", "hidden-"},
		{"Doc", "Doc"},
		{"doc", "doc-"}, // differs only in case
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		got := n.Name(tc.id)
		if !strings.HasPrefix(got, tc.want) || (strings.HasSuffix(tc.want, "-") && len(got) != len(tc.want)+12) {
			t.Errorf("Name(%q) = %q, want %q…", tc.id, got, tc.want)
		}
		if seen[strings.ToLower(got)] {
			t.Errorf("Name(%q) = %q reused", tc.id, got)
		}
		seen[strings.ToLower(got)] = true
	}
}

func TestDecodeBOMAndNotes(t *testing.T) {
	files := []File{
		{Name: "a.txt", Data: []byte("\ufeffفي كاي")}, {Name: "a.ann", Data: []byte("T1\tPLACE 4 7\tكاي\nR1\tRel Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes T1\tnote\n")},
		{Name: "b.txt", Data: []byte("\ufeffفي كاي")}, {Name: "b.ann", Data: []byte("T1\tPLACE 3 6\tكاي\n")},
		{Name: "c.txt", Data: []byte("نص")}, {Name: "annotation.conf", Data: []byte("[entities]")},
	}
	docs, notes, err := Decode(files, opts())
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 || key(docs[0].Spans[0]) != "3:6:PLACE" || key(docs[1].Spans[0]) != "3:6:PLACE" || docs[0].Text != "في كاي" {
		t.Fatalf("docs %+v", docs)
	}
	j := joinNotes(notes)
	for _, want := range []string{"1 .txt files have no .ann", "a.ann: the .txt starts with a byte-order mark", "a.ann:2: \"R1", "a.ann:3:"} {
		if !strings.Contains(j, want) {
			t.Errorf("notes %q lack %q", notes, want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	txt := File{Name: "d/x.txt", Data: []byte("في ولاية كاي 🔻 سيكاسو")}
	tests := []struct {
		name string
		ann  string
		line int
		want string
	}{
		{"out of range", "T1\tPLACE 20 40\tكاي", 1, "out of range: the text has 21 code points"},
		{"text differs", "T1\tPLACE 9 12\tكاى", 1, `text "كاى" differs`},
		{"utf16 offsets", "T1\tPLACE 16 21\tسيكاسو", 1, "differs"},
		{"discontinuous", "T1\tPLACE 0 2;9 12\tفي كاي", 1, "discontinuous"},
		{"overlap", "T1\tPLACE 9 12\tكاي\nT2\tACTOR 3 12\tولاية كاي", 2, "overlaps T1"},
		{"malformed", "T1 PLACE 9 12 كاي", 1, "three tab-separated"},
		{"bad offsets", "T1\tPLACE 9-12\tكاي", 1, "offsets"},
		{"junk", "hello", 1, "want a brat annotation line"},
		{"unknown", "T1\tGPE 9 12\tكاي\nT2\tGPE 15 21\tسيكاسو", 1, `"GPE" (2 spans, first on line 1)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode([]File{txt, {Name: "d/x.ann", Data: []byte(tc.ann)}}, opts())
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.File != "d/x.ann" || fe.Line != tc.line || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want d/x.ann:%d and %q", err, tc.line, tc.want)
			}
		})
	}
	if _, _, err := Decode([]File{{Name: "y.ann", Data: []byte("")}}, opts()); err == nil || !strings.Contains(err.Error(), "y.txt is missing") {
		t.Errorf("missing .txt: %v", err)
	}
}

func FuzzDecode(f *testing.F) {
	files := encode(f, "", testcorpus.Generate(6, 1, 4))
	f.Add(string(files[0].Data), string(files[1].Data))
	f.Add("\ufeffفي كاي", "T1\tPLACE 4 7\tكاي\nT2\tDATE 0 2;3 3\tفي \nA1\tX T1")
	f.Add("a\nb", "T1\tLOC 0 1;2 3\ta b")
	f.Fuzz(func(t *testing.T, txt, ann string) {
		o := opts()
		o.LabelMap = map[corpus.Label]corpus.Label{"LOC": corpus.Place}
		docs, _, err := Decode([]File{{Name: "f.txt", Data: []byte(txt)}, {Name: "f.ann", Data: []byte(ann)}}, o)
		if err != nil {
			var fe *corpus.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *corpus.FileError", err)
			}
			return
		}
		for i := range docs {
			if err := corpus.Validate(&docs[i], corpus.Default); err != nil {
				t.Fatalf("document %d: %v", i, err)
			}
		}
	})
}

// joinNotes returns the notes in English, a line each.
func joinNotes(notes []*format.Error) string {
	s := make([]string, len(notes))
	for i, n := range notes {
		s[i] = n.Error()
	}
	return strings.Join(s, "\n")
}
