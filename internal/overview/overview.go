// Package overview sums up a corpus from its documents' summaries, as the
// document list holds them, and draws the figures as inline SVG.
package overview

import (
	"cmp"
	"github.com/raqim/raqim/internal/locale"
	"slices"

	"github.com/raqim/raqim/internal/corpus"
)

// Count is one bar of a figure.
type Count struct {
	Key   string // a status, a label or an annotator, as stored
	Name  string // what the figure shows for it
	N     int
	Color string // a CSS colour, or "" for the default
}

// Overview is a corpus at a glance.
type Overview struct {
	Documents   int
	Spans       int
	ByStatus    []Count // documents per status, in the order of corpus.Statuses
	ByLabel     []Count // spans per label, in the schema's order, then other labels by name
	ByAnnotator []Count // spans per annotator, most first
	PerDocument []Doc   // the documents with the most spans, most first
}

// Doc is one document's spans per label.
type Doc struct {
	ID, Title string
	Counts    []Count // in the order of Overview.ByLabel
	Total     int
}

// MaxDocuments is how many documents PerDocument holds at most.
const MaxDocuments = 20

// Of sums up sums; statusName names each status; labels come from schema
// (nil allows any label), each shown by its English name.
func Of(sums []corpus.Summary, schema *corpus.Schema, statusName func(corpus.Status) string) Overview {
	o := Overview{Documents: len(sums)}
	status := map[corpus.Status]int{}
	labels := map[corpus.Label]int{}
	annotators := map[string]int{}
	for _, s := range sums {
		status[s.Status]++
		for l, n := range s.Counts {
			labels[l] += n
			o.Spans += n
		}
		for a, n := range s.Annotators {
			annotators[a] += n
		}
	}
	for _, st := range corpus.Statuses {
		o.ByStatus = append(o.ByStatus, Count{Key: string(st), Name: statusName(st), N: status[st]})
	}
	known := map[corpus.Label]bool{}
	if schema != nil {
		for _, d := range schema.Labels {
			known[d.Name] = true
			o.ByLabel = append(o.ByLabel, Count{Key: string(d.Name), Name: d.English, N: labels[d.Name], Color: d.Color})
		}
	}
	var other []Count
	for l, n := range labels {
		if !known[l] {
			other = append(other, Count{Key: string(l), Name: string(l), N: n})
		}
	}
	slices.SortFunc(other, func(a, b Count) int { return cmp.Compare(a.Key, b.Key) })
	o.ByLabel = append(o.ByLabel, other...)
	for a, n := range annotators {
		name := a
		if name == "" {
			name = locale.Key("(no annotator)")
		}
		o.ByAnnotator = append(o.ByAnnotator, Count{Key: a, Name: name, N: n})
	}
	slices.SortFunc(o.ByAnnotator, func(a, b Count) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Key, b.Key)) })
	docs := slices.Clone(sums)
	slices.SortStableFunc(docs, func(a, b corpus.Summary) int { return cmp.Compare(b.Total(), a.Total()) })
	for _, s := range docs[:min(len(docs), MaxDocuments)] {
		if s.Total() == 0 {
			break
		}
		d := Doc{ID: s.ID, Title: s.Title, Total: s.Total()}
		for _, l := range o.ByLabel {
			d.Counts = append(d.Counts, Count{Key: l.Key, Name: l.Name, N: s.Counts[corpus.Label(l.Key)], Color: l.Color})
		}
		o.PerDocument = append(o.PerDocument, d)
	}
	return o
}
