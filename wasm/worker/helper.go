//go:build wasm

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"

	"github.com/raqim/raqim/app/webapi"
	"github.com/raqim/raqim/internal/agreement"
	"github.com/raqim/raqim/internal/job"
)

// A helper is a second worker that a large agreement or score starts as
// it begins to read the layers, so that once they are read and measured,
// half of the bootstrap runs on another core (agreement.Options.Share).
type helper struct {
	w     js.Value
	up    bool // it said it was ready
	done  chan shareResult
	funcs []js.Func
}

type shareResult struct {
	figs []byte
	err  error
}

// startHelper starts a helper worker, or returns nil when the browser
// refuses; it is of use once it said it was ready, which its message does
// while this worker waits for storage.
func startHelper() (h *helper) {
	defer func() {
		if recover() != nil {
			h = nil // refused (a policy, a browser without nested workers): none
		}
	}()
	h = &helper{done: make(chan shareResult, 1)}
	h.w = js.Global().Get("Worker").New("worker.js") // beside this one's script
	finish := func(r shareResult) {
		select {
		case h.done <- r:
		default:
		}
	}
	onMessage := js.FuncOf(func(this js.Value, args []js.Value) any {
		m := args[0].Get("data")
		switch m.Get("type").String() {
		case "ready":
			h.up = true
			webapi.WhenGone(m.Get("lock"), func() { finish(shareResult{err: errors.New("the helper worker stopped")}) })
		case "done":
			var r job.Reply
			err := json.Unmarshal([]byte(m.Get("reply").String()), &r)
			if err == nil && r.Error != "" {
				err = errors.New(r.Error)
			}
			if err != nil {
				finish(shareResult{err: fmt.Errorf("the helper worker failed: %v", err)})
				return nil
			}
			file := m.Get("file")
			b := make([]byte, file.Get("length").Int())
			js.CopyBytesToGo(b, file)
			finish(shareResult{figs: b})
		case "fatal":
			finish(shareResult{err: fmt.Errorf("the helper worker failed: %s", m.Get("error").String())})
		}
		return nil
	})
	onError := js.FuncOf(func(this js.Value, args []js.Value) any {
		args[0].Call("preventDefault")
		finish(shareResult{err: errors.New("the helper worker could not start")})
		return nil
	})
	h.funcs = append(h.funcs, onMessage, onError)
	h.w.Set("onmessage", onMessage)
	h.w.Set("onerror", onError)
	return h
}

// share hands share to the helper when it is ready; see
// agreement.Options.Share.
func (h *helper) share(share []byte) (func() ([]byte, error), bool) {
	if h == nil || !h.up {
		return nil, false // computed here rather than waited for
	}
	u8 := js.Global().Get("Uint8Array").New(len(share))
	js.CopyBytesToJS(u8, share)
	req, _ := json.Marshal(job.Request{Op: job.Share})
	h.w.Call("postMessage", map[string]any{"request": string(req), "files": []any{u8}}, []any{u8.Get("buffer")})
	return func() ([]byte, error) {
		r := <-h.done
		return r.figs, r.err
	}, true
}

// stop ends the helper.
func (h *helper) stop() {
	if h == nil {
		return
	}
	h.w.Call("terminate")
	for _, f := range h.funcs {
		f.Release()
	}
}

// computeShare answers a Share request: the share is the one file, bytes.
func computeShare(files js.Value) {
	if files.Length() != 1 {
		reply(job.Reply{Error: "a share comes as one file"}, js.Undefined())
		return
	}
	in := make([]byte, files.Index(0).Get("length").Int())
	js.CopyBytesToGo(in, files.Index(0))
	figs, err := agreement.ComputeShare(in)
	if err != nil {
		reply(job.Reply{Error: err.Error()}, js.Undefined())
		return
	}
	out := js.Global().Get("Uint8Array").New(len(figs))
	js.CopyBytesToJS(out, figs)
	reply(job.Reply{}, out)
}
