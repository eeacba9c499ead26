package ui

import (
	"encoding/json"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
)

const (
	prefDataset  = "raqim.dataset" // localStorage: the dataset export settings, kept between visits
	stateDataset = "raqim/dataset" // go-app state: the dataset export settings, as last changed
)

// DatasetSettings is the panel of dataset export settings. It owns them:
// it is their one writer, keeps them in localStorage and publishes each
// change as the go-app state stateDataset, which an export reads (see
// datasetSettings).
type DatasetSettings struct {
	app.Compo
	Loc locale.Settings // the language its words are written in

	p job.Dataset
}

// OnInit takes the settings kept.
func (d *DatasetSettings) OnInit() { d.p = keptDataset() }

// keptDataset returns the dataset export settings kept in localStorage, or
// the defaults.
func keptDataset() job.Dataset {
	p := job.DefaultDataset()
	if !app.IsClient {
		return p
	}
	if raw := app.Window().Get("localStorage").Call("getItem", prefDataset); raw.Truthy() {
		var kept job.Dataset // as ctx.LocalStorage writes it
		if json.Unmarshal([]byte(raw.String()), &kept) == nil && kept.Seed != 0 {
			p = kept
		}
	}
	return p
}

// datasetSettings returns the dataset export settings: as DatasetSettings
// last published them, or as they were kept.
func datasetSettings(ctx app.Context) job.Dataset {
	var p job.Dataset
	if ctx.GetState(stateDataset, &p); p.Seed != 0 {
		return p
	}
	return keptDataset()
}

// publish keeps the settings and publishes them.
func (d *DatasetSettings) publish(ctx app.Context) {
	ctx.LocalStorage().Set(prefDataset, d.p)
	ctx.SetState(stateDataset, d.p)
}

// warn says why a value was refused. Handlers write it in the interface's
// language as it is when they run: go-app keeps the handlers of the first
// render, with the printer they captured.
func (d *DatasetSettings) warn(ctx app.Context, text string) {
	notify(ctx, Message{Kind: "warn", Text: text})
}

// spansFrom draws the setting of where the spans come from, with its
// rule: gold (by default once a document is curated) takes each curated
// gold layer, and a document without one is left out unless kept with its
// own spans.
func (d *DatasetSettings) spansFrom(p *locale.Printer) app.UI {
	option := func(value, text string) app.UI {
		return app.Option().Value(value).Selected(d.p.Spans == value).Text(text)
	}
	keep := app.Label().DataSet("testid", "keep-own").Body(
		app.Input().Type("checkbox").Checked(d.p.KeepOwn).Disabled(d.p.Spans == job.SpansOwn).
			OnChange(func(ctx app.Context, e app.Event) {
				d.p.KeepOwn = ctx.JSSrc().Get("checked").Bool()
				d.publish(ctx)
			}),
		app.Text(" "+p.T("documents without a curated gold layer keep their own spans (otherwise they are left out)")),
	)
	return app.Div().Class("spans-from").Body(
		app.Label().Body(
			app.Text(p.T("Spans from")+" "),
			app.Select().DataSet("testid", "spans-from").
				OnChange(func(ctx app.Context, e app.Event) {
					d.p.Spans = ctx.JSSrc().Get("value").String()
					d.publish(ctx)
				}).
				Body(
					option(job.SpansAuto, p.T("automatic: gold once a document is curated")),
					option(job.SpansOwn, p.T("each document's own spans")),
					option(job.SpansGold, p.T("the curated gold layer")),
				),
		),
		keep,
		app.P().Class("hint").Text(p.T("Gold takes each document's curated gold layer (every unit decided), whatever the document's status; a document without one is left out, since gold data is curated data, unless kept with its own spans, as the status setting selects them.")),
	)
}

// Render draws the panel.
func (d *DatasetSettings) Render() app.UI {
	p := locale.New(d.Loc)
	ratio := func(i int, name, shown string) app.UI {
		return app.Label().Body(
			app.Text(shown+" "),
			app.Input().Type("number").Min(0).Max(100).Step(1).Size(3).
				DataSet("testid", "ratio-"+name).
				Value(strconv.FormatFloat(d.p.Ratios[i]*100, 'f', -1, 64)).
				OnChange(func(ctx app.Context, e app.Event) {
					v, err := strconv.ParseFloat(ctx.JSSrc().Get("value").String(), 64)
					if err != nil || v < 0 || v > 100 {
						d.warn(ctx, locale.New(d.Loc).T("A split ratio is a percentage from 0 to 100."))
						return
					}
					d.p.Ratios[i] = v / 100
					d.publish(ctx)
				}, app.EventScope(name)),
			app.Text(p.T("%%")+" "),
		)
	}
	// checkbox is a setting on or off; set sets it.
	checkbox := func(on bool, set func(on bool), text string) app.UI {
		return app.Label().Body(
			app.Input().Type("checkbox").Checked(on).
				OnChange(func(ctx app.Context, e app.Event) {
					set(ctx.JSSrc().Get("checked").Bool())
					d.publish(ctx)
				}),
			app.Text(" "+text),
		)
	}
	return app.Div().Class("dataset-settings").DataSet("testid", "dataset-settings").Body(
		app.H3().Text(p.T("Dataset export")),
		checkbox(d.p.IncludeAll, func(on bool) { d.p.IncludeAll = on }, p.T("include every document (otherwise only those marked done)")),
		d.spansFrom(p),
		app.Div().Body(ratio(0, "train", p.T("train")), ratio(1, "dev", p.T("dev")), ratio(2, "test", p.T("test"))),
		app.Label().Body(
			app.Text(p.T("seed")+" "),
			app.Input().Type("number").Value(strconv.FormatUint(d.p.Seed, 10)).
				OnChange(func(ctx app.Context, e app.Event) {
					v, err := strconv.ParseUint(ctx.JSSrc().Get("value").String(), 10, 64)
					if err != nil || v == 0 {
						d.warn(ctx, locale.New(d.Loc).T("The seed is a positive whole number."))
						return
					}
					d.p.Seed = v
					d.publish(ctx)
				}),
		),
		checkbox(d.p.Units, func(on bool) { d.p.Units = on }, p.T("also write UTF-16 and byte offsets in the span JSONL")),
		app.Label().Body(
			app.Text(p.T("corpus name")+" "),
			app.Input().Type("text").Value(d.p.Name).Size(12).
				OnChange(func(ctx app.Context, e app.Event) {
					d.p.Name = ctx.JSSrc().Get("value").String()
					d.publish(ctx)
				}),
		),
		app.Label().Body(
			app.Text(p.T("documents kept suggestion-free, as a control (chosen by the seed)")+" "),
			app.Input().Type("number").Min(0).Max(100).Step(1).Size(3).
				DataSet("testid", "control-share").
				Value(strconv.FormatFloat(d.p.Control*100, 'f', -1, 64)).
				OnChange(func(ctx app.Context, e app.Event) {
					v, err := strconv.ParseFloat(ctx.JSSrc().Get("value").String(), 64)
					if err != nil || v < 0 || v > 100 {
						d.warn(ctx, locale.New(d.Loc).T("The control share is a percentage from 0 to 100."))
						return
					}
					d.p.Control = v / 100
					d.publish(ctx)
				}),
			app.Text(p.T("%%")),
		),
		app.P().Class("hint").Text(p.T("The zip holds span JSONL, CoNLL (IOB2 and BIOES), Hugging Face token rows, brat and Label Studio files, split by document, with a dataset card.")),
	)
}
