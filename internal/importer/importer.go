// Package importer turns the files the user picked into documents, each by
// the reader of its format in format's table, and imports them into a store.
package importer

import (
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"

	// The readers of the formats, which register themselves in format's
	// table: the importer reads every format (jsonl is imported for
	// streaming too, and the .txt reader is this package's).
	_ "github.com/raqim/raqim/internal/brat"
	_ "github.com/raqim/raqim/internal/conll"
	_ "github.com/raqim/raqim/internal/dataset"
	_ "github.com/raqim/raqim/internal/hf"
	_ "github.com/raqim/raqim/internal/labelstudio"
)

// Options says how imported documents are checked and completed.
type Options = format.Options

// Result is what one file yields: its documents and what the user should be told about them.
type Result = format.Result

// File imports one user file by the reader of its format, found by its
// extension (case-insensitive) in format's table, refusing files over
// format.MaxFileSize and unknown extensions; errors are *format.Error
// values naming the file and, where it applies, the line.
func File(name string, data []byte, opts Options) (Result, error) {
	if err := Precheck(name, int64(len(data))); err != nil {
		return Result{}, err
	}
	f, err := format.Lookup(name)
	if err != nil {
		return Result{}, err
	}
	return f.Read([]format.File{{Name: name, Data: data}}, opts)
}

// Supported returns the file extensions File imports, sorted, with their dots.
func Supported() []string { return format.Extensions() }

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
	if f, ok := format.ByName(name); ok && f.Kind == format.Text && size > 4*corpus.MaxRunes {
		return format.Errorf(name, 0, "the file is %.1f MiB: a .txt file is one document, and a document holds at most %d code points (at most %.1f MiB); split it into several files",
			float64(size)/(1<<20), corpus.MaxRunes, float64(4*corpus.MaxRunes)/(1<<20))
	}
	return nil
}
