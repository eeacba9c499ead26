package storetest

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

// layer returns a layer of the fixture's text: spans on كاي and الجيش
// المالي, or none when empty.
func layer(name string, kind corpus.LayerKind, empty bool) corpus.Layer {
	l := corpus.Layer{Name: name, Kind: kind, Imported: at(10), Source: name + ".jsonl"}
	if !empty {
		l.Spans = []corpus.Span{
			{ID: name + "-1", Start: 9, End: 12, Label: corpus.Place, Annotator: name, Created: at(11)},
			{ID: name + "-2", Start: 18, End: 30, Label: corpus.Casualty, Annotator: name, Created: at(12), Attrs: map[string]string{"count": "4"}},
		}
	}
	return l
}

func normLayer(l corpus.Layer) corpus.Layer {
	l.Imported = normTime(l.Imported)
	l.Spans = normSpans(l.Spans)
	return l
}

// wantLayers checks that document id holds exactly layers, by name.
func wantLayers(t *testing.T, s store.Store, id string, layers ...corpus.Layer) {
	t.Helper()
	infos, err := s.Layers(id)
	if err != nil {
		t.Fatalf("Layers(%q): %v", id, err)
	}
	want := make([]corpus.LayerInfo, len(layers))
	for i, l := range layers {
		want[i] = l.Info()
		want[i].Imported = normTime(want[i].Imported)
	}
	for i := range infos {
		infos[i].Imported = normTime(infos[i].Imported)
	}
	if len(infos) == 0 {
		infos = nil
	}
	if len(want) == 0 {
		want = nil
	}
	if !reflect.DeepEqual(infos, want) {
		t.Errorf("Layers(%q):\ngot  %s\nwant %s", id, show(infos), show(want))
	}
	for _, l := range layers {
		got, err := s.Layer(id, l.Name)
		if err != nil {
			t.Errorf("Layer(%q, %q): %v", id, l.Name, err)
			continue
		}
		if g, w := normLayer(got), normLayer(l); !reflect.DeepEqual(g, w) {
			t.Errorf("Layer(%q, %q):\ngot  %s\nwant %s", id, l.Name, show(g), show(w))
		}
	}
}

func mustPut(t *testing.T, s store.Store, puts ...store.LayerPut) {
	t.Helper()
	if err := s.PutLayers(puts); err != nil {
		t.Fatalf("PutLayers: %v", err)
	}
}

