//go:build wasm

package browser

import (
	"github.com/raqim/raqim/internal/locale"
	"syscall/js"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/webapi"
)

// WhenIdle blocks until the browser has a moment with nothing to do, or
// until max has passed.
func WhenIdle(max time.Duration) {
	w := js.Global()
	if !w.Get("requestIdleCallback").Truthy() {
		AfterPaint()
		return
	}
	webapi.Called(func(fn js.Func) { w.Call("requestIdleCallback", fn, map[string]any{"timeout": max.Milliseconds()}) })
}

// watch calls gone once the worker holding the Web Lock name is gone (see
// webapi.WhenGone).
func watch(name app.Value, gone func()) { webapi.WhenGone(jsValue(name), gone) }

// Yield blocks until the browser has run a task of its own (see
// webapi.Yield).
func Yield() { webapi.Yield() }

// ReadBlob reads a Blob, File or Response as bytes (see webapi.ReadBlob).
// It blocks.
func ReadBlob(blob app.Value) ([]byte, error) { return webapi.ReadBlob(jsValue(blob)) }

// jsValue returns v as a syscall/js value, for package webapi: go-app
// hands its values to JS functions as such, so one made in Go receives it.
func jsValue(v app.Value) js.Value {
	var out js.Value
	f := js.FuncOf(func(this js.Value, args []js.Value) any {
		out = args[0]
		return nil
	})
	defer f.Release()
	app.ValueOf(f).Invoke(v) // a call from Go runs f on this goroutine, at once
	return out
}

// FetchBlob fetches a same-origin URL as a Blob, which the browser holds
// (outside the Go heap). It blocks.
func FetchBlob(url string) (app.Value, error) {
	var fetched js.Value
	// web/early.js fetched the page's ?open= file as the page loaded.
	if early := js.Global().Get("raqimOpen"); early.Truthy() && early.Get("href").String() == url {
		js.Global().Delete("raqimOpen")
		fetched = early.Get("response")
	} else {
		fetched = js.Global().Call("fetch", url)
	}
	resp, err := webapi.Await(fetched)
	if err != nil {
		return nil, locale.Errorf("fetching %s: %v", url, err)
	}
	if !resp.Get("ok").Bool() {
		return nil, locale.Errorf("fetching %s: %d %s", url, resp.Get("status").Int(), resp.Get("statusText").String())
	}
	blob, err := webapi.Await(resp.Call("blob"))
	if err != nil {
		return nil, locale.Errorf("reading %s: %v", url, err)
	}
	return app.ValueOf(blob), nil
}
