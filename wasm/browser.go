//go:build wasm

package main

import (
	"runtime/debug"

	"github.com/raqim/raqim/app/webapi"
)

// tune sets the browser app up: it keeps a small heap (documents load
// lazily), and collecting less often keeps collections out of the key
// handlers that draw edits; span IDs take their randomness in batches.
func tune() {
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(40 << 20)
	webapi.BatchUUIDRandomness()
}

// native does nothing in the browser: app.RunWhenOnBrowser never returns.
func native() {}
