package worker_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/worker"
)

// TestExportJSONLAnnotator exports a corpus whose documents' spans name
// one annotator, several, or none: every line carries meta.annotator (the
// annotator of most spans, else the request's) and every span its own.
func TestExportJSONLAnnotator(t *testing.T) {
	st := store.NewMemory()
	sp := func(start, end int, label corpus.Label, who string) corpus.Span {
		return corpus.Span{ID: who + string(label), Start: start, End: end, Label: label, Annotator: who}
	}
	if err := st.Add([]corpus.Document{
		{ID: "one", Title: "one", Text: "في غاو أمس", Spans: []corpus.Span{sp(3, 6, corpus.Place, "amal"), sp(7, 10, corpus.Date, "amal")}},
		{ID: "most", Title: "most", Text: "في غاو أمس", Spans: []corpus.Span{sp(3, 6, corpus.Place, "omar"), sp(7, 10, corpus.Date, "")}},
		{ID: "none", Title: "none", Text: "لا شيء"},
	}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	r := worker.Do(st, job.Request{Op: job.ExportJSONL, Annotator: "me"}, nil, &out, nil)
	if r.Error != "" {
		t.Fatalf("export: %+v", r)
	}
	want := map[string]string{"one": "amal amal,amal", "most": "omar omar,", "none": "me "}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var d struct {
			ID    string
			Spans []struct{ Annotator string }
			Meta  struct{ Annotator string }
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, s := range d.Spans {
			names = append(names, s.Annotator)
		}
		if got := d.Meta.Annotator + " " + strings.Join(names, ","); got != want[d.ID] {
			t.Errorf("%s: meta.annotator and spans' %q, want %q", d.ID, got, want[d.ID])
		}
		delete(want, d.ID)
	}
	if len(want) > 0 {
		t.Errorf("lines missing: %v", want)
	}
}
