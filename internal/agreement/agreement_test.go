package agreement

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
)

// fixture reads the layers of testdata (written for the project: three
// short invented reports, "raid", "claim" and "calm", annotated three ways).
func fixture(t testing.TB, names ...string) *align.Corpus {
	t.Helper()
	var layers []align.Layer
	for _, n := range names {
		path := filepath.Join("testdata", n)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := jsonl.Decode(path, f, jsonl.DecodeOptions{Schema: corpus.Default})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		layers = append(layers, align.Layer{Name: n, Docs: docs})
	}
	c, err := align.Match(layers)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %.12f, want %.12f", what, got, want)
	}
}

// Span F1 on the fixture, counted by hand from testdata/a.jsonl and b.jsonl:
// strict matches are, in raid, الجيش المالي ACTOR, فجر الثلاثاء DATE and
// مقتل ستة مدنيين CASUALTY, and in claim بولكيسي PLACE: 4 of 7 and 7 spans.
// Per label: ACTOR 1 match of 2 and 3 spans, PLACE 1 of 2 and 2, DATE 1 of
// 2 and 1, CASUALTY 1 of 1 and 1. Overlap: b's spans sharing a code point
// with an a span of their label are all but مسلحين (6 of 7); a's, all but
// يوم أمس (6 of 7).
func TestSpanF1Fixture(t *testing.T) {
	r, err := Agree(fixture(t, "a.jsonl", "b.jsonl"), Options{Resamples: -1, Labels: corpus.Default.Names()})
	if err != nil {
		t.Fatal(err)
	}
	p := r.Pairs[0]
	approx(t, "strict F1", p.Strict.F1, 2*4.0/14)
	approx(t, "strict precision", p.Strict.Precision, 4.0/7)
	approx(t, "strict recall", p.Strict.Recall, 4.0/7)
	for l, want := range map[corpus.Label]float64{actor: 2.0 / 5, place: 2.0 / 4, date: 2.0 / 3, casualty: 1} {
		approx(t, "strict F1 "+string(l), p.Strict.PerLabel[l].F1, want)
	}
	approx(t, "overlap precision", p.Overlap.Precision, 6.0/7)
	approx(t, "overlap recall", p.Overlap.Recall, 6.0/7)
	approx(t, "overlap F1", p.Overlap.F1, 6.0/7)
	// ACTOR overlap: b's الجيش المالي and نصرة… (2 of 3); a's both (2 of 2).
	approx(t, "overlap F1 ACTOR", p.Overlap.PerLabel[actor].F1, 2*(2.0/3)*1/(2.0/3+1))
	if r.Documents != 3 || !reflect.DeepEqual(r.Labels, []corpus.Label{actor, place, date, casualty}) {
		t.Errorf("documents %d, labels %v", r.Documents, r.Labels)
	}
	// Per document: raid has 3 matches of 4 and 5 spans, claim 1 of 3 and
	// 2, calm no span in either (identical: 1).
	for i, want := range []float64{6.0 / 9, 2.0 / 5, 1} {
		approx(t, "strict F1 of "+r.PerDocument[i].ID, r.PerDocument[i].Pairs[0].StrictF1, want)
	}
}

// Cohen's kappa over the non-whitespace code points of the fixture. The
// expected values are sklearn 1.2.1's cohen_kappa_score on the code-point
// labels (each code point its span's label or O, whitespace left out) of
// the three documents in order, per label on label-vs-rest booleans, and
// "labelled" on the code points that either layer of the pair labelled.
func TestCohenKappaFixture(t *testing.T) {
	r, err := Agree(fixture(t, "a.jsonl", "b.jsonl", "c.jsonl"), Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		all, labelled       float64
		perAll, perLabelled map[corpus.Label]float64
	}
	wants := map[[2]string]want{
		{"a.jsonl", "b.jsonl"}: {0.804297102858254, 0.6685849695328369,
			map[corpus.Label]float64{actor: 0.811781206171108, place: 0.8132271892222902, date: 0.7688421052631579, casualty: 1},
			map[corpus.Label]float64{actor: 0.7445864857813723, place: 0.7952139898757478, date: 0.7478753541076487, casualty: 1}},
		{"a.jsonl", "c.jsonl"}: {0.7947229808817792, 0.6387657058388766,
			map[corpus.Label]float64{actor: 0.8892921960072595, place: 0.3757309941520467, date: 0.7067307692307693, casualty: 1},
			map[corpus.Label]float64{actor: 0.8521739130434782, place: 0.3207762557077626, date: 0.6621621621621622, casualty: 1}},
		{"b.jsonl", "c.jsonl"}: {0.5990749756572542, 0.39512741528983475,
			map[corpus.Label]float64{actor: 0.6901703017627727, place: 0.2902633190447029, date: 0.45717463848720796, casualty: 1},
			map[corpus.Label]float64{actor: 0.6125356125356125, place: 0.23232323232323238, date: 0.4114942528735632, casualty: 1}},
	}
	if len(r.Pairs) != 3 {
		t.Fatalf("%d pairs, want 3", len(r.Pairs))
	}
	for _, p := range r.Pairs {
		w := wants[[2]string{p.A, p.B}]
		name := p.A + "/" + p.B
		approx(t, name+" kappa_cp", p.KappaCP, w.all)
		approx(t, name+" labelled", p.Kappa.Labelled.Overall.Value, w.labelled)
		for l, x := range w.perAll {
			approx(t, name+" "+string(l), p.Kappa.All.PerLabel[l].Value, x)
		}
		for l, x := range w.perLabelled {
			approx(t, name+" labelled "+string(l), p.Kappa.Labelled.PerLabel[l].Value, x)
		}
	}
}

