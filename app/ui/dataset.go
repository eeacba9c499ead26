package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
)

const prefDataset = "raqim.dataset" // dataset export settings

func (s *Shell) loadDatasetPrefs(ctx app.Context) {
	s.dataset = job.DefaultDataset()
	var p job.Dataset
	if err := ctx.LocalStorage().Get(prefDataset, &p); err == nil && p.Seed != 0 {
		s.dataset = p
	}
}

func (s *Shell) saveDatasetPrefs(ctx app.Context) {
	ctx.LocalStorage().Set(prefDataset, s.dataset)
}

// renderDatasetSettings is the panel of dataset export settings.
func (s *Shell) renderDatasetSettings() app.UI {
	p := s.dataset
	ratio := func(i int, name, shown string) app.UI {
		return app.Label().Body(
			app.Text(shown+" "),
			app.Input().Type("number").Min(0).Max(100).Step(1).Size(3).
				DataSet("testid", "ratio-"+name).
				Value(strconv.FormatFloat(p.Ratios[i]*100, 'f', -1, 64)).
				OnChange(func(ctx app.Context, e app.Event) {
					v, err := strconv.ParseFloat(ctx.JSSrc().Get("value").String(), 64)
					if err != nil || v < 0 || v > 100 {
						s.note("warn", s.loc.T("A split ratio is a percentage from 0 to 100."))
						return
					}
					s.dataset.Ratios[i] = v / 100
					s.saveDatasetPrefs(ctx)
				}, app.EventScope(name)),
			app.Text(s.loc.T("%")+" "),
		)
	}
	return app.Div().Class("dataset-settings").DataSet("testid", "dataset-settings").Body(
		app.H3().Text(s.loc.T("Dataset export")),
		app.Label().Body(
			app.Input().Type("checkbox").Checked(p.IncludeAll).
				OnChange(func(ctx app.Context, e app.Event) {
					s.dataset.IncludeAll = ctx.JSSrc().Get("checked").Bool()
					s.saveDatasetPrefs(ctx)
				}),
			app.Text(" "+s.loc.T("include every document (otherwise only those marked done)")),
		),
		app.Div().Body(ratio(0, "train", s.loc.T("train")), ratio(1, "dev", s.loc.T("dev")), ratio(2, "test", s.loc.T("test"))),
		app.Label().Body(
			app.Text(s.loc.T("seed")+" "),
			app.Input().Type("number").Value(strconv.FormatUint(p.Seed, 10)).
				OnChange(func(ctx app.Context, e app.Event) {
					v, err := strconv.ParseUint(ctx.JSSrc().Get("value").String(), 10, 64)
					if err != nil || v == 0 {
						s.note("warn", s.loc.T("The seed is a positive whole number."))
						return
					}
					s.dataset.Seed = v
					s.saveDatasetPrefs(ctx)
				}),
		),
		app.Label().Body(
			app.Input().Type("checkbox").Checked(p.Units).
				OnChange(func(ctx app.Context, e app.Event) {
					s.dataset.Units = ctx.JSSrc().Get("checked").Bool()
					s.saveDatasetPrefs(ctx)
				}),
			app.Text(" "+s.loc.T("also write UTF-16 and byte offsets in the span JSONL")),
		),
		app.Label().Body(
			app.Text(s.loc.T("corpus name")+" "),
			app.Input().Type("text").Value(p.Name).Size(12).
				OnChange(func(ctx app.Context, e app.Event) {
					s.dataset.Name = ctx.JSSrc().Get("value").String()
					s.saveDatasetPrefs(ctx)
				}),
		),
		app.P().Class("hint").Text(s.loc.T("The zip holds span JSONL, CoNLL (IOB2 and BIOES), Hugging Face token rows, brat and Label Studio files, split by document, with a dataset card.")),
	)
}

// renderMapping offers a mapping of unknown labels onto the schema for the
// first held file.
func (s *Shell) renderMapping() app.UI {
	if len(s.held) == 0 {
		return nil
	}
	h := &s.held[0]
	if h.choice == nil {
		h.choice = make(map[corpus.Label]corpus.Label)
	}
	names := h.Labels
	return app.Div().Class("modal").Body(
		app.Div().Class("dialog").DataSet("testid", "label-mapping").Attr("role", "dialog").Attr("aria-modal", "true").Attr("aria-labelledby", "mapping-title").Body(
			app.H3().ID("mapping-title").Text(s.loc.T("Labels outside the schema")),
			app.P().Text(s.loc.T("%s uses labels this schema does not have. Map each onto a label of the schema to import the file, or cancel to import nothing of it.", h.Name)),
			app.Table().Body(app.Range(names).Slice(func(i int) app.UI {
				u := names[i]
				l := u.Label
				return app.Tr().Body(
					app.Td().Body(app.Code().Text(string(l))),
					app.Td().Text(s.loc.T("%s, first on line %d", locale.Text(s.loc.T("%d spans", u.Spans)), u.Line)),
					app.Td().Text("→"),
					app.Td().Body(app.Select().DataSet("from", string(l)).Attr("aria-label", s.loc.T("Map %s onto", l)).
						OnChange(func(ctx app.Context, e app.Event) {
							h.choice[l] = corpus.Label(ctx.JSSrc().Get("value").String())
						}, app.EventScope(string(l))).
						Body(app.Range(s.schema.Labels).Slice(func(j int) app.UI {
							d := s.schema.Labels[j]
							return app.Option().Value(string(d.Name)).Selected(h.choice[l] == d.Name).Text(string(d.Name) + " · " + d.Arabic)
						}))),
				)
			})),
			app.Div().Class("dialog-buttons").Body(
				app.Button().Class("primary").DataSet("testid", "mapping-apply").Text(s.loc.T("Import with this mapping")).
					OnClick(func(ctx app.Context, e app.Event) { s.applyMapping(ctx) }),
				app.Button().DataSet("testid", "mapping-cancel").Text(s.loc.T("Cancel")).
					OnClick(func(ctx app.Context, e app.Event) { s.cancelMapping(ctx) }),
			),
		),
	)
}
