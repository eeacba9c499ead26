package overview

import (
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/suggestion"
)

func TestHelpOf(t *testing.T) {
	sums := []corpus.Summary{{ID: "a", Title: "A"}, {ID: "b", Title: "B"}, {ID: "c", Title: "C"}}
	counts := map[string]suggestion.Counts{
		"a":    {Accepted: 1, Hand: 1},
		"b":    {Accepted: 5, Rejected: 2, Edited: 1, Hand: 3},
		"c":    {},
		"gone": {Accepted: 100}, // a document no longer listed
	}
	h := HelpOf(sums, counts)
	if want := (suggestion.Counts{Accepted: 6, Rejected: 2, Edited: 1, Hand: 4}); h.Total != want {
		t.Errorf("total %+v, want %+v", h.Total, want)
	}
	if len(h.Documents) != 2 || h.Documents[0].ID != "b" || h.Documents[1].Title != "A" {
		t.Errorf("documents %+v", h.Documents)
	}
	if h := HelpOf(sums, nil); !h.Total.Zero() || len(h.Documents) != 0 {
		t.Errorf("nothing: %+v", h)
	}
}
