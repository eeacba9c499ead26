//go:build shared

package tokenize

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset/testcorpus/sharedcorpus"
)

// sharedGold returns the documents of the shared gold.jsonl with their
// spans, sorted; it fails when the file is missing.
func sharedGold(tb testing.TB) []corpus.Document {
	tb.Helper()
	var docs []corpus.Document
	for _, line := range bytes.Split(sharedcorpus.File(tb, "gold.jsonl"), []byte("\n")) {
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
			tb.Fatal(err)
		}
		d := corpus.Document{ID: g.ID, Text: g.Text}
		for _, s := range g.Spans {
			d.Spans = append(d.Spans, corpus.Span{Start: s.Start, End: s.End, Label: s.Label})
		}
		corpus.SortSpans(d.Spans)
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		tb.Fatal("the shared gold.jsonl holds no document")
	}
	return docs
}

// TestSharedGoldSpansAreTokenSequences is TestGoldSpansAreTokenSequences on
// the shared gold corpus.
func TestSharedGoldSpansAreTokenSequences(t *testing.T) {
	for _, d := range sharedGold(t) {
		checkSpansAreTokenSequences(t, d.ID, d.Text, d.Spans)
	}
}

// BenchmarkSentencesShared splits the first document of the shared gold
// corpus into sentences (what BenchmarkSentences measured before it moved
// to the sample corpus).
func BenchmarkSentencesShared(b *testing.B) {
	benchSentences(b, sharedGold(b)[:1])
}
