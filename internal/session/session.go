// Package session holds the rules of the app's own flows that need no
// browser: what happens to edits that storage refused because another
// writer (another tab) changed the document meanwhile, and what changes
// on screen when a document is drawn again as another tab stored it.
package session

import (
	"maps"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/editor"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/store"
)

// Rebased is a document's stored state with this writer's refused changes
// applied anew on top of it.
type Rebased struct {
	Editor  *editor.Editor // the stored document and log, with the changes that fit
	Edits   []store.Edit   // to store, in order: one per change that fit
	Refused []error        // why each change that did not fit was dropped
}

// Rebase reads document id from st and replays on it, in order, the
// changes that storage refused with store.ErrConflict (made on a state of
// the document it no longer holds). A change that clashes with what was
// stored meanwhile is dropped, and said why; the others become new edits
// to store. It stores nothing itself.
func Rebase(st store.Store, id string, changes []history.Change, schema *corpus.Schema, annotator string, now func() time.Time) (Rebased, error) {
	doc, log, err := st.Open(id)
	if err != nil {
		return Rebased{}, err
	}
	r := Rebased{Editor: editor.New(doc, log, schema, annotator, now)}
	for _, c := range changes {
		e, err := r.Editor.Replay(c)
		if err != nil {
			r.Refused = append(r.Refused, err)
			continue
		}
		r.Edits = append(r.Edits, e)
	}
	return r, nil
}

// Diff returns the spans of after that before does not hold as they are,
// and the spans of before that after does not: what drawing after over
// before has to redraw. Spans are the same when their ID, offsets, label
// and attributes are.
func Diff(before, after []corpus.Span) (added, removed []corpus.Span) {
	key := func(sp corpus.Span) string { return sp.ID }
	index := make(map[string]corpus.Span, len(before))
	for _, sp := range before {
		index[key(sp)] = sp
	}
	kept := make(map[string]bool, len(after))
	for _, sp := range after {
		if old, ok := index[key(sp)]; ok && same(old, sp) {
			kept[key(sp)] = true
			continue
		}
		added = append(added, sp)
	}
	for _, sp := range before {
		if !kept[key(sp)] {
			removed = append(removed, sp)
		}
	}
	return added, removed
}

func same(a, b corpus.Span) bool {
	return a.Start == b.Start && a.End == b.End && a.Label == b.Label && maps.Equal(a.Attrs, b.Attrs)
}
