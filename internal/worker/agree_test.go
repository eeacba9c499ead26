package worker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/gold"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// layered returns a memory store of docs documents, each with layers A and
// B of spans spans: B relabels every fifth of A's spans.
func layered(tb testing.TB, docs, spans int) store.Store {
	tb.Helper()
	st := store.NewMemory()
	word := "كلمة "
	labels := []corpus.Label{corpus.Actor, corpus.Place, corpus.Date, corpus.Casualty}
	var all []corpus.Document
	var puts []store.LayerPut
	for i := range docs {
		id := fmt.Sprintf("d%04d", i)
		text := fmt.Sprintf("وثيقة %d ", i) + strings.Repeat(word, spans*2)
		all = append(all, corpus.Document{ID: id, Title: id, Text: text})
		off := len([]rune(fmt.Sprintf("وثيقة %d ", i)))
		var a, b []corpus.Span
		for j := range spans {
			s := off + 2*j*len([]rune(word))
			a = append(a, corpus.Span{Start: s, End: s + 4, Label: labels[j%4]})
			l := labels[j%4]
			if j%5 == 0 {
				l = labels[(j+1)%4]
			}
			b = append(b, corpus.Span{Start: s, End: s + 4, Label: l})
		}
		puts = append(puts, store.LayerPut{Doc: id, Layer: corpus.Layer{Name: "A", Kind: corpus.LayerHuman, Spans: a}},
			store.LayerPut{Doc: id, Layer: corpus.Layer{Name: "B", Kind: corpus.LayerHuman, Spans: b}})
	}
	if err := st.Add(all); err != nil {
		tb.Fatal(err)
	}
	if err := st.PutLayers(puts); err != nil {
		tb.Fatal(err)
	}
	return st
}

// TestAgreeOp checks the worker's agree op: with no choice it surveys the
// layers and measures the human ones; with a choice, those.
func TestAgreeOp(t *testing.T) {
	st := layered(t, 20, 10)
	r := Do(st, job.Request{Op: job.Agree, Annotator: "me"}, nil, nil, nil)
	if r.Error != "" {
		t.Fatal(r.Error)
	}
	if len(r.Layers) != 3 || r.Agreement == nil || r.Agreement.Documents != 20 {
		t.Fatalf("agree with no choice: layers %+v, agreement %+v", r.Layers, r.Agreement)
	}
	// Every fifth span relabelled: 8 of 10 spans match, strict F1 0.8
	// (by hand: 2·8/(10+10)).
	if f := r.Agreement.Pairs[0].Strict.F1; f < 0.7999 || f > 0.8001 {
		t.Errorf("strict F1 %v, want 0.8", f)
	}
	if r.DisagreementUnits != 40 || len(r.Disagreements) != 20 {
		t.Errorf("%d units differ over %d documents, want 40 over 20", r.DisagreementUnits, len(r.Disagreements))
	}
	r = Do(st, job.Request{Op: job.Agree, Annotator: "me", Gold: &gold.Choice{Own: "me", Layers: []string{"A"}}, Locale: locale.Settings{Lang: locale.English}}, nil, nil, nil)
	if r.Agreement == nil || len(r.Agreement.Pairs) != 1 || r.Agreement.Pairs[0].A != "me" {
		t.Fatalf("agree of the own layer and A: %+v (%s)", r.Agreement, r.Error)
	}
	r = Do(st, job.Request{Op: job.Score, Annotator: "me", Gold: &gold.Choice{Layers: []string{"A", "B"}}}, nil, nil, nil)
	if r.Score == nil || r.Score.Documents != 20 {
		t.Fatalf("score of B against A: %+v (%s)", r.Score, r.Error)
	}
}

// BenchmarkAgreeOp measures the worker's agree op on 2,000 documents with
// two layers of 25 spans each (50,000 a layer), from the store to the reply.
func BenchmarkAgreeOp(b *testing.B) {
	st := layered(b, 2000, 25)
	for b.Loop() {
		if r := Do(st, job.Request{Op: job.Agree, Annotator: "me"}, nil, nil, nil); r.Error != "" {
			b.Fatal(r.Error)
		}
	}
}
