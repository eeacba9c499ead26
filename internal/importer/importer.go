// Package importer turns a file the user picked into documents, choosing the
// format by the file name's extension.
package importer

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
)

// Options says how imported documents are checked and completed; see jsonl.DecodeOptions.
type Options = jsonl.DecodeOptions

// Result is what one file yields: its documents and what the user should be told about them.
type Result struct {
	Docs []corpus.Document
	// Notes are messages for the user, such as "a byte-order mark was removed".
	Notes []string
}

// importFunc imports the contents of one file of a given format; name is used in errors.
type importFunc func(name string, data []byte, opts Options) (Result, error)

// File imports one user file by its extension (case-insensitive), refusing
// files over jsonl.MaxFileSize and unknown extensions; errors are
// *corpus.FileError values naming the file and, where it applies, the line.
func File(name string, data []byte, opts Options) (Result, error) {
	if int64(len(data)) > jsonl.MaxFileSize {
		return Result{}, &corpus.FileError{File: name, Err: fmt.Errorf(
			"the file is %.1f MiB, more than the import limit of %d MiB", float64(len(data))/(1<<20), jsonl.MaxFileSize>>20)}
	}
	ext := strings.ToLower(path.Ext(baseName(name)))
	imp, ok := formats[ext]
	if !ok {
		what := fmt.Sprintf("unsupported file type %q", ext)
		if ext == "" {
			what = "the file name has no extension"
		}
		return Result{}, &corpus.FileError{File: name, Err: fmt.Errorf(
			"%s: raqim imports %s files", what, strings.Join(Supported(), ", "))}
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
