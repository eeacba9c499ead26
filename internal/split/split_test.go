package split

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/raqim/raqim/internal/corpus"
)

func TestTargets(t *testing.T) {
	tests := []struct {
		n      int
		ratios [3]float64
		want   [3]int
	}{
		{0, DefaultRatios, [3]int{0, 0, 0}},
		{1, DefaultRatios, [3]int{1, 0, 0}},
		{2, DefaultRatios, [3]int{2, 0, 0}},
		{3, DefaultRatios, [3]int{1, 1, 1}},
		{4, DefaultRatios, [3]int{2, 1, 1}},
		{10, DefaultRatios, [3]int{8, 1, 1}},
		{25, DefaultRatios, [3]int{20, 3, 2}},
		{10000, DefaultRatios, [3]int{8000, 1000, 1000}},
		{3, [3]float64{}, [3]int{1, 1, 1}},
		{7, [3]float64{80, 10, 10}, [3]int{5, 1, 1}},
		{2, [3]float64{1, 0, 1}, [3]int{1, 0, 1}},
		{10, [3]float64{1, 0, 0}, [3]int{10, 0, 0}},
		{10, [3]float64{1, 1, 1}, [3]int{4, 3, 3}},
		{3, [3]float64{0.7, 0.15, 0.15}, [3]int{1, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.n, tc.ratios), func(t *testing.T) {
			got, err := Targets(tc.n, tc.ratios)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Targets(%d, %v) = %v, want %v", tc.n, tc.ratios, got, tc.want)
			}
		})
	}
}

func TestTargetsErrors(t *testing.T) {
	for _, r := range [][3]float64{{-1, 1, 1}, {1, 2, math.NaN()}, {1, math.Inf(1), 0}} {
		if _, err := Targets(10, r); err == nil {
			t.Errorf("Targets(10, %v): no error", r)
		}
	}
}

var vocab = strings.Fields("الجيش المالي الفيلق الإفريقي جماعة نصرة الإسلام والمسلمين كاي سيكاسو تمبكتو غاو هجوم كمين مقتل جنود قافلة مسيرة ولاية منطقة الساحل بوركينا فاسو النيجر باماكو مساء الثلاثاء أكتوبر عناصر دورية تفجير عبوة ناسفة مصادر محلية")

// genDoc returns a document of n random words with spans of the given labels.
func genDoc(r *rand.Rand, id string, n int, labels ...corpus.Label) corpus.Document {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(vocab[r.IntN(len(vocab))])
		b.WriteString(fmt.Sprint(r.IntN(1000)))
	}
	d := corpus.Document{ID: id, Text: b.String(), Status: corpus.StatusDone}
	for i, l := range labels {
		d.Spans = append(d.Spans, corpus.Span{Start: i * 3, End: i*3 + 2, Label: l})
	}
	return d
}

func genCorpus(seed uint64, n int) []corpus.Document {
	r := rand.New(rand.NewPCG(seed, 1))
	labels := corpus.Default.Names()
	docs := make([]corpus.Document, n)
	for i := range docs {
		var ls []corpus.Label
		for _, l := range labels {
			if r.IntN(3) == 0 {
				ls = append(ls, l)
			}
		}
		docs[i] = genDoc(r, fmt.Sprintf("doc-%04d", i), 20+r.IntN(40), ls...)
	}
	return docs
}

