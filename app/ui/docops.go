package ui

import (
	"errors"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/editor"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/session"
)

// deleteDocs deletes documents, all or none, and offers to undo it.
func (s *Shell) deleteDocs(ctx app.Context, ids []string) {
	if len(ids) == 0 {
		return
	}
	st := s.st
	s.busy = s.loc.T("Deleting…")
	s.do(func() {
		d, err := session.Delete(st, ids)
		sums, lerr := st.List()
		ctx.Dispatch(func(ctx app.Context) {
			s.busy = ""
			if err != nil {
				s.fail("Nothing was deleted: %v", err)
				return
			}
			ctx.NewAction(actDeleted)
			if s.ed != nil && slices.Contains(ids, s.doc.ID) {
				s.ed = nil
				ctx.LocalStorage().Del(prefOpen)
			}
			if lerr == nil {
				s.sums = sums
			}
			s.toTabs(tabMessage{Kind: "list"})
			text := s.loc.T("Deleted %s.", locale.Text(s.loc.T("%d documents", len(ids))))
			if len(ids) == 1 {
				text = s.loc.T("Deleted “%s”.", d.Docs[0].Doc.Title)
			}
			s.tell(Message{Kind: "info", Sticky: true, Text: text, Action: s.loc.T("Undo"), Undoes: true,
				Do: func(ctx app.Context) { s.restoreDocs(ctx, d) }})
		})
	})
}

// restoreDocs puts deleted documents back.
func (s *Shell) restoreDocs(ctx app.Context, d session.Deleted) {
	st := s.st
	s.do(func() {
		err := session.Restore(st, d)
		sums, lerr := st.List()
		ctx.Dispatch(func(ctx app.Context) {
			ctx.NewAction(actUndoTaken) // the undo is done: its offer goes
			if lerr == nil {
				s.sums = sums
			}
			s.toTabs(tabMessage{Kind: "list"})
			if err != nil {
				s.fail("The deleted documents could not all be put back: %v", err)
				return
			}
			s.note("info", s.loc.T("Put back %s.", locale.Text(s.loc.T("%d documents", len(d.Docs)))))
		})
	})
}

// deleteOpen deletes the open document, and offers to undo it.
func (s *Shell) deleteOpen(ctx app.Context) { s.deleteDocs(ctx, []string{s.doc.ID}) }

// rename gives the open document a new title.
func (s *Shell) rename(ctx app.Context, title string) {
	if s.ed == nil {
		return
	}
	e, err := s.ed.Rename(title)
	switch {
	case errors.Is(err, editor.ErrNoChange):
		return
	case err != nil:
		s.fail("renaming %q: %v", s.doc.Title, err)
		return
	}
	s.commit(ctx, e)
}
