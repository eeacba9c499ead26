//go:build !shared

package testcorpus

import (
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

// addShared adds nothing without the tag "shared": Corpora then holds the
// project's own corpora only, and nothing reads the shared folder.
func addShared(testing.TB, map[string][]corpus.Document) {}
