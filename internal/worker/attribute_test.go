package worker_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"github.com/raqim/raqim/internal/dataset"
	"github.com/raqim/raqim/internal/jsonl"
	"io"
	"slices"
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

// TestExportDatasetGold exports, in two workers, the dataset of a corpus
// whose first document was curated to gold from two annotators' layers:
// the zip holds the gold spans, and its card the curator and the
// annotators' agreement.
func TestExportDatasetGold(t *testing.T) {
	st := store.NewMemory()
	text := "في غاو أمس"
	place := []corpus.Span{{ID: "p", Start: 3, End: 6, Label: corpus.Place}}
	both := append(slices.Clone(place), corpus.Span{ID: "d", Start: 7, End: 10, Label: corpus.Date})
	if err := st.Add([]corpus.Document{
		{ID: "a", Title: "a", Text: text, Spans: place},
		{ID: "b", Title: "b", Text: text + " ثم", Status: corpus.StatusDone, Spans: place},
	}); err != nil {
		t.Fatal(err)
	}
	if err := st.PutLayers([]store.LayerPut{
		{Doc: "a", Layer: corpus.Layer{Name: "amal", Kind: corpus.LayerHuman, Spans: place}},
		{Doc: "a", Layer: corpus.Layer{Name: "omar", Kind: corpus.LayerHuman, Spans: both}},
		{Doc: "a", Layer: corpus.Layer{Name: "gold", Kind: corpus.LayerGold, Spans: both,
			Curation: &corpus.Curation{CurationInfo: corpus.CurationInfo{Layers: []string{"amal", "omar"}, Units: 2, Curators: []string{"rana"}}}}},
	}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	req := job.Request{Op: job.ExportDataset, Dataset: job.Dataset{Seed: 1, Ratios: [3]float64{1, 0, 0}, Name: "g", Spans: dataset.SpansGold}}
	r := worker.Do(st, req, nil, &out, nil)
	if r.Error != "" || len(r.Plan) == 0 {
		t.Fatalf("first part: %+v", r)
	}
	req.Plan = r.Plan
	r = worker.Do(st, req, nil, &out, nil)
	if r.Error != "" || len(r.Messages) != 1 || !strings.Contains(r.Messages[0].Text, "Spans from the curated gold layer of 1 document. Left out, without a curated gold layer: 1 document.") {
		t.Fatalf("second part: %+v", r)
	}
	docs, _, err := dataset.Read(r.File, out.Bytes(), jsonl.DecodeOptions{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "a" || len(docs[0].Spans) != 2 {
		t.Fatalf("exported %+v, want a with its two gold spans", docs)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("README.md")
	if err != nil {
		t.Fatal(err)
	}
	card, _ := io.ReadAll(f)
	// amal marks 1 span, omar 2, one in common: strict F1 2·1/(1+2).
	for _, want := range []string{"Curated documents: 1 of 1, by rana.", "amal (1 document), omar (1 document)", "| amal · omar | 0.667 |", "Fleiss' kappa over code points"} {
		if !strings.Contains(string(card), want) {
			t.Errorf("the card lacks %q", want)
		}
	}
}

// TestSpansValues checks that the page's values of the spans setting are
// the dataset's.
func TestSpansValues(t *testing.T) {
	if job.SpansAuto != dataset.SpansAuto || job.SpansOwn != dataset.SpansOwn || job.SpansGold != dataset.SpansGold {
		t.Error("job's and dataset's values of the spans setting differ")
	}
}
