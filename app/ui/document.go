package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/view"
)

// Para renders one paragraph of the open document: runs of plain text and
// spans, each element carrying the code-point offsets of its text. A
// paragraph re-renders only when its own text, spans or selection change.
type Para struct {
	app.Compo
	Start, End int
	Text       string
	Spans      []corpus.Span // the document's spans overlapping this paragraph
	Selected   string        // ID of the selected span, if it is here
	Flash      string        // ID of a span to flash, if it is here
}

// Render draws the paragraph.
func (p *Para) Render() app.UI {
	segs := view.Segments(view.Paragraph{Start: p.Start, End: p.End, Text: p.Text}, p.Spans)
	el := app.P().Class("para").
		Attr("data-start", strconv.Itoa(p.Start)).
		Attr("data-end", strconv.Itoa(p.End))
	if len(segs) == 0 {
		return el.Body(app.Br())
	}
	kids := make([]app.UI, len(segs))
	for i, s := range segs {
		if s.Span == nil {
			kids[i] = app.Span().
				Attr("data-start", strconv.Itoa(s.Start)).
				Attr("data-end", strconv.Itoa(s.End)).
				Text(s.Text)
			continue
		}
		cls := "span"
		if s.Span.ID == p.Selected {
			cls += " selected"
		}
		if s.Span.ID == p.Flash {
			cls += " flash"
		}
		kids[i] = app.Mark().Class(cls).
			ID("span-"+s.Span.ID).
			Attr("data-id", s.Span.ID).
			Attr("data-label", string(s.Span.Label)).
			Attr("data-start", strconv.Itoa(s.Start)).
			Attr("data-end", strconv.Itoa(s.End)).
			Title(string(s.Span.Label)).
			Text(s.Text)
	}
	return el.Body(kids...)
}

// paraProps cuts the open document into paragraph components' props.
func paraProps(paras []view.Paragraph, spans []corpus.Span, selected, flash string) []app.UI {
	out := make([]app.UI, len(paras))
	for i, pp := range paras {
		in := view.Overlapping(spans, pp.Start, pp.End)
		p := &Para{Start: pp.Start, End: pp.End, Text: pp.Text, Spans: in}
		if selected != "" || flash != "" {
			for _, s := range in {
				if s.ID == selected {
					p.Selected = selected
				}
				if s.ID == flash {
					p.Flash = flash
				}
			}
		}
		if len(in) == 0 {
			p.Spans = nil
		}
		out[i] = p
	}
	return out
}
