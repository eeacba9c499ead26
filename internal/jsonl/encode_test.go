package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
)

func TestEncodeFormat(t *testing.T) {
	docs := []corpus.Document{{
		ID: "d1", Title: "عنوان <1>", Text: "في باماكو & كاي\r\n", Status: corpus.StatusDone,
		Meta: map[string]json.RawMessage{"source": json.RawMessage(`{ "url" : "https://x.test/?a=1&b=<2>" }`), "status": json.RawMessage(`"stale"`)},
		Spans: []corpus.Span{
			{ID: "s2", Start: 12, End: 15, Label: corpus.Place},
			{ID: "s1", Start: 3, End: 9, Label: corpus.Place, Annotator: "amal"},
		},
	}, {
		ID: "d2", Title: "d2", Text: "x",
	}}
	got := string(mustEncode(t, docs, EncodeOptions{Schema: corpus.Default}))
	want := `{"id":"d1","text":"في باماكو & كاي\r\n","spans":[{"start":3,"end":9,"label":"PLACE","text":"باماكو"},{"start":12,"end":15,"label":"PLACE","text":"كاي"}],"meta":{"source":{"url":"https://x.test/?a=1&b=<2>"},"status":"done","title":"عنوان <1>"}}` + "\n" +
		`{"id":"d2","text":"x","spans":[],"meta":{"status":"new","title":"d2"}}` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if docs[0].Spans[0].ID != "s2" {
		t.Error("Encode reordered the caller's spans")
	}
}

func TestEncodeUnits(t *testing.T) {
	text := "قتل 😀 جنديين في 🇲🇱 باماكو"
	docs := []corpus.Document{{ID: "u", Title: "u", Text: text, Spans: []corpus.Span{
		{Start: 6, End: 12, Label: corpus.Casualty},
		{Start: 16, End: 18, Label: corpus.Place},
		{Start: 19, End: 25, Label: corpus.Place},
	}}}
	var line struct {
		Spans []struct {
			Start, End                   int
			StartUTF16                   int `json:"start_utf16"`
			EndUTF16                     int `json:"end_utf16"`
			StartByte                    int `json:"start_byte"`
			EndByte                      int `json:"end_byte"`
			Text                         string
			ID, Annotator, Attrs, Create *string
		}
	}
	if err := json.Unmarshal(mustEncode(t, docs, EncodeOptions{Units: true}), &line); err != nil {
		t.Fatal(err)
	}
	// By hand: Arabic letters are 1 UTF-16 unit and 2 bytes, spaces 1 and 1,
	// 😀 and each regional indicator of 🇲🇱 2 units and 4 bytes.
	//   قتل(3 cp, 3 u, 6 b) ␠ 😀(1, 2, 4) ␠ → [6,12) starts at unit 7, byte 12;
	//   جنديين(6, 6, 12) → ends at unit 13, byte 24;
	//   ␠ في(2, 2, 4) ␠ → [16,18) starts at unit 17, byte 30; 🇲🇱(2, 4, 8) → 21, 38;
	//   ␠ → [19,25) starts at unit 22, byte 39; باماكو(6, 6, 12) → 28, 51.
	want := [][4]int{{7, 13, 12, 24}, {17, 21, 30, 38}, {22, 28, 39, 51}}
	if len(line.Spans) != 3 {
		t.Fatalf("got %d spans", len(line.Spans))
	}
	for i, s := range line.Spans {
		got := [4]int{s.StartUTF16, s.EndUTF16, s.StartByte, s.EndByte}
		if got != want[i] {
			t.Errorf("span %d [%d,%d) %q: units %v, want %v", i, s.Start, s.End, s.Text, got, want[i])
		}
		checkUnits(t, text, docs[0].Spans[i], s.StartUTF16, s.EndUTF16, s.StartByte, s.EndByte)
		if s.ID != nil || s.Annotator != nil {
			t.Errorf("annotation fields written without Annotations")
		}
	}
}

