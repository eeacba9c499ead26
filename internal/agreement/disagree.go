package agreement

import (
	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

// Kind classes a unit on which layers differ.
type Kind string

// The kinds of disagreement.
const (
	// Boundary: every layer has the unit with the same label, but not the same extent.
	Boundary Kind = "boundary"
	// Type: every layer has the unit with the same extents, but not the same labels.
	Type Kind = "type"
	// Missing: only some layers have a span in the unit.
	Missing Kind = "missing"
	// Both: every layer has the unit, with different extents and different labels.
	Both Kind = "both"
)

// Version is one layer's spans in a unit.
type Version struct {
	Layer string        `json:"layer"`
	Spans []corpus.Span `json:"spans"`
}

// Disagreement is a unit on which layers differ, with each layer's version
// (an empty one for a layer without a span there).
type Disagreement struct {
	Doc      string    `json:"doc"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Kind     Kind      `json:"kind"`
	Versions []Version `json:"versions"`
	// Lacking names the layers without a span in the unit (Kind Missing).
	Lacking []string `json:"lacking,omitempty"`
}

// DocDisagreements is a document's disagreements in text order.
type DocDisagreements struct {
	Doc   string         `json:"doc"`
	Title string         `json:"title,omitempty"`
	Units []Disagreement `json:"units"`
}

// Disagreements lists, document by document, every unit of c on which its
// layers differ; documents where all layers agree are left out.
func Disagreements(c *align.Corpus) []DocDisagreements {
	out := []DocDisagreements{}
	for i := range c.Docs {
		d := &c.Docs[i]
		a := d.Align()
		var units []Disagreement
		for u := range a.Units {
			unit := &a.Units[u]
			kind, differ := classify(a, unit)
			if !differ {
				continue
			}
			dis := Disagreement{Doc: d.ID, Start: unit.Start, End: unit.End, Kind: kind}
			for li, name := range c.Layers {
				spans := a.Spans(unit, li)
				dis.Versions = append(dis.Versions, Version{Layer: name, Spans: spans})
				if len(spans) == 0 {
					dis.Lacking = append(dis.Lacking, name)
				}
			}
			units = append(units, dis)
		}
		if len(units) > 0 {
			out = append(out, DocDisagreements{Doc: d.ID, Title: d.Title, Units: units})
		}
	}
	return out
}

// classify returns the kind of disagreement on unit u, and false when all
// layers have the same spans in it.
func classify(a *align.Alignment, u *align.Unit) (Kind, bool) {
	n := len(a.Layers)
	for li := 0; li < n; li++ {
		if !u.Has(li) {
			return Missing, true
		}
	}
	first := a.Spans(u, 0)
	sameExtents, sameSpans := true, true
	for li := 1; li < n; li++ {
		other := a.Spans(u, li)
		if len(other) != len(first) {
			sameExtents, sameSpans = false, false
			break
		}
		for j := range other {
			if other[j].Start != first[j].Start || other[j].End != first[j].End {
				sameExtents, sameSpans = false, false
			} else if other[j].Label != first[j].Label {
				sameSpans = false
			}
		}
	}
	switch {
	case sameSpans:
		return "", false
	case sameExtents:
		return Type, true
	}
	label := first[0].Label
	for li := 0; li < n; li++ {
		for _, s := range a.Spans(u, li) {
			if s.Label != label {
				return Both, true
			}
		}
	}
	return Boundary, true
}

// FirstUnits returns the first n units of dd, document by document, and
// how many units dd holds in all.
func FirstUnits(dd []DocDisagreements, n int) ([]DocDisagreements, int) {
	total := 0
	for _, d := range dd {
		total += len(d.Units)
	}
	var out []DocDisagreements
	for _, d := range dd {
		if n <= 0 {
			break
		}
		if len(d.Units) > n {
			d.Units = d.Units[:n]
		}
		out = append(out, d)
		n -= len(d.Units)
	}
	return out, total
}
