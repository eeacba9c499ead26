package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/gold"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/view"
)

// measure hands work on the corpus's layers (op Agree or Score, on the
// layers c chooses, or nil) to the background worker, after the edits and
// imports queued before it, and gives then its reply: first, when the
// reply has long lists, without them (final false), then whole.
func (s *Shell) measure(ctx app.Context, op job.Op, c *gold.Choice, then func(ctx app.Context, r job.Reply, final bool)) {
	s.offloadHead(ctx, s.loc.T("Measuring agreement…"), job.Request{Op: op, Gold: c}, nil,
		func(ctx app.Context, r job.Reply) { then(ctx, r, false) },
		func(ctx app.Context, r job.Reply, _ app.Value, _ []corpus.Summary) { then(ctx, r, true) })
}

// importPredictions imports files as system layers (an extractor's
// predictions) of the documents whose texts are stored, then calls then.
func (s *Shell) importPredictions(ctx app.Context, list app.Value, then func(ctx app.Context)) {
	n := list.Length()
	if n == 0 {
		return
	}
	files, names, layers := make([]app.Value, n), make([]string, n), make([]job.Layer, n)
	for i := range n { // copied: the list empties when the input is reset
		files[i] = list.Index(i)
		names[i] = files[i].Get("name").String()
		layers[i] = job.Layer{System: true}
	}
	s.runImport(ctx, job.Request{Op: job.Import, Files: names, Layers: layers}, files, then)
}

// target is a place in a document to show once the document is open.
type target struct {
	doc        string
	start, end int
}

// openAt shows document id with the text [start, end) selected, closing
// the view shown in its place.
func (s *Shell) openAt(ctx app.Context, id string, start, end int) {
	// On the shell's context: the view asking goes away with this.
	ctx = *s.ctx
	s.panel = ""
	s.at = &target{id, start, end}
	if s.ed != nil && s.doc.ID == id {
		s.reach(ctx)
		return
	}
	s.open(ctx, id)
}

// reach shows the place the user asked for in the open document (openAt),
// if any: its block drawn, scrolled to and the text selected.
func (s *Shell) reach(ctx app.Context) {
	at := s.at
	if at == nil || s.ed == nil || s.doc.ID != at.doc {
		return
	}
	s.at = nil
	s.lay.Show(view.BlockAt(s.lay.Blocks, at.start), false, -1, s.blockHeight)
	ctx.Defer(func(app.Context) {
		browser.AfterPaintDo(func() {
			if at.end > at.start {
				browser.Select(at.start, at.end)
				browser.ShowSelection()
			}
		})
	})
}
