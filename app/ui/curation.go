package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/curate"
	"github.com/raqim/raqim/internal/curation"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// Curation is the curation view of the open document, shown in place of
// the document: its units, each with every layer's version and the gold
// so far, drawn a page of units at a time around the current one, and the
// agreement a unit needs to merge by itself. It owns the curation session;
// each decision is shown at once and handed to its owner to store.
type Curation struct {
	app.Compo
	Loc    locale.Settings
	Doc    string // the open document's ID, or ""
	Store  store.Store
	Own    string // the annotator's name: their own layer's, and the curator's
	Labels []corpus.LabelDef
	Owner  curationOwner

	sess    *curate.Session
	read    string // the document the session is of
	text    []rune
	cur     int  // the current unit
	editing bool // e was pressed: a label key makes the edit
	from    int  // the selection the edit takes
	to      int
	reason  string
	failure string
	keys    app.Func
}

// curationOwner stores what the curation view decides.
type curationOwner interface {
	// keepGold stores the session's gold layer put, showing the save
	// state, and gives then what storage said.
	keepGold(ctx app.Context, s *curate.Session, put store.LayerPut, then func(ctx app.Context, err error))
}

// unitsAPage is how many units the view draws at a time.
const unitsAPage = 20

// OnMount opens the curation and listens to the keys.
func (c *Curation) OnMount(ctx app.Context) {
	c.load(ctx)
	c.keys = app.FuncOf(func(this app.Value, args []app.Value) any {
		c.onKey(ctx, args[0])
		return nil
	})
	// In the capture phase, before the shell's handler: while curating,
	// keys act on the curation, not on the document behind it.
	app.Window().Call("addEventListener", "keydown", c.keys, true)
}

// OnUpdate opens the curation of another document.
func (c *Curation) OnUpdate(ctx app.Context) {
	if c.read != c.Doc {
		c.load(ctx)
	}
}

// OnDismount stops listening to the keys.
func (c *Curation) OnDismount() {
	app.Window().Call("removeEventListener", "keydown", c.keys, true)
	c.keys.Release()
}

// load opens the document's curation from the store.
func (c *Curation) load(ctx app.Context) {
	c.read, c.sess, c.failure, c.editing = c.Doc, nil, "", false
	if c.Doc == "" || c.Store == nil {
		return
	}
	st, id, opts := c.Store, c.Doc, curate.Options{Own: c.Own, Schema: schemaOf(c.Labels)}
	ctx.Async(func() {
		s, err := curate.Open(st, id, opts)
		ctx.Dispatch(func(ctx app.Context) {
			if c.read != id {
				return
			}
			if err != nil {
				c.failure = locale.New(c.Loc).Error(err)
				return
			}
			c.sess, c.text = s, []rune(s.Text())
			c.cur = c.nextOpen(-1, 1)
			if c.cur < 0 {
				c.cur = 0
			}
			if s.Fresh() {
				if put, err := s.Put(); err == nil {
					c.keep(ctx, put)
				}
			}
		})
	})
}

// schemaOf is the schema of labels.
func schemaOf(labels []corpus.LabelDef) *corpus.Schema { return &corpus.Schema{Labels: labels} }

// keep hands put to the owner to store; should storage fail, the curation
// is read again as storage holds it.
func (c *Curation) keep(ctx app.Context, put store.LayerPut) {
	own, s := ctx, c.sess
	c.Owner.keepGold(ctx, s, put, func(_ app.Context, err error) {
		if err == nil {
			return
		}
		own.Dispatch(func(ctx app.Context) {
			if c.sess == s {
				c.load(ctx)
				c.failure = locale.New(c.Loc).T("The decision could not be saved, so it was undone: %v", err)
			}
		})
	})
}

// units returns the document's units, or none before the session is open.
func (c *Curation) units() []curation.UnitState {
	if c.sess == nil {
		return nil
	}
	return c.sess.Curation().Units()
}

