// Package align lines up annotation layers: it matches the documents of
// several layers by their text, and groups each document's spans, across
// layers, into units of spans that share code points.
//
// Agreement, scoring and curation are all computed over these units.
package align

import (
	"github.com/raqim/raqim/internal/corpus"
)

// Range is a half-open run [Lo, Hi) of indices into one layer's span list.
type Range struct{ Lo, Hi int }

// Len returns the number of spans in the range.
func (r Range) Len() int { return r.Hi - r.Lo }

// Unit is a maximal group of spans of a document's layers connected by
// sharing code points, directly or through other spans of the group. Its
// extent [Start, End) is the union of its spans; Ranges[i] are the indices
// of layer i's spans in it (empty when layer i has none there).
type Unit struct {
	Start, End int
	Ranges     []Range
}

// Alignment is a document's layers and their units, in text order.
type Alignment struct {
	Layers [][]corpus.Span
	Units  []Unit
}

// Spans returns layer's spans in unit u, sharing the layer's storage.
func (a *Alignment) Spans(u *Unit, layer int) []corpus.Span {
	r := u.Ranges[layer]
	return a.Layers[layer][r.Lo:r.Hi]
}

// Has reports whether layer has a span in unit u.
func (u *Unit) Has(layer int) bool { return u.Ranges[layer].Len() > 0 }

// Align groups the spans of layers into units. Each layer must be sorted
// by start with no two of its spans overlapping (corpus.ValidateSpans); a
// span of one layer joins the unit of every span of another layer that
// shares a code point with it. It runs in time linear in the number of
// spans times the number of layers.
func Align(layers [][]corpus.Span) *Alignment {
	n := len(layers)
	total := 0
	for _, l := range layers {
		total += len(l)
	}
	a := &Alignment{Layers: layers}
	if total == 0 {
		return a
	}
	// Every unit holds n ranges; they share one backing array, grown as
	// units are made (at most total units).
	ranges := make([]Range, 0, n*min(total, 1024))
	next := make([]int, n) // next unread span of each layer
	open := false
	var cur Unit
	curFrom := 0 // index in ranges of cur's first range
	flush := func() {
		if open {
			cur.Ranges = ranges[curFrom : curFrom+n : curFrom+n]
			a.Units = append(a.Units, cur)
		}
	}
	for {
		// The unread span that starts first (then ends first, then lowest layer).
		best := -1
		for i := 0; i < n; i++ {
			if next[i] >= len(layers[i]) {
				continue
			}
			s := layers[i][next[i]]
			if best < 0 {
				best = i
				continue
			}
			b := layers[best][next[best]]
			if s.Start < b.Start || (s.Start == b.Start && s.End < b.End) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		s := layers[best][next[best]]
		if !open || s.Start >= cur.End {
			flush()
			if cap(ranges)-len(ranges) < n {
				// Grow by copying into a new array: units already made keep the old one.
				grown := make([]Range, 0, 2*cap(ranges)+n)
				ranges = grown
			}
			curFrom = len(ranges)
			for i := 0; i < n; i++ {
				ranges = append(ranges, Range{next[i], next[i]})
			}
			cur = Unit{Start: s.Start, End: s.End}
			open = true
		}
		if s.End > cur.End {
			cur.End = s.End
		}
		next[best]++
		ranges[curFrom+best].Hi = next[best]
	}
	flush()
	return a
}
