package e2e

// Browser benchmarks: the app in headless Chromium, as a user meets it.
//
//	go test -run '^$' -bench BenchmarkBrowser -benchtime 1x -timeout 60m -v ./e2e/
//
// Each benchmark does its own 5 repetitions the first time it is called
// (b.N is only there for the framework), prints a table (median, min and
// max) and reports the medians with b.ReportMetric. Times are in ms, from
// the page's own clock (performance.now(): navigation start, or the
// user's click or key), ending one frame after the DOM shows the result
// (the shared peer benchmark's probe: requestAnimationFrame + setTimeout 0).

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/systeminfo"
	"github.com/chromedp/chromedp"
)

const benchReps = 5

// ---- helpers ---------------------------------------------------------------

// report collects a benchmark's table; flush prints it once to stdout (seen
// with or without -v) and once to the benchmark's log.
type report struct{ lines []string }

func (r *report) add(format string, args ...any) {
	r.lines = append(r.lines, fmt.Sprintf(format, args...))
}

func (r *report) flush(b *testing.B) {
	b.Helper()
	text := strings.Join(r.lines, "\n")
	fmt.Printf("\n%s\n\n", text)
	b.Log("\n" + text)
	r.lines = nil
}

// spread is the median, min and max of a measure over the repetitions.
type spread struct{ med, min, max float64 }

func spreadOf(xs []float64) spread {
	if len(xs) == 0 {
		return spread{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	med := s[m]
	if len(s)%2 == 0 {
		med = (s[m-1] + s[m]) / 2
	}
	return spread{med, s[0], s[len(s)-1]}
}

func (s spread) ms() string  { return fmt.Sprintf("%7.0f %6.0f %6.0f", s.med, s.min, s.max) }
func (s spread) ms1() string { return fmt.Sprintf("%7.1f %6.1f %6.1f", s.med, s.min, s.max) }
func (s spread) mb() string  { return fmt.Sprintf("%6.1f %5.1f %5.1f", s.med, s.min, s.max) }

// newDocScript runs JS in every page of ctx before the app's own scripts
// (beforeScripts for testing.TB).
func newDocScript(tb testing.TB, ctx context.Context, src string) {
	tb.Helper()
	run(tb, ctx, "installing a script", chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(src).Do(ctx)
		return err
	}))
}

// probeScript is the shared peer benchmark's probe, told to follow the
// app's test-id contract.
func probeScript(tb testing.TB) string {
	tb.Helper()
	probe, err := os.ReadFile(filepath.Join(shared, "bench", "peers", "harness", "probe.js"))
	if err != nil {
		tb.Fatalf("the shared peer benchmark's probe is needed: %v", err)
	}
	return "window.__peerbenchConfig = {kind: 'testid'};\n" + string(probe)
}

