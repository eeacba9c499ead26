// Package storetest checks that an implementation of store.Store keeps the
// whole contract, so the in-memory store and the browser's IndexedDB store
// run the same suite.
//
// The suite compares times with their location and monotonic reading
// dropped and treats nil and empty slices and maps alike, so a store that
// round-trips through JSON passes; the times it uses have millisecond
// precision, as JavaScript dates do.
package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/store"
)

// Run checks the store.Store contract against stores made by open, which
// must return a new, empty store each time it is called.
//
// Besides the interface's doc comments, the suite holds a store to these
// rules: Open, Apply and Delete report an unknown document with an error
// matching store.ErrNotFound; Add gives spans without an ID a fresh unique
// one and rejects a batch with an empty, repeated or stored document ID, a
// repeated span ID or a document corpus.Validate (with no schema) rejects;
// Apply sets the title, status and modified time from Edit.Summary, deletes the
// spans of Edit.Delete (unknown span IDs are ignored) and then puts Edit.Put
// by span ID, replaces the log, and rejects a put span with no ID or an
// empty or out-of-range one, and refuses, with store.ErrConflict, an edit
// whose Base is not the stored revision, which each edit replaces with its
// Summary.Rev; Delete with an unknown ID deletes nothing. Layers, Layer,
// PutLayers and DeleteLayer report an unknown document with
// store.ErrNotFound, and Layer and DeleteLayer an unknown layer with
// store.ErrNoLayer; PutLayers gives spans without an ID a fresh one and
// rejects a batch naming a layer of a document twice, a layer
// corpus.ValidateLayer rejects or a repeated span ID; a layer outlives
// edits of its document's own spans, and a document deleted and added
// again has none.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		f    func(t *testing.T, s store.Store)
	}{
		{"Empty", testEmpty},
		{"AddListOpen", testAddListOpen},
		{"AddAssignsSpanIDs", testAddAssignsSpanIDs},
		{"AddAtomic", testAddAtomic},
		{"Apply", testApply},
		{"ApplyAtomic", testApplyAtomic},
		{"ApplyConflict", testApplyConflict},
		{"Delete", testDelete},
		{"DeleteAtomic", testDeleteAtomic},
		{"Documents", testDocuments},
		{"NoAliasing", testNoAliasing},
		{"Layers", testLayers},
		{"LayersAtomic", testLayersAtomic},
		{"LayersDelete", testLayersDelete},
		{"LayersCuration", testLayersCuration},
		{"LayersBatch", testLayersBatch},
		{"LayersMany", testLayersMany},
		{"TextsMany", testTextsMany},
		{"Models", testModels},
		{"ManySpans", testManySpans},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.f(t, open(t)) })
	}
}

var base = time.Date(2025, 10, 7, 8, 30, 0, 0, time.UTC)

// at returns the base time plus ms milliseconds.
func at(ms int) time.Time { return base.Add(time.Duration(ms) * time.Millisecond) }

func span(id string, start, end int, l corpus.Label) corpus.Span {
	return corpus.Span{ID: id, Start: start, End: end, Label: l, Annotator: "a", Created: at(1), Modified: at(2)}
}

// fixture returns a fresh document: "في ولاية كاي، قتل الجيش المالي 🔥 أربعة" with
// spans on كاي (PLACE) and الجيش المالي (ACTOR).
func fixture(id string) corpus.Document {
	return corpus.Document{
		ID:     id,
		Title:  "وثيقة " + id,
		Text:   "في ولاية كاي، قتل الجيش المالي 🔥 أربعة",
		Status: corpus.StatusNew,
		Meta:   map[string]json.RawMessage{"source": json.RawMessage(`"test"`), "n": json.RawMessage(`[1,2]`)},
		Spans: []corpus.Span{
			span(id+"-s1", 9, 12, corpus.Place),
			{ID: id + "-s2", Start: 18, End: 30, Label: corpus.Actor, Annotator: "b", Created: at(3), Modified: at(4), Attrs: map[string]string{"note": "x"}},
		},
		Created:  at(0),
		Modified: at(5),
	}
}

func logWith(added ...corpus.Span) history.Log {
	var l history.Log
	return l.Record(history.Change{Added: added, StatusBefore: corpus.StatusNew, StatusAfter: corpus.StatusInProgress})
}

