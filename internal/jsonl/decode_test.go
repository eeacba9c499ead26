package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/offsets"
	"github.com/raqim/raqim/internal/sample"
)

var testNow = time.Date(2025, 10, 7, 9, 30, 0, 0, time.UTC)

func fixedNow() time.Time { return testNow }

// srcDoc is a gold line as Python would read it.
type srcDoc struct {
	ID    string    `json:"id"`
	Text  string    `json:"text"`
	Spans []srcSpan `json:"spans"`
}

type srcSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
	Text  string `json:"text"`
}

func parseLines(t *testing.T, data []byte) []srcDoc {
	t.Helper()
	var out []srcDoc
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d srcDoc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("parsing %q: %v", format.Clip(line), err)
		}
		out = append(out, d)
	}
	return out
}

func mustDecode(t *testing.T, input string, opts DecodeOptions) []corpus.Document {
	t.Helper()
	if opts.Now == nil {
		opts.Now = fixedNow
	}
	docs, err := Decode("test.jsonl", strings.NewReader(input), opts)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	for i := range docs {
		if err := corpus.Validate(&docs[i], opts.Schema); err != nil {
			t.Fatalf("document %s does not validate: %v", docs[i].ID, err)
		}
	}
	return docs
}

func mustEncode(t *testing.T, docs []corpus.Document, opts EncodeOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, docs, opts); err != nil {
		t.Fatalf("Encode: %v", err)
	}
	return buf.Bytes()
}

// key is what a round trip must keep of a span.
type key struct {
	Start, End int
	Label      corpus.Label
}

func keys(spans []corpus.Span) []key {
	out := make([]key, len(spans))
	for i, s := range spans {
		out[i] = key{s.Start, s.End, s.Label}
	}
	return out
}

// TestGoldRoundTrip decodes and encodes the sample corpus's gold.jsonl:
// one line per sample article, each titled with its article's title (the
// line's meta.title).
func TestGoldRoundTrip(t *testing.T) {
	var titles []string
	for _, d := range sample.Documents() {
		titles = append(titles, d.Title)
	}
	checkRoundTrip(t, sample.GoldJSONL(), titles)
}

// checkRoundTrip checks that Decode then Encode gives back the lines of a
// gold file (id, text and spans, as Python would read them), that the
// documents decoded are new, titled titles[i], with UUID span IDs, and that
// Decode(Encode(docs)) keeps id, text, status, title and spans.
func checkRoundTrip(t *testing.T, data []byte, titles []string) {
	t.Helper()
	src := parseLines(t, data)
	if len(src) != len(titles) {
		t.Fatalf("the gold file has %d lines, want %d", len(src), len(titles))
	}
	docs := mustDecode(t, string(data), DecodeOptions{Schema: corpus.Default})
	out := mustEncode(t, docs, EncodeOptions{Schema: corpus.Default})
	got := parseLines(t, out)
	if !reflect.DeepEqual(got, src) {
		for i := range src {
			if i < len(got) && !reflect.DeepEqual(got[i], src[i]) {
				t.Errorf("document %s differs after Decode+Encode", src[i].ID)
			}
		}
		t.Fatalf("round trip: got %d docs, want %d", len(got), len(src))
	}
	for i, d := range docs {
		if d.ID != src[i].ID || d.Title != titles[i] || d.Status != corpus.StatusNew {
			t.Errorf("doc %d: id %q title %q status %q", i, d.ID, d.Title, d.Status)
		}
		for _, s := range d.Spans {
			if _, err := uuid.Parse(s.ID); err != nil {
				t.Errorf("span id %q is not a UUID", s.ID)
			}
		}
	}
	again := mustDecode(t, string(out), DecodeOptions{Schema: corpus.Default})
	for i := range docs {
		a, b := docs[i], again[i]
		if a.ID != b.ID || a.Text != b.Text || a.Status != b.Status || a.Title != b.Title ||
			!reflect.DeepEqual(keys(a.Spans), keys(b.Spans)) {
			t.Errorf("document %s changed in Decode(Encode(docs))", a.ID)
		}
	}
}

