package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/editor"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/session"
	"github.com/raqim/raqim/internal/store"
)

// tabMessage is what a tab tells the app's other tabs: an edit of a
// document it stored (with the document's summary after it), or that the
// list of documents changed.
type tabMessage struct {
	Kind    string          `json:"kind"` // "edit" or "list"
	Doc     string          `json:"doc,omitempty"`
	Summary *corpus.Summary `json:"summary,omitempty"`
}

// toTabs tells the other tabs of m.
func (s *Shell) toTabs(m tabMessage) {
	b, _ := json.Marshal(m)
	s.tabs.Post(string(b))
}

// fromTab takes in what another tab told: its edit of a document shows
// here (the list's entry, and the document if it is open here with no edit
// of this tab waiting; waiting edits are replayed on top when storage
// refuses them, see rebase), a changed list is read again.
func (s *Shell) fromTab(ctx app.Context, data string) {
	var m tabMessage
	if json.Unmarshal([]byte(data), &m) != nil || s.st == nil {
		return
	}
	switch m.Kind {
	case "list":
		s.relist(ctx)
	case "edit":
		if m.Summary == nil {
			return
		}
		s.replaceSummary(*m.Summary)
		if s.ed != nil && s.doc.ID == m.Doc && s.doc.Rev != m.Summary.Rev && s.saving.Pending() == 0 && len(s.stale[m.Doc]) == 0 {
			s.refresh(ctx, m.Doc)
		}
	}
}

// refresh draws the open document id again as storage holds it, unless an
// edit of this tab came meanwhile.
func (s *Shell) refresh(ctx app.Context, id string) {
	st, before := s.st, s.doc.Rev
	s.do(func() {
		doc, log, err := st.Open(id)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil || s.ed == nil || s.doc.ID != id || s.doc.Rev != before || s.saving.Pending() > 0 {
				return
			}
			s.take(editor.New(doc, log, s.schema, s.annotator, time.Now))
		})
	})
}

// rebase replays the changes of document id that storage refused, because
// another tab stored an edit of it meanwhile, on what storage now holds,
// and stores them; changes that clash with the other tab's are dropped and
// the user is told which. It runs after every save queued before it.
func (s *Shell) rebase(ctx app.Context, id string) {
	st, schema, annotator := s.st, s.schema, s.annotator
	s.saving.Begin()
	s.do(func() {
		var changes []history.Change
		taken := make(chan struct{})
		ctx.Dispatch(func(app.Context) {
			changes = s.stale[id]
			delete(s.stale, id)
			close(taken)
		})
		<-taken
		var refused []error
		var r session.Rebased
		var err error
		for try := 0; try < 3; try++ {
			r, err = session.Rebase(st, id, changes, schema, annotator, time.Now)
			if err != nil {
				break
			}
			refused = append(refused, r.Refused...)
			stored := 0
			for _, e := range r.Edits {
				if err = st.Apply(id, e); err != nil {
					break
				}
				stored++
			}
			if !errors.Is(err, store.ErrConflict) {
				break
			}
			// Another edit came in between: replay what was not stored yet.
			changes = changes[min(stored+len(r.Refused), len(changes)):]
		}
		ctx.Dispatch(func(ctx app.Context) {
			s.saving.End(err)
			title := s.titleOf(id)
			if err != nil {
				s.fail("«%s» was changed in another tab, and your edits could not be put on top of its changes: %v", title, err)
				if s.ed != nil && s.doc.ID == id {
					s.open(ctx, id)
				}
				return
			}
			if s.ed != nil && s.doc.ID == id {
				s.take(r.Editor)
			}
			s.replaceSummary(corpus.Summarize(r.Editor.Doc()))
			s.toTabs(tabMessage{Kind: "edit", Doc: id, Summary: ptr(corpus.Summarize(r.Editor.Doc()))})
			var text string
			kind := "warn"
			if len(refused) == 0 {
				text = s.loc.T("«%s» was changed in another tab at the same time as here: that tab's changes are newer, and are shown now, with your %s put on top of them.", title, locale.Text(s.loc.T("%d edits", len(changes))))
			} else {
				kind = "error"
				reasons := make([]string, len(refused))
				for i, e := range refused {
					reasons[i] = s.loc.Error(e)
				}
				text = s.loc.T("«%s» was changed in another tab at the same time as here: that tab's changes are newer, and are shown now. %s of yours clashed with them and could not be kept: %s.", title, locale.Text(s.loc.T("%d edits", len(refused))), locale.Text(strings.Join(reasons, "; ")))
			}
			s.tell(Message{Kind: kind, Text: text, Sticky: true})
		})
	})
}

