package job_test

import (
	"errors"
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
