package ui

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
)

var statusNames = map[corpus.Status]string{
	corpus.StatusNew:        "New",
	corpus.StatusInProgress: "In progress",
	corpus.StatusDone:       "Done",
}

// Render draws the whole app.
//
// Elements keep their data-testid for life (a test harness watching for the
// document root can miss it when another element's data-testid changes in
// the same DOM batch).
//
// go-app keeps an element's old event handler when the new one is the same
// closure code, whatever it captures: handlers inside Range carry an
// app.EventScope naming what they act on, so they are replaced when it changes.
func (s *Shell) Render() app.UI {
	return app.Div().Class("shell").
		On("dragover", s.onDragOver).
		On("dragleave", func(ctx app.Context, e app.Event) { s.dragging = false }).
		On("drop", s.onDrop).
		Body(
			s.renderTop(),
			s.renderMessages(),
			app.Div().Class("layout").Body(
				s.renderDocList(),
				s.renderEditor(),
				s.renderSide(),
			),
			app.If(s.dragging, func() app.UI {
				return app.Div().Class("dropzone").Text("Drop .txt or .jsonl files to import them")
			}),
		)
}

func (s *Shell) renderTop() app.UI {
	return app.Header().Class("top").Body(
		app.Div().Class("brand").Body(
			app.Span().Class("brand-ar").Lang("ar").Text("رقيم"),
			app.Span().Class("brand-en").Text("raqim"),
		),
		app.Label().Class("button").Title("Import .txt or .jsonl files (several at once)").Body(
			app.Text("Import…"),
			app.Input().Type("file").Multiple(true).
				Accept(".txt,.jsonl,.json,.ann,.conll,.zip").
				DataSet("testid", "import").
				OnChange(func(ctx app.Context, e app.Event) {
					s.importFiles(ctx, ctx.JSSrc().Get("files"))
					ctx.JSSrc().Set("value", "")
				}),
		),
		app.Button().Class("button").DataSet("testid", "export-jsonl").
			Title("Download every document and its spans as JSONL (code-point offsets)").
			Text("Export JSONL").
			OnClick(func(ctx app.Context, e app.Event) { s.exportJSONL(ctx) }),
		app.Button().Class("button").DataSet("testid", "guide-toggle").
			Text("Guidelines").
			OnClick(func(ctx app.Context, e app.Event) { s.guide = !s.guide }),
		app.Label().Class("annotator").Body(
			app.Text("Annotator "),
			app.Input().Type("text").Value(s.annotator).Size(10).
				OnChange(func(ctx app.Context, e app.Event) {
					if v := ctx.JSSrc().Get("value").String(); v != "" {
						s.annotator = v
						ctx.LocalStorage().Set(prefAnnotator, v)
						s.note("info", "New spans are now made by "+v+" (reopen the document to apply).")
					}
				}),
		),
		s.renderSaveState(),
	)
}

func (s *Shell) renderSaveState() app.UI {
	state, cls := "Saved", "saved"
	switch {
	case s.st == nil:
		state, cls = "Starting…", "saving"
	case !s.durable:
		state, cls = "Not saved: no storage", "error"
	case s.saveErr != "":
		state, cls = "Not saved", "error"
	case s.pending > 0:
		state, cls = "Saving…", "saving"
	}
	if s.busy != "" {
		state += " · " + s.busy
	}
	title := "Every edit is stored in this browser (IndexedDB) before it shows as saved."
	if s.evictable {
		title += " The browser did not grant persistent storage, so it may evict this site's data under storage pressure: export regularly."
	}
	return app.Span().Class("save-state "+cls).DataSet("testid", "save-state").Title(title).
		DataSet("state", cls).Text(state)
}

func (s *Shell) renderMessages() app.UI {
	return app.Div().Class("messages").Attr("role", "status").Body(
		app.Range(s.msgs).Slice(func(i int) app.UI {
			m := s.msgs[i]
			return app.Div().Class("msg "+m.Kind).DataSet("testid", "message").DataSet("kind", m.Kind).Body(
				app.Span().Text(m.Text),
				app.Button().Class("close").Title("Dismiss").Text("×").
					OnClick(func(ctx app.Context, e app.Event) { s.dismiss(m.ID) }, app.EventScope(m.ID)),
			)
		}),
	)
}

func (s *Shell) renderDocList() app.UI {
	return app.Nav().Class("docs").DataSet("testid", "doc-list").Body(
		app.H2().Text(fmt.Sprintf("Documents (%d)", len(s.sums))),
		app.Ul().Body(app.Range(s.sums).Slice(func(i int) app.UI {
			sm := s.sums[i]
			cls := "doc-item"
			if sm.ID == s.doc.ID && s.ed != nil {
				cls += " open"
			}
			return app.Li().Class(cls).DataSet("testid", "doc").DataSet("id", sm.ID).
				OnClick(func(ctx app.Context, e app.Event) { s.open(ctx, sm.ID) }, app.EventScope(sm.ID)).
				Body(
					app.Div().Class("doc-title").Dir("auto").Text(sm.Title),
					app.Div().Class("doc-meta").Body(
						app.Span().Class("status "+string(sm.Status)).Text(statusNames[sm.Status]),
						app.Span().Class("count").Text(plural(sm.Total(), "span")),
						app.Range(s.schema.Labels).Slice(func(j int) app.UI {
							d := s.schema.Labels[j]
							if sm.Counts[d.Name] == 0 {
								return nil
							}
							return app.Span().Class("chip").DataSet("label", string(d.Name)).
								Title(d.English).Text(strconv.Itoa(sm.Counts[d.Name]))
						}),
					),
				)
		})),
	)
}

