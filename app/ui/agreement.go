package ui

import (
	"cmp"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/agreement"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/gold"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/overview"
)

// Agreement is the agreement view, shown in place of the document: the
// corpus's layers to choose from, over the corpus or the open document,
// and what the background worker measured of the layers chosen (the same
// figures as the agree verb), with the units on which they differ, each a
// link to its place in its document. It owns the choice and the figures.
type Agreement struct {
	app.Compo
	Loc    locale.Settings // the language its words are written in
	Open   string          // the open document's ID, or ""
	Labels []corpus.LabelDef
	Owner  agreementOwner

	layers []gold.Summary // the corpus's layers, as last surveyed
	chosen map[string]bool
	scope  string   // scopeCorpus, scopeChosen or scopeDocument
	picked []string // the documents chosen in the list (stateChosen)
	report *agreement.Report
	differ []agreement.DocDisagreements
	units  int // the units on which the layers differ, listed in differ or not
	// docPages and unitPages are the pages of documents and of units shown
	// beyond the first.
	docPages, unitPages int
	// lists is whether the long lists (documents, units) are drawn: once
	// the figures are painted, so that neither frame holds the page long.
	lists   bool
	failure string // why the last measure failed, in the interface's language
	busy    bool
}

// Scopes of a measure.
const (
	scopeCorpus   = "corpus"
	scopeChosen   = "chosen" // the documents chosen in the list
	scopeDocument = "document"
)

// agreementOwner carries out what the agreement view asks for.
type agreementOwner interface {
	scoringOwner
}

// OnMount surveys the layers and measures those gold.DefaultChoice
// chooses, in one piece of work.
func (a *Agreement) OnMount(ctx app.Context) {
	a.scope = scopeCorpus
	ctx.ObserveState(stateChosen, &a.picked)
	a.run(ctx, nil)
}

// run measures the layers c chooses (nil: the default choice).
func (a *Agreement) run(ctx app.Context, c *gold.Choice) {
	a.busy, a.failure = true, ""
	// The reply comes on the shell's context: the view's own updates it.
	own := ctx
	a.Owner.measure(ctx, job.Agree, c, func(_ app.Context, r job.Reply, final bool) {
		own.Dispatch(func(ctx app.Context) { a.take(ctx, r, final) })
	})
}

// take shows what the worker measured: the figures of a reply without its
// lists (not final), then the whole reply, whose lists are drawn once the
// figures are painted; the first reply also gives the layers chosen by
// default.
func (a *Agreement) take(ctx app.Context, r job.Reply, final bool) {
	a.busy, a.lists = false, false
	if final {
		ctx.Async(func() {
			browser.AfterPaint() // the figures first
			ctx.Dispatch(func(app.Context) { a.lists = true })
		})
	}
	a.layers = r.Layers
	if a.chosen == nil {
		a.chosen = make(map[string]bool)
		for _, n := range gold.DefaultChoice(r.Layers).Names() {
			a.chosen[n] = true
		}
	}
	a.report, a.differ, a.units, a.failure = r.Agreement, r.Disagreements, r.DisagreementUnits, r.Error
	a.docPages, a.unitPages = 0, 0
}

// choice is the layers and documents chosen.
func (a *Agreement) choice() gold.Choice {
	var c gold.Choice
	for _, l := range a.layers {
		if !a.chosen[l.Name] {
			continue
		}
		if l.Own {
			c.Own = l.Name
		} else {
			c.Layers = append(c.Layers, l.Name)
		}
	}
	switch {
	case a.scope == scopeDocument && a.Open != "":
		c.Docs = []string{a.Open}
	case a.scope == scopeChosen && len(a.picked) > 0:
		c.Docs = a.picked
	}
	return c
}

// Render draws the view.
func (a *Agreement) Render() app.UI {
	p := locale.New(a.Loc)
	return app.Div().Class("agreement").DataSet("testid", "agreement").Body(
		app.H2().Text(p.T("Agreement")),
		a.renderChoice(p),
		// In a block of its own, so that the scoring view keeps its place
		// among the children (go-app diffs them by index) and is not made
		// anew each time the state changes.
		app.Div().Class("agreement-state").Body(
			app.If(a.busy, func() app.UI { return app.P().Class("busy").Attr("role", "status").Text(p.T("Measuring…")) }),
			app.If(a.failure != "", func() app.UI {
				return app.P().Class("failure").DataSet("testid", "agreement-error").Attr("role", "alert").Text(a.failure)
			}),
			app.If(a.report != nil && !a.busy, func() app.UI { return a.renderReport(p) }),
		),
		&Scoring{Loc: a.Loc, Labels: a.Labels, Owner: a.Owner, Surveyed: a.layers},
	)
}

