package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
)

// DocHead is the open document's head: its title, with the buttons that
// rename and delete it, and its status. It owns the renaming: while it
// goes on, the title is a field.
type DocHead struct {
	app.Compo
	Loc    locale.Settings // the language its words are written in
	Title  string
	Status corpus.Status

	Owner docHeadOwner

	renaming bool
}

// docHeadOwner carries out what the document's head reports.
type docHeadOwner interface {
	rename(ctx app.Context, title string)
	deleteOpen(ctx app.Context)
	setStatus(ctx app.Context, st corpus.Status)
}

// rename ends the renaming with title.
func (h *DocHead) rename(ctx app.Context, title string) {
	h.renaming = false
	h.Owner.rename(ctx, title)
}

// Render draws the head.
func (h *DocHead) Render() app.UI {
	p := locale.New(h.Loc)
	return app.Div().Class("doc-head").Body(
		h.renderTitle(p),
		app.Label().Class("status-field").For("doc-status").Text(p.T("Status")),
		app.Select().ID("doc-status").DataSet("testid", "status").Title(p.T("Document status")).
			OnChange(func(ctx app.Context, e app.Event) {
				h.Owner.setStatus(ctx, corpus.Status(ctx.JSSrc().Get("value").String()))
			}).
			Body(app.Range(corpus.Statuses).Slice(func(i int) app.UI {
				st := corpus.Statuses[i]
				return app.Option().Value(string(st)).Selected(st == h.Status).Text(statusName(p, st))
			})),
	)
}

// renderTitle draws the title, or the field that renames the document.
func (h *DocHead) renderTitle(p *locale.Printer) app.UI {
	if h.renaming {
		return app.Input().Type("text").Class("rename").DataSet("testid", "rename-input").
			Attr("aria-label", p.T("Document title")).Dir("auto").Value(h.Title).AutoFocus(true).
			OnKeyDown(func(ctx app.Context, e app.Event) {
				switch e.Get("key").String() {
				case "Enter":
					h.rename(ctx, ctx.JSSrc().Get("value").String())
				case "Escape":
					h.renaming = false
				}
			}).
			OnBlur(func(ctx app.Context, e app.Event) {
				if h.renaming {
					h.rename(ctx, ctx.JSSrc().Get("value").String())
				}
			})
	}
	return app.Div().Class("title-row").Body(
		app.H1().Dir("auto").Text(h.Title),
		app.Button().Class("button icon").DataSet("testid", "rename").Title(p.T("Rename this document")).Text("✎").
			Attr("aria-label", p.T("Rename this document")).
			OnClick(func(ctx app.Context, e app.Event) { h.renaming = true }),
		app.Button().Class("button danger").DataSet("testid", "delete-doc").Title(p.T("Delete this document")).Text(p.T("Delete")).
			Attr("aria-label", p.T("Delete this document")).
			OnClick(func(ctx app.Context, e app.Event) { h.Owner.deleteOpen(ctx) }),
	)
}