func (s *Shell) renderEditor() app.UI {
	if s.loading != "" {
		return app.Section().Class("editor").Body(app.P().Class("empty").Text(s.loading))
	}
	if s.ed == nil {
		return app.Section().Class("editor").Body(
			app.Div().Class("empty").Body(
				app.H2().Text("No document open"),
				app.P().Text("Import .txt or .jsonl files (button above, or drop them here), then pick a document from the list."),
			),
		)
	}
	return app.Section().Class("editor").Body(
		app.Div().Class("doc-head").Body(
			app.H1().Dir("auto").Text(s.doc.Title),
			app.Select().DataSet("testid", "status").Title("Document status").
				OnChange(func(ctx app.Context, e app.Event) {
					s.setStatus(ctx, corpus.Status(ctx.JSSrc().Get("value").String()))
				}).
				Body(app.Range(corpus.Statuses).Slice(func(i int) app.UI {
					st := corpus.Statuses[i]
					return app.Option().Value(string(st)).Selected(st == s.doc.Status).Text(statusNames[st])
				})),
		),
		s.renderPalette(),
		app.Article().Class("document").
			DataSet("testid", "document").
			Attr("data-span-count", strconv.Itoa(len(s.doc.Spans))).
			Dir("rtl").Lang("ar").
			OnClick(s.onDocClick).
			Body(paraProps(s.paras, s.doc.Spans, s.selected, s.flash)...),
	)
}

func (s *Shell) renderPalette() app.UI {
	return app.Div().Class("palette").DataSet("testid", "palette").Body(
		app.Range(s.schema.Labels).Slice(func(i int) app.UI {
			d := s.schema.Labels[i]
			key := d.Key
			if len(key) == 6 && key[:5] == "Digit" {
				key = key[5:]
			}
			return app.Button().Class("label-button").DataSet("label", string(d.Name)).
				Title(d.DefinitionEn).
				On("mousedown", func(ctx app.Context, e app.Event) { e.PreventDefault() }).
				OnClick(func(ctx app.Context, e app.Event) {
					start, end, ok := browser.Selection()
					s.label(ctx, d.Name, start, end, ok)
				}, app.EventScope(d.Name)).
				Body(
					app.Kbd().Text(key),
					app.Span().Class("ar").Lang("ar").Text(d.Arabic),
					app.Span().Class("en").Text(d.English),
				)
		}),
		app.Span().Class("hint").Text("Select text, press 1–4 · click a span to select · Del removes · P toggles a proclitic · Ctrl+Z / Ctrl+Shift+Z"),
	)
}

// onDocClick selects the span under a click, unless the click ended a drag
// that selected text.
func (s *Shell) onDocClick(ctx app.Context, e app.Event) {
	if start, end, ok := browser.Selection(); ok && start != end {
		return
	}
	t := e.Get("target")
	if mark := t.Call("closest", "mark[data-id]"); mark.Truthy() {
		s.selectSpan(ctx, mark.Call("getAttribute", "data-id").String(), false)
		return
	}
	s.selected = ""
}

func (s *Shell) renderSide() app.UI {
	if s.guide {
		return app.Aside().Class("side").Body(renderGuide(s.schema))
	}
	if s.ed == nil {
		return app.Aside().Class("side")
	}
	idx := s.ed.Index()
	return app.Aside().Class("side").Body(
		app.H2().Text(fmt.Sprintf("Spans (%d)", len(s.doc.Spans))),
		app.Ol().Class("span-list").DataSet("testid", "span-list").Body(app.Range(s.doc.Spans).Slice(func(i int) app.UI {
			sp := s.doc.Spans[i]
			cls := "span-item"
			if sp.ID == s.selected {
				cls += " selected"
			}
			return app.Li().Class(cls).DataSet("testid", "span-item").DataSet("id", sp.ID).
				OnClick(func(ctx app.Context, e app.Event) { s.selectSpan(ctx, sp.ID, true) }, app.EventScope(sp.ID)).
				Body(
					app.Span().Class("chip").DataSet("label", string(sp.Label)).Text(string(sp.Label)),
					app.Span().Class("span-text").Dir("rtl").Lang("ar").Text(idx.Slice(sp.Start, sp.End)),
				)
		})),
	)
}

func (s *Shell) onDragOver(ctx app.Context, e app.Event) {
	e.PreventDefault()
	s.dragging = true
}

func (s *Shell) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	s.dragging = false
	s.importFiles(ctx, e.Get("dataTransfer").Get("files"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
