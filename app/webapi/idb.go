//go:build wasm

package webapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"syscall/js"
	"time"

	"github.com/google/uuid"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// IndexedDB object stores. Documents are split so that the list needs no
// text, and an edit writes only the spans it changes.
const (
	dbName     = "raqim"
	storeDocs  = "docs"  // id → docRecord JSON
	storeTexts = "texts" // id → text
	storeSpans = "spans" // [id, span id] → span JSON; [id, bulkKey] → span JSON lines
	storeLogs  = "logs"  // id → history.Log JSON
	storeMeta  = "meta"  // "instance" → an ID the database is given when it is made
	// The layers of documents besides their own spans: a layer's summary
	// apart from its spans, so that a document's layers are listed cheaply.
	storeLayers     = "layers"     // [id, layer name] → corpus.LayerInfo JSON
	storeLayerSpans = "layerSpans" // [id, layer name] → span JSON lines
	storeModels     = "models"     // name → bytes (a Uint8Array): see store.Store.Model
)

// allStores are the object stores of the database. A database lacking
// some (one made before they were added) is upgraded to the next version
// on opening, which adds them and keeps what the others hold.
var allStores = []any{storeDocs, storeTexts, storeSpans, storeLogs, storeMeta, storeLayers, storeLayerSpans, storeModels}

// docRecord is what the docs store holds of a document.
type docRecord struct {
	corpus.Summary
	Meta    map[string]json.RawMessage `json:"meta,omitempty"`
	Created time.Time                  `json:"created,omitzero"`
	Seq     int64                      `json:"seq"`
}

// IDB is a store.Store in the browser's IndexedDB. It survives its
// connection going away: the browser closes it when the site's storage is
// cleared or evicted, and the app closes it when another tab upgrades the
// database; the next call opens it again, and when that finds the database
// made anew, it fails once with store.ErrGone.
type IDB struct {
	db       js.Value // the connection; null once it went away
	instance string   // the database's instance ID, as first opened
	gone     bool     // the database was found made anew: the next call says so
	funcs    []js.Func
	Closed   func(why string) // called, in a JS callback, when the connection goes away
}

// bulkKey is the second part of the key of the one record that holds all
// the spans a document was stored with by Add, a span's JSON per line.
// Each IndexedDB request leaves the browser garbage that it collects late:
// 100,000 span records written by an import grew the tab by over 200 MB
// (Chromium 148). The first edit of such a document splits the record into
// one record per span, so that an edit still writes only what it changes.
// Span IDs are never empty, so the key is no span's.
const bulkKey = ""

// spanBatch is how many span records the first edit of a document writes,
// splitting its bulk record, before it waits for them to be written: the
// page draws between batches.
const spanBatch = 400

var _ store.Store = (*IDB)(nil)

// OpenIDB opens (creating or upgrading) raqim's database.
func OpenIDB() (*IDB, error) {
	if !js.Global().Get("indexedDB").Truthy() {
		return nil, locale.Errorf("this browser offers no IndexedDB (a private window may disable it): nothing could be saved")
	}
	d := &IDB{db: js.Null()}
	if _, err := d.connect(); err != nil {
		return nil, err
	}
	return d, nil
}

