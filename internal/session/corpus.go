package session

import (
	"errors"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// Deleted is what Delete took out of storage, whole, for Restore to put back.
type Deleted struct {
	Docs []DeletedDoc
}

// DeletedDoc is one deleted document with its undo history and its layers.
type DeletedDoc struct {
	Doc    corpus.Document
	Log    history.Log
	Layers []corpus.Layer
}

// Delete reads the documents of ids with their undo histories, then
// deletes them, all or none; what it returns puts them back with Restore.
func Delete(st store.Store, ids []string) (Deleted, error) {
	var d Deleted
	for _, id := range ids {
		doc, log, err := st.Open(id)
		if err != nil {
			return Deleted{}, locale.Errorf("reading %s before deleting it: %v", id, err)
		}
		dd := DeletedDoc{Doc: doc, Log: log}
		infos, err := st.Layers(id)
		if err != nil {
			return Deleted{}, locale.Errorf("reading %s before deleting it: %v", id, err)
		}
		for _, info := range infos {
			l, err := st.Layer(id, info.Name)
			if err != nil {
				return Deleted{}, locale.Errorf("reading %s before deleting it: %v", id, err)
			}
			dd.Layers = append(dd.Layers, l)
		}
		d.Docs = append(d.Docs, dd)
	}
	if err := st.Delete(ids...); err != nil {
		return Deleted{}, err
	}
	return d, nil
}

// Restore puts deleted documents back as they were, with their spans,
// revisions, layers and undo histories; a document stored again meanwhile
// under the same ID makes it fail without a change.
func Restore(st store.Store, d Deleted) error {
	docs := make([]corpus.Document, len(d.Docs))
	var layers []store.LayerPut
	for i, dd := range d.Docs {
		docs[i] = dd.Doc
		for _, l := range dd.Layers {
			layers = append(layers, store.LayerPut{Doc: dd.Doc.ID, Layer: l})
		}
	}
	if err := st.Add(docs); err != nil {
		return err
	}
	var errs []error
	if err := st.PutLayers(layers); err != nil {
		errs = append(errs, locale.Errorf("their spans are back, their layers are not: %v", err))
	}
	for _, dd := range d.Docs {
		if len(dd.Log.Done) == 0 && len(dd.Log.Undone) == 0 {
			continue
		}
		sum := corpus.Summarize(dd.Doc)
		if err := st.Apply(dd.Doc.ID, store.Edit{Base: dd.Doc.Rev, Summary: sum, Log: dd.Log}); err != nil {
			errs = append(errs, locale.Errorf("%s: its spans are back, its undo history is not: %v", dd.Doc.ID, err))
		}
	}
	return errors.Join(errs...)
}
