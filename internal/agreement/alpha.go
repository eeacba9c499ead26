package agreement

import (
	"math"
	"slices"
)

// Krippendorff's unitizing alpha (uα; Krippendorff 1995, "On the
// reliability of unitizing continuous data", and Content Analysis, 2004,
// §12.4), for one category at a time: each coder (layer) cuts the
// continuum into units of the category and gaps; uα = 1 − uDo/uDe with
//
//	uDo = Σ_{i≠j} Σ_g Σ_h δ²(s_ig, s_jh) / (m(m−1)L²)
//	uDe = (2/L) Σ_units [ (Nc−1)(2l³−3l²+l)/3 + l² Σ_{gaps of length ≥ l} (lgap−l+1) ]
//	      / [ mL(mL−1) − Σ_units l(l−1) ]
//
// where δ² of two overlapping units is the sum of the squared differences
// of their starts and of their ends, δ² of a unit lying wholly inside the
// other coder's gap is its length squared, and δ² is 0 otherwise; m is the
// number of coders, L the continuum's length, Nc the number of units of
// the category over all coders, and gaps are pooled over all coders.
// Over several categories uα = 1 − Σ uDo / Σ uDe.
//
// A corpus is one continuum of all its documents' code points, but a gap
// never crosses a document boundary: each document's sections are its own.

// section is a run [start, end) of one coder's continuum: a unit of the
// category or a gap.
type section struct {
	start, end int
	unit       bool
}

// sections cuts [0, n) into the units of one coder (sorted, not
// overlapping) and the gaps between them, appending to buf.
func sections(buf []section, units []run, n int) []section {
	pos := 0
	for _, u := range units {
		if u.start > pos {
			buf = append(buf, section{pos, u.start, false})
		}
		buf = append(buf, section{u.start, u.end, true})
		pos = u.end
	}
	if pos < n {
		buf = append(buf, section{pos, n, false})
	}
	return buf
}

// run is a half-open stretch of code points.
type run struct{ start, end int }

// delta2 is Krippendorff's δ² of a section of one coder and an overlapping
// section of another.
func delta2(a, b section) float64 {
	switch {
	case a.unit && b.unit:
		if a.start < b.end && b.start < a.end {
			ds, de := float64(a.start-b.start), float64(a.end-b.end)
			return ds*ds + de*de
		}
	case a.unit && !b.unit:
		if b.start <= a.start && a.end <= b.end {
			l := float64(a.end - a.start)
			return l * l
		}
	case !a.unit && b.unit:
		if a.start <= b.start && b.end <= a.end {
			l := float64(b.end - b.start)
			return l * l
		}
	}
	return 0
}

// observed returns Σ δ² over the overlapping sections of two coders whose
// sections each cover the same continuum in order.
func observed(a, b []section) float64 {
	sum := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		sum += delta2(a[i], b[j])
		switch {
		case a[i].end < b[j].end:
			i++
		case b[j].end < a[i].end:
			j++
		default:
			i++
			j++
		}
	}
	return sum
}

// alphaSums are the additive parts of uα for one category over some
// documents: they add up over documents.
type alphaSums struct {
	Do float64 // Σ δ² over unordered pairs of coders
	Nc float64 // number of units
	A3 float64 // Σ (2l³ − 3l² + l) over units
	Q  float64 // Σ l(l−1) over units
}

// lengths of one category's units and gaps in one document, for the cross
// term of uDe.
type lengths struct {
	units, gaps []int
}

// cross returns Σ_units l² Σ_{gaps ≥ l} (g − l + 1) for units and gaps
// sorted by length, longest first.
func cross(units, gaps []int) float64 {
	t, w, g := 0.0, 0.0, 0.0
	j := 0
	for _, l := range units {
		for j < len(gaps) && gaps[j] >= l {
			w++
			g += float64(gaps[j] + 1)
			j++
		}
		lf := float64(l)
		t += lf * lf * (g - lf*w)
	}
	return t
}

