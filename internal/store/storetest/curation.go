package storetest

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

// goldLayer returns a gold layer of the fixture's text with a curation
// record of open units and decisions.
func goldLayer(open int, decisions string) corpus.Layer {
	l := layer("gold", corpus.LayerGold, false)
	l.Curation = &corpus.Curation{
		CurationInfo: corpus.CurationInfo{Layers: []string{"سلمى", "Zaid"}, Agree: 2, Units: 3, Open: open, Curators: []string{"curator"}},
		Decisions:    json.RawMessage(decisions),
	}
	return l
}

// testLayersCuration stores a gold layer with its curation, replaces it,
// refuses a bad one with the rest of its batch, lists it in LayerIndex and
// deletes it.
func testLayersCuration(t *testing.T, s store.Store) {
	a, b := fixture("a"), fixture("b")
	mustAdd(t, s, a, b)
	salma := layer("سلمى", corpus.LayerHuman, false)
	g := goldLayer(1, `[{"unit":"9-12","action":"reject","who":"curator","when":"2026-01-24T10:00:00Z"}]`)
	mustPut(t, s, store.LayerPut{Doc: "a", Layer: salma}, store.LayerPut{Doc: "a", Layer: g})
	wantLayers(t, s, "a", g, salma)
	wantIndex(t, s, map[string][]corpus.Layer{"a": {g, salma}})

	// Replaced whole, decisions with it; a gold layer without a curation
	// record has none.
	g2 := goldLayer(0, `[]`)
	mustPut(t, s, store.LayerPut{Doc: "a", Layer: g2})
	wantLayers(t, s, "a", g2, salma)
	plain := layer("gold", corpus.LayerGold, false)
	mustPut(t, s, store.LayerPut{Doc: "a", Layer: plain}, store.LayerPut{Doc: "b", Layer: g})
	wantLayers(t, s, "a", plain, salma)
	wantIndex(t, s, map[string][]corpus.Layer{"a": {plain, salma}, "b": {g}})

	// A curation on a layer not gold, or a damaged one, fails its batch.
	bad := []corpus.Layer{goldLayer(0, `[{`), goldLayer(4, `[]`), goldLayer(-1, `[]`)}
	human := goldLayer(0, `[]`)
	human.Kind = corpus.LayerHuman
	bad = append(bad, human)
	for i, l := range bad {
		if err := s.PutLayers([]store.LayerPut{{Doc: "a", Layer: g}, {Doc: "b", Layer: l}}); err == nil {
			t.Errorf("bad curation %d stored", i)
		}
		wantLayers(t, s, "a", plain, salma)
		wantLayers(t, s, "b", g)
	}

	// What a caller does with a curation read does not change the store.
	got, err := s.Layer("b", "gold")
	if err != nil {
		t.Fatal(err)
	}
	got.Curation.Layers[0], got.Curation.Decisions[0] = "changed", '{'
	wantLayers(t, s, "b", g)

	// Deleted with its layer, and with its document.
	if err := s.DeleteLayer("b", "gold"); err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, store.LayerPut{Doc: "b", Layer: layer("gold", corpus.LayerGold, false)})
	wantLayers(t, s, "b", layer("gold", corpus.LayerGold, false))
	if err := s.Delete("a"); err != nil {
		t.Fatal(err)
	}
	wantIndex(t, s, map[string][]corpus.Layer{"b": {layer("gold", corpus.LayerGold, false)}})
	wantStored(t, s, []corpus.Document{b}, nil)
}

// wantIndex checks LayerIndex against the layers of each document, sorted by name.
func wantIndex(t *testing.T, s store.Store, want map[string][]corpus.Layer) {
	t.Helper()
	got, err := s.LayerIndex()
	if err != nil {
		t.Fatalf("LayerIndex: %v", err)
	}
	w := make(map[string][]corpus.LayerInfo, len(want))
	for id, ls := range want {
		for _, l := range ls {
			in := l.Info()
			in.Imported = normTime(in.Imported)
			w[id] = append(w[id], in)
		}
	}
	for _, infos := range got {
		for i := range infos {
			infos[i].Imported = normTime(infos[i].Imported)
		}
	}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("LayerIndex:\ngot  %s\nwant %s", show(got), show(w))
	}
}