// renderChoice offers the layers and the scope.
func (a *Agreement) renderChoice(p *locale.Printer) app.UI {
	items := make([]app.UI, 0, len(a.layers))
	for _, l := range a.layers {
		name := l.Name
		if l.Own {
			name = p.T("%s (yours)", l.Name)
		}
		kind := ""
		if l.Kind != corpus.LayerHuman {
			kind = " · " + layerKindName(p, l.Kind)
		}
		items = append(items, app.Li().Body(
			app.Label().Body(
				app.Input().Type("checkbox").DataSet("testid", "agree-layer").DataSet("layer", l.Name).
					Checked(a.chosen[l.Name]).
					OnChange(func(ctx app.Context, e app.Event) {
						if a.chosen == nil {
							a.chosen = make(map[string]bool)
						}
						a.chosen[l.Name] = ctx.JSSrc().Get("checked").Bool()
					}, app.EventScope(l.Name)),
				app.Bdi().Text(name),
				app.Span().Class("meta").Text(" "+p.T("(%s, %s)", locale.Text(p.T("%d documents", l.Docs)), locale.Text(p.T("%d spans", l.Spans)))+kind),
			),
		))
	}
	return app.Div().Class("agree-choice").Body(
		app.FieldSet().Body(
			app.Legend().Text(p.T("Layers to compare")),
			app.Ul().Body(items...),
		),
		app.Label().Body(
			app.Text(p.T("Over")+" "),
			app.Select().DataSet("testid", "agree-scope").
				OnChange(func(ctx app.Context, e app.Event) { a.scope = ctx.JSSrc().Get("value").String() }).
				Body(
					app.Option().Value(scopeCorpus).Selected(a.scope == scopeCorpus).Text(p.T("the whole corpus")),
					app.Option().Value(scopeChosen).Selected(a.scope == scopeChosen).Disabled(len(a.picked) == 0).
						Text(p.T("the documents chosen in the list (%d)", len(a.picked))),
					app.Option().Value(scopeDocument).Selected(a.scope == scopeDocument).Disabled(a.Open == "").Text(p.T("the open document")),
				),
		),
		app.Button().Class("button").DataSet("testid", "agree-run").Disabled(a.busy).Text(p.T("Measure")).
			OnClick(func(ctx app.Context, e app.Event) {
				c := a.choice()
				a.run(ctx, &c)
			}),
	)
}