func testLayers(t *testing.T, s store.Store) {
	a, b := fixture("a"), fixture("b")
	mustAdd(t, s, a, b)
	wantLayers(t, s, "a")
	if err := s.PutLayers(nil); err != nil {
		t.Errorf("PutLayers(nil): %v", err)
	}

	salma, model, zaid := layer("سلمى", corpus.LayerHuman, false), layer("model", corpus.LayerSystem, false), layer("Zaid", corpus.LayerHuman, true)
	mustPut(t, s, store.LayerPut{Doc: "a", Layer: salma}, store.LayerPut{Doc: "b", Layer: model}, store.LayerPut{Doc: "a", Layer: model}, store.LayerPut{Doc: "a", Layer: zaid})
	wantLayers(t, s, "a", zaid, model, salma) // by name, bytewise
	wantLayers(t, s, "b", model)
	// A layer is not the document's own spans: those are as added.
	wantStored(t, s, []corpus.Document{a, b}, nil)

	// Spans without IDs are given distinct ones.
	noIDs := layer("noids", corpus.LayerHuman, false)
	noIDs.Spans[0].ID, noIDs.Spans[1].ID = "", ""
	mustPut(t, s, store.LayerPut{Doc: "b", Layer: noIDs})
	got, err := s.Layer("b", "noids")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Spans) != 2 || got.Spans[0].ID == "" || got.Spans[0].ID == got.Spans[1].ID {
		t.Fatalf("layer spans without IDs stored as %s, want two distinct IDs", show(got.Spans))
	}

	// Putting a layer again replaces it whole; the others stay.
	again := salma
	again.Kind, again.Source, again.Imported = corpus.LayerGold, "gold.jsonl", at(20)
	again.Spans = []corpus.Span{{ID: "g1", Start: 0, End: 2, Label: corpus.Date, Annotator: "curator", Created: at(21)}}
	mustPut(t, s, store.LayerPut{Doc: "a", Layer: again})
	wantLayers(t, s, "a", zaid, model, again)

	// An edit of the document's own spans keeps its layers.
	a.Spans, a.Status = a.Spans[1:], corpus.StatusInProgress
	if err := s.Apply("a", store.Edit{Summary: corpus.Summarize(a), Delete: []string{fixture("a").Spans[0].ID}}); err != nil {
		t.Fatal(err)
	}
	wantLayers(t, s, "a", zaid, model, again)
	wantStored(t, s, []corpus.Document{a, b}, nil)

	// Unknown documents and layers.
	_, err = s.Layers("missing")
	wantNotFound(t, "Layers(missing)", err)
	_, err = s.Layer("missing", "model")
	wantNotFound(t, "Layer(missing, model)", err)
	_, err = s.Layer("a", "nobody")
	wantNoLayer(t, "Layer(a, nobody)", err)
	_, err = s.Layer("b", "سلمى")
	wantNoLayer(t, "Layer(b, سلمى)", err)

	// What a caller does with a layer read does not change the store.
	got, err = s.Layer("a", "model")
	if err != nil {
		t.Fatal(err)
	}
	got.Spans[1].Attrs["count"] = "changed"
	got.Spans[0].Label = corpus.Actor
	wantLayers(t, s, "a", zaid, model, again)
}

func wantNoLayer(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, store.ErrNoLayer) {
		t.Errorf("%s: error %v, want store.ErrNoLayer", what, err)
	}
}

// testLayersAtomic puts batches each holding one bad layer after good
// ones: none of the batch is stored.
func testLayersAtomic(t *testing.T, s store.Store) {
	a, b := fixture("a"), fixture("b")
	mustAdd(t, s, a, b)
	kept := layer("kept", corpus.LayerHuman, false)
	mustPut(t, s, store.LayerPut{Doc: "a", Layer: kept})

	bad := func(change func(l *corpus.Layer)) corpus.Layer {
		l := layer("kept", corpus.LayerSystem, false) // would replace kept
		change(&l)
		return l
	}
	tests := []struct {
		name string
		put  store.LayerPut
		// notFound says the batch must fail with store.ErrNotFound.
		notFound bool
	}{
		{"unknown document", store.LayerPut{Doc: "missing", Layer: layer("x", corpus.LayerHuman, false)}, true},
		{"empty name", store.LayerPut{Doc: "b", Layer: bad(func(l *corpus.Layer) { l.Name = "" })}, false},
		{"unknown kind", store.LayerPut{Doc: "b", Layer: bad(func(l *corpus.Layer) { l.Kind = "robot" })}, false},
		{"span past the text", store.LayerPut{Doc: "b", Layer: bad(func(l *corpus.Layer) { l.Spans[1].End = 39 })}, false},
		{"empty span", store.LayerPut{Doc: "b", Layer: bad(func(l *corpus.Layer) { l.Spans[0].End = l.Spans[0].Start })}, false},
		{"overlapping spans", store.LayerPut{Doc: "b", Layer: bad(func(l *corpus.Layer) { l.Spans[1].Start = 10 })}, false},
		{"unsorted spans", store.LayerPut{Doc: "b", Layer: bad(func(l *corpus.Layer) { l.Spans[0], l.Spans[1] = l.Spans[1], l.Spans[0] })}, false},
		{"span ID twice", store.LayerPut{Doc: "b", Layer: bad(func(l *corpus.Layer) { l.Spans[1].ID = l.Spans[0].ID })}, false},
		{"layer twice", store.LayerPut{Doc: "a", Layer: layer("new", corpus.LayerHuman, true)}, false},
	}
	for _, tt := range tests {
		batch := []store.LayerPut{
			{Doc: "a", Layer: layer("new", corpus.LayerHuman, false)},
			{Doc: "a", Layer: bad(func(l *corpus.Layer) { l.Spans = l.Spans[:1] })}, // replaces kept
			{Doc: "b", Layer: layer("new", corpus.LayerSystem, false)},
			tt.put,
		}
		err := s.PutLayers(batch)
		switch {
		case err == nil:
			t.Errorf("PutLayers with %s succeeded", tt.name)
		case tt.notFound:
			wantNotFound(t, fmt.Sprintf("PutLayers with %s", tt.name), err)
		}
		wantLayers(t, s, "a", kept)
		wantLayers(t, s, "b")
	}
	wantStored(t, s, []corpus.Document{a, b}, nil)
}

