package store_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

func TestKnownAdd(t *testing.T) {
	doc := func(id, text string) corpus.Document {
		return corpus.Document{ID: id, Text: text, Status: corpus.StatusNew}
	}
	tests := []struct {
		name           string
		stored, add    []corpus.Document
		added, skipped int
		first          string
		ids            []string // stored IDs afterwards, in order
	}{
		{"fresh", nil, []corpus.Document{doc("a", "أ"), doc("b", "ب")}, 2, 0, "a", []string{"a", "b"}},
		{"same text, same ID", []corpus.Document{doc("a", "أ")}, []corpus.Document{doc("a", "أ"), doc("b", "ب")}, 1, 1, "a", []string{"a", "b"}},
		{"same text, other ID: first is the stored one", []corpus.Document{doc("a", "أ")}, []corpus.Document{doc("x", "أ")}, 0, 1, "a", []string{"a"}},
		{"same ID, other text: kept as ID-2", []corpus.Document{doc("a", "أ")}, []corpus.Document{doc("a", "ب")}, 1, 0, "a-2", []string{"a", "a-2"}},
		{"one text twice in one call: the second skipped", nil, []corpus.Document{doc("a", "أ"), doc("b", "أ")}, 1, 1, "a", []string{"a"}},
		{"ID-2 taken too", []corpus.Document{doc("a", "أ"), doc("a-2", "ب")}, []corpus.Document{doc("a", "ت")}, 1, 0, "a-3", []string{"a", "a-2", "a-3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := store.NewMemory()
			if err := m.Add(tt.stored); err != nil {
				t.Fatal(err)
			}
			sums, _ := m.List()
			k := store.NewKnown(sums)
			added, skipped, first, err := k.Add(m, tt.add)
			if err != nil {
				t.Fatal(err)
			}
			if len(added) != tt.added || skipped != tt.skipped || first != tt.first {
				t.Errorf("Add = %d added, %d skipped, first %q; want %d, %d, %q", len(added), skipped, first, tt.added, tt.skipped, tt.first)
			}
			sums, _ = m.List()
			var ids []string
			for _, s := range sums {
				ids = append(ids, s.ID)
			}
			if !slices.Equal(ids, tt.ids) {
				t.Errorf("stored %v, want %v", ids, tt.ids)
			}
			for _, d := range tt.add {
				if !k.Has(d) {
					t.Errorf("Has(%q) = false after Add", d.ID)
				}
			}
			// Adding the same documents again adds nothing.
			if again, _, _, _ := k.Add(m, tt.add); len(again) != 0 {
				t.Errorf("second Add added %v", again)
			}
			// Forgotten (and removed), they are added again under the same IDs.
			if err := m.Delete(added...); err != nil {
				t.Fatal(err)
			}
			k.Forget(added...)
			if again, _, _, _ := k.Add(m, tt.add); !slices.Equal(again, added) {
				t.Errorf("Add after Forget added %v, want %v", again, added)
			}
		})
	}
}

// failing is a store whose Add always fails.
type failing struct{ store.Store }

func (failing) Add([]corpus.Document) error { return errors.New("quota exceeded") }

func TestKnownAddFailureIndexesNothing(t *testing.T) {
	k := store.NewKnown(nil)
	d := corpus.Document{ID: "a", Text: "أ", Status: corpus.StatusNew}
	if _, _, _, err := k.Add(failing{store.NewMemory()}, []corpus.Document{d}); err == nil {
		t.Fatal("Add succeeded on a failing store")
	}
	if k.Has(d) {
		t.Error("a document whose Add failed is known")
	}
}

// TestKnownStored checks that a stored text's digest gives its document's
// ID, and that a forgotten or unknown one gives none.
func TestKnownStored(t *testing.T) {
	k := store.NewKnown([]corpus.Summary{{ID: "a", Digest: corpus.DigestOf("أ")}, {ID: "b", Digest: corpus.DigestOf("ب")}})
	k.Forget("b")
	tests := []struct {
		text, id string
		ok       bool
	}{{"أ", "a", true}, {"ب", "", false}, {"ت", "", false}}
	for _, tt := range tests {
		if id, ok := k.Stored(corpus.DigestOf(tt.text)); id != tt.id || ok != tt.ok {
			t.Errorf("Stored(digest of %q) = %q, %v; want %q, %v", tt.text, id, ok, tt.id, tt.ok)
		}
	}
}
