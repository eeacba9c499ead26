// Package importer turns a file the user picked into documents, choosing the
// format by the file name's extension.
package importer

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
)

// Options says how imported documents are checked and completed.
type Options = format.Options

// Result is what one file yields: its documents and what the user should be told about them.
type Result = format.Result

// importFunc imports the contents of one file of a given format; name is used in errors.
type importFunc func(name string, data []byte, opts Options) (Result, error)

// File imports one user file by its extension (case-insensitive), refusing
// files over format.MaxFileSize and unknown extensions; errors are
// *format.Error values naming the file and, where it applies, the line.
func File(name string, data []byte, opts Options) (Result, error) {
	if err := Precheck(name, int64(len(data))); err != nil {
		return Result{}, err
	}
	ext := strings.ToLower(path.Ext(baseName(name)))
	imp, ok := formats[ext]
	if !ok {
		what := fmt.Sprintf("unsupported file type %q", ext)
		if ext == "" {
			what = "the file name has no extension"
		}
		return Result{}, format.Errorf(name, 0, "%s: raqim imports %s files", what, strings.Join(Supported(), ", "))
	}
	return imp(name, data, opts)
}

// Supported returns the file extensions File imports, sorted, with their dots.
func Supported() []string {
	exts := make([]string, 0, len(formats))
	for ext := range formats {
		exts = append(exts, ext)
	}
	sort.Strings(exts)
	return exts
}

// baseName returns the last element of a slash- or backslash-separated path.
func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		return name[i+1:]
	}
	return name
}

// Precheck refuses, by its size alone and before it is read, a file that
// cannot be imported: one over format.MaxFileSize, or a .txt (one document)
// of more bytes than corpus.MaxRunes code points can take in UTF-8.
func Precheck(name string, size int64) error {
	if size > format.MaxFileSize {
		return format.Errorf(name, 0, "the file is %.1f MiB, more than the import limit of %d MiB (split it)", float64(size)/(1<<20), format.MaxFileSize>>20)
	}
	if strings.ToLower(path.Ext(baseName(name))) == ".txt" && size > 4*corpus.MaxRunes {
		return format.Errorf(name, 0, "the file is %.1f MiB: a .txt file is one document, and a document holds at most %d code points (at most %.1f MiB); split it into several files",
			float64(size)/(1<<20), corpus.MaxRunes, float64(4*corpus.MaxRunes)/(1<<20))
	}
	return nil
}
