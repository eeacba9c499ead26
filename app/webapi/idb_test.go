//go:build wasm

package webapi

import (
	"testing"

	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/store/storetest"
)

// emptyIDB opens raqim's database and empties its data stores, for a
// conformance case that needs a new, empty store.
func emptyIDB(t *testing.T) store.Store {
	d, err := OpenIDB()
	if err != nil {
		t.Fatal(err)
	}
	tx, err := d.begin("readwrite", "emptying the database")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range allStores {
		if s != storeMeta {
			tx.store(s.(string)).Call("clear")
		}
	}
	if err := tx.wait(); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestIDBConformance runs the store contract's suite against the browser's
// IndexedDB; the e2e test TestIndexedDBConformance runs it in Chromium.
func TestIDBConformance(t *testing.T) {
	storetest.Run(t, emptyIDB)
}
