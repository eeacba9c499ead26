package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// coldSteps are the steps of a cold load that BenchmarkBrowserColdLoad
// reports, each in ms since navigation start: the page's own timings, then
// the app's performance marks (browser.Mark) in the order a ?open= load
// passes them.
var coldSteps = []struct{ name, what string }{
	{"html", "index.html received"},
	{"dcl", "DOMContentLoaded"},
	{"wasm-start", "app.wasm requested"},
	{"wasm-end", "app.wasm received"},
	{"raqim:snapshot", "the last view's snapshot put in (web/early.js)"},
	{"raqim:main", "Go main (compiled, runtime and package init run)"},
	{"raqim:mounted", "the shell mounted"},
	{"raqim:storage-open", "IndexedDB open"},
	{"raqim:listed", "the corpus listed"},
	{"raqim:fetched", "the ?open= file fetched"},
	{"raqim:decoded", "the file decoded"},
	{"raqim:read", "the document read from storage"},
	{"raqim:handed", "the document handed to the view"},
	{"raqim:shown", "the document painted (the app's mark)"},
}

// coldStepsJS reads coldSteps' timings in the page: the first mark of each
// name, or -1.
const coldStepsJS = `(() => {
	const nav = performance.getEntriesByType('navigation')[0];
	const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/web/app.wasm'));
	const out = {html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd,
		'wasm-start': wasm ? wasm.startTime : -1, 'wasm-end': wasm ? wasm.responseEnd : -1};
	for (const m of performance.getEntriesByType('mark')) {
		if (m.name.startsWith('raqim:') && !(m.name in out)) out[m.name] = m.startTime;
	}
	return out;
})()`

// paintedJS resolves, in ms since navigation start, after the frame that
// follows the first moment cond holds.
const paintedJS = `new Promise((resolve, reject) => {
	const t0 = performance.now();
	const poll = () => {
		if (%s) return requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
		if (performance.now() - t0 > 60000) return reject(new Error('timeout'));
		requestAnimationFrame(poll);
	};
	poll();
})`

type coldRep struct {
	cold, later, restart            float64
	steps, laterSteps, restartSteps map[string]float64
	swControls, swAfterRestart      bool
}

