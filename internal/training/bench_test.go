package training

import (
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/tagger"
)

// goldArticles returns n articles of about 3,000 code points, as
// suggest's Benchmark2000Articles builds them, here from the sample's gold
// documents, with their spans moved along: done documents to train on.
func goldArticles(n int) []corpus.Document {
	src := sample.Gold()
	out := make([]corpus.Document, n)
	for i := range out {
		var b strings.Builder
		var spans []corpus.Span
		at := 0
		for j := 0; at < 3000; j++ {
			d := src[(i+j)%len(src)]
			b.WriteString(d.Text)
			b.WriteString("\n")
			for _, s := range d.Spans {
				s.Start, s.End, s.ID = s.Start+at, s.End+at, ""
				spans = append(spans, s)
			}
			at += len([]rune(d.Text)) + 1
		}
		out[i] = corpus.Document{ID: string(rune('a'+i%26)) + strings.Repeat("x", i/26), Text: b.String(), Spans: spans, Status: corpus.StatusDone}
	}
	return out
}

// BenchmarkTrain2000Articles is what the browser's worker does on a corpus
// of 2,000 done articles: the evaluation on a held-back fifth and the
// model on all (Train); BenchmarkTrainOnly2000Articles the model alone.
func BenchmarkTrain2000Articles(b *testing.B) {
	e := suggest.New(suggest.Options{})
	docs := goldArticles(2000)
	for b.Loop() {
		if _, _, err := Train(e, docs, Seed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTrainOnly2000Articles(b *testing.B) {
	e := suggest.New(suggest.Options{})
	docs := goldArticles(2000)
	for b.Loop() {
		if _, err := e.Train(docs, tagger.Config{Seed: Seed}); err != nil {
			b.Fatal(err)
		}
	}
}
