package store_test

import (
	"reflect"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/store/storetest"
)

func TestMemoryContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return store.NewMemory() })
}

// TestMemoryApplyValidates checks what Memory adds to the contract: an edit
// that would make spans overlap is refused without a change.
func TestMemoryApplyValidates(t *testing.T) {
	m := store.NewMemory()
	d := corpus.Document{ID: "a", Text: "في ولاية كاي", Status: corpus.StatusNew,
		Spans: []corpus.Span{{ID: "s1", Start: 9, End: 12, Label: corpus.Place}}}
	if err := m.Add([]corpus.Document{d}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		e    store.Edit
	}{
		{"overlap", store.Edit{Put: []corpus.Span{{ID: "s2", Start: 3, End: 10, Label: corpus.Place}}}},
		{"put twice", store.Edit{Put: []corpus.Span{{ID: "s2", Start: 0, End: 2, Label: corpus.Date}, {ID: "s2", Start: 0, End: 2, Label: corpus.Date}}}},
		{"unknown status", store.Edit{Summary: corpus.Summary{Status: "finished"}}},
	}
	for _, tt := range tests {
		if err := m.Apply("a", tt.e); err == nil {
			t.Errorf("Apply with %s succeeded", tt.name)
		}
	}
	got, _, err := m.Open("a")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Spans) != 1 || !reflect.DeepEqual(got.Spans[0], d.Spans[0]) || got.Status != corpus.StatusNew {
		t.Errorf("store changed by failed applies: %+v", got)
	}
}

// damagedList is a Store whose List finds a damaged record.
type damagedList struct{ store.Store }

func (d damagedList) List() ([]corpus.Summary, error) {
	sums, _ := d.Store.List()
	return sums, &store.DamagedError{IDs: []string{"broken"}}
}

func TestSkipDamaged(t *testing.T) {
	m := store.NewMemory()
	if err := m.Add([]corpus.Document{{ID: "a", Title: "a", Text: "كاي"}}); err != nil {
		t.Fatal(err)
	}
	var told []string
	st := store.SkipDamaged(damagedList{m}, func(d *store.DamagedError) { told = append(told, d.IDs...) })
	sums, err := st.List()
	if err != nil || len(sums) != 1 || sums[0].ID != "a" {
		t.Errorf("List = %v, %v; want the readable document and no error", sums, err)
	}
	if len(told) != 1 || told[0] != "broken" {
		t.Errorf("told %v, want [broken]", told)
	}
	if sums, err := store.SkipDamaged(m, nil).List(); err != nil || len(sums) != 1 {
		t.Errorf("a store without damage: %v, %v", sums, err)
	}
}
