package session

import (
	"errors"
	"fmt"
	"testing"

	"github.com/raqim/raqim/internal/store"
)

// TestSaves walks the save indicator through writes that succeed, fail,
// clash with another tab and find storage cleared, in the order storage
// answers them.
func TestSaves(t *testing.T) {
	quota := errors.New("QuotaExceededError")
	var s Saves
	if got := s.State(false, true).Class; got != "saving" {
		t.Errorf("before storage is open: %s, want saving", got)
	}
	if got := s.State(true, false).Text; got != "Not saved: no storage" {
		t.Errorf("without storage: %q", got)
	}
	steps := []struct {
		what    string
		begin   int   // writes handed to storage first
		err     error // what storage answers the oldest
		gone    bool
		want    Outcome
		state   string
		pending int
	}{
		{"one write stored", 1, nil, false, Stored, "saved", 0},
		{"two handed, the first stored", 2, nil, false, Stored, "saving", 1},
		{"the second fails", 0, quota, false, Failed, "error", 0},
		{"a conflict leaves the error as it was", 1, fmt.Errorf("doc d: %w", store.ErrConflict), false, Conflict, "error", 0},
		{"a write stored with none pending clears it", 1, nil, false, Stored, "saved", 0},
		{"storage cleared", 1, store.ErrGone, false, Gone, "saved", 0},
		{"a document unknown once storage was found cleared", 1, store.ErrNotFound, true, Gone, "saved", 0},
		{"a document unknown otherwise", 1, store.ErrNotFound, false, Failed, "error", 0},
	}
	for _, st := range steps {
		seq := s.Seq()
		for range st.begin {
			s.Begin()
		}
		if got := s.Done(st.err, st.gone); got != st.want {
			t.Errorf("%s: outcome %d, want %d", st.what, got, st.want)
		}
		if got := s.State(true, true); got.Class != st.state || s.Pending() != st.pending {
			t.Errorf("%s: state %+v with %d pending, want %s with %d", st.what, got, s.Pending(), st.state, st.pending)
		}
		if s.Seq() == seq {
			t.Errorf("%s: Seq did not change", st.what)
		}
	}
	if got := s.State(true, true); got.Err != store.ErrNotFound.Error() {
		t.Errorf("the error shown is %q, want the last failure's", got.Err)
	}
	// End: a rebase that fails shows its error; one that succeeds clears it.
	s.Begin()
	s.End(quota)
	if got := s.State(true, true); got.Err != quota.Error() || s.Pending() != 0 {
		t.Errorf("after End(err): %+v, %d pending", got, s.Pending())
	}
	s.Begin()
	s.End(nil)
	if got := s.State(true, true).Class; got != "saved" {
		t.Errorf("after End(nil): %s, want saved", got)
	}
}
