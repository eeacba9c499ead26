package agreement

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

// synthetic makes a corpus of docs documents of two layers with perDoc
// spans each, deterministically: layer a has one span in each stretch of
// 40 code points; layer b copies it but moves a boundary of one span in
// ten, relabels one in twenty, drops one in twenty and adds one in twenty.
func synthetic(docs, perDoc int) *align.Corpus {
	rng := rand.New(rand.NewPCG(1, 2))
	labels := []corpus.Label{actor, place, date, casualty}
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	length := perDoc * 40
	c := &align.Corpus{Layers: []string{"a", "b"}}
	var text strings.Builder
	for d := 0; d < docs; d++ {
		text.Reset()
		for i := 0; i < length; i++ {
			if i%6 == 5 {
				text.WriteByte(' ')
			} else {
				text.WriteRune(letters[rng.IntN(len(letters))])
			}
		}
		var a, b []corpus.Span
		for i := 0; i < perDoc; i++ {
			start := 40*i + rng.IntN(10)
			s := sp(start, start+4+rng.IntN(20), labels[rng.IntN(4)])
			a = append(a, s)
			switch r := rng.IntN(20); {
			case r < 2:
				s.End += 1 + rng.IntN(3)
				b = append(b, s)
			case r == 2:
				s.Label = labels[(rng.IntN(3)+1+indexOf(labels, s.Label))%4]
				b = append(b, s)
			case r == 3:
			case r == 4:
				b = append(b, s, sp(40*i+35, 40*i+39, labels[rng.IntN(4)]))
			default:
				b = append(b, s)
			}
		}
		c.Docs = append(c.Docs, align.Doc{ID: string(rune('a'+d%26)) + strings.Repeat("x", d/26), Text: text.String(), Length: length, Spans: [][]corpus.Span{a, b}})
	}
	return c
}

func indexOf(ls []corpus.Label, l corpus.Label) int {
	for i, x := range ls {
		if x == l {
			return i
		}
	}
	return -1
}

// Agreement of 2,000 documents of two layers of 50,000 spans each.
func BenchmarkAgree(b *testing.B) {
	c := synthetic(2000, 25)
	for _, bc := range []struct {
		name string
		opts Options
	}{
		{"bootstrap1000", Options{}},
		{"nobootstrap", Options{Resamples: -1}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Agree(c, bc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDisagreements(b *testing.B) {
	c := synthetic(2000, 25)
	for b.Loop() {
		Disagreements(c)
	}
}

func BenchmarkScore(b *testing.B) {
	c := synthetic(2000, 25)
	for b.Loop() {
		if _, err := Score(c, 0, 1, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSyntheticIsValid(t *testing.T) {
	c := synthetic(20, 25)
	for _, d := range c.Docs {
		for li, spans := range d.Spans {
			if err := corpus.ValidateSpans(spans, d.Length, corpus.Default); err != nil {
				t.Fatalf("doc %s layer %d: %v", d.ID, li, err)
			}
		}
	}
	if _, err := Agree(c, Options{Resamples: 10}); err != nil {
		t.Fatal(err)
	}
}