// BenchmarkBrowserColdLoad times cold loads (a fresh profile, navigation
// start → the first render painted), later visits (the same browser, the
// service worker in control) and visits after the browser has restarted on
// the same profile, of the go-app hello world (testdata/hello, its
// site generated and built with the app's toolchain and flags) and of the
// app opening the peer benchmark's 3k / 50 and 150k / 5,000 documents with
// ?open=; the three pages alternate in each repetition. The app's cold
// loads are broken down by its performance marks. The targets are: the
// app's cold load of 3k ≤ 1.25× the hello world's, and its later visits ≤
// 1.25× the hello world's.
func BenchmarkBrowserColdLoad(b *testing.B) {
	var out report
	defer out.flush(b)
	probe := probeScript(b)
	hello := helloSite(b)
	helloSrv := serveDir(b, hello, "/", "")

	type page struct {
		name  string
		n     int // spans; 0 for the hello world
		srv   *server
		file  string
		reps  []coldRep
		label string
	}
	pages := []*page{{name: "hello", srv: helloSrv, label: "go-app hello world"}}
	// RAQIM_COLD_COMPARE=label=folder adds another bundle's pages, run
	// beside this one's in each repetition (an earlier commit's, a change
	// tried out).
	bundles := [][2]string{{"", dist}}
	if v := os.Getenv("RAQIM_COLD_COMPARE"); v != "" {
		label, dir, ok := strings.Cut(v, "=")
		if !ok {
			b.Fatalf("RAQIM_COLD_COMPARE=%s: want label=folder", v)
		}
		bundles = append(bundles, [2]string{label + " ", dir})
	}
	for _, cs := range []struct{ size, n int }{{3000, 50}, {150000, 5000}} {
		name := fmt.Sprintf("%dk-%d", cs.size/1000, cs.n)
		c := makeCase(b, cs.size, cs.n)
		file := "case-" + name
		data := writeCase(b, c, file)
		for _, bu := range bundles {
			srv := serveMounts(b, bu[1], "/", "", map[string]string{"/data/": data})
			pages = append(pages, &page{name: bu[0] + name, n: cs.n, srv: srv, file: file, label: "raqim " + bu[0] + name})
		}
	}
	for rep := range benchReps {
		for _, p := range pages {
			var r coldRep
			if p.n == 0 {
				r = helloRepetition(b, p.srv)
			} else {
				r = appColdRepetition(b, p.srv, probe, p.file, p.n)
			}
			b.Logf("rep %d, %s: cold %.0f ms, later %.0f ms, after a restart %.0f ms (service worker in control: %v, %v)", rep+1, p.name, r.cold, r.later, r.restart, r.swControls, r.swAfterRestart)
			p.reps = append(p.reps, r)
		}
	}

	col := func(p *page, f func(coldRep) float64) spread {
		var xs []float64
		for _, r := range p.reps {
			xs = append(xs, f(r))
		}
		return spreadOf(xs)
	}
	cold := func(r coldRep) float64 { return r.cold }
	later := func(r coldRep) float64 { return r.later }
	out.add("BenchmarkBrowserColdLoad: %d reps, the pages alternating; ms from navigation start, median min max", benchReps)
	restart := func(r coldRep) float64 { return r.restart }
	out.add("%-20s | %-22s | %-22s | %-22s", "page", "cold load (fresh profile)", "later visit (service worker)", "after a browser restart")
	for _, p := range pages {
		sw := 0
		for _, r := range p.reps {
			if r.swControls && r.swAfterRestart {
				sw++
			}
		}
		out.add("%-20s | %-22s | %-22s | %-22s   (the service worker in control in %d/%d reps)", p.label, col(p, cold).ms(), col(p, later).ms(), col(p, restart).ms(), sw, len(p.reps))
	}
	h := pages[0]
	for _, p := range pages[1:] {
		rc := col(p, cold).med / col(h, cold).med
		rl := col(p, later).med / col(h, later).med
		rr := col(p, restart).med / col(h, restart).med
		out.add("ratio raqim %s / hello world: cold %.2f, later visit %.2f, after a restart %.2f (targets for 3k: ≤ 1.25 each)", p.name, rc, rl, rr)
		unit := strings.ReplaceAll(p.name, " ", "-")
		b.ReportMetric(col(p, cold).med, unit+"-cold-ms")
		b.ReportMetric(col(p, later).med, unit+"-later-ms")
		b.ReportMetric(rc, unit+"-cold-ratio")
		b.ReportMetric(rl, unit+"-later-ratio")
		b.ReportMetric(col(p, restart).med, unit+"-restart-ms")
	}
	b.ReportMetric(col(h, cold).med, "hello-cold-ms")
	b.ReportMetric(col(h, later).med, "hello-later-ms")
	for _, visit := range []struct {
		what  string
		steps func(coldRep) map[string]float64
		total func(coldRep) float64
	}{
		{"cold load", func(r coldRep) map[string]float64 { return r.steps }, cold},
		{"later visit", func(r coldRep) map[string]float64 { return r.laterSteps }, later},
		{"visit after a browser restart", func(r coldRep) map[string]float64 { return r.restartSteps }, restart},
	} {
		out.add("the %s step by step, ms since navigation start (median; - when a step did not happen):", visit.what)
		head := fmt.Sprintf("%-52s", "step")
		for _, p := range pages {
			head += fmt.Sprintf(" | %10s", strings.ReplaceAll(p.name, "-", " "))
		}
		out.add("%s", head)
		for _, s := range coldSteps {
			line := fmt.Sprintf("%-52s", s.what)
			for _, p := range pages {
				var xs []float64
				for _, r := range p.reps {
					if v, ok := visit.steps(r)[s.name]; ok && v >= 0 {
						xs = append(xs, v)
					}
				}
				if len(xs) == 0 {
					line += fmt.Sprintf(" | %10s", "-")
					continue
				}
				line += fmt.Sprintf(" | %10.0f", spreadOf(xs).med)
			}
			out.add("%s", line)
		}
		line := fmt.Sprintf("%-52s", "first render painted (the measure above)")
		for _, p := range pages {
			line += fmt.Sprintf(" | %10.0f", col(p, visit.total).med)
		}
		out.add("%s", line)
	}
	for range b.N { // the repetitions above are the measurement
	}
}

