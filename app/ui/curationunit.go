package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/curation"
	"github.com/raqim/raqim/internal/locale"
)

// CurationUnit is one unit of the curation view: its place in the text,
// each layer's version of it on a line of its own (the same text, marked
// with that layer's spans), the gold it makes, and, when it is the current
// unit, what the curator can do with it. Its buttons carry data-act, which
// the view's one click handler reads. It is the one writer of its
// element's data-state and aria-current and of its state's chip: from its
// props, and from show, which a decision calls straight from its key's
// handler so that they change in the next frame the browser paints (the
// rest follows with go-app's next update).
type CurationUnit struct {
	app.Compo
	Loc     locale.Settings
	Index   int // the unit's place among the document's units
	Unit    curation.UnitState
	Snippet Snippet // the text around it
	Current bool
	Editing bool // waiting for the label of an edit
	Labels  []corpus.LabelDef

	at int // the index it is registered at in mounted.curationUnits, or -1
}

// OnMount registers the unit and writes its state.
func (c *CurationUnit) OnMount(ctx app.Context) {
	c.at = -1
	c.register()
}

// OnUpdate registers the unit at its index, which may have changed, and
// writes its state.
func (c *CurationUnit) OnUpdate(ctx app.Context) { c.register() }

// OnDismount forgets the unit.
func (c *CurationUnit) OnDismount() {
	if mounted.curationUnits[c.at] == c {
		delete(mounted.curationUnits, c.at)
	}
}

func (c *CurationUnit) register() {
	if c.at != c.Index {
		if mounted.curationUnits[c.at] == c {
			delete(mounted.curationUnits, c.at)
		}
		if mounted.curationUnits == nil {
			mounted.curationUnits = make(map[int]*CurationUnit)
		}
		mounted.curationUnits[c.Index], c.at = c, c.Index
	}
	c.show(c.Unit.State, c.Current)
}

// show writes the unit's state and whether it is the current one.
func (c *CurationUnit) show(s curation.State, current bool) {
	el := c.JSValue()
	if el == nil || !el.Truthy() {
		return
	}
	el.Call("setAttribute", "data-state", string(s))
	if current {
		el.Call("setAttribute", "aria-current", "true")
	} else {
		el.Call("removeAttribute", "aria-current")
	}
	if chip := el.Call("querySelector", ":scope > .cu-head > [data-role=cu-state]"); chip.Truthy() {
		chip.Call("setAttribute", "class", "cu-state "+string(s))
		chip.Set("textContent", unitStateName(locale.New(c.Loc), s))
	}
}

// Snippet is a stretch of a document's text: Text starts at code point From.
type Snippet struct {
	From int
	Text []rune
}

// Render draws the unit.
func (c *CurationUnit) Render() app.UI {
	p := locale.New(c.Loc)
	u := &c.Unit
	lo, hi := u.Start, u.End
	for _, e := range u.Gold {
		lo, hi = min(lo, e.Start), max(hi, e.End)
	}
	idx := strconv.Itoa(c.Index)
	li := app.Li().Class("cu-unit").DataSet("testid", "cu-unit").DataSet("role", "cu-unit").DataSet("index", c.Index)
	rows := make([]app.UI, 0, len(u.Versions)+2)
	for i, v := range u.Versions {
		chosen := u.Decision != nil && u.Decision.Action == curation.Accept && u.Decision.Layer == v.Layer
		row := app.Div().Class("cu-row").DataSet("testid", "cu-version").DataSet("layer", v.Layer)
		if chosen {
			row = row.Class("chosen")
		}
		rows = append(rows, row.Body(
			app.Button().Class("cu-accept").DataSet("act", "accept").DataSet("unit", idx).DataSet("layer", v.Layer).
				DataSet("testid", "cu-accept").Title(p.T("Accept this version (%d)", i+1)).Body(
				app.Kbd().Text(p.N(i+1)),
				app.Bdi().Class("cu-layer").Text(v.Layer),
			),
			c.line(p, lo, hi, v.Spans, "cu-line"),
		))
	}
	gold := app.Div().Class("cu-row gold").DataSet("testid", "cu-gold")
	if u.State == curation.Open {
		rows = append(rows, gold.Body(app.Span().Class("cu-layer").Text(p.T("Gold")), app.Span().Class("cu-line pending").Text(p.T("open: choose a version, edit or reject"))))
	} else {
		rows = append(rows, gold.Body(app.Span().Class("cu-layer").Text(p.T("Gold")), c.line(p, lo, hi, u.Gold, "cu-line")))
	}
	return li.Body(
		app.Div().Class("cu-head").Body(
			app.Span().Class("cu-num").Text(p.T("Unit %d", c.Index+1)),
			app.Span().DataSet("role", "cu-state"),
			app.If(u.Decision != nil, func() app.UI { return app.Span().Class("cu-decision").Text(decisionText(p, u.Decision)) }),
		),
		c.context(),
		app.Div().Class("cu-rows").Body(rows...),
		app.If(c.Current, func() app.UI { return c.actions(p, idx) }),
	)
}

