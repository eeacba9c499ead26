//go:build !wasm

package main

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// serve serves a bundle directory as any static server would, sending the
// gzip copy of a file where the client accepts it.
func serve(dir, addr, base string) error {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return fmt.Errorf("serve: %s holds no bundle (run make bundle)", dir)
	}
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
	var h http.Handler = staticHandler(dir)
	prefix := "/"
	if base = strings.Trim(base, "/"); base != "" {
		prefix = "/" + base + "/"
		h = http.StripPrefix("/"+base, h)
	}
	mux := http.NewServeMux()
	mux.Handle(prefix, h)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("raqim: serving %s at http://%s%s\n", dir, ln.Addr(), prefix)
	return http.Serve(ln, mux)
}

func staticHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Security-Policy", csp)
		if strings.HasSuffix(r.URL.Path, ".wasm") && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			gz := filepath.Join(dir, filepath.FromSlash(r.URL.Path)+".gz")
			if _, err := os.Stat(gz); err == nil {
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Set("Content-Type", "application/wasm")
				w.Header().Set("Vary", "Accept-Encoding")
				http.ServeFile(w, r, gz)
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}
