//go:build !wasm

package webapi

import (
	"errors"

	"github.com/raqim/raqim/internal/store"
)

// errNative is what the browser APIs say outside a browser (the static
// bundle's generator compiles the page's code natively, never runs it).
var errNative = errors.New("only in a browser")

// OpenIDB fails outside a browser.
func OpenIDB() (store.Store, error) { return nil, errNative }

// Persist fails outside a browser.
func Persist() (bool, error) { return false, errNative }