// Normalised copies for comparison.

func normTime(t time.Time) time.Time { return t.UTC() }

func normSpans(spans []corpus.Span) []corpus.Span {
	if len(spans) == 0 {
		return nil
	}
	out := make([]corpus.Span, len(spans))
	for i, sp := range spans {
		sp.Created, sp.Modified = normTime(sp.Created), normTime(sp.Modified)
		if len(sp.Attrs) == 0 {
			sp.Attrs = nil
		}
		out[i] = sp
	}
	return out
}

func normDoc(d corpus.Document) corpus.Document {
	d.Spans = normSpans(d.Spans)
	if len(d.Meta) == 0 {
		d.Meta = nil
	}
	d.Created, d.Modified = normTime(d.Created), normTime(d.Modified)
	return d
}

func normChanges(cs []history.Change) []history.Change {
	if len(cs) == 0 {
		return nil
	}
	out := make([]history.Change, len(cs))
	for i, c := range cs {
		c.Removed, c.Added = normSpans(c.Removed), normSpans(c.Added)
		out[i] = c
	}
	return out
}

func normLog(l history.Log) history.Log {
	return history.Log{Done: normChanges(l.Done), Undone: normChanges(l.Undone)}
}

func normSummary(s corpus.Summary) corpus.Summary {
	if len(s.Counts) == 0 {
		s.Counts = nil
	}
	s.Modified = normTime(s.Modified)
	return s
}

func show(v any) string {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Sprintf("%+v", v)
	}
	return string(b)
}

func wantDoc(t *testing.T, what string, got, want corpus.Document) {
	t.Helper()
	if want.Digest == "" {
		want.Digest = corpus.DigestOf(want.Text) // Add records it
	}
	if g, w := normDoc(got), normDoc(want); !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\ngot  %s\nwant %s", what, show(g), show(w))
	}
}

func wantLog(t *testing.T, what string, got, want history.Log) {
	t.Helper()
	if g, w := normLog(got), normLog(want); !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\ngot  %s\nwant %s", what, show(g), show(w))
	}
}

// wantStored checks that s holds exactly docs, in order, with logs.
func wantStored(t *testing.T, s store.Store, docs []corpus.Document, logs []history.Log) {
	t.Helper()
	list, err := s.List()
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(list) != len(docs) {
		t.Fatalf("List has %d summaries, want %d: %s", len(list), len(docs), show(list))
	}
	for i, d := range docs {
		if g, w := normSummary(list[i]), normSummary(corpus.Summarize(d)); !reflect.DeepEqual(g, w) {
			t.Errorf("List()[%d]:\ngot  %s\nwant %s", i, show(g), show(w))
		}
		got, log, err := s.Open(d.ID)
		if err != nil {
			t.Errorf("Open(%q): %v", d.ID, err)
			continue
		}
		wantDoc(t, fmt.Sprintf("Open(%q)", d.ID), got, d)
		var wl history.Log
		if logs != nil {
			wl = logs[i]
		}
		wantLog(t, fmt.Sprintf("Open(%q) log", d.ID), log, wl)
	}
	all, err := s.Documents()
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	if len(all) != len(docs) {
		t.Fatalf("Documents has %d documents, want %d", len(all), len(docs))
	}
	for i, d := range docs {
		wantDoc(t, fmt.Sprintf("Documents()[%d]", i), all[i], d)
	}
	// Read, in reverse order, and with a missing ID.
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[len(docs)-1-i] = d.ID
	}
	read, err := s.Read(ids)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(read) != len(ids) {
		t.Fatalf("Read(%d IDs) returned %d documents", len(ids), len(read))
	}
	for i, id := range ids {
		wantDoc(t, fmt.Sprintf("Read(...)[%d]", i), read[i], docs[slices.IndexFunc(docs, func(d corpus.Document) bool { return d.ID == id })])
	}
	_, err = s.Read(append(ids, "missing"))
	wantNotFound(t, "Read(..., missing)", err)
	texts, err := s.Texts(ids)
	if err != nil {
		t.Fatalf("Texts: %v", err)
	}
	for i := range ids {
		if texts[i] != read[i].Text {
			t.Errorf("Texts(...)[%d] = %.20q, Read gives %.20q", i, texts[i], read[i].Text)
		}
	}
	if len(texts) != len(ids) {
		t.Errorf("Texts(%d IDs) returned %d texts", len(ids), len(texts))
	}
	_, err = s.Texts(append(ids, "missing"))
	wantNotFound(t, "Texts(..., missing)", err)
}