func ptr[T any](v T) *T { return &v }

// take makes ed, which holds the open document in another state (as
// another tab stored it), the open document's editor, and redraws only the
// paragraphs whose spans differ: a selection the user is making elsewhere
// in the document survives.
func (s *Shell) take(ed *editor.Editor) {
	before := s.doc.Spans
	s.ed, s.doc = ed, ed.Doc()
	added, removed := session.Diff(before, s.doc.Spans)
	if _, ok := s.span(s.selected); !ok {
		s.selected, s.listSel = "", ""
	}
	changed := s.lay.Update(store.Edit{Put: added}, removed, s.doc.Spans)
	s.paintNow(changed, s.drawnSel)
	s.drawnSel = s.selected
	s.lay.RefitGroups(s.lay.BlocksOf(changed), s.doc.Spans)
}

// connectionLost learns that the browser closed the connection to storage:
// it looks at once whether storage was cleared, rather than at the next edit.
func (s *Shell) connectionLost(ctx app.Context, why string) {
	st := s.st
	s.do(func() {
		_, err := st.List()
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case errors.Is(err, store.ErrGone):
				s.storageGone(ctx)
			case err != nil:
				s.fail("Storage was %s, and could not be opened again: %v. Reload the page.", why, err)
			default:
				s.relist(ctx)
			}
		})
	})
}

// storageGone tells the user that the browser's storage was cleared while
// the page was open, stores the open document again as it stands here (with
// every edit made), and offers it as a download.
func (s *Shell) storageGone(ctx app.Context) {
	if s.gone {
		return
	}
	s.gone = true
	text := locale.Text(s.loc.T("This browser's storage for raqim was cleared while the page was open (browsers do so when disk space runs low, or it was done from the browser's settings): the documents stored in this browser are gone."))
	if s.ed == nil {
		s.gone = false
		s.tell(Message{Kind: "error", Text: string(text)})
		s.relist(ctx)
		return
	}
	doc, st := s.ed.Doc(), s.st
	download := func(ctx app.Context) {
		var buf bytes.Buffer
		if err := jsonl.Encode(&buf, []corpus.Document{doc}, jsonl.EncodeOptions{Annotations: true}); err != nil {
			s.fail("The download failed: %v", err)
			return
		}
		browser.Download(doc.ID+".jsonl", "application/jsonl", buf.Bytes())
	}
	s.saving.Begin()
	s.do(func() {
		err := st.Add([]corpus.Document{doc})
		ctx.Dispatch(func(ctx app.Context) {
			s.saving.End(nil) // a failure is said below, with what to do
			s.gone = false
			if err != nil {
				s.tell(Message{Kind: "error", Text: s.loc.T("%s «%s», which was open, is still shown here with your edits, but could not be stored again (%v): download it now.", text, doc.Title, err), Action: s.loc.T("Download it"), Do: download})
				return
			}
			s.tell(Message{Kind: "error", Text: s.loc.T("%s «%s», which was open, was kept with your edits and stored again; download it to be safe.", text, doc.Title), Action: s.loc.T("Download it"), Do: download})
			s.relist(ctx)
			s.toTabs(tabMessage{Kind: "list"})
		})
	})
}
