package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// idbPage runs a Go test binary built for the browser and keeps what it
// prints and its exit code.
const idbPage = `<!doctype html>
<meta charset="utf-8">
<title>IndexedDB conformance</title>
<script src="wasm_exec.js"></script>
<script>
window.out = [];
const log = console.log.bind(console);
console.log = (...a) => { window.out.push(a.join(' ')); log(...a); };
const go = new Go();
go.argv = ['webapi.test', '-test.v', '-test.run', '^TestIDBConformance$'];
go.exit = code => { window.exitCode = code; };
WebAssembly.instantiateStreaming(fetch('webapi.test.wasm'), go.importObject)
  .then(r => go.run(r.instance))
  .catch(e => { window.out.push('could not run: ' + e); window.exitCode = -1; });
</script>`

// TestIndexedDBConformance runs the store contract's suite (store/storetest)
// against the IndexedDB store in Chromium: app/webapi's wasm test binary,
// built here, on a page of its own.
func TestIndexedDBConformance(t *testing.T) {
	dir := t.TempDir()
	build := exec.Command("go", "test", "-c", "-o", filepath.Join(dir, "webapi.test.wasm"), "./app/webapi")
	build.Dir = ".."
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building app/webapi's tests for the browser: %v\n%s", err, out)
	}
	execJS, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"wasm_exec.js": execJS, "index.html": []byte(idbPage)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := serveDir(t, dir, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "loading the test page", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the suite to end", `window.exitCode !== undefined`)
	var code int
	var out []string
	eval(t, ctx, `window.exitCode`, &code)
	eval(t, ctx, `window.out`, &out)
	log := strings.Join(out, "\n")
	if code != 0 {
		t.Fatalf("the store suite failed on IndexedDB (exit code %d):\n%s", code, log)
	}
	if !strings.Contains(log, "--- PASS: TestIDBConformance") || strings.Contains(log, "--- SKIP") {
		t.Fatalf("the suite did not run whole:\n%s", log)
	}
	t.Logf("IndexedDB passes the store suite: %d subtests", strings.Count(log, "    --- PASS"))
}