// TestAnnotatorDecode decodes the sample's gold.jsonl as one annotator's
// file: every span keeps its place and carries the annotator given.
func TestAnnotatorDecode(t *testing.T) {
	checkAnnotatorFile(t, "gold.jsonl", sample.GoldJSONL())
}

// checkAnnotatorFile decodes data with Annotator set to the file's base
// name and checks that each line gives a document with as many spans, each
// carrying that annotator.
func checkAnnotatorFile(t *testing.T, name string, data []byte) {
	t.Helper()
	who := filepath.Base(name)
	src := parseLines(t, data)
	docs := mustDecode(t, string(data), DecodeOptions{Schema: corpus.Default, Annotator: who})
	if len(docs) != len(src) || len(docs) == 0 {
		t.Fatalf("got %d docs, want %d", len(docs), len(src))
	}
	for i, d := range docs {
		if len(d.Spans) != len(src[i].Spans) {
			t.Errorf("%s: %d spans, want %d", d.ID, len(d.Spans), len(src[i].Spans))
		}
		for _, s := range d.Spans {
			if s.Annotator != who {
				t.Errorf("span annotator %q", s.Annotator)
			}
		}
	}
}

func TestDecodeUnicode(t *testing.T) {
	type want struct {
		start, end int
		text       string
	}
	tests := []struct {
		name  string
		input string
		text  string // the document text expected
		spans []want
	}{
		{
			name:  "emoji and flag",
			input: `{"id":"e","text":"قتل 😀 جنديين في 🇲🇱 باماكو","spans":[{"start":19,"end":25,"label":"PLACE","text":"باماكو"},{"start":6,"end":12,"label":"CASUALTY","text":"جنديين"},{"start":16,"end":18,"label":"PLACE","text":"🇲🇱"}]}`,
			text:  "قتل 😀 جنديين في 🇲🇱 باماكو",
			spans: []want{{6, 12, "جنديين"}, {16, 18, "🇲🇱"}, {19, 25, "باماكو"}},
		},
		{
			name:  "emoji as JSON surrogate escapes",
			input: `{"id":"e","text":"\ud83d\ude00 \u0628\u0627\u0645\u0627\u0643\u0648","spans":[{"start":2,"end":8,"label":"PLACE","text":"باماكو"}]}`,
			text:  "😀 باماكو",
			spans: []want{{2, 8, "باماكو"}},
		},
		{
			name:  "Arabic diacritics, tatweel and e+combining acute",
			input: `{"id":"d","text":"قُتِلَ جنـــود في cafe\u0301","spans":[{"start":0,"end":6,"label":"CASUALTY","text":"قُتِلَ"},{"start":7,"end":14,"label":"ACTOR","text":"جنـــود"},{"start":18,"end":23,"label":"PLACE","text":"cafe\u0301"}]}`,
			text:  "قُتِلَ جنـــود في cafe\u0301",
			spans: []want{{0, 6, "قُتِلَ"}, {7, 14, "جنـــود"}, {18, 23, "cafe\u0301"}},
		},
		{
			name:  "CRLF inside the text is kept and counts two code points",
			input: `{"id":"c","text":"سطر\r\nباماكو\r\n","spans":[{"start":5,"end":11,"label":"PLACE","text":"باماكو"}]}`,
			text:  "سطر\r\nباماكو\r\n",
			spans: []want{{5, 11, "باماكو"}},
		},
		{
			name:  "BOM at the start of the file, CRLF line ends",
			input: "\ufeff" + `{"id":"b","text":"في باماكو","spans":[{"start":3,"end":9,"label":"PLACE"}]}` + "\r\n\r\n",
			text:  "في باماكو",
			spans: []want{{3, 9, "باماكو"}},
		},
		{
			name:  "U+FEFF inside the text is text",
			input: `{"id":"f","text":"\ufeffباماكو","spans":[{"start":1,"end":7,"label":"PLACE"}]}`,
			text:  "\ufeffباماكو",
			spans: []want{{1, 7, "باماكو"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := mustDecode(t, tt.input, DecodeOptions{Schema: corpus.Default})
			if len(docs) != 1 {
				t.Fatalf("got %d docs", len(docs))
			}
			d := docs[0]
			if d.Text != tt.text {
				t.Fatalf("text %q, want %q", d.Text, tt.text)
			}
			if len(d.Spans) != len(tt.spans) {
				t.Fatalf("got %d spans, want %d", len(d.Spans), len(tt.spans))
			}
			runes := []rune(d.Text)
			for i, w := range tt.spans {
				s := d.Spans[i]
				if s.Start != w.start || s.End != w.end {
					t.Errorf("span %d is [%d,%d), want [%d,%d)", i, s.Start, s.End, w.start, w.end)
				}
				if got := string(runes[s.Start:s.End]); got != w.text {
					t.Errorf("span %d text %q, want %q", i, got, w.text)
				}
			}
			// The text survives Encode + Decode byte for byte.
			again := mustDecode(t, string(mustEncode(t, docs, EncodeOptions{})), DecodeOptions{})
			if again[0].Text != tt.text || !reflect.DeepEqual(keys(again[0].Spans), keys(d.Spans)) {
				t.Errorf("round trip changed the document")
			}
		})
	}
}

func TestDecodeFields(t *testing.T) {
	input := `{"id":"a1","text":"هاجم الجيش المالي","meta":{"status":"in_progress","title":"عنوان","source":"https://x.test/?a=1&b=<2>","n":3},` +
		`"spans":[{"start":5,"end":17,"label":"ACTOR","text":"الجيش المالي","id":"s-1","annotator":"amal","attrs":{"norm":"FAMa","count":4},"created":"2025-01-02T03:04:05Z"}]}
{"text":"في باماكو","spans":[{"start":3,"end":9,"label":"PLACE"}]}
{"id":42,"text":"x","meta":{"title":""}}
{"id":1e3,"text":"y","meta":null,"spans":null}
{"id":"","text":"z","label":"SPORTS","answer":"accept","tokens":[{"text":"z"}]}
`
	docs := mustDecode(t, input, DecodeOptions{Schema: corpus.Default, Annotator: "importer"})
	if len(docs) != 5 {
		t.Fatalf("got %d docs", len(docs))
	}
	a := docs[0]
	if a.ID != "a1" || a.Title != "عنوان" || a.Status != corpus.StatusInProgress {
		t.Errorf("doc 1: id %q title %q status %q", a.ID, a.Title, a.Status)
	}
	if len(a.Meta) != 2 || string(a.Meta["n"]) != "3" || string(a.Meta["source"]) != `"https://x.test/?a=1&b=<2>"` {
		t.Errorf("doc 1 meta %v", a.Meta)
	}
	if !a.Created.Equal(testNow) || !a.Modified.Equal(testNow) {
		t.Errorf("doc 1 times %v %v", a.Created, a.Modified)
	}
	s := a.Spans[0]
	wantAttrs := map[string]string{"norm": "FAMa", "count": "4"}
	if s.ID != "s-1" || s.Annotator != "amal" || !reflect.DeepEqual(s.Attrs, wantAttrs) ||
		!s.Created.Equal(time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)) {
		t.Errorf("span 1 fields: %+v", s)
	}

	b := docs[1]
	if want := format.ContentID("في باماكو"); b.ID != want || b.Title != want || b.Status != corpus.StatusNew || b.Meta != nil {
		t.Errorf("doc 2: id %q title %q status %q meta %v", b.ID, b.Title, b.Status, b.Meta)
	}
	bs := b.Spans[0]
	if _, err := uuid.Parse(bs.ID); err != nil || bs.Annotator != "importer" || !bs.Created.Equal(testNow) {
		t.Errorf("doc 2 span: %+v", bs)
	}
	if docs[2].ID != "42" || docs[2].Title != "" {
		t.Errorf("numeric id: %q title %q", docs[2].ID, docs[2].Title)
	}
	if docs[3].ID != "1000" || docs[3].Title != "1000" {
		t.Errorf("numeric id 1e3: %q", docs[3].ID)
	}
	if docs[4].ID != format.ContentID("z") || len(docs[4].Spans) != 0 || docs[4].Meta != nil {
		t.Errorf("Prodigy text-classification line: %+v", docs[4])
	}
}