func TestEncodeAnnotations(t *testing.T) {
	created := time.Date(2025, 10, 7, 8, 0, 0, 123, time.UTC)
	docs := []corpus.Document{{ID: "a", Title: "A", Text: "الجيش المالي", Status: corpus.StatusInProgress, Spans: []corpus.Span{
		{ID: "s1", Start: 0, End: 12, Label: corpus.Actor, Annotator: "amal", Created: created,
			Attrs: map[string]string{"text": "الجيش المالي", "norm": "<FAMa>"}},
	}}}
	out := mustEncode(t, docs, EncodeOptions{Annotations: true})
	want := `{"id":"a","text":"الجيش المالي","spans":[{"start":0,"end":12,"label":"ACTOR","text":"الجيش المالي","id":"s1","annotator":"amal","attrs":{"norm":"<FAMa>","text":"الجيش المالي"},"created":"2025-10-07T08:00:00.000000123Z"}],"meta":{"status":"in_progress","title":"A"}}` + "\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	again := mustDecode(t, string(out), DecodeOptions{})
	s := again[0].Spans[0]
	if s.ID != "s1" || s.Annotator != "amal" || !s.Created.Equal(created) || s.Attrs["norm"] != "<FAMa>" ||
		again[0].Status != corpus.StatusInProgress || again[0].Title != "A" {
		t.Errorf("round trip lost annotation fields: %+v", again[0])
	}
}

