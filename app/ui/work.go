package ui

import (
	"bytes"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// heldImport is a file refused for labels outside the schema, or held for
// the name of the layer it would become, waiting for the user to map them
// or name it.
type heldImport struct {
	job.Held
	id       int         // its number, from 1
	files    []app.Value // the files it was read from
	labelMap map[corpus.Label]corpus.Label
	layer    job.Layer // what it was imported as, with labelMap
}

// offload hands req to the background worker once the store work queued
// before it is done, shows its progress, and passes its reply (messages
// shown already) and file to then on the UI goroutine.
func (s *Shell) offload(ctx app.Context, busy string, req job.Request, files []app.Value, then func(ctx app.Context, r job.Reply, file app.Value, sums []corpus.Summary)) {
	s.offloadHead(ctx, busy, req, files, nil, then)
}

// offloadHead is offload, with head, when not nil, given the reply without
// its long lists as soon as it comes (see browser.Run), before then.
func (s *Shell) offloadHead(ctx app.Context, busy string, req job.Request, files []app.Value, head func(ctx app.Context, r job.Reply), then func(ctx app.Context, r job.Reply, file app.Value, sums []corpus.Summary)) {
	if s.st == nil {
		s.busy = s.loc.T("Waiting for storage…")
		s.whenReady(ctx, func(ctx app.Context) { s.offloadHead(ctx, busy, req, files, head, then) })
		return
	}
	req.Schema, req.Annotator, req.Memory, req.Locale = *s.schema, s.annotator, !s.durable, s.loc.Settings()
	st, script := s.st, ctx.ResolveStaticResource("/web/worker.js")
	s.busy = busy
	// Deferred like the saves of edits (see commit), so that it runs after
	// the save of every edit made before it; on the shell's context, as
	// the element the user acted on (a dialog's button) may be gone by then,
	// and go-app drops a deferred call whose element is.
	// The worker then runs on a goroutine of its own (one piece of work at
	// a time), so that the user goes on opening and editing documents.
	ctx = *s.ctx
	ctx.Defer(func(ctx app.Context) {
		s.do(func() {
			var err error
			if req.Memory && req.Op != job.Import { // no storage: the worker reads the corpus from a file
				var docs []corpus.Document
				var buf bytes.Buffer
				if docs, err = st.Documents(); err == nil {
					err = jsonl.Encode(&buf, docs, jsonl.EncodeOptions{Annotations: true})
				}
				files = append(files, browser.NewFile("corpus.jsonl", "application/jsonl", buf.Bytes()))
			}
			s.work <- func() { s.offloaded(ctx, req, files, st, script, err, head, then) }
		})
	})
}

// offloaded runs on the work goroutine: it hands req to the worker, waits
// for its reply and passes it on. An import whose first document is stored
// while the rest goes on opens it, when no document is open.
func (s *Shell) offloaded(ctx app.Context, req job.Request, files []app.Value, st store.Store, script string, err error, head func(ctx app.Context, r job.Reply), then func(ctx app.Context, r job.Reply, file app.Value, sums []corpus.Summary)) {
	importing := req.Op == job.Import
	var r job.Reply
	var file app.Value
	opened := ""
	var added []string // what the import stored so far
	progress := func(p job.Progress) {
		added = append(added, p.Added...)
		ctx.Dispatch(func(ctx app.Context) {
			s.busy = p.Text
			if p.First != "" && opened == "" && s.ed == nil {
				opened = p.First
				s.open(ctx, p.First)
				s.relist(ctx) // what is stored so far; the rest when done
			}
		})
	}
	// A large import goes on in a new worker after each shift (see
	// job.Resume), with the same files; a dataset export writes its zip in
	// a new worker once the first has made its plan.
	for err == nil {
		var part job.Reply
		var early func(job.Reply)
		if head != nil {
			early = func(r job.Reply) { ctx.Dispatch(func(ctx app.Context) { head(ctx, r) }) }
		}
		part, file, err = browser.Run(script, req, files, progress, early)
		r.Merge(part)
		if err != nil || (part.Resume == nil && part.Plan == nil) {
			break
		}
		req.Resume, req.Plan = part.Resume, part.Plan
	}
	removed := false
	if err != nil {
		// A worker failed (or died) after it, or one before it, stored part
		// of the import.
		err, removed = job.Rollback(st, added, err)
	}
	if err == nil && req.Memory && importing && file != nil {
		err = s.keepInMemory(file)
		file = nil
	}
	if err != nil {
		switch {
		case importing:
			r.Error = s.loc.T("The import of %s did not happen: %v. Nothing was changed; reload the page to try again.", strings.Join(req.Files, ", "), err)
		case req.Op == job.SuggestLayer:
			r.Error = s.loc.T("The suggestions were not stored: %v. Nothing was changed; reload the page to try again.", err)
		default:
			r.Error = s.loc.T("The export did not happen: %v. Nothing was changed; reload the page to try again.", err)
		}
	}
	var sums []corpus.Summary
	if importing && r.Error == "" {
		sums, err = st.List()
		if err != nil {
			r.Error = s.loc.Error(err)
		}
	}
	ctx.Dispatch(func(ctx app.Context) {
		s.busy = ""
		if importing {
			s.imports++
			s.readCurations(ctx)
		}
		if r.First == opened {
			r.First = "" // open already
		}
		if removed {
			if s.ed != nil && slices.Contains(added, s.doc.ID) {
				s.ed = nil // it was opened early, and is gone with the import
			}
			s.relist(ctx)
		}
		for _, m := range r.Messages {
			s.note(m.Kind, m.Text)
		}
		if r.Error != "" && req.Op != job.Agree { // the agreement view shows its own
			s.fail("%s", r.Error)
		}
		then(ctx, r, file, sums)
	})
}

// keepInMemory adds the documents the worker read, as span JSONL, to a
// store in memory (the page has no storage).
func (s *Shell) keepInMemory(file app.Value) error {
	data, err := browser.ReadBlob(file)
	if err != nil {
		return err
	}
	docs, err := jsonl.Decode("imported.jsonl", bytes.NewReader(data), jsonl.DecodeOptions{Schema: s.schema})
	if err != nil {
		return locale.Errorf("the documents read could not be kept: %v", err)
	}
	_, _, _, err = s.known().Add(s.st, docs)
	return err
}

// importFiles imports files one by one in the background worker (a brat .txt
// with its .ann as one): a bad file is refused whole and reported with its
// name and line; the others go through. A file whose only fault is labels
// outside the schema is held back, and the user is offered a mapping.
func (s *Shell) importFiles(ctx app.Context, list app.Value) {
	if s.jobs == nil || list.Length() == 0 {
		return // before OnMount, web/early.js takes the files
	}
	n := list.Length()
	files, names, layers := make([]app.Value, n), make([]string, n), make([]job.Layer, n)
	for i := range n { // copied: the list empties when the input is reset
		files[i] = list.Index(i)
		names[i] = files[i].Get("name").String()
		layers[i] = job.Layer{Ask: true} // a file naming no annotator asks for its layer's name
	}
	s.runImport(ctx, job.Request{Op: job.Import, Files: names, Layers: layers}, files, nil)
}

// runImport imports files with req, opens the first document imported
// when none is open, and then calls then, if not nil.
func (s *Shell) runImport(ctx app.Context, req job.Request, files []app.Value, then func(ctx app.Context)) {
	s.offload(ctx, s.loc.T("Importing…"), req, files, func(ctx app.Context, r job.Reply, _ app.Value, sums []corpus.Summary) {
		if then != nil {
			defer then(ctx)
		}
		if r.Error != "" {
			return
		}
		s.sums = sums
		if r.Stored > 0 {
			s.toTabs(tabMessage{Kind: "list"})
		}
		for _, h := range r.Held {
			s.heldSeq++
			held := heldImport{Held: h, id: s.heldSeq, labelMap: req.LabelMap}
			for _, i := range h.Files {
				held.files = append(held.files, files[i])
			}
			if len(h.Files) > 0 && h.Files[0] < len(req.Layers) {
				held.layer = req.Layers[h.Files[0]]
			}
			s.held = append(s.held, held)
		}
		if s.ed == nil && r.First != "" {
			s.open(ctx, r.First)
		}
	})
}

// importURLInWorker imports a file fetched for ?open= in the background
// worker and opens its first document.
func (s *Shell) importURLInWorker(ctx app.Context, file app.Value) {
	req := job.Request{Op: job.Import, Files: []string{file.Get("name").String()}}
	s.offload(ctx, s.loc.T("Importing…"), req, []app.Value{file}, func(ctx app.Context, r job.Reply, _ app.Value, sums []corpus.Summary) {
		s.loading = ""
		if r.Error != "" {
			return
		}
		if len(r.Held) == 0 {
			urlImported()
		}
		s.sums = sums
		if r.Stored > 0 {
			s.toTabs(tabMessage{Kind: "list"})
		}
		if r.First != "" {
			s.open(ctx, r.First)
		}
	})
}

// applyMapping imports the first held file again, its labels mapped by m.
func (s *Shell) applyMapping(ctx app.Context, m map[corpus.Label]corpus.Label) {
	s.importHeld(ctx, m, nil)
}

// nameLayer imports the first held file again as layer.
func (s *Shell) nameLayer(ctx app.Context, layer job.Layer) {
	s.importHeld(ctx, nil, &layer)
}

// importHeld imports the first held file again, with the label mapping m
// or the layer given, or else as it was imported.
func (s *Shell) importHeld(ctx app.Context, m map[corpus.Label]corpus.Label, layer *job.Layer) {
	if len(s.held) == 0 {
		return
	}
	h := s.held[0]
	s.held = s.held[1:]
	if m == nil {
		m = h.labelMap
	}
	if layer == nil {
		layer = &h.layer
	}
	names, layers := make([]string, len(h.files)), make([]job.Layer, len(h.files))
	for i, f := range h.files {
		names[i], layers[i] = f.Get("name").String(), *layer
	}
	s.runImport(ctx, job.Request{Op: job.Import, Files: names, LabelMap: m, Layers: layers}, h.files, nil)
}

// cancelNaming drops the first held file: nothing of it is imported.
func (s *Shell) cancelNaming(ctx app.Context) {
	if len(s.held) == 0 {
		return
	}
	s.note("warn", s.loc.T("%s: not imported (its layer was not named).", s.held[0].Name))
	s.held = s.held[1:]
}

// cancelMapping drops the first held file: nothing of it is imported.
func (s *Shell) cancelMapping(ctx app.Context) {
	if len(s.held) == 0 {
		return
	}
	s.note("warn", s.loc.T("%s: not imported (its labels were not mapped).", s.held[0].Name))
	s.held = s.held[1:]
}

// exportJSONL downloads the whole corpus as span JSONL, after every pending
// edit is stored.
func (s *Shell) exportJSONL(ctx app.Context) {
	s.offload(ctx, s.loc.T("Exporting…"), job.Request{Op: job.ExportJSONL}, nil, s.download)
}

// exportDataset downloads the dataset zip with the current settings, after
// every pending edit is stored.
func (s *Shell) exportDataset(ctx app.Context) {
	req := job.Request{Op: job.ExportDataset, Dataset: datasetSettings(ctx)}
	req.Dataset.Version = app.Getenv("GOAPP_VERSION")
	s.offload(ctx, s.loc.T("Exporting dataset…"), req, nil, s.download)
}

// download offers the file an export produced.
func (s *Shell) download(ctx app.Context, r job.Reply, file app.Value, _ []corpus.Summary) {
	if r.Error == "" && file != nil {
		browser.DownloadBlob(r.File, file)
	}
}

// relist reads the document list from storage again.
func (s *Shell) relist(ctx app.Context) {
	st := s.st
	s.do(func() {
		sums, err := st.List()
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				s.fail("%v", err)
				return
			}
			s.sums = sums
		})
	})
}
