package ui

import (
	"maps"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/suggestion"
	"github.com/raqim/raqim/internal/view"
)

// actDeleted is the action the shell posts once documents were deleted:
// DocList lets go of its choice.
const actDeleted = "raqim/deleted"

// stateChosen is the go-app state DocList publishes its choice of
// documents as (their IDs, in list order), for the views that work on a
// selection of documents (the agreement's scope).
const stateChosen = "raqim/chosen"

// DocList is the list of documents, drawn in chunks (DocChunk), those far
// from view as empty boxes until they come near. It owns the choice of
// documents to delete and which of its chunks are drawn; a click on an
// entry opens its document.
type DocList struct {
	app.Compo
	Loc  locale.Settings // the language its words are written in
	Sums []corpus.Summary
	// Curation is the curation of each document curated, by ID.
	Curation map[string]corpus.CurationInfo
	Open     string // ID of the open document
	Labels   []corpus.LabelDef

	Owner docListOwner

	checked map[string]bool // documents chosen, for deleting
	shown   []bool          // chunks drawn
	gen     int             // changes with the number of chunks: their keys are new
	painted painted         // what each chunk's element holds, for the list's life
	vis     *browser.Visibility
}

// docListOwner carries out what the document list reports.
type docListOwner interface {
	open(ctx app.Context, id string)
	deleteDocs(ctx app.Context, ids []string) // the documents chosen, in list order
	// suggestLayer stores the suggestions of the documents chosen as their
	// layer of suggestions.
	suggestLayer(ctx app.Context, ids []string)
}

// OnInit makes the record of what the chunks hold.
func (d *DocList) OnInit() { d.painted = painted{} }

// OnMount watches the chunks not drawn coming into view, and takes the
// news of deletions.
func (d *DocList) OnMount(ctx app.Context) {
	d.vis = browser.NewVisibility(d.JSValue(), "600px 0px", func(key string) {
		_, gen, i, ok := parseLazyKey(key)
		if !ok {
			return
		}
		ctx.Dispatch(func(ctx app.Context) {
			if gen == d.gen && i < len(d.shown) && !d.shown[i] {
				d.shown = view.Near(d.shown, i, inView(d.JSValue(), kindDocs, gen))
			}
		})
	})
	ctx.Handle(actDeleted, func(ctx app.Context, a app.Action) { d.choose(ctx, nil) })
	d.fit()
}

// OnUpdate fits the chunks to the list.
func (d *DocList) OnUpdate(ctx app.Context) { d.fit() }

// OnDismount stops watching.
func (d *DocList) OnDismount() { d.vis.Close() }

// fit makes as many chunks as the list needs, drawing the first ones;
// chunks drawn before stay drawn.
func (d *DocList) fit() {
	n := (len(d.Sums) + docsAChunk - 1) / docsAChunk
	if len(d.shown) == n {
		return
	}
	d.gen++
	d.painted.forget(kindDocs)
	shown := make([]bool, n)
	for i := 0; i < n && i < 2; i++ {
		shown[i] = true
	}
	copy(shown, d.shown)
	d.shown = shown
}

// check adds document id to the documents chosen, or takes it out.
func (d *DocList) check(ctx app.Context, id string, on bool) {
	next := maps.Clone(d.checked)
	if next == nil {
		next = map[string]bool{}
	}
	if on {
		next[id] = true
	} else {
		delete(next, id)
	}
	d.choose(ctx, next)
}

// choose makes checked the documents chosen, and publishes them: the one
// writer of the choice and of stateChosen.
func (d *DocList) choose(ctx app.Context, checked map[string]bool) {
	d.checked = checked
	ctx.SetState(stateChosen, d.chosen())
}

// chosen returns the documents chosen, in list order.
func (d *DocList) chosen() []string {
	var ids []string
	for _, sm := range d.Sums {
		if d.checked[sm.ID] {
			ids = append(ids, sm.ID)
		}
	}
	return ids
}

// onClick opens the document clicked, or chooses it when its box was.
func (d *DocList) onClick(ctx app.Context, e app.Event) {
	target := e.Get("target")
	li := target.Call("closest", "[data-role=doc]")
	if !li.Truthy() {
		return
	}
	id := li.Call("getAttribute", "data-id").String()
	if target.Call("matches", "[data-role=doc-check]").Bool() {
		d.check(ctx, id, target.Get("checked").Bool())
		return
	}
	d.Owner.open(ctx, id)
}

// Render draws the list.
func (d *DocList) Render() app.UI {
	p := locale.New(d.Loc)
	return app.Nav().Class("docs").DataSet("testid", "doc-list").TabIndex(0).Attr("aria-label", p.T("Documents")).
		OnClick(d.onClick).
		Body(
			app.H2().Text(p.T("Documents (%d)", len(d.Sums))),
			app.If(len(d.checked) > 0, func() app.UI {
				return app.Div().Class("doc-choice").Body(
					app.Button().Class("button danger").DataSet("testid", "delete-chosen").
						Text(p.T("Delete %s", locale.Text(p.T("%d documents", len(d.checked))))).
						OnClick(func(ctx app.Context, e app.Event) { d.Owner.deleteDocs(ctx, d.chosen()) }),
					app.Button().Class("button").DataSet("testid", "suggest-chosen").
						Title(p.T("Store their suggestions as their layer %s, to score against gold or curate from", suggestion.LayerName)).
						Text(p.T("Suggest for %s", locale.Text(p.T("%d documents", len(d.checked))))).
						OnClick(func(ctx app.Context, e app.Event) { d.Owner.suggestLayer(ctx, d.chosen()) }),
					app.Button().Class("button").DataSet("testid", "choice-clear").Text(p.T("Clear choice")).
						OnClick(func(ctx app.Context, e app.Event) { d.choose(ctx, nil) }),
				)
			}),
			app.Div().Body(d.chunks()...),
		)
}

// chunks draws the list as chunks, once the chunks not drawn are watched.
func (d *DocList) chunks() []app.UI {
	if d.vis == nil {
		return nil
	}
	out := make([]app.UI, len(d.shown))
	for i := range out {
		items := d.Sums[i*docsAChunk : min((i+1)*docsAChunk, len(d.Sums))]
		c := &DocChunk{Key: lazyKey(kindDocs, d.gen, i), Items: items, Labels: d.Labels, Loc: d.Loc, Shown: d.shown[i], Vis: d.vis, Painted: d.painted}
		for _, it := range items {
			if it.ID == d.Open {
				c.Open = d.Open
			}
			if d.checked[it.ID] {
				c.Checked = append(c.Checked, it.ID)
			}
			if cu, ok := d.Curation[it.ID]; ok {
				if c.Curation == nil {
					c.Curation = map[string]corpus.CurationInfo{}
				}
				c.Curation[it.ID] = cu
			}
		}
		out[i] = c
	}
	return out
}