func wantNotFound(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("%s: error %v, want store.ErrNotFound", what, err)
	}
}

func mustAdd(t *testing.T, s store.Store, docs ...corpus.Document) {
	t.Helper()
	if err := s.Add(docs); err != nil {
		t.Fatalf("Add: %v", err)
	}
}

func testEmpty(t *testing.T, s store.Store) {
	wantStored(t, s, nil, nil)
	_, _, err := s.Open("missing")
	wantNotFound(t, "Open(missing)", err)
	wantNotFound(t, "Apply(missing)", s.Apply("missing", store.Edit{}))
	wantNotFound(t, "Delete(missing)", s.Delete("missing"))
	if err := s.Add(nil); err != nil {
		t.Errorf("Add(nil): %v", err)
	}
	if err := s.Delete(); err != nil {
		t.Errorf("Delete(): %v", err)
	}
	wantStored(t, s, nil, nil)
}

func testAddListOpen(t *testing.T, s store.Store) {
	a, b, c := fixture("a"), fixture("b"), fixture("c")
	b.Spans = nil
	b.Status = corpus.StatusDone
	c.Meta = nil
	mustAdd(t, s, b, a)
	mustAdd(t, s, c)
	wantStored(t, s, []corpus.Document{b, a, c}, nil)
}

func testAddAssignsSpanIDs(t *testing.T, s store.Store) {
	d := fixture("a")
	d.Spans[0].ID, d.Spans[1].ID = "", ""
	mustAdd(t, s, d)
	got, _, err := s.Open("a")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Spans) != 2 || got.Spans[0].ID == "" || got.Spans[0].ID == got.Spans[1].ID {
		t.Fatalf("spans without IDs stored as %s, want two distinct IDs", show(got.Spans))
	}
	d.Spans[0].ID, d.Spans[1].ID = got.Spans[0].ID, got.Spans[1].ID
	wantStored(t, s, []corpus.Document{d}, nil)
	// The assigned IDs address the spans in edits.
	after := d
	after.Spans = d.Spans[1:]
	e := store.Edit{Summary: corpus.Summarize(after), Delete: []string{d.Spans[0].ID}}
	if err := s.Apply("a", e); err != nil {
		t.Fatalf("Apply deleting an assigned ID: %v", err)
	}
	d = after
	wantStored(t, s, []corpus.Document{d}, nil)
}

func testAddAtomic(t *testing.T, s store.Store) {
	a := fixture("a")
	mustAdd(t, s, a)
	overlap := fixture("bad")
	overlap.Spans[1].Start = 10
	unsorted := fixture("bad")
	unsorted.Spans[0], unsorted.Spans[1] = unsorted.Spans[1], unsorted.Spans[0]
	outOfRange := fixture("bad")
	outOfRange.Spans[1].End = 1000
	emptySpan := fixture("bad")
	emptySpan.Spans[0].End = emptySpan.Spans[0].Start
	emptyText := fixture("bad")
	emptyText.Text, emptyText.Spans = "", nil
	badStatus := fixture("bad")
	badStatus.Status = "finished"
	noID := fixture("")
	dupSpan := fixture("bad")
	dupSpan.Spans[1].ID = dupSpan.Spans[0].ID
	badUTF8 := fixture("bad")
	badUTF8.Text, badUTF8.Spans = "abc\xff", nil
	tests := []struct {
		name string
		docs []corpus.Document
	}{
		{"ID already stored", []corpus.Document{fixture("d"), fixture("a")}},
		{"ID twice in batch", []corpus.Document{fixture("d"), fixture("d")}},
		{"empty ID", []corpus.Document{fixture("d"), noID}},
		{"overlapping spans", []corpus.Document{fixture("d"), overlap}},
		{"unsorted spans", []corpus.Document{fixture("d"), unsorted}},
		{"span out of range", []corpus.Document{fixture("d"), outOfRange}},
		{"empty span", []corpus.Document{fixture("d"), emptySpan}},
		{"empty text", []corpus.Document{fixture("d"), emptyText}},
		{"invalid UTF-8", []corpus.Document{fixture("d"), badUTF8}},
		{"unknown status", []corpus.Document{fixture("d"), badStatus}},
		{"span ID twice", []corpus.Document{fixture("d"), dupSpan}},
	}
	for _, tt := range tests {
		if err := s.Add(tt.docs); err == nil {
			t.Errorf("Add with %s succeeded", tt.name)
		}
		_, _, err := s.Open("d")
		wantNotFound(t, "Open(d) after a failed Add with "+tt.name, err)
	}
	wantStored(t, s, []corpus.Document{a}, nil)
	// A batch that failed can be added once fixed.
	mustAdd(t, s, fixture("d"))
	wantStored(t, s, []corpus.Document{a, fixture("d")}, nil)
}

