package importer

import (
	"errors"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// Run imports each unit into st, all or nothing per unit, skipping documents
// known already (and indexing those it adds in known). A unit refused only
// for labels outside opts.Schema is held, for the user to map; any other
// failure is reported and the next unit goes on. Messages are written by p.
func Run(st store.Store, known *store.Known, units []Unit, opts Options, p *locale.Printer, progress func(job.Progress)) job.Reply {
	return RunFrom(st, known, units, opts, nil, 0, p, progress)
}

// RunFrom is Run going on from where an earlier call stopped (from, when
// not nil). When shift > 0 it stops itself in a large span JSONL file read
// through Open: once the file is checked, and once it has stored shift of
// its documents; its reply then says where, in Resume, and reports nothing
// yet of that file.
func RunFrom(st store.Store, known *store.Known, units []Unit, opts Options, from *job.Resume, shift int, p *locale.Printer, progress func(job.Progress)) job.Reply {
	var r job.Reply
	for i, u := range units {
		if from != nil && i < from.Unit {
			continue // done by an earlier call
		}
		if len(u.Files) == 1 && u.Files[0].Open != nil {
			var at *job.Resume
			if from != nil && i == from.Unit {
				at = from
			}
			r.Merge(stream(st, known, u, opts, at, shift, p, progress))
			if r.Resume != nil {
				r.Resume.Unit = i
				return r
			}
			continue
		}
		if from != nil && i == from.Unit {
			r.Error = p.T("%s: an import can only go on in a large span JSONL file", u.Name)
			return r
		}
		res, err := Import(u, unstamped(opts))
		if refused(&r, u, err, p) {
			continue
		}
		for _, n := range res.Notes {
			r.Messages = append(r.Messages, job.Message{Kind: "info", Text: p.T("%s: %s", u.Name, locale.Text(p.Error(n)))})
		}
		added, skipped, first, counts, err := add(st, known, res.Docs, u, opts)
		stored(&r, u, len(added), skipped, first, counts, err, p)
		if len(added) > 0 && progress != nil {
			progress(job.Progress{Text: p.T("Importing… %s stored", u.Name), Added: added})
		}
	}
	return r
}

// add stores what docs, read from u, become (see place), all or none:
// the documents not stored yet, then the layers of stored ones, which
// counts says by name.
func add(st store.Store, known *store.Known, docs []corpus.Document, u Unit, opts Options) (added []string, skipped int, first string, counts []job.LayerCount, err error) {
	pl, err := place(st, known, docs, u, opts, nil)
	if err == nil && pl.unnamed {
		err = errUnnamed
	}
	if err != nil {
		return nil, 0, "", nil, err
	}
	added, skipped, first, err = known.Add(st, pl.fresh)
	if err != nil {
		return nil, 0, "", nil, err
	}
	if err := st.PutLayers(pl.puts); err != nil {
		err, removed := job.Rollback(st, added, err)
		if removed {
			known.Forget(added...)
		}
		return nil, 0, "", nil, err
	}
	if pl.first != "" {
		first = pl.first
	}
	return added, skipped, first, count(nil, pl.puts), nil
}

// refused reports a unit that could not be read: held for a label mapping
// or a layer's name, or an error. It returns false when err is nil.
func refused(r *job.Reply, u Unit, err error, p *locale.Printer) bool {
	if errors.Is(err, errUnnamed) {
		r.Held = append(r.Held, job.Held{Name: u.Name, Files: u.Index, Unnamed: true, Layer: fileLayerName(u)})
		return true
	}
	var unknown *format.UnknownLabelsError
	if errors.As(err, &unknown) {
		h := job.Held{Name: u.Name, Files: u.Index}
		for _, l := range unknown.Names() {
			h.Labels = append(h.Labels, job.Unknown{Label: l, Spans: unknown.Labels[l], Line: unknown.FirstLine[l]})
		}
		r.Held = append(r.Held, h)
		return true
	}
	if err != nil {
		r.Messages = append(r.Messages, job.Message{Kind: "error", Text: p.T("%s — nothing of this file was imported.", err)})
		return true
	}
	return false
}

// stored reports what storing a unit's documents did: added documents
// stored, skipped ones already present, and layers given to stored ones.
func stored(r *job.Reply, u Unit, added, skipped int, first string, counts []job.LayerCount, err error, p *locale.Printer) {
	if errors.Is(err, errUnnamed) {
		refused(r, u, err, p)
		return
	}
	if err != nil {
		r.Messages = append(r.Messages, job.Message{Kind: "error", Text: p.T("%s: nothing of this file was imported: %v", u.Name, err)})
		return
	}
	if r.First == "" {
		r.First = first
	}
	r.Stored += added
	if len(counts) == 0 || added > 0 || skipped > 0 {
		r.Messages = append(r.Messages, job.Message{Kind: "info", Text: job.Imported(p, u.Name, added, skipped)})
	}
	for _, c := range counts {
		r.Layered += c.Docs
		r.Messages = append(r.Messages, job.Message{Kind: "info", Text: layeredMessage(p, u.Name, c)})
	}
}

// streamRun is how many documents of a streamed file are stored at a time.
const streamRun = 100

// stream imports a unit of one large span JSONL file read through Open: it
// checks the whole file, then stores it in runs; should a run fail, the
// runs stored before it are removed, so that the file is imported all or
// nothing as any other. It goes on from where an earlier call stopped when
// from is not nil (the file checked), and when shift > 0 stops once the
// file is checked and after shift documents stored, replying where in
// Resume.
func stream(st store.Store, known *store.Known, u Unit, opts Options, from *job.Resume, shift int, p *locale.Printer, progress func(job.Progress)) job.Reply {
	var r job.Reply
	f := u.Files[0]
	var at jsonl.Position
	var all []string
	skipped, first := 0, ""
	var layered []job.LayerRef
	var replaced []store.LayerPut
	var counts []job.LayerCount
	opts, stampWith := unstamped(opts), opts
	if from != nil {
		at = jsonl.Position{Offset: from.Offset, Line: from.Line}
		all, skipped, first = from.Stored, from.Skipped, from.First
		layered, replaced, counts = from.Layered, from.Replaced, from.Layers
	} else {
		if progress != nil {
			progress(job.Progress{Text: p.T("Importing %s… checking it", u.Name)})
		}
		rd, err := f.Open(0)
		if err == nil {
			err = jsonl.Check(f.Name, rd, opts)
		}
		if refused(&r, u, err, p) {
			return r
		}
		if shift > 0 {
			// Storing starts afresh too: what reading the whole file left
			// behind goes with this worker.
			r.Resume = &job.Resume{}
			return r
		}
	}
	rd, err := f.Open(at.Offset)
	if err != nil {
		refused(&r, u, err, p)
		return r
	}
	stop := errors.New("shift done")
	added := 0 // by this call
	mine := make(map[string]bool, len(all))
	for _, id := range all {
		mine[id] = true
	}
	err = jsonl.DecodeFrom(f.Name, rd, at, opts, streamRun, func(docs []corpus.Document, end jsonl.Position) error {
		pl, err := place(st, known, docs, u, stampWith, mine)
		if err == nil && pl.unnamed {
			err = errUnnamed
		}
		if err != nil {
			return err
		}
		add, sk, fst, err := known.Add(st, pl.fresh)
		if err != nil {
			return err
		}
		for _, id := range add {
			mine[id] = true
		}
		all, skipped, added = append(all, add...), skipped+sk, added+len(add)
		if len(pl.puts) > 0 {
			old, err := previous(st, pl.puts)
			if err != nil {
				return err
			}
			if err := st.PutLayers(pl.puts); err != nil {
				return err
			}
			layered, replaced, counts = append(layered, refs(pl.puts)...), append(replaced, old...), count(counts, pl.puts)
		}
		if pl.first != "" {
			fst = pl.first
		}
		if first == "" {
			first = fst
		}
		if progress != nil {
			progress(job.Progress{Text: p.T("Importing %s… %s stored", u.Name, locale.Text(p.T("%d documents", len(all)))), First: first, Added: add})
		}
		if shift > 0 && added >= shift {
			r.Resume = &job.Resume{Offset: end.Offset, Line: end.Line, Stored: all, Skipped: skipped, First: first, Layered: layered, Replaced: replaced, Layers: counts}
			return stop
		}
		return nil
	})
	if err == stop {
		r.First = first
		return r
	}
	if err != nil {
		err = job.RollbackLayers(st, layered, replaced, err)
		var removed bool
		if err, removed = job.Rollback(st, all, err); removed {
			known.Forget(all...)
		}
	}
	stored(&r, u, len(all), skipped, first, counts, err, p)
	return r
}
