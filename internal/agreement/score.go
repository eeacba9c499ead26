package agreement

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/offsets"
)

// SchemaScore is one schema's counts and figures, micro over spans (and
// macro over labels), overall and per label. Per label, a match counts
// under its gold span's label and a SPU under its predicted span's.
type SchemaScore struct {
	LabelScore
	// Macro is the mean of the per-label figures; absent when no label is used.
	Macro    *PRF                        `json:"macro,omitempty"`
	PerLabel map[corpus.Label]LabelScore `json:"per_label"`
}

// LabelScore is a schema's counts and figures over some spans.
type LabelScore struct {
	COR      int `json:"cor"`
	INC      int `json:"inc"`
	PAR      int `json:"par"`
	MIS      int `json:"mis"`
	SPU      int `json:"spu"`
	Possible int `json:"possible"`
	Actual   int `json:"actual"`
	PRF
}

// schemaScore reads schema sc of pair p out of the stats total and figures f.
func (e *engine) schemaScore(total, f []float64, fci []Interval, p, sc int) SchemaScore {
	k1 := e.k + 1
	read := func(l int) LabelScore {
		c := e.counts(total, p, sc, l)
		ls := LabelScore{COR: c.COR, INC: c.INC, PAR: c.PAR, MIS: c.MIS, SPU: c.SPU}
		ls.Possible = ls.COR + ls.INC + ls.PAR + ls.MIS
		ls.Actual = ls.COR + ls.INC + ls.PAR + ls.SPU
		for x, dst := range []struct {
			v  *float64
			ci *Interval
		}{{&ls.Precision, &ls.PrecisionCI}, {&ls.Recall, &ls.RecallCI}, {&ls.F1, &ls.F1CI}} {
			i := (fSem+3*sc+x)*k1 + l
			*dst.v, *dst.ci = f[i], fci[i]
		}
		return ls
	}
	s := SchemaScore{LabelScore: read(e.k), PerLabel: map[corpus.Label]LabelScore{}}
	for l, name := range e.labels {
		if defined(f[(fSem+3*sc+2)*k1+l]) {
			s.PerLabel[name] = read(l)
		}
	}
	m := fPairEnd*k1 + 3*sc
	if defined(f[m]) {
		s.Macro = &PRF{f[m+0], fci[m+0], f[m+1], fci[m+1], f[m+2], fci[m+2]}
	}
	return s
}

// ScoreReport scores a predicted layer against a gold layer.
type ScoreReport struct {
	Documents int            `json:"documents"`
	Gold      string         `json:"gold"`
	Pred      string         `json:"pred"`
	Labels    []corpus.Label `json:"labels"`
	Resamples int            `json:"resamples"`
	// Schemas is keyed by schema name: strict, exact, partial, ent_type.
	Schemas     map[string]SchemaScore `json:"schemas"`
	Errors      []ScoreError           `json:"errors"`
	PerDocument []DocScore             `json:"per_document"`
	Warnings    []string               `json:"warnings"`
}

// SpanRef is a span with its text, as reported.
type SpanRef struct {
	Start int          `json:"start"`
	End   int          `json:"end"`
	Label corpus.Label `json:"label"`
	Text  string       `json:"text"`
}

// ScoreError is a match that is not COR under every schema: a SPU, a MIS,
// or a gold and a predicted span counted INC or PAR under some schema.
type ScoreError struct {
	Doc  string   `json:"doc"`
	Gold *SpanRef `json:"gold,omitempty"`
	Pred *SpanRef `json:"pred,omitempty"`
	// Categories is keyed by schema name.
	Categories map[string]Category `json:"categories"`
}

// DocScore is the strict and partial F1 of one document.
type DocScore struct {
	ID        string  `json:"id"`
	Title     string  `json:"title,omitempty"`
	StrictF1  float64 `json:"strict_f1"`
	PartialF1 float64 `json:"partial_f1"`
}

