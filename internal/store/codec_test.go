package store

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

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
