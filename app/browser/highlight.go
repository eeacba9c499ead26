package browser

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/view"
)

// HighlightPrefix begins the name of the CSS custom highlight (the page's
// ::highlight(raqim-<kind>) rule) that paints the marks of a kind.
const HighlightPrefix = "raqim-"

// highlighted holds, by owner, the ranges SetMarks added to the page's
// highlights: an owner's next call takes them away first.
var highlighted = map[string][]struct {
	kind string
	rng  app.Value
}{}

// SetMarks paints marks over the rendered document with CSS custom
// highlights, which cross the document's elements freely, in place of the
// marks owner (a block) painted before; marks outside the rendered text are
// left out. It does nothing where the browser has no custom highlights.
func SetMarks(owner string, marks []view.Mark) {
	if len(marks) == 0 && len(highlighted[owner]) == 0 {
		return // nothing to take away or paint: no call into the browser
	}
	reg := app.Window().Get("CSS")
	if !reg.Truthy() || !reg.Get("highlights").Truthy() || !app.Window().Get("Highlight").Truthy() {
		return
	}
	reg = reg.Get("highlights")
	for _, h := range highlighted[owner] {
		if set := reg.Call("get", HighlightPrefix+h.kind); set.Truthy() {
			set.Call("delete", h.rng)
		}
	}
	delete(highlighted, owner)
	if len(marks) == 0 {
		return
	}
	doc := app.Window().Get("document")
	root := doc.Call("querySelector", rootQuery)
	if !root.Truthy() {
		return
	}
	for _, m := range marks {
		sn, so, ok1 := locate(root, m.Start)
		en, eo, ok2 := locate(root, m.End)
		if !ok1 || !ok2 {
			continue
		}
		rng := doc.Call("createRange")
		rng.Call("setStart", sn, so)
		rng.Call("setEnd", en, eo)
		name := HighlightPrefix + m.Kind
		set := reg.Call("get", name)
		if !set.Truthy() {
			set = app.Window().Get("Highlight").New()
			reg.Call("set", name, set)
		}
		set.Call("add", rng)
		highlighted[owner] = append(highlighted[owner], struct {
			kind string
			rng  app.Value
		}{m.Kind, rng})
	}
}
