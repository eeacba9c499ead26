package format

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
)

var testNow = time.Date(2025, 10, 7, 0, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Schema: corpus.Default, Annotator: "amina", Now: func() time.Time { return testNow },
		LabelMap: map[corpus.Label]corpus.Label{"LOC": corpus.Place}}
}

// TestComplete checks the one rule that completes the documents of every
// format: the ID given or derived from the text, the title given or the
// ID, status and times, and the refusal of an ID read twice in one file,
// a given one or one derived from a text read twice.
func TestComplete(t *testing.T) {
	type in struct {
		line            int
		id, title, text string
		status          corpus.Status
	}
	cases := []struct {
		name string
		docs []in
		// want is the ID and title of each document, or the error of the last.
		want []string
		err  string
	}{
		{"an ID given, a title given", []in{{1, "a1", "عنوان", "نص", corpus.StatusDone}}, []string{"a1|عنوان"}, ""},
		{"no ID: derived from the text", []in{{1, "", "", "كاي", ""}}, []string{ContentID("كاي") + "|" + ContentID("كاي")}, ""},
		{"no title: the ID", []in{{1, "x", "", "كاي", ""}}, []string{"x|x"}, ""},
		{"one text under two IDs", []in{{1, "a", "", "كاي", ""}, {2, "b", "", "كاي", ""}}, []string{"a|a", "b|b"}, ""},
		{"one ID given twice", []in{{6, "x", "", "a", ""}, {7, "x", "", "b", ""}}, nil,
			`f.conll:7: duplicate id "x": also used on line 6`},
		{"one text twice without an ID", []in{{1, "", "", "كاي", ""}, {5, "", "", "كاي", ""}}, nil,
			`f.conll:5: duplicate document: the text is the same as on line 1 (no "id" given, both get id "` + ContentID("كاي") + `")`},
		{"an ID given that another text derives", []in{{1, ContentID("كاي"), "", "غاو", ""}, {2, "", "", "كاي", ""}}, nil,
			`f.conll:2: duplicate document: the text is the same as on line 1`},
		{"no text", []in{{3, "x", "", "", ""}}, nil, "f.conll:3: the document has no text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := New("f.conll", testOptions())
			var got []string
			var err error
			for _, d := range c.docs {
				var doc corpus.Document
				if doc, err = b.Doc(d.line, d.id, d.title, d.text, d.status, nil); err != nil {
					break
				}
				got = append(got, doc.ID+"|"+doc.Title)
				want := d.status
				if want == "" {
					want = corpus.StatusNew
				}
				if doc.Status != want || !doc.Created.Equal(testNow) || !doc.Modified.Equal(testNow) || doc.Spans == nil {
					t.Errorf("document %+v", doc)
				}
			}
			if c.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), c.err) {
					t.Fatalf("error %v, want %s", err, c.err)
				}
				return
			}
			if err != nil || strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}

	// Complete keeps a title given empty when told it was given.
	b := New("f.jsonl", testOptions())
	d := corpus.Document{ID: "42", Text: "x"}
	b.Complete(&d, true)
	if d.Title != "" || d.Status != corpus.StatusNew || d.Spans == nil {
		t.Errorf("titled: %+v", d)
	}
	b.Complete(&d, false)
	if d.Title != "42" {
		t.Errorf("untitled: title %q", d.Title)
	}
}

func TestBuilder(t *testing.T) {
	b := New("f.conll", testOptions())
	for i := 0; i < 8; i++ {
		b.Note("kind", i+1, "note %d", i)
	}
	notes := b.Notes()
	if len(notes) != 6 || notes[0].Error() != "f.conll:1: note 0" || notes[5].Error() != "f.conll: 3 more like this (kind)" {
		t.Errorf("notes %q", notes)
	}
	if key, args := notes[5].MessageKey(); key != "%d more like this (%s)" || len(args) != 2 || args[0] != 3 {
		t.Errorf("the count's key %q, args %v", key, args)
	} else if kind, ok := args[1].(*Error); !ok || kind.Key != "kind" {
		t.Errorf("the count's kind %#v, want the kind as a key", args[1])
	}
	if l, err := b.Label("LOC", 1); err != nil || l != corpus.Place {
		t.Errorf("mapped label %q %v", l, err)
	}
	if _, err := b.Label("", 2); err == nil {
		t.Error("empty label accepted")
	}
	s := b.Span(0, 3, corpus.Place)
	if s.ID == "" || s.Annotator != "amina" || !s.Created.Equal(testNow) {
		t.Errorf("span %+v", s)
	}
	given := corpus.Span{ID: "s", Annotator: "amal", Created: testNow.Add(time.Hour)}
	if b.CompleteSpan(&given); given.ID != "s" || given.Annotator != "amal" || !given.Created.Equal(testNow.Add(time.Hour)) {
		t.Errorf("a span's own fields changed: %+v", given)
	}
	d1, err := b.Doc(1, "", "", "كاي", "", []corpus.Span{s})
	if err != nil || d1.ID != ContentID("كاي") || d1.Title != d1.ID || d1.Status != corpus.StatusNew {
		t.Fatalf("doc %+v %v", d1, err)
	}
	if _, err := b.Doc(8, "y", "", "ab", "", []corpus.Span{{Start: 0, End: 5, Label: corpus.Place}}); err == nil {
		t.Error("span out of range accepted")
	}
	if b.Finish() != nil || b.Unknown() {
		t.Error("unknown labels reported")
	}
	b.SetFile("g.ann")
	b.Label("GPE", 3)
	b.Label("GPE", 9)
	err = b.Finish()
	var u *UnknownLabelsError
	var fe *corpus.FileError
	if !b.Unknown() || !errors.As(err, &u) || !errors.As(err, &fe) || fe.File != "g.ann" || fe.Line != 3 || u.Labels["GPE"] != 2 {
		t.Errorf("unknown: %v", err)
	}
	if err := b.CheckUTF8([]byte("ok\nx\xff")); err == nil || !strings.Contains(err.Error(), "g.ann:2: invalid UTF-8: byte 0xFF at column 2") {
		t.Errorf("utf-8: %v", err)
	}
	if _, err := b.ReadAll(strings.NewReader("\ufeffok")); err != nil {
		t.Errorf("ReadAll of a file with a BOM: %v", err)
	}
}
