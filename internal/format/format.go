// Package format holds what every file format of raqim shares: the options
// and limits of reading, errors that name the file and the line, unknown
// labels, the one rule that completes the documents read, and the table of
// the file types raqim reads.
package format

import (
	"time"

	"github.com/raqim/raqim/internal/corpus"
)

// The limits of what raqim reads.
const (
	// MaxFileSize is the largest file raqim imports, and the most one file
	// of a zip may unpack to.
	MaxFileSize = 256 << 20
	// MaxLine is the longest line of a span JSONL file: room for a document
	// of corpus.MaxRunes code points with its spans.
	MaxLine = 32 << 20
	// MaxEntries is the most files a zip may hold.
	MaxEntries = 20000
	// MaxUnzipped is the most raqim decompresses from one zip.
	MaxUnzipped = 1 << 30
	// Streamed is the size above which a file of a format that streams
	// (Format.Streams) is read a run of documents at a time, never whole.
	Streamed = 4 << 20
)

// Options says how a reader checks and completes the documents it reads.
type Options struct {
	// Schema lists the labels allowed; nil allows any label.
	Schema *corpus.Schema
	// LabelMap renames labels before the schema check, e.g. to map a file's
	// unknown labels onto the schema.
	LabelMap map[corpus.Label]corpus.Label
	// Annotator is set on spans that carry none.
	Annotator string
	// Now gives the import time stamped on documents and spans; nil means time.Now.
	Now func() time.Time
}

// now returns the import time of o.
func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// File is a file handed to a reader: its name, as the user knows it, and
// its contents.
type File struct {
	Name string
	Data []byte
}

// Result is what a reader made of its files: the documents, and notes for
// the user about how they were read.
type Result struct {
	Docs []corpus.Document
	// Notes are messages for the user, such as "a byte-order mark was
	// removed": each a message key placed in a file (File and Line may be
	// empty), as an *Error so that it can be translated; its Error method
	// renders it in English.
	Notes []*Error
}
