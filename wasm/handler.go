//go:build !wasm

package main

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// csp is the page's Content-Security-Policy: everything from the site
// itself, scripts only from the bundle's files ('wasm-unsafe-eval' lets
// them compile WebAssembly), no inline script, no plug-ins, no other base
// URL. Inline styles are allowed: go-app sets style attributes.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; object-src 'none'; base-uri 'self'; form-action 'self'"

// handler describes the app's page for go-app: every resource is local, so
// the site works offline and no request leaves the origin.
func handler(version, base string) *app.Handler {
	h := &app.Handler{
		Name:            "raqim",
		ShortName:       "raqim",
		Title:           "raqim · رقيم — Arabic span annotator",
		Description:     "Annotate Arabic text in the browser: actors, places, dates, casualties.",
		Lang:            "en",
		BackgroundColor: "#fbfaf7",
		ThemeColor:      "#2f3e46",
		LoadingLabel:    "raqim · رقيم", // no progress: app.wasm streams straight to the compiler (appJSPatches)
		Icon: app.Icon{
			Default: "/web/icon.png",
			Large:   "/web/icon-512.png",
			SVG:     "/web/icon.svg",
		},
		Styles:  []string{"/web/raqim.css"},
		Scripts: []string{"/web/early.js defer"}, // files given before the app runs
		Fonts:   []string{"/web/fonts/NotoNaskhArabic-Regular.woff2"},
		CacheableResources: []string{
			"/web/fonts/NotoNaskhArabic-Bold.woff2",
			"/web/icon.svg",
			"/web/worker.js", // the background worker, for imports and exports offline
			"/web/worker.wasm",
		},
		Version:               version,
		ServiceWorkerTemplate: workerJS,
	}
	shell := "/"
	if base = strings.Trim(base, "/"); base != "" {
		h.Resources = app.PrefixedLocation("/" + base)
		shell = "/" + base + "/"
	}
	h.ServiceWorkerTemplate = strings.NewReplacer("{{.Shell}}", shell, "{{.CSP}}", csp).Replace(workerJS)
	return h
}
