package browser

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Visibility tells when elements come near the visible part of a scrolling
// container (an IntersectionObserver). Each element is reported once, by the
// value of its data-lazy attribute, and then no longer watched.
type Visibility struct {
	obs app.Value
	fn  app.Func
}

// NewLeaving watches elements leaving root (nil: the viewport) grown by
// margin, and reports each, by the value of its data-lazy attribute, every
// time it does; elements stay watched. onLeft runs in a JS callback, as
// NewVisibility's onVisible does.
func NewLeaving(root app.Value, margin string, onLeft func(key string)) *Visibility {
	v := &Visibility{}
	v.fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		entries := args[0]
		for i := 0; i < entries.Length(); i++ {
			e := entries.Index(i)
			if e.Get("isIntersecting").Bool() {
				continue
			}
			onLeft(e.Get("target").Call("getAttribute", "data-lazy").String())
		}
		return nil
	})
	v.obs = newObserver(v.fn, root, margin)
	return v
}

func newObserver(fn app.Func, root app.Value, margin string) app.Value {
	opts := map[string]any{"rootMargin": margin}
	if root != nil && root.Truthy() {
		opts["root"] = root
	}
	return app.Window().Get("IntersectionObserver").New(fn, opts)
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
	v.obs = newObserver(v.fn, root, margin)
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
