package agreement

import (
	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

// Confusion is a pair's span-level confusion table: Counts[i][j] counts the
// spans of A labelled Labels[i] paired with a span of B labelled Labels[j];
// the last row and column, "none", count the spans of one layer paired
// with none of the other's.
//
// Each span of A is paired with the span of B of the same extent, else with
// the span of B it shares the most code points with (the earlier on a tie),
// else with none; each span of B no span of A was paired with counts
// against none.
type Confusion struct {
	Labels []corpus.Label `json:"labels"`
	Counts [][]int        `json:"counts"`
}

// confusion tallies the confusion table of layers a and b of c over labels.
func confusion(c *align.Corpus, a, b int, labels []corpus.Label) Confusion {
	n := len(labels)
	at := make(map[corpus.Label]int, n)
	for i, l := range labels {
		at[l] = i
	}
	idx := func(l corpus.Label) int {
		if i, ok := at[l]; ok {
			return i
		}
		return n // a label outside the report's counts as none
	}
	t := Confusion{Labels: labels, Counts: make([][]int, n+1)}
	for i := range t.Counts {
		t.Counts[i] = make([]int, n+1)
	}
	for d := range c.Docs {
		al := c.Docs[d].Align()
		for u := range al.Units {
			unit := &al.Units[u]
			as, bs := al.Spans(unit, a), al.Spans(unit, b)
			paired := make([]bool, len(bs))
			for _, x := range as {
				best, most := -1, 0
				for j, y := range bs {
					if y.Start == x.Start && y.End == x.End {
						best = j
						break
					}
					if o := min(x.End, y.End) - max(x.Start, y.Start); o > most {
						best, most = j, o
					}
				}
				col := n
				if best >= 0 {
					col = idx(bs[best].Label)
					paired[best] = true
				}
				t.Counts[idx(x.Label)][col]++
			}
			for j, y := range bs {
				if !paired[j] {
					t.Counts[n][idx(y.Label)]++
				}
			}
		}
	}
	return t
}
