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
				s.ed, s.renaming = nil, false
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

// renderTitle draws the open document's title, or the field that renames it.
func (s *Shell) renderTitle() app.UI {
	if s.renaming {
		return app.Input().Type("text").Class("rename").DataSet("testid", "rename-input").
			Attr("aria-label", s.loc.T("Document title")).Dir("auto").Value(s.doc.Title).AutoFocus(true).
			OnKeyDown(func(ctx app.Context, e app.Event) {
				switch e.Get("key").String() {
				case "Enter":
					s.rename(ctx, ctx.JSSrc().Get("value").String())
				case "Escape":
					s.renaming = false
				}
			}).
			OnBlur(func(ctx app.Context, e app.Event) {
				if s.renaming {
					s.rename(ctx, ctx.JSSrc().Get("value").String())
				}
			})
	}
	return app.Div().Class("title-row").Body(
		app.H1().Dir("auto").Text(s.doc.Title),
		app.Button().Class("button icon").DataSet("testid", "rename").Title(s.loc.T("Rename this document")).Text("✎").
			Attr("aria-label", s.loc.T("Rename this document")).
			OnClick(func(ctx app.Context, e app.Event) { s.renaming = true }),
		app.Button().Class("button danger").DataSet("testid", "delete-doc").Title(s.loc.T("Delete this document")).Text(s.loc.T("Delete")).
			Attr("aria-label", s.loc.T("Delete this document")).
			OnClick(func(ctx app.Context, e app.Event) { s.deleteDocs(ctx, []string{s.doc.ID}) }),
	)
}

// rename gives the open document a new title.
func (s *Shell) rename(ctx app.Context, title string) {
	s.renaming = false
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
