package job_test

import (
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/store"
)

// noDelete is a store whose Delete fails.
type noDelete struct{ store.Store }

func (noDelete) Delete(...string) error { return errors.New("the database is closing") }

// TestRollback checks that a failed import's documents are removed, and
// that the error says so when they cannot be.
func TestRollback(t *testing.T) {
	failed := errors.New("b.jsonl line 9: bad offsets")
	docs := []corpus.Document{
		{ID: "a", Text: "أ", Status: corpus.StatusNew},
		{ID: "b", Text: "ب", Status: corpus.StatusNew},
		{ID: "c", Text: "ج", Status: corpus.StatusNew},
	}
	tests := []struct {
		name        string
		wrap        func(store.Store) store.Store
		stored      []string
		wantRemoved bool
		wantErr     string
		wantLeft    int
	}{
		{"nothing stored", func(s store.Store) store.Store { return s }, nil, false, failed.Error(), 3},
		{"two stored", func(s store.Store) store.Store { return s }, []string{"b", "c"}, true, failed.Error(), 1},
		{"delete fails", func(s store.Store) store.Store { return noDelete{s} }, []string{"b", "c"}, false,
			failed.Error() + "; and 2 documents stored before it could not be removed: the database is closing", 3},
	}
	for _, tt := range tests {
		mem := store.NewMemory()
		if err := mem.Add(docs); err != nil {
			t.Fatal(err)
		}
		err, removed := job.Rollback(tt.wrap(mem), tt.stored, failed)
		if removed != tt.wantRemoved || err.Error() != tt.wantErr {
			t.Errorf("%s: Rollback = %q, %v; want %q, %v", tt.name, err, removed, tt.wantErr, tt.wantRemoved)
		}
		if !errors.Is(err, failed) && !strings.Contains(err.Error(), failed.Error()) {
			t.Errorf("%s: the import's own error is lost: %v", tt.name, err)
		}
		if sums, _ := mem.List(); len(sums) != tt.wantLeft {
			t.Errorf("%s: %d documents left, want %d", tt.name, len(sums), tt.wantLeft)
		}
	}
}

// failLayers is a store whose layer writes fail.
type failLayers struct{ store.Store }

func (failLayers) DeleteLayer(string, string) error { return errors.New("the database is closing") }
func (failLayers) PutLayers([]store.LayerPut) error { return errors.New("the database is closing") }

// TestRollbackLayers checks that a failed import's layers are removed and
// the ones they replaced put back, and that the error says so when they
// cannot be.
func TestRollbackLayers(t *testing.T) {
	failed := errors.New("b.jsonl line 9: bad offsets")
	layer := func(name string, l corpus.Label) corpus.Layer {
		return corpus.Layer{Name: name, Kind: corpus.LayerHuman, Spans: []corpus.Span{{ID: "s", Start: 0, End: 1, Label: l}}}
	}
	tests := []struct {
		name     string
		wrap     func(store.Store) store.Store
		layered  []job.LayerRef
		replaced []store.LayerPut
		wantErr  string
		want     map[string]string // layer name → its label, of document a
	}{
		{"nothing put", func(s store.Store) store.Store { return s }, nil, nil, failed.Error(), map[string]string{"new": "DATE", "old": "DATE"}},
		{"one new, one replaced", func(s store.Store) store.Store { return s },
			[]job.LayerRef{{Doc: "a", Name: "new"}, {Doc: "a", Name: "old"}}, []store.LayerPut{{Doc: "a", Layer: layer("old", corpus.Place)}},
			failed.Error(), map[string]string{"old": "PLACE"}},
		{"a layer deleted since", func(s store.Store) store.Store { return s },
			[]job.LayerRef{{Doc: "a", Name: "gone"}, {Doc: "missing", Name: "new"}}, nil, failed.Error(), map[string]string{"new": "DATE", "old": "DATE"}},
		{"writes fail", func(s store.Store) store.Store { return failLayers{s} },
			[]job.LayerRef{{Doc: "a", Name: "new"}}, nil,
			failed.Error() + "; and the layers it put before it could not all be undone: the database is closing", map[string]string{"new": "DATE", "old": "DATE"}},
	}
	for _, tt := range tests {
		mem := store.NewMemory()
		if err := mem.Add([]corpus.Document{{ID: "a", Text: "أب", Status: corpus.StatusNew}}); err != nil {
			t.Fatal(err)
		}
		if err := mem.PutLayers([]store.LayerPut{{Doc: "a", Layer: layer("new", corpus.Date)}, {Doc: "a", Layer: layer("old", corpus.Date)}}); err != nil {
			t.Fatal(err)
		}
		err := job.RollbackLayers(tt.wrap(mem), tt.layered, tt.replaced, failed)
		if err.Error() != tt.wantErr {
			t.Errorf("%s: RollbackLayers = %q, want %q", tt.name, err, tt.wantErr)
		}
		got := map[string]string{}
		infos, _ := mem.Layers("a")
		for _, info := range infos {
			l, _ := mem.Layer("a", info.Name)
			got[info.Name] = string(l.Spans[0].Label)
		}
		if !maps.Equal(got, tt.want) {
			t.Errorf("%s: layers of a %v, want %v", tt.name, got, tt.want)
		}
	}
}
