//go:build shared

package testcorpus

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset/testcorpus/sharedcorpus"
)

// Shared returns the shared gold corpus, gold.jsonl of the shared corpus
// folder (see package sharedcorpus), as a finished corpus (see finish),
// each document titled with its ID. It fails the test when the file is
// missing.
func Shared(tb testing.TB) []corpus.Document {
	tb.Helper()
	const name = "gold.jsonl"
	var docs []corpus.Document
	for n, line := range bytes.Split(sharedcorpus.File(tb, name), []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var g struct {
			ID    string `json:"id"`
			Text  string `json:"text"`
			Spans []struct {
				Start int          `json:"start"`
				End   int          `json:"end"`
				Label corpus.Label `json:"label"`
			} `json:"spans"`
		}
		if err := json.Unmarshal(line, &g); err != nil {
			tb.Fatalf("shared %s:%d: %v", name, n+1, err)
		}
		d := corpus.Document{ID: g.ID, Title: g.ID, Text: g.Text}
		for _, s := range g.Spans {
			d.Spans = append(d.Spans, corpus.Span{Start: s.Start, End: s.End, Label: s.Label})
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		tb.Fatalf("shared %s holds no document", name)
	}
	return finish(tb, "shared", docs)
}

// addShared adds the shared gold corpus to the corpora of Corpora.
func addShared(tb testing.TB, m map[string][]corpus.Document) {
	tb.Helper()
	m["shared"] = Shared(tb)
}
