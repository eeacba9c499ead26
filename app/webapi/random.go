//go:build wasm

package webapi

import (
	"bufio"
	"crypto/rand"

	"github.com/google/uuid"
)

// BatchUUIDRandomness makes new UUIDs take their random bytes from
// crypto.getRandomValues 64 KiB at a time, instead of 16 bytes for each.
// Each call of getRandomValues leaves an object for the browser's
// collector, which in a worker may not run before the work is done: an
// import of 100 MB, a UUID for each of its 687,400 spans, left 80 MB of
// them in the worker that read it. Call it once, before any UUID is made.
func BatchUUIDRandomness() {
	// The pool draws from the reader under its own lock, so the buffered
	// reader is never read by two goroutines at once.
	uuid.SetRand(bufio.NewReaderSize(rand.Reader, 64<<10))
	uuid.EnableRandPool()
}
