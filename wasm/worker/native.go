//go:build !wasm

// Command worker is raqim's background worker; it runs only in the browser,
// built with GOOS=js GOARCH=wasm (make bundle does).
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "worker: build with GOOS=js GOARCH=wasm; it runs in a Web Worker")
	os.Exit(2)
}
