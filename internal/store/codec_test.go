package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/raqim/raqim/internal/corpus"
)

func TestAppendSpanDecodesLikeEncodingJSON(t *testing.T) {
	when := time.Date(2025, 10, 7, 6, 30, 0, 123456789, time.FixedZone("x", 3600))
	spans := []corpus.Span{
		{Start: 0, End: 3, Label: corpus.Place},
		{ID: "a\"b\\c\nd\te\u2028", Start: 5, End: 12, Label: "ACTOR", Annotator: "سارة 😀", Created: when, Modified: when.Add(time.Hour)},
		{ID: "x", Start: 1, End: 2, Label: corpus.Date, Attrs: map[string]string{"iso_date": "2025-10-07", "q": "\"<>&"}},
		{ID: "\x01ctrl\x1f", Start: 7, End: 9, Label: corpus.Casualty},
		{ID: "bad\xffbyte", Start: 7, End: 9, Label: corpus.Casualty},
	}
	for _, sp := range spans {
		got := AppendSpan(nil, sp)
		if !json.Valid(got) {
			t.Fatalf("AppendSpan(%+v) = %s: not JSON", sp, got)
		}
		var a, b corpus.Span
		if err := json.Unmarshal(got, &a); err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(sp)
		json.Unmarshal(want, &b)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("AppendSpan round trip\n got %+v\nwant %+v\n(%s vs %s)", a, b, got, want)
		}
	}
}

func BenchmarkAppendSpan(b *testing.B) {
	sp := corpus.Span{ID: "7475b9ee-56d4-4a58-b1ff-5bd895ddbeb5", Start: 1200, End: 1212, Label: corpus.Actor, Annotator: "annotator", Created: time.Now()}
	var buf []byte
	for b.Loop() {
		buf = AppendSpan(buf[:0], sp)
	}
}

func BenchmarkMarshalSpan(b *testing.B) {
	sp := corpus.Span{ID: "7475b9ee-56d4-4a58-b1ff-5bd895ddbeb5", Start: 1200, End: 1212, Label: corpus.Actor, Annotator: "annotator", Created: time.Now()}
	for b.Loop() {
		json.Marshal(sp)
	}
}

// TestDecodeSpanDecodesLikeEncodingJSON checks DecodeSpan against
// encoding/json: on what AppendSpan writes, and on objects it does not
// write (escapes, attrs, other keys, spacing, bad values), value for value
// and failure for failure.
func TestDecodeSpanDecodesLikeEncodingJSON(t *testing.T) {
	when := time.Date(2025, 10, 7, 6, 30, 0, 123456789, time.FixedZone("x", 3600))
	inputs := []string{
		`{}`,
		`{"start":0,"end":3,"label":"PLACE"}`,
		`{"id":"7475b9ee","start":1200,"end":1212,"label":"ACTOR","annotator":"سارة 😀","created":"2025-10-07T06:30:00.123456789+01:00"}`,
		`{"id":"a\"b","start":1,"end":2,"label":"DATE"}`,
		`{"id":"x","start":1,"end":2,"label":"DATE","attrs":{"iso_date":"2025-10-07"}}`,
		`{"ID":"x","start":1,"end":2,"label":"DATE"}`,
		`{"id":"x", "start":1,"end":2,"label":"DATE"}`,
		`{"id":"x","start":1,"end":2,"label":"DATE","extra":true}`,
		`{"id":"x","start":-4,"end":2e1,"label":"DATE"}`,
		`{"id":"x","start":01,"end":2,"label":"DATE"}`,
		`{"id":"x","start":1.5,"end":2,"label":"DATE"}`,
		`{"id":"x","start":99999999999999999999,"end":2,"label":"DATE"}`,
		`{"id":"x","start":1,"end":2,"label":"DATE",}`,
		`{"id":"x","start":1,"end":2,"label":null}`,
		`{"id":"x","start":1,"end":2,"label":"DATE","created":"yesterday"}`,
		`{"id":"x","start":1,"end":2,"label":"DATE","created":"2025-10-07T06:30:00Z","modified":"2025-10-07T06:30:00.5-02:00"}`,
		`{"id":"x","start":1,"end":2,"label":"DATE","id":"y"}`,
		"{\"id\":\"tab\there\",\"start\":1,\"end\":2,\"label\":\"DATE\"}",
		"{\"id\":\"bad\xffbyte\",\"start\":1,\"end\":2,\"label\":\"DATE\"}",
		`{"id":"x","start":1,"end":2,"label":"DATE"`,
		`{"id":"x"start":1}`,
		`{"id":"x",:1}`,
		`{"start":-,"end":2}`,
		`[]`,
		``,
	}
	for _, sp := range []corpus.Span{
		{ID: "a", Start: 5, End: 12, Label: "ACTOR", Annotator: "سارة", Created: when, Modified: when.Add(time.Hour)},
		{ID: "a\"b\\c\nd\te\u2028", Start: 5, End: 12, Label: "ACTOR"},
		{ID: "x", Start: 1, End: 2, Label: corpus.Date, Attrs: map[string]string{"iso_date": "2025-10-07"}},
	} {
		inputs = append(inputs, string(AppendSpan(nil, sp)))
	}
	for _, in := range inputs {
		decodesLikeJSON(t, "DecodeSpan", DecodeSpan, in)
	}
}

