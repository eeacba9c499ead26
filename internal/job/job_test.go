package job_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/agreement"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset"
	"github.com/raqim/raqim/internal/gold"
	"github.com/raqim/raqim/internal/importer"
	"github.com/raqim/raqim/internal/job"
)

// TestDefaultDatasetMatchesDataset checks that the page's default settings
// are the exporter's: the page does not import the exporter to ask.
func TestDefaultDatasetMatchesDataset(t *testing.T) {
	got, want := job.DefaultDataset(), dataset.DefaultSettings()
	if got.Seed != want.Seed || got.Ratios != want.Ratios || got.IncludeAll != want.IncludeAll || got.Units != want.Units || got.Name != want.Name {
		t.Errorf("job.DefaultDataset() = %+v, dataset.DefaultSettings() = %+v", got, want)
	}
}

// TestExtensionsMatchImporter checks that the page offers exactly the files
// the worker's importer reads.
func TestExtensionsMatchImporter(t *testing.T) {
	want := append(importer.Supported(), ".ann")
	slices.Sort(want)
	if !slices.Equal(job.Extensions, want) {
		t.Errorf("job.Extensions = %q, importer reads %q", job.Extensions, want)
	}
}

// TestMerge checks how the replies of a piece of work done in parts (an
// import going on in new workers) add up.
func TestMerge(t *testing.T) {
	var r job.Reply
	r.Merge(job.Reply{Messages: []job.Message{{Kind: "info", Text: "a"}}, First: "d1", Stored: 2, Resume: &job.Resume{Offset: 10}})
	r.Merge(job.Reply{Messages: []job.Message{{Kind: "info", Text: "b"}}, First: "d9", Stored: 3})
	if r.First != "d1" || r.Stored != 5 || len(r.Messages) != 2 || r.Resume != nil || r.Error != "" {
		t.Errorf("merged imports: %+v", r)
	}
	r.Merge(job.Reply{Error: "first", File: "x.zip", Type: "application/zip"})
	r.Merge(job.Reply{Error: "second"})
	if r.Error != "first" || r.File != "x.zip" || r.Type != "application/zip" {
		t.Errorf("merged with an export and errors: %+v", r)
	}
	var a job.Reply
	a.Merge(job.Reply{Layers: []gold.Summary{{Name: "me", Own: true}}, Agreement: &agreement.Report{Documents: 3}})
	if len(a.Layers) != 1 || a.Agreement == nil || a.Agreement.Documents != 3 {
		t.Errorf("merged an agreement: %+v", a)
	}
}

// TestSpansRoundTrip checks that spans, attrs and all, come back as they
// went, through a reply's JSON.
func TestSpansRoundTrip(t *testing.T) {
	at := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	for _, spans := range []job.Spans{nil, {
		{Start: 0, End: 4, Label: corpus.Actor, Attrs: map[string]string{"source": "lexicon", "actor_id": "fama"}},
		{ID: "x", Start: 5, End: 12, Label: corpus.Date, Annotator: "سلمى", Created: at, Attrs: map[string]string{"iso": "2025-10-07", "note": "a \"quoted\"\nline"}},
	}} {
		b, err := json.Marshal(job.Reply{Suggestions: spans, Doc: "d"})
		if err != nil {
			t.Fatal(err)
		}
		var back job.Reply
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if !reflect.DeepEqual(back.Suggestions, spans) {
			t.Errorf("round trip of %s:\ngot  %+v\nwant %+v", b, back.Suggestions, spans)
		}
	}
}
