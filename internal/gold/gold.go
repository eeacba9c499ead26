// Package gold reads a stored corpus's annotation layers for agreement,
// scoring and curation: which layers its documents have, and a choice of
// them as the layers package align matches and aligns.
//
// A document's own spans (the ones its user edits) form a layer like the
// others; in a Choice it is named by the user's annotator name.
package gold

import (
	"cmp"
	"slices"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// Summary is one layer of a corpus: its name and kind, and how many
// documents have it and how many spans it holds over them. The own layer
// has Own set, and counts the documents with at least one span of it.
type Summary struct {
	Name  string           `json:"name"`
	Kind  corpus.LayerKind `json:"kind"`
	Own   bool             `json:"own,omitempty"`
	Docs  int              `json:"docs"`
	Spans int              `json:"spans"`
}

// Survey returns the layers of st's documents: the own layer first (named
// own), then the others by name.
func Survey(st store.Store, own string) ([]Summary, error) {
	sums, err := st.List()
	if err != nil {
		return nil, err
	}
	mine := Summary{Name: own, Kind: corpus.LayerHuman, Own: true}
	byName := make(map[string]*Summary)
	for _, sm := range sums {
		n := 0
		for _, c := range sm.Counts {
			n += c
		}
		if n > 0 {
			mine.Docs++
			mine.Spans += n
		}
		infos, err := st.Layers(sm.ID)
		if err != nil {
			return nil, err
		}
		for _, in := range infos {
			s := byName[in.Name]
			if s == nil {
				s = &Summary{Name: in.Name, Kind: in.Kind}
				byName[in.Name] = s
			}
			s.Docs++
			s.Spans += in.Count
		}
	}
	out := []Summary{mine}
	for _, s := range byName {
		out = append(out, *s)
	}
	slices.SortFunc(out[1:], func(a, b Summary) int { return cmp.Compare(a.Name, b.Name) })
	return out, nil
}

// Choice is a set of layers to compare over some documents.
type Choice struct {
	// Own, when set, takes each document's own spans as the layer of this
	// name (the user's annotator name).
	Own string `json:"own,omitempty"`
	// Layers names the other layers, in order (after Own).
	Layers []string `json:"layers"`
	// Docs restricts the documents to those IDs; empty means every one.
	Docs []string `json:"docs,omitempty"`
}

// Names returns the names of c's layers, in order.
func (c Choice) Names() []string {
	var out []string
	if c.Own != "" {
		out = append(out, c.Own)
	}
	return append(out, c.Layers...)
}

// Read returns the chosen layers of st's documents for align.Match: a
// layer holds the documents that have it (every document has the own
// layer). It fails on fewer than two layers, a name chosen twice, or a
// layer no chosen document has.
func Read(st store.Store, c Choice) ([]align.Layer, error) {
	names := c.Names()
	if len(names) < 2 {
		return nil, locale.Errorf("choose at least two layers to compare")
	}
	for i, n := range names {
		if slices.Contains(names[:i], n) {
			return nil, locale.Errorf("the layer %s is chosen twice", n)
		}
	}
	ids := c.Docs
	if len(ids) == 0 {
		sums, err := st.List()
		if err != nil {
			return nil, err
		}
		for _, sm := range sums {
			ids = append(ids, sm.ID)
		}
	}
	layers := make([]align.Layer, len(names))
	for i, n := range names {
		layers[i].Name = n
	}
	others := layers
	if c.Own != "" {
		others = layers[1:]
	}
	for _, id := range ids {
		docs, err := st.Read([]string{id})
		if err != nil {
			return nil, err
		}
		d := docs[0]
		if c.Own != "" {
			layers[0].Docs = append(layers[0].Docs, d)
		}
		infos, err := st.Layers(id)
		if err != nil {
			return nil, err
		}
		for i, n := range c.Layers {
			if !slices.ContainsFunc(infos, func(in corpus.LayerInfo) bool { return in.Name == n }) {
				continue
			}
			l, err := st.Layer(id, n)
			if err != nil {
				return nil, err
			}
			ld := d
			ld.Spans = l.Spans
			others[i].Docs = append(others[i].Docs, ld)
		}
	}
	for _, l := range layers {
		if len(l.Docs) == 0 {
			return nil, locale.Errorf("no document chosen has the layer %s", l.Name)
		}
	}
	return layers, nil
}