// connect opens the database at its latest version and adds the object
// stores it lacks (a database left without them, by a failed upgrade or
// another program, is upgraded); created reports that it was made anew.
func (d *IDB) connect() (created bool, err error) {
	factory := js.Global().Get("indexedDB")
	version, aborted := 0, 0 // the latest version; opens aborted
	for try := 0; try < 3+aborted; try++ {
		var req js.Value
		if version == 0 {
			req = factory.Call("open", dbName)
		} else {
			req = factory.Call("open", dbName, version)
		}
		upgrade := js.FuncOf(func(this js.Value, args []js.Value) any {
			if args[0].Get("oldVersion").Int() == 0 {
				created = true
			}
			db := req.Get("result")
			names := db.Get("objectStoreNames")
			for _, s := range allStores {
				if !names.Call("contains", s).Bool() {
					st := db.Call("createObjectStore", s)
					if s == storeMeta {
						st.Call("put", uuid.NewString(), "instance")
					}
				}
			}
			return nil
		})
		req.Set("onupgradeneeded", upgrade)
		res, err := await(req, "opening the database")
		upgrade.Release()
		if err != nil && strings.Contains(err.Error(), "AbortError") && aborted < 5 {
			// Opened while the browser clears the site's storage: again, a moment later.
			aborted++
			time.Sleep(time.Duration(aborted) * 100 * time.Millisecond)
			continue
		}
		if err != nil {
			return false, err
		}
		names := res.Get("objectStoreNames")
		complete := true
		for _, s := range allStores {
			complete = complete && names.Call("contains", s).Bool()
		}
		if complete {
			// Another connection (the worker's, another tab's) may have made
			// the database anew since this one first opened it: its instance
			// ID tells.
			t := res.Call("transaction", storeMeta, "readonly")
			id, err := await(t.Call("objectStore", storeMeta).Call("get", "instance"), "opening the database")
			if err != nil {
				res.Call("close")
				return false, err
			}
			inst := ""
			if id.Type() == js.TypeString {
				inst = id.String()
			}
			if d.instance == "" {
				d.instance = inst
			} else if inst != d.instance {
				d.instance, created = inst, true
			}
			d.attach(res)
			return created, nil
		}
		version = res.Get("version").Int() + 1
		res.Call("close")
	}
	return false, errors.New("opening the database: its object stores could not be made")
}

// attach makes db the connection, watching for it to go away.
func (d *IDB) attach(db js.Value) {
	for _, f := range d.funcs {
		f.Release()
	}
	lost := func(why string, closeIt bool) js.Func {
		return js.FuncOf(func(this js.Value, args []js.Value) any {
			if closeIt {
				db.Call("close") // let the other tab's upgrade go on
			}
			if d.db.Equal(db) {
				d.db = js.Null()
				if d.Closed != nil {
					d.Closed(why)
				}
			}
			return nil
		})
	}
	closed, change := lost("closed by the browser", false), lost("upgraded by another tab", true)
	d.funcs = []js.Func{closed, change}
	db.Set("onclose", closed)
	db.Set("onversionchange", change)
	d.db = db
}

// ready opens the database again if its connection went away; it fails
// once with store.ErrGone when it was found made anew.
func (d *IDB) ready() error {
	if d.db.IsNull() {
		created, err := d.connect()
		if err != nil {
			return err
		}
		d.gone = d.gone || created
	}
	if d.gone {
		d.gone = false
		return store.ErrGone
	}
	return nil
}

// await waits for a request's success or error.
func await(req js.Value, what string) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- result{v: req.Get("result")}
		return nil
	})
	fail := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- result{err: domError(req.Get("error"), what)}
		return nil
	})
	blocked := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- result{err: locale.Errorf("%s: blocked by another tab holding an older version open; close it and reload", what)}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	defer blocked.Release()
	req.Set("onsuccess", ok)
	req.Set("onerror", fail)
	req.Set("onblocked", blocked)
	r := <-ch
	return r.v, r.err
}

// domError turns a DOMException into an error that says what failed.
func domError(e js.Value, what string) error {
	if !e.Truthy() {
		return fmt.Errorf("%s failed", what)
	}
	name, msg := e.Get("name").String(), e.Get("message").String()
	if name == "QuotaExceededError" {
		if msg != "" {
			msg = " (" + msg + ")"
		}
		return locale.Errorf("%s failed: the browser's storage for this site is full%s", what, msg)
	}
	return fmt.Errorf("%s failed: %s: %s", what, name, msg)
}

// tx is one IndexedDB transaction, with its completion awaited by wait.
type tx struct {
	t      js.Value
	what   string
	reason error // set when the transaction is aborted on purpose
	done   chan error
	funcs  []js.Func
}

// begin starts a transaction over every object store. A connection that
// is closing (the storage was cleared, another tab upgrades) is opened
// again once.
func (d *IDB) begin(mode, what string) (*tx, error) {
	t := &tx{what: what, done: make(chan error, 1)}
	for attempt := 0; ; attempt++ {
		if err := d.ready(); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("%v", r)
				}
			}()
			t.t = d.db.Call("transaction", allStores, mode)
		}()
		if err == nil {
			break
		}
		if attempt > 0 {
			return nil, fmt.Errorf("%s failed: %v", what, err)
		}
		d.db = js.Null()
	}
	complete := js.FuncOf(func(this js.Value, args []js.Value) any {
		t.done <- nil
		return nil
	})
	abort := js.FuncOf(func(this js.Value, args []js.Value) any {
		if t.reason != nil {
			t.done <- t.reason
		} else {
			t.done <- domError(t.t.Get("error"), what)
		}
		return nil
	})
	t.funcs = append(t.funcs, complete, abort)
	t.t.Set("oncomplete", complete)
	t.t.Set("onabort", abort)
	return t, nil
}

