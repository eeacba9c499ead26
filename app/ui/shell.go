// Package ui holds raqim's go-app components. They render state and forward
// intents to the domain packages under internal/; browser APIs are reached
// through app/browser.
package ui

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/editor"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/importer"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/store"
)

// Preference keys in localStorage (small values only; the corpus is in IndexedDB).
const (
	prefOpen      = "raqim.open"      // ID of the open document
	prefSeeded    = "raqim.seeded"    // the sample corpus was offered once
	prefAnnotator = "raqim.annotator" // the annotator's name
)

// Message is a notice shown to the user.
type Message struct {
	ID   int
	Kind string // "error", "warn" or "info"
	Text string
}

// job is work for the saver goroutine, which runs store calls one at a time
// in the order the user made them.
type job func()

// Shell is the root component: the document list, the open document, the
// palette and the side panels.
type Shell struct {
	app.Compo

	schema    *corpus.Schema
	st        store.Store
	durable   bool // st is the browser's storage, not a stand-in
	annotator string
	jobs      chan job

	sums      []corpus.Summary
	docsShown []bool // document-list chunks drawn
	docsGen   int
	ed        *editor.Editor
	doc       corpus.Document
	runes     []rune
	lay       layout
	gen       int

	docVis, listVis, docsVis *browser.Visibility
	painted                  painted

	selected  string // selected span ID
	listSel   string // selected span ID, as the side list shows it
	drawnSel  string // selected span ID, as paintNow last drew it
	flash     string // span ID flashing after a jump from the list
	pending   int    // edits not yet committed to storage
	saves     int    // commits and completed saves, so the indicator redraws
	saveErr   string
	loading   string // what is being loaded, shown instead of the document
	busy      string // long work under way (import, export)
	msgs      []Message
	seq       int
	ctx       *app.Context
	evictable bool         // the browser did not grant persistent storage
	held      []heldImport // files waiting for a label mapping
	dataset   datasetPrefs
	exportSet bool // the dataset export settings are shown
	guide     bool
	dragging  bool

	keys app.Func
}

// OnMount opens storage, restores the session and installs the keyboard handler.
func (s *Shell) OnMount(ctx app.Context) {
	s.schema = corpus.Default
	s.ctx = &ctx
	s.painted = make(painted)
	s.annotator = "annotator"
	var name string
	if ctx.LocalStorage().Get(prefAnnotator, &name); name != "" {
		s.annotator = name
	}
	s.loadDatasetPrefs(ctx)
	s.jobs = make(chan job, 4096)
	s.loading = "Opening storage…"
	s.installKeys(ctx)
	s.watchers(ctx)
	ctx.Async(func() {
		for j := range s.jobs {
			j()
		}
	})
	openURL := app.Window().URL().Query().Get("open")
	ctx.Async(func() { s.start(ctx, openURL) })
}

// OnDismount removes the keyboard handler.
func (s *Shell) OnDismount() {
	s.docVis.Close()
	s.listVis.Close()
	s.docsVis.Close()
	if s.keys != nil {
		app.Window().Get("document").Call("removeEventListener", "keydown", s.keys)
		s.keys.Release()
	}
}

// start runs on a goroutine: it opens storage, lists the corpus and opens a document.
func (s *Shell) start(ctx app.Context, openURL string) {
	var st store.Store
	db, err := browser.OpenIDB()
	durable := err == nil
	if err != nil {
		st = store.NewMemory()
	} else {
		st = db
	}
	sums, lerr := st.List()
	ctx.Dispatch(func(ctx app.Context) {
		s.st, s.durable = st, durable
		if err != nil {
			s.fail("Storage is unavailable, edits will NOT be kept: %v", err)
		}
		if lerr != nil {
			s.fail("%v", lerr)
		}
		s.setSummaries(sums)
		s.loading = ""
		var open string
		ctx.LocalStorage().Get(prefOpen, &open)
		var seeded bool
		ctx.LocalStorage().Get(prefSeeded, &seeded)
		switch {
		case openURL != "":
			s.importURL(ctx, openURL)
		case len(sums) == 0 && !seeded:
			ctx.LocalStorage().Set(prefSeeded, true)
			s.importDocs(ctx, "sample corpus", sample.Documents(), true)
		case open != "":
			s.open(ctx, open)
		}
	})
	if durable {
		if ok, err := browser.Persist(); err != nil || !ok {
			ctx.Dispatch(func(ctx app.Context) { s.evictable = true })
		}
	}
}

