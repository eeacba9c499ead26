//go:build !wasm

package main

import (
	"fmt"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// generate writes the static site to the folder given as the argument.
func generate() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hello <site folder>")
		os.Exit(2)
	}
	if err := app.GenerateStaticWebsite(os.Args[1], &app.Handler{Name: "hello", Title: "hello"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