// nextOpen returns the first open unit after (dir 1) or before (dir -1)
// unit i, wrapping around, or -1 when none is open.
func (c *Curation) nextOpen(i, dir int) int {
	us := c.units()
	n := len(us)
	for k := 1; k <= n; k++ {
		j := ((i+dir*k)%n + n) % n
		if us[j].State == curation.Open {
			return j
		}
	}
	return -1
}

// decide applies d to the current unit, shows it, moves to the next open
// unit and hands the gold to store.
func (c *Curation) decide(ctx app.Context, d curation.Decision) {
	us := c.units()
	if c.cur >= len(us) {
		return
	}
	d.Unit, d.Reason = us[c.cur].Key, c.reason
	put, err := c.sess.Decide(d)
	c.editing = false
	if err != nil {
		c.failure = locale.New(c.Loc).Error(err)
		return
	}
	c.failure, c.reason = "", ""
	if el := browser.Query(`[data-role=cu-reason]`); el.Truthy() {
		el.Set("value", "") // the reason goes with the decision it was given for
	}
	if next := c.nextOpen(c.cur, 1); next >= 0 {
		c.cur = next
	}
	c.keep(ctx, put)
	c.scrollToCurrent(ctx)
}

// undo removes the decision on the current unit.
func (c *Curation) undo(ctx app.Context) {
	us := c.units()
	if c.cur >= len(us) || us[c.cur].Decision == nil {
		return
	}
	put, err := c.sess.Undo(us[c.cur].Key)
	if err != nil {
		c.failure = locale.New(c.Loc).Error(err)
		return
	}
	c.keep(ctx, put)
}

// edit puts [from, to) with label l in gold for the current unit.
func (c *Curation) edit(ctx app.Context, from, to int, l corpus.Label) {
	c.decide(ctx, curation.Decision{Action: curation.Edit, Spans: []curation.Extent{{Start: from, End: to, Label: l}}})
}

// move makes unit i current.
func (c *Curation) move(ctx app.Context, i int) {
	if i >= 0 && i < len(c.units()) {
		c.cur, c.editing = i, false
		c.scrollToCurrent(ctx)
	}
}

func (c *Curation) scrollToCurrent(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		if el := browser.Query(`[data-role=cu-unit][aria-current]`); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "nearest"})
		}
	})
}

// onKey handles a key pressed while the view is shown: 1–9 accept that
// layer's version, r or x reject all, e starts an edit of the text
// selected (a label key ends it), u undoes, n and p go to the next or
// previous open unit. Keys typed in a field are left alone; other keys
// never reach the document behind the view.
func (c *Curation) onKey(ctx app.Context, e app.Value) {
	if t := e.Get("target"); t.Truthy() {
		switch t.Get("tagName").String() {
		case "INPUT", "TEXTAREA", "SELECT":
			return
		}
	}
	code := e.Get("code").String()
	if code == "Tab" || code == "Escape" && !c.editing {
		return
	}
	e.Call("stopPropagation")
	if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
		return
	}
	if c.sess == nil {
		return
	}
	// now acts inside the key's handler and shows the count and the units'
	// states at once (paintNow), then has go-app draw the rest once the
	// browser has painted them.
	now := func(f func(ctx app.Context)) {
		prev := c.cur
		f(ctx)
		c.paintNow(prev)
		browser.AfterPaintDo(func() { ctx.Dispatch(nil) })
	}
	handled := true
	if c.editing {
		switch l, ok := schemaOf(c.Labels).ByKey(code); {
		case ok:
			from, to := c.from, c.to
			now(func(ctx app.Context) { c.edit(ctx, from, to, l) })
		case code == "Escape":
			ctx.Dispatch(func(ctx app.Context) { c.editing = false })
		default:
			handled = false
		}
	} else {
		switch {
		case len(code) == len("Digit1") && code[:5] == "Digit" && code[5] >= '1' && code[5] <= '9':
			n := int(code[5] - '1')
			now(func(ctx app.Context) {
				if ls := c.sess.Layers(); n < len(ls) {
					c.decide(ctx, curation.Decision{Action: curation.Accept, Layer: ls[n]})
				}
			})
		case code == "KeyR" || code == "KeyX":
			now(func(ctx app.Context) { c.decide(ctx, curation.Decision{Action: curation.Reject}) })
		case code == "KeyE":
			from, to, ok := browser.SelectionIn(`[data-role=curation]`)
			ctx.Dispatch(func(ctx app.Context) {
				if !ok || from == to {
					c.failure = locale.New(c.Loc).T("Select the text of the edit first, then press e and a label key.")
					return
				}
				c.editing, c.from, c.to, c.failure = true, from, to, ""
			})
		case code == "KeyU":
			now(c.undo)
		case code == "KeyN":
			now(func(ctx app.Context) { c.move(ctx, c.nextOpen(c.cur, 1)) })
		case code == "KeyP":
			now(func(ctx app.Context) { c.move(ctx, c.nextOpen(c.cur, -1)) })
		default:
			handled = false
		}
	}
	if handled {
		e.Call("preventDefault")
	}
}

