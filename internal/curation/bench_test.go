package curation

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

// bigDoc is a 150,000-code-point document with two layers of about 5,000
// spans each, one span per 30 code points, the second layer moving one
// boundary in ten and dropping one span in twenty (deterministic).
func bigDoc() *align.Doc {
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 150_000
	text := strings.Repeat("كلمة ", n/5)
	labels := []corpus.Label{corpus.Actor, corpus.Place, corpus.Date, corpus.Casualty}
	var a, b []corpus.Span
	for start := 0; start+30 <= n; start += 30 {
		s := sp(start+rng.IntN(5), start+10+rng.IntN(10), labels[rng.IntN(4)])
		a = append(a, s)
		switch r := rng.IntN(20); {
		case r < 2:
			s.End++
			b = append(b, s)
		case r == 2:
		default:
			b = append(b, s)
		}
	}
	return &align.Doc{ID: "big", Text: text, Length: n, Spans: [][]corpus.Span{a, b}}
}

// openDecisions returns an accept of layer a for every open unit.
func openDecisions(c *Curation) []Decision {
	var out []Decision
	for _, u := range c.Units() {
		if u.State == Open {
			out = append(out, Decision{Unit: u.Key, Action: Accept, Layer: "a", Who: "bench", When: time.Unix(1, 0)})
		}
	}
	return out
}

// One decision on a large document.
func BenchmarkDecide(b *testing.B) {
	c, err := New(bigDoc(), []string{"a", "b"}, Settings{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	ds := openDecisions(c)
	b.ReportMetric(float64(len(ds)), "open-units")
	i := 0
	for b.Loop() {
		if err := c.Decide(ds[i%len(ds)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// Re-merging a large document with a decision on every open unit, then its gold.
func BenchmarkRemerge(b *testing.B) {
	d := bigDoc()
	c, err := New(d, []string{"a", "b"}, Settings{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	ds := openDecisions(c)
	for b.Loop() {
		c, err := New(d, []string{"a", "b"}, Settings{}, ds)
		if err != nil || !c.Curated() {
			b.Fatal(err, c.OpenUnits())
		}
		if _, err := c.Gold(""); err != nil {
			b.Fatal(err)
		}
	}
}
