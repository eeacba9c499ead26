package store

import (
	"encoding/json"
	"maps"
	"sync"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/locale"
)

// Memory is a Store held in memory, safe for concurrent use. It copies
// documents, spans and logs on the way in and out, so callers never share
// its state.
//
// Beyond the Store contract: Add gives each span without an ID a new UUID
// (spans are stored by ID), and Apply refuses an edit whose result
// corpus.Validate (with no schema) rejects, such as overlapping spans.
type Memory struct {
	mu     sync.Mutex
	order  []string
	docs   map[string]*memDoc
	models map[string][]byte // the model records, by name
}

type memDoc struct {
	doc    corpus.Document
	log    history.Log
	layers map[string]corpus.Layer // by name; never changed in place
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory {
	return &Memory{docs: make(map[string]*memDoc)}
}

// List returns the summaries of all documents in the order they were added.
func (m *Memory) List() ([]corpus.Summary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]corpus.Summary, 0, len(m.order))
	for _, id := range m.order {
		out = append(out, corpus.Summarize(m.docs[id].doc))
	}
	return out, nil
}

// Open returns a copy of the document id with its sorted spans and undo log,
// or ErrNotFound.
func (m *Memory) Open(id string) (corpus.Document, history.Log, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	if !ok {
		return corpus.Document{}, history.Log{}, locale.Wrap(ErrNotFound, "document not found: %q", id)
	}
	return copyDoc(d.doc), copyLog(d.log), nil
}

// Add stores copies of docs, with their text's digest (corpus.DigestOf)
// where they have none, all or none: it fails without a change if any
// document has an empty or already used ID, fails corpus.Validate with no
// schema, or repeats a span ID.
func (m *Memory) Add(docs []corpus.Document) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	seen := make(map[string]bool, len(docs))
	add := make([]corpus.Document, 0, len(docs))
	for i, d := range docs {
		switch {
		case d.ID == "":
			return locale.Errorf("document %d: empty ID", i+1)
		case seen[d.ID]:
			return locale.Errorf("document %q: ID given twice", d.ID)
		case m.docs[d.ID] != nil:
			return locale.Errorf("document %q: ID already stored", d.ID)
		}
		seen[d.ID] = true
		d = copyDoc(d)
		if d.Digest == "" {
			d.Digest = corpus.DigestOf(d.Text)
		}
		if err := corpus.Validate(&d, nil); err != nil {
			return locale.Errorf("document %q: %v", d.ID, err)
		}
		if twice, ok := giveSpanIDs(d.Spans); !ok {
			return locale.Errorf("document %q: span ID %q used twice", d.ID, twice)
		}
		add = append(add, d)
	}
	for _, d := range add {
		m.order = append(m.order, d.ID)
		m.docs[d.ID] = &memDoc{doc: d}
	}
	return nil
}

// Apply stores one edit of document id: it returns ErrConflict when the
// stored revision is not e.Base; it takes the revision, and the title,
// status and modified time when set, from e.Summary, deletes the spans named in e.Delete
// (ignoring unknown IDs), then puts e.Put by span ID and replaces the log;
// it returns ErrNotFound for an unknown id and fails without a change if a
// put span has no ID or the result fails corpus.Validate with no schema.
func (m *Memory) Apply(id string, e Edit) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.docs[id]
	if !ok {
		return locale.Wrap(ErrNotFound, "document not found: %q", id)
	}
	if d.doc.Rev != e.Base {
		return locale.Errorf("document %q: %v", id, ErrConflict)
	}
	next := d.doc // the stored spans are replaced, never changed in place
	next.Rev = e.Summary.Rev
	if e.Summary.Title != "" {
		next.Title = e.Summary.Title
	}
	if e.Summary.Status != "" {
		next.Status = e.Summary.Status
	}
	if !e.Summary.Modified.IsZero() {
		next.Modified = e.Summary.Modified
	}
	del := make(map[string]bool, len(e.Delete)+len(e.Put))
	for _, sid := range e.Delete {
		del[sid] = true
	}
	put := make(map[string]bool, len(e.Put))
	for _, sp := range e.Put {
		if sp.ID == "" {
			return locale.Errorf("document %q: span [%d,%d) %s has no ID", id, sp.Start, sp.End, sp.Label)
		}
		if put[sp.ID] {
			return locale.Errorf("document %q: span ID %q put twice", id, sp.ID)
		}
		put[sp.ID] = true
		del[sp.ID] = true // replaced
	}
	spans := make([]corpus.Span, 0, len(d.doc.Spans)+len(e.Put))
	for _, sp := range d.doc.Spans {
		if !del[sp.ID] {
			spans = append(spans, sp)
		}
	}
	for _, sp := range e.Put {
		spans = append(spans, copySpan(sp))
	}
	corpus.SortSpans(spans)
	next.Spans = spans
	if err := corpus.Validate(&next, nil); err != nil {
		return locale.Errorf("document %q: %v", id, err)
	}
	m.docs[id] = &memDoc{doc: next, log: copyLog(e.Log), layers: d.layers}
	return nil
}