// paintNow shows, before go-app's next update, what acting on unit prev
// changed: the count of open units, and the states of prev and of the
// current unit, where they are drawn.
func (c *Curation) paintNow(prev int) {
	if c.sess == nil {
		return
	}
	cu := c.sess.Curation()
	mounted.curationStatus.show(cu.OpenUnits())
	us := cu.Units()
	for _, i := range []int{prev, c.cur} {
		if u := mounted.curationUnits[i]; u != nil && i < len(us) {
			u.show(us[i].State, i == c.cur)
		}
	}
}

// onClick carries out the button clicked (its data-act), or makes the
// unit clicked current.
func (c *Curation) onClick(ctx app.Context, e app.Event) {
	if c.sess == nil {
		return
	}
	t := e.Get("target")
	unit := t.Call("closest", "[data-role=cu-unit]")
	if !unit.Truthy() {
		return
	}
	i, err := strconv.Atoi(unit.Call("getAttribute", "data-index").String())
	if err != nil {
		return
	}
	// What the click changed shows at once, as a key's does.
	defer c.paintNow(c.cur)
	btn := t.Call("closest", "[data-act]")
	if !btn.Truthy() {
		if i != c.cur {
			c.move(ctx, i)
		}
		return
	}
	c.cur = i
	attr := func(n string) string { return btn.Call("getAttribute", n).String() }
	switch attr("data-act") {
	case "accept":
		c.decide(ctx, curation.Decision{Action: curation.Accept, Layer: attr("data-layer")})
	case "reject":
		c.decide(ctx, curation.Decision{Action: curation.Reject})
	case "undo":
		c.undo(ctx)
	case "edit":
		from, to := c.from, c.to
		if !c.editing {
			var ok bool
			if from, to, ok = browser.SelectionIn(`[data-role=curation]`); !ok || from == to {
				c.failure = locale.New(c.Loc).T("Select the text of the edit first, then press e and a label key.")
				return
			}
		}
		c.edit(ctx, from, to, corpus.Label(attr("data-label")))
	}
}

// setAgree merges again with k layers agreeing (0: all).
func (c *Curation) setAgree(ctx app.Context, k int) {
	put, err := c.sess.SetAgree(k)
	if err != nil {
		c.failure = locale.New(c.Loc).Error(err)
		return
	}
	if c.cur >= len(c.units()) {
		c.cur = 0
	}
	c.keep(ctx, put)
}