// note shows a message. Errors stay until dismissed; other messages fade
// after a while.
func (s *Shell) note(kind, text string) {
	s.seq++
	m := Message{ID: s.seq, Kind: kind, Text: text}
	s.msgs = append(s.msgs, m)
	if len(s.msgs) > 8 {
		s.msgs = s.msgs[len(s.msgs)-8:]
	}
	if kind != "error" && s.ctx != nil {
		s.ctx.After(8*time.Second, func(app.Context) { s.dismiss(m.ID) })
	}
}

// dismiss removes a message.
func (s *Shell) dismiss(id int) {
	msgs := make([]Message, 0, len(s.msgs))
	for _, m := range s.msgs {
		if m.ID != id {
			msgs = append(msgs, m)
		}
	}
	s.msgs = msgs
}

func (s *Shell) fail(format string, args ...any) { s.note("error", fmt.Sprintf(format, args...)) }

// do queues work for the saver goroutine.
func (s *Shell) do(j job) { s.jobs <- j }

// open loads a document from storage and shows it.
func (s *Shell) open(ctx app.Context, id string) {
	if s.st == nil {
		return
	}
	s.loading = "Opening…"
	st := s.st
	s.do(func() {
		doc, log, err := st.Open(id)
		ctx.Dispatch(func(ctx app.Context) {
			s.loading = ""
			if err != nil {
				if errors.Is(err, store.ErrNotFound) {
					ctx.LocalStorage().Del(prefOpen)
					return
				}
				s.fail("%v", err)
				return
			}
			s.show(ctx, doc, log)
		})
	})
}

func (s *Shell) show(ctx app.Context, doc corpus.Document, log history.Log) {
	s.ed = editor.New(doc, log, s.schema, s.annotator, time.Now)
	s.doc = s.ed.Doc()
	s.runes = []rune(doc.Text)
	s.gen++
	s.lay = newLayout(s.gen, doc.Text, s.doc.Spans)
	s.painted = make(painted) // forget the last document's chunks
	s.selected, s.listSel, s.flash = "", "", ""
	ctx.LocalStorage().Set(prefOpen, doc.ID)
}

// commit shows an edit at once and queues it for storage; the save state
// says "Saving…" until storage confirms it. The edited blocks are drawn
// first; the side list, the document list and storage follow after the
// browser has painted them.
func (s *Shell) commit(ctx app.Context, e store.Edit) {
	before := s.doc.Spans
	s.doc = s.ed.Doc()
	changed := s.lay.update(e, before, s.doc.Spans)
	touched := s.lay.blocksOf(changed)
	s.paintNow(changed, s.drawnSel)
	s.drawnSel = s.selected
	s.pending++
	s.saves++
	st, id, gen := s.st, s.doc.ID, s.lay.gen
	ctx.Defer(func(ctx app.Context) {
		s.do(func() {
			browser.AfterPaint()
			ctx.Dispatch(func(ctx app.Context) {
				if s.lay.gen == gen {
					s.lay.refitGroups(touched, s.doc.Spans)
					s.listSel = s.selected
				}
				s.replaceSummary(e.Summary)
			})
			s.store(ctx, st, id, e)
		})
	})
}

// store runs on the saver goroutine: it stores one edit, and on failure
// shows why and reopens the document as storage holds it.
func (s *Shell) store(ctx app.Context, st store.Store, id string, e store.Edit) {
	err := st.Apply(id, e)
	ctx.Dispatch(func(ctx app.Context) {
		s.pending--
		s.saves++
		if err != nil {
			s.saveErr = err.Error()
			s.fail("Your last edit could not be saved, so it was undone: %v", err)
			if s.ed != nil && s.doc.ID == id {
				s.open(ctx, id) // show what storage holds
			}
		} else if s.pending == 0 {
			s.saveErr = ""
		}
	})
}

func (s *Shell) replaceSummary(sum corpus.Summary) {
	sums := make([]corpus.Summary, len(s.sums))
	copy(sums, s.sums)
	for i := range sums {
		if sums[i].ID == sum.ID {
			sums[i] = sum
		}
	}
	s.setSummaries(sums)
}

// importFiles imports files one by one (a brat .txt with its .ann as one):
// a bad file is refused whole and reported with its name and line; the
// others go through. A file whose only fault is labels outside the schema
// is held back, and the user is offered a mapping.
func (s *Shell) importFiles(ctx app.Context, list app.Value) {
	if s.st == nil || list.Length() == 0 {
		return
	}
	files := app.Window().Get("Array").Call("from", list) // survives the input's reset
	s.busy = "Importing…"
	s.do(func() {
		var inputs []importer.Input
		var msgs []Message
		for _, f := range browser.ReadFiles(files) {
			if f.Err != nil {
				msgs = append(msgs, Message{Kind: "error", Text: f.Err.Error() + " Nothing of it was imported."})
				continue
			}
			inputs = append(inputs, importer.Input{Name: f.Name, Data: f.Data})
		}
		s.importUnits(ctx, importer.Group(inputs), nil, msgs)
	})
}

