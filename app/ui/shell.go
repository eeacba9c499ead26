// Package ui holds raqim's go-app components. They render state and forward
// intents to the domain packages under internal/; browser APIs are reached
// through app/browser.
package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/app/webapi"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/editor"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/session"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/view"
)

// Preference keys in localStorage (small values only; the corpus is in IndexedDB).
const (
	prefOpen      = "raqim.open"      // ID of the open document
	prefOpening   = "raqim.opening"   // ID of a document being opened, until it is shown
	prefSeeded    = "raqim.seeded"    // the sample corpus was offered once
	prefAnnotator = "raqim.annotator" // the annotator's name
	prefLocale    = "raqim.locale"    // the interface's language and digits (web/early.js reads it too)
)

// task is work for one of the shell's goroutines, which run their tasks one
// at a time, in the order the user asked for them.
type task func()

// Shell is the root component. It composes the page of its views (see
// Render) and keeps what several of them show, or what background work
// changes: storage and the work queued for it, the list of documents, the
// open document and its layout, the selection, the save state. The views
// report the user's intents to it; it posts what they alone keep track of
// as actions (messages, deletions).
type Shell struct {
	app.Compo

	schema    *corpus.Schema
	loc       *locale.Printer // the interface's language and digits
	st        store.Store
	durable   bool // st is the browser's storage, not a stand-in
	annotator string
	jobs      chan task // store calls, in order
	work      chan task // work handed to the background worker, in order

	sums []corpus.Summary
	ed   *editor.Editor
	doc  corpus.Document
	lay  view.Layout
	gen  int
	// imports counts the imports ended: the open document's layers are
	// read again after each.
	imports int

	docVis, listVis *browser.Visibility // the document's blocks, the side list's groups
	painted         painted             // what the blocks' and groups' elements hold

	selected  string        // selected span ID
	listSel   string        // selected span ID, as the side list shows it
	drawnSel  string        // selected span ID, as paintNow last drew it
	flash     string        // span ID flashing after a jump from the list
	saving    session.Saves // what storage made of the writes handed to it
	loading   string        // what is being loaded, shown instead of the document
	busy      string        // long work under way (import, export)
	ctx       *app.Context
	evictable bool                           // the browser did not grant persistent storage
	stale     map[string][]history.Change    // changes storage refused for a conflict, by document
	gone      bool                           // storage was found cleared; the open document is being stored again
	tabs      *browser.Channel               // the app's other tabs
	held      []heldImport                   // files waiting for a label mapping
	heldSeq   int                            // files held so far
	panel     string                         // the side panel the top bar opened, or ""
	at        *target                        // a place to show once its document is open
	curations map[string]corpus.CurationInfo // each curated document's curation, by ID (never changed in place)
	dragging  bool

	sug    suggestions // the open document's suggestions
	marks  errorMarks  // an extractor's errors drawn in a document's text
	tagger taggerState // the learned tagger and the propagated labels

	keys    app.Func
	warmed  bool                // warmEdits ran
	waiting []func(app.Context) // what the user asked for before storage was open
}

// OnInit chooses the interface's language (the one chosen last, or the
// browser's preference) and the schema, which the first render draws with.
func (s *Shell) OnInit() {
	var set locale.Settings
	if app.IsClient {
		if raw := app.Window().Get("localStorage").Call("getItem", prefLocale); raw.Truthy() {
			json.Unmarshal([]byte(raw.String()), &set) // as ctx.LocalStorage writes it
		}
		if set.Lang == "" {
			set = locale.Default(browser.Languages())
		}
	}
	s.loc = locale.New(set)
	s.schema = corpus.Default
}

// setLocale switches the interface to set, keeping everything else as it
// is, and remembers the choice.
func (s *Shell) setLocale(ctx app.Context, set locale.Settings) {
	s.loc = locale.New(set)
	ctx.LocalStorage().Set(prefLocale, s.loc.Settings())
	browser.SetPageLanguage(string(s.loc.Lang()), s.loc.Dir())
}