func (t *tx) store(name string) js.Value { return t.t.Call("objectStore", name) }

// onSuccess runs f synchronously when req succeeds, while the transaction is
// still active, so f may issue more requests or abort.
func (t *tx) onSuccess(req js.Value, f func(result js.Value)) {
	fn := js.FuncOf(func(this js.Value, args []js.Value) any {
		f(req.Get("result"))
		return nil
	})
	t.funcs = append(t.funcs, fn)
	req.Set("onsuccess", fn)
}

// abort aborts the transaction with reason; wait returns it.
func (t *tx) abort(reason error) {
	if t.reason == nil {
		t.reason = reason
		defer func() { recover() }() // already finished: the abort event still comes
		t.t.Call("abort")
	}
}

// guard runs f, which issues the transaction's requests; a JS exception
// thrown synchronously by one of them (a DataCloneError, a closed database)
// aborts the transaction instead of crashing the app.
func (t *tx) guard(f func()) {
	defer func() {
		if r := recover(); r != nil {
			t.abort(fmt.Errorf("%s failed: %v", t.what, r))
		}
	}()
	f()
}

// wait blocks until the transaction commits or aborts.
func (t *tx) wait() error {
	err := <-t.done
	for _, f := range t.funcs {
		f.Release()
	}
	return err
}

func spanRange(id string) js.Value {
	return js.Global().Get("IDBKeyRange").Call("bound", []any{id}, []any{id, []any{}})
}

func encode(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own types are encoded
	}
	return string(b)
}

// List returns the summaries of all documents in the order they were added.
// The records are decoded after the transaction, handing the page back to
// the browser every 30 ms on a large corpus.
func (d *IDB) List() ([]corpus.Summary, error) {
	t, err := d.begin("readonly", "listing documents")
	if err != nil {
		return nil, err
	}
	req, keys := t.store(storeDocs).Call("getAll"), t.store(storeDocs).Call("getAllKeys")
	if err := t.wait(); err != nil {
		return nil, err
	}
	res := req.Get("result")
	n := res.Length()
	recs := make([]docRecord, 0, n)
	var damaged *store.DamagedError
	y := Yielder{Budget: 30 * time.Millisecond}
	for i := 0; i < n; i++ {
		var rec docRecord
		v := res.Index(i)
		err := errors.New("not a string")
		if v.Type() == js.TypeString {
			err = json.Unmarshal([]byte(v.String()), &rec)
		}
		if err == nil && rec.ID == "" {
			err = errors.New("no document ID")
		}
		if err != nil {
			if damaged == nil {
				damaged = &store.DamagedError{}
			}
			damaged.IDs = append(damaged.IDs, fmt.Sprint(keys.Get("result").Index(i)))
			continue
		}
		recs = append(recs, rec)
		y.Maybe()
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Seq < recs[j].Seq })
	out := make([]corpus.Summary, len(recs))
	for i, r := range recs {
		out[i] = r.Summary
	}
	if damaged != nil {
		return out, damaged
	}
	return out, nil
}

// Open returns a document with its spans and undo history.
func (d *IDB) Open(id string) (corpus.Document, history.Log, error) {
	t, err := d.begin("readonly", "opening document "+id)
	if err != nil {
		return corpus.Document{}, history.Log{}, err
	}
	reqs := d.readDoc(t, id, true)
	if err := t.wait(); err != nil {
		return corpus.Document{}, history.Log{}, err
	}
	return reqs.decode()
}

// docReads are the requests that read one document.
type docReads struct {
	id                     string
	rec, text, spans, logs js.Value
	withLog                bool
}

