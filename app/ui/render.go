package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/overview"
)

// Render composes the page of its views, each a component in a file of its
// own that draws what it owns and reports the user's intents; what several
// of them show comes from the shell, as props.
//
// Elements keep their data-testid for life (a test harness watching for the
// document root can miss it when another element's data-testid changes in
// the same DOM batch).
//
// go-app keeps an element's old event handler when the new one is the same
// closure code, whatever it captures: handlers inside Range carry an
// app.EventScope naming what they act on, so they are replaced when it
// changes, and handlers read what may have changed (props, the language)
// when they run, not when they were made.
func (s *Shell) Render() app.UI {
	loc := s.loc.Settings()
	return app.Div().Class("shell").
		On("dragover", s.onDragOver).
		On("dragleave", func(ctx app.Context, e app.Event) { s.dragging = false }).
		On("drop", s.onDrop).
		Body(
			&SkipLink{Loc: loc},
			&TopBar{Loc: loc, Annotator: s.annotator, Save: s.saveState(), Owner: s},
			&Messages{Loc: loc},
			app.Div().Class("layout").Body(
				&DocList{Loc: loc, Sums: s.sums, Curation: s.curations, Open: s.openID(), Labels: s.schema.Labels, Owner: s},
				&DocPane{Loc: loc, Loading: s.loading, Doc: s.openDoc(), Room: s.room(), Vis: s.docVis, Painted: s.painted, Owner: s},
				&Side{Loc: loc, Panel: s.sidePanel(), Open: s.ed != nil, List: s.spanList(), Values: s.selectedValues(), Vis: s.listVis, Painted: s.painted, Owner: s},
			),
			s.heldDialog(),
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

// room returns the view the top bar opened in place of the document, or nil.
func (s *Shell) room() app.UI {
	switch s.panel {
	case panelAgree:
		return &Agreement{Loc: s.loc.Settings(), Open: s.openID(), Labels: s.schema.Labels, Owner: s}
	case panelCurate:
		return &Curation{Loc: s.loc.Settings(), Doc: s.openID(), Store: s.st, Own: s.annotator, Labels: s.schema.Labels, Owner: s}
	}
	return nil
}

// sidePanel returns the panel the top bar opened, shown in place of the
// span list, or nil.
func (s *Shell) sidePanel() app.UI {
	loc := s.loc.Settings()
	switch s.panel {
	case panelOverview:
		return &Overview{Sums: s.sums, Schema: s.schema, Loc: loc, Help: overview.HelpOf(s.sums, s.help(*s.ctx))}
	case panelGuide:
		return &Guide{Loc: loc}
	case panelDataset:
		return app.Div().Body(&DatasetSettings{Loc: loc},
			&SuggestSources{Loc: loc, Off: s.sug.off, Tagger: s.tagger.last != nil, Busy: s.sug.storing, Owner: s},
			&TaggerPanel{Loc: loc, Last: s.tagger.last, Busy: s.tagger.busy, Failure: s.tagger.failure, Owner: s})
	}
	return nil
}

// heldDialog returns the dialog of the first file held: the one that maps
// its labels, or the one that names its layer; nil when none is held.
func (s *Shell) heldDialog() app.UI {
	if len(s.held) == 0 {
		return nil
	}
	h := s.held[0]
	if h.Unnamed {
		return &LayerNaming{Loc: s.loc.Settings(), ID: h.id, Held: h.Held, Owner: s}
	}
	return &LabelMapping{Loc: s.loc.Settings(), ID: h.id, Held: h.Held, Labels: s.schema.Labels, Owner: s}
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

// labelName is the name of a label in p's language.
func labelName(p *locale.Printer, d corpus.LabelDef) string {
	if p.Lang() == locale.Arabic {
		return d.Arabic
	}
	return d.English
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
