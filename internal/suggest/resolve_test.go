package suggest

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

// TestResolveAgainstPairwise checks resolve against the plain rule it
// implements with a binary search, each candidate in rank order compared
// with every span taken before it (an independent implementation), on
// random candidates over random non-overlapping document spans.
func TestResolveAgainstPairwise(t *testing.T) {
	pairwise := func(cands []candidate, existing []corpus.Span) []corpus.Span {
		sorted := append([]candidate(nil), cands...)
		resolveOrder(sorted)
		taken := append([]corpus.Span(nil), existing...)
		var out []corpus.Span
		for _, c := range sorted {
			free := c.span.Start < c.span.End
			for _, s := range taken {
				if free && c.span.Start < s.End && s.Start < c.span.End {
					free = false
				}
			}
			if free {
				taken = append(taken, c.span)
				out = append(out, c.span)
			}
		}
		corpus.SortSpans(out)
		return out
	}
	rng := rand.New(rand.NewPCG(6, 12))
	for round := range 500 {
		var existing []corpus.Span
		for at := rng.IntN(5); at < 300; at += 1 + rng.IntN(40) {
			n := 1 + rng.IntN(6)
			existing = append(existing, corpus.Span{Start: at, End: at + n, Label: corpus.Actor})
			at += n
		}
		rng.Shuffle(len(existing), func(i, j int) { existing[i], existing[j] = existing[j], existing[i] })
		var cands []candidate
		for range rng.IntN(120) {
			start := rng.IntN(320)
			cands = append(cands, candidate{span: corpus.Span{Start: start, End: start + rng.IntN(9), Label: corpus.Place}, rank: rng.IntN(4)})
		}
		want := pairwise(cands, existing)
		got := resolve(append([]candidate(nil), cands...), existing)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: resolve %v, pairwise %v", round, got, want)
		}
	}
}
