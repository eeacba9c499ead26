package agreement

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

// categoryAlpha computes uα of one category from each coder's units on a
// continuum [0, L), with the functions the engine uses.
func categoryAlpha(coders [][]run, L int) (a, do, de float64, ok bool) {
	var s alphaSums
	var units, gaps []int
	secs := make([][]section, len(coders))
	for i, c := range coders {
		secs[i] = sections(nil, c, L)
		for _, sec := range secs[i] {
			l := sec.end - sec.start
			if sec.unit {
				lf := float64(l)
				s.Nc++
				s.A3 += 2*lf*lf*lf - 3*lf*lf + lf
				s.Q += lf * (lf - 1)
				units = append(units, l)
			} else {
				gaps = append(gaps, l)
			}
		}
	}
	for i := range secs {
		for j := i + 1; j < len(secs); j++ {
			s.Do += observed(secs[i], secs[j])
		}
	}
	desc := func(a, b int) int { return b - a }
	slices.SortFunc(units, desc)
	slices.SortFunc(gaps, desc)
	return alpha(s, cross(units, gaps), len(coders), float64(L))
}

// Krippendorff's worked example (Content Analysis, 2nd ed., 2004, p. 254;
// also the test case of DKPro Statistics' Krippendorff2004Test): a
// continuum [150, 450) coded by two observers with categories c and k. The
// published values are uDo(c) = 0.0144, uDe(c) = 0.0532, uα(c) = 0.7286,
// uα(k) = 1 and uα over both = 0.8591. Offsets here are less 150.
func TestAlphaKrippendorff2004(t *testing.T) {
	const L = 300
	c := [][]run{{{75, 145}, {220, 250}}, {{70, 150}, {205, 225}, {250, 270}}}
	k := [][]run{{{30, 90}, {150, 200}}, {{30, 90}, {150, 200}}}
	ac, doC, deC, ok := categoryAlpha(c, L)
	if !ok {
		t.Fatal("c undefined")
	}
	ak, doK, deK, _ := categoryAlpha(k, L)
	for _, x := range []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{"uDo(c)", doC, 0.0144, 0.0001},
		{"uDe(c)", deC, 0.0532, 0.0001},
		{"uα(c)", ac, 0.7286, 0.0001},
		{"uDo(k)", doK, 0, 0},
		{"uDe(k)", deK, 0.0490, 0.0001},
		{"uα(k)", ak, 1, 0},
		{"uα", ratioAlpha(doC+doK, deC+deK), 0.8591, 0.0005},
	} {
		if math.Abs(x.got-x.want) > x.tol {
			t.Errorf("%s = %.5f, want %.4f", x.name, x.got, x.want)
		}
	}
}