// alpha returns uα for one category from its sums, its cross term, the
// number of coders m and the continuum's length L; ok is false when no
// coder has a unit of the category. It also returns uDo and uDe, for
// combining categories.
func alpha(s alphaSums, crossTerm float64, m int, L float64) (a, do, de float64, ok bool) {
	if s.Nc == 0 || m < 2 || L == 0 {
		return 0, 0, 0, false
	}
	mf := float64(m)
	do = 2 * s.Do / (mf * (mf - 1) * L * L)
	den := mf*L*(mf*L-1) - s.Q
	if den > 0 {
		de = (2 / L) * ((s.Nc-1)*s.A3/3 + crossTerm) / den
	}
	return ratioAlpha(do, de), do, de, true
}

// ratioAlpha is 1 − do/de, guarded: no observed disagreement is full
// agreement, and no expected disagreement with some observed is none.
func ratioAlpha(do, de float64) float64 {
	switch {
	case do == 0:
		return 1
	case de <= 0:
		return 0
	}
	return 1 - do/de
}

// lenDoc is a unit's or gap's length and the document it is in.
type lenDoc struct {
	length int32
	doc    int32
}

// crossIndex holds one category's units and gaps of a whole corpus, to
// compute the cross term of any weighting of the documents (a bootstrap
// resample) in one pass.
//
// Gaps at least as long as the longest unit count toward every unit; their
// part of the term is Σ_u w l²·(Σ_g w (g+1)) − Σ_u w l³·(Σ_g w), products of
// sums over documents. The other gaps and the units are events, longest
// first (a gap before a unit of its length), those of one document and
// length merged into one with a count.
type crossIndex struct {
	units, gaps []lenDoc // as collected, document by document

	events []event
	// per document: long gaps' Σ1 and Σ(g+1), units' Σl² and Σl³
	g0, g1, u2, u3 []float64
}

// event is a run of count units (count > 0) or gaps (count < 0) of one
// length in one document.
type event struct {
	length int32
	doc    int32
	count  int32
}

// prepare builds the events and sums of a corpus of docs documents.
func (x *crossIndex) prepare(docs int) {
	x.g0, x.g1, x.u2, x.u3 = make([]float64, docs), make([]float64, docs), make([]float64, docs), make([]float64, docs)
	longest := int32(0)
	for _, u := range x.units {
		longest = max(longest, u.length)
		l := float64(u.length)
		x.u2[u.doc] += l * l
		x.u3[u.doc] += l * l * l
	}
	x.events = x.events[:0]
	for _, u := range x.units {
		x.events = append(x.events, event{u.length, u.doc, 1})
	}
	for _, g := range x.gaps {
		if g.length >= longest {
			x.g0[g.doc]++
			x.g1[g.doc] += float64(g.length + 1)
			continue
		}
		x.events = append(x.events, event{g.length, g.doc, -1})
	}
	// Sort by a packed key: length descending, gaps first, then document.
	keys := make([]uint64, len(x.events))
	for i, e := range x.events {
		kind := uint64(1)
		if e.count < 0 {
			kind = 0
		}
		keys[i] = uint64(math.MaxInt32-e.length)<<33 | kind<<32 | uint64(uint32(e.doc))
	}
	slices.Sort(keys)
	for i, k := range keys {
		c := int32(1)
		if k>>32&1 == 0 {
			c = -1
		}
		x.events[i] = event{length: int32(math.MaxInt32 - k>>33), doc: int32(uint32(k)), count: c}
	}
	// Merge runs of one length, kind and document.
	out := x.events[:0]
	for _, e := range x.events {
		if n := len(out); n > 0 && out[n-1].length == e.length && out[n-1].doc == e.doc && (out[n-1].count < 0) == (e.count < 0) {
			out[n-1].count += e.count
			continue
		}
		out = append(out, e)
	}
	x.events = out
	x.units, x.gaps = nil, nil
}

// term returns the cross term with each document d counted weight[d] times.
func (x *crossIndex) term(weight []float64) float64 {
	var g0, g1, u2, u3 float64
	for d, w := range weight {
		if w != 0 {
			g0 += w * x.g0[d]
			g1 += w * x.g1[d]
			u2 += w * x.u2[d]
			u3 += w * x.u3[d]
		}
	}
	t := u2*g1 - u3*g0
	w, g := 0.0, 0.0
	for _, e := range x.events {
		wd := weight[e.doc] * float64(e.count)
		l := float64(e.length)
		if e.count < 0 {
			w -= wd
			g -= wd * (l + 1)
			continue
		}
		t += wd * l * l * (g - l*w)
	}
	return t
}
