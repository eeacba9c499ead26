package jsonl_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/jsonl"
)

// BenchmarkDecodeLong decodes one line of a 150,000-code-point document
// with 5,000 spans, the peer benchmark's long case in size.
func BenchmarkDecodeLong(b *testing.B) {
	const word = "كلمة "
	text := strings.Repeat(word, 150000/len([]rune(word)))
	type span struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Label string `json:"label"`
	}
	var spans []span
	for i := range 5000 {
		at := i * 6 * len([]rune(word))
		spans = append(spans, span{at, at + 4, "ACTOR"})
	}
	line, err := json.Marshal(map[string]any{"id": "long", "text": text, "spans": spans})
	if err != nil {
		b.Fatal(err)
	}
	line = append(line, '\n')
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		docs, err := jsonl.Decode("long.jsonl", bytes.NewReader(line), jsonl.DecodeOptions{})
		if err != nil || len(docs[0].Spans) != 5000 {
			b.Fatalf("%v, %d documents", err, len(docs))
		}
	}
}
