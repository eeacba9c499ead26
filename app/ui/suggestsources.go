package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/suggestion"
)

// prefSources is the localStorage key of the suggestion sources the user
// switched off, kept between visits.
const prefSources = "raqim.sources.off"

// SuggestSources is the panel of suggestion sources, each on its own
// switch. The shell owns which are off; the panel draws them and reports
// a switch turned.
type SuggestSources struct {
	app.Compo
	Loc    locale.Settings  // the language its words are written in
	Off    []suggest.Source // the sources switched off
	Tagger bool             // a tagger was trained: its source has something to propose
	Busy   bool             // suggestions are being stored as a layer
	Owner  sourcesOwner

	picked []string // the documents chosen in the list (stateChosen)
}

// sourcesOwner carries out what the panel reports.
type sourcesOwner interface {
	switchSource(ctx app.Context, src suggest.Source, on bool)
	// suggestLayer stores the suggestions of docs (every document when
	// empty) as their system layer.
	suggestLayer(ctx app.Context, docs []string)
}

// OnMount follows the documents chosen in the list.
func (s *SuggestSources) OnMount(ctx app.Context) { ctx.ObserveState(stateChosen, &s.picked) }

// Render draws a switch per source, in the order an overlap is settled.
func (s *SuggestSources) Render() app.UI {
	p := locale.New(s.Loc)
	rows := []app.UI{app.H3().Text(p.T("Suggestion sources"))}
	for _, src := range suggest.Sources {
		on := true
		for _, o := range s.Off {
			on = on && o != src
		}
		about := sourceAbout(p, src)
		if src == suggest.Tagger && !s.Tagger {
			about = p.T("%s (proposes nothing until trained)", about)
		}
		rows = append(rows, app.Label().Class("source-switch").Body(
			app.Input().Type("checkbox").Attr("role", "switch").Checked(on).
				DataSet("testid", "source-"+string(src)).
				OnChange(func(ctx app.Context, e app.Event) {
					s.Owner.switchSource(ctx, src, ctx.JSSrc().Get("checked").Bool())
				}, app.EventScope(string(src))),
			app.Text(" "+about),
		))
	}
	rows = append(rows, app.P().Class("hint").Text(p.T("A source switched off proposes nothing in any document; where two sources propose overlapping spans, the one higher in this list is kept. The values of spans are read whatever is switched off.")))
	scope := p.T("Store the suggestions of every document as a layer")
	if len(s.picked) > 0 {
		scope = p.T("Store the suggestions of the documents chosen in the list (%d) as a layer", len(s.picked))
	}
	rows = append(rows,
		// The documents are read at the click: go-app keeps the handler of
		// the first render, and the choice changes after it.
		app.Button().Class("button").DataSet("testid", "suggest-layer").Disabled(s.Busy).Text(scope).
			OnClick(func(ctx app.Context, e app.Event) { s.Owner.suggestLayer(ctx, s.picked) }),
		app.P().Class("hint").Text(p.T("In the background: each document's suggestions, from its text alone and the sources switched on, become its system layer %s, replacing the last ones, as an extractor's would: score them against gold (Score an extractor, in Agreement) or curate from them. Documents kept as a control are left out.", suggestion.LayerName)),
	)
	return app.Div().Class("suggest-sources").DataSet("testid", "suggest-sources").Body(rows...)
}

// sourceAbout is what a suggestion source proposes, in p's language.
func sourceAbout(p *locale.Printer, src suggest.Source) string {
	switch src {
	case suggest.Lexicon:
		return p.T("Actor lexicon: armed groups, state and foreign forces, militias")
	case suggest.Gazetteer:
		return p.T("Gazetteer: countries, regions, cercles, towns and areas of Mali and the Sahel")
	case suggest.Date:
		return p.T("Date grammar: weekdays, days, months (Gregorian, Levantine, Hijri), years, relative days, parts of the day")
	case suggest.Casualty:
		return p.T("Casualty grammar: a trigger, a count and the victims' noun")
	case suggest.Context:
		return p.T("Places shown by their context (village of X, region of X)")
	case suggest.Propagation:
		return p.T("Your labels, on the other mentions of their text")
	case suggest.Tagger:
		return p.T("Learned tagger")
	}
	return string(src)
}
