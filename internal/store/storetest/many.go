package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

// manySpans is a document of n two-letter words, each labelled, with
// attributes on every third span: its spans' stored form is longer than
// what a store reads at once (the browser's store reads about 256 KiB of
// span lines at a time).
func manySpans(id string, n int) corpus.Document {
	d := corpus.Document{ID: id, Title: "طويلة " + id, Text: strings.Repeat("في ", n), Status: corpus.StatusNew, Created: at(0), Modified: at(1)}
	labels := []corpus.Label{corpus.Actor, corpus.Place, corpus.Date, corpus.Casualty}
	for i := range n {
		sp := span(fmt.Sprintf("%s-%05d", id, i), 3*i, 3*i+2, labels[i%len(labels)])
		if i%3 == 0 {
			sp.Attrs = map[string]string{"source": "gazetteer", "note": fmt.Sprintf("ملاحظة %d", i)}
		}
		d.Spans = append(d.Spans, sp)
	}
	return d
}

// testManySpans stores documents and a layer whose spans span several of
// the store's reads, and reads them back whole and in order: as added (one
// record in the browser's store), after an edit (a record per span), and
// as a layer.
func testManySpans(t *testing.T, s store.Store) {
	a, b := manySpans("a", 4000), fixture("b")
	mustAdd(t, s, a, b)
	wantStored(t, s, []corpus.Document{a, b}, nil)

	removed := a.Spans[1234]
	moved := a.Spans[10]
	moved.Start, moved.End, moved.Modified = 3*1234, 3*1234+2, at(50)
	a.Spans = slices.Concat(a.Spans[:10], a.Spans[11:1234], []corpus.Span{moved}, a.Spans[1235:])
	a.Status, a.Modified = corpus.StatusInProgress, at(50)
	if err := s.Apply("a", store.Edit{Summary: corpus.Summarize(a), Put: []corpus.Span{moved}, Delete: []string{removed.ID}}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	wantStored(t, s, []corpus.Document{a, b}, nil)

	l := corpus.Layer{Name: "سلمى", Kind: corpus.LayerHuman, Imported: at(10), Source: "salma.jsonl", Spans: manySpans("l", 4000).Spans}
	mustPut(t, s, store.LayerPut{Doc: "a", Layer: l})
	got, err := s.Layer("a", "سلمى")
	if err != nil {
		t.Fatal(err)
	}
	if g, w := normLayer(got), normLayer(l); show(g) != show(w) {
		t.Fatalf("a layer of %d spans read back as %d spans, or changed", len(l.Spans), len(got.Spans))
	}
}
