package worker

import (
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/propagation"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/suggest"
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
	// Sources switched off are left out, with a new engine; switched on
	// again, they are back.
	doc.Spans = nil
	r3 := s.Do(job.Request{Op: job.Suggest, Doc: &doc, Off: []suggest.Source{suggest.Date, suggest.Gazetteer}})
	for _, sg := range r3.Suggestions {
		if src := sg.Attrs["source"]; src == "date" || src == "gazetteer" {
			t.Errorf("%+v is from a source switched off", sg)
		}
	}
	if len(r3.Suggestions) == 0 || len(r3.Suggestions) >= len(r.Suggestions) {
		t.Errorf("%d suggestions with date and gazetteer off, %d with all on", len(r3.Suggestions), len(r.Suggestions))
	}
	if r4 := s.Do(job.Request{Op: job.Suggest, Doc: &doc}); len(r4.Suggestions) != len(r.Suggestions) {
		t.Errorf("all on again: %d suggestions, want %d", len(r4.Suggestions), len(r.Suggestions))
	}
	if r := s.Do(job.Request{Op: job.Suggest, Rev: 5}); r.Error == "" || r.Rev != 5 {
		t.Errorf("no document: %+v", r)
	}
}

// TestSuggesterStore checks that a Suggester with a store uses the tagger
// and the propagated labels stored there, read on its first request and
// again on a request that says they changed.
func TestSuggesterStore(t *testing.T) {
	st := store.NewMemory()
	docs := sample.Gold()
	for i := range docs {
		docs[i].Status = corpus.StatusDone
	}
	if err := st.Add(docs); err != nil {
		t.Fatal(err)
	}
	opened := 0
	s := Suggester{Store: func() (store.Store, error) { opened++; return st, nil }}
	doc := corpus.Document{ID: "x", Text: "وصلت تعزيزات الجيش المالي إلى أنفيف صباح الثلاثاء."}
	sources := func(req job.Request) map[string]string {
		req.Op, req.Doc = job.Suggest, &doc
		r := s.Do(req)
		if r.Error != "" {
			t.Fatal(r.Error)
		}
		out := map[string]string{}
		for _, sg := range r.Suggestions {
			out[doc.Text[len(string([]rune(doc.Text)[:sg.Start])):len(string([]rune(doc.Text)[:sg.End]))]] = sg.Attrs["source"] + "/" + sg.Attrs["score"]
		}
		return out
	}
	if got := sources(job.Request{}); got["أنفيف"] != "" || got["الجيش المالي"] != "lexicon/" {
		t.Errorf("before training and propagation: %v", got)
	}
	// Trained and propagated meanwhile: the engine kept until told.
	if r := Do(st, job.Request{Op: job.Train}, nil, nil, nil); r.Error != "" || r.Training == nil || len(r.Training.Docs) != len(docs) {
		t.Fatalf("train: %+v", r)
	}
	ph := &job.Phrase{Entry: propagation.Entry{Text: "أنفيف", Label: corpus.Place}, Doc: docs[0].ID}
	if r := Do(st, job.Request{Op: job.Propagate, Phrase: ph}, nil, nil, nil); r.Error != "" || r.Mentions == nil {
		t.Fatalf("propagate: %+v", r)
	}
	if got := sources(job.Request{}); got["أنفيف"] != "" {
		t.Errorf("not reloaded: %v", got)
	}
	got := sources(job.Request{Reload: true})
	if src := got["أنفيف"]; src == "" || src[:len("propagation/")] != "propagation/" {
		t.Errorf("after reload, أنفيف: %q (%v)", src, got)
	}
	if src := got["الجيش المالي"]; src == "lexicon/" {
		t.Errorf("after reload the tagger scores no suggestion: %v", got)
	}
	if opened != 1 {
		t.Errorf("the store was opened %d times", opened)
	}
	// Without storage (memory) the rules alone.
	s = Suggester{Store: func() (store.Store, error) { return st, nil }}
	if got := sources(job.Request{Memory: true}); got["أنفيف"] != "" || got["الجيش المالي"] != "lexicon/" {
		t.Errorf("memory: %v", got)
	}
}

func TestPropagateCounts(t *testing.T) {
	st := store.NewMemory()
	err := st.Add([]corpus.Document{
		{ID: "a", Text: "قصفت سرايا الوادي أنفيف."},
		{ID: "b", Text: "انسحبت سرايا الوادي من أنفيف وعادت إلى أنفيف."},
	})
	if err != nil {
		t.Fatal(err)
	}
	ph := &job.Phrase{Entry: propagation.Entry{Text: "أنفيف", Label: corpus.Place}, Doc: "a"}
	r := Do(st, job.Request{Op: job.Propagate, Phrase: ph}, nil, nil, nil)
	if r.Error != "" || *r.Mentions != (propagation.Count{Mentions: 2, Docs: 1}) {
		t.Fatalf("propagate: %+v", r)
	}
	d, _ := propagation.Load(st)
	if len(d.Entries) != 1 {
		t.Errorf("dictionary %+v", d)
	}
	if r := Do(st, job.Request{Op: job.Propagate}, nil, nil, nil); r.Error == "" {
		t.Error("a Propagate without a phrase went through")
	}
	if r := Do(st, job.Request{Op: job.Train}, nil, nil, nil); r.Error == "" {
		t.Error("trained on a corpus with nothing done")
	}
}