// testLayersDelete deletes layers one by one, and documents with theirs.
func testLayersDelete(t *testing.T, s store.Store) {
	a, b := fixture("a"), fixture("b")
	mustAdd(t, s, a, b)
	x, y := layer("x", corpus.LayerHuman, false), layer("y", corpus.LayerSystem, false)
	mustPut(t, s, store.LayerPut{Doc: "a", Layer: x}, store.LayerPut{Doc: "a", Layer: y}, store.LayerPut{Doc: "b", Layer: x})

	if err := s.DeleteLayer("a", "x"); err != nil {
		t.Fatalf("DeleteLayer(a, x): %v", err)
	}
	wantLayers(t, s, "a", y)
	wantLayers(t, s, "b", x)
	wantNoLayer(t, "DeleteLayer(a, x) again", s.DeleteLayer("a", "x"))
	wantNotFound(t, "DeleteLayer(missing, x)", s.DeleteLayer("missing", "x"))
	wantLayers(t, s, "a", y)
	wantStored(t, s, []corpus.Document{a, b}, nil)

	// Deleting a document deletes its layers: added again, it has none.
	if err := s.Delete("a"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Layers("a")
	wantNotFound(t, "Layers(a) after Delete(a)", err)
	_, err = s.Layer("a", "y")
	wantNotFound(t, "Layer(a, y) after Delete(a)", err)
	wantLayers(t, s, "b", x)
	mustAdd(t, s, fixture("a"))
	wantLayers(t, s, "a")
	wantStored(t, s, []corpus.Document{b, fixture("a")}, nil)

	// A failed Delete keeps the layers.
	wantNotFound(t, "Delete(b, missing)", s.Delete("b", "missing"))
	wantLayers(t, s, "b", x)
}

// testLayersBatch checks LayerIndex and ReadLayers against Layers and Layer.
func testLayersBatch(t *testing.T, s store.Store) {
	a, b, c := fixture("a"), fixture("b"), fixture("c")
	mustAdd(t, s, a, b, c)
	all, err := s.LayerIndex()
	if err != nil || len(all) != 0 {
		t.Fatalf("LayerIndex with none: %v, %v", show(all), err)
	}
	salma, model := layer("سلمى", corpus.LayerHuman, false), layer("model", corpus.LayerSystem, true)
	mustPut(t, s, store.LayerPut{Doc: "a", Layer: salma}, store.LayerPut{Doc: "a", Layer: model}, store.LayerPut{Doc: "c", Layer: salma})
	all, err = s.LayerIndex()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all["b"] != nil {
		t.Errorf("LayerIndex gives documents %v, want a and c", show(all))
	}
	for _, id := range []string{"a", "c"} {
		one, err := s.Layers(id)
		if err != nil {
			t.Fatal(err)
		}
		if show(all[id]) != show(one) {
			t.Errorf("LayerIndex()[%s] = %s, Layers(%s) = %s", id, show(all[id]), id, show(one))
		}
	}

	read, err := s.ReadLayers([]string{"سلمى"}, []string{"c", "b", "a"})
	if err != nil {
		t.Fatal(err)
	}
	if len(read) != 1 {
		t.Fatalf("ReadLayers of one name gives %d", len(read))
	}
	got := read[0]
	want := []corpus.Layer{normLayer(salma), {}, normLayer(salma)}
	for i := range got {
		if got[i].Name != "" {
			got[i] = normLayer(got[i])
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadLayers(سلمى, c b a):\ngot  %s\nwant %s", show(got), show(want))
	}
	_, err = s.ReadLayers([]string{"سلمى"}, []string{"a", "missing"})
	wantNotFound(t, "ReadLayers(سلمى, a missing)", err)
	if got, err := s.ReadLayers([]string{"nobody"}, []string{"a"}); err != nil || len(got) != 1 || len(got[0]) != 1 || got[0][0].Name != "" {
		t.Errorf("ReadLayers(nobody, a) = %s, %v; want one zero layer", show(got), err)
	}
}

// testLayersMany checks ReadLayers over many documents against Layer, for
// every document in a scrambled order, for a few far apart, and for IDs
// whose order differs between code points and UTF-16 units (a store may
// read neighbouring records together), one layer and several at a time.
func testLayersMany(t *testing.T, s store.Store) {
	var ids []string
	for i := range 60 {
		ids = append(ids, fmt.Sprintf("m%02d", i))
	}
	ids = append(ids, "m\uE000", "m😀", "m\uFFFD")
	var docs []corpus.Document
	var puts []store.LayerPut
	for i, id := range ids {
		docs = append(docs, fixture(id))
		switch i % 3 {
		case 0:
			puts = append(puts, store.LayerPut{Doc: id, Layer: layer("سلمى", corpus.LayerHuman, i%2 == 0)})
		case 1:
			puts = append(puts, store.LayerPut{Doc: id, Layer: goldLayer(1, fmt.Sprintf(`[{"unit":%d}]`, i))}, store.LayerPut{Doc: id, Layer: layer("سل", corpus.LayerHuman, false)})
		}
		if i%4 == 0 {
			puts = append(puts, store.LayerPut{Doc: id, Layer: layer("model", corpus.LayerSystem, false)})
		}
	}
	mustAdd(t, s, docs...)
	mustPut(t, s, puts...)
	scrambled := slices.Clone(ids)
	slices.Reverse(scrambled[10:])
	for _, names := range [][]string{{"سلمى"}, {"gold"}, {"model", "سلمى", "gold", "nobody"}} {
		for _, want := range [][]string{scrambled, {ids[1], ids[58]}, {"m😀", "m\uE000", "m05"}, ids[30:31]} {
			what := fmt.Sprintf("ReadLayers(%v, %d documents)", names, len(want))
			got, err := s.ReadLayers(names, want)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if len(got) != len(names) {
				t.Fatalf("%s gives %d layers", what, len(got))
			}
			for i, name := range names {
				if len(got[i]) != len(want) {
					t.Fatalf("%s gives %d documents of %s", what, len(got[i]), name)
				}
				for j, id := range want {
					one, err := s.Layer(id, name)
					if errors.Is(err, store.ErrNoLayer) {
						one, err = corpus.Layer{}, nil
					}
					if err != nil {
						t.Fatalf("Layer(%s, %s): %v", id, name, err)
					}
					if g, w := show(normIfNamed(got[i][j])), show(normIfNamed(one)); g != w {
						t.Errorf("%s, layer %s of document %s:\ngot  %s\nwant %s", what, name, id, g, w)
					}
				}
			}
		}
		_, err := s.ReadLayers(names, []string{ids[3], "m99"})
		wantNotFound(t, fmt.Sprintf("ReadLayers(%v, m03 m99)", names), err)
	}
}

func normIfNamed(l corpus.Layer) corpus.Layer {
	if l.Name == "" {
		return l
	}
	return normLayer(l)
}