// evalFor is eval with its own deadline, for long waits.
func evalFor(tb testing.TB, ctx context.Context, d time.Duration, what, expr string, out any) {
	tb.Helper()
	c, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	if err := chromedp.Run(c, chromedp.Evaluate(expr, out, awaitPromise)); err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

// waitPage resolves, in the page, once cond is true (checked every 20 ms),
// with performance.now() at that moment.
func waitPage(tb testing.TB, ctx context.Context, d time.Duration, what, cond string) float64 {
	tb.Helper()
	var t float64
	evalFor(tb, ctx, d+5*time.Second, "waiting for "+what, js(`new Promise((resolve, reject) => {
		const t0 = performance.now();
		const poll = () => {
			if (%s) resolve(performance.now());
			else if (performance.now() - t0 > %d) reject(new Error('timed out'));
			else setTimeout(poll, 20);
		};
		poll();
	})`, cond, d.Milliseconds()), &t)
	return t
}

// wasmScript keeps, in every page, the app's WebAssembly instance (as
// window.__benchWasm) so that its linear memory can be measured.
const wasmScript = `(() => {
	const inst = WebAssembly.instantiateStreaming;
	if (inst) WebAssembly.instantiateStreaming = async function (...args) {
		const r = await inst.apply(this, args);
		window.__benchWasm = r.instance;
		return r;
	};
	const inst2 = WebAssembly.instantiate;
	WebAssembly.instantiate = async function (...args) {
		const r = await inst2.apply(this, args);
		if (r && r.instance) window.__benchWasm = r.instance;
		return r;
	};
})();`

// pageMem is the page's memory at a moment.
type pageMem struct {
	heapMB   float64 // JS heap used (CDP Performance.getMetrics JSHeapUsedSize); WebAssembly memory is outside it
	heapGCMB float64 // the same after a forced garbage collection
	nodes    float64 // DOM nodes, after the forced collection
	wasmMB   float64 // the Go program's linear memory (it never shrinks)
	rssMB    float64 // the page's renderer process: resident set
	pssMB    float64 // ... proportional set (shared pages divided)
	procs    string  // every renderer's RSS, MB (the page's marked *)
	pid      int64   // the page's renderer process
}

// rssPeaks is memPeaks' RSS peaks.
func rssPeaks(ctx context.Context) (stop func() map[int64]float64) {
	peaks := memPeaks(ctx)
	return func() map[int64]float64 {
		rss := make(map[int64]float64)
		for pid, m := range peaks() {
			rss[pid] = m.rss
		}
		return rss
	}
}

// memPeaks samples the memory of every renderer process (procMem) every
// 100 ms until stop, which returns each one's peaks, by pid.
func memPeaks(ctx context.Context) (stop func() map[int64]mem) {
	c := chromedp.FromContext(ctx)
	peaks := make(map[int64]mem)
	done, quit := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			procs, err := systeminfo.GetProcessInfo().Do(cdp.WithExecutor(ctx, c.Browser))
			if err == nil {
				for _, p := range procs {
					if p.Type == "renderer" {
						peaks[p.ID] = peaks[p.ID].peak(procMem(p.ID))
					}
				}
			}
			select {
			case <-quit:
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()
	return func() map[int64]mem {
		close(quit)
		<-done
		return peaks
	}
}

func metricsOf(ctx context.Context) (map[string]float64, error) {
	if err := performance.Enable().Do(ctx); err != nil {
		return nil, err
	}
	ms, err := performance.GetMetrics().Do(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]float64)
	for _, x := range ms {
		out[x.Name] = x.Value
	}
	return out, nil
}

// memory reads the page's metrics, the app's WebAssembly memory and its
// renderer's RSS/PSS (/proc/<pid>/smaps_rollup, pids from CDP
// SystemInfo.getProcessInfo), then forces a garbage collection and reads
// the JS heap and DOM nodes again.
func memory(tb testing.TB, ctx context.Context) pageMem {
	tb.Helper()
	var m pageMem
	run(tb, ctx, "reading metrics", chromedp.ActionFunc(func(ctx context.Context) error {
		ms, err := metricsOf(ctx)
		m.heapMB = ms["JSHeapUsedSize"] / (1 << 20)
		return err
	}))
	// The page's renderer is the one whose CPU time grows while the page
	// spins for 500 ms (CDP does not say which process hosts a page; the
	// largest one can be another: a closed tab's process kept alive for
	// the service worker, or one holding a back-forward-cached page).
	c := chromedp.FromContext(ctx)
	renderers := func() map[int64]float64 {
		var procs []*systeminfo.ProcessInfo
		run(tb, ctx, "listing Chromium's processes", chromedp.ActionFunc(func(context.Context) error {
			var err error
			procs, err = systeminfo.GetProcessInfo().Do(cdp.WithExecutor(ctx, c.Browser))
			return err
		}))
		cpu := make(map[int64]float64)
		for _, p := range procs {
			if p.Type == "renderer" {
				cpu[p.ID] = p.CPUTime
			}
		}
		return cpu
	}
	before := renderers()
	eval(tb, ctx, `(() => { const t = performance.now(); while (performance.now() - t < 500); return true; })()`, nil)
	after := renderers()
	var pid int64
	best := 0.0
	for id, t := range after {
		if d := t - before[id]; d > best {
			pid, best = id, d
		}
	}
	// On two busy cores the spin may get a fifth of a core; no other
	// renderer runs anything like it meanwhile.
	if best < 0.1 {
		tb.Fatalf("no renderer process ran the page's 500 ms of work (best %.0f ms of CPU)", best*1000)
	}
	m.pid = pid
	pm := procMem(pid)
	m.rssMB, m.pssMB = pm.rss, pm.pss
	for id := range after {
		rss := procMem(id).rss
		mark := ""
		if id == pid {
			mark = "*"
		}
		m.procs += fmt.Sprintf(" %d%s:%.0f", id, mark, rss)
	}
	if m.rssMB == 0 {
		tb.Fatalf("no memory figures for the renderer %d", pid)
	}
	var wasm float64
	eval(tb, ctx, `window.__benchWasm ? __benchWasm.exports.mem.buffer.byteLength : -1`, &wasm)
	if wasm < 0 {
		tb.Fatal("the app's WebAssembly instance was not seen")
	}
	m.wasmMB = wasm / (1 << 20)
	run(tb, ctx, "collecting garbage", chromedp.ActionFunc(func(ctx context.Context) error {
		if err := heapprofiler.CollectGarbage().Do(ctx); err != nil {
			return err
		}
		ms, err := metricsOf(ctx)
		m.heapGCMB, m.nodes = ms["JSHeapUsedSize"]/(1<<20), ms["Nodes"]
		return err
	}))
	return m
}

// procMem is a process's memory in MB: its resident set (RSS), its
// proportional set (PSS: shared pages divided among the processes mapping
// them) and its private footprint (PMF: resident pages not shared with a
// file or another process, /proc/<pid>/statm's resident minus shared, as
// Chromium computes the "Memory footprint" its task manager shows; there is
// no swap here). RSS counts about 130 MB of Chromium's own code, mapped in
// every process.
func procMem(pid int64) mem {
	var m mem
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return m
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "Rss:":
			m.rss = kb / 1024
		case "Pss:":
			m.pss = kb / 1024
		}
	}
	if b, err = os.ReadFile(fmt.Sprintf("/proc/%d/statm", pid)); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			res, _ := strconv.ParseFloat(f[1], 64)
			shared, _ := strconv.ParseFloat(f[2], 64)
			m.pmf = (res - shared) * float64(os.Getpagesize()) / (1 << 20)
		}
	}
	return m
}

// mem is a process's memory in MB (see procMem).
type mem struct{ rss, pss, pmf float64 }

func (m mem) String() string {
	return fmt.Sprintf("RSS %.0f MB (PSS %.0f, PMF %.0f)", m.rss, m.pss, m.pmf)
}

// peak is the larger of m and o, measure by measure.
func (m mem) peak(o mem) mem {
	return mem{max(m.rss, o.rss), max(m.pss, o.pss), max(m.pmf, o.pmf)}
}

// repTB scopes the cleanups of a repetition (newBrowser's: Chromium and its
// profile) to the repetition rather than the whole benchmark, so that only
// one browser runs at a time. Everything else goes to the benchmark's TB.
type repTB struct {
	testing.TB
	cleanups []func()
}

func (r *repTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

// done runs the cleanups, last first (deferred: also after a Fatal).
func (r *repTB) done() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
	r.cleanups = nil
}

// benchWaitSaved waits until the save state says every edit is stored.
func benchWaitSaved(tb testing.TB, ctx context.Context, d time.Duration) {
	tb.Helper()
	var res string
	evalFor(tb, ctx, d+10*time.Second, "the save state", js(`new Promise((resolve) => {
		const t0 = performance.now();
		const poll = () => {
			const el = document.querySelector('[data-testid=save-state]');
			if (el?.dataset.state === 'saved') return resolve('saved');
			if (performance.now() - t0 > %d) return resolve('timeout');
			setTimeout(poll, 20);
		};
		poll();
	})`, d.Milliseconds()), &res)
	if res == "saved" {
		return
	}
	var diag string
	eval(tb, ctx, `JSON.stringify({state: document.querySelector('[data-testid=save-state]')?.outerHTML,
		messages: [...document.querySelectorAll('[data-testid=message]')].map((m) => m.textContent),
		spans: document.querySelector('[data-testid=document]')?.dataset.spanCount, docs: document.querySelectorAll('[data-testid=doc]').length,
		errors: window.__peerbench && __peerbench.errors})`, &diag)
	screenshot(tb, ctx, "bench-not-saved")
	tb.Fatalf("the edits were not saved within %v: %s", d, diag)
}

// ---- 1. one document: load, add, reopen, switch ------------------------------

type docRep struct {
	load, add, reopen, switchMs float64
	addDom                      float64 // keydown → the count set, before the frame
	mem                         pageMem
	swControlled                bool
}