// Fleiss' kappa over the three layers: statsmodels 0.13.5's fleiss_kappa
// (method "fleiss") on the table of category counts per non-whitespace
// code point (nltk 3.8's AnnotationTask.pi, multi-π, gives the same
// overall 0.73248511099079), per label on label-vs-rest counts, and
// "labelled" on the code points some layer labelled.
func TestFleissKappaFixture(t *testing.T) {
	r, err := Agree(fixture(t, "a.jsonl", "b.jsonl", "c.jsonl"), Options{Resamples: -1})
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "fleiss", r.FleissKappa, 0.7324851109907959)
	approx(t, "fleiss labelled", r.Fleiss.Labelled.Overall.Value, 0.5924271966790364)
	for l, x := range map[corpus.Label]float64{actor: 0.7968348643824289, place: 0.4991837910505078, date: 0.6414693877551013, casualty: 1} {
		approx(t, "fleiss "+string(l), r.Fleiss.All.PerLabel[l].Value, x)
	}
	for l, x := range map[corpus.Label]float64{actor: 0.7430595644187874, place: 0.45966228893058225, date: 0.6065237810605415, casualty: 1} {
		approx(t, "fleiss labelled "+string(l), r.Fleiss.Labelled.PerLabel[l].Value, x)
	}
}

// allFloats returns every number of v's JSON, by path.
func allFloats(t *testing.T, v any) map[string]float64 {
	t.Helper()
	b, err := json.Marshal(v) // fails on NaN or Inf
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	var walk func(string, any)
	walk = func(path string, x any) {
		switch x := x.(type) {
		case map[string]any:
			for k, v := range x {
				walk(path+"."+k, v)
			}
		case []any:
			for i, v := range x {
				walk(path+"["+strconv.Itoa(i)+"]", v)
			}
		case float64:
			out[path] = x
		}
	}
	walk("", x)
	return out
}

// isFigure tells agreement figures (F1, kappa, alpha, precision, recall
// and their intervals) from counts in a report's JSON paths.
func isFigure(path string) bool {
	if strings.Contains(path, ".confusion.") {
		return false
	}
	for _, c := range []string{"spans", "documents", "resamples", ".cor", ".inc", ".par", ".mis", ".spu", "possible", "actual"} {
		if strings.HasSuffix(path, c) || strings.Contains(path, c+"[") {
			return false
		}
	}
	return true
}