// decodesLikeJSON checks that decode, named name, decodes in as
// encoding/json decodes it into a T: the same value, or an error where it
// fails.
func decodesLikeJSON[T any](t *testing.T, name string, decode func(string) (T, error), in string) {
	t.Helper()
	got, gotErr := decode(in)
	var want T
	wantErr := json.Unmarshal([]byte(in), &want)
	if (gotErr != nil) != (wantErr != nil) {
		t.Errorf("%s(%q): error %v, encoding/json's %v", name, in, gotErr, wantErr)
		return
	}
	if wantErr == nil && !reflect.DeepEqual(got, want) {
		t.Errorf("%s(%q)\n got %+v\nwant %+v", name, in, got, want)
	}
}

// TestSpanDecoderSharesNames checks that a SpanDecoder decodes as
// DecodeSpan and gives the spans one copy of each label and annotator, not
// a part of the string decoded.
func TestSpanDecoderSharesNames(t *testing.T) {
	lines := strings.Repeat(`{"id":"x","start":1,"end":2,"label":"DATE","annotator":"سارة"}`+"\n", 3)
	var d SpanDecoder
	var got []corpus.Span
	for _, l := range strings.Split(strings.TrimSuffix(lines, "\n"), "\n") {
		sp, err := d.Decode(l)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := DecodeSpan(l)
		if !reflect.DeepEqual(sp, want) {
			t.Fatalf("Decode(%s) = %+v, DecodeSpan gives %+v", l, sp, want)
		}
		got = append(got, sp)
	}
	inside := func(s string) bool {
		p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(lines)))
		return p >= b && p < b+uintptr(len(lines))
	}
	for i, sp := range got {
		if inside(string(sp.Label)) || inside(sp.Annotator) {
			t.Errorf("span %d: its label or annotator is part of the decoded string", i)
		}
		if unsafe.StringData(string(sp.Label)) != unsafe.StringData(string(got[0].Label)) || unsafe.StringData(sp.Annotator) != unsafe.StringData(got[0].Annotator) {
			t.Errorf("span %d: its label or annotator is a copy of its own", i)
		}
	}
}

func FuzzDecodeSpan(f *testing.F) {
	f.Add(`{"id":"7475b9ee","start":1200,"end":1212,"label":"ACTOR","annotator":"a","created":"2025-10-07T06:30:00Z"}`)
	f.Add(`{"start":0,"end":3,"label":"PLACE"}`)
	f.Add(`{"start":4,"end":9,"label":"DATE","attrs":{"iso":"2025-10-07","source":"date"}}`)
	f.Add(`{"start":4,"end":9,"label":"PLACE","attrs":{}}`)
	f.Add(`{"start":4,"end":9,"label":"PLACE","attrs":{"a":"1","a":"2"}}`)
	f.Add(`{"start":4,"end":9,"label":"CASUALTY","attrs":{"victims":"جنود","count":"4",}}`)
	f.Fuzz(func(t *testing.T, in string) { decodesLikeJSON(t, "DecodeSpan", DecodeSpan, in) })
}

