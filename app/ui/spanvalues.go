package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/suggestion"
)

// SpanValues edits the values of the selected span (suggestion.ValueKeys
// of its label), each change an edit like any other.
type SpanValues struct {
	app.Compo
	Loc   locale.Settings // the language its words are written in
	Span  SelectedSpan
	Owner spanValuesOwner
}

// SelectedSpan is the span whose values are edited, or the zero value.
type SelectedSpan struct {
	ID, Text string
	Label    corpus.Label
	Attrs    map[string]string
}

// spanValuesOwner carries out what the editor of values reports.
type spanValuesOwner interface {
	setValue(ctx app.Context, id, key, value string) // a value changed (removed when empty)
	propagate(ctx app.Context, id string)            // the span's text and label asked for on every mention in the corpus
}

// Render draws a field for each value of the span's label.
func (v *SpanValues) Render() app.UI {
	p := locale.New(v.Loc)
	keys := suggestion.ValueKeys(v.Span.Label)
	box := app.Div().Class("span-values-editor").DataSet("testid", "span-values-editor")
	if v.Span.ID == "" || len(keys) == 0 {
		return box.Hidden(true)
	}
	fields := make([]app.UI, 0, len(keys)+1)
	fields = append(fields, app.H3().Body(
		app.Text(p.T("Values of")+" "),
		app.Span().Dir("rtl").Lang("ar").Text(v.Span.Text),
	))
	for _, k := range keys {
		fields = append(fields, app.Label().Body(
			app.Span().Class("value-key").Text(k),
			app.Input().Type("text").Dir("ltr").Size(14).
				DataSet("testid", "value-"+k).
				Value(v.Span.Attrs[k]).
				OnChange(func(ctx app.Context, e app.Event) {
					v.Owner.setValue(ctx, v.Span.ID, k, ctx.JSSrc().Get("value").String())
				}, app.EventScope(v.Span.ID+"/"+k)),
		))
	}
	if src := v.Span.Attrs[suggestion.SourceAttr]; src != "" {
		fields = append(fields, app.P().Class("hint").Text(p.T("Accepted from a suggestion by %s.", sourceName(p, src))))
	}
	fields = append(fields, app.Button().Class("button").DataSet("testid", "propagate").
		Title(p.T("Propose this label on every mention of this text in every document (as suggestions)")).
		Text(p.T("Label every mention in the corpus")).
		OnClick(func(ctx app.Context, e app.Event) { v.Owner.propagate(ctx, v.Span.ID) }, app.EventScope(v.Span.ID)))
	return box.Body(fields...)
}
