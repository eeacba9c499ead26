package training

import (
	"bytes"
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/suggest"
)

func TestSelect(t *testing.T) {
	gold := func(name string) corpus.LayerInfo { return corpus.LayerInfo{Name: name, Kind: corpus.LayerGold} }
	human := corpus.LayerInfo{Name: "amina", Kind: corpus.LayerHuman}
	system := corpus.LayerInfo{Name: "crf", Kind: corpus.LayerSystem}
	sums := []corpus.Summary{
		{ID: "new", Status: corpus.StatusNew},
		{ID: "done", Status: corpus.StatusDone},
		{ID: "progress", Status: corpus.StatusInProgress},
		{ID: "curated", Status: corpus.StatusInProgress},
		{ID: "done-curated", Status: corpus.StatusDone},
		{ID: "done-layers", Status: corpus.StatusDone},
		{ID: "new-layers", Status: corpus.StatusNew},
	}
	tests := []struct {
		name   string
		layers map[string][]corpus.LayerInfo
		want   []Pick
	}{
		{"done only", nil, []Pick{{ID: "done"}, {ID: "done-curated"}, {ID: "done-layers"}}},
		{"a gold layer makes a document count, with its spans", map[string][]corpus.LayerInfo{
			"curated":      {human, gold("gold")},
			"done-curated": {gold("gold")},
			"done-layers":  {human, system},
			"new-layers":   {human, system},
		}, []Pick{{ID: "done"}, {ID: "curated", Gold: "gold"}, {ID: "done-curated", Gold: "gold"}, {ID: "done-layers"}}},
		{"of two gold layers the first by name", map[string][]corpus.LayerInfo{
			"new": {gold("zz"), gold("gold-b"), gold("gold-a")},
		}, []Pick{{ID: "new", Gold: "gold-a"}, {ID: "done"}, {ID: "done-curated"}, {ID: "done-layers"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Select(sums, tt.layers); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Select = %v, want %v", got, tt.want)
			}
		})
	}
	if got := Select(nil, nil); got != nil {
		t.Errorf("Select(nil) = %v", got)
	}
}

