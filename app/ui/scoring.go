package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/agreement"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/gold"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
)

// Scoring scores an extractor's layer (a system layer, imported from a
// predictions file) against a reference layer, as the score verb does:
// nervaluate's four schemas, the figures per label, and every error, a
// link to its place in its document. It owns the choice and the figures.
type Scoring struct {
	app.Compo
	Loc    locale.Settings // the language its words are written in
	Labels []corpus.LabelDef
	Owner  scoringOwner
	// Surveyed are the layers as the agreement view last surveyed them,
	// nil until it has.
	Surveyed []gold.Summary

	layers  []gold.Summary
	ref     string // the reference layer's name
	sys     string // the extractor's layer's name
	report  *agreement.ScoreReport
	failure string
	busy    bool
}

// scoringOwner carries out what the scoring view asks for.
type scoringOwner interface {
	// measure hands work on layers (Agree or Score) to the background
	// worker and gives then its reply.
	measure(ctx app.Context, op job.Op, c *gold.Choice, then func(ctx app.Context, r job.Reply, final bool))
	// importPredictions imports files as system layers of the documents
	// whose texts are stored, then calls then.
	importPredictions(ctx app.Context, files app.Value, then func(ctx app.Context))
	// openAt opens document id with [start, end) selected.
	openAt(ctx app.Context, id string, start, end int)
	// showErrors draws document id's errors in its text.
	showErrors(id string, missed, wrong []agreement.SpanRef)
}

// OnMount takes the layers the agreement view surveyed, if it has.
func (c *Scoring) OnMount(ctx app.Context) { c.OnUpdate(ctx) }

// OnUpdate takes the layers the agreement view surveyed: it surveys them
// with every measure, so this view needs no survey of its own but after
// an import of predictions.
func (c *Scoring) OnUpdate(ctx app.Context) {
	if c.Surveyed != nil {
		c.take(c.Surveyed)
	}
}

// run surveys the layers and, with score, scores the extractor's.
func (c *Scoring) run(ctx app.Context, score bool) {
	var choice *gold.Choice
	if score {
		ch := c.choice()
		choice = &ch
	}
	c.busy, c.failure = true, ""
	own := ctx
	c.Owner.measure(ctx, job.Score, choice, func(_ app.Context, r job.Reply, final bool) {
		if !final {
			return // the errors' list is drawn with the figures
		}
		own.Dispatch(func(ctx app.Context) {
			c.busy = false
			c.take(r.Layers)
			if score {
				c.report, c.failure = r.Score, r.Error
			}
		})
	})
}

// take keeps the layers surveyed and chooses, where none is, the gold
// layer (else the user's own) as reference, and as the extractor's a
// system layer (the first), else another layer.
func (c *Scoring) take(layers []gold.Summary) {
	c.layers = layers
	if c.kind(c.ref) == "" {
		c.ref = ""
		for _, l := range layers {
			if l.Kind == corpus.LayerGold || (c.ref == "" && l.Own) {
				c.ref = l.Name
			}
		}
	}
	if c.kind(c.sys) == corpus.LayerSystem && c.sys != c.ref {
		return
	}
	for _, l := range layers {
		if l.Own || l.Name == c.ref {
			continue
		}
		if l.Kind == corpus.LayerSystem {
			c.sys = l.Name
			return
		}
		if c.kind(c.sys) == "" || c.sys == c.ref {
			c.sys = l.Name
		}
	}
}

// kind returns the kind of the layer named.
func (c *Scoring) kind(name string) corpus.LayerKind {
	for _, l := range c.layers {
		if l.Name == name {
			return l.Kind
		}
	}
	return ""
}

// choice is the reference, then the extractor's layer.
func (c *Scoring) choice() gold.Choice {
	var ch gold.Choice
	for _, l := range c.layers {
		if l.Name == c.ref && l.Own {
			ch.Own = l.Name
		}
	}
	if ch.Own == "" {
		ch.Layers = append(ch.Layers, c.ref)
	}
	ch.Layers = append(ch.Layers, c.sys)
	return ch
}

// Render draws the view.
func (c *Scoring) Render() app.UI {
	p := locale.New(c.Loc)
	options := func(testid, chosen string, own bool, pick func(v string)) app.UI {
		opts := []app.UI{}
		for _, l := range c.layers {
			if l.Own && !own {
				continue
			}
			name := l.Name
			if l.Own {
				name = p.T("%s (yours)", l.Name)
			}
			opts = append(opts, app.Option().Value(l.Name).Selected(l.Name == chosen).Text(name+" · "+layerKindName(p, l.Kind)))
		}
		return app.Select().DataSet("testid", testid).
			OnChange(func(ctx app.Context, e app.Event) { pick(ctx.JSSrc().Get("value").String()) }).
			Body(opts...)
	}
	return app.Section().Class("scoring").DataSet("testid", "scoring").Body(
		app.H2().Text(p.T("Score an extractor")),
		app.Div().Class("agree-choice").Body(
			app.Label().Class("button").Title(p.T("Import an extractor's output (span JSONL and the other import formats) as a system layer of the documents whose texts are stored")).Body(
				app.Text(p.T("Import predictions…")),
				app.Input().Type("file").Multiple(true).Accept(acceptedFiles).DataSet("testid", "import-predictions").
					OnChange(func(ctx app.Context, e app.Event) {
						own := ctx
						c.Owner.importPredictions(ctx, ctx.JSSrc().Get("files"), func(app.Context) {
							own.Dispatch(func(ctx app.Context) { c.run(ctx, false) })
						})
						ctx.JSSrc().Set("value", "")
					}),
			),
			app.Label().Body(app.Text(p.T("Reference")+" "), options("score-ref", c.ref, true, func(v string) { c.ref = v })),
			app.Label().Body(app.Text(p.T("Extractor")+" "), options("score-sys", c.sys, false, func(v string) { c.sys = v })),
			app.Button().Class("button").DataSet("testid", "score-run").Disabled(c.busy || c.ref == "" || c.sys == "" || c.ref == c.sys).
				Text(p.T("Score")).
				OnClick(func(ctx app.Context, e app.Event) { c.run(ctx, true) }),
		),
		app.If(c.busy, func() app.UI { return app.P().Class("busy").Attr("role", "status").Text(p.T("Measuring…")) }),
		app.If(c.failure != "", func() app.UI {
			return app.P().Class("failure").DataSet("testid", "score-error").Attr("role", "alert").Text(c.failure)
		}),
		app.If(c.report != nil && !c.busy, func() app.UI { return c.renderReport(p) }),
	)
}

