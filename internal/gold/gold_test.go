package gold

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

// fixture stores three documents: a and b with layers salma and yusuf, c
// with salma only; a holds two spans of its own.
func fixture(t *testing.T) store.Store {
	t.Helper()
	st := store.NewMemory()
	sp := func(s, e int, l corpus.Label) corpus.Span { return corpus.Span{Start: s, End: e, Label: l} }
	docs := []corpus.Document{
		{ID: "a", Title: "أ", Text: "قال الجيش في باماكو أمس", Spans: []corpus.Span{sp(4, 9, corpus.Actor), sp(13, 19, corpus.Place)}},
		{ID: "b", Title: "ب", Text: "وصلت القافلة إلى غاو"},
		{ID: "c", Title: "ج", Text: "هدوء في تمبكتو"},
	}
	if err := st.Add(docs); err != nil {
		t.Fatal(err)
	}
	put := func(doc, name string, spans ...corpus.Span) store.LayerPut {
		return store.LayerPut{Doc: doc, Layer: corpus.Layer{Name: name, Kind: corpus.LayerHuman, Spans: spans}}
	}
	if err := st.PutLayers([]store.LayerPut{
		put("a", "salma", sp(4, 9, corpus.Actor)),
		put("a", "yusuf", sp(4, 9, corpus.Actor), sp(13, 19, corpus.Place)),
		put("b", "salma", sp(17, 20, corpus.Place)),
		put("b", "yusuf"),
		put("c", "salma", sp(8, 14, corpus.Place)),
	}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestSurvey(t *testing.T) {
	got, err := Survey(fixture(t), nil, "me")
	if err != nil {
		t.Fatal(err)
	}
	want := []Summary{
		{Name: "me", Kind: corpus.LayerHuman, Own: true, Docs: 1, Spans: 2},
		{Name: "salma", Kind: corpus.LayerHuman, Docs: 3, Spans: 3},
		{Name: "yusuf", Kind: corpus.LayerHuman, Docs: 2, Spans: 2},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Survey = %+v, want %+v", got, want)
	}
}

func TestRead(t *testing.T) {
	st := fixture(t)
	docIDs := func(l []corpus.Document) string {
		var ids []string
		for _, d := range l {
			ids = append(ids, d.ID+":"+spansOf(d))
		}
		return strings.Join(ids, " ")
	}
	for _, tc := range []struct {
		name   string
		choice Choice
		want   []string // per layer: documents with their spans
		err    string
	}{
		{"two layers", Choice{Layers: []string{"salma", "yusuf"}},
			[]string{"a:4-9ACTOR b:17-20PLACE c:8-14PLACE", "a:4-9ACTOR,13-19PLACE b:"}, ""},
		{"own and one", Choice{Own: "me", Layers: []string{"yusuf"}},
			[]string{"a:4-9ACTOR,13-19PLACE b: c:", "a:4-9ACTOR,13-19PLACE b:"}, ""},
		{"some documents", Choice{Layers: []string{"yusuf", "salma"}, Docs: []string{"b"}},
			[]string{"b:", "b:17-20PLACE"}, ""},
		{"one layer", Choice{Layers: []string{"salma"}}, nil, "at least two layers"},
		{"twice", Choice{Own: "salma", Layers: []string{"salma"}}, nil, "chosen twice"},
		{"a layer no document has", Choice{Layers: []string{"salma", "omar"}}, nil, "no document chosen has the layer omar"},
		{"not among the documents chosen", Choice{Layers: []string{"salma", "yusuf"}, Docs: []string{"c"}}, nil, "no document chosen has the layer yusuf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			layers, err := Read(st, nil, tc.choice)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("Read: %v, want an error with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(layers) != len(tc.want) {
				t.Fatalf("%d layers, want %d", len(layers), len(tc.want))
			}
			for i, l := range layers {
				if l.Name != tc.choice.Names()[i] {
					t.Errorf("layer %d is named %q, want %q", i, l.Name, tc.choice.Names()[i])
				}
				if got := docIDs(l.Docs); got != tc.want[i] {
					t.Errorf("layer %s: %s, want %s", l.Name, got, tc.want[i])
				}
			}
		})
	}
}

func spansOf(d corpus.Document) string {
	var out []string
	for _, s := range d.Spans {
		out = append(out, fmt.Sprintf("%d-%d%s", s.Start, s.End, s.Label))
	}
	return strings.Join(out, ",")
}

func TestDefaultChoice(t *testing.T) {
	me := Summary{Name: "me", Kind: corpus.LayerHuman, Own: true, Docs: 2, Spans: 9}
	none := Summary{Name: "me", Kind: corpus.LayerHuman, Own: true}
	h := func(name string, docs int) Summary {
		return Summary{Name: name, Kind: corpus.LayerHuman, Docs: docs, Spans: docs}
	}
	model := Summary{Name: "model", Kind: corpus.LayerSystem, Docs: 3}
	for _, tc := range []struct {
		name   string
		layers []Summary
		want   []string
	}{
		{"two annotators, not the own layer", []Summary{me, h("a", 3), h("b", 3), model}, []string{"a", "b"}},
		{"one annotator and the own layer", []Summary{me, h("a", 3), model}, []string{"me", "a"}},
		{"an own layer without spans is left out", []Summary{none, h("a", 3)}, []string{"a"}},
		{"a layer no document has is left out", []Summary{me, h("a", 3), h("b", 0)}, []string{"me", "a"}},
		{"nothing", []Summary{none}, nil},
	} {
		if got := DefaultChoice(tc.layers).Names(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
