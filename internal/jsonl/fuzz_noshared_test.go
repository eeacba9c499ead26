//go:build !shared

package jsonl

import "testing"

// sharedSeeds gives no fuzz seed without the tag "shared", which alone may
// read the shared corpus.
func sharedSeeds(testing.TB) [][]byte { return nil }