// Delete removes documents with their spans and logs, all or none: an
// unknown ID makes it fail with ErrNotFound without a change.
func (m *Memory) Delete(ids ...string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	gone := make(map[string]bool, len(ids))
	for _, id := range ids {
		if m.docs[id] == nil {
			return locale.Wrap(ErrNotFound, "document not found: %q", id)
		}
		gone[id] = true
	}
	if len(gone) == 0 {
		return nil
	}
	order := make([]string, 0, len(m.order))
	for _, id := range m.order {
		if gone[id] {
			delete(m.docs, id)
		} else {
			order = append(order, id)
		}
	}
	m.order = order
	return nil
}

// Documents returns copies of all documents with their spans, in List order.
func (m *Memory) Documents() ([]corpus.Document, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]corpus.Document, 0, len(m.order))
	for _, id := range m.order {
		out = append(out, copyDoc(m.docs[id].doc))
	}
	return out, nil
}

// Read returns copies of the documents of ids with their spans, in that order.
func (m *Memory) Read(ids []string) ([]corpus.Document, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]corpus.Document, 0, len(ids))
	for _, id := range ids {
		e, ok := m.docs[id]
		if !ok {
			return nil, locale.Errorf("document %s: %v", id, ErrNotFound)
		}
		out = append(out, copyDoc(e.doc))
	}
	return out, nil
}

// Texts returns the texts of the documents of ids, in that order.
func (m *Memory) Texts(ids []string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		e, ok := m.docs[id]
		if !ok {
			return nil, locale.Errorf("document %s: %v", id, ErrNotFound)
		}
		out = append(out, e.doc.Text)
	}
	return out, nil
}

func copyDoc(d corpus.Document) corpus.Document {
	if d.Meta != nil {
		meta := make(map[string]json.RawMessage, len(d.Meta))
		for k, v := range d.Meta {
			meta[k] = append(json.RawMessage(nil), v...)
		}
		d.Meta = meta
	}
	d.Spans = copySpans(d.Spans)
	return d
}

func copySpans(spans []corpus.Span) []corpus.Span {
	if spans == nil {
		return nil
	}
	out := make([]corpus.Span, len(spans))
	for i, sp := range spans {
		out[i] = copySpan(sp)
	}
	return out
}

func copySpan(sp corpus.Span) corpus.Span {
	sp.Attrs = maps.Clone(sp.Attrs)
	return sp
}

func copyChanges(cs []history.Change) []history.Change {
	if cs == nil {
		return nil
	}
	out := make([]history.Change, len(cs))
	for i, c := range cs {
		c.Removed = copySpans(c.Removed)
		c.Added = copySpans(c.Added)
		out[i] = c
	}
	return out
}

func copyLog(l history.Log) history.Log {
	return history.Log{Done: copyChanges(l.Done), Undone: copyChanges(l.Undone)}
}
