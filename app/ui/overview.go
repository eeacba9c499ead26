package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/overview"
)

// Overview shows the corpus at a glance, drawn from the document list's
// summaries: it is redrawn whenever they change.
type Overview struct {
	app.Compo
	Sums   []corpus.Summary
	Schema *corpus.Schema
}

// Render draws the figures.
func (o *Overview) Render() app.UI {
	ov := overview.Of(o.Sums, o.Schema, func(s corpus.Status) string { return statusNames[s] })
	figure := func(testid, title, svg string) app.UI {
		return app.Figure().Class("figure").DataSet("testid", testid).Body(
			app.FigCaption().Text(title),
			app.Raw(svg),
		)
	}
	return app.Div().Class("overview").DataSet("testid", "overview").Body(
		app.H2().Text("Overview"),
		app.P().Class("totals").Text(fmt.Sprintf("%s, %s", job.Plural(ov.Documents, "document"), job.Plural(ov.Spans, "span"))),
		figure("overview-status", "Documents by status", overview.Bars("Documents by status", ov.ByStatus)),
		figure("overview-labels", "Spans per label", overview.Bars("Spans per label", ov.ByLabel)),
		figure("overview-annotators", "Spans per annotator", overview.Bars("Spans per annotator", ov.ByAnnotator)),
		app.If(len(ov.PerDocument) > 0, func() app.UI {
			return figure("overview-documents", fmt.Sprintf("Spans per document (the %d with most)", len(ov.PerDocument)),
				overview.Stacked("Spans per document", ov.PerDocument))
		}),
	)
}