// renderReport draws the figures.
func (a *Agreement) renderReport(p *locale.Printer) app.UI {
	r := a.report
	f := func(x float64) string { return p.F(x, 3) }
	ci := func(c agreement.Interval) string {
		if r.Resamples == 0 {
			return ""
		}
		return "[" + f(c[0]) + ", " + f(c[1]) + "]"
	}
	stat := func(s *agreement.Stat) []app.UI {
		if s == nil {
			return []app.UI{app.Td().Text("–"), app.Td()}
		}
		return []app.UI{app.Td().Class("num").Text(f(s.Value)), app.Td().Class("ci").Text(ci(s.CI))}
	}
	body := []app.UI{
		app.P().Class("totals").DataSet("testid", "agree-summary").Text(p.T("%s; 95%% intervals from %d bootstrap resamples of documents.",
			locale.Text(p.T("%d documents", r.Documents)), r.Resamples)),
	}
	for _, w := range r.Warnings {
		body = append(body, app.P().Class("warn").Text(w))
	}

	// Pairs.
	rows := []app.UI{app.Tr().Body(
		app.Th().Text(p.T("Pair")), app.Th().Text(p.T("Spans")),
		app.Th().ColSpan(2).Text(p.T("Strict F1")), app.Th().ColSpan(2).Text(p.T("Overlap F1")),
		app.Th().ColSpan(2).Text(p.T("Cohen's kappa (code points)")),
	)}
	for _, pr := range r.Pairs {
		cells := []app.UI{
			app.Td().Body(app.Bdi().Text(pr.A), app.Text(" · "), app.Bdi().Text(pr.B)),
			app.Td().Class("num").Text(p.N(pr.Strict.ASpans) + " / " + p.N(pr.Strict.BSpans)),
			app.Td().Class("num").DataSet("testid", "strict-f1").Text(f(pr.Strict.F1)), app.Td().Class("ci").Text(ci(pr.Strict.F1CI)),
			app.Td().Class("num").DataSet("testid", "overlap-f1").Text(f(pr.Overlap.F1)), app.Td().Class("ci").Text(ci(pr.Overlap.F1CI)),
		}
		if k := pr.Kappa.All.Overall; k != nil {
			cells = append(cells, app.Td().Class("num").DataSet("testid", "kappa-cp").Text(f(pr.KappaCP)), app.Td().Class("ci").Text(ci(k.CI)))
		} else {
			cells = append(cells, stat(nil)...)
		}
		rows = append(rows, app.Tr().DataSet("testid", "agree-pair").DataSet("a", pr.A).DataSet("b", pr.B).Body(cells...))
	}
	body = append(body, app.H3().Text(p.T("Each pair of layers")), app.Table().Class("figures").Body(rows...))

	// All layers, per label.
	rows = []app.UI{app.Tr().Body(
		app.Th().Text(p.T("Label")),
		app.Th().ColSpan(2).Text(p.T("Fleiss' kappa (code points)")),
		app.Th().ColSpan(2).Text(p.T("Unitizing alpha")),
	)}
	labelRow := func(name, testid string, fk *agreement.Stat, alpha float64, alphaCI agreement.Interval, hasAlpha bool) app.UI {
		cells := append([]app.UI{app.Th().Scope("row").Text(name)}, stat(fk)...)
		if hasAlpha {
			cells = append(cells, app.Td().Class("num").DataSet("testid", "alpha").Text(f(alpha)), app.Td().Class("ci").Text(ci(alphaCI)))
		} else {
			cells = append(cells, app.Td().Text("–"), app.Td())
		}
		return app.Tr().DataSet("testid", testid).Body(cells...)
	}
	for _, l := range r.Labels {
		var fk *agreement.Stat
		if x, ok := r.Fleiss.All.PerLabel[l]; ok {
			fk = &x
		}
		al, ok := r.AlphaU.PerLabel[l]
		rows = append(rows, labelRow(labelTitleIn(p, a.Labels, l), "agree-label", fk, al, r.AlphaU.CI.PerLabel[l], ok))
	}
	rows = append(rows, labelRow(p.T("All labels"), "agree-overall", r.Fleiss.All.Overall, r.AlphaU.Overall, r.AlphaU.CI.Overall, true))
	body = append(body, app.H3().Text(p.T("All layers together")), app.Table().Class("figures").Body(rows...))

	// The heat map: strict F1 of each pair on each label.
	if len(r.Pairs) > 0 && len(r.Labels) > 0 {
		var labels, pairs []string
		cells := make([][]*float64, len(r.Labels))
		for i, l := range r.Labels {
			labels = append(labels, labelTitleIn(p, a.Labels, l))
			for _, pr := range r.Pairs {
				var v *float64
				if x, ok := pr.Strict.PerLabel[l]; ok {
					v = &x.F1
				}
				cells[i] = append(cells[i], v)
			}
		}
		for _, pr := range r.Pairs {
			pairs = append(pairs, pr.A+" · "+pr.B)
		}
		title := p.T("Strict F1 per label and pair")
		body = append(body, app.Figure().Class("figure").DataSet("testid", "agree-heat").Body(
			app.FigCaption().Text(title),
			app.Raw(overview.Heat(title, labels, pairs, cells, func(x float64) string { return f(x) })),
		))
	}

	// Confusion tables: each pair's spans, label against label.
	for _, pr := range r.Pairs {
		cf := pr.Confusion
		names := make([]string, 0, len(cf.Labels)+1)
		for _, l := range cf.Labels {
			names = append(names, labelTitleIn(p, a.Labels, l))
		}
		names = append(names, p.T("none"))
		head := []app.UI{app.Th().Body(app.Bdi().Text(pr.A), app.Text(" ↓ · "), app.Bdi().Text(pr.B), app.Text(" →"))}
		for _, n := range names {
			head = append(head, app.Th().Scope("col").Text(n))
		}
		rows := []app.UI{app.Tr().Body(head...)}
		for i, row := range cf.Counts {
			cells := []app.UI{app.Th().Scope("row").Text(names[i])}
			for j, n := range row {
				cls := "num"
				if i == j && i < len(cf.Labels) {
					cls += " same"
				}
				cells = append(cells, app.Td().Class(cls).Text(p.N(n)))
			}
			rows = append(rows, app.Tr().Body(cells...))
		}
		body = append(body, app.H3().Body(app.Text(p.T("Label against label")+": "), app.Bdi().Text(pr.A+" · "+pr.B)),
			app.Table().Class("figures confusion").DataSet("testid", "agree-confusion").Body(rows...))
	}

	if !a.lists {
		return app.Div().Class("agree-report").Body(body...)
	}

	// Per document: the least agreed first.
	if len(r.PerDocument) > 1 {
		head := []app.UI{app.Th().Text(p.T("Document"))}
		for _, pr := range r.Pairs {
			head = append(head, app.Th().Body(app.Text(p.T("Strict F1")+" "), app.Bdi().Text(pr.A+" · "+pr.B)))
		}
		rows = []app.UI{app.Tr().Body(head...)}
		docs := slices.Clone(r.PerDocument)
		slices.SortStableFunc(docs, func(x, y agreement.DocPart) int { return cmp.Compare(leastF1(x), leastF1(y)) })
		for _, d := range docs[:min(len(docs), a.docsShown())] {
			cells := []app.UI{app.Td().Body(a.docLink(d.ID, d.Title, 0, 0))}
			for _, dp := range d.Pairs {
				cells = append(cells, app.Td().Class("num").Text(f(dp.StrictF1)))
			}
			rows = append(rows, app.Tr().DataSet("testid", "agree-doc").Body(cells...))
		}
		body = append(body, app.H3().Text(p.T("Each document, the least agreed first")), app.Table().Class("figures").Body(rows...))
		if n := len(docs) - a.docsShown(); n > 0 {
			body = append(body, app.Button().Class("button link").DataSet("testid", "agree-more-docs").
				Text(p.T("Show %d more of %d", min(n, pageRows), len(docs))).
				OnClick(func(ctx app.Context, e app.Event) { a.docPages++ }))
		}
	}

	// Disagreements, a page at a time.
	body = append(body, app.H3().Text(p.T("Where the layers differ")))
	if len(a.differ) == 0 {
		body = append(body, app.P().Text(p.T("Nowhere: the layers agree on every span.")))
	}
	left := a.unitsShown()
	for _, d := range a.differ {
		if left == 0 {
			break
		}
		units := d.Units[:min(len(d.Units), left)]
		left -= len(units)
		items := make([]app.UI, 0, len(units))
		for _, u := range units {
			items = append(items, app.Li().DataSet("testid", "disagreement").DataSet("kind", string(u.Kind)).
				DataSet("start", u.Start).DataSet("end", u.End).Body(
				a.docLink(d.Doc, kindName(p, u.Kind), u.Start, u.End),
				app.Text(" "),
				app.Span().Class("versions").Text(versionsText(p, u.Versions)),
			))
		}
		title := d.Title
		if title == "" {
			title = d.Doc
		}
		body = append(body, app.Section().Class("differ").Body(
			app.H4().Body(app.Bdi().Text(title)),
			app.Ul().Body(items...),
		))
	}
	listed := 0
	for _, d := range a.differ {
		listed += len(d.Units)
	}
	if shown := min(listed, a.unitsShown()); shown < listed {
		body = append(body, app.Button().Class("button link").DataSet("testid", "agree-more-units").
			Text(p.T("Show %d more of %d", min(listed-shown, pageRows), listed)).
			OnClick(func(ctx app.Context, e app.Event) { a.unitPages++ }))
	}
	if a.units > listed {
		body = append(body, app.P().Class("meta").Text(p.T("%d units differ in all; the first %d are listed: choose the open document to list all of its.", a.units, listed)))
	}
	return app.Div().Class("agree-report").Body(body...)
}