// Render draws the view.
func (c *Curation) Render() app.UI {
	p := locale.New(c.Loc)
	root := app.Div().Class("curation").DataSet("testid", "curation").DataSet("role", "curation").OnClick(c.onClick)
	head := app.H2().Text(p.T("Curation"))
	switch {
	case c.Doc == "":
		return root.Body(head, app.P().Class("empty").Text(p.T("Open a document to curate its layers.")))
	case c.sess == nil && c.failure == "":
		return root.Body(head, app.P().Class("busy").Attr("role", "status").Text(p.T("Aligning the layers…")))
	case c.sess == nil:
		return root.Body(head, app.P().Class("failure").DataSet("testid", "cu-error").Attr("role", "alert").Text(c.failure))
	}
	cu := c.sess.Curation()
	us := cu.Units()
	n := len(c.sess.Layers())
	agree := make([]app.UI, 0, n)
	agree = append(agree, app.Option().Value("0").Selected(c.sess.Agree() == 0).Text(p.T("all %d layers", n)))
	for k := n - 1; k >= 1; k-- {
		agree = append(agree, app.Option().Value(strconv.Itoa(k)).Selected(c.sess.Agree() == k).Text(p.T("%d of %d layers", k, n)))
	}
	lo := c.cur / unitsAPage * unitsAPage
	hi := min(lo+unitsAPage, len(us))
	items := make([]app.UI, 0, hi-lo)
	for i := lo; i < hi; i++ {
		items = append(items, &CurationUnit{Loc: c.Loc, Index: i, Unit: us[i], Snippet: c.snippet(us[i]),
			Current: i == c.cur, Editing: c.editing && i == c.cur, Labels: c.Labels})
	}
	return root.Body(
		app.Div().Class("cu-top").Body(
			app.Div().Class("cu-titlebar").Body(head, app.Bdi().Class("cu-title").Text(c.sess.Title())),
			&CurationStatus{Loc: c.Loc, Open: cu.OpenUnits(), Units: len(us), Layers: c.sess.Layers()},
			app.Div().Class("cu-settings").Body(
				app.Label().Body(
					app.Text(p.T("Merge by itself what agree")+" "),
					app.Select().DataSet("testid", "cu-agree").OnChange(func(ctx app.Context, e app.Event) {
						if k, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
							c.setAgree(ctx, k)
						}
					}).Body(agree...),
				),
				app.Label().Body(
					app.Text(p.T("Reason (optional)")+" "),
					app.Input().Type("text").DataSet("testid", "cu-reason").DataSet("role", "cu-reason").Value(c.reason).
						Placeholder(p.T("kept with the next decision")).
						OnInput(func(ctx app.Context, e app.Event) { c.reason = ctx.JSSrc().Get("value").String() }),
				),
			),
			app.P().Class("cu-keys meta").Text(p.T("Keys: 1–9 accept a layer's version · r reject all · e edit the selection, then a label key · u undo · n / p next or previous open unit")),
			app.If(c.failure != "", func() app.UI {
				return app.P().Class("failure").DataSet("testid", "cu-error").Attr("role", "alert").Text(c.failure)
			}),
			app.If(len(cu.Stale()) > 0, func() app.UI {
				return app.P().Class("warn").DataSet("testid", "cu-stale").Text(p.T("%d earlier decisions no longer apply: their units changed in the layers.", len(cu.Stale())))
			}),
			app.If(c.editing, func() app.UI {
				return app.P().Class("cu-editing").Attr("role", "status").Text(p.T("Edit: press the key of a label (Escape cancels)."))
			}),
		),
		app.If(len(us) == 0, func() app.UI { return app.P().Class("empty").Text(p.T("The layers have no span in this document.")) }),
		app.Ol().Class("cu-units").Body(items...),
		app.If(len(us) > unitsAPage, func() app.UI {
			return app.P().Class("cu-page meta").Text(p.T("Units %d–%d of %d", lo+1, hi, len(us)))
		}),
	)
}

// snippetContext is how many code points of text the view shows on either side of a unit.
const snippetContext = 60

// snippet returns the text around unit u, with its gold.
func (c *Curation) snippet(u curation.UnitState) Snippet {
	lo, hi := u.Start, u.End
	for _, e := range u.Gold {
		lo, hi = min(lo, e.Start), max(hi, e.End)
	}
	lo, hi = max(0, lo-snippetContext), min(len(c.text), hi+snippetContext)
	return Snippet{From: lo, Text: c.text[lo:hi]}
}
