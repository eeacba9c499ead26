package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/suggestion"
)

// SuggestBar is the line above the document that says how many
// suggestions it has and, for the chosen one (clicked, or reached with N),
// offers to accept or reject it. It keeps its height whatever it says, so
// the text below does not move.
type SuggestBar struct {
	app.Compo
	Loc     locale.Settings // the language its words are written in
	Count   int             // pending suggestions
	Control bool            // the document is kept suggestion-free
	Long    bool            // the document is too long for suggestions
	Chosen  ChosenSuggestion
	Owner   suggestBarOwner
}

// ChosenSuggestion is the suggestion the bar offers, or the zero value.
type ChosenSuggestion struct {
	Label, Text, Source string
}

// suggestBarOwner carries out what the bar reports.
type suggestBarOwner interface {
	acceptChosen(ctx app.Context)
	rejectChosen(ctx app.Context)
	nextSuggestion(ctx app.Context, dir int)
}

// Render draws the bar.
func (b *SuggestBar) Render() app.UI {
	p := locale.New(b.Loc)
	bar := app.Div().Class("suggest-bar").DataSet("testid", "suggest-bar").DataSet("role", "suggest-bar").
		DataSet("count", b.Count).Attr("aria-live", "polite")
	button := func(testid, text string, do func(ctx app.Context)) app.UI {
		return app.Button().Class("suggest-action").DataSet("testid", testid).
			On("mousedown", func(ctx app.Context, e app.Event) { e.PreventDefault() }).
			OnClick(func(ctx app.Context, e app.Event) { do(ctx) }, app.EventScope(testid)).
			Text(text)
	}
	switch {
	case b.Long:
		return bar.Body(app.Span().Text(p.T("No suggestions or values here: this document is longer than %d characters.", suggestion.MaxRunes)))
	case b.Control:
		return bar.Body(app.Span().Text(p.T("No suggestions here: this document is kept suggestion-free, as a control.")))
	case b.Chosen.Label != "":
		return bar.Body(
			app.Span().Class("chip").DataSet("label", b.Chosen.Label).Text(b.Chosen.Label),
			app.Span().Class("suggest-text").Dir("rtl").Lang("ar").Text(b.Chosen.Text),
			app.Span().Class("suggest-source").Text(p.T("by %s", sourceName(p, b.Chosen.Source))),
			button("accept-suggestion", p.T("Accept (A)"), b.Owner.acceptChosen),
			button("reject-suggestion", p.T("Reject (X)"), b.Owner.rejectChosen),
			button("next-suggestion", p.T("Next (N)"), func(ctx app.Context) { b.Owner.nextSuggestion(ctx, 1) }),
		)
	case b.Count == 0:
		return bar.Body(app.Span().Text(p.T("No suggestions in this document.")))
	}
	return bar.Body(
		app.Span().Text(p.T("%d suggestions", b.Count)),
		app.Span().Class("hint").Text(p.T("N next · Shift+N previous · A or Enter accepts · X rejects · Shift+1–4 accepts all of a label · click one to choose it")),
		button("next-suggestion", p.T("Next (N)"), func(ctx app.Context) { b.Owner.nextSuggestion(ctx, 1) }),
	)
}

// sourceName is the name of what proposed a suggestion (attrs.source) in
// p's language; a source it does not know is named as stored.
func sourceName(p *locale.Printer, src string) string {
	switch src {
	case "gazetteer":
		return p.T("the gazetteer")
	case "lexicon":
		return p.T("the actor lexicon")
	case "date":
		return p.T("the date grammar")
	case "casualty":
		return p.T("the casualty grammar")
	case "context":
		return p.T("the context of places")
	case "propagation":
		return p.T("your labels elsewhere")
	case "tagger":
		return p.T("the learned tagger")
	}
	return src
}
