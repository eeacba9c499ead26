//go:build wasm

package webapi

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

// A document's layers are kept as two records each, keyed [document,
// layer name]: its summary (corpus.LayerInfo) in storeLayers, its spans,
// a span's JSON per line, in storeLayerSpans. Listing a document's layers
// reads only the summaries. A gold layer's curation keeps its decisions in
// a third record, in storeLayerSpans under [document, layer name + "\x00"]
// (a layer's name holds no control character), written and deleted with
// the layer's two; the summary holds the rest of the curation.

// curationKey is the key of the record of document id's layer name's decisions.
func curationKey(id, name string) []any { return []any{id, name + "\x00"} }

// Layers returns the layers of document id, sorted by name, without spans.
func (d *IDB) Layers(id string) ([]corpus.LayerInfo, error) {
	t, err := d.begin("readonly", "listing the layers of document "+id)
	if err != nil {
		return nil, err
	}
	doc := t.store(storeDocs).Call("count", id)
	recs := t.store(storeLayers).Call("getAll", spanRange(id))
	if err := t.wait(); err != nil {
		return nil, err
	}
	if doc.Get("result").Int() == 0 {
		return nil, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	res := recs.Get("result")
	out := make([]corpus.LayerInfo, res.Length())
	for i := range out {
		if err := decodeLayerInfo(res.Index(i), &out[i]); err != nil {
			return nil, fmt.Errorf("document %s: a stored layer's record is damaged: %v", id, err)
		}
	}
	store.SortLayers(out)
	return out, nil
}

func decodeLayerInfo(v js.Value, info *corpus.LayerInfo) error {
	if v.Type() != js.TypeString {
		return fmt.Errorf("not a string")
	}
	return json.Unmarshal([]byte(v.String()), info)
}

// ReadLayer returns layer name of the documents of ids with its spans, in
// one transaction.
func (d *IDB) ReadLayer(name string, ids []string) ([]corpus.Layer, error) {
	t, err := d.begin("readonly", fmt.Sprintf("reading layer %q", name))
	if err != nil {
		return nil, err
	}
	n := len(ids)
	docs, recs, spans, decisions := make([]js.Value, n), make([]js.Value, n), make([]js.Value, n), make([]js.Value, n)
	for i, id := range ids {
		key := []any{id, name}
		docs[i] = t.store(storeDocs).Call("count", id)
		recs[i] = t.store(storeLayers).Call("get", key)
		spans[i] = t.store(storeLayerSpans).Call("get", key)
		decisions[i] = t.store(storeLayerSpans).Call("get", curationKey(id, name))
	}
	if err := t.wait(); err != nil {
		return nil, err
	}
	out := make([]corpus.Layer, len(ids))
	for i, id := range ids {
		if docs[i].Get("result").Int() == 0 {
			return nil, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
		}
		l, err := layerOf(id, name, recs[i].Get("result"), spans[i].Get("result"), decisions[i].Get("result"))
		if err != nil {
			return nil, err
		}
		out[i] = l
	}
	return out, nil
}

// layerOf decodes layer name of document id from its three records, or
// returns a zero Layer when rec is undefined (the document has no such
// layer).
func layerOf(id, name string, rec, spans, decisions js.Value) (corpus.Layer, error) {
	if rec.IsUndefined() {
		return corpus.Layer{}, nil
	}
	var info corpus.LayerInfo
	if err := decodeLayerInfo(rec, &info); err != nil {
		return corpus.Layer{}, fmt.Errorf("document %s, layer %q: its stored record is damaged: %v", id, name, err)
	}
	l := corpus.Layer{Name: info.Name, Kind: info.Kind, Imported: info.Imported, Source: info.Source}
	if info.Curation != nil {
		l.Curation = &corpus.Curation{CurationInfo: *info.Curation}
		if decisions.Type() == js.TypeString {
			l.Curation.Decisions = []byte(decisions.String())
		}
	}
	if spans.Type() == js.TypeString {
		pieces, err := decodeSpanLines(spans, nil)
		if err != nil {
			return corpus.Layer{}, fmt.Errorf("document %s, layer %q: a stored span is damaged: %v", id, name, err)
		}
		l.Spans = concatSpans(pieces)
		corpus.SortSpans(l.Spans)
	}
	return l, nil
}

// Layer returns document id's layer name with its spans.
func (d *IDB) Layer(id, name string) (corpus.Layer, error) {
	t, err := d.begin("readonly", fmt.Sprintf("reading layer %q of document %s", name, id))
	if err != nil {
		return corpus.Layer{}, err
	}
	key := []any{id, name}
	doc := t.store(storeDocs).Call("count", id)
	rec := t.store(storeLayers).Call("get", key)
	spans := t.store(storeLayerSpans).Call("get", key)
	decisions := t.store(storeLayerSpans).Call("get", curationKey(id, name))
	if err := t.wait(); err != nil {
		return corpus.Layer{}, err
	}
	if doc.Get("result").Int() == 0 {
		return corpus.Layer{}, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	v := rec.Get("result")
	if v.IsUndefined() {
		return corpus.Layer{}, fmt.Errorf("document %s, layer %q: %w", id, name, store.ErrNoLayer)
	}
	return layerOf(id, name, v, spans.Get("result"), decisions.Get("result"))
}

// PutLayers stores the layers, all or none, in one transaction; see
// store.CheckLayers for what it refuses.
func (d *IDB) PutLayers(puts []store.LayerPut) error {
	if len(puts) == 0 {
		return nil
	}
	t, err := d.begin("readwrite", "saving layers")
	if err != nil {
		return err
	}
	t.guard(func() {
		// The documents' records give their lengths; requests succeed in
		// the order they were made, so once the last has, all have.
		ds := t.store(storeDocs)
		reqs := make(map[string]js.Value)
		var last js.Value
		for _, p := range puts {
			if _, ok := reqs[p.Doc]; !ok {
				last = ds.Call("get", p.Doc)
				reqs[p.Doc] = last
			}
		}
		t.onSuccess(last, func(js.Value) {
			t.guard(func() {
				var bad error
				checked, err := store.CheckLayers(puts, func(id string) (int, bool) {
					v := reqs[id].Get("result")
					if v.IsUndefined() {
						return 0, false
					}
					var rec docRecord
					if err := json.Unmarshal([]byte(v.String()), &rec); err != nil {
						bad = fmt.Errorf("document %s: stored record is damaged: %v", id, err)
						return 0, false
					}
					return rec.Length, true
				})
				if bad != nil {
					err = bad
				}
				if err != nil {
					t.abort(err)
					return
				}
				ls, lss := t.store(storeLayers), t.store(storeLayerSpans)
				var buf []byte
				for _, p := range checked {
					key := []any{p.Doc, p.Layer.Name}
					ls.Call("put", encode(p.Layer.Info()), key)
					buf = store.AppendSpanLines(buf[:0], p.Layer.Spans)
					lss.Call("put", string(buf), key)
					if c := p.Layer.Curation; c != nil && len(c.Decisions) > 0 {
						lss.Call("put", string(c.Decisions), curationKey(p.Doc, p.Layer.Name))
					} else {
						lss.Call("delete", curationKey(p.Doc, p.Layer.Name))
					}
				}
			})
		})
	})
	return t.wait()
}

// DeleteLayer removes document id's layer name.
func (d *IDB) DeleteLayer(id, name string) error {
	t, err := d.begin("readwrite", fmt.Sprintf("deleting layer %q of document %s", name, id))
	if err != nil {
		return err
	}
	key := []any{id, name}
	t.guard(func() {
		doc := t.store(storeDocs).Call("count", id)
		layer := t.store(storeLayers).Call("count", key)
		t.onSuccess(layer, func(n js.Value) {
			switch {
			case doc.Get("result").Int() == 0:
				t.abort(fmt.Errorf("document %s: %w", id, store.ErrNotFound))
			case n.Int() == 0:
				t.abort(fmt.Errorf("document %s, layer %q: %w", id, name, store.ErrNoLayer))
			default:
				t.guard(func() {
					t.store(storeLayers).Call("delete", key)
					t.store(storeLayerSpans).Call("delete", key)
					t.store(storeLayerSpans).Call("delete", curationKey(id, name))
				})
			}
		})
	})
	return t.wait()
}

// LayerIndex returns the layers of every document that has any, by
// document ID, from the layers' summaries alone.
func (d *IDB) LayerIndex() (map[string][]corpus.LayerInfo, error) {
	t, err := d.begin("readonly", "listing the documents' layers")
	if err != nil {
		return nil, err
	}
	keys := t.store(storeLayers).Call("getAllKeys")
	recs := t.store(storeLayers).Call("getAll")
	if err := t.wait(); err != nil {
		return nil, err
	}
	ks, rs := keys.Get("result"), recs.Get("result")
	out := make(map[string][]corpus.LayerInfo)
	for i := 0; i < rs.Length(); i++ {
		id := ks.Index(i).Index(0).String()
		var info corpus.LayerInfo
		if err := decodeLayerInfo(rs.Index(i), &info); err != nil {
			return nil, fmt.Errorf("document %s: a stored layer's record is damaged: %v", id, err)
		}
		out[id] = append(out[id], info)
	}
	for _, infos := range out {
		store.SortLayers(infos)
	}
	return out, nil
}
