// Package jsonl reads corpora as JSON Lines (raqim's own, the gold files',
// Prodigy's spans, doccano's labels) and writes raqim's, one document per
// line, with span offsets in code points of the text exactly as stored.
package jsonl

import (
	"bytes"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
)

// DecodeOptions says how Decode checks and completes the documents it
// reads: the options of every format.
type DecodeOptions = format.Options

// EncodeOptions says what Encode writes besides each span's start, end, label and text.
type EncodeOptions struct {
	// Schema, when set, makes Encode refuse spans whose label it lacks.
	Schema *corpus.Schema
	// Units also writes start_utf16/end_utf16 and start_byte/end_byte per span.
	Units bool
	// Annotations also writes each span's id, annotator and created time
	// (its attrs, the values, are always written).
	Annotations bool
	// Attribute writes each span's annotator and each line's
	// meta.annotator: DocAnnotator of the document with Annotator as the fallback.
	Attribute bool
	// Annotator is the meta.annotator of a line whose document names none
	// (the request's annotator).
	Annotator string
}

func init() { format.Register(format.SpanJSONL, read) }

// read is the reader of span JSONL files in format's table.
func read(files []format.File, opts format.Options) (format.Result, error) {
	docs, err := Decode(files[0].Name, bytes.NewReader(files[0].Data), opts)
	if err != nil {
		return format.Result{}, err
	}
	return format.Result{Docs: docs}, nil
}
