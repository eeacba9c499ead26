//go:build wasm

package main

import (
	"runtime/debug"

	"github.com/google/uuid"
)

// tune sets the browser app up: it keeps a small heap (documents load
// lazily), and collecting less often keeps collections out of the key
// handlers that draw edits; span IDs take their randomness 16 at a time.
func tune() {
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(40 << 20)
	uuid.EnableRandPool()
}

// native does nothing in the browser: app.RunWhenOnBrowser never returns.
func native() {}
