//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"os"
)

// tune does nothing natively.
func tune() {}

// native runs the bundle generator, the local server or the suggest verb.
// It is left out of the browser build, which is smaller without net/http's
// server side.
func native() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "bundle":
		fs := flag.NewFlagSet("bundle", flag.ExitOnError)
		out := fs.String("o", "dist", "output `directory`")
		base := fs.String("base", os.Getenv("RAQIM_BASE"), "URL `path` the site is served under, such as /raqim (default: the site root)")
		web := fs.String("web", "web", "`directory` of static assets, with app.wasm built into it")
		fs.Parse(args)
		err = bundle(*out, *web, *base)
	case "serve":
		fs := flag.NewFlagSet("serve", flag.ExitOnError)
		dir := fs.String("dir", "dist", "bundle `directory` to serve")
		addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on")
		base := fs.String("base", os.Getenv("RAQIM_BASE"), "URL `path` to serve the bundle under")
		fs.Parse(args)
		err = serve(*dir, *addr, *base)
	case "agree":
		os.Exit(runAgree(args, os.Stdout, os.Stderr))
	case "score":
		os.Exit(runScore(args, os.Stdout, os.Stderr))
	case "suggest":
		os.Exit(suggestMain(args, os.Stdout, os.Stderr))
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "raqim:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: raqim bundle -o DIR [-base PATH] | raqim serve -dir DIR [-addr HOST:PORT] [-base PATH]")
	fmt.Fprintln(os.Stderr, "       raqim agree A.jsonl B.jsonl [C.jsonl ...] [-json] | raqim score GOLD.jsonl PRED.jsonl [-json]")
	fmt.Fprintln(os.Stderr, "       "+suggestUsage)
	os.Exit(2)
}