// Score scores layer pred of c against layer gold with nervaluate's four
// schemas, and lists every error with its document, offsets, labels and
// text.
func Score(c *align.Corpus, gold, pred int, opts Options) (*ScoreReport, error) {
	if gold < 0 || gold >= len(c.Layers) || pred < 0 || pred >= len(c.Layers) || gold == pred {
		return nil, fmt.Errorf("score needs two different layers of the %d given", len(c.Layers))
	}
	if len(c.Docs) == 0 {
		return nil, &align.NoCommonError{Layers: []string{c.Layers[gold], c.Layers[pred]}}
	}
	sub := &align.Corpus{Layers: []string{c.Layers[gold], c.Layers[pred]}, LeftOut: c.LeftOut}
	sub.Docs = make([]align.Doc, len(c.Docs))
	for i, d := range c.Docs {
		d.Spans = [][]corpus.Span{d.Spans[gold], d.Spans[pred]}
		sub.Docs[i] = d
	}
	m := measure(sub, opts)
	e := m.e
	r := &ScoreReport{
		Documents: len(sub.Docs), Gold: sub.Layers[0], Pred: sub.Layers[1], Labels: m.labels, Resamples: m.r,
		Schemas: map[string]SchemaScore{}, Errors: []ScoreError{}, Warnings: leftOutWarnings(c),
	}
	for li, name := range sub.Layers {
		if e.spanCount(m.total, li, e.k) == 0 {
			r.Warnings = append(r.Warnings, emptyLayer(name, r.Documents))
		}
	}
	for sc, schema := range Schemas {
		r.Schemas[schema.String()] = e.schemaScore(m.total, m.point, m.ci, 0, sc)
	}
	figs := make([]float64, e.figSize)
	k1 := e.k + 1
	var taken []bool
	for d := range sub.Docs {
		doc := &sub.Docs[d]
		e.finish(m.stats[d], m.self[d], figs, 1)
		r.PerDocument = append(r.PerDocument, DocScore{
			ID: doc.ID, Title: doc.Title,
			StrictF1:  figs[(fSem+3*int(Strict)+2)*k1+e.k],
			PartialF1: figs[(fSem+3*int(Partial)+2)*k1+e.k],
		})
		G, P := doc.Spans[0], doc.Spans[1]
		if cap(taken) < len(G) {
			taken = make([]bool, len(G))
		}
		x := offsets.NewIndex(doc.Text)
		ref := func(s corpus.Span) *SpanRef {
			return &SpanRef{Start: s.Start, End: s.End, Label: s.Label, Text: x.Slice(s.Start, s.End)}
		}
		var errs []ScoreError
		compare(G, P, taken[:len(G)], func(mt Match) {
			if mt.Cat == allCOR {
				return
			}
			se := ScoreError{Doc: doc.ID, Categories: map[string]Category{}}
			if mt.Gold >= 0 {
				se.Gold = ref(G[mt.Gold])
			}
			if mt.Pred >= 0 {
				se.Pred = ref(P[mt.Pred])
			}
			for sc, schema := range Schemas {
				se.Categories[schema.String()] = mt.Cat[sc]
			}
			errs = append(errs, se)
		})
		slices.SortStableFunc(errs, func(a, b ScoreError) int { return errStart(a) - errStart(b) })
		r.Errors = append(r.Errors, errs...)
	}
	return r, nil
}

func errStart(e ScoreError) int {
	if e.Gold != nil {
		if e.Pred != nil && e.Pred.Start < e.Gold.Start {
			return e.Pred.Start
		}
		return e.Gold.Start
	}
	return e.Pred.Start
}

// ErrorMarks returns what the document view draws of document doc's
// errors under the strict schema, each sorted by start: missed, the gold
// side of every MIS, INC and PAR (the reference's spans the extractor did
// not get right), and wrong, the predicted side of every SPU, INC and PAR
// (the extractor's spans that are not the reference's).
func (r *ScoreReport) ErrorMarks(doc string) (missed, wrong []SpanRef) {
	for _, e := range r.Errors {
		if e.Doc != doc {
			continue
		}
		switch e.Categories["strict"] {
		case MIS, INC, PAR:
			if e.Gold != nil {
				missed = append(missed, *e.Gold)
			}
		}
		switch e.Categories["strict"] {
		case SPU, INC, PAR:
			if e.Pred != nil {
				wrong = append(wrong, *e.Pred)
			}
		}
	}
	byStart := func(a, b SpanRef) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) }
	slices.SortFunc(missed, byStart)
	slices.SortFunc(wrong, byStart)
	return missed, wrong
}
