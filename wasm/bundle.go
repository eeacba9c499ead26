//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// bundle writes the static site to out: go-app's pages and scripts, the
// assets of web (app.wasm included) under out/web, and gzip copies of the
// large files for servers that can send them precompressed.
func bundle(out, web, base string) error {
	for _, f := range []string{"app.wasm", "worker.wasm"} {
		if _, err := os.Stat(filepath.Join(web, f)); err != nil {
			return fmt.Errorf("bundle: %s/%s is missing; build it first (make bundle does)", web, f)
		}
	}
	version, err := hashDir(web)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, handler(version, base)); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	if err := addPolicy(filepath.Join(out, "index.html")); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	if err := patchFile(filepath.Join(out, "app.js"), appJSPatches); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	if err := patchFile(filepath.Join(out, "index.html"), pagePatches(base)); err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	err = filepath.WalkDir(web, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(web, path)
		dst := filepath.Join(out, "web", rel)
		if err := copyFile(dst, path); err != nil {
			return err
		}
		if filepath.Ext(path) == ".wasm" {
			return gzipFile(dst+".gz", path)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("bundle: %w", err)
	}
	fmt.Printf("raqim: bundle written to %s (version %s)\n", out, version)
	return nil
}

// hashDir returns a short digest of every file under dir: the app's version,
// which changes whenever the app does, so clients update.
func hashDir(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		io.WriteString(h, path)
		_, err = io.Copy(h, f)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:12], err
}

func copyFile(dst, src string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

func gzipFile(dst, src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(dst, buf.Bytes(), 0o644)
}

// addPolicy puts the Content-Security-Policy in a page's head, first after
// its charset, so that it governs everything the page loads.
func addPolicy(page string) error {
	b, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	const charset = `<meta charset="UTF-8">`
	if !bytes.Contains(b, []byte(charset)) {
		return fmt.Errorf("%s: no %s to put the Content-Security-Policy after", page, charset)
	}
	meta := fmt.Sprintf(`%s
    <meta http-equiv="Content-Security-Policy" content="%s">`, charset, html.EscapeString(csp))
	return os.WriteFile(page, bytes.Replace(b, []byte(charset), []byte(meta), 1), 0o644)
}

// appJSPatches change go-app's start-up script (app.js) for a faster cold
// load, each measured by BenchmarkBrowserColdLoad:
//   - app.wasm streams straight into the compiler: go-app's progress
//     counter copies every chunk through a script stream and writes the
//     loading label for each (about 100 ms of the page's thread at start);
//   - the service worker is registered once the first document is painted
//     (the app's "raqim:shown" event) or 5 s after the page has loaded,
//     whichever is first: its install fetches app.wasm and worker.wasm
//     again, which shared the network and the cores with the first load.
var appJSPatches = []patch{
	{regexp.MustCompile(`fetchWithProgress\(("[^"]*/web/app\.wasm"), showProgress\)`), `fetch($1)`},
	{regexp.MustCompile(`(?m)^goappInitServiceWorker\(\);\n`), `(() => {
  let registered = false;
  const register = () => {
    if (!registered) {
      registered = true;
      goappInitServiceWorker();
    }
  };
  addEventListener("raqim:shown", register, { once: true });
  addEventListener("load", () => setTimeout(register, 5000), { once: true });
})();
`},
}

// pagePatches change go-app's index.html (whose attributes go-app writes
// in any order) for a site under base:
//   - app.wasm is preloaded from the page's head, first after its
//     Content-Security-Policy, so that its download starts with the page's
//     other files rather than when app.js runs after them (about 50 ms
//     later); app.js's fetch takes the preload;
//   - the web font's preload is made in CORS mode, as the style sheet's
//     @font-face fetches fonts: without crossorigin the browser cannot use
//     what it preloaded, fetches the font again once the text is laid out,
//     and lays the text out twice (fallback font, then the web font).
func pagePatches(base string) []patch {
	wasm := path.Join("/", base, "web", "app.wasm")
	return []patch{
		{regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="[^"]*">`),
			"$0\n    <link rel=\"preload\" href=\"" + wasm + "\" as=\"fetch\" crossorigin>"},
		{regexp.MustCompile(`(<link [^>]*\bas="font"[^>]*)>`), `$1 crossorigin>`},
	}
}

// patch is a change to a generated file: its pattern's one match is
// replaced by new (regexp.Expand's $1 and the like).
type patch struct {
	old *regexp.Regexp
	new string
}

// patchFile applies each patch to the file, whose pattern must match exactly
// once: a go-app whose scripts changed fails the bundle rather than ship
// unpatched.
func patchFile(path string, patches []patch) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, p := range patches {
		if n := len(p.old.FindAllIndex(b, -1)); n != 1 {
			return fmt.Errorf("%s: %s matches %d times, want once (has go-app changed?)", path, p.old, n)
		}
		b = p.old.ReplaceAll(b, []byte(p.new))
	}
	return os.WriteFile(path, b, 0o644)
}