func testApply(t *testing.T, s store.Store) {
	a, b := fixture("a"), fixture("b")
	mustAdd(t, s, a, b)
	apply := func(what string, d corpus.Document, e store.Edit) {
		t.Helper()
		if err := s.Apply(d.ID, e); err != nil {
			t.Fatalf("Apply %s: %v", what, err)
		}
	}

	// Put a new span between the two, change the status, record a log.
	s3 := span("a-s3", 14, 17, corpus.Casualty) // قتل
	a.Spans = []corpus.Span{a.Spans[0], s3, a.Spans[1]}
	a.Status, a.Modified = corpus.StatusInProgress, at(100)
	log := logWith(s3)
	apply("add", a, store.Edit{Summary: corpus.Summarize(a), Put: []corpus.Span{s3}, Log: log})
	wantStored(t, s, []corpus.Document{a, b}, []history.Log{log, {}})

	// Relabel (put an existing ID) and delete another span.
	old := a.Spans[0]
	relabelled := old
	relabelled.Label, relabelled.Modified = corpus.Actor, at(200)
	removed := a.Spans[2]
	a.Spans = []corpus.Span{relabelled, s3}
	a.Modified = at(200)
	log = log.Record(history.Change{Removed: []corpus.Span{old, removed}, Added: []corpus.Span{relabelled}, StatusBefore: a.Status, StatusAfter: a.Status})
	apply("relabel and delete", a, store.Edit{Summary: corpus.Summarize(a), Put: []corpus.Span{relabelled}, Delete: []string{removed.ID}, Log: log})
	wantStored(t, s, []corpus.Document{a, b}, []history.Log{log, {}})

	// Rename: the title comes from the summary, spans and log stay.
	a.Title, a.Modified = "عنوان آخر 🔥", at(250)
	apply("rename", a, store.Edit{Summary: corpus.Summarize(a), Log: log})
	wantStored(t, s, []corpus.Document{a, b}, []history.Log{log, {}})

	// Move a span before another (puts re-sort) and undo in the log.
	moved := s3
	moved.Start, moved.End = 0, 2 // في
	a.Spans = []corpus.Span{moved, relabelled}
	_, log, _ = log.Undo()
	a.Modified = at(300)
	apply("move", a, store.Edit{Summary: corpus.Summarize(a), Put: []corpus.Span{moved}, Log: log})
	wantStored(t, s, []corpus.Document{a, b}, []history.Log{log, {}})

	// Delete and put the same ID: the put wins. Unknown IDs are ignored.
	back := removed
	a.Spans = []corpus.Span{moved, relabelled, back}
	apply("delete and put", a, store.Edit{Summary: corpus.Summarize(a), Put: []corpus.Span{back}, Delete: []string{back.ID, "no-such-span"}, Log: log})
	wantStored(t, s, []corpus.Document{a, b}, []history.Log{log, {}})

	// Status only, and the status back; an empty log clears it.
	a.Status, a.Modified = corpus.StatusDone, at(400)
	apply("status", a, store.Edit{Summary: corpus.Summarize(a)})
	wantStored(t, s, []corpus.Document{a, b}, []history.Log{{}, {}})

	// Remove every span.
	a.Spans, a.Modified = nil, at(500)
	apply("remove all", a, store.Edit{Summary: corpus.Summarize(a), Delete: []string{moved.ID, relabelled.ID, back.ID}})
	wantStored(t, s, []corpus.Document{a, b}, []history.Log{{}, {}})
}

