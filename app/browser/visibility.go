package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Visibility tells when elements come near the visible part of a scrolling
// container (an IntersectionObserver). Each element is reported once, by the
// value of its data-lazy attribute, and then no longer watched.
type Visibility struct {
	obs app.Value
	fn  app.Func
}

// NewVisibility watches elements entering root (nil: the viewport) grown
// by margin (a CSS margin such as "800px 0px"); onVisible runs in a JS
// callback, so it must only hand work on (ctx.Dispatch), never block.
func NewVisibility(root app.Value, margin string, onVisible func(key string)) *Visibility {
	v := &Visibility{}
	v.fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		entries := args[0]
		for i := 0; i < entries.Length(); i++ {
			e := entries.Index(i)
			if !e.Get("isIntersecting").Bool() {
				continue
			}
			t := e.Get("target")
			v.obs.Call("unobserve", t)
			onVisible(t.Call("getAttribute", "data-lazy").String())
		}
		return nil
	})
	opts := map[string]any{"rootMargin": margin}
	if root != nil && root.Truthy() {
		opts["root"] = root
	}
	v.obs = app.Window().Get("IntersectionObserver").New(v.fn, opts)
	return v
}

// Observe starts watching el.
func (v *Visibility) Observe(el app.Value) {
	if v != nil && el != nil && el.Truthy() {
		v.obs.Call("observe", el)
	}
}

// Close stops watching everything.
func (v *Visibility) Close() {
	if v != nil {
		v.obs.Call("disconnect")
		v.fn.Release()
	}
}
