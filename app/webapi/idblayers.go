//go:build wasm

package webapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
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

func decodeLayerInfo(v js.Value, info *corpus.LayerInfo) (err error) {
	if v.Type() != js.TypeString {
		return fmt.Errorf("not a string")
	}
	*info, err = store.DecodeLayerInfo(v.String())
	return err
}

// ReadLayers returns layers names of the documents of ids with their
// spans, in one transaction. When the documents of ids are most of those
// between the least and the greatest of ids (in key order, as a corpus
// read in ID order gives them), it reads all the layers of that range at
// once; otherwise, document by document.
func (d *IDB) ReadLayers(names, ids []string) ([][]corpus.Layer, error) {
	out := make([][]corpus.Layer, len(names))
	for i := range out {
		out[i] = make([]corpus.Layer, len(ids))
	}
	if len(ids) == 0 || len(names) == 0 {
		return out, nil
	}
	what := fmt.Sprintf("reading layers %q", names)
	t, err := d.begin("readonly", what)
	if err != nil {
		return nil, err
	}
	n := len(ids)
	lo, hi := keyBounds(ids)
	var (
		docKeys                          js.Value
		byRange                          bool
		infoKeys, infos, spanKeys, spans js.Value      // by range
		recs                             [][3]js.Value // by document: [name][id] → summary, spans, decisions
	)
	t.guard(func() {
		docKeys = t.store(storeDocs).Call("getAllKeys", js.Global().Get("IDBKeyRange").Call("bound", lo, hi))
		t.onSuccess(docKeys, func(keys js.Value) {
			t.guard(func() {
				ls, lss := t.store(storeLayers), t.store(storeLayerSpans)
				if byRange = keys.Length() <= 2*n+16; byRange {
					r := js.Global().Get("IDBKeyRange").Call("bound", []any{lo}, []any{hi, []any{}})
					infoKeys, infos = ls.Call("getAllKeys", r), ls.Call("getAll", r)
					spanKeys, spans = lss.Call("getAllKeys", r), lss.Call("getAll", r)
					return
				}
				recs = make([][3]js.Value, 0, len(names)*n)
				for _, name := range names {
					for _, id := range ids {
						key := []any{id, name}
						recs = append(recs, [3]js.Value{ls.Call("get", key), lss.Call("get", key), lss.Call("get", curationKey(id, name))})
					}
				}
			})
		})
	})
	if err := t.wait(); err != nil {
		return nil, err
	}
	var stored []string
	if err := readKeys(docKeys.Get("result"), &stored); err != nil {
		return nil, fmt.Errorf("%s: %v", what, err)
	}
	present := make(map[string]bool, len(stored))
	for _, id := range stored {
		present[id] = true
	}
	for _, id := range ids {
		if !present[id] {
			return nil, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
		}
	}
	if !byRange {
		for i, name := range names {
			for j, id := range ids {
				r := recs[i*n+j]
				l, err := layerOf(id, name, r[0].Get("result"), r[1].Get("result"), r[2].Get("result"))
				if err != nil {
					return nil, err
				}
				out[i][j] = l
			}
		}
		return out, nil
	}
	// The range's records of the layers asked for, by layer and document.
	type records struct{ info, spans, decisions string }
	wanted := make(map[string]map[string]*records, len(names)) // by layer name
	for _, name := range names {
		wanted[name] = make(map[string]*records, n)
	}
	take := func(id, name string, set func(r *records)) {
		byDoc, ok := wanted[name]
		if !ok {
			return
		}
		r := byDoc[id]
		if r == nil {
			r = &records{}
			byDoc[id] = r
		}
		set(r)
	}
	for _, part := range []struct {
		keys, vals js.Value
		take       func(key [2]string, val string)
	}{
		{infoKeys, infos, func(k [2]string, v string) {
			take(k[0], k[1], func(r *records) { r.info = v })
		}},
		{spanKeys, spans, func(k [2]string, v string) {
			if name, ok := strings.CutSuffix(k[1], "\x00"); ok {
				take(k[0], name, func(r *records) { r.decisions = v })
			} else {
				take(k[0], k[1], func(r *records) { r.spans = v })
			}
		}},
	} {
		var keys [][2]string
		if err := readKeys(part.keys.Get("result"), &keys); err != nil {
			return nil, fmt.Errorf("%s: %v", what, err)
		}
		vals, err := readStrings(part.vals.Get("result"))
		if err == nil && len(vals) != len(keys) {
			err = errors.New("the stored keys and records differ in number")
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", what, err)
		}
		for i, k := range keys {
			part.take(k, vals[i])
		}
	}
	for i, name := range names {
		for j, id := range ids {
			r := wanted[name][id]
			if r == nil || r.info == "" {
				continue // the document has no such layer
			}
			l, err := layerFrom(id, name, r.info, r.decisions)
			if err == nil {
				l.Spans, err = store.DecodeSpanLines(r.spans)
				if err != nil {
					err = fmt.Errorf("document %s, layer %q: a stored span is damaged: %v", id, name, err)
				}
			}
			if err != nil {
				return nil, err
			}
			corpus.SortSpans(l.Spans)
			out[i][j] = l
		}
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
	if rec.Type() != js.TypeString {
		return corpus.Layer{}, fmt.Errorf("document %s, layer %q: its stored record is damaged: not a string", id, name)
	}
	var dec string
	if decisions.Type() == js.TypeString {
		dec = decisions.String()
	}
	l, err := layerFrom(id, name, rec.String(), dec)
	if err != nil {
		return corpus.Layer{}, err
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

// layerFrom decodes layer name of document id, without its spans, from its
// summary's JSON and its curation's decisions ("" for none).
func layerFrom(id, name, info, decisions string) (corpus.Layer, error) {
	in, err := store.DecodeLayerInfo(info)
	if err != nil {
		return corpus.Layer{}, fmt.Errorf("document %s, layer %q: its stored record is damaged: %v", id, name, err)
	}
	l := corpus.Layer{Name: in.Name, Kind: in.Kind, Imported: in.Imported, Source: in.Source}
	if in.Curation != nil {
		l.Curation = &corpus.Curation{CurationInfo: *in.Curation}
		if decisions != "" {
			l.Curation.Decisions = []byte(decisions)
		}
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
	var ks [][2]string
	if err := readKeys(keys.Get("result"), &ks); err != nil {
		return nil, fmt.Errorf("listing the documents' layers: %v", err)
	}
	rs, err := readStrings(recs.Get("result"))
	if err == nil && len(rs) != len(ks) {
		err = errors.New("the stored keys and records differ in number")
	}
	if err != nil {
		return nil, fmt.Errorf("listing the documents' layers: %v", err)
	}
	out := make(map[string][]corpus.LayerInfo)
	for i, k := range ks {
		info, err := store.DecodeLayerInfo(rs[i])
		if err != nil {
			return nil, fmt.Errorf("document %s: a stored layer's record is damaged: %v", k[0], err)
		}
		out[k[0]] = append(out[k[0]], info)
	}
	for _, infos := range out {
		store.SortLayers(infos)
	}
	return out, nil
}