// δ² by hand from its definition: two overlapping units add the squares
// of the differences of their starts and ends; a unit wholly inside the
// other coder's gap its length squared; anything else 0.
func TestDelta2(t *testing.T) {
	u := func(s, e int) section { return section{s, e, true} }
	g := func(s, e int) section { return section{s, e, false} }
	tests := []struct {
		a, b section
		want float64
	}{
		{u(75, 145), u(70, 150), 25 + 25},     // starts 5 apart, ends 5
		{u(220, 250), u(205, 225), 225 + 625}, // 15², 25²
		{g(250, 300), u(250, 270), 400},       // a unit of 20 in the gap
		{u(5, 11), u(5, 11), 0},
		{u(5, 11), u(4, 6), 1 + 25},
		{u(2, 6), g(0, 3), 0}, // the unit sticks out of the gap
		{g(0, 10), g(0, 10), 0},
		{u(0, 3), u(3, 6), 0}, // touching units do not overlap
	}
	for _, tc := range tests {
		if got := delta2(tc.a, tc.b); got != tc.want {
			t.Errorf("δ²(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := delta2(tc.b, tc.a); got != tc.want {
			t.Errorf("δ²(%v, %v) = %v, want %v (symmetric)", tc.b, tc.a, got, tc.want)
		}
	}
}

// uα through Agree on a document of 10 code points, computed by hand:
//
// ACTOR: a has [2,6), b has [3,6). The only δ² is of the two units,
// (2−3)² + (6−6)² = 1, so uDo = 2·1/(2·1·10²) = 0.01. Units of length 4
// and 3, Nc = 2; gaps 2, 4 (a) and 3, 4 (b). For l=4: (2−1)(128−48+4)/3 =
// 28, plus 16·((4−4+1)+(4−4+1)) = 32; for l=3: (54−27+3)/3 = 10, plus
// 9·(2+1+2) = 45; total 115, times 2/10 = 23, over 20·19 − (12+6) = 362:
// uDe = 23/362, uα = 1 − 0.01·362/23 = 0.842608696.
//
// PLACE: a has [7,9), b nothing. The unit lies in b's gap [0,10): δ² = 4,
// uDo = 2·4/200 = 0.04. Nc = 1, l = 2: the first term is 0; gaps 7, 1 (a)
// and 10 (b), of which 7 and 10 are ≥ 2: 4·(6+9) = 60, times 2/10 = 12,
// over 380 − 2 = 378: uDe = 12/378, uα = 1 − 0.04·378/12 = −0.26.
//
// Overall: 1 − (0.01+0.04)/(23/362 + 12/378) = 0.475242.
func TestAlphaByHand(t *testing.T) {
	text := "ابتثجحخدذر" // 10 code points, no space
	c := corpusOf([]string{"a", "b"}, text,
		[]corpus.Span{sp(2, 6, actor), sp(7, 9, place)},
		[]corpus.Span{sp(3, 6, actor)})
	r, err := Agree(c, Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	wantOverall := 1 - 0.05/(23.0/362+12.0/378)
	for _, x := range []struct {
		name      string
		got, want float64
	}{
		{"ACTOR", r.AlphaU.PerLabel[actor], 1 - 0.01*362/23},
		{"PLACE", r.AlphaU.PerLabel[place], -0.26},
		{"overall", r.AlphaU.Overall, wantOverall},
	} {
		if math.Abs(x.got-x.want) > 1e-12 {
			t.Errorf("uα %s = %.9f, want %.9f", x.name, x.got, x.want)
		}
	}
	if _, ok := r.AlphaU.PerLabel[date]; ok {
		t.Error("uα of DATE, which nobody used, is reported")
	}
}

// Documents are separate continua whose sums pool: two documents with the
// same units (the second one code point longer) give the figure computed
// by hand below, with gaps ending at each document's end.
func TestAlphaTwoDocuments(t *testing.T) {
	text := "ابتثجحخدذر"
	a := []corpus.Span{sp(2, 6, actor)}
	b := []corpus.Span{sp(3, 6, actor)}
	c := &align.Corpus{Layers: []string{"a", "b"}, Docs: []align.Doc{
		{ID: "1", Text: text, Length: 10, Spans: [][]corpus.Span{a, b}},
		{ID: "2", Text: text + "ز", Length: 11, Spans: [][]corpus.Span{a, b}},
	}}
	r, err := Agree(c, Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	// By hand: L = 21, m = 2, Nc = 4 (lengths 4, 3, 4, 3); Σδ² over
	// ordered pairs = 2 per document, 4 in all: uDo = 4/(2·441).
	// Gaps: doc 1: 2, 4 | 3, 4; doc 2: 2, 5 | 3, 5.
	// l=4 (twice): (4−1)(84)/3 = 84, plus 16·(1+1+2+2) = 96 → 180 each.
	// l=3 (twice): (4−1)(30)/3 = 30, plus 9·(2+1+2+3+1+3) = 108 → 138 each.
	// Σ = 636; uDe = (2/21)·636/(42·41 − 2·(12+6)) = (2/21)·636/1686.
	do := 4.0 / (2 * 441)
	de := (2.0 / 21) * 636 / 1686
	want := 1 - do/de
	if got := r.AlphaU.PerLabel[actor]; math.Abs(got-want) > 1e-12 {
		t.Errorf("uα = %.9f, want %.9f", got, want)
	}
}

// corpusOf makes a one-document corpus with the given layers.
func corpusOf(names []string, text string, layers ...[]corpus.Span) *align.Corpus {
	n := 0
	for range text {
		n++
	}
	return &align.Corpus{Layers: names, Docs: []align.Doc{{ID: "doc", Text: text, Length: n, Spans: layers}}}
}

// The cross term of a weighting of documents equals the term computed
// straight from its definition over the units and gaps of each document
// repeated weight times.
func TestCrossIndexTerm(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const docs = 30
	var x crossIndex
	perDoc := make([][2][]int, docs) // units, gaps
	for d := 0; d < docs; d++ {
		for i := 0; i < rng.IntN(6); i++ {
			l := 1 + rng.IntN(12)
			perDoc[d][0] = append(perDoc[d][0], l)
			x.units = append(x.units, lenDoc{int32(l), int32(d)})
		}
		for i := 0; i < 1+rng.IntN(6); i++ {
			l := 1 + rng.IntN(20)
			perDoc[d][1] = append(perDoc[d][1], l)
			x.gaps = append(x.gaps, lenDoc{int32(l), int32(d)})
		}
	}
	x.prepare(docs)
	for trial := 0; trial < 20; trial++ {
		w := make([]float64, docs)
		var units, gaps []int
		for d := range w {
			w[d] = float64(rng.IntN(3))
			for k := 0; k < int(w[d]); k++ {
				units = append(units, perDoc[d][0]...)
				gaps = append(gaps, perDoc[d][1]...)
			}
		}
		want := 0.0 // Σ_u l² Σ_{g ≥ l} (g − l + 1), by definition
		for _, l := range units {
			for _, g := range gaps {
				if g >= l {
					want += float64(l * l * (g - l + 1))
				}
			}
		}
		if got := x.term(w); got != want {
			t.Fatalf("trial %d: term %v, want %v", trial, got, want)
		}
	}
}
