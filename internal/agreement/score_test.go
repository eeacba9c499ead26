package agreement

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

// Scoring layer c of the fixture against a, counted by hand from the
// files. raid: الجيش inside الجيش المالي (ACTOR) and الثلاثاء inside فجر
// الثلاثاء (DATE) are each strict INC, exact INC, partial PAR, ent_type
// COR; موبتي and the casualty are COR. claim: the ACTOR and يوم أمس are
// COR; بولكيسي DATE against gold PLACE is strict INC, exact COR, partial
// COR, ent_type INC. calm: المدينة is SPU.
func TestScoreFixture(t *testing.T) {
	c := fixture(t, "a.jsonl", "c.jsonl")
	r, err := Score(c, 0, 1, Options{Resamples: -1, Labels: corpus.Default.Names()})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		c    Counts
		p, r float64
		f    float64
	}
	wants := map[string]want{
		// P 4/8, R 4/7, F 8/15
		"strict": {c5(4, 3, 0, 0, 1), 0.5, 4.0 / 7, 8.0 / 15},
		// P 5/8, R 5/7, F 2/3
		"exact": {c5(5, 2, 0, 0, 1), 5.0 / 8, 5.0 / 7, 2.0 / 3},
		// P (5+1)/8, R 6/7, F 0.8
		"partial": {c5(5, 0, 2, 0, 1), 0.75, 6.0 / 7, 0.8},
		// P 6/8, R 6/7, F 0.8
		"ent_type": {c5(6, 1, 0, 0, 1), 0.75, 6.0 / 7, 0.8},
	}
	for name, w := range wants {
		s := r.Schemas[name]
		got := Counts{s.COR, s.INC, s.PAR, s.MIS, s.SPU}
		if got != w.c || s.Possible != 7 || s.Actual != 8 {
			t.Errorf("%s: counts %v (possible %d, actual %d), want %v (7, 8)", name, got, s.Possible, s.Actual, w.c)
		}
		approx(t, name+" precision", s.Precision, w.p)
		approx(t, name+" recall", s.Recall, w.r)
		approx(t, name+" F1", s.F1, w.f)
	}
	// Per label, strict: the SPU counts under PLACE, its predicted label;
	// the type error under PLACE, its gold label.
	strict := r.Schemas["strict"]
	for l, w := range map[corpus.Label]Counts{
		actor: c5(1, 1, 0, 0, 0), place: c5(1, 1, 0, 0, 1), date: c5(1, 1, 0, 0, 0), casualty: c5(1, 0, 0, 0, 0),
	} {
		s := strict.PerLabel[l]
		if got := (Counts{s.COR, s.INC, s.PAR, s.MIS, s.SPU}); got != w {
			t.Errorf("strict %s: %v, want %v", l, got, w)
		}
	}
	// Macro strict F1: ACTOR 0.5, PLACE (P 1/3, R 1/2) 0.4, DATE 0.5, CASUALTY 1.
	approx(t, "macro strict F1", strict.Macro.F1, (0.5+0.4+0.5+1)/4)

	type e struct {
		doc, gold, pred string
		cats            [4]Category
	}
	var errs []e
	for _, x := range r.Errors {
		var g, p string
		if x.Gold != nil {
			g = x.Gold.Text + " " + string(x.Gold.Label)
		}
		if x.Pred != nil {
			p = x.Pred.Text + " " + string(x.Pred.Label)
		}
		errs = append(errs, e{x.Doc, g, p, [4]Category{x.Categories["strict"], x.Categories["exact"], x.Categories["partial"], x.Categories["ent_type"]}})
	}
	wantErrs := []e{
		{"raid", "الجيش المالي ACTOR", "الجيش ACTOR", sameType},
		{"raid", "فجر الثلاثاء DATE", "الثلاثاء DATE", sameType},
		{"claim", "بولكيسي PLACE", "بولكيسي DATE", otherType},
		{"calm", "", "المدينة PLACE", allSPU},
	}
	if !reflect.DeepEqual(errs, wantErrs) {
		t.Errorf("errors\n got %v\nwant %v", errs, wantErrs)
	}
	if x := r.Errors[0]; x.Gold.Start != 4 || x.Gold.End != 16 || x.Pred.Start != 4 || x.Pred.End != 9 {
		t.Errorf("offsets of the first error: %+v %+v", *x.Gold, *x.Pred)
	}
	// Per document strict F1: raid 2 of 4 and 4 → 0.5; claim 2/3, 2/3 → 2/3;
	// calm: P 0 (one SPU), R 0 (nothing possible) → 0.
	for i, w := range []float64{0.5, 2.0 / 3, 0} {
		approx(t, "strict F1 of "+r.PerDocument[i].ID, r.PerDocument[i].StrictF1, w)
	}
}

func TestScoreIdenticalAndEmpty(t *testing.T) {
	c := fixture(t, "a.jsonl", "a.jsonl")
	r, err := Score(c, 0, 1, Options{Resamples: 20})
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range r.Schemas {
		if s.F1 != 1 || s.Precision != 1 || s.Recall != 1 || s.Macro.F1 != 1 {
			t.Errorf("%s: %+v, want 1", name, s.PRF)
		}
	}
	if len(r.Errors) != 0 {
		t.Errorf("errors %v", r.Errors)
	}
	for i := range c.Docs {
		c.Docs[i].Spans[1] = nil
	}
	c.Layers[1] = "none.jsonl"
	r, _ = Score(c, 0, 1, Options{Resamples: 20})
	if s := r.Schemas["strict"]; s.F1 != 0 || s.MIS != 7 || s.F1CI != (Interval{0, 0}) {
		t.Errorf("empty prediction: %+v", s)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], "none.jsonl") {
		t.Errorf("warnings %q", r.Warnings)
	}
	if _, err := Score(c, 0, 0, Options{}); err == nil {
		t.Error("a layer scored against itself")
	}
	allFloats(t, r)
}

// TestErrorMarks checks which side of each strict error the document view
// marks: the gold side of MIS, INC and PAR as missed, the predicted side of
// SPU, INC and PAR as wrong, one document's only, sorted (expected values
// by hand from the categories' definitions).
func TestErrorMarks(t *testing.T) {
	ref := func(s, e int) *SpanRef { return &SpanRef{Start: s, End: e} }
	cat := func(c Category) map[string]Category { return map[string]Category{"strict": c, "partial": COR} }
	r := &ScoreReport{Errors: []ScoreError{
		{Doc: "a", Pred: ref(40, 44), Categories: cat(SPU)},
		{Doc: "a", Gold: ref(30, 35), Categories: cat(MIS)},
		{Doc: "a", Gold: ref(10, 15), Pred: ref(10, 15), Categories: cat(INC)},
		{Doc: "a", Gold: ref(0, 6), Pred: ref(2, 6), Categories: cat(PAR)},
		{Doc: "b", Gold: ref(1, 2), Categories: cat(MIS)},
		{Doc: "a", Gold: ref(50, 52), Pred: ref(50, 52), Categories: cat(COR)}, // an error under another schema only
	}}
	missed, wrong := r.ErrorMarks("a")
	if want := []SpanRef{*ref(0, 6), *ref(10, 15), *ref(30, 35)}; !slices.Equal(missed, want) {
		t.Errorf("missed %v, want %v", missed, want)
	}
	if want := []SpanRef{*ref(2, 6), *ref(10, 15), *ref(40, 44)}; !slices.Equal(wrong, want) {
		t.Errorf("wrong %v, want %v", wrong, want)
	}
	if m, w := r.ErrorMarks("c"); m != nil || w != nil {
		t.Errorf("a document without errors has marks %v %v", m, w)
	}
}
