package agreement

import (
	"fmt"
	"math"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

func sp(start, end int, l corpus.Label) corpus.Span {
	return corpus.Span{Start: start, End: end, Label: l}
}

const (
	actor    = corpus.Actor
	place    = corpus.Place
	date     = corpus.Date
	casualty = corpus.Casualty
)

// counts tallies compare's matches per schema, overall and per label (a
// match under its gold span's label, a SPU under its predicted span's).
func counts(gold, pred []corpus.Span) (all [4]Counts, per map[corpus.Label]*[4]Counts) {
	per = map[corpus.Label]*[4]Counts{}
	compare(gold, pred, make([]bool, len(gold)), func(m Match) {
		l := matchSpan(&m, gold, pred).Label
		if per[l] == nil {
			per[l] = &[4]Counts{}
		}
		for sc := range Schemas {
			for _, c := range []*Counts{&all[sc], &per[l][sc]} {
				switch m.Cat[sc] {
				case COR:
					c.COR++
				case INC:
					c.INC++
				case PAR:
					c.PAR++
				case MIS:
					c.MIS++
				case SPU:
					c.SPU++
				}
			}
		}
	})
	return all, per
}

// c5 writes counts in nervaluate's order: correct, incorrect, partial, missed, spurious.
func c5(cor, inc, par, mis, spu int) Counts { return Counts{cor, inc, par, mis, spu} }

// The expected counts were derived by hand from the rules of nervaluate's
// README (scenario table) and compute_metrics, and confirmed by running
// nervaluate 0.3.1's Evaluator on the same spans (its ends inclusive, so
// end-1 of ours), schemas in the order strict, exact, partial, ent_type.
func TestCompare(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []corpus.Span
		want       [4]Counts
		per        map[corpus.Label][4]Counts
		prf        [4][3]float64 // precision, recall, F1 per schema
	}{
		{
			// The README's six scenarios: III missed, II spurious, V same
			// type other boundary, IV same boundary other type, I exact,
			// VI other boundary and other type.
			name: "readme scenarios",
			gold: []corpus.Span{sp(0, 5, place), sp(20, 28, actor), sp(30, 41, actor), sp(45, 54, actor), sp(60, 74, date)},
			pred: []corpus.Span{sp(10, 15, place), sp(17, 28, actor), sp(30, 41, place), sp(45, 54, actor), sp(55, 74, actor)},
			want: [4]Counts{c5(1, 3, 0, 1, 1), c5(2, 2, 0, 1, 1), c5(2, 0, 2, 1, 1), c5(2, 2, 0, 1, 1)},
			per: map[corpus.Label][4]Counts{
				actor: {c5(1, 2, 0, 0, 0), c5(2, 1, 0, 0, 0), c5(2, 0, 1, 0, 0), c5(2, 1, 0, 0, 0)},
				place: {c5(0, 0, 0, 1, 1), c5(0, 0, 0, 1, 1), c5(0, 0, 0, 1, 1), c5(0, 0, 0, 1, 1)},
				date:  {c5(0, 1, 0, 0, 0), c5(0, 1, 0, 0, 0), c5(0, 0, 1, 0, 0), c5(0, 1, 0, 0, 0)},
			},
			// strict 1/5; exact 2/5; partial (2+0.5·2)/5; ent_type 2/5.
			prf: [4][3]float64{{0.2, 0.2, 0.2}, {0.4, 0.4, 0.4}, {0.6, 0.6, 0.6}, {0.4, 0.4, 0.4}},
		},
		{
			// One predicted span over two gold spans counts against both.
			name: "pred spans two golds",
			gold: []corpus.Span{sp(0, 3, actor), sp(4, 8, actor)},
			pred: []corpus.Span{sp(0, 8, actor)},
			want: [4]Counts{c5(0, 2, 0, 0, 0), c5(0, 2, 0, 0, 0), c5(0, 0, 2, 0, 0), c5(2, 0, 0, 0, 0)},
			per: map[corpus.Label][4]Counts{
				actor: {c5(0, 2, 0, 0, 0), c5(0, 2, 0, 0, 0), c5(0, 0, 2, 0, 0), c5(2, 0, 0, 0, 0)},
			},
			// partial: 0.5·2/2 both ways.
			prf: [4][3]float64{{0, 0, 0}, {0, 0, 0}, {0.5, 0.5, 0.5}, {1, 1, 1}},
		},
		{
			// A gold span taken by one prediction is not taken again: the
			// second is spurious, counted under its own label.
			name: "two preds on one gold",
			gold: []corpus.Span{sp(0, 8, actor)},
			pred: []corpus.Span{sp(0, 3, actor), sp(4, 8, place)},
			want: [4]Counts{c5(0, 1, 0, 0, 1), c5(0, 1, 0, 0, 1), c5(0, 0, 1, 0, 1), c5(1, 0, 0, 0, 1)},
			per: map[corpus.Label][4]Counts{
				actor: {c5(0, 1, 0, 0, 0), c5(0, 1, 0, 0, 0), c5(0, 0, 1, 0, 0), c5(1, 0, 0, 0, 0)},
				place: {c5(0, 0, 0, 0, 1), c5(0, 0, 0, 0, 1), c5(0, 0, 0, 0, 1), c5(0, 0, 0, 0, 1)},
			},
			// partial: P 0.5/2, R 0.5/1, F 2·0.25·0.5/0.75; ent_type: P 1/2, R 1/1, F 2/3.
			prf: [4][3]float64{{0, 0, 0}, {0, 0, 0}, {0.25, 0.5, 1.0 / 3}, {0.5, 1, 2.0 / 3}},
		},
		{
			name: "exact match and a missed neighbour",
			gold: []corpus.Span{sp(0, 3, actor), sp(3, 6, place)},
			pred: []corpus.Span{sp(3, 6, place)},
			want: [4]Counts{c5(1, 0, 0, 1, 0), c5(1, 0, 0, 1, 0), c5(1, 0, 0, 1, 0), c5(1, 0, 0, 1, 0)},
			per: map[corpus.Label][4]Counts{
				actor: {c5(0, 0, 0, 1, 0), c5(0, 0, 0, 1, 0), c5(0, 0, 0, 1, 0), c5(0, 0, 0, 1, 0)},
				place: {c5(1, 0, 0, 0, 0), c5(1, 0, 0, 0, 0), c5(1, 0, 0, 0, 0), c5(1, 0, 0, 0, 0)},
			},
			// P 1/1, R 1/2, F 2/3 under every schema.
			prf: [4][3]float64{{1, 0.5, 2.0 / 3}, {1, 0.5, 2.0 / 3}, {1, 0.5, 2.0 / 3}, {1, 0.5, 2.0 / 3}},
		},
		{
			name: "touching spans share no code point",
			gold: []corpus.Span{sp(0, 3, actor)},
			pred: []corpus.Span{sp(3, 6, actor)},
			want: [4]Counts{c5(0, 0, 0, 1, 1), c5(0, 0, 0, 1, 1), c5(0, 0, 0, 1, 1), c5(0, 0, 0, 1, 1)},
			per: map[corpus.Label][4]Counts{
				actor: {c5(0, 0, 0, 1, 1), c5(0, 0, 0, 1, 1), c5(0, 0, 0, 1, 1), c5(0, 0, 0, 1, 1)},
			},
		},
		{
			name: "nothing predicted",
			gold: []corpus.Span{sp(0, 3, actor), sp(5, 9, casualty)},
			want: [4]Counts{c5(0, 0, 0, 2, 0), c5(0, 0, 0, 2, 0), c5(0, 0, 0, 2, 0), c5(0, 0, 0, 2, 0)},
			per: map[corpus.Label][4]Counts{
				actor:    {c5(0, 0, 0, 1, 0), c5(0, 0, 0, 1, 0), c5(0, 0, 0, 1, 0), c5(0, 0, 0, 1, 0)},
				casualty: {c5(0, 0, 0, 1, 0), c5(0, 0, 0, 1, 0), c5(0, 0, 0, 1, 0), c5(0, 0, 0, 1, 0)},
			},
		},
		{
			name: "no gold",
			pred: []corpus.Span{sp(0, 3, actor)},
			want: [4]Counts{c5(0, 0, 0, 0, 1), c5(0, 0, 0, 0, 1), c5(0, 0, 0, 0, 1), c5(0, 0, 0, 0, 1)},
			per: map[corpus.Label][4]Counts{
				actor: {c5(0, 0, 0, 0, 1), c5(0, 0, 0, 0, 1), c5(0, 0, 0, 0, 1), c5(0, 0, 0, 0, 1)},
			},
		},
		{
			// Defined here, unlike nervaluate's 0: identical layers agree fully.
			name: "both empty",
			want: [4]Counts{},
			per:  map[corpus.Label][4]Counts{},
			prf:  [4][3]float64{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			all, per := counts(tc.gold, tc.pred)
			if all != tc.want {
				t.Errorf("counts (strict, exact, partial, ent_type)\n got %v\nwant %v", all, tc.want)
			}
			if len(per) != len(tc.per) {
				t.Errorf("labels counted %v, want %v", keys(per), keys(tc.per))
			}
			for l, w := range tc.per {
				if per[l] == nil || *per[l] != w {
					t.Errorf("%s: got %v, want %v", l, per[l], w)
				}
			}
			for sc, s := range Schemas {
				p, r, f := all[sc].PRF(s)
				w := tc.prf[sc]
				if !near(p, w[0]) || !near(r, w[1]) || !near(f, w[2]) {
					t.Errorf("%s: P/R/F %.4f %.4f %.4f, want %.4f %.4f %.4f", s, p, r, f, w[0], w[1], w[2])
				}
			}
		})
	}
}

func keys[V any](m map[corpus.Label]V) []corpus.Label {
	var out []corpus.Label
	for l := range m {
		out = append(out, l)
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCategoryText(t *testing.T) {
	for c, want := range map[Category]string{COR: "COR", INC: "INC", PAR: "PAR", MIS: "MIS", SPU: "SPU"} {
		b, _ := c.MarshalText()
		if string(b) != want || fmt.Sprint(c) != want {
			t.Errorf("%d: %s", c, b)
		}
	}
}

// TestCategoryReadBack checks that every category reads back as it is
// written, and that an unknown name is refused.
func TestCategoryReadBack(t *testing.T) {
	for _, c := range []Category{COR, INC, PAR, MIS, SPU} {
		b, _ := c.MarshalText()
		var back Category
		if err := back.UnmarshalText(b); err != nil || back != c {
			t.Errorf("%s read back as %s (%v)", b, back, err)
		}
	}
	var c Category
	if err := c.UnmarshalText([]byte("OK")); err == nil {
		t.Error("the unknown category OK was read")
	}
}
