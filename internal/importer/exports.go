package importer

import (
	"bytes"

	"github.com/raqim/raqim/internal/conll"
	"github.com/raqim/raqim/internal/dataset"
	"github.com/raqim/raqim/internal/labelstudio"
)

// importCoNLL reads CoNLL token files (IOB1, IOB2, IOE, BIOES, BILOU) with conll.Decode.
func importCoNLL(name string, data []byte, opts Options) (Result, error) {
	docs, notes, err := conll.Decode(name, bytes.NewReader(data), opts)
	if err != nil {
		return Result{}, err
	}
	return Result{Docs: docs, Notes: notes}, nil
}

// importLabelStudio reads a Label Studio JSON export with labelstudio.Decode.
func importLabelStudio(name string, data []byte, opts Options) (Result, error) {
	docs, notes, err := labelstudio.Decode(name, bytes.NewReader(data), opts)
	if err != nil {
		return Result{}, err
	}
	return Result{Docs: docs, Notes: notes}, nil
}

// importZip reads a raqim dataset zip, a zip of brat pairs or a zip of
// importable files with dataset.Read.
func importZip(name string, data []byte, opts Options) (Result, error) {
	docs, notes, err := dataset.Read(name, data, opts)
	if err != nil {
		return Result{}, err
	}
	return Result{Docs: docs, Notes: notes}, nil
}