func TestDecodeDoccano(t *testing.T) {
	input := `{"id":7,"text":"قتل جنديين في باماكو","label":[[14,20,"PLACE"],[0,10,"CASUALTY"]],"Comments":["ok"],"annotation_approver":null}
{"text":"الجيش المالي","labels":[[0,12,"ACTOR"]],"meta":{"status":"done","src":"d"}}
{"text":"بدون وسوم","label":[]}
`
	docs := mustDecode(t, input, DecodeOptions{Schema: corpus.Default})
	if len(docs) != 3 {
		t.Fatalf("got %d docs", len(docs))
	}
	d := docs[0]
	if d.ID != "7" || !reflect.DeepEqual(keys(d.Spans), []key{{0, 10, "CASUALTY"}, {14, 20, "PLACE"}}) {
		t.Errorf("doc 1: id %q spans %v", d.ID, keys(d.Spans))
	}
	if len(d.Meta) != 2 || string(d.Meta["Comments"]) != `["ok"]` || string(d.Meta["annotation_approver"]) != "null" {
		t.Errorf("doc 1 meta: %v", d.Meta)
	}
	e := docs[1]
	if e.Status != corpus.StatusDone || len(e.Spans) != 1 || e.Spans[0].Label != corpus.Actor || string(e.Meta["src"]) != `"d"` || len(e.Meta) != 1 {
		t.Errorf("doc 2: %+v", e)
	}
	if len(docs[2].Spans) != 0 {
		t.Errorf("doc 3 spans: %v", docs[2].Spans)
	}
}