// setAnnotator makes name the annotator of the spans made from now on, and
// remembers it.
func (s *Shell) setAnnotator(ctx app.Context, name string) {
	s.annotator = name
	ctx.LocalStorage().Set(prefAnnotator, name)
	s.note("info", s.loc.T("New spans are now made by %s (reopen the document to apply).", name))
}

// togglePanel opens the side panel named, in place of the span list, or
// closes it when it is open.
func (s *Shell) togglePanel(ctx app.Context, panel string) {
	if s.panel == panel {
		panel = ""
	}
	s.panel = panel
}

// OnMount opens storage, restores the session and installs the keyboard handler.
func (s *Shell) OnMount(ctx app.Context) {
	browser.Mark("mounted")
	browser.SetPageLanguage(string(s.loc.Lang()), s.loc.Dir())
	s.ctx = &ctx
	s.painted = make(painted)
	s.annotator = "annotator"
	var name string
	if ctx.LocalStorage().Get(prefAnnotator, &name); name != "" {
		s.annotator = name
	}
	ctx.LocalStorage().Get(prefSources, &s.sug.off)
	s.jobs = make(chan task, 4096)
	s.work = make(chan task, 64)
	s.loading = s.loc.T("Opening storage…")
	s.installKeys(ctx)
	s.watchers(ctx)
	for _, q := range []chan task{s.jobs, s.work} {
		ctx.Async(func() {
			for j := range q {
				j()
			}
		})
	}
	// Files given before the app took over wait in web/early.js; from now
	// on the app's own input and drop handler take them.
	w := app.Window()
	if early := w.Get("raqimEarly"); early.Truthy() && early.Length() > 0 {
		s.importFiles(ctx, early)
	}
	w.Set("raqimTaken", true)
	openURL := w.URL().Query().Get("open")
	s.stale = make(map[string][]history.Change)
	s.tabs = browser.NewChannel("raqim", func(data string) { ctx.Dispatch(func(ctx app.Context) { s.fromTab(ctx, data) }) })
	ctx.Async(func() { s.start(ctx, openURL) })
}

// whenReady runs f once storage is open: at once, or when start has opened it.
func (s *Shell) whenReady(ctx app.Context, f func(app.Context)) {
	if s.st != nil {
		f(ctx)
		return
	}
	s.waiting = append(s.waiting, f)
}

// OnDismount removes the keyboard handler.
func (s *Shell) OnDismount() {
	s.tabs.Close()
	if s.sug.worker != nil {
		s.sug.worker.Close()
	}
	s.docVis.Close()
	s.listVis.Close()
	if s.keys != nil {
		app.Window().Get("document").Call("removeEventListener", "keydown", s.keys)
		s.keys.Release()
	}
}

// firstView tells the page that the app has drawn what it shows first (a
// document, or nothing to open): web/early.js then takes the last view's
// snapshot away, and app.js registers the service worker. Telling it again
// does nothing more.
func firstView() { browser.Announce("raqim:shown") }

// OpenStorage opens the page's IndexedDB database once: main starts it on
// a goroutine before go-app mounts the shell, so that the browser opens
// the database while the shell is drawn; start waits for it.
var OpenStorage = sync.OnceValues(webapi.OpenIDB)

