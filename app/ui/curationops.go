package ui

import (
	"maps"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/curate"
	"github.com/raqim/raqim/internal/store"
)

// keepGold stores a curation's gold layer after the edits queued before
// it, the save state saying "Saving…" until storage confirms it, and the
// document list taking its new curation status; then gets what storage said.
func (s *Shell) keepGold(ctx app.Context, sess *curate.Session, put store.LayerPut, then func(ctx app.Context, err error)) {
	mounted.saveState.saving()
	s.saving.Begin()
	// On the shell's context: the view may be gone when storage answers.
	ctx = *s.ctx
	s.do(func() {
		browser.AfterPaint() // the decision is drawn first; the layer is written after
		err := sess.Keep(put)
		ctx.Dispatch(func(ctx app.Context) {
			s.saving.End(err)
			if err == nil {
				next := maps.Clone(s.curations)
				if next == nil {
					next = map[string]corpus.CurationInfo{}
				}
				next[put.Doc] = put.Layer.Curation.CurationInfo
				s.curations = next
			}
			then(ctx, err)
		})
	})
}

// readCurations reads the curation status of every document from storage,
// after the work queued before it, for the document list.
func (s *Shell) readCurations(ctx app.Context) {
	st := s.st
	if st == nil {
		return
	}
	s.do(func() {
		idx, err := st.LayerIndex()
		if err != nil {
			return // the list goes without; opening a curation says what fails
		}
		cur := make(map[string]corpus.CurationInfo)
		for id, infos := range idx {
			for _, in := range infos {
				if in.Name == curate.Gold && in.Curation != nil {
					cur[id] = *in.Curation
				}
			}
		}
		ctx.Dispatch(func(ctx app.Context) { s.curations = cur })
	})
}
