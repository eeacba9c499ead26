package jsonl

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/sample"
)

// FuzzDecode checks that Decode never panics and that whatever it accepts
// validates, encodes, and decodes again to the same documents.
func FuzzDecode(f *testing.F) {
	seeds := []string{
		`{"id":"e","text":"قتل 😀 جنديين في 🇲🇱 باماكو","spans":[{"start":19,"end":25,"label":"PLACE","text":"باماكو"},{"start":6,"end":12,"label":"CASUALTY"}]}`,
		"\ufeff" + `{"text":"سطر\r\nباماكو","meta":{"status":"done","title":"t","x":[1,{"a":null}]},"spans":[{"start":5,"end":11,"label":"PLACE","id":"s","annotator":"a","attrs":{"n":1},"created":"2025-01-02T03:04:05Z"}]}` + "\r\n",
		`{"id":7,"text":"قتل جنديين","label":[[0,3,"CASUALTY"]],"Comments":[]}`,
		`{"text":"abc","labels":[[0,1,"DATE"],[1,3,"GPE"]]}` + "\n\n" + `{"text":"abd"}`,
		`{"text":"a","spans":[{"start":0,"end":1,"label":"DATE"},{"start":0,"end":1,"label":"DATE"}]}`,
		`{"text":"\ud800x","spans":[{"start":0,"end":1,"label":"DATE","text":"\ud800"}]}`,
		"{\"text\":\"ab\xffc\"}",
		`[1]`, `{"text":""}`, `{"id":1e3,"text":"x"}`, ``, "\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	// a line of the sample's gold file, and of the shared corpus's files
	// under the tag "shared"
	first, _, _ := bytes.Cut(sample.GoldJSONL(), []byte("\n"))
	for _, seed := range append([][]byte{first}, sharedSeeds(f)...) {
		f.Add(seed, true)
	}
	m := map[corpus.Label]corpus.Label{"GPE": corpus.Place}
	f.Fuzz(func(t *testing.T, data []byte, withSchema bool) {
		opts := DecodeOptions{Now: fixedNow}
		if withSchema {
			opts.Schema, opts.LabelMap = corpus.Default, m
		}
		docs, err := Decode("fuzz.jsonl", bytes.NewReader(data), opts)
		if err != nil {
			if docs != nil {
				t.Fatal("documents returned with an error")
			}
			return
		}
		for i := range docs {
			if err := corpus.Validate(&docs[i], opts.Schema); err != nil {
				t.Fatalf("accepted document %q fails Validate: %v", docs[i].ID, err)
			}
		}
		var buf bytes.Buffer
		if err := Encode(&buf, docs, EncodeOptions{Schema: opts.Schema, Units: true, Annotations: true}); err != nil {
			t.Fatalf("Encode refuses decoded documents: %v", err)
		}
		again, err := Decode("again.jsonl", &buf, opts)
		if err != nil {
			t.Fatalf("Decode(Encode(docs)): %v\n%s", err, buf.String())
		}
		if len(again) != len(docs) {
			t.Fatalf("round trip: %d docs, want %d", len(again), len(docs))
		}
		for i := range docs {
			a, b := docs[i], again[i]
			if a.ID != b.ID || a.Text != b.Text || a.Status != b.Status || a.Title != b.Title ||
				!reflect.DeepEqual(a.Spans, b.Spans) || len(a.Meta) != len(b.Meta) {
				t.Fatalf("round trip changed document %d:\n%+v\n%+v", i, a, b)
			}
		}
	})
}