func testApplyAtomic(t *testing.T, s store.Store) {
	a := fixture("a")
	mustAdd(t, s, a)
	log := logWith(a.Spans[0])
	if err := s.Apply("a", store.Edit{Summary: corpus.Summarize(a), Log: log}); err != nil {
		t.Fatal(err)
	}
	changed := a
	changed.Status, changed.Modified = corpus.StatusDone, at(999)
	sum := corpus.Summarize(changed)
	ok := span("new", 0, 2, corpus.Date)
	noID := span("", 3, 8, corpus.Place)
	empty := span("new2", 3, 3, corpus.Date)
	reversed := span("new2", 3, 1, corpus.Date)
	negative := span("new2", -1, 2, corpus.Date)
	past := span("new2", 35, 39, corpus.Date) // the text has 38 code points
	newLog := log.Record(history.Change{Added: []corpus.Span{ok}})
	tests := []struct {
		name string
		id   string
		e    store.Edit
	}{
		{"unknown document", "missing", store.Edit{Summary: sum, Put: []corpus.Span{ok}, Log: newLog}},
		{"span without ID", "a", store.Edit{Summary: sum, Put: []corpus.Span{ok, noID}, Delete: []string{a.Spans[0].ID}, Log: newLog}},
		{"empty span", "a", store.Edit{Summary: sum, Put: []corpus.Span{ok, empty}, Delete: []string{a.Spans[0].ID}, Log: newLog}},
		{"reversed span", "a", store.Edit{Summary: sum, Put: []corpus.Span{ok, reversed}, Log: newLog}},
		{"negative start", "a", store.Edit{Summary: sum, Put: []corpus.Span{ok, negative}, Log: newLog}},
		{"end past the text", "a", store.Edit{Summary: sum, Put: []corpus.Span{ok, past}, Log: newLog}},
	}
	for _, tt := range tests {
		err := s.Apply(tt.id, tt.e)
		if err == nil {
			t.Errorf("Apply with %s succeeded", tt.name)
		}
		if tt.id == "missing" {
			wantNotFound(t, "Apply(missing)", err)
		}
	}
	wantStored(t, s, []corpus.Document{a}, []history.Log{log})
}

// testApplyConflict applies edits made on the stored revision, and one made
// on an older revision (as another tab's would be), which is refused with
// store.ErrConflict and changes nothing.
func testApplyConflict(t *testing.T, s store.Store) {
	a := fixture("a")
	mustAdd(t, s, a)
	edit := func(base, rev string, st corpus.Status) store.Edit {
		d := a
		d.Status, d.Rev = st, rev
		return store.Edit{Base: base, Summary: corpus.Summarize(d)}
	}
	if err := s.Apply("a", edit("", "r1", corpus.StatusInProgress)); err != nil {
		t.Fatalf("the first edit: %v", err)
	}
	err := s.Apply("a", edit("", "r2", corpus.StatusDone))
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("an edit of an older revision: %v, want store.ErrConflict", err)
	}
	got, _, err := s.Open("a")
	if err != nil || got.Rev != "r1" || got.Status != corpus.StatusInProgress {
		t.Errorf("after the refused edit: revision %q, status %q (%v), want r1 and in_progress", got.Rev, got.Status, err)
	}
	if err := s.Apply("a", edit("r1", "r2", corpus.StatusDone)); err != nil {
		t.Fatalf("an edit of the stored revision: %v", err)
	}
	sums, err := s.List()
	if err != nil || len(sums) != 1 || sums[0].Rev != "r2" || sums[0].Status != corpus.StatusDone {
		t.Errorf("listed %+v (%v), want revision r2, done", sums, err)
	}
}