// helloSite generates the hello world's static site and builds its
// app.wasm as make bundle builds the app's.
func helloSite(b *testing.B) string {
	b.Helper()
	site := filepath.Join(b.TempDir(), "hello")
	gobin, err := exec.LookPath("go")
	if err != nil {
		b.Fatalf("the go command is needed: %v", err)
	}
	for _, c := range []struct {
		env  []string
		args []string
	}{
		{nil, []string{"run", "./e2e/testdata/hello", site}},
		{[]string{"GOOS=js", "GOARCH=wasm"}, []string{"build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(site, "web", "app.wasm"), "./e2e/testdata/hello"}},
	} {
		cmd := exec.Command(gobin, c.args...)
		cmd.Dir = ".."
		cmd.Env = append(os.Environ(), c.env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("the hello world's site: go %v: %v\n%s", c.args, err, out)
		}
	}
	return site
}

// helloRepetition loads the hello world in a fresh profile, again once its
// service worker is ready, and again after a browser restart.
func helloRepetition(b *testing.B, srv *server) coldRep {
	b.Helper()
	var r coldRep
	drawn := js(paintedJS, `document.querySelector('h1[data-client]')`)
	visits(b, "", func(ctx context.Context) {
		run(b, ctx, "open the hello world", chromedp.Navigate(srv.URL))
		evalFor(b, ctx, 90*time.Second, "the hello world drawn", drawn, &r.cold)
		eval(b, ctx, coldStepsJS, &r.steps)
		evalFor(b, ctx, 30*time.Second, "the service worker", `navigator.serviceWorker.ready.then(() => true)`, nil)
		laterVisit(b, ctx, srv.URL)
		evalFor(b, ctx, 90*time.Second, "the hello world drawn again", drawn, &r.later)
		eval(b, ctx, coldStepsJS, &r.laterSteps)
		eval(b, ctx, `!!navigator.serviceWorker.controller`, &r.swControls)
	}, func(ctx context.Context) {
		run(b, ctx, "open the hello world after a restart", chromedp.Navigate(srv.URL))
		evalFor(b, ctx, 90*time.Second, "the hello world drawn after a restart", drawn, &r.restart)
		eval(b, ctx, coldStepsJS, &r.restartSteps)
		eval(b, ctx, `!!navigator.serviceWorker.controller`, &r.swAfterRestart)
	})
	return r
}

// appColdRepetition opens the app with ?open= of a case in a fresh profile,
// then visits it again (no ?open=: the document from storage) once the
// service worker is ready, and again after a browser restart.
func appColdRepetition(b *testing.B, srv *server, probe, file string, n int) coldRep {
	b.Helper()
	var r coldRep
	var ready struct{ TPaint float64 }
	shown := js(paintedJS, `performance.getEntriesByName('raqim:shown').length > 0`)
	visits(b, probe, func(ctx context.Context) {
		run(b, ctx, "open", chromedp.Navigate(srv.URL+"?open=%2Fdata%2F"+file+".jsonl"))
		evalFor(b, ctx, 180*time.Second, "the document's spans", js(`__peerbench.waitFor(%d, 175000)`, n), &ready)
		r.cold = ready.TPaint
		evalFor(b, ctx, 30*time.Second, "the document's painted mark", shown, nil)
		eval(b, ctx, coldStepsJS, &r.steps)
		benchWaitSaved(b, ctx, 120*time.Second)
		evalFor(b, ctx, 30*time.Second, "the service worker", `navigator.serviceWorker.ready.then(() => true)`, nil)
		laterVisit(b, ctx, srv.URL)
		evalFor(b, ctx, 180*time.Second, "the document again", js(`__peerbench.waitFor(%d, 175000)`, n), &ready)
		r.later = ready.TPaint
		evalFor(b, ctx, 30*time.Second, "the document's painted mark", shown, nil)
		eval(b, ctx, coldStepsJS, &r.laterSteps)
		eval(b, ctx, `!!navigator.serviceWorker.controller`, &r.swControls)
	}, func(ctx context.Context) {
		run(b, ctx, "open after a restart", chromedp.Navigate(srv.URL))
		evalFor(b, ctx, 180*time.Second, "the document after a restart", js(`__peerbench.waitFor(%d, 175000)`, n), &ready)
		r.restart = ready.TPaint
		evalFor(b, ctx, 30*time.Second, "the document's painted mark", shown, nil)
		eval(b, ctx, coldStepsJS, &r.restartSteps)
		eval(b, ctx, `!!navigator.serviceWorker.controller`, &r.swAfterRestart)
	})
	return r
}

// visits runs first in a browser with a fresh profile, closes it, and runs
// then in another browser started on the same profile: a visit after the
// browser has restarted, with nothing of the page in memory. probe, when
// given, runs in every page before its own scripts.
func visits(b *testing.B, probe string, first, then func(context.Context)) {
	b.Helper()
	profile, err := os.MkdirTemp("", "raqim-cold-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(profile)
	for _, f := range []func(context.Context){first, then} {
		func() {
			rt := &repTB{TB: b}
			defer rt.done() // Chromium exits, its profile written
			ctx, _ := newBrowser(rt, chromedp.UserDataDir(profile))
			if probe != "" {
				newDocScript(b, ctx, probe)
			}
			time.Sleep(500 * time.Millisecond) // let the browser's start-up work finish
			f(ctx)
		}()
	}
}

// laterVisit navigates to url once the page has settled.
func laterVisit(b *testing.B, ctx context.Context, url string) {
	b.Helper()
	evalFor(b, ctx, 60*time.Second, "an idle page", `new Promise((r) => requestIdleCallback(() => r(true), {timeout: 5000}))`, nil)
	run(b, ctx, "visit again", chromedp.Navigate(url))
}
