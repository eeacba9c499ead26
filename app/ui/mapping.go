package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
)

// LabelMapping is the dialog that offers a mapping of the labels outside
// the schema a file uses onto the schema's labels, to import it, or to
// import nothing of it. It owns the choices made: each file held is
// mapped afresh.
type LabelMapping struct {
	app.Compo
	Loc    locale.Settings // the language its words are written in
	ID     int             // the held file's number: a new one starts with no choice
	Held   job.Held
	Labels []corpus.LabelDef // the schema's

	Owner mappingOwner

	choice map[corpus.Label]corpus.Label
	of     int // the ID of the file choice is for
}

// mappingOwner carries out what the label mapping reports.
type mappingOwner interface {
	applyMapping(ctx app.Context, m map[corpus.Label]corpus.Label) // import with m
	cancelMapping(ctx app.Context)                                 // import nothing
}

// choices returns the choices made for the file held.
func (c *LabelMapping) choices() map[corpus.Label]corpus.Label {
	if c.choice == nil || c.of != c.ID {
		c.choice, c.of = make(map[corpus.Label]corpus.Label), c.ID
	}
	return c.choice
}

// apply maps each label onto the label chosen, or onto the schema's first.
func (c *LabelMapping) apply(ctx app.Context, e app.Event) {
	choice := c.choices()
	m := make(map[corpus.Label]corpus.Label)
	for _, u := range c.Held.Labels {
		to := choice[u.Label]
		if to == "" {
			to = c.Labels[0].Name
		}
		m[u.Label] = to
	}
	c.Owner.applyMapping(ctx, m)
}

// Render draws the dialog.
func (c *LabelMapping) Render() app.UI {
	p := locale.New(c.Loc)
	choice := c.choices()
	names := c.Held.Labels
	return app.Div().Class("modal").Body(
		app.Div().Class("dialog").DataSet("testid", "label-mapping").Attr("role", "dialog").Attr("aria-modal", "true").Attr("aria-labelledby", "mapping-title").Body(
			app.H3().ID("mapping-title").Text(p.T("Labels outside the schema")),
			app.P().Text(p.T("%s uses labels this schema does not have. Map each onto a label of the schema to import the file, or cancel to import nothing of it.", c.Held.Name)),
			app.Table().Body(app.Range(names).Slice(func(i int) app.UI {
				u := names[i]
				l := u.Label
				return app.Tr().Body(
					app.Td().Body(app.Code().Text(string(l))),
					app.Td().Text(p.T("%s, first on line %d", locale.Text(p.T("%d spans", u.Spans)), u.Line)),
					app.Td().Text("→"),
					app.Td().Body(app.Select().DataSet("from", string(l)).Attr("aria-label", p.T("Map %s onto", l)).
						OnChange(func(ctx app.Context, e app.Event) {
							c.choices()[l] = corpus.Label(ctx.JSSrc().Get("value").String())
						}, app.EventScope(string(l))).
						Body(app.Range(c.Labels).Slice(func(j int) app.UI {
							d := c.Labels[j]
							return app.Option().Value(string(d.Name)).Selected(choice[l] == d.Name).Text(string(d.Name) + " · " + d.Arabic)
						}))),
				)
			})),
			app.Div().Class("dialog-buttons").Body(
				app.Button().Class("primary").DataSet("testid", "mapping-apply").Text(p.T("Import with this mapping")).
					OnClick(c.apply),
				app.Button().DataSet("testid", "mapping-cancel").Text(p.T("Cancel")).
					OnClick(func(ctx app.Context, e app.Event) { c.Owner.cancelMapping(ctx) }),
			),
		),
	)
}