// importUnits runs on the saver goroutine: it imports each unit with the
// label map, stores what it yields, and reports.
func (s *Shell) importUnits(ctx app.Context, units []importer.Unit, labelMap map[corpus.Label]corpus.Label, msgs []Message) {
	st, seen := s.st, s.seenSnapshot()
	opts := importer.Options{Schema: s.schema, Annotator: s.annotator, LabelMap: labelMap}
	first := ""
	var held []heldImport
	for _, u := range units {
		res, err := importer.Import(u, opts)
		var unknown *jsonl.UnknownLabelsError
		if errors.As(err, &unknown) {
			held = append(held, heldImport{unit: u, unknown: unknown, err: err})
			continue
		}
		if err != nil {
			msgs = append(msgs, Message{Kind: "error", Text: err.Error() + " — nothing of this file was imported."})
			continue
		}
		for _, n := range res.Notes {
			msgs = append(msgs, Message{Kind: "info", Text: u.Name + ": " + n})
		}
		added, skipped, firstID, err := seen.add(st, res.Docs)
		if err != nil {
			msgs = append(msgs, Message{Kind: "error", Text: fmt.Sprintf("%s: nothing of this file was imported: %v", u.Name, err)})
			continue
		}
		if first == "" {
			first = firstID
		}
		msgs = append(msgs, Message{Kind: "info", Text: importedText(u.Name, added, skipped)})
	}
	sums, lerr := st.List()
	ctx.Dispatch(func(ctx app.Context) {
		s.busy = ""
		for _, m := range msgs {
			s.note(m.Kind, m.Text)
		}
		if lerr != nil {
			s.fail("%v", lerr)
			return
		}
		s.setSummaries(sums)
		s.held = append(s.held, held...)
		if s.ed == nil && first != "" {
			s.open(ctx, first)
		}
	})
}

// heldImport is a file refused for labels outside the schema, waiting for
// the user to map them.
type heldImport struct {
	unit    importer.Unit
	unknown *jsonl.UnknownLabelsError
	err     error
	choice  map[corpus.Label]corpus.Label
}

// applyMapping imports the first held file again with the user's mapping.
func (s *Shell) applyMapping(ctx app.Context) {
	if len(s.held) == 0 {
		return
	}
	h := s.held[0]
	s.held = s.held[1:]
	m := make(map[corpus.Label]corpus.Label)
	for _, l := range h.unknown.Names() {
		to := h.choice[l]
		if to == "" {
			to = s.schema.Labels[0].Name
		}
		m[l] = to
	}
	s.busy = "Importing…"
	s.do(func() { s.importUnits(ctx, []importer.Unit{h.unit}, m, nil) })
}

// cancelMapping drops the first held file: nothing of it is imported.
func (s *Shell) cancelMapping(ctx app.Context) {
	if len(s.held) == 0 {
		return
	}
	s.note("warn", s.held[0].unit.Name+": not imported (its labels were not mapped).")
	s.held = s.held[1:]
}

func importedText(source string, added, skipped int) string {
	msg := fmt.Sprintf("%s: imported %s", source, plural(added, "document"))
	if skipped > 0 {
		msg += fmt.Sprintf(", skipped %d already present", skipped)
	}
	return msg + "."
}

// seenDocs indexes the stored documents by ID and content, so that an
// import skips documents already present.
type seenDocs struct {
	ids     map[string]bool
	digests map[string]string
}

// seenSnapshot is seen, for use off the UI goroutine (the browser runs one
// goroutine at a time, so reading the list here is safe).
func (s *Shell) seenSnapshot() *seenDocs { return s.seen() }

func (s *Shell) seen() *seenDocs {
	sd := &seenDocs{ids: make(map[string]bool), digests: make(map[string]string)}
	for _, sm := range s.sums {
		sd.ids[sm.ID] = true
		sd.digests[sm.Digest] = sm.ID
	}
	return sd
}

// has reports whether d is stored already, by ID or by text.
func (sd *seenDocs) has(d corpus.Document) bool {
	if d.Digest == "" {
		d.Digest = corpus.DigestOf(d.Text)
	}
	_, ok := sd.digests[d.Digest]
	return ok || sd.ids[d.ID]
}

