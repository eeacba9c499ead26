package storetest

import (
	"fmt"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

// testTextsMany reads the texts of many documents at once, as an agreement
// does: neighbouring IDs in a scrambled order (the browser's store reads
// them as one range), IDs far apart among many (one by one), IDs whose
// UTF-16 and code-point orders differ, a text holding a NUL among its
// neighbours, and an ID not stored.
func testTextsMany(t *testing.T, s store.Store) {
	var docs []corpus.Document
	want := map[string]string{}
	add := func(id, text string) {
		d := fixture(id)
		d.Text, d.Spans = text, nil
		docs = append(docs, d)
		want[id] = text
	}
	for i := range 40 {
		add(fmt.Sprintf("d%02d", i), fmt.Sprintf("نص الوثيقة %d 🔥", i))
	}
	add("e\uE000", "نص بعد U+E000")
	add("e\U0001F525", "نص بعد 🔥, قبل U+E000 في ترتيب IndexedDB")
	add("n", "نص فيه\x00حرف NUL")
	add("o", "نص بعده")
	mustAdd(t, s, docs...)
	for _, ids := range [][]string{
		{"d07", "d03", "d05", "d04", "d06"}, // neighbours, scrambled
		{"d39", "d00"},                      // far apart among 40
		{"e\uE000", "e\U0001F525"},          // the two orders differ
		{"o", "n"},                          // a NUL in a neighbour
		{"d10", "d11", "d11", "d12"},        // an ID twice
	} {
		got, err := s.Texts(ids)
		if err != nil {
			t.Errorf("Texts(%q): %v", ids, err)
			continue
		}
		if len(got) != len(ids) {
			t.Errorf("Texts(%q) returned %d texts", ids, len(got))
			continue
		}
		for i, id := range ids {
			if got[i] != want[id] {
				t.Errorf("Texts(%q)[%d] = %q, want %q", ids, i, got[i], want[id])
			}
		}
	}
	_, err := s.Texts([]string{"d01", "d015", "d02"})
	wantNotFound(t, "Texts(d01, d015 not stored, d02)", err)
	if got, err := s.Texts(nil); err != nil || len(got) != 0 {
		t.Errorf("Texts(nil) = %q, %v", got, err)
	}
}
