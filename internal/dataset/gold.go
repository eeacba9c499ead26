package dataset

import (
	"slices"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
)

// Where an export's spans come from (Settings.Spans).
const (
	// SpansAuto takes SpansGold when some document has a curated gold
	// layer, else SpansOwn.
	SpansAuto = ""
	// SpansOwn takes each document's own spans.
	SpansOwn = "own"
	// SpansGold takes the spans of each document's curated gold layer; a
	// document without one is left out, or, with Settings.KeepOwn, exported
	// with its own spans when the status setting selects it.
	SpansGold = "gold"
)

// LayerSource is a Source that also holds layers besides the documents'
// own spans (a store), which an export from gold layers reads.
type LayerSource interface {
	Source
	// LayerIndex returns the layers of every document that has any, by ID.
	LayerIndex() (map[string][]corpus.LayerInfo, error)
	// ReadLayers returns layers names of each document of ids: out[i][j]
	// is names[i] of ids[j], a zero Layer for a document without it.
	ReadLayers(names, ids []string) ([][]corpus.Layer, error)
}

// AgreementFigures are what the card says of the agreement of the human
// layers over the exported documents.
type AgreementFigures struct {
	Documents int      `json:"documents"`
	Layers    []string `json:"layers"`
	// Pairs are the pairwise strict span F1s; FleissKappa is Fleiss' kappa
	// over code points of all the layers.
	Pairs       []PairF1 `json:"pairs"`
	FleissKappa float64  `json:"fleiss_kappa_cp"`
}

// PairF1 is the strict span F1 of two layers.
type PairF1 struct {
	A  string  `json:"a"`
	B  string  `json:"b"`
	F1 float64 `json:"f1"`
}

// curatedGold returns the name of the curated gold layer among a
// document's layers: one of kind gold whose curation has no open unit (or
// records none), the first by name; "" when there is none.
func curatedGold(infos []corpus.LayerInfo) string {
	for _, in := range infos {
		if in.Kind == corpus.LayerGold && (in.Curation == nil || in.Curation.Curated()) {
			return in.Name
		}
	}
	return ""
}

// layerIndex returns src's layers' index, or nil when src holds no layers.
func layerIndex(src Source) (map[string][]corpus.LayerInfo, error) {
	if ls, ok := src.(LayerSource); ok {
		return ls.LayerIndex()
	}
	return nil, nil
}

// spansFrom resolves s.Spans against the documents of sums: SpansAuto
// becomes SpansGold when one of them has a curated gold layer.
func spansFrom(s Settings, sums []corpus.Summary, index map[string][]corpus.LayerInfo) string {
	if s.Spans != SpansAuto {
		return s.Spans
	}
	for _, sm := range sums {
		if curatedGold(index[sm.ID]) != "" {
			return SpansGold
		}
	}
	return SpansOwn
}

// describe counts in st what index says of the exported documents ids:
// the human layers they have, the curated ones and their curators.
func describe(st *Stats, ids []string, index map[string][]corpus.LayerInfo) {
	st.HumanLayers = map[string]int{}
	for _, id := range ids {
		infos := index[id]
		for _, in := range infos {
			if in.Kind == corpus.LayerHuman {
				st.HumanLayers[in.Name]++
			}
		}
		name := curatedGold(infos)
		if name == "" {
			continue
		}
		st.Curated++
		for _, in := range infos {
			if in.Name == name && in.Curation != nil {
				for _, c := range in.Curation.Curators {
					if !slices.Contains(st.Curators, c) {
						st.Curators = append(st.Curators, c)
					}
				}
			}
		}
	}
	slices.Sort(st.Curators)
}

// goldSource is a Source whose documents of gold (by ID, their gold
// layer's name) have the spans of that layer in place of their own.
type goldSource struct {
	Source
	layers LayerSource
	gold   map[string]string
}

// withGold returns src reading the documents of gold from their gold
// layers; src itself when gold is empty.
func withGold(src Source, gold map[string]string) (Source, error) {
	if len(gold) == 0 {
		return src, nil
	}
	ls, ok := src.(LayerSource)
	if !ok {
		return nil, locale.Errorf("this corpus holds no layers to export gold from")
	}
	return goldSource{Source: src, layers: ls, gold: gold}, nil
}

// Read reads the documents of ids, then each gold layer among them in one
// read per layer name.
func (g goldSource) Read(ids []string) ([]corpus.Document, error) {
	docs, err := g.Source.Read(ids)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, id := range ids {
		if n, ok := g.gold[id]; ok && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	for _, name := range names {
		var want []string
		var at []int
		for i, id := range ids {
			if g.gold[id] == name {
				want, at = append(want, id), append(at, i)
			}
		}
		read, err := g.layers.ReadLayers([]string{name}, want)
		if err != nil {
			return nil, err
		}
		if len(read) != 1 || len(read[0]) != len(want) {
			return nil, locale.Errorf("reading the corpus: %d layers asked for, %d read", len(want), len(read))
		}
		layers := read[0]
		for k, i := range at {
			if layers[k].Name == "" {
				return nil, locale.Errorf("document %q: its gold layer %q is gone", ids[i], name)
			}
			if i < len(docs) {
				docs[i].Spans = layers[k].Spans
			}
		}
	}
	return docs, nil
}

// Texts reads texts as the Source below does.
func (g goldSource) Texts(ids []string) ([]string, error) { return readTexts(g.Source, ids) }
