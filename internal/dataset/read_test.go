package dataset

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
)

// rawEntry is a file of a hand-made zip whose header may lie about its size.
type rawEntry struct {
	name     string
	data     []byte // what the entry really unpacks to
	declared uint64 // the size its header gives
}

// rawZip writes entries deflated, each header declaring its own size.
func rawZip(t *testing.T, entries ...rawEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestCompression)
		fw.Write(e.data)
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(e.data),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: e.declared})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(comp.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadLimits checks that each file of a zip is held to the limit of a
// file by its declared size (refused without being expanded) and by what
// comes out of it (a header that lies), that all files together are held
// to the zip's budget, and that a zip of too many files is refused; every
// error names the zip and the file in it.
func TestReadLimits(t *testing.T) {
	text := []byte(strings.Repeat("هجوم في كاي\n", 100)) // 2,100 bytes
	n := uint64(len(text))
	cases := []struct {
		name             string
		zip              []byte
		fileLimit, all   int64
		wantFile, wantIn string
	}{
		{"declared over a file's limit", rawZip(t, rawEntry{"a/big.txt", text, n}), 1000, 1 << 20, "x.zip/a/big.txt", "more than the import limit of"},
		{"a header that lies", rawZip(t, rawEntry{"a/liar.txt", text, 10}), 1000, 1 << 20, "x.zip/a/liar.txt", "more than its zip declares"},
		{"the whole zip over its budget", rawZip(t, rawEntry{"one.txt", text, n}, rawEntry{"two.txt", text, n}), 1 << 20, 3000, "x.zip/two.txt", "the zip's files unpack to more than"},
	}
	for _, c := range cases {
		_, _, err := read("x.zip", c.zip, opts(), c.fileLimit, c.all)
		var fe *corpus.FileError
		if !errors.As(err, &fe) || fe.File != c.wantFile || !strings.Contains(err.Error(), c.wantIn) {
			t.Errorf("%s: error %v, want one naming %s and saying %q", c.name, err, c.wantFile, c.wantIn)
		}
	}
	// Within the limits the same zips are read.
	if docs, _, err := read("x.zip", rawZip(t, rawEntry{"a/big.txt", text, n}), opts(), 1<<20, 1<<20); err != nil || len(docs) != 1 {
		t.Errorf("within the limits: %d documents, %v", len(docs), err)
	}

	var many bytes.Buffer
	zw := zip.NewWriter(&many)
	for i := range format.MaxEntries + 1 {
		w, _ := zw.Create(fmt.Sprintf("f%d.md", i))
		w.Write([]byte("x"))
	}
	zw.Close()
	_, _, err := Read("many.zip", many.Bytes(), opts())
	var fe *corpus.FileError
	if !errors.As(err, &fe) || fe.File != "many.zip" || !strings.Contains(err.Error(), fmt.Sprint(format.MaxEntries+1, " files")) {
		t.Errorf("a zip of %d files: %v", format.MaxEntries+1, err)
	}
}

// TestReadEntryNames checks that names with "../", absolute paths and
// backslashes are only names: the documents are read, titled by the file's
// base name, and errors quote the name as the zip has it.
func TestReadEntryNames(t *testing.T) {
	text := []byte("هجوم في كاي")
	z := rawZip(t,
		rawEntry{"../../etc/evil.txt", text, uint64(len(text))},
		rawEntry{"/abs/path.txt", []byte("هجوم في غاو"), uint64(len("هجوم في غاو"))},
		rawEntry{`back\slash\name.txt`, []byte("هجوم في موبتي"), uint64(len("هجوم في موبتي"))},
	)
	docs, _, err := Read("names.zip", z, opts())
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, d := range docs {
		titles = append(titles, d.Title)
	}
	if got := strings.Join(titles, ","); len(docs) != 3 || !containsAll(got, "evil", "path", "name") {
		t.Errorf("titles %q, want evil, path and name", got)
	}
	bad := rawZip(t, rawEntry{"../../x.jsonl", []byte("not json\n"), 9})
	_, _, err = Read("bad.zip", bad, opts())
	var fe *corpus.FileError
	if !errors.As(err, &fe) || fe.File != "bad.zip/../../x.jsonl" || fe.Line != 1 {
		t.Errorf("error %v, want it at bad.zip/../../x.jsonl line 1", err)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
