//go:build shared

package jsonl

import (
	"bytes"
	"testing"

	"github.com/raqim/raqim/internal/dataset/testcorpus/sharedcorpus"
)

// TestGoldRoundTripShared is TestGoldRoundTrip on the shared gold.jsonl:
// three lines, without titles (a document is titled with its ID).
func TestGoldRoundTripShared(t *testing.T) {
	data := sharedcorpus.File(t, "gold.jsonl")
	src := parseLines(t, data)
	if len(src) != 3 {
		t.Fatalf("the shared gold.jsonl has %d lines, want 3", len(src))
	}
	var titles []string
	for _, d := range src {
		titles = append(titles, d.ID)
	}
	checkRoundTrip(t, data, titles)
}

// TestAnnotatorFilesDecode decodes the shared annotators' files.
func TestAnnotatorFilesDecode(t *testing.T) {
	for _, f := range []string{"annotators/a.jsonl", "annotators/b.jsonl"} {
		t.Run(f, func(t *testing.T) {
			checkAnnotatorFile(t, f, sharedcorpus.File(t, f))
		})
	}
}

// sharedSeeds are the fuzz seeds from the shared corpus: the first line of
// its gold file and of an annotator's file.
func sharedSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, name := range []string{"gold.jsonl", "annotators/a.jsonl"} {
		first, _, _ := bytes.Cut(sharedcorpus.File(tb, name), []byte("\n"))
		out = append(out, first)
	}
	return out
}
