// Package store defines how raqim persists a corpus, and provides an
// in-memory implementation for tests. The browser's IndexedDB
// implementation lives with the other browser adapters, outside internal/.
package store

import (
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/locale"
)

// Errors of a Store.
var (
	// ErrNotFound is returned for a document ID the store does not hold.
	ErrNotFound = locale.Errorf("document not found")
	// ErrConflict is returned by Apply for an edit made on a state of the
	// document that is no longer the stored one: another writer (another
	// tab) stored an edit of it meanwhile.
	ErrConflict = locale.Errorf("the document was changed elsewhere meanwhile")
	// ErrGone is returned when the storage itself was cleared while in use
	// (by the browser under storage pressure, or by the user): what it
	// held is lost, and it starts again empty.
	ErrGone = locale.Errorf("this browser's storage for the site was cleared")
	// ErrNoLayer is returned for a layer name a stored document does not have.
	ErrNoLayer = locale.Errorf("layer not found")
)

// Store persists documents, their spans and their undo history. Each method
// is atomic: when it returns an error, the store is as it was before the call.
// Writes cost in proportion to what changed, not to the document's size;
// an implementation may spend on a document's first edit, once, what it
// saved when the document was added (the IndexedDB store does).
type Store interface {
	// List returns the summaries of all documents in the order they were
	// added. Stored records it cannot read are left out, and named in an
	// error of type *DamagedError returned with the others.
	List() ([]corpus.Summary, error)
	// Open returns a document with its spans (sorted) and its undo history.
	Open(id string) (corpus.Document, history.Log, error)
	// Add stores new documents with their spans, all or none. A document whose
	// ID is already stored makes the whole call fail.
	Add(docs []corpus.Document) error
	// Apply stores one edit of a stored document: only when the stored
	// revision is e.Base (else ErrConflict), and the stored revision is then
	// e.Summary.Rev.
	Apply(id string, e Edit) error
	// Delete removes documents, their spans and their history.
	Delete(ids ...string) error
	// Documents returns every document with its spans, in List order.
	Documents() ([]corpus.Document, error)
	// Read returns the documents of ids with their spans, in the order of
	// ids; an ID not stored makes it fail with ErrNotFound.
	Read(ids []string) ([]corpus.Document, error)
	// Texts returns the texts of the documents of ids, in that order, as
	// Read would but without the rest of the documents.
	Texts(ids []string) ([]string, error)

	// Layers returns the layers of document id besides its own spans,
	// sorted by name, without their spans (read cheaply, whatever their size).
	Layers(id string) ([]corpus.LayerInfo, error)
	// Layer returns document id's layer name with its spans, sorted;
	// ErrNotFound for an unknown document, ErrNoLayer for an unknown layer.
	Layer(id, name string) (corpus.Layer, error)
	// ReadLayers returns, for each of names, that layer of each document
	// of ids with its spans: out[i][j] is layer names[i] of document
	// ids[j], a zero Layer where the document has no such layer. It reads
	// them at once; an ID not stored makes it fail with ErrNotFound.
	ReadLayers(names, ids []string) ([][]corpus.Layer, error)
	// PutLayers stores each layer for its document, replacing any layer of
	// that name the document had (its curation record with it), all or none.
	PutLayers(puts []LayerPut) error
	// LayerIndex returns the layers of every document that has any, by
	// document ID, as Layers returns them, in one read (what the list of
	// documents shows of their curation).
	LayerIndex() (map[string][]corpus.LayerInfo, error)
	// DeleteLayer removes document id's layer name (ErrNoLayer when it has
	// none of that name); Delete removes a document's layers with it.
	DeleteLayer(id, name string) error

	// Model returns a copy of the model record name (a trained tagger, the
	// corpus's propagated labels), or nil when none is stored.
	Model(name string) ([]byte, error)
	// PutModel stores data as the model record name, replacing any.
	PutModel(name string, data []byte) error
}

// LayerPut is a layer to store for the document of ID Doc.
type LayerPut struct {
	Doc   string       `json:"doc"`
	Layer corpus.Layer `json:"layer"`
}

// Edit is what one user action changes in a stored document.
type Edit struct {
	// Base is the revision of the document the edit was made on.
	Base string
	// Summary is the document's summary after the edit (status, counts and
	// the new revision).
	Summary corpus.Summary
	// Put holds spans added or replaced, by span ID.
	Put []corpus.Span
	// Delete holds the IDs of spans removed.
	Delete []string
	// Log is the document's undo history after the edit.
	Log history.Log
}

// DamagedError names the stored documents whose records could not be read.
type DamagedError struct{ IDs []string }

func (e *DamagedError) Error() string { return e.msg().Error() }

// MessageKey returns the error's message key and arguments, for its translation.
func (e *DamagedError) MessageKey() (string, []any) { return e.msg().MessageKey() }

func (e *DamagedError) msg() *locale.Error {
	return locale.Errorf("the stored records of these documents are damaged, and they were left out: %s", strings.Join(e.IDs, ", "))
}