func BenchmarkDecodeSpan(b *testing.B) {
	sp := corpus.Span{ID: "7475b9ee-56d4-4a58-b1ff-5bd895ddbeb5", Start: 1200, End: 1212, Label: corpus.Actor, Annotator: "annotator", Created: time.Now()}
	s := string(AppendSpan(nil, sp))
	for b.Loop() {
		DecodeSpan(s)
	}
}

func BenchmarkUnmarshalSpan(b *testing.B) {
	sp := corpus.Span{ID: "7475b9ee-56d4-4a58-b1ff-5bd895ddbeb5", Start: 1200, End: 1212, Label: corpus.Actor, Annotator: "annotator", Created: time.Now()}
	s := []byte(string(AppendSpan(nil, sp)))
	for b.Loop() {
		var out corpus.Span
		json.Unmarshal(s, &out)
	}
}

// TestDecodeSpanLinesOwnsItsStrings checks that DecodeSpanLines decodes
// what AppendSpanLines writes, and that no string of the spans it returns
// is a part of the lines decoded, which a span kept would keep whole.
func TestDecodeSpanLinesOwnsItsStrings(t *testing.T) {
	at := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	spans := []corpus.Span{
		{ID: "a1", Start: 0, End: 4, Label: "ACTOR", Annotator: "سارة", Created: at, Modified: at},
		{ID: "b-22", Start: 5, End: 9, Label: "PLACE", Attrs: map[string]string{"source": "gazetteer", "value": "ML-6"}},
		{ID: "c333", Start: 10, End: 12, Label: "ACTOR", Annotator: "سارة", Attrs: map[string]string{"source": "lexicon"}},
		{ID: "d", Start: 13, End: 20, Label: "DATE", Attrs: map[string]string{"note": "a \"quoted\" note"}},
	}
	lines := string(AppendSpanLines(nil, spans))
	got, err := DecodeSpanLines(lines)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, spans) {
		t.Fatalf("DecodeSpanLines(AppendSpanLines(spans))\n got %+v\nwant %+v", got, spans)
	}
	inside := func(s string) bool {
		if s == "" {
			return false
		}
		p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(lines)))
		return p >= b && p < b+uintptr(len(lines))
	}
	for i, sp := range got {
		strs := []string{sp.ID, string(sp.Label), sp.Annotator}
		for k, v := range sp.Attrs {
			strs = append(strs, k, v)
		}
		for _, s := range strs {
			if inside(s) {
				t.Errorf("span %d: %q is a part of the decoded lines", i, s)
			}
		}
	}
}

// layerInfoInputs are summaries of layers as stored, and variants the
// plain reader leaves to encoding/json or refuses.
var layerInfoInputs = []string{
	`{}`,
	`{"name":"سلمى","kind":"human","count":25,"imported":"2026-12-06T18:00:00.123456789Z","source":"a.jsonl"}`,
	`{"name":"gold","kind":"gold","count":3,"curation":{"layers":["a","b"],"agree":2,"units":3,"open":1,"curators":["c"]}}`,
	`{"name":"a\"b","kind":"human","count":1}`,
	`{"name":"x","kind":"human","count":-1,"source":""}`,
	`{"name":"x","kind":"human","count":1.5}`,
	`{"name":"x","kind":"human","count":01}`,
	`{"name":"x","kind":"human","imported":"then"}`,
	`{"name":"x","kind":"human","extra":1}`,
	`{"name":"x","kind":"human","name":"y"}`,
	`{"name":"x","kind":"human"`,
	`{"name":null}`,
	`[]`,
	``,
}

// TestDecodeLayerInfoDecodesLikeEncodingJSON checks DecodeLayerInfo
// against encoding/json on summaries as stored and on variants.
func TestDecodeLayerInfoDecodesLikeEncodingJSON(t *testing.T) {
	for _, in := range layerInfoInputs {
		decodesLikeJSON(t, "DecodeLayerInfo", DecodeLayerInfo, in)
	}
}

func FuzzDecodeLayerInfo(f *testing.F) {
	for _, in := range layerInfoInputs {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) { decodesLikeJSON(t, "DecodeLayerInfo", DecodeLayerInfo, in) })
}