// readDoc asks for a document's record, text and spans, and its undo
// history when withLog.
func (d *IDB) readDoc(t *tx, id string, withLog bool) docReads {
	r := docReads{
		id:    id,
		rec:   t.store(storeDocs).Call("get", id),
		text:  t.store(storeTexts).Call("get", id),
		spans: t.store(storeSpans).Call("getAll", spanRange(id)),
	}
	if withLog {
		r.logs, r.withLog = t.store(storeLogs).Call("get", id), true
	}
	return r
}

func (r docReads) decode() (corpus.Document, history.Log, error) {
	var doc corpus.Document
	var log history.Log
	recv := r.rec.Get("result")
	if recv.IsUndefined() {
		return doc, log, locale.Errorf("document %s: %v", r.id, store.ErrNotFound)
	}
	var rec docRecord
	if err := json.Unmarshal([]byte(recv.String()), &rec); err != nil {
		return doc, log, fmt.Errorf("document %s: stored record is damaged: %v", r.id, err)
	}
	doc = corpus.Document{
		ID: rec.ID, Title: rec.Title, Status: rec.Status, Meta: rec.Meta, Digest: rec.Digest,
		Created: rec.Created, Modified: rec.Modified, Rev: rec.Rev,
		Text: r.text.Get("result").String(),
	}
	// The bulk record, when there is one, comes first (bulkKey sorts
	// first); the records of one span each follow.
	res := r.spans.Get("result")
	var pieces [][]corpus.Span
	var err error
	if n := res.Length(); n > 0 {
		pieces, err = decodeSpanLines(res.Index(0), nil)
		for i := 1; i < n && err == nil; i += spanBatch {
			pieces, err = decodeSpanLines(res.Call("slice", i, i+spanBatch).Call("join", "\n"), pieces)
		}
	}
	if err != nil {
		return doc, log, fmt.Errorf("document %s: stored span is damaged: %v", r.id, err)
	}
	doc.Spans = concatSpans(pieces)
	corpus.SortSpans(doc.Spans)
	if !r.withLog {
		return doc, log, nil
	}
	if l := r.logs.Get("result"); !l.IsUndefined() {
		if err := json.Unmarshal([]byte(l.String()), &log); err != nil {
			return doc, log, fmt.Errorf("document %s: stored undo history is damaged: %v", r.id, err)
		}
	}
	return doc, log, nil
}

// spanPiece is about the most UTF-16 code units of span lines read into Go
// at once: a piece ends at the first line break after as many.
const spanPiece = 1 << 18

// decodeSpanLines appends to pieces the spans of lines, a JS string of span
// lines as store.AppendSpanLines writes them. It reads lines in pieces cut
// at line breaks: a long document's spans never cross into Go as one
// string, which Go would hold twice over while it converts it.
func decodeSpanLines(lines js.Value, pieces [][]corpus.Span) ([][]corpus.Span, error) {
	for from := 0; from >= 0; {
		// syscall/js reads no property of a string, nor calls its methods:
		// String.prototype's are called with the string as this.
		var piece js.Value
		to := stringMethod("indexOf").Call("call", lines, "\n", from+spanPiece).Int()
		if to < 0 {
			piece = stringMethod("substring").Call("call", lines, from)
		} else {
			piece = stringMethod("substring").Call("call", lines, from, to)
			to++
		}
		spans, err := store.DecodeSpanLines(piece.String())
		if err != nil {
			return nil, err
		}
		pieces, from = append(pieces, spans), to
	}
	return pieces, nil
}

// concatSpans returns the spans of pieces in one slice, never nil (JSON
// "spans": [], not null).
func concatSpans(pieces [][]corpus.Span) []corpus.Span {
	if out := slices.Concat(pieces...); out != nil {
		return out
	}
	return []corpus.Span{}
}

// stringMethod returns String.prototype's method name.
func stringMethod(name string) js.Value {
	return js.Global().Get("String").Get("prototype").Get(name)
}