func TestEncodeRefuses(t *testing.T) {
	good := corpus.Document{ID: "good", Title: "g", Text: "في باماكو", Spans: []corpus.Span{{Start: 3, End: 9, Label: corpus.Place}}}
	bad := func(spans ...corpus.Span) corpus.Document {
		return corpus.Document{ID: "bad-doc", Title: "b", Text: "الجيش المالي في باماكو", Spans: spans}
	}
	tests := []struct {
		name   string
		doc    corpus.Document
		schema *corpus.Schema
		want   []string
	}{
		{"text mismatch", bad(corpus.Span{Start: 16, End: 22, Label: corpus.Place, Attrs: map[string]string{"text": "كاي"}}), nil,
			[]string{`"bad-doc"`, "[16,22) PLACE", `"كاي"`, `"باماكو"`}},
		{"overlap", bad(corpus.Span{Start: 6, End: 12, Label: corpus.Place}, corpus.Span{Start: 0, End: 12, Label: corpus.Actor}), nil,
			[]string{`"bad-doc"`, "[6,12) PLACE", "[0,12) ACTOR", "overlaps"}},
		{"out of range", bad(corpus.Span{Start: 16, End: 23, Label: corpus.Place}), nil, []string{`"bad-doc"`, "[16,23) PLACE", "out of range"}},
		{"negative", bad(corpus.Span{Start: -1, End: 2, Label: corpus.Place}), nil, []string{`"bad-doc"`, "out of range"}},
		{"empty span", bad(corpus.Span{Start: 2, End: 2, Label: corpus.Place}), nil, []string{`"bad-doc"`, "[2,2)", "empty"}},
		{"unknown label", bad(corpus.Span{Start: 0, End: 5, Label: "ORG"}), corpus.Default, []string{`"bad-doc"`, "[0,5) ORG", "unknown label"}},
		{"bad status", corpus.Document{ID: "bad-doc", Text: "x", Status: "finished"}, nil, []string{`"bad-doc"`, "finished"}},
		{"empty text", corpus.Document{ID: "bad-doc"}, nil, []string{`"bad-doc"`, "empty text"}},
		{"empty id", corpus.Document{Text: "x", Title: "t"}, nil, []string{"document 2", "empty id"}},
		{"duplicate id", corpus.Document{ID: "good", Text: "x"}, nil, []string{`"good"`, "duplicate id"}},
		{"bad meta", corpus.Document{ID: "bad-doc", Text: "x", Meta: map[string]json.RawMessage{"k": json.RawMessage(`{`)}}, nil, []string{`"bad-doc"`, `meta "k"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Encode(&buf, []corpus.Document{good, tt.doc}, EncodeOptions{Schema: tt.schema})
			if err == nil {
				t.Fatal("no error")
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes before refusing", buf.Len())
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			var se *corpus.SpanError
			if strings.Contains(tt.want[1], "[") && !errors.As(err, &se) {
				t.Errorf("error %v does not wrap a *corpus.SpanError", err)
			}
		})
	}
}

// TestValuesRoundTrip checks that a span's values and source are written
// without Annotations, and read back as they were.
func TestValuesRoundTrip(t *testing.T) {
	text := "قُتل 12 جنديًّا الثلاثاء في كاي"
	attrs := map[string]string{"source": "casualty", "count": "12", "count_exact": "true", "kind": "killed", "victims": "جنديا"}
	place := map[string]string{"gazetteer_id": "ml-kayes", "admin1": "Kayes"}
	d := corpus.Document{ID: "v", Text: text, Status: corpus.StatusNew, Spans: []corpus.Span{
		{Start: 0, End: 15, Label: corpus.Casualty, Attrs: attrs},
		{Start: 16, End: 24, Label: corpus.Date},
		{Start: 28, End: 31, Label: corpus.Place, Attrs: place},
	}}
	for _, opts := range []EncodeOptions{{}, {Annotations: true}, {Units: true}} {
		var b bytes.Buffer
		if err := Encode(&b, []corpus.Document{d}, opts); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), `"attrs":{"count":"12","count_exact":"true","kind":"killed","source":"casualty","victims":"جنديا"}`) {
			t.Errorf("%+v: %s", opts, b.String())
		}
		docs, err := Decode("v.jsonl", &b, DecodeOptions{Schema: corpus.Default})
		if err != nil {
			t.Fatal(err)
		}
		got := docs[0].Spans
		if !reflect.DeepEqual(got[0].Attrs, attrs) || got[1].Attrs != nil || !reflect.DeepEqual(got[2].Attrs, place) {
			t.Errorf("%+v: read back %+v", opts, got)
		}
	}
}

// TestDocAnnotator tables the annotator a line's meta.annotator names.
func TestDocAnnotator(t *testing.T) {
	sp := func(names ...string) []corpus.Span {
		var out []corpus.Span
		for _, n := range names {
			out = append(out, corpus.Span{Annotator: n})
		}
		return out
	}
	meta := map[string]json.RawMessage{"annotator": json.RawMessage(`"kept"`)}
	for _, c := range []struct {
		what string
		doc  corpus.Document
		want string
	}{
		{"no spans, no meta: the request's", corpus.Document{}, "me"},
		{"no spans: the line's meta", corpus.Document{Meta: meta}, "kept"},
		{"spans naming none: the request's", corpus.Document{Spans: sp("", "")}, "me"},
		{"one annotator", corpus.Document{Spans: sp("amal", "amal"), Meta: meta}, "amal"},
		{"the most spans", corpus.Document{Spans: sp("amal", "omar", "omar", "")}, "omar"},
		{"a tie with the request's: the request's", corpus.Document{Spans: sp("zaid", "me")}, "me"},
		{"a tie without it: the first by name", corpus.Document{Spans: sp("zaid", "amal")}, "amal"},
	} {
		if got := DocAnnotator(&c.doc, "me"); got != c.want {
			t.Errorf("%s: %q, want %q", c.what, got, c.want)
		}
	}
}

// TestEncodeAttribute writes each span's annotator and the line's
// meta.annotator, in place of the one kept in meta, and nothing else of
// the annotations.
func TestEncodeAttribute(t *testing.T) {
	docs := []corpus.Document{{ID: "a", Title: "A", Text: "الجيش المالي في كاي",
		Meta: map[string]json.RawMessage{"annotator": json.RawMessage(`"old"`), "src": json.RawMessage(`1`)},
		Spans: []corpus.Span{
			{ID: "s1", Start: 0, End: 12, Label: corpus.Actor, Annotator: "amal"},
			{ID: "s2", Start: 16, End: 19, Label: corpus.Place},
		}}, {ID: "b", Title: "B", Text: "كاي"}}
	out := mustEncode(t, docs, EncodeOptions{Attribute: true, Annotator: "me"})
	want := `{"id":"a","text":"الجيش المالي في كاي","spans":[{"start":0,"end":12,"label":"ACTOR","text":"الجيش المالي","annotator":"amal"},{"start":16,"end":19,"label":"PLACE","text":"كاي"}],"meta":{"src":1,"annotator":"amal","status":"new","title":"A"}}` + "\n" +
		`{"id":"b","text":"كاي","spans":[],"meta":{"annotator":"me","status":"new","title":"B"}}` + "\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
