package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
)

// statusName is the name of a document status in p's language.
func statusName(p *locale.Printer, st corpus.Status) string {
	switch st {
	case corpus.StatusInProgress:
		return p.T("In progress")
	case corpus.StatusDone:
		return p.T("Done")
	}
	return p.T("New")
}

// definition is what the label marks, in the interface's language.
func (s *Shell) definition(d corpus.LabelDef) string {
	if s.loc.Lang() == locale.Arabic {
		return d.DefinitionAr
	}
	return d.DefinitionEn
}

// labelName is the name of a label in p's language.
func labelName(p *locale.Printer, d corpus.LabelDef) string {
	if p.Lang() == locale.Arabic {
		return d.Arabic
	}
	return d.English
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
			&SkipLink{Loc: s.loc.Settings()},
			&TopBar{Loc: s.loc.Settings(), Annotator: s.annotator, Save: s.saveState(),
				OnImport: s.importFiles, OnExportJSONL: s.exportJSONL, OnExportDataset: s.exportDataset,
				OnPanel: s.togglePanel, OnAnnotator: s.setAnnotator, OnLocale: s.setLocale},
			&Messages{Loc: s.loc.Settings()},
			app.Div().Class("layout").Body(
				&DocList{Loc: s.loc.Settings(), Sums: s.sums, Open: s.openID(), Labels: s.schema.Labels, OnOpen: s.open, OnDelete: s.deleteDocs},
				s.renderEditor(),
				s.renderSide(),
			),
			s.renderMapping(),
			app.If(s.dragging, func() app.UI {
				return app.Div().Class("dropzone").Text(s.loc.T("Drop files to import them"))
			}),
		)
}

// saveState is the save state, as the top bar shows it.
func (s *Shell) saveState() *SaveState {
	st := s.saving.State(s.st != nil, s.durable)
	text := s.loc.T(st.Text)
	if s.busy != "" {
		text += " · " + s.busy
	}
	title := s.loc.T("Every edit is stored in this browser (IndexedDB) before it shows as saved.")
	if s.evictable {
		title += " " + s.loc.T("The browser did not grant persistent storage, so it may evict this site's data under storage pressure: export regularly.")
	}
	return &SaveState{State: st.Class, Text: text, Title: title, Seq: s.saving.Seq()}
}

// openID returns the ID of the open document, or "".
func (s *Shell) openID() string {
	if s.ed == nil {
		return ""
	}
	return s.doc.ID
}

func (s *Shell) renderEditor() app.UI {
	if s.loading != "" {
		return app.Section().Class("editor").ID("doc").TabIndex(-1).Attr("aria-label", s.loc.T("Document")).Body(app.P().Class("empty").Text(s.loading))
	}
	if s.ed == nil {
		return app.Section().Class("editor").ID("doc").TabIndex(-1).Attr("aria-label", s.loc.T("Document")).Body(
			app.Div().Class("empty").Body(
				app.H2().Text(s.loc.T("No document open")),
				app.P().Text(s.loc.T("Import .txt or .jsonl files (button above, or drop them here), then pick a document from the list.")),
			),
		)
	}
	return app.Section().Class("editor").ID("doc").TabIndex(-1).Attr("aria-label", s.loc.T("Document")).Body(
		app.Div().Class("doc-head").Body(
			s.renderTitle(),
			app.Label().Class("status-field").For("doc-status").Text(s.loc.T("Status")),
			app.Select().ID("doc-status").DataSet("testid", "status").Title(s.loc.T("Document status")).
				OnChange(func(ctx app.Context, e app.Event) {
					s.setStatus(ctx, corpus.Status(ctx.JSSrc().Get("value").String()))
				}).
				Body(app.Range(corpus.Statuses).Slice(func(i int) app.UI {
					st := corpus.Statuses[i]
					return app.Option().Value(string(st)).Selected(st == s.doc.Status).Text(statusName(s.loc, st))
				})),
		),
		s.renderPalette(),
		&DocumentView{Count: len(s.doc.Spans), Blocks: s.blockComponents(), OnClick: s.onDocClick},
	)
}

