package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/agreement"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/view"
)

// Kinds of the marks of an extractor's errors (CSS ::highlight(raqim-…)).
const (
	markMissed = "missed" // the reference's spans the extractor did not get right
	markWrong  = "wrong"  // the extractor's spans that are not the reference's
)

// ErrorMarksBar is the line above the document that says how many of an
// extractor's errors are drawn in its text, and takes them away.
type ErrorMarksBar struct {
	app.Compo
	Loc           locale.Settings
	Missed, Wrong int
	Owner         errorMarksOwner
}

// errorMarksOwner carries out what the bar reports.
type errorMarksOwner interface {
	hideErrors(ctx app.Context)
}

// Render draws the bar, or nothing when no error is drawn.
func (b *ErrorMarksBar) Render() app.UI {
	if b.Missed == 0 && b.Wrong == 0 {
		return app.Div().Class("error-marks").Hidden(true)
	}
	p := locale.New(b.Loc)
	return app.Div().Class("error-marks").DataSet("testid", "score-marks").Attr("aria-live", "polite").Body(
		app.Span().Class("swatch", markMissed).Attr("aria-hidden", "true"),
		app.Span().DataSet("testid", "score-marks-missed").Text(p.T("Missed by the extractor: %d", b.Missed)),
		app.Span().Class("swatch", markWrong).Attr("aria-hidden", "true"),
		app.Span().DataSet("testid", "score-marks-wrong").Text(p.T("Its wrong spans: %d", b.Wrong)),
		app.Button().Class("link").DataSet("testid", "score-marks-hide").
			OnClick(func(ctx app.Context, e app.Event) { b.Owner.hideErrors(ctx) }).
			Text(p.T("Hide the errors")),
	)
}

// errorMarks are the extractor's errors drawn in the open document's text
// (see agreement.ScoreReport.ErrorMarks).
type errorMarks struct {
	doc           string
	marks         []view.Mark
	blocks        [][]view.Mark // the marks of each block of the layout
	missed, wrong int
}

// showErrors draws doc's errors of a scoring report in its text once it is
// open (openAt opens it).
func (s *Shell) showErrors(doc string, missed, wrong []agreement.SpanRef) {
	m := errorMarks{doc: doc, missed: len(missed), wrong: len(wrong)}
	for _, r := range missed {
		m.marks = append(m.marks, view.Mark{Start: r.Start, End: r.End, Kind: markMissed})
	}
	for _, r := range wrong {
		m.marks = append(m.marks, view.Mark{Start: r.Start, End: r.End, Kind: markWrong})
	}
	s.marks = m
	s.fitMarks()
}

// fitMarks cuts the marks to the open document's blocks, or forgets them
// once another document is open.
func (s *Shell) fitMarks() {
	switch {
	case s.marks.doc == "":
	case s.ed == nil || s.doc.ID != s.marks.doc:
		s.marks.blocks = nil
	default:
		s.marks.blocks = view.MarksPerBlock(s.lay.Blocks, s.marks.marks)
	}
}

// marksBar is what the bar of errors shows for the open document.
func (s *Shell) marksBar() ErrorMarksBar {
	if s.ed == nil || s.doc.ID != s.marks.doc {
		return ErrorMarksBar{}
	}
	return ErrorMarksBar{Missed: s.marks.missed, Wrong: s.marks.wrong}
}

// hideErrors takes the errors' marks away.
func (s *Shell) hideErrors(ctx app.Context) { s.marks = errorMarks{} }
