package job_test

import (
	"slices"
	"testing"

	"github.com/raqim/raqim/internal/dataset"
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