func TestDecodeErrors(t *testing.T) {
	ok := `{"id":"ok","text":"في باماكو","spans":[{"start":3,"end":9,"label":"PLACE"}]}` + "\n"
	ok2 := strings.Replace(ok, `"ok"`, `"ok2"`, 1)
	ok3 := strings.Replace(ok, `"ok"`, `"ok3"`, 1)
	tests := []struct {
		name  string
		input string
		limit int64 // 0 = MaxFileSize
		line  int
		want  []string // substrings of the message
	}{
		{"invalid UTF-8", ok + "{\"text\":\"ab\xffc\"}\n", 0, 2, []string{"invalid UTF-8", "0xFF", "column 12"}},
		{"UTF-16", "\xff\xfe{\x00", 0, 1, []string{"invalid UTF-8", "UTF-16"}},
		{"invalid JSON", ok + `{"text": "x",}` + "\n", 0, 2, []string{"invalid JSON", "column"}},
		{"truncated JSON", ok + ok2 + `{"text": "x"`, 0, 3, []string{"invalid JSON"}},
		{"not an object", `["text"]`, 0, 1, []string{"JSON array", "not an object"}},
		{"string line", ok + `"hello"`, 0, 2, []string{"JSON string", "not an object"}},
		{"BOM mid-file", ok + "\ufeff" + ok, 0, 2, []string{"byte-order mark"}},
		{"missing text", ok + "\n" + `{"id":"x"}`, 0, 3, []string{`missing "text"`}},
		{"null text", `{"text":null}`, 0, 1, []string{`missing "text"`}},
		{"empty text", `{"text":""}`, 0, 1, []string{`"text" is empty`}},
		{"text not a string", `{"text":5}`, 0, 1, []string{`"text" must be a string`}},
		{"bad id", `{"id":[1],"text":"a"}`, 0, 1, []string{`"id" must be a string or a number`}},
		{"meta not object", `{"text":"a","meta":"x"}`, 0, 1, []string{`"meta" must be an object`}},
		{"unknown status", `{"text":"a","meta":{"status":"finished"}}`, 0, 1, []string{`"meta.status"`, `"finished"`}},
		{"spans not array", `{"text":"a","spans":{}}`, 0, 1, []string{`"spans" must be an array`}},
		{"span not object", `{"text":"a","spans":[[0,1,"PLACE"]]}`, 0, 1, []string{"span 1 must be an object"}},
		{"missing start", `{"text":"abc","spans":[{"end":1,"label":"PLACE"}]}`, 0, 1, []string{`span 1 "start"`, "missing"}},
		{"float offset", `{"text":"abc","spans":[{"start":0,"end":1.5,"label":"PLACE"}]}`, 0, 1, []string{`span 1 "end" must be an integer`, "1.5"}},
		{"string offset", `{"text":"abc","spans":[{"start":"0","end":1,"label":"PLACE"}]}`, 0, 1, []string{`span 1 "start" must be an integer`, "string"}},
		{"missing label", `{"text":"abc","spans":[{"start":0,"end":1}]}`, 0, 1, []string{`span 1 [0,1): missing "label"`}},
		{"empty label", `{"text":"abc","spans":[{"start":0,"end":1,"label":""}]}`, 0, 1, []string{"empty label"}},
		{"out of range", ok + `{"text":"😀ab","spans":[{"start":1,"end":4,"label":"PLACE"}]}`, 0, 2, []string{"span 1 [1,4) PLACE", "out of range", "3 code points"}},
		{"negative", `{"text":"abc","spans":[{"start":-1,"end":2,"label":"PLACE"}]}`, 0, 1, []string{"[-1,2)", "out of range"}},
		{"start equals end", `{"text":"abc","spans":[{"start":0,"end":1,"label":"PLACE"},{"start":2,"end":2,"label":"DATE"}]}`, 0, 1, []string{"span 2 [2,2) DATE", "start must be less than end"}},
		{"reversed", `{"text":"abc","spans":[{"start":2,"end":1,"label":"DATE"}]}`, 0, 1, []string{"[2,1)", "start must be less than end"}},
		{"overlap", ok + `{"text":"الجيش المالي في باماكو","spans":[{"start":6,"end":12,"label":"PLACE"},{"start":0,"end":12,"label":"ACTOR"}]}`, 0, 2,
			[]string{"[0,12) ACTOR", "[6,12) PLACE", "overlap"}},
		{"duplicate span", `{"text":"abc","spans":[{"start":0,"end":2,"label":"DATE"},{"start":0,"end":2,"label":"DATE"}]}`, 0, 1, []string{"[0,2) DATE", "overlaps span [0,2) DATE"}},
		{"span text mismatch", `{"text":"في باماكو","spans":[{"start":2,"end":8,"label":"PLACE","text":"باماكو"}]}`, 0, 1,
			[]string{"span 1 [2,8) PLACE", `"باماكو"`, `" باماك"`}},
		{"span text not string", `{"text":"abc","spans":[{"start":0,"end":1,"label":"DATE","text":1}]}`, 0, 1, []string{`span 1 "text" must be a string`}},
		{"attrs text mismatch", `{"text":"abc","spans":[{"start":0,"end":1,"label":"DATE","attrs":{"text":"b"}}]}`, 0, 1, []string{`attrs "text" is "b"`, `"a"`}},
		{"bad created", `{"text":"abc","spans":[{"start":0,"end":1,"label":"DATE","created":"yesterday"}]}`, 0, 1, []string{"RFC 3339", "yesterday"}},
		{"duplicate id", ok + `{"id":"x","text":"a"}` + "\n" + ok, 0, 3, []string{`duplicate id "ok"`, "line 1"}},
		{"duplicate text without id", `{"text":"a"}` + "\n" + `{"text":"a"}`, 0, 2, []string{"same as on line 1"}},
		{"doccano bad entry", `{"text":"abc","label":[[0,1]]}`, 0, 1, []string{`"label" entry 1 must be [start, end, "LABEL"]`}},
		{"doccano bad offset", `{"text":"abc","labels":[[0,"1","DATE"]]}`, 0, 1, []string{`"labels" entry 1 end must be an integer`}},
		{"doccano out of range", `{"text":"abc","label":[[0,9,"DATE"]]}`, 0, 1, []string{"[0,9) DATE", "out of range"}},
		{"empty file", "", 0, 0, []string{"no documents"}},
		{"blank lines only", "\n  \r\n\t\n", 0, 0, []string{"no documents"}},
		{"file too large", ok + ok2 + ok3, int64(len(ok))*2 + 10, 3, []string{"file is larger than the import limit"}},
		{"line too long", ok + `{"text":"` + strings.Repeat("a", 100) + `"}`, 100, 2, []string{"line is longer than the import limit of 100 bytes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limit := tt.limit
			if limit == 0 {
				limit = format.MaxFileSize
			}
			docs, err := decode("in.jsonl", strings.NewReader(tt.input), DecodeOptions{Schema: corpus.Default}, limit)
			if err == nil {
				t.Fatalf("no error; got %d docs", len(docs))
			}
			if docs != nil {
				t.Errorf("got docs with the error")
			}
			var fe *corpus.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a *corpus.FileError: %v", err, err)
			}
			if fe.File != "in.jsonl" || fe.Line != tt.line {
				t.Errorf("error at %s:%d, want in.jsonl:%d (%v)", fe.File, fe.Line, tt.line, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestMaxFileSize(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 256 MiB")
	}
	if format.MaxFileSize != 256<<20 || format.MaxLine != 32<<20 {
		t.Fatalf("format.MaxFileSize = %d, format.MaxLine = %d", format.MaxFileSize, format.MaxLine)
	}
	// One endless line is cut at format.MaxLine.
	_, err := Decode("big.jsonl", io.LimitReader(repeatReader('a'), format.MaxLine+1), DecodeOptions{})
	var fe *corpus.FileError
	if !errors.As(err, &fe) || fe.Line != 1 || !strings.Contains(err.Error(), "line is longer than the import limit of 32 MiB") {
		t.Errorf("one long line: %v", err)
	}
	// A file of short (blank) lines is cut at format.MaxFileSize.
	_, err = Decode("big.jsonl", io.LimitReader(repeatReader('\n'), format.MaxFileSize+1), DecodeOptions{})
	if !errors.As(err, &fe) || fe.Line != format.MaxFileSize+1 || !strings.Contains(err.Error(), "file is larger than the import limit of 256 MiB") {
		t.Errorf("many lines: %v", err)
	}
}

// repeatReader reads an endless run of one byte.
type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestUnknownLabels(t *testing.T) {
	input := `{"id":"1","text":"الجيش المالي في باماكو","spans":[{"start":0,"end":12,"label":"ORG"},{"start":16,"end":22,"label":"GPE"}]}
{"id":"2","text":"في باماكو اليوم","spans":[{"start":3,"end":9,"label":"GPE"},{"start":10,"end":15,"label":"TIME"}]}
{"id":"3","text":"في كاي","spans":[{"start":3,"end":6,"label":"PLACE"}]}
`
	_, err := Decode("labels.jsonl", strings.NewReader(input), DecodeOptions{Schema: corpus.Default})
	var ue *format.UnknownLabelsError
	if !errors.As(err, &ue) {
		t.Fatalf("error %v is not an *format.UnknownLabelsError", err)
	}
	var fe *corpus.FileError
	if !errors.As(err, &fe) || fe.File != "labels.jsonl" || fe.Line != 1 {
		t.Errorf("FileError: %#v", fe)
	}
	wantCounts := map[corpus.Label]int{"ORG": 1, "GPE": 2, "TIME": 1}
	wantFirst := map[corpus.Label]int{"ORG": 1, "GPE": 1, "TIME": 2}
	if ue.File != "labels.jsonl" || !reflect.DeepEqual(ue.Labels, wantCounts) || !reflect.DeepEqual(ue.FirstLine, wantFirst) {
		t.Errorf("got %+v", ue)
	}
	if got := ue.Names(); !reflect.DeepEqual(got, []corpus.Label{"GPE", "ORG", "TIME"}) {
		t.Errorf("Names() = %v", got)
	}
	for _, w := range []string{`"GPE" (2 spans, first on line 1)`, `"TIME" (1 span, first on line 2)`, "map them"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not mention %q", err, w)
		}
	}

	// A structural error later in the file wins over unknown labels.
	_, err = Decode("labels.jsonl", strings.NewReader(input+`{"text":""}`), DecodeOptions{Schema: corpus.Default})
	if errors.As(err, &ue) || !errors.As(err, &fe) || fe.Line != 4 {
		t.Errorf("want the empty-text error on line 4, got %v", err)
	}

	// Mapped onto the schema, the file imports.
	m := map[corpus.Label]corpus.Label{"ORG": corpus.Actor, "GPE": corpus.Place, "TIME": corpus.Date}
	docs := mustDecode(t, input, DecodeOptions{Schema: corpus.Default, LabelMap: m})
	got := [][]key{keys(docs[0].Spans), keys(docs[1].Spans), keys(docs[2].Spans)}
	want := [][]key{{{0, 12, "ACTOR"}, {16, 22, "PLACE"}}, {{3, 9, "PLACE"}, {10, 15, "DATE"}}, {{3, 6, "PLACE"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mapped spans %v, want %v", got, want)
	}

	// Without a schema any label goes.
	if docs := mustDecode(t, input, DecodeOptions{}); docs[0].Spans[0].Label != "ORG" {
		t.Errorf("label %q", docs[0].Spans[0].Label)
	}
}

// checkUnits verifies start_utf16/start_byte fields against the offsets package.
func checkUnits(t *testing.T, text string, s corpus.Span, u16s, u16e, bs, be int) {
	t.Helper()
	if u16s != offsets.RuneToUTF16(text, s.Start) || u16e != offsets.RuneToUTF16(text, s.End) ||
		bs != offsets.NewIndex(text).Byte(s.Start) || be != offsets.NewIndex(text).Byte(s.End) {
		t.Errorf("units of [%d,%d) disagree with the offsets package", s.Start, s.End)
	}
	if text[bs:be] != string([]rune(text)[s.Start:s.End]) || !utf8.ValidString(text[bs:be]) {
		t.Errorf("byte offsets of [%d,%d) do not cut the span", s.Start, s.End)
	}
}

// TestDecodeEachAndCheck checks that reading in runs yields what Decode
// does, run by run, and that Check and DecodeFrom refuse what Decode does,
// with the same error.
func TestDecodeEachAndCheck(t *testing.T) {
	var b strings.Builder
	for i := range 7 {
		fmt.Fprintf(&b, `{"id": "d%d", "text": "قتل 😀 جنديان في كاي", "spans": [{"start": 16, "end": 19, "label": "PLACE"}]}`+"\n", i)
	}
	good := b.String()
	opts := DecodeOptions{Schema: corpus.Default, Now: func() time.Time { return time.Unix(0, 0) }}
	want, err := Decode("in.jsonl", strings.NewReader(good), opts)
	if err != nil {
		t.Fatal(err)
	}
	noIDs := func(docs []corpus.Document) []corpus.Document { // span IDs are random
		for _, d := range docs {
			for i := range d.Spans {
				d.Spans[i].ID = ""
			}
		}
		return docs
	}
	want = noIDs(want)
	for _, n := range []int{1, 3, 7, 100} {
		var got []corpus.Document
		var runs []int
		err := DecodeFrom("in.jsonl", strings.NewReader(good), Position{}, opts, n, func(docs []corpus.Document, _ Position) error {
			runs = append(runs, len(docs))
			got = append(got, docs...)
			return nil
		})
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if !reflect.DeepEqual(noIDs(got), want) {
			t.Errorf("n=%d: DecodeFrom yields other documents than Decode", n)
		}
		if wantRuns := (7 + n - 1) / n; len(runs) != wantRuns || runs[0] != min(n, 7) {
			t.Errorf("n=%d: runs %v", n, runs)
		}
	}
	if err := Check("in.jsonl", strings.NewReader(good), opts); err != nil {
		t.Errorf("Check of a good file: %v", err)
	}

	for name, input := range map[string]string{
		"malformed line 3": good[:strings.Index(good, "\n")+1] + good[:strings.Index(good, "\n")+1] + "{not json\n",
		"unknown label":    good + `{"text": "في غاو", "spans": [{"start": 3, "end": 6, "label": "LOC"}]}` + "\n",
		"empty":            "\n\n",
	} {
		_, want := Decode("in.jsonl", strings.NewReader(input), opts)
		if want == nil {
			t.Fatalf("%s: Decode accepted it", name)
		}
		if err := Check("in.jsonl", strings.NewReader(input), opts); err == nil || err.Error() != want.Error() {
			t.Errorf("%s: Check = %v, want %v", name, err, want)
		}
		if err := inRuns("in.jsonl", strings.NewReader(input), opts, 2, func([]corpus.Document) error { return nil }); err == nil || err.Error() != want.Error() {
			t.Errorf("%s: DecodeFrom = %v, want %v", name, err, want)
		}
	}

	stop := errors.New("quota exceeded")
	if err := inRuns("in.jsonl", strings.NewReader(good), opts, 2, func([]corpus.Document) error { return stop }); err != stop {
		t.Errorf("DecodeFrom returned %v, want fn's error", err)
	}
}

// TestDecodeFrom checks that a file read in runs can be read on from the
// position after any run, yielding the documents after it, numbering lines
// in the whole file, and that the rest may hold no document.
func TestDecodeFrom(t *testing.T) {
	var b strings.Builder
	b.WriteString("\ufeff")
	for i := range 7 {
		fmt.Fprintf(&b, `{"id": "d%d", "text": "قتل 😀 جنديان في كاي", "spans": [{"start": 16, "end": 19, "label": "PLACE"}]}`+"\n", i)
		if i == 2 {
			b.WriteString("\n") // a blank line after the third document
		}
	}
	good := b.String()
	opts := DecodeOptions{Schema: corpus.Default, Now: func() time.Time { return time.Unix(0, 0) }}
	ids := func(docs []corpus.Document) []string {
		var out []string
		for _, d := range docs {
			out = append(out, d.ID)
		}
		return out
	}
	var ends []Position
	var all []string
	err := inRuns("in.jsonl", strings.NewReader(good), opts, 2, func(docs []corpus.Document) error {
		all = append(all, ids(docs)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = DecodeFrom("in.jsonl", strings.NewReader(good), Position{}, opts, 2, func(docs []corpus.Document, end Position) error {
		ends = append(ends, end)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Runs end after d1 (line 2), d3 (line 5: a blank line 4), d5, d6 (the end).
	wantLines := []int{2, 5, 7, 8}
	if len(ends) != len(wantLines) {
		t.Fatalf("ends %+v", ends)
	}
	for i, end := range ends {
		if end.Line != wantLines[i] {
			t.Errorf("run %d ends at line %d, want %d", i, end.Line, wantLines[i])
		}
		if end.Offset > int64(len(good)) || (end.Offset < int64(len(good)) && good[end.Offset-1] != '\n') {
			t.Errorf("run %d ends at byte %d, not at the start of a line", i, end.Offset)
		}
		var rest []string
		err := DecodeFrom("in.jsonl", strings.NewReader(good[end.Offset:]), end, opts, 2, func(docs []corpus.Document, _ Position) error {
			rest = append(rest, ids(docs)...)
			return nil
		})
		if err != nil {
			t.Fatalf("from %+v: %v", end, err)
		}
		if want := all[min(2*(i+1), len(all)):]; !slices.Equal(rest, want) {
			t.Errorf("from %+v: documents %v, want %v", end, rest, want)
		}
	}
	// Lines are numbered in the whole file.
	bad := good + "{oops\n"
	err = DecodeFrom("in.jsonl", strings.NewReader(bad[ends[1].Offset:]), ends[1], opts, 2, func([]corpus.Document, Position) error { return nil })
	if err == nil || !strings.HasPrefix(err.Error(), "in.jsonl:9:") {
		t.Errorf("a bad line 9 read from line %d: %v", ends[1].Line, err)
	}
}

// inRuns reads a whole file in runs of n with DecodeFrom.
func inRuns(name string, r io.Reader, opts DecodeOptions, n int, fn func([]corpus.Document) error) error {
	return DecodeFrom(name, r, Position{}, opts, n, func(docs []corpus.Document, _ Position) error { return fn(docs) })
}
