package session

import (
	"errors"

	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// Outcome is what came of storing one edit, and so what the app does next.
type Outcome int

const (
	Stored   Outcome = iota // storage holds the edit
	Conflict                // another writer changed the document first: replay the edit on what it stored (Rebase)
	Gone                    // storage was cleared: keep the open document and store it again
	Failed                  // storage refused the edit: undo it on screen and say why
)

// Saves counts the writes handed to storage and what came of them, for the
// save indicator: one value per page, changed only on the UI's goroutine.
type Saves struct {
	pending int    // writes not yet confirmed
	err     string // why the last write that failed did, until all are stored
	seq     int    // changes with every Begin and Done
}

// Begin records a write handed to storage.
func (s *Saves) Begin() { s.pending++; s.seq++ }

// Done records what storage said of a write handed to it by Begin and
// returns what came of it; gone says that storage was found cleared
// before, so that a document it no longer knows is Gone, not Failed.
func (s *Saves) Done(err error, gone bool) Outcome {
	s.pending--
	s.seq++
	switch {
	case err == nil:
		if s.pending == 0 {
			s.err = ""
		}
		return Stored
	case errors.Is(err, store.ErrConflict):
		return Conflict
	case errors.Is(err, store.ErrGone), gone && errors.Is(err, store.ErrNotFound):
		return Gone
	default:
		s.err = err.Error()
		return Failed
	}
}

// End records the end of a write handed to storage by Begin whose failure,
// if err is not nil, the caller handles itself; the indicator shows it.
func (s *Saves) End(err error) {
	s.pending--
	s.seq++
	switch {
	case err != nil:
		s.err = err.Error()
	case s.pending == 0:
		s.err = ""
	}
}

// Pending reports how many writes storage has not confirmed yet.
func (s Saves) Pending() int { return s.pending }

// Seq changes with every change of the count or of the error.
func (s Saves) Seq() int { return s.seq }

// SaveState is what the save indicator shows.
type SaveState struct {
	Class string // "saved", "saving" or "error"
	Text  string // a message key: the UI translates it
	Err   string // why the last write failed, if one did
}

// State returns what the indicator shows: open says storage is open yet,
// durable that it is the browser's storage, not one held in memory.
func (s Saves) State(open, durable bool) SaveState {
	switch {
	case !open:
		return SaveState{Class: "saving", Text: locale.Key("Starting…")}
	case !durable:
		return SaveState{Class: "error", Text: locale.Key("Not saved: no storage")}
	case s.err != "":
		return SaveState{Class: "error", Text: locale.Key("Not saved"), Err: s.err}
	case s.pending > 0:
		return SaveState{Class: "saving", Text: locale.Key("Saving…")}
	}
	return SaveState{Class: "saved", Text: locale.Key("Saved")}
}