// Add stores new documents, all or none.
func (d *IDB) Add(docs []corpus.Document) error {
	docs = append([]corpus.Document(nil), docs...) // IDs are filled in on a copy
	seen := make(map[string]bool, len(docs))
	for i := range docs {
		d := &docs[i]
		if d.ID == "" || seen[d.ID] {
			return fmt.Errorf("document %d: empty or repeated ID %q", i+1, d.ID)
		}
		seen[d.ID] = true
		if err := corpus.Validate(d, nil); err != nil {
			return fmt.Errorf("document %s: %v", d.ID, err)
		}
		// Spans are stored by ID: give the ones that have none an ID.
		ids := make(map[string]bool, len(d.Spans))
		spans := make([]corpus.Span, len(d.Spans))
		for j, sp := range d.Spans {
			if sp.ID == "" {
				sp.ID = uuid.NewString()
			}
			if ids[sp.ID] {
				return fmt.Errorf("document %s: span ID %q used twice", d.ID, sp.ID)
			}
			ids[sp.ID] = true
			spans[j] = sp
		}
		d.Spans = spans
	}
	t, err := d.begin("readwrite", "saving imported documents")
	if err != nil {
		return err
	}
	t.guard(func() { d.add(t, docs) })
	return t.wait()
}

func (d *IDB) add(t *tx, docs []corpus.Document) {
	seq := time.Now().UnixNano()
	ds, ts, ss := t.store(storeDocs), t.store(storeTexts), t.store(storeSpans)
	var buf []byte
	for i, doc := range docs {
		rec := docRecord{Summary: corpus.Summarize(doc), Meta: doc.Meta, Created: doc.Created, Seq: seq + int64(i)}
		req := ds.Call("add", encode(rec), doc.ID)
		id := doc.ID
		fail := js.FuncOf(func(this js.Value, args []js.Value) any {
			if req.Get("error").Get("name").String() == "ConstraintError" {
				t.abort(fmt.Errorf("document %s is already stored", id))
			}
			return nil
		})
		t.funcs = append(t.funcs, fail)
		req.Set("onerror", fail)
		ts.Call("put", doc.Text, doc.ID)
		if len(doc.Spans) > 0 {
			buf = store.AppendSpanLines(buf[:0], doc.Spans)
			ss.Call("put", string(buf), []any{doc.ID, bulkKey})
		}
	}
}

// Apply stores one edit of a stored document.
func (d *IDB) Apply(id string, e store.Edit) error {
	t, err := d.begin("readwrite", "saving the edit")
	if err != nil {
		return err
	}
	t.guard(func() { d.apply(t, id, e) })
	return t.wait()
}

func (d *IDB) apply(t *tx, id string, e store.Edit) {
	for _, sp := range e.Put {
		if sp.ID == "" {
			t.abort(fmt.Errorf("document %s: a span to store has no ID", id))
			return
		}
	}
	ds, ss := t.store(storeDocs), t.store(storeSpans)
	get := ds.Call("get", id)
	t.onSuccess(get, func(res js.Value) {
		if res.IsUndefined() {
			t.abort(fmt.Errorf("document %s: %w", id, store.ErrNotFound))
			return
		}
		var rec docRecord
		if err := json.Unmarshal([]byte(res.String()), &rec); err != nil {
			t.abort(fmt.Errorf("document %s: stored record is damaged: %v", id, err))
			return
		}
		if rec.Rev != e.Base {
			t.abort(fmt.Errorf("document %s: %w", id, store.ErrConflict))
			return
		}
		for _, sp := range e.Put {
			if sp.Start < 0 || sp.Start >= sp.End || sp.End > rec.Length {
				t.abort(fmt.Errorf("document %s: span %s [%d, %d) is not a range of its %d code points", id, sp.ID, sp.Start, sp.End, rec.Length))
				return
			}
		}
		rec.Summary = e.Summary
		ds.Call("put", encode(rec), id)
	})
	t.store(storeLogs).Call("put", encode(e.Log), id)
	// The edit's own span writes come after the bulk record, if any, is
	// split, for they may replace or delete spans it holds.
	write := func() {
		for _, sid := range e.Delete {
			ss.Call("delete", []any{id, sid})
		}
		for _, sp := range e.Put {
			ss.Call("put", string(store.AppendSpan(nil, sp)), []any{id, sp.ID})
		}
	}
	bulk := ss.Call("get", []any{id, bulkKey})
	t.onSuccess(bulk, func(res js.Value) {
		t.guard(func() {
			if res.IsUndefined() {
				write()
				return
			}
			lines := strings.Split(res.String(), "\n")
			spanIDs := make([]string, len(lines))
			var dec store.SpanDecoder
			for i, line := range lines {
				sp, err := dec.Decode(line)
				if err != nil {
					t.abort(fmt.Errorf("document %s: stored span is damaged: %v", id, err))
					return
				}
				spanIDs[i] = sp.ID
			}
			ss.Call("delete", []any{id, bulkKey})
			var next func(from int)
			next = func(from int) {
				t.guard(func() {
					to := min(from+spanBatch, len(lines))
					var last js.Value
					for i := from; i < to; i++ {
						last = ss.Call("put", lines[i], []any{id, spanIDs[i]})
					}
					if to < len(lines) {
						t.onSuccess(last, func(js.Value) { next(to) })
						return
					}
					write()
				})
			}
			next(0)
		})
	})
}