// memStore returns a memory store holding the fixture, with statuses, and
// a gold layer on d5 whose spans are its own but the first.
func memStore(t *testing.T, status ...corpus.Status) *store.Memory {
	t.Helper()
	st := store.NewMemory()
	docs := fixture(status...)
	if err := st.Add(docs); err != nil {
		t.Fatal(err)
	}
	if err := st.PutLayers([]store.LayerPut{{Doc: "d5", Layer: corpus.Layer{Name: "gold", Kind: corpus.LayerGold, Spans: docs[4].Spans[1:]}}}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestCollect(t *testing.T) {
	done, pending := corpus.StatusDone, corpus.StatusNew
	st := memStore(t, done, pending, done, done)
	docs, picks, err := Collect(st)
	if err != nil {
		t.Fatal(err)
	}
	want := []Pick{{ID: "d1"}, {ID: "d3"}, {ID: "d4"}, {ID: "d5", Gold: "gold"}}
	if !reflect.DeepEqual(picks, want) {
		t.Fatalf("picks %v, want %v", picks, want)
	}
	fix := fixture()
	for i, d := range docs {
		if d.ID != want[i].ID {
			t.Errorf("document %d is %s, want %s", i, d.ID, want[i].ID)
		}
	}
	if n, w := len(docs[2].Spans), len(fix[3].Spans); n != w {
		t.Errorf("d4: %d spans, want its own %d", n, w)
	}
	if n, w := len(docs[3].Spans), len(fix[4].Spans)-1; n != w {
		t.Errorf("d5: %d spans, want its gold layer's %d", n, w)
	}
}

func TestTrainHeldBackFifth(t *testing.T) {
	e := suggest.New(suggest.Options{})
	all := append(fixture(), fixture()...)
	for i := range all {
		all[i].ID = string(rune('a' + i))
	}
	for _, tt := range []struct{ docs, train, test int }{
		{2, 1, 1}, {4, 3, 1}, {5, 4, 1}, {6, 4, 2}, {10, 8, 2}, {11, 8, 3},
	} {
		_, r, err := Train(e, all[:tt.docs], Seed)
		if err != nil {
			t.Fatalf("%d documents: %v", tt.docs, err)
		}
		if r.Train != tt.train || r.Test != tt.test || len(r.Docs) != tt.docs {
			t.Errorf("%d documents: train %d, test %d, model on %d; want %d, %d, %d", tt.docs, r.Train, r.Test, len(r.Docs), tt.train, tt.test, tt.docs)
		}
	}
	for _, n := range []int{0, 1} {
		if _, _, err := Train(e, all[:n], Seed); err == nil {
			t.Errorf("%d documents: trained", n)
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	e := suggest.New(suggest.Options{})
	docs := fixture()
	train := func(seed uint64) ([]byte, Record) {
		m, r, err := Train(e, docs, seed)
		if err != nil {
			t.Fatal(err)
		}
		b, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		r.Millis = 0
		return b, r
	}
	b1, r1 := train(7)
	b2, r2 := train(7)
	if !bytes.Equal(b1, b2) || !reflect.DeepEqual(r1, r2) {
		t.Errorf("two trainings with seed 7 differ:\n%+v\n%+v", r1, r2)
	}
	if len(r1.Labels) == 0 || r1.Overall.TP+r1.Overall.FN == 0 {
		t.Errorf("no figures: %+v", r1)
	}
	if !slices.IsSortedFunc(r1.Labels, func(a, b Score) int { return cmp.Compare(a.Label, b.Label) }) {
		t.Errorf("labels not sorted: %+v", r1.Labels)
	}
}

// TestRunStoresModel trains on a store's corpus and reads the model and
// its record back, and a model read back tags as the one trained.
func TestRunStoresModel(t *testing.T) {
	done := corpus.StatusDone
	st := memStore(t, done, done, done, done)
	if m, r, err := Load(st); m != nil || r != nil || err != nil {
		t.Fatalf("Load before a training = %v, %v, %v", m, r, err)
	}
	now := time.Date(2025, 10, 9, 10, 0, 0, 0, time.UTC)
	e := suggest.New(suggest.Options{})
	r, err := Run(st, e, Seed, now)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Docs, []string{"d1", "d2", "d3", "d4", "d5"}) || r.Gold != 1 || !r.Trained.Equal(now) || r.Bytes == 0 {
		t.Errorf("record %+v", r)
	}
	m, got, err := Load(st)
	if err != nil || m == nil || got == nil {
		t.Fatalf("Load = %v, %v, %v", m, got, err)
	}
	if !reflect.DeepEqual(*got, r) {
		t.Errorf("record read back %+v, want %+v", *got, r)
	}
	// The model read back proposes the group in the document not trained on.
	d6 := fixture()[5]
	d6.Spans = nil
	found := false
	for _, s := range suggest.New(suggest.Options{Model: m}).Suggest(&d6) {
		if s.Attrs["source"] == string(suggest.Tagger) && string([]rune(d6.Text)[s.Start:s.End]) == "سرايا الوادي" && s.Label == corpus.Actor {
			found = true
		}
	}
	if !found {
		t.Error("the stored model does not propose سرايا الوادي in d6")
	}
	if err := st.PutModel(ModelKey, []byte("junk")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(st); err == nil {
		t.Error("a damaged model was read")
	}
}

func TestDue(t *testing.T) {
	last := &Record{Docs: []string{"a", "b", "c"}}
	ids := func(n int, prefix string) []string {
		var out []string
		for i := range n {
			out = append(out, prefix+string(rune('0'+i)))
		}
		return out
	}
	tests := []struct {
		name string
		done []string
		last *Record
		want bool
	}{
		{"nothing done", nil, nil, false},
		{"four done, never trained", ids(4, "n"), nil, false},
		{"five done, never trained", ids(Retrain, "n"), nil, true},
		{"trained on all", []string{"a", "b", "c"}, last, false},
		{"four newly done", append([]string{"a", "b", "c"}, ids(4, "n")...), last, false},
		{"five newly done", append([]string{"a", "b", "c"}, ids(5, "n")...), last, true},
		{"trained ones undone do not count", ids(5, "n")[:4], last, false},
		{"six newly done, one trained undone", append([]string{"a"}, ids(6, "n")...), last, true},
	}
	for _, tt := range tests {
		if got := Due(tt.done, tt.last); got != tt.want {
			t.Errorf("%s: Due = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDone(t *testing.T) {
	sums := []corpus.Summary{{ID: "a", Status: corpus.StatusDone}, {ID: "b"}, {ID: "c", Status: corpus.StatusInProgress}, {ID: "d", Status: corpus.StatusDone}}
	if got := Done(sums); !reflect.DeepEqual(got, []string{"a", "d"}) {
		t.Errorf("Done = %v", got)
	}
}

// TestSelectAtMost checks that a corpus with more candidates than MaxDocs
// trains on the MaxDocs most recently changed, in list order.
func TestSelectAtMost(t *testing.T) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var sums []corpus.Summary
	for i := range MaxDocs + 50 {
		st := corpus.StatusDone
		if i%10 == 0 {
			st = corpus.StatusNew // not a candidate
		}
		// The older half is changed last: documents 0..(n/2) are the newest.
		mod := base.Add(time.Duration(MaxDocs+50-i) * time.Hour)
		sums = append(sums, corpus.Summary{ID: fmt.Sprintf("d%03d", i), Status: st, Modified: mod})
	}
	picks := Select(sums, nil)
	if len(picks) != MaxDocs {
		t.Fatalf("%d picked, want %d", len(picks), MaxDocs)
	}
	// By hand: candidates are the 315 done ones (every tenth of 350 is new);
	// the newest 300 are the first 300 done ones in list order, so the last
	// 15 done ones (the oldest) are left out.
	seen := map[string]bool{}
	for i, p := range picks {
		if i > 0 && p.ID < picks[i-1].ID {
			t.Fatalf("picks not in list order at %d: %s after %s", i, p.ID, picks[i-1].ID)
		}
		seen[p.ID] = true
	}
	var left []string
	for i := MaxDocs + 49; i >= 0 && len(left) < 15; i-- {
		if i%10 != 0 {
			left = append(left, fmt.Sprintf("d%03d", i))
		}
	}
	for _, id := range left {
		if seen[id] {
			t.Errorf("%s, one of the 15 oldest, was picked", id)
		}
	}
}
