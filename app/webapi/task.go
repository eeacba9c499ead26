//go:build wasm

package webapi

import (
	"fmt"
	"syscall/js"
	"time"
)

// Await blocks until the JS promise p settles, and returns its value or its
// rejection as an error.
func Await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	fail := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- result{err: fmt.Errorf("%s", args[0].Call("toString").String())}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	p.Call("then", ok, fail)
	r := <-ch
	return r.v, r.err
}

// Called blocks until the browser calls the function that schedule hands
// to it.
func Called(schedule func(fn js.Func)) {
	done := make(chan struct{}, 1)
	var fn js.Func
	fn = js.FuncOf(func(this js.Value, args []js.Value) any {
		fn.Release()
		done <- struct{}{}
		return nil
	})
	schedule(fn)
	<-done
}

// Yield blocks until the browser has run a task of its own: the current task
// ends (a time.Sleep may not end it, since the Go scheduler can resume the
// sleeper before handing control back to the page).
func Yield() {
	Called(func(fn js.Func) { js.Global().Call("setTimeout", fn, 0) })
}

// Yielder hands the page back to the browser during long work off the UI
// goroutine: Maybe pauses for a moment once Budget has passed since the
// last pause, so that no stretch of work blocks the page for longer.
type Yielder struct {
	Budget time.Duration
	last   time.Time
}

// Maybe pauses if the budget is spent, and reports whether it did.
func (y *Yielder) Maybe() bool {
	if y.last.IsZero() {
		y.last = time.Now()
		return false
	}
	if time.Since(y.last) < y.Budget {
		return false
	}
	Yield()
	y.last = time.Now()
	return true
}
