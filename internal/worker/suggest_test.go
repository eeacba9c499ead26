package worker

import (
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
)

func TestSuggester(t *testing.T) {
	text := "قُتل 12 جنديًّا في كاي يوم الثلاثاء 7 أكتوبر 2025."
	doc := corpus.Document{ID: "d", Text: text}
	var s Suggester
	r := s.Do(job.Request{Op: job.Suggest, Doc: &doc, Rev: 3})
	if r.Error != "" || r.Doc != "d" || r.Rev != 3 || len(r.Suggestions) == 0 {
		t.Fatalf("reply %+v", r)
	}
	labels := map[corpus.Label]bool{}
	for _, sg := range r.Suggestions {
		labels[sg.Label] = true
		if sg.Attrs["source"] == "" {
			t.Errorf("%+v has no source", sg)
		}
	}
	if !labels[corpus.Place] || !labels[corpus.Casualty] || !labels[corpus.Date] {
		t.Errorf("labels %v", labels)
	}
	engine := s.engine
	// The document's own spans are avoided; the engine is kept.
	first := r.Suggestions[0]
	doc.Spans = []corpus.Span{{ID: "x", Start: first.Start, End: first.End, Label: first.Label}}
	r2 := s.Do(job.Request{Op: job.Suggest, Doc: &doc, Rev: 4})
	if s.engine != engine || r2.Rev != 4 {
		t.Error("the engine is kept between requests")
	}
	for _, sg := range r2.Suggestions {
		if sg.Overlaps(doc.Spans[0]) {
			t.Errorf("%+v overlaps the document's span", sg)
		}
	}
	if r := s.Do(job.Request{Op: job.Suggest, Rev: 5}); r.Error == "" || r.Rev != 5 {
		t.Errorf("no document: %+v", r)
	}
}
