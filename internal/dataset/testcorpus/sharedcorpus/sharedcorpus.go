//go:build shared

package sharedcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder: $RAQIM_SHARED when set, else ../shared
// beside the module root (the first directory above the working directory,
// the test's package directory, that holds go.mod). It fails the test when
// the folder is missing.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("RAQIM_SHARED")
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			tb.Fatal(err)
		}
		root := wd
		for {
			if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
				break
			}
			up := filepath.Dir(root)
			if up == root {
				tb.Fatalf("no go.mod above %s: cannot find the shared folder beside the repository", wd)
			}
			root = up
		}
		dir = filepath.Join(root, "..", "shared")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		tb.Fatalf("the shared folder %s is missing (tests built with -tags shared need it beside the repository, or RAQIM_SHARED): %v", dir, err)
	}
	return dir
}

// CorpusDir returns the shared corpus folder, Dir/corpus, failing the test
// when it is missing.
func CorpusDir(tb testing.TB) string {
	tb.Helper()
	dir := filepath.Join(Dir(tb), "corpus")
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		tb.Fatalf("the shared corpus folder %s is missing: %v", dir, err)
	}
	return dir
}

// File returns the file rel (slash-separated) of the shared corpus folder,
// failing the test when it is missing or unreadable.
func File(tb testing.TB, rel string) []byte {
	tb.Helper()
	path := filepath.Join(CorpusDir(tb), filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("shared corpus file %s: %v", path, err)
	}
	return data
}