// start runs on a goroutine: it opens storage, lists the corpus and opens a document.
func (s *Shell) start(ctx app.Context, openURL string) {
	var st store.Store
	db, err := OpenStorage()
	browser.Mark("storage-open")
	durable := err == nil
	if err != nil {
		st = store.NewMemory()
	} else {
		db.Closed = func(why string) { ctx.Dispatch(func(ctx app.Context) { s.connectionLost(ctx, why) }) }
		// Documents whose stored records are damaged are left out of the
		// list, and said, once for each set of them.
		told := ""
		st = store.SkipDamaged(db, func(d *store.DamagedError) {
			if msg := d.Error(); msg != told {
				told = msg
				ctx.Dispatch(func(app.Context) { s.fail("Storage: %v", d) })
			}
		})
	}
	sums, lerr := st.List()
	browser.Mark("listed")
	ctx.Dispatch(func(ctx app.Context) {
		s.st, s.durable = st, durable
		if err != nil {
			s.fail("Storage is unavailable, edits will NOT be kept: %v", err)
		}
		if lerr != nil {
			s.fail("%v", lerr)
		}
		s.sums = sums
		s.loading = ""
		s.readCurations(ctx)
		var open, opening string
		ctx.LocalStorage().Get(prefOpen, &open)
		// A document that was being opened when the tab last went away
		// (a crash, memory running out) is not opened again by itself.
		if ctx.LocalStorage().Get(prefOpening, &opening); opening != "" {
			ctx.LocalStorage().Del(prefOpening)
			if opening == open {
				open = ""
				s.note("warn", s.loc.T("«%s» did not finish opening the last time this page was open, so it was not opened again. Open it from the list to try again.", s.titleOf(opening)))
			}
		}
		var seeded bool
		ctx.LocalStorage().Get(prefSeeded, &seeded)
		switch {
		case openURL != "":
			s.importURL(ctx, openURL)
		case len(sums) == 0 && !seeded:
			ctx.LocalStorage().Set(prefSeeded, true)
			s.importDocs(ctx, s.loc.T("sample corpus"), sample.Documents(), true, nil)
		case open != "":
			s.open(ctx, open)
		default:
			firstView() // no document to open
		}
		for _, f := range s.waiting {
			f(ctx)
		}
		s.waiting = nil
		s.loadTraining(ctx)
	})
	if durable {
		if ok, err := webapi.Persist(); err != nil || !ok {
			ctx.Dispatch(func(ctx app.Context) {
				s.evictable = true
				s.tell(Message{Kind: "warn", Sticky: true, Text: s.loc.T("This browser has not granted raqim persistent storage: when disk space runs low it may clear what this site stores, your documents and spans with it. Export your work (Export JSONL) regularly.")})
			})
		}
	}
}

// note shows a message. Errors stay until dismissed; other messages fade
// after a while.
func (s *Shell) note(kind, text string) { s.tell(Message{Kind: kind, Text: text}) }

// tell shows m (see Messages).
func (s *Shell) tell(m Message) { notify(*s.ctx, m) }

// fail shows the error message key, with args, in the interface's language.
func (s *Shell) fail(key string, args ...any) { s.note("error", s.loc.T(key, args...)) }

// do queues work for the saver goroutine.
func (s *Shell) do(j task) { s.jobs <- j }

