package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
)

// acceptedFiles lists what the import input offers to pick.
var acceptedFiles = strings.Join(job.Extensions, ",")

// The side panels the top bar opens, in place of the span list.
const (
	panelDataset  = "dataset"  // the dataset export settings
	panelGuide    = "guide"    // the annotation guidelines
	panelOverview = "overview" // the corpus at a glance
	panelAgree    = "agree"    // agreement between layers, in place of the document
	panelCurate   = "curate"   // the open document's curation, in place of it
)

// TopBar is the bar at the top of the page: the import and the exports,
// the buttons that open the side panels, the annotator's name, the
// interface's language and digits, and the save state.
type TopBar struct {
	app.Compo
	Loc       locale.Settings // the language its words are written in
	Annotator string
	Save      *SaveState // the save state, drawn at the bar's end

	Owner topBarOwner
}

// topBarOwner carries out what the top bar reports.
type topBarOwner interface {
	importFiles(ctx app.Context, files app.Value) // files picked to import
	exportJSONL(ctx app.Context)
	exportDataset(ctx app.Context)
	togglePanel(ctx app.Context, panel string) // a panel opened or closed
	setAnnotator(ctx app.Context, name string) // a new annotator's name
	setLocale(ctx app.Context, set locale.Settings)
}

// Render draws the bar.
func (t *TopBar) Render() app.UI {
	p := locale.New(t.Loc)
	return app.Header().Class("top").Body(
		app.Div().Class("brand").Body(
			app.Span().Class("brand-ar").Lang("ar").Text("رقيم"),
			app.Span().Class("brand-en").Text("raqim"),
		),
		app.Label().Class("button").Title(p.T("Import files (several at once): .txt, .jsonl (raqim, Prodigy, doccano), brat .txt + .ann, Label Studio .json, CoNLL, or a dataset .zip")).Body(
			app.Text(p.T("Import…")),
			app.Input().Type("file").Multiple(true).
				Accept(acceptedFiles).
				DataSet("testid", "import").
				OnChange(func(ctx app.Context, e app.Event) {
					t.Owner.importFiles(ctx, ctx.JSSrc().Get("files"))
					ctx.JSSrc().Set("value", "")
				}),
		),
		app.Button().Class("button").DataSet("testid", "export-jsonl").
			Title(p.T("Download every document and its spans as JSONL (code-point offsets)")).
			Text(p.T("Export JSONL")).
			OnClick(func(ctx app.Context, e app.Event) { t.Owner.exportJSONL(ctx) }),
		app.Button().Class("button").DataSet("testid", "export-dataset").
			Title(p.T("Download a training dataset: train/dev/test splits in JSONL, CoNLL, Hugging Face, brat and Label Studio formats")).
			Text(p.T("Export dataset")).
			OnClick(func(ctx app.Context, e app.Event) { t.Owner.exportDataset(ctx) }),
		app.Button().Class("button icon").DataSet("testid", "dataset-settings-toggle").
			Title(p.T("Dataset export settings")).Attr("aria-label", p.T("Dataset export settings")).Text("⚙").
			OnClick(func(ctx app.Context, e app.Event) { t.Owner.togglePanel(ctx, panelDataset) }),
		app.Button().Class("button").DataSet("testid", "guide-toggle").
			Text(p.T("Guidelines")).
			OnClick(func(ctx app.Context, e app.Event) { t.Owner.togglePanel(ctx, panelGuide) }),
		app.Button().Class("button").DataSet("testid", "overview-toggle").
			Text(p.T("Overview")).
			OnClick(func(ctx app.Context, e app.Event) { t.Owner.togglePanel(ctx, panelOverview) }),
		app.Button().Class("button").DataSet("testid", "agree-toggle").
			Title(p.T("Agreement between annotators' layers, and where they differ")).
			Text(p.T("Agreement")).
			OnClick(func(ctx app.Context, e app.Event) { t.Owner.togglePanel(ctx, panelAgree) }),
		app.Button().Class("button").DataSet("testid", "curate-toggle").
			Title(p.T("Curate the open document's layers into gold")).
			Text(p.T("Curation")).
			OnClick(func(ctx app.Context, e app.Event) { t.Owner.togglePanel(ctx, panelCurate) }),
		app.Label().Class("annotator").Body(
			app.Text(p.T("Annotator")+" "),
			app.Input().Type("text").Value(t.Annotator).Size(10).
				OnChange(func(ctx app.Context, e app.Event) {
					if v := ctx.JSSrc().Get("value").String(); v != "" {
						t.Owner.setAnnotator(ctx, v)
					}
				}),
		),
		t.renderLocale(p),
		t.Save,
	)
}

// renderLocale offers the interface's languages and digits.
func (t *TopBar) renderLocale(p *locale.Printer) app.UI {
	// choice is a select of options; pick sets the value chosen in the
	// settings as they are when it is chosen.
	choice := func(testid, label string, pick func(set *locale.Settings, v string), options ...app.UI) app.UI {
		return app.Select().DataSet("testid", testid).Attr("aria-label", label).
			OnChange(func(ctx app.Context, e app.Event) {
				set := t.Loc
				pick(&set, ctx.JSSrc().Get("value").String())
				t.Owner.setLocale(ctx, set)
			}).
			Body(options...)
	}
	return app.Div().Class("locale").Body(
		choice("lang", p.T("Language of the interface"), func(set *locale.Settings, v string) { set.Lang = locale.Lang(v) },
			app.Option().Value(string(locale.Arabic)).Lang("ar").Selected(t.Loc.Lang == locale.Arabic).Text("العربية"),
			app.Option().Value(string(locale.English)).Lang("en").Selected(t.Loc.Lang == locale.English).Text("English"),
		),
		choice("digits", p.T("Digits"), func(set *locale.Settings, v string) { set.Digits = locale.Digits(v) },
			app.Option().Value(string(locale.Western)).Selected(t.Loc.Digits == locale.Western).Text("0–9"),
			app.Option().Value(string(locale.ArabicIndic)).Selected(t.Loc.Digits == locale.ArabicIndic).Text("٠–٩"),
		),
	)
}
