// Package spanscore scores predicted spans against reference spans by
// strict match: a prediction counts as right only when its start, end and
// label all equal a reference span's.
package spanscore

import (
	"fmt"
	"slices"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
)

// Counts are the true positives, false positives and false negatives of
// one label (or of all).
type Counts struct{ TP, FP, FN int }

// Precision returns TP / (TP + FP), or 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP / (TP + FN), or 0 when there is no reference span.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report holds the counts per label and overall.
type Report struct {
	Labels  map[corpus.Label]*Counts
	Overall Counts
}

// Add scores the predicted spans of one text against its reference spans
// and adds the counts to r.
func (r *Report) Add(gold, pred []corpus.Span) {
	if r.Labels == nil {
		r.Labels = make(map[corpus.Label]*Counts)
	}
	type key struct {
		s, e int
		l    corpus.Label
	}
	g := make(map[key]bool, len(gold))
	for _, s := range gold {
		g[key{s.Start, s.End, s.Label}] = true
		r.label(s.Label)
	}
	matched := make(map[key]bool)
	for _, s := range pred {
		k := key{s.Start, s.End, s.Label}
		c := r.label(s.Label)
		if g[k] && !matched[k] {
			matched[k] = true
			c.TP++
			r.Overall.TP++
		} else {
			c.FP++
			r.Overall.FP++
		}
	}
	for k := range g {
		if !matched[k] {
			r.Labels[k.l].FN++
			r.Overall.FN++
		}
	}
}

func (r *Report) label(l corpus.Label) *Counts {
	c := r.Labels[l]
	if c == nil {
		c = &Counts{}
		r.Labels[l] = c
	}
	return c
}

// Merge adds the counts of o to r.
func (r *Report) Merge(o Report) {
	if r.Labels == nil {
		r.Labels = make(map[corpus.Label]*Counts)
	}
	for l, c := range o.Labels {
		rc := r.label(l)
		rc.TP += c.TP
		rc.FP += c.FP
		rc.FN += c.FN
	}
	r.Overall.TP += o.Overall.TP
	r.Overall.FP += o.Overall.FP
	r.Overall.FN += o.Overall.FN
}

// String renders the report as a table: one line per label, then overall.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-9s %5s %5s %5s  %5s %5s %5s\n", "label", "tp", "fp", "fn", "P", "R", "F1")
	labels := make([]corpus.Label, 0, len(r.Labels))
	for l := range r.Labels {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-9s %5d %5d %5d  %5.3f %5.3f %5.3f\n", name, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	for _, l := range labels {
		row(string(l), *r.Labels[l])
	}
	row("overall", r.Overall)
	return b.String()
}