func TestIdenticalLayersAgreeFully(t *testing.T) {
	c := fixture(t, "a.jsonl", "a.jsonl")
	c.Layers = []string{"a", "a again"}
	r, err := Agree(c, Options{Resamples: 50})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for path, x := range allFloats(t, r) {
		if isFigure(path) {
			n++
			if x != 1 {
				t.Errorf("%s = %v, want 1", path, x)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d figures checked", n)
	}
	for i, row := range r.Pairs[0].Confusion.Counts {
		for j, x := range row {
			if i != j && x != 0 {
				t.Errorf("confusion [%d][%d] = %d off the diagonal", i, j, x)
			}
		}
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings %q", r.Warnings)
	}
}

func TestEmptyLayer(t *testing.T) {
	c := fixture(t, "a.jsonl", "b.jsonl")
	for i := range c.Docs {
		c.Docs[i].Spans[1] = nil
	}
	c.Layers[1] = "empty.jsonl"
	r, err := Agree(c, Options{Resamples: 20})
	if err != nil {
		t.Fatal(err)
	}
	p := r.Pairs[0]
	if p.Strict.F1 != 0 || p.Overlap.F1 != 0 || p.Strict.F1CI != (Interval{0, 0}) {
		t.Errorf("F1 strict %v %v, overlap %v; want 0", p.Strict.F1, p.Strict.F1CI, p.Overlap.F1)
	}
	for l, x := range p.Strict.PerLabel {
		if x.F1 != 0 {
			t.Errorf("strict F1 %s = %v, want 0", l, x.F1)
		}
	}
	want := "layer empty.jsonl has no span in the 3 documents compared: its F1 is 0"
	if !reflectContains(r.Warnings, want) {
		t.Errorf("warnings %q lack %q", r.Warnings, want)
	}
	// Every code point the empty layer leaves O: kappa is 0 when the
	// other layer labels some (po = pe for a constant rater).
	if p.KappaCP != 0 {
		t.Errorf("kappa %v, want 0", p.KappaCP)
	}
	allFloats(t, r) // no NaN or Inf
}

func reflectContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestBothLayersEmpty(t *testing.T) {
	c := corpusOf([]string{"a", "b"}, "نص بلا وسوم", nil, nil)
	r, err := Agree(c, Options{Resamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Labels) != 0 {
		t.Errorf("labels %v, want none", r.Labels)
	}
	p := r.Pairs[0]
	if p.Strict.F1 != 1 || p.Overlap.F1 != 1 || p.KappaCP != 1 || r.FleissKappa != 1 || r.AlphaU.Overall != 1 {
		t.Errorf("figures %v %v %v %v %v, want 1", p.Strict.F1, p.Overlap.F1, p.KappaCP, r.FleissKappa, r.AlphaU.Overall)
	}
	if p.Kappa.Labelled.Overall != nil {
		t.Errorf("kappa over labelled code points %v, want none (no code point is labelled)", *p.Kappa.Labelled.Overall)
	}
	if len(r.Warnings) != 2 {
		t.Errorf("warnings %q, want both layers named", r.Warnings)
	}
	allFloats(t, r)
}

// A label that no layer uses is not reported; one that only a third
// layer uses is left out of the pairs without it.
func TestUnusedLabelLeftOut(t *testing.T) {
	c := fixture(t, "a.jsonl", "b.jsonl", "c.jsonl")
	r, err := Agree(c, Options{Resamples: -1, Labels: []corpus.Label{"WEAPON", actor}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Labels, []corpus.Label{actor, casualty, date, place}) {
		t.Errorf("labels %v", r.Labels)
	}
	for _, p := range r.Pairs {
		if _, ok := p.Strict.PerLabel["WEAPON"]; ok {
			t.Errorf("%s/%s reports WEAPON", p.A, p.B)
		}
	}
	// Drop PLACE from a and b: the a/b pair has no PLACE, a/c does.
	for i := range c.Docs {
		for _, li := range []int{0, 1} {
			var keep []corpus.Span
			for _, s := range c.Docs[i].Spans[li] {
				if s.Label != place {
					keep = append(keep, s)
				}
			}
			c.Docs[i].Spans[li] = keep
		}
	}
	r, err = Agree(c, Options{Resamples: 30})
	if err != nil {
		t.Fatal(err)
	}
	ab, ac := r.Pairs[0], r.Pairs[1]
	if _, ok := ab.Strict.PerLabel[place]; ok {
		t.Error("a/b reports PLACE strict F1")
	}
	if _, ok := ab.Kappa.All.PerLabel[place]; ok {
		t.Error("a/b reports PLACE kappa")
	}
	if _, ok := ab.SemEval["strict"].PerLabel[place]; ok {
		t.Error("a/b reports PLACE nervaluate counts")
	}
	if x, ok := ac.Strict.PerLabel[place]; !ok || x.F1 != 0 {
		t.Errorf("a/c PLACE strict F1 %v %v, want 0", x.F1, ok)
	}
	allFloats(t, r)
}

func TestAgreeNeedsTwoLayers(t *testing.T) {
	c := fixture(t, "a.jsonl")
	if _, err := Agree(c, Options{}); err == nil || !strings.Contains(err.Error(), "at least two layers") {
		t.Fatalf("error %v", err)
	}
	empty := &align.Corpus{Layers: []string{"a.jsonl", "b.jsonl"}}
	var nc *align.NoCommonError
	if _, err := Agree(empty, Options{}); !errors.As(err, &nc) || !strings.Contains(err.Error(), "a.jsonl, b.jsonl") {
		t.Fatalf("error %v, want one naming the layers", err)
	}
}

// The bootstrap of two documents, one where the layers agree (one span
// each, the same) and one where they do not (one span each, different):
// a resample holds two agreeing (F1 = 1, probability 1/4), one of each
// (0.5, 1/2) or two disagreeing (0, 1/4), so its 2.5th and 97.5th
// percentiles are 0 and 1; the point figure is 2·1/(2+2) = 0.5.
func TestBootstrapByHand(t *testing.T) {
	text := "قال الجيش إن الهجوم وقع في كاي"
	c := &align.Corpus{Layers: []string{"a", "b"}, Docs: []align.Doc{
		{ID: "agree", Text: text, Length: 30, Spans: [][]corpus.Span{{sp(4, 9, actor)}, {sp(4, 9, actor)}}},
		{ID: "differ", Text: text + ".", Length: 31, Spans: [][]corpus.Span{{sp(4, 9, actor)}, {sp(27, 30, place)}}},
	}}
	r, err := Agree(c, Options{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Pairs[0].Strict
	if s.F1 != 0.5 || s.F1CI != (Interval{0, 1}) {
		t.Errorf("strict F1 %v %v, want 0.5 [0, 1]", s.F1, s.F1CI)
	}
	if r.Resamples != DefaultResamples {
		t.Errorf("resamples %d", r.Resamples)
	}
}

func TestBootstrapDeterministic(t *testing.T) {
	c := fixture(t, "a.jsonl", "b.jsonl", "c.jsonl")
	r1, _ := Agree(c, Options{Seed: 3, Resamples: 200})
	r2, _ := Agree(c, Options{Seed: 3, Resamples: 200})
	if !reflect.DeepEqual(r1, r2) {
		t.Error("two runs with one seed differ")
	}
	// Three documents give few distinct resamples: two seeds may give the
	// same intervals, not five.
	same := 0
	for seed := uint64(4); seed < 9; seed++ {
		r3, _ := Agree(c, Options{Seed: seed, Resamples: 200})
		if reflect.DeepEqual(r1.Pairs[0].Strict.F1CI, r3.Pairs[0].Strict.F1CI) && reflect.DeepEqual(r1.AlphaU.CI, r3.AlphaU.CI) &&
			reflect.DeepEqual(r1.Pairs[1].Kappa, r3.Pairs[1].Kappa) {
			same++
		}
	}
	if same == 5 {
		t.Error("seeds 4 to 8 give the intervals of seed 3")
	}
	// Without resamples every interval is its point.
	r0, _ := Agree(c, Options{Resamples: -1})
	figs := allFloats(t, r0)
	for path, x := range figs {
		if strings.HasSuffix(path, "_ci[0]") || strings.HasSuffix(path, "_ci[1]") {
			base := strings.TrimSuffix(strings.TrimSuffix(path, "_ci[0]"), "_ci[1]")
			if y := figs[base]; y != x {
				t.Errorf("%s = %v, point %v", path, x, y)
			}
		}
		if strings.HasSuffix(path, ".ci[0]") || strings.HasSuffix(path, ".ci[1]") {
			base := path[:len(path)-len(".ci[0]")] + ".value"
			if y, ok := figs[base]; ok && y != x {
				t.Errorf("%s = %v, point %v", path, x, y)
			}
		}
	}
	// One document: every resample is that document.
	one := &align.Corpus{Layers: c.Layers, Docs: c.Docs[:1]}
	r, _ := Agree(one, Options{Resamples: 100})
	if p := r.Pairs[0]; p.Strict.F1CI != (Interval{p.Strict.F1, p.Strict.F1}) {
		t.Errorf("one document: %v %v", p.Strict.F1, p.Strict.F1CI)
	}
}

func TestPercentile(t *testing.T) {
	// numpy.percentile([1, 2, 3, 4], 25) = 1.75 and 97.5 → 3.925 (linear).
	v := []float64{1, 2, 3, 4}
	if got := percentile(v, 0.25); got != 1.75 {
		t.Errorf("25th = %v", got)
	}
	if got := percentile(v, 0.975); math.Abs(got-3.925) > 1e-12 {
		t.Errorf("97.5th = %v", got)
	}
	if got := percentile([]float64{5}, 0.975); got != 5 {
		t.Errorf("one value: %v", got)
	}
}

// TestIsSpace checks isSpace against unicode.IsSpace on every code point.
func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(%U) = %v, unicode.IsSpace says %v", r, isSpace(r), unicode.IsSpace(r))
		}
	}
}

// TestNonWhitespace checks nonWhitespace's counts against a count over the
// text's code points with unicode.IsSpace, on every kind of sequence it
// reads apart: ASCII, two-byte code points (spaces among them), longer
// ones, and invalid UTF-8 (one code point a byte, as range reads it).
func TestNonWhitespace(t *testing.T) {
	for _, text := range []string{
		"", "a b\tc\n", "في ولاية كاي، قتل\u00a0الجيش\u0085 🔥 x\u3000y\u2009z", "\xc2", "\xc2\x20", "a\xff\xfeb", "\xe0\x80\x80 \xdf\xbf", "\u0100\u1680\u167f",
	} {
		want := []int32{0}
		var c int32
		for _, r := range text {
			if !unicode.IsSpace(r) {
				c++
			}
			want = append(want, c)
		}
		if got := nonWhitespace(nil, text); !slices.Equal(got, want) {
			t.Errorf("nonWhitespace(%+q) = %v, want %v", text, got, want)
		}
	}
}