// BenchmarkBrowserDocument opens the peer benchmark's cases (3k code points
// with 50 spans, 30k/1000, 150k/5000) with ?open= in a fresh profile and
// measures, per repetition:
//   - load: navigation start → the N spans rendered (+ next frame);
//   - add: the probe's selection gesture and a real "1" key, from the
//     keydown → N+1 spans rendered (+ next frame);
//   - memory at idle after the load (JS heap, DOM nodes, renderer RSS);
//   - reopen: the page visited again without ?open= (a later visit: the
//     service worker serves the shell, the document comes from IndexedDB),
//     navigation start → N+1 spans rendered;
//   - switch: inside the running app, with a small document open, a click
//     on the big document's list entry → N+1 spans rendered.
func BenchmarkBrowserDocument(b *testing.B) {
	var out report
	defer out.flush(b)
	probe := probeScript(b)
	tiny := filepath.Join(b.TempDir(), "tiny.txt")
	if err := os.WriteFile(tiny, []byte("نص قصير للتبديل بين الوثائق.\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	var rows []docRow
	for _, cs := range []struct{ size, n int }{{3000, 50}, {30000, 1000}, {150000, 5000}} {
		name := fmt.Sprintf("%dk-%d", cs.size/1000, cs.n)
		b.Run(name, func(b *testing.B) {
			c := makeCase(b, cs.size, cs.n)
			file := "case-" + name
			srv := serveMounts(b, dist, "/", "", map[string]string{"/data/": writeCase(b, c, file)})
			var reps []docRep
			for range benchReps {
				reps = append(reps, docRepetition(b, srv, probe, tiny, c, file, cs.n))
			}
			row := docRow{name, reps}
			rows = append(rows, row)
			col := row.col
			b.ReportMetric(col(func(r docRep) float64 { return r.load }).med, "load-ms")
			b.ReportMetric(col(func(r docRep) float64 { return r.add }).med, "add-ms")
			b.ReportMetric(col(func(r docRep) float64 { return r.addDom }).med, "add-dom-ms")
			b.ReportMetric(col(func(r docRep) float64 { return r.reopen }).med, "reopen-ms")
			b.ReportMetric(col(func(r docRep) float64 { return r.switchMs }).med, "switch-ms")
			b.ReportMetric(col(func(r docRep) float64 { return r.mem.heapMB }).med, "heap-MB")
			b.ReportMetric(col(func(r docRep) float64 { return r.mem.wasmMB }).med, "wasm-MB")
			b.ReportMetric(col(func(r docRep) float64 { return r.mem.rssMB }).med, "rss-MB")
			b.ReportMetric(col(func(r docRep) float64 { return r.mem.nodes }).med, "dom-nodes")
			for range b.N { // the repetitions above are the measurement
			}
		})
	}
	out.add("BenchmarkBrowserDocument: %d fresh-profile reps per case; median min max", benchReps)
	out.add("%-10s | %-22s | %-22s | %-22s | %-22s | %-22s", "case", "load ms", "add ms", "add: to the count, ms", "reopen ms (SW)", "switch ms")
	for _, r := range rows {
		col := r.col
		sw := 0
		for _, x := range r.reps {
			if x.swControlled {
				sw++
			}
		}
		out.add("%-10s | %-22s | %-22s | %-22s | %-22s | %-22s   (reopen under the service worker in %d/%d reps)", r.name,
			col(func(x docRep) float64 { return x.load }).ms(), col(func(x docRep) float64 { return x.add }).ms1(),
			col(func(x docRep) float64 { return x.addDom }).ms1(),
			col(func(x docRep) float64 { return x.reopen }).ms(), col(func(x docRep) float64 { return x.switchMs }).ms(),
			sw, len(r.reps))
	}
	out.add("memory at idle after the load, MB (DOM nodes after a forced GC): median min max")
	out.add("%-10s | %-19s | %-19s | %-19s | %-19s | %-19s | %s", "case", "JS heap", "JS heap after GC", "wasm memory", "renderer RSS", "renderer PSS", "DOM nodes")
	for _, r := range rows {
		col := r.col
		out.add("%-10s | %-19s | %-19s | %-19s | %-19s | %-19s | %.0f", r.name,
			col(func(x docRep) float64 { return x.mem.heapMB }).mb(), col(func(x docRep) float64 { return x.mem.heapGCMB }).mb(),
			col(func(x docRep) float64 { return x.mem.wasmMB }).mb(), col(func(x docRep) float64 { return x.mem.rssMB }).mb(),
			col(func(x docRep) float64 { return x.mem.pssMB }).mb(), col(func(x docRep) float64 { return x.mem.nodes }).med)
	}

	for range b.N {
	}
}

// addsAPage is how many spans BenchmarkBrowserAdds adds in each page.
const addsAPage = 24

// BenchmarkBrowserAdds adds addsAPage spans one after the other in one page
// per case, each by a selection and a real "1" key, and splits each add's
// time: the key's handler (keydown → the span in the DOM and the count
// set), the wait for the browser's next frame (→ its requestAnimationFrame
// callback), the frame's own work (→ the first task after it) and the
// whole. One add per fresh page (BenchmarkBrowserDocument, the peer
// benchmark) mostly measures where the keydown falls between two frames,
// which spreads a case's five reps over 5–16 ms; many adds in one page
// show what the document's size costs.
func BenchmarkBrowserAdds(b *testing.B) {
	var out report
	defer out.flush(b)
	out.add("BenchmarkBrowserAdds: %d adds in one page per case, ms: median min max", addsAPage)
	out.add("%-10s | %-22s | %-22s | %-22s | %-22s", "case", "handler", "wait for the frame", "frame work", "keydown → after the frame")
	for _, cs := range []struct{ size, n int }{{3000, 50}, {30000, 1000}, {150000, 5000}} {
		name := fmt.Sprintf("%dk-%d", cs.size/1000, cs.n)
		c := makeCase(b, cs.size, cs.n)
		file := "case-" + name
		srv := serveMounts(b, dist, "/", "", map[string]string{"/data/": writeCase(b, c, file)})
		ctx, _ := newBrowser(b)
		run(b, ctx, "open", chromedp.Navigate(srv.URL+"?open=%2Fdata%2F"+file+".jsonl"))
		waitJS(b, ctx, "the spans", js(`document.querySelector('[data-testid=document]')?.dataset.spanCount === '%d'`, cs.n))
		benchWaitSaved(b, ctx, 120*time.Second)
		time.Sleep(2 * time.Second) // past the warm-up the app runs at idle
		free := freeWords(c, 1200, addsAPage)
		if len(free) < addsAPage {
			b.Fatalf("%s: %d free words in the first block, want %d", name, len(free), addsAPage)
		}
		var handler, wait, frame, total []float64
		for k, w := range free {
			selectCP(b, ctx, w[0], w[1])
			time.Sleep(150 * time.Millisecond)
			eval(b, ctx, `(() => {
				window.__add = {};
				addEventListener('keydown', () => { __add.t0 = performance.now(); }, {capture: true, once: true});
				const el = document.querySelector('[data-testid=document]');
				const mo = new MutationObserver(() => {
					mo.disconnect();
					__add.dom = performance.now();
					requestAnimationFrame(() => { __add.raf = performance.now(); setTimeout(() => { __add.after = performance.now(); }, 0); });
				});
				mo.observe(el, {attributes: true, attributeFilter: ['data-span-count']});
				return true;
			})()`, nil)
			run(b, ctx, "press 1", chromedp.KeyEvent("1"))
			var m struct{ T0, Dom, Raf, After float64 }
			evalFor(b, ctx, 30*time.Second, "the add's frame", `(async () => {
				for (let i = 0; !window.__add.after; i++) {
					if (i > 2000) throw new Error('no frame after the add');
					await new Promise((r) => setTimeout(r, 5));
				}
				return window.__add;
			})()`, &m)
			var count string
			eval(b, ctx, `document.querySelector('[data-testid=document]').dataset.spanCount`, &count)
			if count != fmt.Sprint(cs.n+k+1) {
				b.Fatalf("%s: after add %d the count is %s, want %d", name, k+1, count, cs.n+k+1)
			}
			handler = append(handler, m.Dom-m.T0)
			wait = append(wait, m.Raf-m.Dom)
			frame = append(frame, m.After-m.Raf)
			total = append(total, m.After-m.T0)
			time.Sleep(300 * time.Millisecond)
		}
		out.add("%-10s | %-22s | %-22s | %-22s | %-22s", name, spreadOf(handler).ms1(), spreadOf(wait).ms1(), spreadOf(frame).ms1(), spreadOf(total).ms1())
		b.ReportMetric(spreadOf(handler).med, name+"-handler-ms")
		b.ReportMetric(spreadOf(total).med, name+"-total-ms")
	}
	for range b.N {
	}
}

// freeWords returns up to n words of c starting before limit that touch
// no span of c, in order: where adds may go.
func freeWords(c benchCase, limit, n int) [][2]int {
	taken := map[int]bool{}
	for _, s := range c.Spans {
		for i := s["start"].(int); i < s["end"].(int); i++ {
			taken[i] = true
		}
	}
	var free [][2]int
	for _, w := range wordsOf([]rune(c.Text)) {
		ok := w.e-w.s >= 3 && w.s < limit && len(free) < n
		for i := w.s - 1; ok && i <= w.e; i++ {
			ok = !taken[i]
		}
		if ok {
			free = append(free, [2]int{w.s, w.e})
		}
	}
	return free
}

// docRow is a case's repetitions.
type docRow struct {
	name string
	reps []docRep
}

// col is the spread of one measure over the repetitions.
func (r docRow) col(f func(docRep) float64) spread {
	var xs []float64
	for _, x := range r.reps {
		xs = append(xs, f(x))
	}
	return spreadOf(xs)
}

// docRepetition is one fresh-profile repetition of BenchmarkBrowserDocument.
func docRepetition(b *testing.B, srv *server, probe, tiny string, c benchCase, file string, n int) docRep {
	b.Helper()
	var r docRep
	rt := &repTB{TB: b}
	defer rt.done()
	ctx, _ := newBrowser(rt)
	newDocScript(b, ctx, probe)
	newDocScript(b, ctx, wasmScript)
	time.Sleep(500 * time.Millisecond) // let the browser's start-up work finish

	// load
	run(b, ctx, "open", chromedp.Navigate(srv.URL+"?open=%2Fdata%2F"+file+".jsonl"))
	var ready struct {
		Count  int
		TPaint float64
	}
	evalFor(b, ctx, 180*time.Second, "the document's spans", js(`__peerbench.waitFor(%d, 175000)`, n), &ready)
	r.load = ready.TPaint
	evalFor(b, ctx, 60*time.Second, "the import input", `__peerbench.waitSelector('input[data-testid=import]', 55000)`, nil)
	evalFor(b, ctx, 60*time.Second, "an idle page", `__peerbench.waitIdle(300, 20000)`, nil)
	r.mem = memory(b, ctx)
	evalFor(b, ctx, 60*time.Second, "an idle page", `__peerbench.waitIdle(300, 20000)`, nil)
	var title string
	eval(b, ctx, `document.querySelector('.doc-head h1').textContent`, &title)

	// add
	var g struct{ Before int }
	evalFor(b, ctx, 60*time.Second, "the selection gesture",
		js(`__peerbench.addSpanGesture({start: %d, end: %d, label: 'ACTOR', text: %q}, {dragMs: 350})`, c.Add[0], c.Add[1], string([]rune(c.Text)[c.Add[0]:c.Add[1]])), &g)
	if g.Before != n {
		b.Fatalf("%d spans before the add, want %d", g.Before, n)
	}
	run(b, ctx, "press 1", chromedp.KeyEvent("1"))
	var k struct {
		After        int
		LatencyMs    float64
		LatencyDomMs float64
	}
	evalFor(b, ctx, 60*time.Second, "the added span", js(`__peerbench.waitKeyAdd(%d, 55000)`, g.Before), &k)
	if k.After != n+1 {
		b.Fatalf("after the key: %d spans, want %d", k.After, n+1)
	}
	r.add, r.addDom = k.LatencyMs, k.LatencyDomMs
	benchWaitSaved(b, ctx, 120*time.Second)
	evalFor(b, ctx, 30*time.Second, "the service worker", `navigator.serviceWorker.ready.then(() => true)`, nil)

	// reopen: a later visit, no ?open=
	run(b, ctx, "visit again", chromedp.Navigate(srv.URL))
	evalFor(b, ctx, 180*time.Second, "the reopened document", js(`__peerbench.waitFor(%d, 175000)`, n+1), &ready)
	r.reopen = ready.TPaint
	eval(b, ctx, `!!navigator.serviceWorker.controller`, &r.swControlled)
	evalFor(b, ctx, 60*time.Second, "the import input", `__peerbench.waitSelector('input[data-testid=import]', 55000)`, nil)
	evalFor(b, ctx, 60*time.Second, "an idle page", `__peerbench.waitIdle(300, 20000)`, nil)

	// switch: open a small document, then click the big one's entry
	run(b, ctx, "import a small document", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{tiny}, chromedp.ByQuery))
	waitJS(b, ctx, "the small document in the list", `[...document.querySelectorAll('[data-testid=doc] .doc-title')].some(e => e.textContent === 'tiny')`)
	benchWaitSaved(b, ctx, 120*time.Second)
	if docCount(b, ctx) != 2 {
		b.Fatalf("%d documents listed, want 2", docCount(b, ctx))
	}
	openDoc(b, ctx, "tiny")
	waitJS(b, ctx, "the small document shown", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '0'`)
	evalFor(b, ctx, 60*time.Second, "an idle page", `__peerbench.waitIdle(300, 20000)`, nil)
	eval(b, ctx, `window.__switchT0 = null; addEventListener('click', (e) => {
		if (e.target.closest && e.target.closest('[data-testid=doc]')) window.__switchT0 = performance.now();
	}, {capture: true, once: true}); true`, nil)
	run(b, ctx, "click the big document", chromedp.Click(js(`//li[@data-testid="doc"][.//div[text()=%q]]`, title), chromedp.BySearch))
	var sw float64
	evalFor(b, ctx, 180*time.Second, "the big document again", js(`(async () => {
		for (let i = 0; window.__switchT0 == null; i++) {
			if (i > 100) throw new Error('the click never reached the page');
			await new Promise((r) => setTimeout(r, 10));
		}
		const e = await __peerbench.waitFor(%d, 175000, window.__switchT0);
		return e.tPaint - window.__switchT0;
	})()`, n+1), &sw)
	r.switchMs = sw
	b.Logf("rep: load %.0f ms, add %.1f ms (%.1f ms to the count), reopen %.0f ms (SW %v), switch %.0f ms; heap %.1f MB (%.1f after GC), wasm %.0f MB, RSS %.0f MB, %.0f nodes",
		r.load, r.add, r.addDom, r.reopen, r.swControlled, r.switchMs, r.mem.heapMB, r.mem.heapGCMB, r.mem.wasmMB, r.mem.rssMB, r.mem.nodes)
	return r
}

// ---- 2. a corpus of 2,000 documents ------------------------------------------

const (
	corpusDocs  = 2000
	corpusSize  = 3000 // code points per document, about
	corpusSpans = 50
	listShown   = 20 // list entries that count as "the list is there"
)

// corpusBase is the text every corpus document shares after its own
// first line: the peer cases' article text cut at a space or newline to
// about corpusSize code points, with corpusSpans word-aligned spans spread
// over it (code points, end exclusive).
func corpusBase(b *testing.B) (string, []map[string]any) {
	b.Helper()
	text := []rune(makeCase(b, corpusSize, 0).Text)
	cut := min(corpusSize, len(text))
	for cut > corpusSize*9/10 && !unicode.IsSpace(text[cut-1]) {
		cut--
	}
	text = text[:cut]
	words := wordsOf(text)
	labels := []string{"ACTOR", "PLACE", "DATE", "CASUALTY"}
	step := max(len(words)/corpusSpans, 1)
	var spans []map[string]any
	for k := step / 2; k < len(words) && len(spans) < corpusSpans; k += step {
		w := words[k]
		spans = append(spans, map[string]any{"start": w.s, "end": w.e, "label": labels[len(spans)%4], "text": string(text[w.s:w.e])})
	}
	if len(spans) < corpusSpans {
		b.Fatalf("only %d words for %d spans", len(spans), corpusSpans)
	}
	return string(text), spans
}

// writeCorpus writes corpusDocs documents, each the corpusBase text after
// its own first line "وثيقة <n>" (no two texts are the same), as one JSONL;
// it returns the folder, the code points and the spans written.
func writeCorpus(b *testing.B) (dir string, chars, spans int) {
	b.Helper()
	base, baseSpans := corpusBase(b)
	dir = b.TempDir()
	var buf bytes.Buffer
	for i := range corpusDocs {
		prefix := fmt.Sprintf("وثيقة %d\n", i+1)
		shift := len([]rune(prefix))
		ss := make([]map[string]any, len(baseSpans))
		for j, s := range baseSpans {
			ss[j] = map[string]any{"start": s["start"].(int) + shift, "end": s["end"].(int) + shift, "label": s["label"], "text": s["text"]}
		}
		text := prefix + base
		line, err := json.Marshal(map[string]any{"id": fmt.Sprintf("doc-%04d", i+1), "text": text, "spans": ss})
		if err != nil {
			b.Fatal(err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
		chars += len([]rune(text))
		spans += len(ss)
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus.jsonl"), buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir, chars, spans
}

// listScript records, in every page, when at least listShown document list
// entries are in the DOM (+ next frame), in ms since navigation start.
const listScript = `(() => {
	window.__listT = null;
	const mo = new MutationObserver(() => {
		if (document.querySelectorAll('li[data-testid=doc]').length < ` + "20" + `) return;
		mo.disconnect();
		const tDom = performance.now();
		requestAnimationFrame(() => setTimeout(() => { window.__listT = {tDom, tPaint: performance.now()}; }, 0));
	});
	mo.observe(document, {childList: true, subtree: true});
})();`

// stateScript records, in every page, each text the save state shows, with
// when it was first seen (polled every 20 ms; ms since navigation start):
// the phases of an import.
const stateScript = `(() => {
	window.__stateLog = [];
	const poll = () => {
		const ss = document.querySelector('[data-testid=save-state]'), l = __stateLog;
		if (ss && (!l.length || l[l.length - 1][1] !== ss.textContent)) l.push([Math.round(performance.now()), ss.textContent]);
	};
	setInterval(poll, 20);
})();`

// phases condenses a state log to the first and last time of each kind of
// text (digits dropped): "Importing x… N documents stored 2100–9800 ms".
func phases(log [][2]any) string {
	type span struct{ first, last float64 }
	var order []string
	seen := map[string]*span{}
	for _, e := range log {
		t, _ := e[0].(float64)
		k := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, fmt.Sprint(e[1]))
		if seen[k] == nil {
			seen[k] = &span{t, t}
			order = append(order, k)
		}
		seen[k].last = t
	}
	var b strings.Builder
	for _, k := range order {
		fmt.Fprintf(&b, "\n    %6.0f–%6.0f ms  %q", seen[k].first, seen[k].last, k)
	}
	return b.String()
}

// BenchmarkBrowserCorpus imports a corpus of 2,000 documents (~3,000 code
// points and 50 spans each) with ?open= into a fresh profile, then, in the
// same browser, visits the app again 5 times, each time in a new tab and
// then by reloading that tab (navigation start → 20 list entries rendered,
// and → the reopened document's spans; memory at idle in the new tab), and
// exports the dataset of every document (click → zip handed to the
// browser, longest main-thread task meanwhile, progress shown). The import
// and the visits run in tabs of their own: the first tab stays blank.
func BenchmarkBrowserCorpus(b *testing.B) {
	var out report
	defer out.flush(b)
	if listShown != 20 {
		b.Fatal("listScript counts 20 entries")
	}
	t0 := time.Now()
	data, chars, spans := writeCorpus(b)
	fi, _ := os.Stat(filepath.Join(data, "corpus.jsonl"))
	out.add("BenchmarkBrowserCorpus: %d documents, %d code points, %d spans, %.1f MB of JSONL (written in %v)",
		corpusDocs, chars, spans, float64(fi.Size())/(1<<20), time.Since(t0).Round(time.Millisecond))
	srv := serveMounts(b, dist, "/", "", map[string]string{"/data/": data})
	browserCtx, downloads := newBrowser(b)
	probe := probeScript(b)
	// Each visit has a tab of its own, closed before the next one opens: a
	// page navigated away from stays in the back-forward cache (the import
	// page, with its grown WebAssembly memory, was seen restored from it),
	// in the same renderer process, which would count in the next visit's
	// memory.
	openTab := func() (context.Context, func()) {
		tctx, cancel := chromedp.NewContext(browserCtx)
		// The first Run allocates the tab and binds it to its context: tctx
		// itself, not run's context with a deadline.
		if err := chromedp.Run(tctx); err != nil {
			b.Fatalf("opening a tab: %v", err)
		}
		for _, src := range []string{probe, listScript, wasmScript, stateScript} {
			newDocScript(b, tctx, src)
		}
		return tctx, func() { chromedp.Cancel(tctx); cancel() }
	}
	ctx, closeTab := openTab()
	time.Sleep(500 * time.Millisecond)

	// import
	wall := time.Now()
	stopPeaks := rssPeaks(ctx)
	run(b, ctx, "open the corpus", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Fcorpus.jsonl"))
	var first struct{ TPaint float64 }
	evalFor(b, ctx, 300*time.Second, "the first document", js(`__peerbench.waitFor(%d, 295000)`, corpusSpans), &first)
	stored := waitPage(b, ctx, 600*time.Second, "the whole corpus stored",
		js(`document.querySelector('[data-testid=save-state]')?.dataset.state === 'saved' && (document.querySelector('[data-testid=doc-list] h2')?.textContent || '').includes('(%d)')`, corpusDocs))
	importWall := time.Since(wall)
	out.add("import (?open=, fresh profile): first document shown %.0f ms, all %d stored (save state \"saved\") %.0f ms after navigation start (wall %v)",
		first.TPaint, corpusDocs, stored, importWall.Round(time.Millisecond))
	var stateLog [][2]any
	eval(b, ctx, `window.__stateLog`, &stateLog)
	out.add("  the save state meanwhile (first–last time each text showed, digits left out):%s", phases(stateLog))
	b.ReportMetric(first.TPaint, "import-first-ms")
	b.ReportMetric(stored, "import-stored-ms")
	evalFor(b, ctx, 60*time.Second, "an idle page", `__peerbench.waitIdle(300, 20000)`, nil)
	peaks := stopPeaks()
	m0 := memory(b, ctx)
	out.add("after the import, at idle: JS heap %.1f MB (%.1f after GC), wasm memory %.0f MB, renderer RSS %.0f MB, PSS %.0f MB, %.0f DOM nodes",
		m0.heapMB, m0.heapGCMB, m0.wasmMB, m0.rssMB, m0.pssMB, m0.nodes)
	out.add("during the import (the page and its background worker, one renderer process): peak RSS %.0f MB, sampled every 100 ms", peaks[m0.pid])
	b.ReportMetric(peaks[m0.pid], "import-peak-rss-MB")
	evalFor(b, ctx, 30*time.Second, "the service worker", `navigator.serviceWorker.ready.then(() => true)`, nil)

	// later visits: each in a new tab, then a reload of that tab
	visitTimes := func(what string) (list, doc float64) {
		var lt, d struct{ TPaint float64 }
		evalFor(b, ctx, 120*time.Second, "the document list", `new Promise((resolve, reject) => {
			const t = performance.now();
			const poll = () => window.__listT ? resolve(window.__listT) : performance.now() - t > 115000 ? reject(new Error('no list')) : setTimeout(poll, 20);
			poll();
		})`, &lt)
		evalFor(b, ctx, 120*time.Second, "the reopened document", js(`__peerbench.waitFor(%d, 115000)`, corpusSpans), &d)
		var ctl bool
		eval(b, ctx, `!!navigator.serviceWorker.controller`, &ctl)
		if !ctl {
			b.Fatalf("%s: the page is not served by the service worker", what)
		}
		evalFor(b, ctx, 60*time.Second, "an idle page", `__peerbench.waitIdle(300, 20000)`, nil)
		return lt.TPaint, d.TPaint
	}
	var tabList, tabDoc, list, doc, heap, heapGC, wasm, rss, pss, nodes []float64
	var pagePid int64 // the renderer of the last tab, which exports
	for i := range benchReps {
		closeTab()
		ctx, closeTab = openTab()
		run(b, ctx, "visit again", chromedp.Navigate(srv.URL))
		tl, td := visitTimes("new tab")
		m := memory(b, ctx)
		pagePid = m.pid
		run(b, ctx, "reload", chromedp.Reload())
		rl, rd := visitTimes("reload")
		b.Logf("visit %d: new tab: list %.0f ms, document %.0f ms; reload: list %.0f ms, document %.0f ms; heap %.1f MB (%.1f after GC), wasm %.0f MB, RSS %.0f MB, %.0f nodes; renderers (pid:RSS MB, * = the page's):%s",
			i+1, tl, td, rl, rd, m.heapMB, m.heapGCMB, m.wasmMB, m.rssMB, m.nodes, m.procs)
		tabList = append(tabList, tl)
		tabDoc = append(tabDoc, td)
		list = append(list, rl)
		doc = append(doc, rd)
		heap = append(heap, m.heapMB)
		heapGC = append(heapGC, m.heapGCMB)
		wasm = append(wasm, m.wasmMB)
		rss = append(rss, m.rssMB)
		pss = append(pss, m.pssMB)
		nodes = append(nodes, m.nodes)
	}
	defer closeTab()
	if n := docCount(b, ctx); n < listShown {
		b.Fatalf("%d list entries", n)
	}

	// scroll the document list from top to bottom, 200 px a frame (a fast
	// fling): the gaps between frames, and long tasks meanwhile
	evalFor(b, ctx, 60*time.Second, "an idle page", `__peerbench.waitIdle(300, 20000)`, nil)
	var sc struct {
		Frames, Over, LongTasks, Items int
		P50, P95, Max, Longest, Px     float64
		Last                           string
	}
	evalFor(b, ctx, 120*time.Second, "the list scrolled", `(async () => {
		const el = document.querySelector('.docs');
		const lt = [];
		const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) lt.push(e.duration); });
		po.observe({type: 'longtask'});
		const frame = () => new Promise((r) => requestAnimationFrame(r));
		let last = await frame();
		const gaps = [];
		for (let y = 200; gaps.length < 5000; y += 200) {
			el.scrollTop = y;
			const t = await frame();
			gaps.push(t - last);
			last = t;
			if (y >= el.scrollHeight - el.clientHeight) break;
		}
		for (let i = 0; i < 10; i++) await frame(); // the last chunks drawn
		po.disconnect();
		const sorted = [...gaps].sort((a, b) => a - b), q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
		return {frames: gaps.length, over: gaps.filter((g) => g > 25).length, longTasks: lt.length, longest: Math.max(0, ...lt),
			items: document.querySelectorAll('li[data-testid=doc]').length, p50: q(0.5), p95: q(0.95), max: sorted[sorted.length - 1], px: el.scrollTop,
			last: [...document.querySelectorAll('li[data-testid=doc]')].pop()?.textContent || ''};
	})()`, &sc)
	if want := fmt.Sprint(corpusDocs); !strings.Contains(sc.Last, want) {
		b.Fatalf("after scrolling to the bottom, the last list entry drawn is %q, not document %s's", sc.Last, want)
	}
	b.ReportMetric(sc.Max, "scroll-max-frame-ms")
	b.ReportMetric(float64(sc.Over), "scroll-frames-over-25ms")

	// export every document
	run(b, ctx, "settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	waitJS(b, ctx, "the settings", `!!document.querySelector('[data-testid=dataset-settings]')`)
	var checked bool
	eval(b, ctx, `document.querySelector('[data-testid=dataset-settings] input[type=checkbox]').checked`, &checked)
	if !checked {
		run(b, ctx, "include all", chromedp.Click(`[data-testid=dataset-settings] input[type=checkbox]`, chromedp.ByQuery))
	}
	waitJS(b, ctx, "include all", `document.querySelector('[data-testid=dataset-settings] input[type=checkbox]').checked`)
	evalFor(b, ctx, 60*time.Second, "an idle page", `__peerbench.waitIdle(300, 20000)`, nil)
	eval(b, ctx, `(() => {
		window.__lt = [];
		new PerformanceObserver((l) => { for (const e of l.getEntries()) __lt.push({start: e.startTime, dur: e.duration}); })
			.observe({type: 'longtask', buffered: true});
		window.__exportT0 = null; window.__zipT = null; window.__states = [];
		addEventListener('click', (e) => {
			if (e.target.closest && e.target.closest('[data-testid=export-dataset]')) window.__exportT0 = performance.now();
		}, {capture: true});
		const create = URL.createObjectURL;
		URL.createObjectURL = function (blob) {
			if (blob && blob.type === 'application/zip' && window.__zipT == null) window.__zipT = performance.now();
			return create.apply(this, arguments);
		};
		const ss = document.querySelector('[data-testid=save-state]');
		new MutationObserver(() => { const t = ss.textContent; if (__states[__states.length - 1] !== t) __states.push(t); })
			.observe(ss, {childList: true, characterData: true, subtree: true});
		return true;
	})()`, nil)
	zipPath := filepath.Join(downloads, "raqim-dataset.zip")
	clickAt := time.Now()
	stopPeaks = rssPeaks(ctx)
	run(b, ctx, "export", chromedp.Click(`[data-testid=export-dataset]`, chromedp.ByQuery))
	seen := map[string]bool{}
	var polls int
	var fileWall time.Duration
	for {
		if time.Since(clickAt) > 10*time.Minute {
			b.Fatalf("no %s after 10 minutes", zipPath)
		}
		if st, err := os.Stat(zipPath); err == nil && st.Size() > 0 {
			if _, err := os.Stat(zipPath + ".crdownload"); os.IsNotExist(err) {
				fileWall = time.Since(clickAt)
				break
			}
		}
		var text string
		c, cancel := context.WithTimeout(ctx, 30*time.Second)
		if err := chromedp.Run(c, chromedp.Evaluate(`document.querySelector('[data-testid=save-state]').textContent`, &text)); err == nil {
			seen[text] = true
			polls++
		}
		cancel()
		time.Sleep(50 * time.Millisecond)
	}
	exportPeak := stopPeaks()[pagePid]
	zdata, err := os.ReadFile(zipPath)
	if err != nil {
		b.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(zdata), int64(len(zdata)))
	if err != nil {
		b.Fatalf("the download is not a zip: %v", err)
	}
	var ex struct {
		T0, ZipT float64
		Longest  float64
		Total    float64
		Count    int
		States   []string
	}
	eval(b, ctx, `(() => {
		const t0 = window.__exportT0, lt = __lt.filter((e) => e.start + e.dur >= t0 && e.start <= (window.__zipT ?? Infinity) + 1000);
		return {t0, zipT: window.__zipT, longest: Math.max(0, ...lt.map((e) => e.dur)), total: lt.reduce((a, e) => a + e.dur, 0), count: lt.length, states: __states};
	})()`, &ex)
	if ex.ZipT == 0 {
		b.Fatal("the zip was never handed to the browser (no createObjectURL of an application/zip blob)")
	}
	// the progress texts shown, and the highest percentage among them
	progress := func(texts []string) (n int, top int) {
		top = -1
		for _, t := range texts {
			i := strings.Index(t, "Exporting dataset… ")
			if i < 0 || !strings.HasSuffix(t, "%") {
				continue
			}
			n++
			if p, err := strconv.Atoi(strings.TrimSuffix(t[i+len("Exporting dataset… "):], "%")); err == nil && p > top {
				top = p
			}
		}
		return n, top
	}
	nSeen, topSeen := progress(ex.States)
	nPolled, topPolled := progress(keys(seen))
	exportMs := ex.ZipT - ex.T0
	b.Logf("save-state texts during the export (page observer): %q; polled %d times from Go: %q", ex.States, polls, keys(seen))

	lsp, dsp, hsp, rsp, psp, nsp := spreadOf(list), spreadOf(doc), spreadOf(heap), spreadOf(rss), spreadOf(pss), spreadOf(nodes)
	b.ReportMetric(lsp.med, "start-to-list-ms")
	b.ReportMetric(dsp.med, "start-to-doc-ms")
	b.ReportMetric(spreadOf(tabList).med, "newtab-to-list-ms")
	b.ReportMetric(hsp.med, "heap-MB")
	b.ReportMetric(rsp.med, "rss-MB")
	b.ReportMetric(spreadOf(wasm).med, "wasm-MB")
	b.ReportMetric(exportMs, "export-ms")
	b.ReportMetric(ex.Longest, "export-longest-task-ms")
	out.add("later visits (same browser, shell from the service worker; %d reps, each a new tab then a reload of it; median min max):", benchReps)
	line := func(label, value string) { out.add("  %-40s %s", label, value) }
	line(fmt.Sprintf("reload: start → %d list entries, ms", listShown), lsp.ms())
	line("reload: start → the open document, ms", dsp.ms())
	line(fmt.Sprintf("new tab: start → %d list entries, ms", listShown), spreadOf(tabList).ms())
	line("new tab: start → the open document, ms", spreadOf(tabDoc).ms())
	out.add("  memory at idle in the new tab, MB:")
	line("JS heap used", hsp.mb())
	line("JS heap used after a forced GC", spreadOf(heapGC).mb())
	line("wasm memory", spreadOf(wasm).mb())
	line("the page's renderer RSS", rsp.mb())
	line("the page's renderer PSS", psp.mb())
	line("DOM nodes after a forced GC", fmt.Sprintf("%7.0f %6.0f %6.0f", nsp.med, nsp.min, nsp.max))
	out.add("document list scrolled top to bottom, 200 px a frame (%.0f px, %d frames): frame gaps median %.1f ms, 95th percentile %.1f, longest %.1f; %d over 25 ms; %d long tasks (longest %.0f ms); %d entries drawn at the end",
		sc.Px, sc.Frames, sc.P50, sc.P95, sc.Max, sc.Over, sc.LongTasks, sc.Longest, sc.Items)
	out.add("export dataset (all %d documents): click → zip ready %.0f ms (wall, click → file on disk: %v), %d files, %.1f MB zip",
		corpusDocs, exportMs, fileWall.Round(time.Millisecond), len(zr.File), float64(len(zdata))/(1<<20))
	out.add("  longest main-thread task %.0f ms (%d long tasks, %.0f ms in all)", ex.Longest, ex.Count, ex.Total)
	out.add("  peak RSS of the page's renderer (with the background worker) %.0f MB, sampled every 100 ms", exportPeak)
	b.ReportMetric(exportPeak, "export-peak-rss-MB")
	out.add("  progress \"Exporting dataset… N%%\" in the save state: %d distinct texts up to %d%% (page observer), %d up to %d%% (Go poll every 50 ms, %d polls)",
		nSeen, topSeen, nPolled, topPolled, polls)
	if nSeen == 0 && nPolled == 0 {
		out.add("  NOTE: no \"Exporting dataset… N%%\" text appeared in [data-testid=save-state]")
	}
	for range b.N {
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// ---- 3. WebAssembly size ------------------------------------------------------

// BenchmarkBrowserWasmSize compares the app's app.wasm (dist/) with a go-app
// hello world (testdata/hello) built with the same toolchain and flags,
// raw and gzip -9. The target is app/hello ≤ 1.25 (gzip).
func BenchmarkBrowserWasmSize(b *testing.B) {
	var out report
	defer out.flush(b)
	hello := filepath.Join(b.TempDir(), "hello.wasm")
	gobin, err := exec.LookPath("go")
	if err != nil {
		b.Fatalf("the go command is needed: %v", err)
	}
	cmd := exec.Command(gobin, "build", "-trimpath", "-ldflags=-s -w", "-o", hello, "./e2e/testdata/hello")
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("building the hello world: %v\n%s", err, out)
	}
	size := func(p string) (raw, gz int) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(data)
		w.Close()
		return len(data), buf.Len()
	}
	appRaw, appGz := size(filepath.Join(dist, "web", "app.wasm"))
	hRaw, hGz := size(hello)
	ratioGz, ratioRaw := float64(appGz)/float64(hGz), float64(appRaw)/float64(hRaw)
	mb := func(n int) float64 { return float64(n) / (1 << 20) }
	out.add("BenchmarkBrowserWasmSize (GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w'; gzip -9)")
	out.add("%-28s %10s %10s", "", "raw MB", "gzip MB")
	out.add("%-28s %10.2f %10.2f", "app (dist/web/app.wasm)", mb(appRaw), mb(appGz))
	out.add("%-28s %10.2f %10.2f", "go-app hello world", mb(hRaw), mb(hGz))
	verdict := "within"
	if ratioGz > 1.25 {
		verdict = "OVER"
	}
	out.add("%-28s %10.2f %10.2f   (gzip ratio %s the 1.25 target)", "ratio app/hello", ratioRaw, ratioGz, verdict)
	b.ReportMetric(mb(appGz), "app-gz-MB")
	b.ReportMetric(mb(hGz), "hello-gz-MB")
	b.ReportMetric(ratioGz, "ratio-gz")
	b.ReportMetric(ratioRaw, "ratio-raw")
	for range b.N {
	}
}
