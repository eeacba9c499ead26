package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/training"
)

// TaggerPanel shows the learned tagger: when and on how many documents it
// was last trained, its precision, recall and F1 per label on the fifth of
// them held back, and the button that trains it again.
type TaggerPanel struct {
	app.Compo
	Loc     locale.Settings  // the language its words are written in
	Last    *training.Record // the last training's record, or nil
	Busy    bool             // a training is under way
	Failure string           // why the last training failed, or ""
	Owner   taggerOwner
}

// taggerOwner carries out what the tagger panel reports.
type taggerOwner interface {
	trainTagger(ctx app.Context) // the user asked for a training
}

// Render draws the panel.
func (t *TaggerPanel) Render() app.UI {
	p := locale.New(t.Loc)
	body := []app.UI{
		app.H3().Text(p.T("Learned tagger")),
		app.P().Class("hint").Text(p.T("Learns from the documents marked done (and the gold layer of curated ones), in the background; it is trained again by itself after %d newly done documents.", training.Retrain)),
		app.Button().Class("button").DataSet("testid", "train-tagger").Disabled(t.Busy).Text(p.T("Train the tagger")).
			OnClick(func(ctx app.Context, e app.Event) { t.Owner.trainTagger(ctx) }),
	}
	switch {
	case t.Busy:
		body = append(body, app.P().Class("busy").Attr("role", "status").DataSet("testid", "tagger-busy").Text(p.T("Training the tagger…")))
	case t.Failure != "":
		body = append(body, app.P().Class("failure").Attr("role", "alert").DataSet("testid", "tagger-error").Text(t.Failure))
	}
	if t.Last == nil {
		body = append(body, app.P().DataSet("testid", "tagger-none").Text(p.T("Not trained yet.")))
	} else {
		body = append(body, t.renderRecord(p, t.Last))
	}
	return app.Div().Class("tagger-panel").DataSet("testid", "tagger-panel").Body(body...)
}

// renderRecord draws what a training measured.
func (t *TaggerPanel) renderRecord(p *locale.Printer, r *training.Record) app.UI {
	docs := locale.Text(p.T("%d documents", len(r.Docs)))
	when := r.Trained.Local().Format("2006-01-02 15:04")
	about := p.T("Trained on %s (%d curated) on %s in %s s; scored on the %d held back, trained on the other %d.",
		docs, r.Gold, when, p.F(float64(r.Millis)/1000, 2), r.Test, r.Train)
	row := func(name string, sc training.Score, testid string) app.UI {
		return app.Tr().DataSet("testid", testid).DataSet("label", name).Body(
			app.Th().Attr("scope", "row").Text(name),
			app.Td().Class("num").DataSet("testid", "tagger-p").Text(p.F(sc.Precision, 2)),
			app.Td().Class("num").DataSet("testid", "tagger-r").Text(p.F(sc.Recall, 2)),
			app.Td().Class("num").DataSet("testid", "tagger-f1").Text(p.F(sc.F1, 2)),
			app.Td().Class("num").Text(p.N(sc.TP+sc.FN)),
		)
	}
	rows := []app.UI{app.Tr().Body(
		app.Th().Text(p.T("Label")), app.Th().Text(p.T("P")), app.Th().Text(p.T("R")), app.Th().Text(p.T("F1")), app.Th().Text(p.T("Spans")),
	)}
	for _, sc := range r.Labels {
		rows = append(rows, row(string(sc.Label), sc, "tagger-row"))
	}
	rows = append(rows, row(p.T("All"), r.Overall, "tagger-all"))
	return app.Div().Body(
		app.P().DataSet("testid", "tagger-about").Text(about),
		app.Table().Class("tagger-scores").DataSet("testid", "tagger-scores").Body(
			app.Caption().Text(p.T("Strict match on the held-back fifth")),
			app.TBody().Body(rows...),
		),
	)
}
