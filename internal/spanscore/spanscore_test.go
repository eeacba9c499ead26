package spanscore

import (
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

func sp(s, e int, l corpus.Label) corpus.Span { return corpus.Span{Start: s, End: e, Label: l} }

func TestAdd(t *testing.T) {
	var r Report
	gold := []corpus.Span{sp(0, 3, "PLACE"), sp(5, 9, "ACTOR"), sp(10, 12, "DATE")}
	pred := []corpus.Span{
		sp(0, 3, "PLACE"),  // right
		sp(5, 8, "ACTOR"),  // boundary off: a false positive and a false negative
		sp(10, 12, "DATE"), // right
		sp(10, 12, "DATE"), // a duplicate counts once
		sp(20, 22, "CASUALTY"),
	}
	r.Add(gold, pred)
	want := map[corpus.Label]Counts{"PLACE": {1, 0, 0}, "ACTOR": {0, 1, 1}, "DATE": {1, 1, 0}, "CASUALTY": {0, 1, 0}}
	for l, c := range want {
		if *r.Labels[l] != c {
			t.Errorf("%s: %+v, want %+v", l, *r.Labels[l], c)
		}
	}
	if r.Overall != (Counts{2, 3, 1}) {
		t.Errorf("overall %+v", r.Overall)
	}
	if p, rc := r.Overall.Precision(), r.Overall.Recall(); p != 0.4 || rc != 2.0/3 {
		t.Errorf("P %v R %v", p, rc)
	}
	var m Report
	m.Merge(r)
	m.Merge(r)
	if m.Overall != (Counts{4, 6, 2}) || m.Labels["DATE"].TP != 2 {
		t.Errorf("Merge: %+v", m.Overall)
	}
	if s := r.String(); !strings.Contains(s, "overall") || !strings.Contains(s, "PLACE") {
		t.Errorf("String:\n%s", s)
	}
	if (Counts{}).F1() != 0 || (Counts{}).Precision() != 0 {
		t.Error("empty counts")
	}
}
