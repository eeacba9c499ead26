package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
)

// LayerNaming is the dialog that asks for the name of the layer a file
// held back would become (its lines name no annotator), to import it as
// that layer, a person's or an extractor's, or to import nothing of it. It
// owns the name typed: each file held starts from the name proposed.
type LayerNaming struct {
	app.Compo
	Loc  locale.Settings // the language its words are written in
	ID   int             // the held file's number: a new one starts afresh
	Held job.Held

	Owner namingOwner

	name   string
	system bool
	of     int // the ID of the file name and system are for
}

// namingOwner carries out what the layer naming reports.
type namingOwner interface {
	nameLayer(ctx app.Context, layer job.Layer) // import as this layer
	cancelNaming(ctx app.Context)               // import nothing
}

// fresh starts the choices afresh for a new file held.
func (c *LayerNaming) fresh() {
	if c.of != c.ID {
		c.name, c.system, c.of = c.Held.Layer, false, c.ID
	}
}

// apply imports the file as the layer named, unless the name is not one.
func (c *LayerNaming) apply(ctx app.Context, e app.Event) {
	c.fresh()
	name := strings.TrimSpace(c.name)
	if name == "" {
		notify(ctx, Message{Kind: "warn", Text: locale.New(c.Loc).T("a layer needs a name")})
		return
	}
	c.Owner.nameLayer(ctx, job.Layer{Name: name, System: c.system})
}

// Render draws the dialog.
func (c *LayerNaming) Render() app.UI {
	p := locale.New(c.Loc)
	c.fresh()
	return app.Div().Class("modal").Body(
		app.Div().Class("dialog").DataSet("testid", "layer-naming").Attr("role", "dialog").Attr("aria-modal", "true").Attr("aria-labelledby", "naming-title").Body(
			app.H3().ID("naming-title").Text(p.T("Name this layer")),
			app.P().Text(p.T("The lines of %s name no annotator, and their texts are stored already: the file becomes a layer of those documents. Name the layer to import it, or cancel to import nothing of it.", c.Held.Name)),
			app.Div().Body(app.Label().Body(
				app.Text(p.T("Layer name")+" "),
				app.Input().Type("text").DataSet("testid", "layer-name").Value(c.name).Size(20).MaxLength(100).
					OnInput(func(ctx app.Context, e app.Event) { c.name = ctx.JSSrc().Get("value").String() }),
			)),
			app.Div().Body(app.Label().Body(
				app.Input().Type("checkbox").DataSet("testid", "layer-system").Checked(c.system).
					OnChange(func(ctx app.Context, e app.Event) { c.system = ctx.JSSrc().Get("checked").Bool() }),
				app.Text(" "+p.T("these are an extractor's predictions (system layer)")),
			)),
			app.Div().Class("dialog-buttons").Body(
				app.Button().Class("primary").DataSet("testid", "naming-apply").Text(p.T("Import")).OnClick(c.apply),
				app.Button().DataSet("testid", "naming-cancel").Text(p.T("Cancel")).
					OnClick(func(ctx app.Context, e app.Event) { c.Owner.cancelNaming(ctx) }),
			),
		),
	)
}
