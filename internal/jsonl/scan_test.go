package jsonl

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzScanSpans checks scanSpans against fastSpans (encoding/json): for
// every checked JSON array scanSpans reads, fastSpans reads the same spans.
func FuzzScanSpans(f *testing.F) {
	for _, seed := range []string{
		`[]`,
		`[{"start": 0, "end": 4, "label": "ACTOR"}]`,
		`[{"start":0,"end":4,"label":"ACTOR","text":"كلمة"},{"end":9,"start":5,"label":"PLACE","id":"s1","annotator":"ann"}]`,
		`[{"start": 1, "end": 2, "label": "DATE", "created": "2026-12-06T10:00:00Z", "modified": "2026-12-06T10:00:01.5Z"}]`,
		`[{"start": 1, "end": 2, "label": "DATE", "start": 3}]`,
		`[{"start": 1.0, "end": 2, "label": "DATE"}]`,
		`[{"start": 1, "end": 2, "label": "A\"B"}]`,
		`[{"Start": 1, "end": 2, "label": "X"}]`,
		`[{"start": -1, "end": 2e0, "label": "X"}]`,
		`[{"start": 1, "end": 2, "label": null}]`,
		`[{"start": 1, "end": 2, "label": "X", "attrs": {"k": "v"}}]`,
		` [ { "start" : 1 , "end" : 2 , "label" : "X" } ] `,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if !json.Valid([]byte(v)) {
			return // scanSpans reads checked JSON only
		}
		got, ok := scanSpans([]byte(v))
		if !ok {
			return
		}
		want, wok := fastSpans([]byte(v))
		if !wok {
			t.Fatalf("scanSpans read %q, which fastSpans refuses: %+v", v, got)
		}
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: scanSpans %+v, fastSpans %+v", v, got, want)
		}
	})
}