// schemaName is the name of an evaluation schema, in p's language.
func schemaName(p *locale.Printer, s string) string {
	switch s {
	case "strict":
		return p.T("strict (same extent, same label)")
	case "exact":
		return p.T("exact (same extent)")
	case "partial":
		return p.T("partial (overlap; partly right counts half)")
	}
	return p.T("type (overlap, same label; partly right counts half)")
}

// renderReport draws the scores.
func (c *Scoring) renderReport(p *locale.Printer) app.UI {
	r := c.report
	f := func(x float64) string { return p.F(x, 3) }
	counts := func(s agreement.LabelScore) []app.UI {
		return []app.UI{
			app.Td().Class("num").Text(p.N(s.COR)), app.Td().Class("num").Text(p.N(s.INC)), app.Td().Class("num").Text(p.N(s.PAR)),
			app.Td().Class("num").Text(p.N(s.MIS)), app.Td().Class("num").Text(p.N(s.SPU)),
			app.Td().Class("num").DataSet("testid", "precision").Text(f(s.Precision)),
			app.Td().Class("num").DataSet("testid", "recall").Text(f(s.Recall)),
			app.Td().Class("num").DataSet("testid", "f1").Text(f(s.F1)),
		}
	}
	head := func(first string) app.UI {
		return app.Tr().Body(app.Th().Text(first), app.Th().Text("COR"), app.Th().Text("INC"), app.Th().Text("PAR"), app.Th().Text("MIS"), app.Th().Text("SPU"),
			app.Th().Text(p.T("Precision")), app.Th().Text(p.T("Recall")), app.Th().Text("F1"))
	}
	rows := []app.UI{head(p.T("Schema"))}
	for _, s := range agreement.Schemas {
		name := s.String()
		rows = append(rows, app.Tr().DataSet("testid", "score-schema").DataSet("schema", name).Body(
			append([]app.UI{app.Th().Scope("row").Text(schemaName(p, name))}, counts(r.Schemas[name].LabelScore)...)...))
	}
	body := []app.UI{
		app.P().Class("totals").Text(p.T("%s; the extractor's layer %s against %s.", locale.Text(p.T("%d documents", r.Documents)), r.Pred, r.Gold)),
	}
	for _, w := range r.Warnings {
		body = append(body, app.P().Class("warn").Text(w))
	}
	body = append(body, app.Table().Class("figures").Body(rows...))

	strict := r.Schemas["strict"]
	rows = []app.UI{head(p.T("Label (strict)"))}
	for _, l := range r.Labels {
		if s, ok := strict.PerLabel[l]; ok {
			rows = append(rows, app.Tr().DataSet("testid", "score-label").DataSet("label", string(l)).Body(
				append([]app.UI{app.Th().Scope("row").Text(labelTitleIn(p, c.Labels, l))}, counts(s)...)...))
		}
	}
	if m := strict.Macro; m != nil {
		rows = append(rows, app.Tr().DataSet("testid", "score-macro").Body(
			app.Th().Scope("row").Text(p.T("Macro average")), app.Td().ColSpan(5),
			app.Td().Class("num").Text(f(m.Precision)), app.Td().Class("num").Text(f(m.Recall)), app.Td().Class("num").Text(f(m.F1))))
	}
	body = append(body, app.Table().Class("figures").Body(rows...))

	body = append(body, app.H3().Text(p.T("Errors (%d)", len(r.Errors))))
	items := make([]app.UI, 0, len(r.Errors))
	for _, e := range r.Errors {
		at := e.Gold
		if at == nil {
			at = e.Pred
		}
		text := ""
		if e.Gold != nil {
			text += p.T("reference") + ": " + string(e.Gold.Label) + " «" + e.Gold.Text + "»"
		}
		if e.Pred != nil {
			if text != "" {
				text += " · "
			}
			text += p.T("extractor") + ": " + string(e.Pred.Label) + " «" + e.Pred.Text + "»"
		}
		cat := e.Categories["strict"].String()
		items = append(items, app.Li().DataSet("testid", "score-error-item").DataSet("category", cat).DataSet("doc", e.Doc).Body(
			app.Button().Class("link").DataSet("testid", "score-open").
				OnClick(func(ctx app.Context, ev app.Event) {
					missed, wrong := r.ErrorMarks(e.Doc)
					c.Owner.showErrors(e.Doc, missed, wrong)
					c.Owner.openAt(ctx, e.Doc, at.Start, at.End)
				}, app.EventScope(e.Doc, at.Start, at.End)).
				Text(cat),
			app.Text(" "),
			app.Bdi().Class("versions").Text(text),
		))
	}
	body = append(body, app.Ul().Class("errors").Body(items...))
	return app.Div().Class("agree-report").Body(body...)
}
