package ui

import (
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

// TestWarmEdits checks that the warm-up makes every kind of edit a key
// makes (label, relabel, proclitic, remove, undo, redo), none refused.
func TestWarmEdits(t *testing.T) {
	if n := warmEdits(corpus.Default); n != 7 {
		t.Errorf("warmEdits made %d edits, want 7", n)
	}
}
