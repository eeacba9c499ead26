package session

import (
	"errors"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/editor"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/store"
)

// TestRebase plays two tabs on one stored document: each makes edits on
// the state it opened, the second tab's are refused as conflicts, and
// Rebase replays them on what the first stored. The edit that fits is
// stored on top, the one over the first tab's words is dropped and said,
// and storage then holds both tabs' spans without an overlap.
func TestRebase(t *testing.T) {
	text := "هاجم مسلحون قرية قرب مدينة كاي صباح الثلاثاء"
	st := store.NewMemory()
	if err := st.Add([]corpus.Document{{ID: "d", Title: "d", Text: text, Status: corpus.StatusNew}}); err != nil {
		t.Fatal(err)
	}
	open := func() *editor.Editor {
		doc, log, err := st.Open("d")
		if err != nil {
			t.Fatal(err)
		}
		return editor.New(doc, log, corpus.Default, "", nil)
	}
	a, b := open(), open()
	save := func(ed *editor.Editor, e store.Edit, err error) error {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return st.Apply("d", e)
	}
	// Tab a labels مسلحون (5–11) and كاي (27–30).
	e, _, err := a.Label(5, 11, corpus.Actor)
	if err := save(a, e, err); err != nil {
		t.Fatal(err)
	}
	e, _, err = a.Label(27, 30, corpus.Place)
	if err := save(a, e, err); err != nil {
		t.Fatal(err)
	}
	// Tab b, which has not seen them, labels مسلحون as CASUALTY and الثلاثاء (36–44).
	var refused []history.Change
	for _, r := range [][2]int{{5, 11}, {36, 44}} {
		l := corpus.Casualty
		if r[0] == 36 {
			l = corpus.Date
		}
		e, _, err := b.Label(r[0], r[1], l)
		if err := save(b, e, err); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("tab b's edit of [%d,%d): %v, want store.ErrConflict", r[0], r[1], err)
		}
		refused = append(refused, b.Last())
	}
	r, err := Rebase(st, "d", refused, corpus.Default, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Edits) != 1 || len(r.Refused) != 1 {
		t.Fatalf("%d edits to store, %d refused (%v); want 1 and 1", len(r.Edits), len(r.Refused), r.Refused)
	}
	var overlap *editor.OverlapError
	if !errors.As(r.Refused[0], &overlap) || overlap.Span.Label != corpus.Actor {
		t.Errorf("the clash is told as %v, want an overlap with the ACTOR span", r.Refused[0])
	}
	for _, e := range r.Edits {
		if err := st.Apply("d", e); err != nil {
			t.Fatalf("storing a rebased edit: %v", err)
		}
	}
	doc, _, _ := st.Open("d")
	var got []string
	for _, sp := range doc.Spans {
		got = append(got, string(sp.Label))
	}
	if len(doc.Spans) != 3 || got[0] != "ACTOR" || got[1] != "PLACE" || got[2] != "DATE" {
		t.Errorf("stored spans %v, want ACTOR, PLACE, DATE", got)
	}
	if err := corpus.Validate(&doc, corpus.Default); err != nil {
		t.Errorf("stored document: %v", err)
	}
	if doc.Rev != r.Editor.Doc().Rev {
		t.Errorf("stored revision %q, the rebased editor's %q", doc.Rev, r.Editor.Doc().Rev)
	}
}

func TestDiff(t *testing.T) {
	sp := func(id string, start, end int, l corpus.Label) corpus.Span {
		return corpus.Span{ID: id, Start: start, End: end, Label: l}
	}
	a, b, c := sp("a", 0, 3, corpus.Place), sp("b", 5, 9, corpus.Actor), sp("c", 10, 12, corpus.Date)
	relabelled, moved := sp("b", 5, 9, corpus.Casualty), sp("c", 11, 12, corpus.Date)
	valued := a
	valued.Attrs = map[string]string{"gazetteer_id": "ml-kay"}
	ids := func(spans []corpus.Span) string {
		var out []string
		for _, s := range spans {
			out = append(out, s.ID+string(s.Label)[:1])
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct {
		name                   string
		before, after          []corpus.Span
		wantAdded, wantRemoved string
	}{
		{"same", []corpus.Span{a, b}, []corpus.Span{a, b}, "", ""},
		{"one added", []corpus.Span{a}, []corpus.Span{a, b}, "bA", ""},
		{"one removed", []corpus.Span{a, b}, []corpus.Span{b}, "", "aP"},
		{"relabelled and moved", []corpus.Span{a, b, c}, []corpus.Span{a, relabelled, moved}, "bC,cD", "bA,cD"},
		{"an attribute set", []corpus.Span{a}, []corpus.Span{valued}, "aP", "aP"},
	} {
		added, removed := Diff(tc.before, tc.after)
		if ids(added) != tc.wantAdded || ids(removed) != tc.wantRemoved {
			t.Errorf("%s: added %q removed %q, want %q and %q", tc.name, ids(added), ids(removed), tc.wantAdded, tc.wantRemoved)
		}
	}
}
