package labelstudio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset/testcorpus"
	"github.com/raqim/raqim/internal/format"
)

func opts() format.Options { return testcorpus.Options() }

func key(s corpus.Span) string { return fmt.Sprintf("%d:%d:%s", s.Start, s.End, s.Label) }

func TestRoundTrip(t *testing.T) {
	for name, docs := range testcorpus.Corpora(t, testcorpus.Generate(7, 50, 10)) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Encode(&buf, docs); err != nil {
				t.Fatal(err)
			}
			got, notes, err := Decode("tasks.json", &buf, opts())
			if err != nil {
				t.Fatal(err)
			}
			if len(notes) != 0 || len(got) != len(docs) {
				t.Fatalf("%d documents, notes %q", len(got), notes)
			}
			for i, want := range docs {
				d := got[i]
				if d.ID != want.ID || d.Title != want.Title || d.Text != want.Text || len(d.Spans) != len(want.Spans) {
					t.Fatalf("document %d differs: %q %q", i, d.ID, d.Title)
				}
				for j := range want.Spans {
					if key(d.Spans[j]) != key(want.Spans[j]) {
						t.Fatalf("%s: span %s, want %s", d.ID, key(d.Spans[j]), key(want.Spans[j]))
					}
				}
				if err := corpus.Validate(&d, corpus.Default); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestWriteFormat(t *testing.T) {
	d := corpus.Document{ID: "x", Title: "خبر", Text: "🔻 في كاي", Spans: []corpus.Span{{ID: "a1", Start: 5, End: 8, Label: corpus.Place}}}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.Write(&d, map[string]string{"split": "train"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	want := `[
{"data":{"doc_id":"x","split":"train","text":"🔻 في كاي","title":"خبر"},"annotations":[{"result":[{"id":"a1","from_name":"label","to_name":"text","type":"labels","origin":"manual","value":{"start":5,"end":8,"text":"كاي","labels":["PLACE"]}}]}]}
]
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	var tasks []any
	if err := json.Unmarshal(buf.Bytes(), &tasks); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := Encode(&buf, nil); err != nil || strings.TrimSpace(buf.String()) != "[\n]" {
		t.Errorf("empty: %q %v", buf.String(), err)
	}
	cfg := LabelConfig(corpus.Default)
	if !strings.Contains(cfg, `<Labels name="label" toName="text">`) || !strings.Contains(cfg, `<Label value="CASUALTY" background="#f28482"`) || !strings.Contains(cfg, `<Text name="text" value="$text"/>`) {
		t.Errorf("config:\n%s", cfg)
	}
}

func TestDecodeVariants(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // id|text|spans
		notes    []string
	}{
		{"export with two annotations and other results",
			`[{"id": 12, "data": {"text": "في كاي", "title": "t"}, "annotations": [
			  {"was_cancelled": true, "result": []},
			  {"result": [{"type": "labels", "value": {"start": 3, "end": 6, "text": "كاي", "labels": ["PLACE"]}},
			              {"type": "choices", "value": {"choices": ["x"]}}]},
			  {"result": []}]}]`,
			format.ContentID("في كاي") + "|في كاي|[3:6:PLACE]",
			[]string{"x.json:1: task 12 has 2 annotations", `x.json:1: task 12: a result of type "choices" was skipped`}},
		{"one task, old completions, UTF-16 offsets",
			`{"data": {"text": "🔻 كاي", "doc_id": "d"}, "completions": [{"result": [{"type": "labels", "value": {"start": 3, "end": 6, "text": "كاي", "labels": ["PLACE"]}}]}]}`,
			"d|🔻 كاي|[2:5:PLACE]", []string{"UTF-16 units"}},
		{"predictions only",
			`[{"data": {"content": "كاي"}, "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 3, "labels": ["PLACE"]}}]}]}]`,
			format.ContentID("كاي") + "|كاي|[0:3:PLACE]", []string{"first prediction", "data.content"}},
		{"json-min",
			`[{"id": 1, "text": "قتل 4 في كاي", "label": [{"start": 0, "end": 5, "text": "قتل 4", "labels": ["CASUALTY"]}, {"start": 9, "end": 12, "text": "كاي", "labels": ["PLACE"]}], "annotator": 1}]`,
			format.ContentID("قتل 4 في كاي") + "|قتل 4 في كاي|[0:5:CASUALTY 9:12:PLACE]", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs, notes, err := Decode("x.json", strings.NewReader(tc.in), opts())
			if err != nil {
				t.Fatal(err)
			}
			var spans []string
			for _, s := range docs[0].Spans {
				spans = append(spans, key(s))
			}
			if got := fmt.Sprintf("%s|%s|%v", docs[0].ID, docs[0].Text, spans); len(docs) != 1 || got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			j := joinNotes(notes)
			for _, n := range tc.notes {
				if !strings.Contains(j, n) {
					t.Errorf("notes %q lack %q", notes, n)
				}
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	task := func(v string) string {
		return `{"data": {"text": "في كاي"}, "annotations": [{"result": [{"type": "labels", "value": ` + v + `}]}]}`
	}
	tests := []struct {
		name, in string
		line     int
		want     string
	}{
		{"syntax", "[\n{\"data\": \n}", 3, "invalid JSON"},
		{"not array", `"x"`, 1, "want a JSON array"},
		{"no text", "[\n{\"data\": {\"a\": 1}}]", 2, "has no data.text"},
		{"out of range", "[\n" + task(`{"start": 3, "end": 9, "labels": ["PLACE"]}`) + "]", 2, "out of range"},
		{"text differs", "[\n\n" + task(`{"start": 3, "end": 6, "text": "كاى", "labels": ["PLACE"]}`) + "]", 3, `its text "كاى" differs`},
		{"two labels", "[" + task(`{"start": 3, "end": 6, "labels": ["PLACE", "ACTOR"]}`) + "]", 1, "has 2 labels"},
		{"not integer", "[" + task(`{"start": "3", "end": 6, "labels": ["PLACE"]}`) + "]", 1, "must be integers"},
		{"unknown", "[" + task(`{"start": 3, "end": 6, "labels": ["GPE"]}`) + ",\n" + strings.Replace(task(`{"start": 0, "end": 2, "labels": ["LOC"]}`), "كاي", "غاو", 1) + "]", 1, `2 unknown labels not in the schema: "GPE"`},
		{"one text twice", "[" + task(`{"start": 3, "end": 6, "labels": ["PLACE"]}`) + ",\n" + task(`{"start": 3, "end": 6, "labels": ["PLACE"]}`) + "]", 2, "duplicate document: the text is the same as on line 1"},
		{"overlap", "[" + `{"data": {"text": "في كاي"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 6, "labels": ["PLACE"]}}, {"type": "labels", "value": {"start": 3, "end": 6, "labels": ["PLACE"]}}]}]}` + "]", 1, "overlaps"},
		{"trailing", "[]\n[]", 2, "more JSON"},
		{"empty", "[]", 0, "no tasks"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode("bad.json", strings.NewReader(tc.in), opts())
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.Line != tc.line || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want line %d and %q", err, tc.line, tc.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	_ = Encode(&buf, testcorpus.Generate(8, 2, 3))
	f.Add(buf.String())
	f.Add(`{"data": {"text": "🔻 كاي"}, "completions": [{"result": [{"type": "labels", "value": {"start": 3, "end": 6, "text": "كاي", "labels": ["LOC"]}}]}]}`)
	f.Add(`[{"id": 1, "text": "قتل 4", "label": [{"start": 0, "end": 5, "labels": ["CASUALTY"]}]}]`)
	f.Fuzz(func(t *testing.T, in string) {
		o := opts()
		o.LabelMap = map[corpus.Label]corpus.Label{"LOC": corpus.Place}
		docs, _, err := Decode("fuzz.json", strings.NewReader(in), o)
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

// TestValues checks that a span's values and source travel in its region's
// meta and are read back; Label Studio's own meta (a list of notes) is
// left out.
func TestValues(t *testing.T) {
	vals := map[string]string{"source": "gazetteer", "gazetteer_id": "ml-kayes", "admin1": "Kayes"}
	d := corpus.Document{ID: "x", Title: "خبر", Text: "🔻 في كاي أمس", Spans: []corpus.Span{
		{ID: "a1", Start: 5, End: 8, Label: corpus.Place, Attrs: vals},
		{ID: "a2", Start: 9, End: 12, Label: corpus.Date},
	}}
	var buf bytes.Buffer
	if err := Encode(&buf, []corpus.Document{d}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"labels":["PLACE"]},"meta":{"admin1":"Kayes","gazetteer_id":"ml-kayes","source":"gazetteer"}}`) {
		t.Errorf("written: %s", buf.String())
	}
	got, _, err := Decode("tasks.json", &buf, opts())
	if err != nil {
		t.Fatal(err)
	}
	if s := got[0].Spans; fmt.Sprint(s[0].Attrs) != fmt.Sprint(vals) || s[1].Attrs != nil {
		t.Errorf("read back %+v", s)
	}
	in := `[{"data":{"text":"في كاي"},"annotations":[{"result":[{"type":"labels","value":{"start":3,"end":6,"labels":["PLACE"]},"meta":{"text":["a note"],"admin1":"Kayes"}}]}]}]`
	got, _, err = Decode("ls.json", strings.NewReader(in), opts())
	if err != nil || fmt.Sprint(got[0].Spans[0].Attrs) != "map[admin1:Kayes]" {
		t.Errorf("Label Studio's meta: %v %+v", err, got)
	}
}
