package e2e

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestZipEntryOverTheLimit imports a small zip holding one text of 300 MiB,
// past the limit of a file: it is refused with a message naming the zip,
// the entry and the limit, and nothing of it is stored.
func TestZipEntryOverTheLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bomb.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, err := zw.Create("inside/big.txt")
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat("هجوم في كاي ", 4096))
	for written := 0; written < 300<<20; written += len(chunk) {
		w.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if st, _ := os.Stat(p); st.Size() > 2<<20 {
		t.Fatalf("the zip is %d bytes, want it small", st.Size())
	}
	ctx, _, _ := startApp(t)
	before := docCount(t, ctx)
	run(t, ctx, "import", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{p}, chromedp.ByQuery))
	waitJS(t, ctx, "the refusal", `[...document.querySelectorAll('[data-testid=message][data-kind=error]')].some(m => m.textContent.includes('bomb.zip') && m.textContent.includes('inside/big.txt') && m.textContent.includes('MiB'))`)
	var msg string
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=message][data-kind=error]')].map(m => m.textContent).join(' | ')`, &msg)
	t.Logf("said: %s", msg)
	if n := docCount(t, ctx); n != before {
		t.Errorf("%d documents listed, want %d", n, before)
	}
}