// Delete removes documents with their spans and history, all or none: an
// unknown ID makes it fail with store.ErrNotFound without a change.
func (d *IDB) Delete(ids ...string) error {
	t, err := d.begin("readwrite", "deleting documents")
	if err != nil {
		return err
	}
	t.guard(func() {
		for _, id := range ids {
			t.onSuccess(t.store(storeDocs).Call("count", id), func(n js.Value) {
				if n.Int() == 0 {
					t.abort(fmt.Errorf("document %s: %w", id, store.ErrNotFound))
					return
				}
				t.guard(func() {
					t.store(storeDocs).Call("delete", id)
					t.store(storeTexts).Call("delete", id)
					t.store(storeLogs).Call("delete", id)
					t.store(storeSpans).Call("delete", spanRange(id))
					t.store(storeLayers).Call("delete", spanRange(id))
					t.store(storeLayerSpans).Call("delete", spanRange(id))
				})
			})
		}
	})
	return t.wait()
}

// Documents returns every document with its spans, in List order. It reads
// them in runs of documents, one transaction each, handing the page back to
// the browser between runs; callers serialise writes (the app's save queue),
// so the runs see one state.
func (d *IDB) Documents() ([]corpus.Document, error) {
	sums, err := d.List()
	if err != nil {
		return nil, err
	}
	out := make([]corpus.Document, 0, len(sums))
	ids := make([]string, 0, len(sums))
	for _, s := range sums {
		ids = append(ids, s.ID)
	}
	y := Yielder{Budget: 30 * time.Millisecond}
	const run = 50
	for from := 0; from < len(ids); from += run {
		docs, err := d.Read(ids[from:min(from+run, len(ids))])
		if err != nil {
			return nil, err
		}
		out = append(out, docs...)
		y.Maybe()
	}
	return out, nil
}

// Read returns the documents of ids with their spans (not their undo
// histories), in that order, read in one transaction.
func (d *IDB) Read(ids []string) ([]corpus.Document, error) {
	t, err := d.begin("readonly", "reading the corpus")
	if err != nil {
		return nil, err
	}
	reads := make([]docReads, len(ids))
	for i, id := range ids {
		reads[i] = d.readDoc(t, id, false)
	}
	if err := t.wait(); err != nil {
		return nil, err
	}
	out := make([]corpus.Document, len(ids))
	for i, r := range reads {
		doc, _, err := r.decode()
		if err != nil {
			return nil, err
		}
		out[i] = doc
	}
	return out, nil
}

// Texts returns the texts of the documents of ids, in that order, read in
// one transaction.
func (d *IDB) Texts(ids []string) ([]string, error) {
	t, err := d.begin("readonly", "reading the corpus")
	if err != nil {
		return nil, err
	}
	reqs := make([]js.Value, len(ids))
	for i, id := range ids {
		reqs[i] = t.store(storeTexts).Call("get", id)
	}
	if err := t.wait(); err != nil {
		return nil, err
	}
	out := make([]string, len(ids))
	for i, r := range reqs {
		v := r.Get("result")
		if v.IsUndefined() {
			return nil, fmt.Errorf("document %s: %w", ids[i], store.ErrNotFound)
		}
		out[i] = v.String()
	}
	return out, nil
}

// Persist asks the browser not to evict the site's storage; it reports
// whether the browser agreed. It blocks.
func Persist() (bool, error) {
	st := js.Global().Get("navigator").Get("storage")
	if !st.Truthy() || !st.Get("persist").Truthy() {
		return false, errors.New("this browser cannot make storage persistent")
	}
	v, err := Await(st.Call("persist"))
	if err != nil {
		return false, err
	}
	return v.Bool(), nil
}
