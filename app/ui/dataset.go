package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
)

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