// add stores the documents not seen yet, all or none. first is the ID of
// the first document given, stored now or before.
func (sd *seenDocs) add(st store.Store, docs []corpus.Document) (added, skipped int, first string, err error) {
	fresh := make([]corpus.Document, 0, len(docs))
	for _, d := range docs {
		if d.Digest == "" {
			d.Digest = corpus.DigestOf(d.Text)
		}
		id := d.ID
		if prev, ok := sd.digests[d.Digest]; ok {
			id = prev
		}
		if first == "" {
			first = id
		}
		if id != d.ID || (sd.ids[d.ID] && sd.digests[d.Digest] == d.ID) {
			skipped++
			continue
		}
		if sd.ids[d.ID] { // same ID, other text: keep both
			base := d.ID
			for n := 2; sd.ids[d.ID]; n++ {
				d.ID = fmt.Sprintf("%s-%d", base, n)
			}
			if first == base {
				first = d.ID
			}
		}
		fresh = append(fresh, d)
	}
	if err := st.Add(fresh); err != nil {
		return 0, 0, "", err
	}
	for _, d := range fresh {
		sd.ids[d.ID], sd.digests[d.Digest] = true, d.ID
	}
	return len(fresh), skipped, first, nil
}

// importDocs stores documents given in memory (the sample corpus, a URL)
// and opens the first.
func (s *Shell) importDocs(ctx app.Context, source string, docs []corpus.Document, openFirst bool) {
	st, seen := s.st, s.seen()
	s.do(func() {
		added, skipped, first, err := seen.add(st, docs)
		var sums []corpus.Summary
		if err == nil {
			sums, err = st.List()
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				s.fail("%s: nothing was imported: %v", source, err)
				return
			}
			s.setSummaries(sums)
			s.note("info", importedText(source, added, skipped))
			if openFirst && first != "" {
				s.open(ctx, first)
			}
		})
	})
}

// importURL imports a same-origin JSONL (or other supported) file given in
// the page URL and opens its first document.
func (s *Shell) importURL(ctx app.Context, raw string) {
	u, err := url.Parse(raw)
	if err != nil || (u.Host != "" && u.Host != app.Window().URL().Host) {
		s.fail("?open=%s: only a file on this site can be opened", raw)
		return
	}
	name := u.Path[strings.LastIndex(u.Path, "/")+1:]
	s.loading = "Loading " + name + "…"
	s.do(func() {
		data, err := browser.Fetch(raw)
		var res importer.Result
		if err == nil {
			res, err = importer.File(name, data, importer.Options{Schema: s.schema, Annotator: s.annotator})
		}
		ctx.Dispatch(func(ctx app.Context) {
			s.loading = ""
			if err != nil {
				s.fail("%v", err)
				return
			}
			for _, n := range res.Notes {
				s.note("info", name+": "+n)
			}
			// A document not stored yet is shown at once, from memory; it is
			// stored right after, before any edit of it (the queue keeps order).
			if len(res.Docs) > 0 && !s.seen().has(res.Docs[0]) {
				s.show(ctx, res.Docs[0], history.Log{})
				// Stored once drawn and the page is idle; the save state says
				// "Saving…" until then, and edits are stored after it.
				s.pending++
				ctx.Defer(func(ctx app.Context) {
					s.do(func() { browser.WhenIdle(2 * time.Second) })
					s.importDocs(ctx, name, res.Docs, false)
					s.do(func() { ctx.Dispatch(func(app.Context) { s.pending--; s.saves++ }) })
				})
				return
			}
			s.importDocs(ctx, name, res.Docs, true)
		})
	})
}

// exportJSONL downloads the whole corpus as span JSONL, after every pending
// edit is stored.
func (s *Shell) exportJSONL(ctx app.Context) {
	if s.st == nil {
		return
	}
	s.busy = "Exporting…"
	st := s.st
	s.do(func() {
		docs, err := st.Documents()
		var buf bytes.Buffer
		// In runs of documents, handing the page back between them: a large
		// corpus never freezes it. Each run is checked before it is written.
		y := browser.Yielder{Budget: 30 * time.Millisecond}
		for i := 0; err == nil && i < len(docs); i += 20 {
			err = jsonl.Encode(&buf, docs[i:min(i+20, len(docs))], jsonl.EncodeOptions{Schema: s.schema})
			if y.Maybe() {
				pct := 100 * i / len(docs)
				ctx.Dispatch(func(ctx app.Context) { s.busy = fmt.Sprintf("Exporting… %d%%", pct) })
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			s.busy = ""
			if err != nil {
				s.fail("Export stopped: %v", err)
				return
			}
			browser.Download("raqim-corpus.jsonl", "application/jsonl", buf.Bytes())
			s.note("info", fmt.Sprintf("Exported %d document(s).", len(docs)))
		})
	})
}
