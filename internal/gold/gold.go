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
	"strings"

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
// own), then the others by name. It reads the layers' index, not their
// spans; sums are st's summaries as st.List gives them, or nil to list
// them here.
func Survey(st store.Store, sums []corpus.Summary, own string) ([]Summary, error) {
	sums, err := listed(st, sums)
	if err != nil {
		return nil, err
	}
	index, err := st.LayerIndex()
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
		for _, in := range index[sm.ID] {
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

// DefaultChoice is the layers compared when the user has chosen none: the
// human layers other than the user's own that some document has, and the
// own one too when it has spans and they are fewer than two.
func DefaultChoice(layers []Summary) Choice {
	var c Choice
	own := ""
	for _, l := range layers {
		switch {
		case l.Own && l.Docs > 0:
			own = l.Name
		case !l.Own && l.Kind == corpus.LayerHuman && l.Docs > 0:
			c.Layers = append(c.Layers, l.Name)
		}
	}
	if len(c.Layers) < 2 {
		c.Own = own
	}
	return c
}

// Names returns the names of c's layers, in order.
func (c Choice) Names() []string {
	var out []string
	if c.Own != "" {
		out = append(out, c.Own)
	}
	return append(out, c.Layers...)
}

// chunk is how many documents Read reads at a time: each chunk is one
// read of the store per layer, and no more of the corpus is held at once
// than the layers being built.
const chunk = 200

// inFlight is how many chunks Read reads at once.
const inFlight = 2

// Read returns the chosen layers of st's documents for align.Match: a
// layer holds the documents that have it (every document has the own
// layer). It fails on fewer than two layers, a name chosen twice, or a
// layer no chosen document has. sums are st's summaries as st.List gives
// them, or nil to list them here.
func Read(st store.Store, sums []corpus.Summary, c Choice) ([]align.Layer, error) {
	names := c.Names()
	if len(names) < 2 {
		return nil, locale.Errorf("choose at least two layers to compare")
	}
	for i, n := range names {
		if slices.Contains(names[:i], n) {
			return nil, locale.Errorf("the layer %s is chosen twice", n)
		}
	}
	sums, err := listed(st, sums)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]corpus.Summary, len(sums))
	for _, sm := range sums {
		byID[sm.ID] = sm
	}
	ids := c.Docs
	if len(ids) == 0 {
		for _, sm := range sums {
			ids = append(ids, sm.ID)
		}
	}
	layers := make([]align.Layer, len(names))
	for i, n := range names {
		layers[i].Name = n
	}
	first := 0 // the index in layers of c.Layers[0]
	if c.Own != "" {
		first = 1
	}
	// Chunks are read in ID order, so that each holds neighbouring records
	// of the store, and inFlight at a time, so that the store's wait for one
	// overlaps the decoding of another; the documents keep the order of ids.
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(ids[a], ids[b]) })
	chunkOf := func(i int) []int { return order[i*chunk : min((i+1)*chunk, len(order))] }
	type chunkRead struct {
		docs   []corpus.Document
		layers [][]corpus.Layer // by name of c.Layers
		err    error
	}
	n := (len(order) + chunk - 1) / chunk
	reads := make([]chan chunkRead, n)
	for i := range reads {
		reads[i] = make(chan chunkRead, 1)
	}
	slots, stop := make(chan struct{}, inFlight), make(chan struct{})
	defer close(stop)
	go func() {
		for i := range n {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			go func() {
				at := chunkOf(i)
				part := make([]string, len(at))
				for j, x := range at {
					part[j] = ids[x]
				}
				var r chunkRead
				if r.docs, r.err = documents(st, part, c.Own != "", byID); r.err == nil {
					r.layers, r.err = st.ReadLayers(c.Layers, part)
				}
				reads[i] <- r
			}()
		}
	}()
	docsOf := make([][]*corpus.Document, len(layers)) // by layer, the documents of ids that have it
	for i := range docsOf {
		docsOf[i] = make([]*corpus.Document, len(ids))
	}
	for i := range n {
		r := <-reads[i]
		<-slots
		if r.err != nil {
			return nil, r.err
		}
		at := chunkOf(i)
		if c.Own != "" {
			for j, x := range at {
				docsOf[0][x] = &r.docs[j]
			}
		}
		for k := range c.Layers {
			for j, l := range r.layers[k] {
				if l.Name == "" {
					continue // the document has no such layer
				}
				d := r.docs[j]
				d.Spans = l.Spans
				docsOf[first+k][at[j]] = &d
			}
		}
	}
	for k, byPos := range docsOf {
		for _, d := range byPos {
			if d != nil {
				layers[k].Docs = append(layers[k].Docs, *d)
			}
		}
	}
	for _, l := range layers {
		if len(l.Docs) == 0 {
			return nil, locale.Errorf("no document chosen has the layer %s", l.Name)
		}
	}
	return layers, nil
}

// documents returns the documents of ids: with their own spans when spans
// is set, else only their IDs, titles, texts and digests (the texts read
// alone, the rest from the summaries byID).
func documents(st store.Store, ids []string, spans bool, byID map[string]corpus.Summary) ([]corpus.Document, error) {
	if spans {
		return st.Read(ids)
	}
	texts, err := st.Texts(ids)
	if err != nil {
		return nil, err
	}
	docs := make([]corpus.Document, len(ids))
	for i, id := range ids {
		sm := byID[id]
		docs[i] = corpus.Document{ID: id, Title: sm.Title, Text: texts[i], Digest: sm.Digest}
	}
	return docs, nil
}

// listed returns sums, or st's summaries when sums is nil.
func listed(st store.Store, sums []corpus.Summary) ([]corpus.Summary, error) {
	if sums != nil {
		return sums, nil
	}
	return st.List()
}
