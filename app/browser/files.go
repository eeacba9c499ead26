// Package browser wraps, for the page, the browser APIs that go-app does
// not (downloads, files, selections, frames, the background worker) behind
// small Go types; those the background worker uses too live in package
// webapi. Calls that wait for the browser block their goroutine: call them
// from ctx.Async, never from an event handler or a JS callback.
package browser

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Download offers data to the user as a file download.
func Download(name, mime string, data []byte) {
	w := app.Window()
	u8 := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(u8, data)
	DownloadBlob(name, w.Get("Blob").New([]any{u8}, map[string]any{"type": mime}))
}

// DownloadBlob offers a Blob to the user as a file download, without
// copying it.
func DownloadBlob(name string, blob app.Value) {
	w := app.Window()
	url := w.Get("URL").Call("createObjectURL", blob)
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	body := w.Get("document").Get("body")
	body.Call("appendChild", a)
	a.Call("click")
	body.Call("removeChild", a)
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	w.Call("setTimeout", revoke, 1000)
}

// AfterPaint blocks until the browser has drawn the next frame, so that work
// queued behind a change does not delay its display.
func AfterPaint() {
	done := make(chan struct{}, 1)
	AfterPaintDo(func() { done <- struct{}{} })
	<-done
}

// AfterPaintDo runs f (in a JS callback: it must not block) once the
// browser has drawn the next frame, or after 100 ms when it draws none (a
// hidden tab draws no frames, and an edit made as the user left the tab
// must still be stored).
func AfterPaintDo(f func()) {
	done := false
	run := func() {
		if !done {
			done = true
			f()
		}
	}
	// Each callback releases itself when called: the frame may come after
	// the timer, or never.
	var raf, timeout, late app.Func
	timeout = app.FuncOf(func(this app.Value, args []app.Value) any { timeout.Release(); run(); return nil })
	raf = app.FuncOf(func(this app.Value, args []app.Value) any {
		raf.Release()
		background(timeout)
		return nil
	})
	late = app.FuncOf(func(this app.Value, args []app.Value) any { late.Release(); run(); return nil })
	w := app.Window()
	w.Call("requestAnimationFrame", raf)
	w.Call("setTimeout", late, 100)
}

// background runs fn as a task of background priority where the browser
// has a task scheduler, so that tasks queued for the same frame go first.
func background(fn app.Func) {
	w := app.Window()
	if sch := w.Get("scheduler"); sch.Truthy() && sch.Get("postTask").Truthy() {
		sch.Call("postTask", fn, map[string]any{"priority": "background"})
		return
	}
	w.Call("setTimeout", fn, 0)
}

// NewFile returns a File of the given name holding data, to hand over like
// one the user picked.
func NewFile(name, mime string, data []byte) app.Value {
	w := app.Window()
	u8 := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(u8, data)
	return w.Get("File").New([]any{u8}, name, map[string]any{"type": mime})
}

// SameSite resolves a URL given to the page as the browser resolves it
// (against the page's own URL) and returns it when it is of the page's
// origin: a string that Go's parser reads as a path may name another host
// for the browser ("/\host/x", "https:host/x").
func SameSite(raw string) (href string, ok bool) {
	defer func() {
		if recover() != nil { // not a URL: new URL throws
			href, ok = "", false
		}
	}()
	w := app.Window()
	u := w.Get("URL").New(raw, w.Get("location").Get("href"))
	if u.Get("origin").String() != w.Get("location").Get("origin").String() {
		return "", false
	}
	return u.Get("href").String(), true
}

// DropQuery takes the query parameter name out of the page's address,
// without a navigation or a history entry: a reload then does not act on
// it again.
func DropQuery(name string) {
	w := app.Window()
	u := w.Get("URL").New(w.Get("location").Get("href"))
	if !u.Get("searchParams").Call("has", name).Bool() {
		return
	}
	u.Get("searchParams").Call("delete", name)
	w.Get("history").Call("replaceState", w.Get("history").Get("state"), "", u.Get("href"))
}
