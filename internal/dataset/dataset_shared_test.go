//go:build shared

package dataset

import (
	"testing"

	"github.com/raqim/raqim/internal/dataset/testcorpus"
)

// TestLayoutAndCardShared is TestLayoutAndCard on the shared gold corpus.
// Its 3 documents at 80/10/10 give the targets 1/1/1; each holds all four
// labels, so the seeded order (hashString(20251007, id), computed apart
// from the Go code: 000_…, 002_…, 001_…) sends the first to train, the
// second to test and the third to dev. The first document's text opens
// "\nشهدت مالي": the word شهدت outside any span, then PLACE مالي at [6,10).
func TestLayoutAndCardShared(t *testing.T) {
	docs := testcorpus.Shared(t)
	if len(docs) != 3 {
		t.Fatalf("the shared gold corpus has %d documents; the expected layout is for 3", len(docs))
	}
	checkLayout(t, layoutCase{
		docs:   docs,
		splits: [3][]string{{"000_1c12f9c2e825d07f"}, {"001_88204b7160fd1782"}, {"002_817686bd92357e71"}},
		conll:  "-DOCSTART- O\n\nشهدت O\nمالي B-PLACE\n",
		ann:    "T1\tPLACE 6 10\tمالي\n",
	})
}
