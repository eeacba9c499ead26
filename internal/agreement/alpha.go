package agreement

import (
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

// crossIndex holds one category's units and gaps of a whole corpus,
// longest first, to compute the cross term of any weighting of the
// documents (a bootstrap resample) in one pass.
type crossIndex struct {
	units, gaps []lenDoc
}

func (x *crossIndex) sort() {
	desc := func(a, b lenDoc) int { return int(b.length) - int(a.length) }
	slices.SortFunc(x.units, desc)
	slices.SortFunc(x.gaps, desc)
}

// term returns the cross term with each document d counted weight[d] times.
func (x *crossIndex) term(weight []float64) float64 {
	t, w, g := 0.0, 0.0, 0.0
	j := 0
	for _, u := range x.units {
		wu := weight[u.doc]
		if wu == 0 {
			continue
		}
		for j < len(x.gaps) && x.gaps[j].length >= u.length {
			wg := weight[x.gaps[j].doc]
			w += wg
			g += wg * float64(x.gaps[j].length+1)
			j++
		}
		l := float64(u.length)
		t += wu * l * l * (g - l*w)
	}
	return t
}