// context draws the snippet with the unit's extent set apart.
func (c *CurationUnit) context() app.UI {
	s := c.Snippet
	end := s.From + len(s.Text)
	a, b := max(c.Unit.Start, s.From), min(c.Unit.End, end)
	return app.P().Class("cu-text").Dir("rtl").Body(
		textRun(s, s.From, a, ""),
		textRun(s, a, b, "cu-focus"),
		textRun(s, b, end, ""),
	)
}

// textRun draws the snippet's code points [from, to) with their offsets.
func textRun(s Snippet, from, to int, class string) app.UI {
	el := app.Span().DataSet("start", from).DataSet("end", to).Text(string(s.Text[from-s.From : to-s.From]))
	if class != "" {
		el = el.Class(class)
	}
	return el
}

// line draws the text [lo, hi) with spans marked.
func (c *CurationUnit) line(p *locale.Printer, lo, hi int, spans []curation.Extent, class string) app.UI {
	s := c.Snippet
	lo, hi = max(lo, s.From), min(hi, s.From+len(s.Text))
	var out []app.UI
	at := lo
	for _, e := range spans {
		if e.Start > at {
			out = append(out, textRun(s, at, e.Start, ""))
		}
		name := string(e.Label)
		for _, d := range c.Labels {
			if d.Name == e.Label {
				name = labelName(p, d)
			}
		}
		out = append(out, app.Mark().Class("span").DataSet("label", string(e.Label)).Title(name).
			DataSet("start", e.Start).DataSet("end", e.End).Text(string(s.Text[max(e.Start, lo)-s.From:min(e.End, hi)-s.From])))
		at = e.End
	}
	if at < hi {
		out = append(out, textRun(s, at, hi, ""))
	}
	if len(spans) == 0 {
		out = append(out, app.Span().Class("none").Text(" "+p.T("(no span)")))
	}
	return app.Span().Class(class).Dir("rtl").Body(out...)
}

// actions draws what the curator can do with the current unit.
func (c *CurationUnit) actions(p *locale.Printer, idx string) app.UI {
	labels := make([]app.UI, 0, len(c.Labels))
	for _, d := range c.Labels {
		labels = append(labels, app.Button().Class("label-button").DataSet("act", "edit").DataSet("unit", idx).
			DataSet("label", string(d.Name)).DataSet("testid", "cu-edit").Body(
			app.If(c.Editing, func() app.UI { return app.Kbd().Text(keyName(p, d.Key)) }),
			app.Span().Text(labelName(p, d)),
		))
	}
	return app.Div().Class("cu-actions").Body(
		app.Button().Class("cu-btn danger").DataSet("act", "reject").DataSet("unit", idx).DataSet("testid", "cu-reject").Body(
			app.Kbd().Text("r"), app.Text(" "+p.T("Reject all")),
		),
		app.If(c.Unit.Decision != nil, func() app.UI {
			return app.Button().Class("cu-btn").DataSet("act", "undo").DataSet("unit", idx).DataSet("testid", "cu-undo").Body(
				app.Kbd().Text("u"), app.Text(" "+p.T("Undo decision")),
			)
		}),
		app.Span().Class("cu-edit").Body(
			app.Span().Class("meta").Body(app.Kbd().Text("e"), app.Text(" "+p.T("Edit: select text, then a label:"))),
			app.Span().Class("cu-labels").Body(labels...),
		),
	)
}

// keyName is how a KeyboardEvent.code is written on a key cap.
func keyName(p *locale.Printer, code string) string {
	if n, err := strconv.Atoi(code[len(code)-1:]); err == nil && len(code) == len("Digit1") {
		return p.N(n)
	}
	return code
}

// unitStateName is the name of a unit's state in p's language.
func unitStateName(p *locale.Printer, s curation.State) string {
	switch s {
	case curation.Agreed:
		return p.T("agreed")
	case curation.Decided:
		return p.T("decided")
	}
	return p.T("open")
}

// decisionText says what a decision did, who made it and why.
func decisionText(p *locale.Printer, d *curation.Decision) string {
	var what string
	switch d.Action {
	case curation.Accept:
		what = p.T("%s's version accepted", d.Layer)
	case curation.Edit:
		what = p.T("edited")
	default:
		what = p.T("all rejected")
	}
	out := p.T("%s by %s", what, d.Who)
	if d.Reason != "" {
		out += " · " + d.Reason
	}
	return out
}

// curationChip writes the curation status of a document in the list:
// curated, or how many units are open.
func curationChip(m *markup, p *locale.Printer, c corpus.CurationInfo) {
	m.WriteString(`<span data-testid="doc-curation"`)
	if c.Curated() {
		m.attr("class", "cu-chip done")
		m.attr("data-open", "0")
		m.WriteByte('>')
		m.text(p.T("curated"))
	} else {
		m.attr("class", "cu-chip open")
		m.attr("data-open", strconv.Itoa(c.Open))
		m.WriteByte('>')
		m.text(p.T("%d open", c.Open))
	}
	m.WriteString("</span>")
}