func (s *Shell) renderPalette() app.UI {
	next, prev := "ArrowRight", "ArrowLeft"
	if s.loc.Dir() == "rtl" {
		next, prev = prev, next // the toolbar runs right to left
	}
	return app.Div().Class("palette").DataSet("testid", "palette").Attr("role", "toolbar").Attr("aria-label", s.loc.T("Labels")).
		OnKeyDown(func(ctx app.Context, e app.Event) { moveFocus(e, "button.label-button", next, prev) }).
		Body(
			app.Range(s.schema.Labels).Slice(func(i int) app.UI {
				d := s.schema.Labels[i]
				key := d.Key
				if len(key) == 6 && key[:5] == "Digit" {
					key = key[5:]
				}
				tab := -1
				if i == 0 {
					tab = 0
				}
				return app.Button().Class("label-button").DataSet("label", string(d.Name)).TabIndex(tab).
					Title(s.definition(d)).
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
			app.Span().Class("hint").Text(s.loc.T("Select text (or go word by word with ← →), press 1–4 · click a span to select · Ctrl+← → from span to span · Del removes · P toggles a proclitic · Ctrl+Z / Ctrl+Shift+Z")),
		)
}

// onDocClick selects the span under a click, unless the click ended a drag
// that selected text. A click that changes nothing re-renders nothing: on a
// long document that keeps the frame after a selection free for the label
// key that usually follows.
func (s *Shell) onDocClick(ctx app.Context, e app.Event) {
	if start, end, ok := browser.Selection(); ok && start != end {
		ctx.PreventUpdate()
		return
	}
	t := e.Get("target")
	if mark := t.Call("closest", "mark[data-id]"); mark.Truthy() {
		s.selectSpan(ctx, mark.Call("getAttribute", "data-id").String(), false)
		return
	}
	if s.selected == "" {
		ctx.PreventUpdate()
		return
	}
	s.selected, s.listSel = "", ""
}

func (s *Shell) renderSide() app.UI {
	switch s.panel {
	case panelOverview:
		return app.Aside().Class("side").TabIndex(0).Attr("aria-label", s.loc.T("Side panel")).Body(&Overview{Sums: s.sums, Schema: s.schema, Loc: s.loc.Settings()})
	case panelGuide:
		return app.Aside().Class("side").TabIndex(0).Attr("aria-label", s.loc.T("Side panel")).Body(renderGuide(s.loc))
	case panelDataset:
		return app.Aside().Class("side").TabIndex(0).Attr("aria-label", s.loc.T("Side panel")).Body(s.renderDatasetSettings())
	}
	if s.ed == nil {
		return app.Aside().Class("side").TabIndex(0).Attr("aria-label", s.loc.T("Side panel"))
	}
	return app.Aside().Class("side").TabIndex(0).Attr("aria-label", s.loc.T("Side panel")).
		OnClick(func(ctx app.Context, e app.Event) {
			if li := e.Get("target").Call("closest", "[data-role=span-item]"); li.Truthy() {
				s.selectSpan(ctx, li.Call("getAttribute", "data-id").String(), true)
			}
		}).
		OnKeyDown(func(ctx app.Context, e app.Event) {
			if li := moveFocus(e, "[data-role=span-item]", "ArrowDown", "ArrowUp"); li.Truthy() {
				id := li.Call("getAttribute", "data-id").String()
				s.selectSpan(ctx, id, true)
				// The row is drawn anew as selected: focus goes to the new one.
				ctx.Defer(func(app.Context) { browser.Focus(`[data-role=span-item][data-id="` + id + `"]`) })
			}
		}).
		Body(
			app.H2().Text(s.loc.T("Spans (%d)", len(s.doc.Spans))),
			app.Div().DataSet("testid", "span-list").DataSet("role", "span-list").Body(s.spanGroups()...),
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

// moveFocus handles the arrow keys of a composite widget (the palette, the
// span list): next and prev move focus to the next or previous element
// matching items within the element handling e, Home and End to the first
// and last; it returns the element focused, or a falsy value.
func moveFocus(e app.Event, items, next, prev string) app.Value {
	key := e.Get("key").String()
	if key != next && key != prev && key != "Home" && key != "End" {
		return app.Null()
	}
	all := e.Get("currentTarget").Call("querySelectorAll", items)
	n := all.Length()
	if n == 0 {
		return app.Null()
	}
	at := -1
	active := app.Window().Get("document").Get("activeElement")
	for i := 0; i < n; i++ {
		if all.Index(i).Equal(active) {
			at = i
		}
	}
	switch key {
	case next:
		at = min(at+1, n-1)
	case prev:
		at = max(at-1, 0)
	case "Home":
		at = 0
	case "End":
		at = n - 1
	}
	el := all.Index(at)
	el.Call("focus")
	e.PreventDefault()
	e.Call("stopPropagation")
	return el
}
