//go:build !wasm

package webapi

import (
	"errors"

	"github.com/raqim/raqim/internal/store"
)

// errNative is what the browser APIs say outside a browser (the static
// bundle's generator compiles the page's code natively, never runs it).
var errNative = errors.New("only in a browser")

// IDB stands for the browser's store outside a browser.
type IDB struct {
	store.Store
	Closed func(why string)
}

// OpenIDB fails outside a browser.
func OpenIDB() (*IDB, error) { return nil, errNative }

// Persist fails outside a browser.
func Persist() (bool, error) { return false, errNative }
