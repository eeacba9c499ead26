package overview

import (
	"cmp"
	"slices"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/suggestion"
)

// Help is how much suggestions helped: the corpus's counts and those of
// the documents with the most, most first.
type Help struct {
	Total     suggestion.Counts
	Documents []HelpDoc // at most MaxDocuments
}

// HelpDoc is one document's counts of help.
type HelpDoc struct {
	ID, Title string
	suggestion.Counts
}

// HelpOf sums up the counts of help by document ID of the documents of
// sums (counts of documents not listed are left out).
func HelpOf(sums []corpus.Summary, counts map[string]suggestion.Counts) Help {
	var h Help
	for _, s := range sums {
		c, ok := counts[s.ID]
		if !ok || c.Zero() {
			continue
		}
		h.Total = h.Total.Add(c)
		h.Documents = append(h.Documents, HelpDoc{ID: s.ID, Title: s.Title, Counts: c})
	}
	all := func(d HelpDoc) int { return d.Accepted + d.Rejected + d.Edited + d.Hand }
	slices.SortStableFunc(h.Documents, func(a, b HelpDoc) int { return cmp.Compare(all(b), all(a)) })
	h.Documents = h.Documents[:min(len(h.Documents), MaxDocuments)]
	return h
}
