package store

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
)

// CheckLayers checks puts as PutLayers stores them, given the length in
// code points of each document's text (length reports false for a
// document not stored): it returns copies with a new UUID for each span
// without an ID, or the first problem, naming the document and the layer.
// Both stores check with it, so they refuse the same puts.
func CheckLayers(puts []LayerPut, length func(doc string) (int, bool)) ([]LayerPut, error) {
	out := make([]LayerPut, len(puts))
	seen := make(map[[2]string]bool, len(puts))
	for i, p := range puts {
		n, ok := length(p.Doc)
		if !ok {
			return nil, locale.Wrap(ErrNotFound, "document not found: %q", p.Doc)
		}
		key := [2]string{p.Doc, p.Layer.Name}
		if seen[key] {
			return nil, locale.Errorf("document %q: layer %q given twice", p.Doc, p.Layer.Name)
		}
		seen[key] = true
		if err := corpus.ValidateLayer(p.Layer, n); err != nil {
			return nil, locale.Errorf("document %q: %v", p.Doc, err)
		}
		l := p.Layer
		l.Spans = copySpans(l.Spans)
		l.Curation = l.Curation.Clone()
		if twice, ok := giveSpanIDs(l.Spans); !ok {
			return nil, locale.Errorf("document %q: layer %q: span ID %q used twice", p.Doc, l.Name, twice)
		}
		out[i] = LayerPut{Doc: p.Doc, Layer: l}
	}
	return out, nil
}

// giveSpanIDs gives each of spans without an ID a new UUID, in place; it
// returns false, with the ID, when one is used twice.
func giveSpanIDs(spans []corpus.Span) (twice string, ok bool) {
	ids := make(map[string]bool, len(spans))
	for j := range spans {
		sp := &spans[j]
		if sp.ID == "" {
			sp.ID = uuid.NewString()
		}
		if ids[sp.ID] {
			return sp.ID, false
		}
		ids[sp.ID] = true
	}
	return "", true
}

// SortLayers orders layer infos by name, as Store.Layers returns them.
func SortLayers(infos []corpus.LayerInfo) {
	slices.SortFunc(infos, func(a, b corpus.LayerInfo) int { return strings.Compare(a.Name, b.Name) })
}

// Layers returns the layers of document id, sorted by name, without spans.
func (m *Memory) Layers(id string) ([]corpus.LayerInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	if !ok {
		return nil, locale.Wrap(ErrNotFound, "document not found: %q", id)
	}
	out := make([]corpus.LayerInfo, 0, len(d.layers))
	for _, l := range d.layers {
		out = append(out, l.Info())
	}
	SortLayers(out)
	return out, nil
}

// ReadLayers returns copies of layers names of the documents of ids.
func (m *Memory) ReadLayers(names, ids []string) ([][]corpus.Layer, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([][]corpus.Layer, len(names))
	for i := range out {
		out[i] = make([]corpus.Layer, len(ids))
	}
	for j, id := range ids {
		d, ok := m.docs[id]
		if !ok {
			return nil, locale.Wrap(ErrNotFound, "document not found: %q", id)
		}
		for i, name := range names {
			if l, ok := d.layers[name]; ok {
				l.Spans = copySpans(l.Spans)
				l.Curation = l.Curation.Clone()
				out[i][j] = l
			}
		}
	}
	return out, nil
}

// Layer returns a copy of document id's layer name.
func (m *Memory) Layer(id, name string) (corpus.Layer, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	if !ok {
		return corpus.Layer{}, locale.Wrap(ErrNotFound, "document not found: %q", id)
	}
	l, ok := d.layers[name]
	if !ok {
		return corpus.Layer{}, locale.Wrap(ErrNoLayer, "document %q has no layer %q", id, name)
	}
	l.Spans = copySpans(l.Spans)
	l.Curation = l.Curation.Clone()
	return l, nil
}

// LayerIndex returns the layers of every document that has any, by
// document ID, as Layers returns them.
func (m *Memory) LayerIndex() (map[string][]corpus.LayerInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string][]corpus.LayerInfo)
	for id, d := range m.docs {
		if len(d.layers) == 0 {
			continue
		}
		infos := make([]corpus.LayerInfo, 0, len(d.layers))
		for _, l := range d.layers {
			infos = append(infos, l.Info())
		}
		SortLayers(infos)
		out[id] = infos
	}
	return out, nil
}

// PutLayers stores copies of the layers, all or none; see CheckLayers for
// what it refuses.
func (m *Memory) PutLayers(puts []LayerPut) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	puts, err := CheckLayers(puts, func(id string) (int, bool) {
		d, ok := m.docs[id]
		if !ok {
			return 0, false
		}
		return utf8.RuneCountInString(d.doc.Text), true
	})
	if err != nil {
		return err
	}
	next := make(map[string]map[string]corpus.Layer)
	for _, p := range puts {
		layers, ok := next[p.Doc]
		if !ok {
			layers = make(map[string]corpus.Layer, len(m.docs[p.Doc].layers)+1)
			for name, l := range m.docs[p.Doc].layers {
				layers[name] = l
			}
			next[p.Doc] = layers
		}
		layers[p.Layer.Name] = p.Layer
	}
	for id, layers := range next {
		d := *m.docs[id]
		d.layers = layers
		m.docs[id] = &d
	}
	return nil
}

// DeleteLayer removes document id's layer name.
func (m *Memory) DeleteLayer(id, name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	if !ok {
		return locale.Wrap(ErrNotFound, "document not found: %q", id)
	}
	if _, ok := d.layers[name]; !ok {
		return locale.Wrap(ErrNoLayer, "document %q has no layer %q", id, name)
	}
	next := *d
	next.layers = make(map[string]corpus.Layer, len(d.layers)-1)
	for n, l := range d.layers {
		if n != name {
			next.layers[n] = l
		}
	}
	m.docs[id] = &next
	return nil
}
