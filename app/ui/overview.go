package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/overview"
	"github.com/raqim/raqim/internal/suggestion"
)

// Overview shows the corpus at a glance, drawn from the document list's
// summaries: it is redrawn whenever they change.
type Overview struct {
	app.Compo
	Sums   []corpus.Summary
	Schema *corpus.Schema
	Loc    locale.Settings // the language its words are written in
	Help   overview.Help   // what suggestions did, per document and for the corpus
}

// Render draws the figures.
func (o *Overview) Render() app.UI {
	p := locale.New(o.Loc)
	ov := overview.Of(o.Sums, o.Schema, func(s corpus.Status) string { return statusName(p, s) })
	for i, c := range ov.ByAnnotator {
		if c.Key == "" {
			ov.ByAnnotator[i].Name = p.T(c.Name) // "(no annotator)"
		}
	}
	figure := func(testid, title, svg string) app.UI {
		return app.Figure().Class("figure").DataSet("testid", testid).Body(
			app.FigCaption().Text(title),
			app.Raw(svg),
		)
	}
	return app.Div().Class("overview").DataSet("testid", "overview").Body(
		app.H2().Text(p.T("Overview")),
		app.P().Class("totals").Text(p.T("%s, %s", locale.Text(p.T("%d documents", ov.Documents)), locale.Text(p.T("%d spans", ov.Spans)))),
		figure("overview-status", p.T("Documents by status"), overview.Bars(p.T("Documents by status"), ov.ByStatus, p.N)),
		figure("overview-labels", p.T("Spans per label"), overview.Bars(p.T("Spans per label"), ov.ByLabel, p.N)),
		figure("overview-annotators", p.T("Spans per annotator"), overview.Bars(p.T("Spans per annotator"), ov.ByAnnotator, p.N)),
		o.help(p),
		app.If(len(ov.PerDocument) > 0, func() app.UI {
			return figure("overview-documents", p.T("Spans per document (the %d with most)", len(ov.PerDocument)),
				overview.Stacked(p.T("Spans per document"), ov.PerDocument, p.N))
		}),
	)
}

// help draws the table of what suggestions did: the corpus's counts, then
// each document's.
func (o *Overview) help(p *locale.Printer) app.UI {
	row := func(testid, name string, c suggestion.Counts) app.UI {
		return app.Tr().DataSet("testid", testid).Body(
			app.Th().Scope("row").Dir("auto").Text(name),
			app.Td().Text(p.N(c.Accepted)), app.Td().Text(p.N(c.Rejected)),
			app.Td().Text(p.N(c.Edited)), app.Td().Text(p.N(c.Hand)),
		)
	}
	rows := []app.UI{row("help-total", p.T("Corpus"), o.Help.Total)}
	for _, d := range o.Help.Documents {
		rows = append(rows, row("help-doc", d.Title, d.Counts))
	}
	return app.Figure().Class("figure").DataSet("testid", "overview-help").Body(
		app.FigCaption().Text(p.T("Suggestions: accepted, rejected, edited after accepting, and spans added by hand")),
		app.Table().Class("help-table").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Text(""), app.Th().Scope("col").Text(p.T("accepted")), app.Th().Scope("col").Text(p.T("rejected")),
				app.Th().Scope("col").Text(p.T("edited")), app.Th().Scope("col").Text(p.T("by hand")),
			)),
			app.TBody().Body(rows...),
		),
	)
}
