package session

import (
	"errors"
	"reflect"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/editor"
	"github.com/raqim/raqim/internal/store"
)

// stored returns every document in st with its log, by ID.
func stored(t *testing.T, st store.Store) map[string]DeletedDoc {
	t.Helper()
	sums, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]DeletedDoc{}
	for _, s := range sums {
		d, l, err := st.Open(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		dd := DeletedDoc{Doc: d, Log: l}
		infos, err := st.Layers(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			layer, err := st.Layer(s.ID, info.Name)
			if err != nil {
				t.Fatal(err)
			}
			dd.Layers = append(dd.Layers, layer)
		}
		out[s.ID] = dd
	}
	return out
}

// corpusOfThree stores three documents, the second labelled once (so that
// it has an undo history and a revision).
func corpusOfThree(t *testing.T) *store.Memory {
	t.Helper()
	st := store.NewMemory()
	err := st.Add([]corpus.Document{
		{ID: "a", Title: "أ", Text: "قتل الجيش أربعة", Status: corpus.StatusNew},
		{ID: "b", Title: "ب", Text: "في مدينة كاي 🔥", Status: corpus.StatusNew},
		{ID: "c", Title: "ج", Text: "أمس", Status: corpus.StatusDone},
	})
	if err != nil {
		t.Fatal(err)
	}
	doc, log, _ := st.Open("b")
	ed := editor.New(doc, log, corpus.Default, "amina", nil)
	e, _, err := ed.Label(9, 12, corpus.Place) // كاي
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Apply("b", e); err != nil {
		t.Fatal(err)
	}
	// And two layers of another annotator's and a system's.
	err = st.PutLayers([]store.LayerPut{
		{Doc: "b", Layer: corpus.Layer{Name: "salma", Kind: corpus.LayerHuman, Spans: []corpus.Span{{ID: "l1", Start: 3, End: 12, Label: corpus.Place, Annotator: "salma"}}}},
		{Doc: "b", Layer: corpus.Layer{Name: "model", Kind: corpus.LayerSystem}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// failingDelete is a store whose Delete fails.
type failingDelete struct{ store.Store }

func (failingDelete) Delete(...string) error { return errors.New("quota exceeded") }

// TestDeleteRestore deletes a selection and puts it back: storage then
// holds what it held before, spans, revisions and undo histories included.
func TestDeleteRestore(t *testing.T) {
	st := corpusOfThree(t)
	before := stored(t, st)
	d, err := Delete(st, []string{"b", "c"})
	if err != nil {
		t.Fatal(err)
	}
	if got := stored(t, st); len(got) != 1 || got["a"].Doc.ID != "a" {
		t.Fatalf("after deleting b and c storage holds %d documents", len(got))
	}
	if err := Restore(st, d); err != nil {
		t.Fatal(err)
	}
	after := stored(t, st)
	for id, want := range before {
		got := after[id]
		if !reflect.DeepEqual(got.Doc.Spans, want.Doc.Spans) || got.Doc.Rev != want.Doc.Rev || got.Doc.Title != want.Doc.Title ||
			!reflect.DeepEqual(got.Log, want.Log) || !reflect.DeepEqual(got.Layers, want.Layers) {
			t.Errorf("%s after Restore:\n%+v\nwant\n%+v", id, got, want)
		}
	}
	if len(after["b"].Layers) != 2 {
		t.Errorf("b has %d layers after Restore, want 2", len(after["b"].Layers))
	}
	if len(after["b"].Log.Done) != 1 {
		t.Errorf("b's undo history after Restore holds %d changes, want 1", len(after["b"].Log.Done))
	}
	// And the restored document's history still undoes its label.
	ed := editor.New(after["b"].Doc, after["b"].Log, corpus.Default, "amina", nil)
	if e, ok := ed.Undo(); !ok || st.Apply("b", e) != nil {
		t.Error("the restored document's label could not be undone")
	}
}

// TestDeleteFailures checks that a delete that fails changes nothing: an
// unknown document among the selection, storage refusing the delete, and
// a restore over a document stored again meanwhile.
func TestDeleteFailures(t *testing.T) {
	st := corpusOfThree(t)
	before := stored(t, st)
	if _, err := Delete(st, []string{"a", "missing"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Delete with an unknown ID: %v, want store.ErrNotFound", err)
	}
	if _, err := Delete(failingDelete{st}, []string{"a", "b"}); err == nil {
		t.Error("Delete succeeded on a store refusing it")
	}
	if got := stored(t, st); !reflect.DeepEqual(got, before) {
		t.Error("a failed delete changed storage")
	}
	d, err := Delete(st, []string{"c"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add([]corpus.Document{{ID: "c", Title: "جديد", Text: "نص آخر", Status: corpus.StatusNew}}); err != nil {
		t.Fatal(err)
	}
	if err := Restore(st, d); err == nil {
		t.Error("Restore over a document stored again meanwhile succeeded")
	}
	if got := stored(t, st)["c"].Doc.Title; got != "جديد" {
		t.Errorf("a failed Restore replaced the document stored meanwhile: title %q", got)
	}
}
