// Package e2e drives the built app (dist/, from make bundle) in headless
// Chromium, as a user would.
package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// dist is the bundle under test.
var dist = func() string {
	if d := os.Getenv("RAQIM_DIST"); d != "" {
		return d
	}
	d, _ := filepath.Abs("../dist")
	return d
}()

// shared is the project's shared folder (corpus, guidelines).
var shared = func() string {
	if d := os.Getenv("RAQIM_SHARED"); d != "" {
		return d
	}
	d, _ := filepath.Abs("../../shared")
	return d
}()

// chromium is the browser binary.
var chromium = func() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}()

// server serves the bundle on 127.0.0.1 as any static server would, and
// keeps the path of every request.
type server struct {
	URL   string
	srv   *http.Server
	ln    net.Listener
	mu    sync.Mutex
	paths []string
}

// requested returns the paths requested so far that start with prefix.
func (s *server) requested(prefix string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, p := range s.paths {
		if strings.HasPrefix(p, prefix) {
			out = append(out, p)
		}
	}
	return out
}

// serveDir serves dir under base ("/" or "/sub/") on a free loopback port,
// or on addr when given (to come back on the same origin after a stop).
func serveDir(t testing.TB, dir, base, addr string) *server {
	return serveMounts(t, dir, base, addr, nil)
}

// serveMounts is serveDir with more folders served beside the bundle:
// mounts maps a path prefix such as "/data/" to a folder.
func serveMounts(t testing.TB, dir, base, addr string, mounts map[string]string) *server {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		t.Fatalf("no bundle in %s: run make bundle first (%v)", dir, err)
	}
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	var h http.Handler = http.FileServer(http.Dir(dir))
	if base != "/" {
		h = http.StripPrefix(strings.TrimSuffix(base, "/"), h)
	}
	mux.Handle(base, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		h.ServeHTTP(w, r)
	}))
	for prefix, d := range mounts {
		mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(d))))
	}
	s := &server{URL: "http://" + ln.Addr().String() + base, ln: ln}
	s.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	})}
	go s.srv.Serve(ln)
	t.Cleanup(s.Close)
	return s
}

// Close stops the server and drops open connections.
func (s *server) Close() { s.srv.Close() }

// newBrowser starts headless Chromium with a fresh profile; downloads go
// to the returned directory.
func newBrowser(t testing.TB, flags ...chromedp.ExecAllocatorOption) (context.Context, string) {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("Chromium not found at %s (apt-get install -y chromium): %v", chromium, err)
	}
	downloads := t.TempDir()
	// Chromium now and then dies as it starts (a crash report, no page
	// yet: seen about once in ten runs of the whole suite on 2 cores):
	// that says nothing of the app, so a start is tried up to three times,
	// each with a fresh profile.
	var ctx context.Context
	for attempt := 1; ; attempt++ {
		// The profile is removed after Chromium has exited; t.TempDir's own
		// cleanup can race with Chromium's last writes.
		profile, err := os.MkdirTemp("", "raqim-chromium-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(profile) })
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromium),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-quic", true),
			chromedp.UserDataDir(profile),
			chromedp.WindowSize(1400, 900),
		)
		opts = append(opts, flags...)
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		c, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
		err = chromedp.Run(c, browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).
			WithDownloadPath(downloads).WithEventsEnabled(true))
		if err == nil {
			t.Cleanup(cancelAlloc)
			t.Cleanup(func() { chromedp.Cancel(c) })
			ctx = c
			break
		}
		cancel()
		cancelAlloc()
		if attempt == 3 || !strings.Contains(err.Error(), "chrome failed to start") {
			t.Fatalf("starting Chromium (attempt %d): %v", attempt, err)
		}
		t.Logf("starting Chromium (attempt %d) failed, trying again: %.300s", attempt, err)
	}
	// The page's console errors and uncaught exceptions go to the test log.
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning || os.Getenv("RAQIM_CONSOLE") != "" {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				t.Logf("console.%s: %s", ev.Type, strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			t.Logf("page exception: %s", ev.ExceptionDetails.Error())
		}
	})
	return ctx, downloads
}

// run runs actions with a deadline, failing the test with what was being done.
func run(t testing.TB, ctx context.Context, what string, actions ...chromedp.Action) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Run(c, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JS expression and decodes its result into out.
func eval(t testing.TB, ctx context.Context, expr string, out any) {
	t.Helper()
	run(t, ctx, "evaluating "+expr, chromedp.Evaluate(expr, out, awaitPromise))
}

func awaitPromise(p *runtimeEvaluateParams) *runtimeEvaluateParams { return p.WithAwaitPromise(true) }

// waitJS polls a JS condition until it is true.
func waitJS(t testing.TB, ctx context.Context, what, cond string) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err := chromedp.Run(c, chromedp.Poll(cond, nil, chromedp.WithPollingTimeout(45*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	if err == nil {
		return
	}
	// What the page says helps to see why.
	var page string
	c2, cancel2 := context.WithTimeout(ctx, 5*time.Second)
	defer cancel2()
	chromedp.Run(c2, chromedp.Evaluate(`[...document.querySelectorAll('[data-testid=message]')].map(m => '['+m.dataset.kind+'] '+m.textContent).join('\n') + '\nsave state: ' + document.querySelector('[data-testid=save-state]')?.textContent + '\ndocuments listed: ' + document.querySelectorAll('[data-testid=doc]').length + ', document shown: ' + !!document.querySelector('[data-testid=document]') + '\nlocation: ' + location.href + '\nbody: ' + document.body.innerText.slice(0, 400)`, &page))
	t.Fatalf("waiting for %s: %v\nthe page says:\n%s", what, err, page)
}

// waitDrawn waits until a document is shown and painted: the app clears its
// "being opened" mark only then, and a reload before that is taken for an
// open that crashed the tab, which is not repeated by itself.
func waitDrawn(t testing.TB, ctx context.Context, what string) {
	t.Helper()
	waitJS(t, ctx, what, `!!document.querySelector('[data-testid=document]') && localStorage.getItem('raqim.opening') === null`)
}

// screenshot saves a PNG of the page under the test's artifacts folder.
func screenshot(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	var buf []byte
	run(t, ctx, "screenshot", chromedp.CaptureScreenshot(&buf))
	dir := os.Getenv("RAQIM_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "raqim-e2e")
	}
	os.MkdirAll(dir, 0o755)
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
	return p
}

func js(format string, args ...any) string { return fmt.Sprintf(format, args...) }

type runtimeEvaluateParams = runtime.EvaluateParams

func chromedpNavigate(url string) chromedp.Action { return chromedp.Navigate(url) }