func TestAssignDeterministicAndOrderFree(t *testing.T) {
	docs := genCorpus(1, 300)
	a, err := Assign(docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if a.Counts != a.Targets || a.Targets != [3]int{240, 30, 30} {
		t.Errorf("counts %v, targets %v", a.Counts, a.Targets)
	}
	// shuffled input gives the same split per document
	perm := rand.New(rand.NewPCG(9, 9)).Perm(len(docs))
	shuffled := make([]corpus.Document, len(docs))
	for i, p := range perm {
		shuffled[i] = docs[p]
	}
	b, err := Assign(shuffled, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range perm {
		if b.Of[i] != a.Of[p] {
			t.Fatalf("document %s: %v in order, %v shuffled", docs[p].ID, a.Of[p], b.Of[i])
		}
	}
	// another seed gives another split
	o := DefaultOptions()
	o.Seed++
	c, _ := Assign(docs, o)
	if slices.Equal(a.Of, c.Of) {
		t.Error("seed does not change the split")
	}
}

// TestAssignGolden pins the assignment of a small fixed corpus, so that a
// change of hash or algorithm (which would move users' splits) is noticed.
func TestAssignGolden(t *testing.T) {
	docs := genCorpus(7, 12)
	res, err := Assign(docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(res.Of)
	const want = "[train train dev train train train train test train train train train]"
	if got != want {
		t.Errorf("assignment %s, want %s", got, want)
	}
}

func TestAssignSmall(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for n := 0; n <= 6; n++ {
		docs := make([]corpus.Document, n)
		for i := range docs {
			docs[i] = genDoc(r, fmt.Sprint("d", i), 10, corpus.Place)
		}
		res, err := Assign(docs, DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		if res.Counts != res.Targets {
			t.Errorf("%d documents: counts %v, targets %v", n, res.Counts, res.Targets)
		}
		if n == 3 && res.Counts != [3]int{1, 1, 1} {
			t.Errorf("3 documents: %v, want 1/1/1", res.Counts)
		}
	}
}

func TestAssignLabelCoverage(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	var docs []corpus.Document
	// 40 documents with PLACE only, 3 with DATE, 3 with CASUALTY and ACTOR, 1 with ACTOR.
	for i := 0; i < 40; i++ {
		docs = append(docs, genDoc(r, fmt.Sprintf("p%02d", i), 30, corpus.Place))
	}
	for i := 0; i < 3; i++ {
		docs = append(docs, genDoc(r, fmt.Sprintf("d%02d", i), 30, corpus.Date))
		docs = append(docs, genDoc(r, fmt.Sprintf("c%02d", i), 30, corpus.Casualty, corpus.Actor))
	}
	docs = append(docs, genDoc(r, "a00", 30, corpus.Actor))
	res, err := Assign(docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	has := map[Split]map[corpus.Label]bool{Train: {}, Dev: {}, Test: {}}
	for i, d := range docs {
		for _, s := range d.Spans {
			has[res.Of[i]][s.Label] = true
		}
	}
	for _, k := range []Split{Train, Dev, Test} {
		for _, l := range corpus.Default.Names() {
			if !has[k][l] {
				t.Errorf("%v lacks %s", k, l)
			}
		}
	}
	if res.Counts != res.Targets {
		t.Errorf("counts %v, targets %v", res.Counts, res.Targets)
	}
}

func TestAssignNearDuplicates(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	docs := genCorpus(2, 100)
	base := genDoc(r, "story", 200, corpus.Place)
	words := strings.Fields(base.Text)
	// the same wire story: reformatted, with diacritics and tatweel, and
	// with a few words changed (Jaccard well above 0.8)
	dup1 := base
	dup1.ID = "zz-dup-1"
	dup1.Text = strings.ReplaceAll("  "+base.Text+"\n", "ال", "الْ")
	dup2 := base
	dup2.ID = "aa-dup-2"
	w2 := slices.Clone(words)
	w2[50], w2[120] = "تعديل", "آخر"
	dup2.Text = strings.Join(w2, " ")
	other := genDoc(r, "other", 200, corpus.Place) // unrelated
	docs = append(docs, base, dup1, dup2, other)
	res, err := Assign(docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	n := len(docs)
	if res.Of[n-4] != res.Of[n-3] || res.Of[n-4] != res.Of[n-2] {
		t.Errorf("duplicates split apart: %v %v %v", res.Of[n-4], res.Of[n-3], res.Of[n-2])
	}
	found := false
	for _, g := range res.Groups {
		if slices.Equal(g, []int{n - 4, n - 3, n - 2}) {
			found = true
		} else {
			t.Errorf("unexpected group %v", g)
		}
	}
	if !found {
		t.Errorf("groups %v lack the story", res.Groups)
	}
}

func TestJaccardThreshold(t *testing.T) {
	words := func(n, off int) string {
		var ws []string
		for i := 0; i < n; i++ {
			ws = append(ws, fmt.Sprint("w", i+off))
		}
		return strings.Join(ws, " ")
	}
	tests := []struct {
		a, b string
		same bool
	}{
		{words(100, 0), words(100, 0), true},
		{words(100, 0), words(100, 5), true},   // 93/103 shingles shared
		{words(100, 0), words(100, 30), false}, // 68/128
		{"كاي", "كاي", true},
		{"مالي.", "مالي!", true},
		{"مالي", "كاي", false},
		{"🔻", "🔻", true},
		{"🔻", "📌", false},
	}
	for _, tc := range tests {
		docs := []corpus.Document{{ID: "a", Text: tc.a}, {ID: "b", Text: tc.b}}
		res, err := Assign(docs, DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		if same := len(res.Groups) == 1; same != tc.same {
			t.Errorf("%.20q ~ %.20q: grouped %v, want %v", tc.a, tc.b, same, tc.same)
		}
	}
}

// TestAssignProfiles checks that a corpus split from its profiles is split as
// Assign splits it whole, that only the texts of candidate pairs are asked
// for, and that an error reading one stops the split.
func TestAssignProfiles(t *testing.T) {
	docs := genCorpus(7, 300)
	r := rand.New(rand.NewPCG(3, 3))
	for i := 0; i < 20; i++ { // near-duplicates: a few words changed
		d := docs[r.IntN(len(docs))]
		ws := strings.Fields(d.Text)
		ws[r.IntN(len(ws))] = "تعديل"
		d.ID = fmt.Sprintf("dup-%02d", i)
		d.Text = strings.Join(ws, " ")
		docs = append(docs, d)
	}
	want, err := Assign(docs, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Groups) == 0 {
		t.Fatal("the corpus has no near-duplicate group to find")
	}
	ps := make([]Profile, len(docs))
	var p Profiler
	for i := range docs {
		ps[i] = p.Profile(&docs[i])
	}
	asked := map[int]int{}
	got, err := AssignProfiles(ps, DefaultOptions(), func(is []int) ([]string, error) {
		if len(is) > textRun {
			t.Errorf("%d texts asked for at once", len(is))
		}
		var ts []string
		for _, i := range is {
			asked[i]++
			ts = append(ts, docs[i].Text)
		}
		return ts, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Of, want.Of) || got.Counts != want.Counts || fmt.Sprint(got.Groups) != fmt.Sprint(want.Groups) {
		t.Errorf("from profiles: groups %v counts %v; whole: groups %v counts %v", got.Groups, got.Counts, want.Groups, want.Counts)
	}
	if len(asked) == 0 || len(asked) > len(docs)/4 {
		t.Errorf("%d of %d texts asked for; want the candidates' only", len(asked), len(docs))
	}
	for i, n := range asked {
		if n > 1 {
			t.Errorf("the text of %s asked for %d times", docs[i].ID, n)
		}
	}
	boom := errors.New("the store is gone")
	if _, err := AssignProfiles(ps, DefaultOptions(), func([]int) ([]string, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Errorf("a text that cannot be read: error %v, want %v", err, boom)
	}
}

// TestNormRuneFastPath checks normRune's shortcuts against the unicode
// tables, code point by code point.
func TestNormRuneFastPath(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := normRune(r), normRuneTables(r); got != want {
			t.Fatalf("normRune(%U) = %U, the tables give %U", r, got, want)
		}
	}
}
