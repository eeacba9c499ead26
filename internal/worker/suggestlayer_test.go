package worker

import (
	"reflect"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/suggestion"
)

// TestSuggestLayer stores the suggestions of chosen documents as their
// system layer: what the engine proposes for each text alone (the
// document's own spans neither avoided nor propagated), with the sources
// switched on, replaced by a later run, controls left out, and nothing
// stored when a document has a human layer of that name.
func TestSuggestLayer(t *testing.T) {
	st := store.NewMemory()
	docs := sample.Gold()
	if err := st.Add(docs); err != nil {
		t.Fatal(err)
	}
	layer := func(id string) (corpus.Layer, bool) {
		l, err := st.Layer(id, suggestion.LayerName)
		return l, err == nil
	}
	bare := func(d corpus.Document, o suggest.Options) []corpus.Span {
		d.Spans = nil
		return suggest.New(o).Suggest(&d)
	}
	key := func(spans []corpus.Span) []string {
		var out []string
		for _, s := range spans {
			out = append(out, suggestion.Key(s)+":"+s.Attrs["source"])
		}
		return out
	}

	r := Do(st, job.Request{Op: job.SuggestLayer, Docs: []string{docs[1].ID, docs[0].ID}}, nil, nil, nil)
	if r.Error != "" || r.Suggested == nil {
		t.Fatalf("reply %+v", r)
	}
	total, labels := 0, map[corpus.Label]int{}
	for _, d := range docs[:2] {
		l, ok := layer(d.ID)
		want := bare(d, suggest.Options{})
		if !ok || l.Kind != corpus.LayerSystem || !reflect.DeepEqual(key(l.Spans), key(want)) {
			t.Fatalf("%s: layer %v %+v, want the system layer %v", d.ID, ok, l, key(want))
		}
		if len(want) == 0 || len(l.Spans) <= len(suggest.New(suggest.Options{}).Suggest(&d)) {
			t.Errorf("%s: %d suggestions from the text alone: the document's own spans were avoided", d.ID, len(l.Spans))
		}
		if l.Spans[0].Annotator != suggestion.LayerName || l.Spans[0].Created.IsZero() ||
			l.Source != "suggestions: lexicon, gazetteer, date, casualty, context, propagation" {
			t.Errorf("%s: annotator %q, created %v, source %q", d.ID, l.Spans[0].Annotator, l.Spans[0].Created, l.Source)
		}
		total += len(l.Spans)
		for _, s := range l.Spans {
			labels[s.Label]++
		}
	}
	if got := *r.Suggested; got.Docs != 2 || got.Spans != total || !reflect.DeepEqual(got.Labels, labels) || got.Control != 0 || got.Long != 0 {
		t.Errorf("counted %+v, want 2 documents, %d spans %v", got, total, labels)
	}
	if _, ok := layer(docs[2].ID); ok {
		t.Error("a document not chosen got the layer")
	}

	// Again, the date grammar off, over every document: replaced.
	r = Do(st, job.Request{Op: job.SuggestLayer, Off: []suggest.Source{suggest.Date}}, nil, nil, nil)
	if r.Error != "" || r.Suggested.Docs != len(docs) {
		t.Fatalf("every document: %+v", r)
	}
	for _, d := range docs {
		l, _ := layer(d.ID)
		if want := bare(d, suggest.Options{Off: []suggest.Source{suggest.Date}}); !reflect.DeepEqual(key(l.Spans), key(want)) {
			t.Errorf("%s, date off: %v, want %v", d.ID, key(l.Spans), key(want))
		}
		if !strings.Contains(l.Source, "casualty") || strings.Contains(l.Source, "date") {
			t.Errorf("source %q", l.Source)
		}
	}

	// Controls are left out and counted.
	r = Do(st, job.Request{Op: job.SuggestLayer, Dataset: job.Dataset{Seed: 7, Control: 0.5}}, nil, nil, nil)
	control := 0
	for _, d := range docs {
		if suggestion.Control(d.ID, 7, 0.5) {
			control++
		}
	}
	if r.Error != "" || r.Suggested.Control != control || r.Suggested.Docs != len(docs)-control || control == 0 {
		t.Errorf("half kept as a control (%d): %+v", control, r.Suggested)
	}

	// A human layer of that name: nothing stored, the document named.
	before, _ := layer(docs[0].ID)
	if err := st.PutLayers([]store.LayerPut{{Doc: docs[3].ID, Layer: corpus.Layer{Name: suggestion.LayerName, Kind: corpus.LayerHuman}}}); err != nil {
		t.Fatal(err)
	}
	r = Do(st, job.Request{Op: job.SuggestLayer, Off: suggest.Sources}, nil, nil, nil)
	if !strings.Contains(r.Error, docs[3].Title) || r.Suggested != nil {
		t.Errorf("a human layer of the name: %+v", r)
	}
	if after, _ := layer(docs[0].ID); !reflect.DeepEqual(key(after.Spans), key(before.Spans)) {
		t.Error("a run that failed changed a layer")
	}
	if r := Do(st, job.Request{Op: job.SuggestLayer, Docs: []string{"nope"}}, nil, nil, nil); !strings.Contains(r.Error, `"nope"`) {
		t.Errorf("unknown document: %+v", r)
	}
}
