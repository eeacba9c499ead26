//go:build wasm

package main

// generate does nothing in the browser: app.RunWhenOnBrowser never returns.
func generate() {}