// pageRows is how many documents, or units, a page of the view lists: a
// long list is drawn a page at a time.
const pageRows = 100

func (a *Agreement) docsShown() int  { return (a.docPages + 1) * pageRows }
func (a *Agreement) unitsShown() int { return (a.unitPages + 1) * pageRows }

// leastF1 is a document's lowest strict F1 over the pairs.
func leastF1(d agreement.DocPart) float64 {
	least := 1.0
	for _, p := range d.Pairs {
		least = min(least, p.StrictF1)
	}
	return least
}

// docLink is a button that opens document id at [start, end).
func (a *Agreement) docLink(id, text string, start, end int) app.UI {
	return app.Button().Class("link").DataSet("testid", "agree-open").DataSet("doc", id).
		OnClick(func(ctx app.Context, e app.Event) { a.Owner.openAt(ctx, id, start, end) }, app.EventScope(id, start, end)).
		Body(app.Bdi().Text(text))
}

// kindName is the name of a kind of disagreement, in p's language.
func kindName(p *locale.Printer, k agreement.Kind) string {
	switch k {
	case agreement.Boundary:
		return p.T("boundary")
	case agreement.Type:
		return p.T("label")
	case agreement.Missing:
		return p.T("missing")
	}
	return p.T("boundary and label")
}

// versionsText says what each layer has in a unit: its spans' texts'
// offsets and labels, or nothing.
func versionsText(p *locale.Printer, vs []agreement.Version) string {
	out := ""
	for i, v := range vs {
		if i > 0 {
			out += " · "
		}
		out += v.Layer + ": "
		if len(v.Spans) == 0 {
			out += p.T("nothing")
			continue
		}
		for j, s := range v.Spans {
			if j > 0 {
				out += ", "
			}
			out += string(s.Label) + " [" + p.N(s.Start) + ", " + p.N(s.End) + ")"
		}
	}
	return out
}

// labelTitleIn is label l's name in p's language, as labels define it, or
// the label itself when they lack it.
func labelTitleIn(p *locale.Printer, labels []corpus.LabelDef, l corpus.Label) string {
	if i := slices.IndexFunc(labels, func(d corpus.LabelDef) bool { return d.Name == l }); i >= 0 {
		return labelName(p, labels[i])
	}
	return string(l)
}
