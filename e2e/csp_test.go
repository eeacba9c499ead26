package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// policy is the Content-Security-Policy the bundle must carry, as the issue
// of hostile input states it.
var policyParts = []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'self'"}

// TestContentSecurityPolicy checks that the bundle's page carries a policy
// that keeps scripts to the bundle's files (no inline script, no eval, but
// WebAssembly), that the service worker puts it on every response it
// answers, and that the app itself runs under it without one violation.
func TestContentSecurityPolicy(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("index.html has no Content-Security-Policy meta element")
	}
	meta := strings.ReplaceAll(string(m[1]), "&#39;", "'")
	for _, p := range policyParts {
		if !strings.Contains(meta, p) {
			t.Errorf("the policy %q lacks %q", meta, p)
		}
	}
	if strings.Contains(meta, "'unsafe-inline'") && strings.Contains(strings.Split(strings.Split(meta, "script-src")[1], ";")[0], "unsafe-inline") {
		t.Errorf("the policy allows inline scripts: %q", meta)
	}
	if i, j := strings.Index(string(page), "Content-Security-Policy"), strings.Index(string(page), "<script"); i < 0 || i > j {
		t.Errorf("the policy comes after the first script")
	}

	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	beforeScripts(t, ctx, `window.__violations = []; addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI))`)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 6`)
	waitJS(t, ctx, "the first document", `!!document.querySelector('[data-testid=document]')`)
	waitJS(t, ctx, "the service worker", `!!navigator.serviceWorker.controller`)
	// A document is opened again on load only once it was drawn whole.
	waitJS(t, ctx, "the document drawn", `localStorage.getItem('raqim.opening') === null`)
	run(t, ctx, "reload under the service worker", chromedp.Reload())
	waitJS(t, ctx, "the first document again", `!!document.querySelector('[data-testid=document]')`)
	// The app's own work, under the policy: label, import in the worker, export.
	labelWord(t, ctx, 0, 5, "1", 1)
	give(t, ctx, writeDocs(t, t.TempDir(), "csp.jsonl", "csp"))
	waitJS(t, ctx, "the import", listed("csp"))
	var violations []string
	eval(t, ctx, `__violations`, &violations)
	if len(violations) > 0 {
		t.Errorf("the app broke its own policy: %v", violations)
	}

	// Every response the service worker answers carries the policy: those
	// it stored, and one it stored that is gone from its cache since (it
	// fetches that one again).
	eval(t, ctx, `caches.keys().then((ks) => Promise.all(ks.map((k) => caches.open(k).then((c) => c.delete('/web/icon.svg'))))).then(() => true)`, nil)
	for _, u := range []string{"/", "/web/raqim.css", "/web/app.wasm", "/web/worker.js", "/app.js", "/web/icon.svg"} {
		var got string
		eval(t, ctx, js(`fetch(%q).then(r => r.headers.get('content-security-policy') || '')`, u), &got)
		if got != meta {
			t.Errorf("%s answered with policy %q, want %q", u, got, meta)
		}
	}
	// Inline script, inline handlers and code from strings are refused.
	// (Code the test itself evaluates through the DevTools protocol is not
	// subject to the page's policy, so each runs from the page's own tasks.)
	eval(t, ctx, `(() => {
		__violations.length = 0;
		const s = document.createElement('script'); s.textContent = 'window.__inline = true'; document.body.append(s);
		const b = document.createElement('button'); b.setAttribute('onclick', 'window.__handler = true'); document.body.append(b); b.click();
		setTimeout('window.__timer = true', 0);
		return true;
	})()`, nil)
	waitJS(t, ctx, "the violations reported", `__violations.length >= 3`)
	var ran []bool
	eval(t, ctx, `[!!window.__inline, !!window.__handler, !!window.__timer]`, &ran)
	for i, what := range []string{"an inline script", "an inline event handler", "a timer given as a string"} {
		if ran[i] {
			t.Errorf("%s ran", what)
		}
	}
}