func testDelete(t *testing.T, s store.Store) {
	a, b, c := fixture("a"), fixture("b"), fixture("c")
	mustAdd(t, s, a, b, c)
	log := logWith(b.Spans[0])
	if err := s.Apply("b", store.Edit{Summary: corpus.Summarize(b), Log: log}); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete("b"); err != nil {
		t.Fatalf("Delete(b): %v", err)
	}
	wantStored(t, s, []corpus.Document{a, c}, nil)
	_, _, err := s.Open("b")
	wantNotFound(t, "Open after Delete", err)
	wantNotFound(t, "Apply after Delete", s.Apply("b", store.Edit{Summary: corpus.Summarize(b)}))

	// A deleted ID can be added again, with no spans or history of the old one.
	b2 := fixture("b")
	b2.Spans = b2.Spans[:1]
	mustAdd(t, s, b2)
	wantStored(t, s, []corpus.Document{a, c, b2}, nil)

	if err := s.Delete("c", "a"); err != nil {
		t.Fatalf("Delete(c, a): %v", err)
	}
	wantStored(t, s, []corpus.Document{b2}, nil)
	if err := s.Delete("b", "b"); err != nil {
		t.Fatalf("Delete(b, b): %v", err)
	}
	wantStored(t, s, nil, nil)
}

func testDeleteAtomic(t *testing.T, s store.Store) {
	a, b := fixture("a"), fixture("b")
	mustAdd(t, s, a, b)
	wantNotFound(t, "Delete(a, missing)", s.Delete("a", "missing"))
	wantNotFound(t, "Delete(missing, b)", s.Delete("missing", "b"))
	wantStored(t, s, []corpus.Document{a, b}, nil)
}

func testDocuments(t *testing.T, s store.Store) {
	docs := make([]corpus.Document, 0, 12)
	for i := range 12 {
		d := fixture(fmt.Sprintf("doc-%02d", (i*7)%12))
		if i%3 == 0 {
			d.Spans = nil
		}
		docs = append(docs, d)
	}
	mustAdd(t, s, docs[:5]...)
	mustAdd(t, s, docs[5:]...)
	d := &docs[4]
	d.Spans = d.Spans[1:]
	d.Status = corpus.StatusInProgress
	if err := s.Apply(d.ID, store.Edit{Summary: corpus.Summarize(*d), Delete: []string{fixture(d.ID).Spans[0].ID}}); err != nil {
		t.Fatal(err)
	}
	wantStored(t, s, docs, nil)
}

func testNoAliasing(t *testing.T, s store.Store) {
	in := fixture("a")
	want := fixture("a")
	mustAdd(t, s, in)
	// Changing what was added does not change the store.
	in.Spans[0].Label = corpus.Date
	in.Spans[1].Attrs["note"] = "changed"
	in.Meta["source"][1] = 'X'
	in.Meta["new"] = json.RawMessage(`1`)
	wantStored(t, s, []corpus.Document{want}, nil)

	// Nor does changing what was returned.
	got, _, err := s.Open("a")
	if err != nil {
		t.Fatal(err)
	}
	got.Spans[0].Label = corpus.Date
	got.Spans[1].Attrs["note"] = "changed"
	got.Meta["source"][1] = 'X'
	all, err := s.Documents()
	if err != nil {
		t.Fatal(err)
	}
	all[0].Spans[1].Attrs["note"] = "changed"
	all[0].Spans = append(all[0].Spans[:0], span("x", 0, 1, corpus.Date))
	wantStored(t, s, []corpus.Document{want}, nil)

	// Nor changing an applied edit, or the log it carried.
	put := span("new", 0, 2, corpus.Date)
	put.Attrs = map[string]string{"iso_date": "2025-10-07"}
	log := logWith(put)
	want.Spans = append([]corpus.Span{span("new", 0, 2, corpus.Date)}, want.Spans...)
	e := store.Edit{Summary: corpus.Summarize(want), Put: []corpus.Span{put}, Log: log}
	if err := s.Apply("a", e); err != nil {
		t.Fatal(err)
	}
	want.Spans[0].Attrs = map[string]string{"iso_date": "2025-10-07"}
	wantLogCopy := logWith(want.Spans[0])
	e.Put[0].Attrs["iso_date"] = "changed"
	e.Put[0].End = 1
	log.Done[0].Added[0].Label = corpus.Actor
	log.Done[0].Added[0].Attrs["iso_date"] = "changed"
	wantStored(t, s, []corpus.Document{want}, []history.Log{wantLogCopy})

	_, gotLog, err := s.Open("a")
	if err != nil {
		t.Fatal(err)
	}
	gotLog.Done[0].Added[0].Label = corpus.Actor
	gotLog.Done[0].Added[0].Attrs["iso_date"] = "changed"
	wantStored(t, s, []corpus.Document{want}, []history.Log{wantLogCopy})
}
