package dataset

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

// goldStore returns a store of five documents "في غاو أمس" (own spans:
// PLACE غاو) with layers: d1 and d2 have a curated gold layer (DATE أمس,
// decided by rana, and by rana and zaid), d4 a gold layer with a unit
// still open; amal's human layer is on d1 and d2, omar's on d1. d1, d3
// and d4 are done.
func goldStore(t *testing.T) store.Store {
	t.Helper()
	st := store.NewMemory()
	text := "في غاو أمس"
	place := []corpus.Span{{ID: "p", Start: 3, End: 6, Label: corpus.Place, Annotator: "me"}}
	date := []corpus.Span{{ID: "g", Start: 7, End: 10, Label: corpus.Date, Annotator: "rana"}}
	var docs []corpus.Document
	for i := 1; i <= 5; i++ {
		status := corpus.StatusNew
		if i == 1 || i == 3 || i == 4 {
			status = corpus.StatusDone
		}
		docs = append(docs, corpus.Document{ID: fmt.Sprintf("d%d", i), Title: fmt.Sprintf("d%d", i), Text: fmt.Sprintf("%s %d", text, i), Status: status, Spans: place})
	}
	if err := st.Add(docs); err != nil {
		t.Fatal(err)
	}
	gold := func(doc string, open int, curators ...string) store.LayerPut {
		return store.LayerPut{Doc: doc, Layer: corpus.Layer{Name: "gold", Kind: corpus.LayerGold, Spans: date,
			Curation: &corpus.Curation{CurationInfo: corpus.CurationInfo{Layers: []string{"amal", "omar"}, Units: 2, Open: open, Curators: curators}}}}
	}
	human := func(doc, name string, spans []corpus.Span) store.LayerPut {
		return store.LayerPut{Doc: doc, Layer: corpus.Layer{Name: name, Kind: corpus.LayerHuman, Spans: spans}}
	}
	if err := st.PutLayers([]store.LayerPut{
		gold("d1", 0, "rana"), gold("d2", 0, "rana", "zaid"), gold("d4", 1, "rana"),
		human("d1", "amal", place), human("d2", "amal", date), human("d1", "omar", place),
	}); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestExportGold tables where the exported spans come from and which
// documents are exported, by the spans setting.
func TestExportGold(t *testing.T) {
	for _, c := range []struct {
		what    string
		spans   string
		keep    bool
		all     bool
		want    string // each exported document and the label of its span
		from    string
		counted [4]int // Gold, NoGold, Left, Curated
	}{
		{"own spans: the done documents", SpansOwn, false, false, "d1 PLACE, d3 PLACE, d4 PLACE", SpansOwn, [4]int{0, 0, 2, 1}},
		{"automatic with gold: the curated documents, whatever their status", SpansAuto, false, false, "d1 DATE, d2 DATE", SpansGold, [4]int{2, 3, 0, 2}},
		{"gold, keeping the done documents without it (d4's gold has a unit open)", SpansGold, true, false, "d1 DATE, d2 DATE, d3 PLACE, d4 PLACE", SpansGold, [4]int{2, 2, 1, 2}},
		{"gold, keeping every document without it", SpansGold, true, true, "d1 DATE, d2 DATE, d3 PLACE, d4 PLACE, d5 PLACE", SpansGold, [4]int{2, 3, 0, 2}},
	} {
		t.Run(c.what, func(t *testing.T) {
			s := settings()
			s.Spans, s.KeepOwn, s.IncludeAll = c.spans, c.keep, c.all
			s.Ratios = [3]float64{1, 0, 0}
			var buf bytes.Buffer
			stats, err := Export(&buf, goldStore(t), s, nil)
			if err != nil {
				t.Fatal(err)
			}
			docs, _, err := Read("x.zip", buf.Bytes(), opts())
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range docs {
				var labels []string
				for _, sp := range d.Spans {
					labels = append(labels, string(sp.Label))
				}
				got = append(got, d.Title+" "+strings.Join(labels, "+"))
			}
			slices.Sort(got)
			if g := strings.Join(got, ", "); g != c.want {
				t.Errorf("exported %s, want %s", g, c.want)
			}
			if counted := [4]int{stats.Gold, stats.NoGold, stats.Left, stats.Curated}; stats.Spans != c.from || counted != c.counted {
				t.Errorf("spans from %q, gold/no gold/left/curated %v; want %q, %v", stats.Spans, counted, c.from, c.counted)
			}
		})
	}
}

// TestExportGoldNone refuses an export from gold when no document has a
// curated gold layer, and takes the own spans by default then.
func TestExportGoldNone(t *testing.T) {
	docs := []corpus.Document{{ID: "a", Title: "a", Text: "في غاو", Status: corpus.StatusDone,
		Spans: []corpus.Span{{Start: 3, End: 6, Label: corpus.Place}}}}
	s := settings()
	s.Spans = SpansGold
	if _, err := Write(&bytes.Buffer{}, docs, s, nil); err == nil || !strings.Contains(err.Error(), "none of the 1 documents has a curated gold layer") {
		t.Errorf("gold without any: %v", err)
	}
	s.Spans = SpansAuto
	_, files, st := export(t, docs, s)
	if st.Spans != SpansOwn || !strings.Contains(string(files["README.md"]), "Spans from: each document's own layer") {
		t.Errorf("automatic without gold: spans from %q", st.Spans)
	}
}

// TestCardGold checks what the card says of a gold export: where the
// spans come from, the annotators' layers, the curators and the
// agreement figures it was given.
func TestCardGold(t *testing.T) {
	s := settings()
	s.Ratios = [3]float64{1, 0, 0}
	src := goldStore(t)
	p, err := Prepare(src, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Stats.Agreement = &AgreementFigures{Documents: 1, Layers: []string{"amal", "omar"}, FleissKappa: 0.5, Pairs: []PairF1{{A: "amal", B: "omar", F1: 2.0 / 3}}}
	var buf bytes.Buffer
	st, err := WritePlan(&buf, src, s, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	card := Card(s.normal(), &st, nil)
	for _, want := range []string{
		"Spans from: the curated gold layer of 2 document(s); 3 without one were left out.",
		"Annotators' layers of the exported documents: amal (2 documents), omar (1 document).",
		"Curated documents: 2 of 2, by rana, zaid.",
		"Fleiss' kappa over code points 0.500.",
		"| amal · omar | 0.667 |",
	} {
		if !strings.Contains(card, want) {
			t.Errorf("the card lacks %q:\n%s", want, card)
		}
	}
	st.Agreement = nil
	if card := Card(s.normal(), &st, nil); !strings.Contains(card, "Agreement: no figures") {
		t.Error("the card without figures does not say so")
	}
}

// countingStore counts the reads of a store.
type countingStore struct {
	store.Store
	reads, layerReads, indexes int
}

func (c *countingStore) Read(ids []string) ([]corpus.Document, error) {
	c.reads++
	return c.Store.Read(ids)
}

func (c *countingStore) ReadLayers(names, ids []string) ([][]corpus.Layer, error) {
	c.layerReads++
	return c.Store.ReadLayers(names, ids)
}

func (c *countingStore) LayerIndex() (map[string][]corpus.LayerInfo, error) {
	c.indexes++
	return c.Store.LayerIndex()
}

// TestExportGoldReads exports 2,000 documents from gold and counts the
// reads: one of the layers' index, and one of the gold layers per run of
// documents read, never one per document.
func TestExportGoldReads(t *testing.T) {
	st := store.NewMemory()
	const n = 2000
	var docs []corpus.Document
	var puts []store.LayerPut
	for i := range n {
		id := fmt.Sprintf("d%04d", i)
		docs = append(docs, corpus.Document{ID: id, Title: id, Text: fmt.Sprintf("في غاو %d", i)})
		puts = append(puts, store.LayerPut{Doc: id, Layer: corpus.Layer{Name: "gold", Kind: corpus.LayerGold,
			Spans: []corpus.Span{{ID: "g", Start: 3, End: 6, Label: corpus.Place}}}})
	}
	if err := st.Add(docs); err != nil {
		t.Fatal(err)
	}
	if err := st.PutLayers(puts); err != nil {
		t.Fatal(err)
	}
	c := &countingStore{Store: st}
	s := settings()
	s.Spans = SpansGold
	stats, err := Export(&bytes.Buffer{}, c, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Gold != n || stats.Splits[0].Spans+stats.Splits[1].Spans+stats.Splits[2].Spans != n {
		t.Errorf("%d documents from gold, %+v", stats.Gold, stats.Splits)
	}
	if c.indexes != 1 || c.layerReads != c.reads || c.reads > 2*(n/run+3) {
		t.Errorf("%d reads of the index, %d of the gold layers, %d of documents", c.indexes, c.layerReads, c.reads)
	}
}
