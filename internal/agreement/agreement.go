// Package agreement measures how far annotation layers agree and scores a
// system's layer against gold: span F1 (strict and overlap), nervaluate's
// SemEval-2013 match counts under its four schemas, Cohen's and Fleiss'
// kappa over code points, Krippendorff's unitizing alpha, each with a
// bootstrap interval over documents, and the list of units on which the
// layers differ.
//
// Every figure is computed from the units of package align. A label that
// no compared layer uses is left out of per-label figures (never 0 or NaN);
// two layers without any span agree fully (1); no figure is NaN or Inf.
package agreement

import (
	"fmt"
	"slices"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

// Options says how Agree and Score compute their figures.
type Options struct {
	// Resamples is the number of bootstrap resamples of documents behind
	// each interval: 0 means DefaultResamples, a negative number none (each
	// interval is then the point value).
	Resamples int
	// Seed seeds the bootstrap; the same seed gives the same intervals.
	Seed uint64
	// Labels orders the labels in reports (such as a schema's order);
	// labels used but not listed follow in alphabetical order, and listed
	// labels no layer uses are left out.
	Labels []corpus.Label
	// Share, when set, is offered half of a large bootstrap's resamples to
	// compute elsewhere meanwhile (another worker, on another core): it
	// starts ComputeShare on share and returns a function that waits for
	// what it returned, or ok false to decline. Each resample is seeded
	// alone, so the intervals are the same wherever it is computed; a
	// share that fails is computed here.
	Share func(share []byte) (wait func() ([]byte, error), ok bool)
}

func (o Options) resamples() int {
	switch {
	case o.Resamples == 0:
		return DefaultResamples
	case o.Resamples < 0:
		return 0
	}
	return o.Resamples
}

// Report is the agreement of two or more layers over some documents.
type Report struct {
	Documents int            `json:"documents"`
	Layers    []string       `json:"layers"`
	Labels    []corpus.Label `json:"labels"`
	Resamples int            `json:"resamples"`
	Pairs     []Pair         `json:"pairs"`
	// FleissKappa is Fleiss' kappa over all layers at the code-point level;
	// Fleiss holds it per label, and restricted to labelled code points.
	FleissKappa float64   `json:"fleiss_kappa_cp"`
	Fleiss      KappaSet  `json:"fleiss"`
	AlphaU      Alpha     `json:"alpha_u"`
	PerDocument []DocPart `json:"per_document"`
	// Warnings name empty layers and documents left out.
	Warnings []string `json:"warnings"`
}

// Pair is the agreement of layer B with layer A.
type Pair struct {
	A string `json:"a"`
	B string `json:"b"`
	// Strict matches spans of equal start, end and label; Overlap spans of
	// the same label sharing a code point.
	Strict  SpanAgreement `json:"strict"`
	Overlap SpanAgreement `json:"overlap"`
	// KappaCP is Cohen's kappa over all non-whitespace code points, each
	// labelled with its span's label or O; Kappa holds it with its
	// interval, per label and restricted to labelled code points.
	KappaCP float64  `json:"kappa_cp"`
	Kappa   KappaSet `json:"kappa"`
	// SemEval counts B's spans against A's as nervaluate does, A as gold.
	SemEval map[string]SchemaScore `json:"semeval"`
	// Confusion pairs A's spans with B's, label against label.
	Confusion Confusion `json:"confusion"`
}

// PRF is a precision, recall and F1 with their intervals.
type PRF struct {
	Precision   float64  `json:"precision"`
	PrecisionCI Interval `json:"precision_ci"`
	Recall      float64  `json:"recall"`
	RecallCI    Interval `json:"recall_ci"`
	F1          float64  `json:"f1"`
	F1CI        Interval `json:"f1_ci"`
}

// SpanAgreement is span F1 of a pair, micro over spans, overall and per
// label. Precision is the share of B's spans matched, recall A's.
type SpanAgreement struct {
	PRF
	ASpans   int                     `json:"a_spans"`
	BSpans   int                     `json:"b_spans"`
	PerLabel map[corpus.Label]LabelF `json:"per_label"`
}

// LabelF is span agreement on one label.
type LabelF struct {
	PRF
	ASpans int `json:"a_spans"`
	BSpans int `json:"b_spans"`
}

// Stat is a figure with its interval.
type Stat struct {
	Value float64  `json:"value"`
	CI    Interval `json:"ci"`
}

// KappaStats is a kappa overall (absent when undefined) and per label
// (binary: the label against everything else).
type KappaStats struct {
	Overall  *Stat                 `json:"overall,omitempty"`
	PerLabel map[corpus.Label]Stat `json:"per_label"`
}

// KappaSet is a kappa over all non-whitespace code points and over those
// that some compared layer labelled.
type KappaSet struct {
	All      KappaStats `json:"all"`
	Labelled KappaStats `json:"labelled"`
}

// Alpha is Krippendorff's unitizing alpha over code points.
type Alpha struct {
	Overall  float64                  `json:"overall"`
	PerLabel map[corpus.Label]float64 `json:"per_label"`
	CI       AlphaCI                  `json:"ci"`
}

// AlphaCI holds the intervals of an Alpha.
type AlphaCI struct {
	Overall  Interval                  `json:"overall"`
	PerLabel map[corpus.Label]Interval `json:"per_label"`
}

// DocPart is the agreement on one document.
type DocPart struct {
	ID    string    `json:"id"`
	Title string    `json:"title,omitempty"`
	Pairs []DocPair `json:"pairs"`
	// FleissKappa and AlphaU are over all layers; absent when undefined.
	FleissKappa *float64 `json:"fleiss_kappa_cp,omitempty"`
	AlphaU      float64  `json:"alpha_u"`
}

// DocPair is a pair's agreement on one document.
type DocPair struct {
	A         string   `json:"a"`
	B         string   `json:"b"`
	StrictF1  float64  `json:"strict_f1"`
	OverlapF1 float64  `json:"overlap_f1"`
	KappaCP   *float64 `json:"kappa_cp,omitempty"`
}

// usedLabels returns the labels the layers of docs use, in opts' order.
func usedLabels(docs []align.Doc, layers []int, order []corpus.Label) []corpus.Label {
	used := make(map[corpus.Label]bool)
	for i := range docs {
		for _, li := range layers {
			for _, s := range docs[i].Spans[li] {
				used[s.Label] = true
			}
		}
	}
	var out []corpus.Label
	for _, l := range order {
		if used[l] {
			out = append(out, l)
			delete(used, l)
		}
	}
	var rest []corpus.Label
	for l := range used {
		rest = append(rest, l)
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// measured is an engine run over a corpus: each document's stats, their
// total, the figures and their intervals.
type measured struct {
	e      *engine
	stats  [][]float64
	self   [][]float64
	total  []float64
	point  []float64
	ci     []Interval
	r      int
	labels []corpus.Label
}

func measure(c *align.Corpus, opts Options) *measured {
	n := len(c.Layers)
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	labels := usedLabels(c.Docs, all, opts.Labels)
	e := newEngine(labels, n)
	D := len(c.Docs)
	m := &measured{e: e, stats: make([][]float64, D), self: make([][]float64, D), labels: labels, r: opts.resamples()}
	idx := make([]crossIndex, e.k)
	flat := make([]float64, D*e.size)
	selfFlat := make([]float64, D*e.k)
	var s scratch
	for d := range c.Docs {
		m.stats[d] = flat[d*e.size : (d+1)*e.size]
		m.self[d] = selfFlat[d*e.k : (d+1)*e.k]
		e.doc(d, &c.Docs[d], m.stats[d], idx, m.self[d], &s)
	}
	for i := range idx {
		idx[i].prepare(D)
	}
	m.total = make([]float64, e.size)
	for _, v := range m.stats {
		for i, x := range v {
			m.total[i] += x
		}
	}
	ones := make([]float64, D)
	for i := range ones {
		ones[i] = 1
	}
	crossTerms := make([]float64, e.k)
	for i := range crossTerms {
		crossTerms[i] = idx[i].term(ones)
	}
	m.point = make([]float64, e.figSize)
	e.finish(m.total, crossTerms, m.point, 1)
	m.ci = e.bootstrap(m.stats, idx, m.point, m.r, opts.Seed, opts.Share)
	return m
}

// spanCount returns layer's spans with label l in v, or all of them for l = K.
func (e *engine) spanCount(v []float64, layer, l int) int {
	if l < e.k {
		return int(v[e.spans+layer*e.k+l])
	}
	sum := 0
	for j := 0; j < e.k; j++ {
		sum += int(v[e.spans+layer*e.k+j])
	}
	return sum
}

// Agree measures the agreement of all the layers of c over its documents;
// pass a Corpus with fewer documents for a selection or one document. It
// needs at least two layers and one document.
func Agree(c *align.Corpus, opts Options) (*Report, error) {
	n := len(c.Layers)
	if n < 2 {
		return nil, fmt.Errorf("agreement needs at least two layers, got %d", n)
	}
	if len(c.Docs) == 0 {
		return nil, &align.NoCommonError{Layers: c.Layers}
	}
	m := measure(c, opts)
	e, total, point, ci, labels := m.e, m.total, m.point, m.ci, m.labels
	D := len(c.Docs)
	r := &Report{Documents: D, Layers: c.Layers, Labels: labels, Resamples: m.r, Warnings: leftOutWarnings(c)}
	for li, name := range c.Layers {
		if e.spanCount(total, li, e.k) == 0 {
			r.Warnings = append(r.Warnings, emptyLayer(name, D))
		}
	}
	k1 := e.k + 1
	for p, ab := range e.pairs {
		f, fci := point[p*e.figPair:(p+1)*e.figPair], ci[p*e.figPair:(p+1)*e.figPair]
		at := func(fig, l int) (float64, Interval) { return f[fig*k1+l], fci[fig*k1+l] }
		prf := func(pf, rf, ff, l int) PRF {
			var x PRF
			x.Precision, x.PrecisionCI = at(pf, l)
			x.Recall, x.RecallCI = at(rf, l)
			x.F1, x.F1CI = at(ff, l)
			return x
		}
		span := func(pf, rf, ff int) SpanAgreement {
			sa := SpanAgreement{PRF: prf(pf, rf, ff, e.k), ASpans: e.spanCount(total, ab[0], e.k), BSpans: e.spanCount(total, ab[1], e.k), PerLabel: map[corpus.Label]LabelF{}}
			for l, name := range labels {
				if defined(f[ff*k1+l]) {
					sa.PerLabel[name] = LabelF{PRF: prf(pf, rf, ff, l), ASpans: e.spanCount(total, ab[0], l), BSpans: e.spanCount(total, ab[1], l)}
				}
			}
			return sa
		}
		pair := Pair{
			A: c.Layers[ab[0]], B: c.Layers[ab[1]],
			Strict:    span(fStrictP, fStrictR, fStrictF),
			Overlap:   span(fOverP, fOverR, fOverF),
			Kappa:     kappaSet(f, fci, fKappa*k1, fKappaLab*k1, labels),
			SemEval:   map[string]SchemaScore{},
			Confusion: confusion(c, ab[0], ab[1], labels),
		}
		if pair.Kappa.All.Overall != nil {
			pair.KappaCP = pair.Kappa.All.Overall.Value
		}
		for sc, schema := range Schemas {
			pair.SemEval[schema.String()] = e.schemaScore(total, f, fci, p, sc)
		}
		r.Pairs = append(r.Pairs, pair)
	}
	fo := len(e.pairs) * e.figPair
	r.Fleiss = kappaSet(point[fo:], ci[fo:], 0, k1, labels)
	if r.Fleiss.All.Overall != nil {
		r.FleissKappa = r.Fleiss.All.Overall.Value
	}
	ao := fo + 2*k1
	r.AlphaU = Alpha{Overall: point[ao+e.k], PerLabel: map[corpus.Label]float64{}, CI: AlphaCI{Overall: ci[ao+e.k], PerLabel: map[corpus.Label]Interval{}}}
	for l, name := range labels {
		if x := point[ao+l]; defined(x) {
			r.AlphaU.PerLabel[name] = x
			r.AlphaU.CI.PerLabel[name] = ci[ao+l]
		}
	}

	figs := make([]float64, e.figSize)
	for d := range c.Docs {
		e.finish(m.stats[d], m.self[d], figs, 1)
		dp := DocPart{ID: c.Docs[d].ID, Title: c.Docs[d].Title, AlphaU: figs[ao+e.k]}
		if x := figs[fo+e.k]; defined(x) {
			dp.FleissKappa = &x
		}
		for p, ab := range e.pairs {
			f := figs[p*e.figPair:]
			pair := DocPair{A: c.Layers[ab[0]], B: c.Layers[ab[1]], StrictF1: f[fStrictF*k1+e.k], OverlapF1: f[fOverF*k1+e.k]}
			if x := f[fKappa*k1+e.k]; defined(x) {
				pair.KappaCP = &x
			}
			dp.Pairs = append(dp.Pairs, pair)
		}
		r.PerDocument = append(r.PerDocument, dp)
	}
	return r, nil
}

func leftOutWarnings(c *align.Corpus) []string {
	out := []string{}
	for _, l := range c.LeftOut {
		out = append(out, l.String())
	}
	return out
}

func emptyLayer(name string, docs int) string {
	return fmt.Sprintf("layer %s has no span in the %d documents compared: its F1 is 0", name, docs)
}

// kappaSet reads a KappaSet out of figure vectors: K+1 figures from all
// (overall last), then K+1 from lab.
func kappaSet(f []float64, ci []Interval, all, lab int, labels []corpus.Label) KappaSet {
	read := func(off int) KappaStats {
		ks := KappaStats{PerLabel: map[corpus.Label]Stat{}}
		for l, name := range labels {
			if x := f[off+l]; defined(x) {
				ks.PerLabel[name] = Stat{x, ci[off+l]}
			}
		}
		if x := f[off+len(labels)]; defined(x) {
			ks.Overall = &Stat{x, ci[off+len(labels)]}
		}
		return ks
	}
	return KappaSet{All: read(all), Labelled: read(lab)}
}
