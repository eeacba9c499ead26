// Package history records edits of a document's spans as reversible changes,
// for undo and redo that survive a reload.
package history

import "github.com/raqim/raqim/internal/corpus"

// Change is one user edit: the spans it removed, the spans it added, and the
// document status before and after (equal when the edit left it alone).
// Relabelling is the removal of the old span and the addition of the new one.
type Change struct {
	Removed      []corpus.Span `json:"removed,omitempty"`
	Added        []corpus.Span `json:"added,omitempty"`
	StatusBefore corpus.Status `json:"status_before,omitempty"`
	StatusAfter  corpus.Status `json:"status_after,omitempty"`
}

// Inverse returns the change that undoes c.
func (c Change) Inverse() Change {
	return Change{Removed: c.Added, Added: c.Removed, StatusBefore: c.StatusAfter, StatusAfter: c.StatusBefore}
}

// Limit is the number of changes a Log keeps for undo; older ones are dropped.
const Limit = 200

// Log is a document's undo and redo stacks. The last element of each is the top.
type Log struct {
	Done   []Change `json:"done,omitempty"`
	Undone []Change `json:"undone,omitempty"`
}

// Record returns the log after a new change c: c is pushed on Done (dropping
// the oldest beyond Limit) and the redo stack is cleared. l is not modified.
func (l Log) Record(c Change) Log {
	done := l.Done
	if len(done) >= Limit {
		done = done[len(done)-Limit+1:]
	}
	return Log{Done: append(done[:len(done):len(done)], c)}
}

// Undo returns the change to apply to undo the last change, and the log
// after it; ok is false when there is nothing to undo.
func (l Log) Undo() (c Change, next Log, ok bool) {
	if len(l.Done) == 0 {
		return Change{}, l, false
	}
	last := l.Done[len(l.Done)-1]
	return last.Inverse(), Log{
		Done:   l.Done[: len(l.Done)-1 : len(l.Done)-1],
		Undone: append(l.Undone[:len(l.Undone):len(l.Undone)], last),
	}, true
}

// Redo returns the change to apply to redo the last undone change, and the
// log after it; ok is false when there is nothing to redo.
func (l Log) Redo() (c Change, next Log, ok bool) {
	if len(l.Undone) == 0 {
		return Change{}, l, false
	}
	last := l.Undone[len(l.Undone)-1]
	return last, Log{
		Done:   append(l.Done[:len(l.Done):len(l.Done)], last),
		Undone: l.Undone[: len(l.Undone)-1 : len(l.Undone)-1],
	}, true
}
