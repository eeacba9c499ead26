package hf

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset/testcorpus"
	"github.com/raqim/raqim/internal/format"
)

func opts() format.Options { return testcorpus.Options() }

func TestLabels(t *testing.T) {
	want := []string{"O", "B-ACTOR", "I-ACTOR", "B-PLACE", "I-PLACE", "B-DATE", "I-DATE", "B-CASUALTY", "I-CASUALTY"}
	if got := Labels(corpus.Default); !reflect.DeepEqual(got, want) {
		t.Errorf("Labels = %q", got)
	}
}

func TestWriteFormat(t *testing.T) {
	d := corpus.Document{ID: "x\"1", Text: "والفيلق في كاي.\nمقتل 4", Spans: []corpus.Span{
		{Start: 1, End: 7, Label: corpus.Actor}, {Start: 11, End: 14, Label: corpus.Place}, {Start: 16, End: 22, Label: corpus.Casualty},
	}}
	var buf bytes.Buffer
	if err := Encode(&buf, []corpus.Document{d}, Labels(corpus.Default)); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"x\"1#0","tokens":["و","الفيلق","في","كاي","."],"ner_tags":[0,1,0,3,0]}` + "\n" +
		`{"id":"x\"1#1","tokens":["مقتل","4"],"ner_tags":[7,8]}` + "\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	if err := Encode(&buf, []corpus.Document{d}, []string{"O"}); err == nil {
		t.Error("no error for labels outside the list")
	}
}

func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "abc", "قتل \"x\" \\ \n\r\t\x01 <>&", "\u2028\u2029 🇲🇱", "bad\xffutf"} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		if got, want := string(appendString(nil, s)), strings.TrimSuffix(buf.String(), "\n"); got != want {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func tokenSpans(d corpus.Document) []string { return testcorpus.TokenSpans(d) }

func TestRoundTrip(t *testing.T) {
	for name, docs := range testcorpus.Corpora(t, testcorpus.Generate(2, 40, 10)) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Encode(&buf, docs, Labels(corpus.Default)); err != nil {
				t.Fatal(err)
			}
			got, notes, err := Decode("train.jsonl", &buf, nil, opts())
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(docs) || len(notes) != 1 {
				t.Fatalf("%d documents, notes %q", len(got), notes)
			}
			for i := range docs {
				if got[i].ID != docs[i].ID {
					t.Errorf("id %q, want %q", got[i].ID, docs[i].ID)
				}
				if a, b := tokenSpans(got[i]), tokenSpans(docs[i]); !reflect.DeepEqual(a, b) {
					t.Fatalf("%s: spans\n%q\nwant\n%q", docs[i].ID, a, b)
				}
				if err := corpus.Validate(&got[i], corpus.Default); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestDecode(t *testing.T) {
	in := `{"id":"a#0","tokens":["قتل","4"],"ner_tags":["B-CASUALTY","I-CASUALTY"]}
{"id":"a#1","tokens":["في","كاي"],"ner_tags":[0,4]}

{"id":7,"tokens":["مالي"],"tags":[3]}
{"tokens":["مالي"],"ner_tags":[3]}
`
	docs, notes, err := Decode("x.jsonl", strings.NewReader(in), nil, opts())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%s|%s|%v", d.ID, d.Text, tokenSpans(d)))
	}
	want := []string{
		"a|قتل 4\nفي كاي|[CASUALTY:قتل 4 PLACE:كاي]",
		"7|مالي|[PLACE:مالي]",
		format.ContentID("مالي") + "|مالي|[PLACE:مالي]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if !strings.Contains(joinNotes(notes), "x.jsonl:2: I-PLACE with no PLACE entity open") {
		t.Errorf("notes %q", notes)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		want     string
	}{
		{"not json", "{\"tokens\":[\"a\"],\"ner_tags\":[0]}\nnope\n", 2, "want a JSON object"},
		{"lengths", `{"tokens":["a","b"],"ner_tags":[0]}`, 1, "2 tokens but 1 tags"},
		{"id range", `{"tokens":["a"],"ner_tags":[9]}`, 1, "outside the label list"},
		{"bad tag", `{"tokens":["a"],"ner_tags":["X-Y"]}`, 1, `prefix "X"`},
		{"empty token", `{"tokens":[" "],"ner_tags":[0]}`, 1, "empty"},
		{"no tokens", `{"tokens":[],"ner_tags":[]}`, 1, "no \"tokens\""},
		{"unknown", `{"tokens":["a"],"ner_tags":["B-LOC"]}`, 1, `unknown label not in the schema: "LOC"`},
		{"duplicate id", "{\"id\":\"a#0\",\"tokens\":[\"a\"],\"ner_tags\":[0]}\n{\"id\":\"b#0\",\"tokens\":[\"a\"],\"ner_tags\":[0]}\n{\"id\":\"a#0\",\"tokens\":[\"a\"],\"ner_tags\":[0]}\n", 3, `duplicate id "a": also used on line 1`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode("bad.jsonl", strings.NewReader(tc.in), nil, opts())
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.Line != tc.line || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want line %d and %q", err, tc.line, tc.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	_ = Encode(&buf, testcorpus.Generate(4, 2, 3), Labels(corpus.Default))
	f.Add(buf.String())
	f.Add(`{"id":"a#0","tokens":["قتل","4"],"ner_tags":["I-CASUALTY","E-DATE"]}` + "\n" + `{"id":"a#x","tokens":["a"],"tags":[1]}`)
	f.Add(`{"id":null,"tokens":["a b","c"],"ner_tags":[1,2]}`)
	f.Fuzz(func(t *testing.T, in string) {
		docs, _, err := Decode("fuzz.jsonl", strings.NewReader(in), nil, opts())
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
