//go:build wasm

package webapi

import "syscall/js"

// WhenGone calls gone, in a JS callback, once the holder of the Web Lock
// name (a worker, for its whole life) is gone; without Web Locks, never.
func WhenGone(name js.Value, gone func()) {
	locks := js.Global().Get("navigator").Get("locks")
	if !locks.Truthy() || name.Type() != js.TypeString {
		return
	}
	var granted js.Func
	granted = js.FuncOf(func(this js.Value, args []js.Value) any {
		granted.Release()
		gone()
		return nil
	})
	locks.Call("request", name, granted)
}
