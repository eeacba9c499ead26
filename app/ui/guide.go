package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/guide"
	"github.com/raqim/raqim/internal/locale"
)

// Guide shows the annotation guidelines in Arabic and English, the
// language of the interface first.
type Guide struct {
	app.Compo
	Loc locale.Settings // the language of the interface
}

// Render draws the guidelines.
func (c *Guide) Render() app.UI {
	p := locale.New(c.Loc)
	g := guide.Default()
	bi := func(t guide.Text, tag func() app.HTMLDiv) app.UI {
		ar := app.P().Class("ar").Dir("rtl").Lang("ar").Text(t.Ar)
		en := app.P().Class("en").Dir("ltr").Lang("en").Text(t.En)
		if p.Lang() == locale.Arabic {
			return tag().Class("bi").Body(ar, en)
		}
		return tag().Class("bi").Body(en, ar)
	}
	return app.Div().Class("guide").DataSet("testid", "guide").Body(
		app.H2().Text(p.T("Guidelines")),
		bi(g.Intro, app.Div),
		app.H3().Text(p.T("Labels")),
		app.Range(g.Labels).Slice(func(i int) app.UI {
			l := g.Labels[i]
			return app.Div().Class("guide-label").Body(
				app.H4().Body(
					app.Span().Class("chip").DataSet("label", string(l.Label)).Text(string(l.Label)),
					app.Text(" "+l.Name.En+" · "),
					app.Span().Lang("ar").Text(l.Name.Ar),
				),
				bi(l.Definition, app.Div),
				app.P().Class("examples").Dir("rtl").Lang("ar").Text(joinExamples(l.Examples)),
			)
		}),
		app.H3().Text(p.T("Boundaries")),
		app.Ol().Body(app.Range(g.Rules).Slice(func(i int) app.UI {
			r := g.Rules[i]
			return app.Li().Class("guide-rule").Body(
				app.H4().Body(app.Text(r.Title.En+" · "), app.Span().Lang("ar").Text(r.Title.Ar)),
				bi(r.Body, app.Div),
				app.Range(r.Examples).Slice(func(j int) app.UI {
					ex := r.Examples[j]
					return app.P().Class("example").Dir("rtl").Lang("ar").Body(
						app.If(ex.Wrong != "", func() app.UI {
							return app.Span().Class("wrong").Text(ex.Wrong + " ← ")
						}),
						app.Span().Class("right").Text(ex.Right),
					)
				}),
			)
		})),
	)
}

func joinExamples(xs []string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += " · "
		}
		out += x
	}
	return out
}
