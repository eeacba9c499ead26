// Package training trains the learned tagger on a corpus in a store: which
// documents it learns from (those marked done, and the gold layer of
// curated ones), its evaluation on a held-back fifth of them, the record of
// a training kept beside the model, and when a new training is due.
package training

import (
	"cmp"
	"encoding/json"
	"slices"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/spanscore"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/tagger"
)

// The names of the model records a training stores (see store.Store.Model).
const (
	ModelKey  = "tagger"        // the model, tagger.Model's binary form
	RecordKey = "tagger.record" // the Record of its training, as JSON
)

// Retrain is how many documents newly done since the last training make
// the next one due (see Due).
const Retrain = 5

// MaxDocs is how many documents a training reads at most: the most
// recently changed of those Select picks. Training is superlinear in time
// and memory (2,000 articles took 38 s natively and allocated 5.9 GB), and
// runs in the tab's background worker.
const MaxDocs = 300

// Seed is the seed of the trainings the app starts.
const Seed = 20251007

// Pick is a document chosen to train on: its own spans, or those of its
// gold layer Gold when it has one.
type Pick struct {
	ID   string `json:"id"`
	Gold string `json:"gold,omitempty"`
}

// Select returns the documents to train on, in the order of sums: each
// that has a layer of kind gold (curated; its first by name), and each
// marked done, the MaxDocs most recently changed of them when there are
// more; layers holds the layers of the documents that have any.
func Select(sums []corpus.Summary, layers map[string][]corpus.LayerInfo) []Pick {
	if n := len(sums); n > MaxDocs {
		// The candidates, newest first, cut once they are too many.
		var cands []corpus.Summary
		for _, s := range sums {
			if s.Status == corpus.StatusDone || hasGold(layers[s.ID]) {
				cands = append(cands, s)
			}
		}
		if len(cands) > MaxDocs {
			slices.SortStableFunc(cands, func(a, b corpus.Summary) int { return b.Modified.Compare(a.Modified) })
			keep := make(map[string]bool, MaxDocs)
			for _, s := range cands[:MaxDocs] {
				keep[s.ID] = true
			}
			kept := make([]corpus.Summary, 0, MaxDocs)
			for _, s := range sums {
				if keep[s.ID] {
					kept = append(kept, s)
				}
			}
			sums = kept
		}
	}
	var out []Pick
	for _, s := range sums {
		gold := ""
		for _, l := range layers[s.ID] {
			if l.Kind == corpus.LayerGold && (gold == "" || l.Name < gold) {
				gold = l.Name
			}
		}
		if gold != "" || s.Status == corpus.StatusDone {
			out = append(out, Pick{ID: s.ID, Gold: gold})
		}
	}
	return out
}

// hasGold reports whether infos hold a layer of kind gold.
func hasGold(infos []corpus.LayerInfo) bool {
	return slices.ContainsFunc(infos, func(l corpus.LayerInfo) bool { return l.Kind == corpus.LayerGold })
}

// Collect reads from st the documents Select picks, each with the spans
// it is trained on, a run of them at a time.
func Collect(st store.Store) ([]corpus.Document, []Pick, error) {
	sums, err := st.List()
	if err != nil {
		return nil, nil, err
	}
	layers, err := st.LayerIndex()
	if err != nil {
		return nil, nil, err
	}
	picks := Select(sums, layers)
	docs := make([]corpus.Document, 0, len(picks))
	const run = 32
	for i := 0; i < len(picks); i += run {
		part := picks[i:min(i+run, len(picks))]
		ids := make([]string, len(part))
		for j, p := range part {
			ids[j] = p.ID
		}
		read, err := st.Read(ids)
		if err != nil {
			return nil, nil, err
		}
		for j, p := range part {
			if p.Gold != "" {
				l, err := st.Layer(p.ID, p.Gold)
				if err != nil {
					return nil, nil, err
				}
				read[j].Spans = l.Spans
			}
		}
		docs = append(docs, read...)
	}
	return docs, picks, nil
}

// Score is the strict-match counts and figures of one label (or of all).
type Score struct {
	Label     corpus.Label `json:"label,omitempty"`
	TP        int          `json:"tp"`
	FP        int          `json:"fp"`
	FN        int          `json:"fn"`
	Precision float64      `json:"precision"`
	Recall    float64      `json:"recall"`
	F1        float64      `json:"f1"`
}

func scoreOf(l corpus.Label, c spanscore.Counts) Score {
	return Score{Label: l, TP: c.TP, FP: c.FP, FN: c.FN, Precision: c.Precision(), Recall: c.Recall(), F1: c.F1()}
}