// open loads a document from storage and shows it.
func (s *Shell) open(ctx app.Context, id string) {
	if s.st == nil {
		return
	}
	s.loading = s.loc.T("Opening…")
	ctx.LocalStorage().Set(prefOpening, id)
	st := s.st
	s.do(func() {
		doc, log, err := st.Open(id)
		browser.Mark("read")
		ctx.Dispatch(func(ctx app.Context) {
			s.loading = ""
			if err != nil {
				firstView() // the document will not be shown
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
	s.adopt(ctx, editor.New(doc, log, s.schema, s.annotator, time.Now))
}

// adopt shows the document ed holds, drawn anew.
func (s *Shell) adopt(ctx app.Context, ed *editor.Editor) {
	browser.Mark("handed")
	// Another document starts at its top, and so does its span list. The
	// panels scroll there before the new document is drawn, while the
	// page's layout is clean: set after, scrollTop forces the whole layout
	// at once (about 50 ms at 3k). A fresh page's panels are at their top.
	if s.ed != nil && s.doc.ID != ed.Doc().ID {
		for _, panel := range []string{"[data-role=editor]", "[data-role=side]"} {
			if el := browser.Query(panel); el.Truthy() {
				el.Set("scrollTop", 0)
			}
		}
	}
	s.ed = ed
	s.doc = s.ed.Doc()
	doc := s.doc
	s.gen++
	s.lay = view.NewLayout(s.gen, doc.Text, s.doc.Spans)
	s.painted.forget(kindBlock, kindGroup) // the last document's chunks
	s.fitMarks()
	s.selected, s.listSel, s.flash = "", "", ""
	s.suggestFor(ctx)
	ctx.LocalStorage().Set(prefOpen, doc.ID)
	ctx.LocalStorage().Set(prefOpening, doc.ID)
	// Shown once the browser has drawn it: from then on it is reopened.
	ctx.Defer(func(ctx app.Context) {
		browser.AfterPaintDo(func() {
			browser.Mark("shown")
			firstView()
			var opening string
			if ctx.LocalStorage().Get(prefOpening, &opening); opening == doc.ID {
				ctx.LocalStorage().Del(prefOpening)
			}
		})
	})
	s.reach(ctx)
	if !s.warmed {
		s.warmed = true
		schema := s.schema
		ctx.Async(func() {
			browser.WhenIdle(2 * time.Second)
			warmEdits(schema)
			// Opening a long document leaves garbage: collected now, while
			// the page is idle, not in the key handler of an edit soon after.
			runtime.GC()
		})
	}
}

// commit shows an edit at once and queues it for storage; the save state
// says "Saving…" until storage confirms it. The edited blocks are drawn
// first; the side list, the document list and storage follow after the
// browser has painted them.
func (s *Shell) commit(ctx app.Context, e store.Edit) {
	s.doc = s.ed.Doc()
	changed := s.lay.Update(e, s.ed.Last().Removed, s.doc.Spans)
	s.refreshPending()
	s.askSuggestions(ctx)
	touched := s.lay.BlocksOf(changed)
	s.paintNow(changed, s.drawnSel)
	s.drawnSel = s.selected
	// The save state says "saving" from now on, not from go-app's next frame.
	mounted.saveState.saving()
	s.saving.Begin()
	st, id, gen, change := s.st, s.doc.ID, s.lay.Gen, s.ed.Last()
	// On the shell's context: go-app drops a deferred call whose element
	// is gone by then, and this one stores the edit.
	ctx = *s.ctx
	ctx.Defer(func(ctx app.Context) {
		s.do(func() {
			browser.AfterPaint()
			ctx.Dispatch(func(ctx app.Context) {
				if s.lay.Gen == gen {
					s.lay.RefitGroups(touched, s.doc.Spans)
					s.listSel = s.selected
				}
				s.replaceSummary(e.Summary)
			})
			s.store(ctx, st, id, e, change)
		})
	})
}

// store runs on the saver goroutine: it stores one edit (change is what
// it does), and on failure shows why: an edit refused because another tab
// changed the document meanwhile is replayed on what that tab stored (see
// rebase); storage found cleared keeps the open document (storageGone);
// any other failure undoes the edit on screen, reopening the document as
// storage holds it.
func (s *Shell) store(ctx app.Context, st store.Store, id string, e store.Edit, change history.Change) {
	err := st.Apply(id, e)
	ctx.Dispatch(func(ctx app.Context) {
		switch s.saving.Done(err, s.gone) {
		case session.Stored:
			s.toTabs(tabMessage{Kind: "edit", Doc: id, Summary: &e.Summary})
		case session.Conflict:
			s.stale[id] = append(s.stale[id], change)
			if len(s.stale[id]) == 1 {
				s.rebase(ctx, id)
			}
		case session.Gone:
			s.storageGone(ctx)
		case session.Failed:
			s.fail("Your last edit could not be saved, so it was undone: %v", err)
			if s.ed != nil && s.doc.ID == id {
				s.open(ctx, id) // show what storage holds
			}
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
	s.sums = sums
}

// importDocs stores documents given in memory (the sample corpus, a URL)
// and opens the first; stored, when not nil, is called once they are.
func (s *Shell) importDocs(ctx app.Context, source string, docs []corpus.Document, openFirst bool, stored func()) {
	st, known := s.st, s.known()
	s.do(func() {
		added, skipped, first, err := known.Add(st, docs)
		var sums []corpus.Summary
		if err == nil {
			sums, err = st.List()
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				s.fail("%s: nothing was imported: %v", source, err)
				return
			}
			if stored != nil {
				stored()
			}
			s.sums = sums
			s.note("info", job.Imported(s.loc, source, len(added), skipped))
			if len(added) > 0 {
				s.toTabs(tabMessage{Kind: "list"})
			}
			if openFirst && first != "" {
				s.open(ctx, first)
			}
		})
	})
}

// inPage is the largest span JSONL file given in the URL that the page
// reads itself, to show its first document at once; larger files and other
// formats are imported by the background worker.
const inPage = format.Streamed

// importURL imports a same-origin file given in the page URL and opens its
// first document.
func (s *Shell) importURL(ctx app.Context, raw string) {
	href, ok := browser.SameSite(raw)
	u, err := url.Parse(href)
	if !ok || err != nil {
		s.fail("?open=%s: only a file on this site can be opened", raw)
		return
	}
	name := u.Path[strings.LastIndex(u.Path, "/")+1:]
	s.loading = s.loc.T("Loading %s…", name)
	s.do(func() {
		blob, err := browser.FetchBlob(href)
		browser.Mark("fetched")
		if err == nil && (!strings.HasSuffix(strings.ToLower(name), ".jsonl") || blob.Get("size").Int() > inPage) {
			file := app.Window().Get("File").New([]any{blob}, name)
			ctx.Dispatch(func(ctx app.Context) { s.importURLInWorker(ctx, file) })
			return
		}
		var data []byte
		if err == nil {
			data, err = browser.ReadBlob(blob)
		}
		var docs []corpus.Document
		if err == nil {
			docs, err = jsonl.Decode(name, bytes.NewReader(data), jsonl.DecodeOptions{Schema: s.schema, Annotator: s.annotator})
		}
		browser.Mark("decoded")
		ctx.Dispatch(func(ctx app.Context) {
			s.loading = ""
			if err != nil {
				s.fail("%v", err)
				return
			}
			// The first document's digest, read by the check below, the
			// editor and the import, is computed once (about 17 ms at 150k).
			if d := &docs[0]; d.Digest == "" {
				d.Digest = corpus.DigestOf(d.Text)
			}
			// A document not stored yet is shown at once, from memory; it is
			// stored right after, before any edit of it (the queue keeps order).
			if !s.known().Has(docs[0]) {
				s.show(ctx, docs[0], history.Log{})
				// Stored once drawn and the page is idle; the save state says
				// "Saving…" until then, and edits are stored after it.
				s.saving.Begin()
				ctx.Defer(func(ctx app.Context) {
					s.do(func() { browser.WhenIdle(2 * time.Second) })
					s.importDocs(ctx, name, docs, false, urlImported)
					s.do(func() { ctx.Dispatch(func(app.Context) { s.saving.End(nil) }) })
				})
				return
			}
			s.importDocs(ctx, name, docs, true, urlImported)
		})
	})
}

// urlImported is called once the file of ?open= is stored: the parameter
// leaves the page's address, so that a reload reopens the last view
// rather than fetching and importing the file again.
func urlImported() { browser.DropQuery("open") }

// titleOf returns the title of the listed document id, or id.
func (s *Shell) titleOf(id string) string {
	for _, sm := range s.sums {
		if sm.ID == id {
			return sm.Title
		}
	}
	return id
}

// known indexes the documents listed, for an import in the page.
func (s *Shell) known() *store.Known { return store.NewKnown(s.sums) }
