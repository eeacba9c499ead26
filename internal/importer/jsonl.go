package importer

import (
	"bytes"

	"github.com/raqim/raqim/internal/jsonl"
)

// importJSONL reads JSON Lines with jsonl.Decode.
func importJSONL(name string, data []byte, opts Options) (Result, error) {
	docs, err := jsonl.Decode(name, bytes.NewReader(data), opts)
	if err != nil {
		return Result{}, err
	}
	return Result{Docs: docs}, nil
}