// Record is what is kept of a training beside its model.
type Record struct {
	Trained time.Time `json:"trained"`
	Seed    uint64    `json:"seed"`
	// Docs are the documents the model was trained on (all those picked),
	// Gold how many of them by their gold layer.
	Docs []string `json:"docs"`
	Gold int      `json:"gold,omitempty"`
	// Train and Test are the documents of the evaluation: the model it
	// scored was trained on Train of them and scored on the other Test
	// (the held-back fifth).
	Train int `json:"train"`
	Test  int `json:"test"`
	// Labels are the held-back fifth's figures per label, sorted by label;
	// Overall all labels'.
	Labels  []Score `json:"labels"`
	Overall Score   `json:"overall"`
	// Millis is how long the training took, evaluation included.
	Millis int64 `json:"millis"`
	// Bytes is the size of the stored model.
	Bytes int `json:"bytes"`
}

// Train evaluates a model on docs (tagger.Evaluate: trained on four
// fifths, scored on the fifth held back, chosen by seed), then trains the
// model to keep on all of docs, with e's rule sources as hints; it needs
// two documents or more.
func Train(e *suggest.Engine, docs []corpus.Document, seed uint64) (*tagger.Model, Record, error) {
	if len(docs) < 2 {
		return nil, Record{}, locale.Errorf("Training needs at least 2 documents marked done (or curated); there are %d.", len(docs))
	}
	began := time.Now()
	cfg := tagger.Config{Seed: seed}
	rep, err := tagger.Evaluate(docs, e.Hinter(), cfg)
	if err != nil {
		return nil, Record{}, err
	}
	m, err := e.Train(docs, cfg)
	if err != nil {
		return nil, Record{}, err
	}
	r := Record{Seed: seed, Train: rep.Train, Test: rep.Test, Overall: scoreOf("", rep.Overall)}
	for l, c := range rep.Labels {
		r.Labels = append(r.Labels, scoreOf(l, *c))
	}
	slices.SortFunc(r.Labels, func(a, b Score) int { return cmp.Compare(a.Label, b.Label) })
	r.Docs = make([]string, len(docs))
	for i, d := range docs {
		r.Docs[i] = d.ID
	}
	r.Millis = time.Since(began).Milliseconds()
	return m, r, nil
}

// Run trains on st's corpus (Collect, Train) and stores the model and its
// record, stamped now; it returns the record.
func Run(st store.Store, e *suggest.Engine, seed uint64, now time.Time) (Record, error) {
	docs, picks, err := Collect(st)
	if err != nil {
		return Record{}, err
	}
	m, r, err := Train(e, docs, seed)
	if err != nil {
		return Record{}, err
	}
	for _, p := range picks {
		if p.Gold != "" {
			r.Gold++
		}
	}
	data, err := m.MarshalBinary()
	if err != nil {
		return Record{}, err
	}
	r.Trained, r.Bytes = now, len(data)
	rec, err := json.Marshal(r)
	if err != nil {
		return Record{}, err
	}
	if err := st.PutModel(ModelKey, data); err != nil {
		return Record{}, err
	}
	if err := st.PutModel(RecordKey, rec); err != nil {
		return Record{}, err
	}
	return r, nil
}

// Load returns the model and the record stored in st, or nils when none is.
func Load(st store.Store) (*tagger.Model, *Record, error) {
	rec, err := LoadRecord(st)
	if err != nil || rec == nil {
		return nil, nil, err
	}
	data, err := st.Model(ModelKey)
	if err != nil || data == nil {
		return nil, nil, err
	}
	m := new(tagger.Model)
	if err := m.UnmarshalBinary(data); err != nil {
		return nil, nil, locale.Errorf("the stored tagger is damaged: %v", err)
	}
	return m, rec, nil
}

// LoadRecord returns the record of the last training stored in st, or nil.
func LoadRecord(st store.Store) (*Record, error) {
	data, err := st.Model(RecordKey)
	if err != nil || data == nil {
		return nil, err
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, locale.Errorf("the stored tagger is damaged: %v", err)
	}
	return &r, nil
}

// Due reports whether a training is due: when Retrain or more of the
// documents marked done (done) were not trained on by the last training
// (last; nil when there was none).
func Due(done []string, last *Record) bool {
	var trained map[string]bool
	if last != nil {
		trained = make(map[string]bool, len(last.Docs))
		for _, id := range last.Docs {
			trained[id] = true
		}
	}
	n := 0
	for _, id := range done {
		if !trained[id] {
			n++
		}
	}
	return n >= Retrain
}

// Done returns the IDs of the documents of sums marked done.
func Done(sums []corpus.Summary) []string {
	var out []string
	for _, s := range sums {
		if s.Status == corpus.StatusDone {
			out = append(out, s.ID)
		}
	}
	return out
}
