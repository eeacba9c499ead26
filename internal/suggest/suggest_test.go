package suggest

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/lexicon"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/spanscore"
	"github.com/raqim/raqim/internal/tagger"
)

// render lists spans as "LABEL:text:source".
func render(d *corpus.Document, spans []corpus.Span) string {
	r := []rune(d.Text)
	var out []string
	for _, s := range spans {
		out = append(out, string(s.Label)+":"+string(r[s.Start:s.End])+":"+s.Attrs["source"])
	}
	return strings.Join(out, " | ")
}

// TestSample scores the rules on the built-in sample corpus. The rules were
// written and tuned with these articles in view, so this is a regression
// test, not an evaluation (see shared_test.go).
func TestSample(t *testing.T) {
	e := New(Options{})
	var rep spanscore.Report
	for _, d := range sample.Gold() {
		gold := d.Spans
		d.Spans = nil
		got := e.Suggest(&d)
		if err := corpus.ValidateSpans(got, len([]rune(d.Text)), corpus.Default); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		rep.Add(gold, got)
	}
	t.Logf("rules on the sample corpus (tuned on it):\n%s", rep)
	if p, r := rep.Overall.Precision(), rep.Overall.Recall(); p < 0.95 || r < 0.95 {
		t.Errorf("P %.3f R %.3f, want both ≥ 0.95", p, r)
	}
}

// TestPriority checks how competing suggestions are resolved (rule 7).
func TestPriority(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a casualty ends at its noun; the actor after it stays",
			"أسفر عن مقتل أربعة عناصر من الجيش",
			"CASUALTY:مقتل أربعة عناصر:casualty | ACTOR:الجيش:lexicon"},
		{"a casualty wins over an unnamed actor inside it",
			"أعلن الجيش تحييد 15 مسلحين",
			"ACTOR:الجيش:lexicon | CASUALTY:تحييد 15 مسلحين:casualty"},
		{"a named actor wins over a place inside it",
			"تبنت جبهة تحرير أزواد الهجوم وتنظيم الدولة الإسلامية في الساحل",
			"ACTOR:جبهة تحرير أزواد:lexicon | ACTOR:تنظيم الدولة الإسلامية في الساحل:lexicon"},
		{"the whole name wins over a shorter one",
			"الفيلق الإفريقي الروسي",
			"ACTOR:الفيلق الإفريقي الروسي:lexicon"},
		{"a place from context",
			"هاجموا قرية تاماسوغو ثم بلدة بير",
			"PLACE:تاماسوغو:context | PLACE:بير:gazetteer"},
		{"an unnamed group in analysis is no actor; one in an event is",
			"تزايد نفوذ الجماعات المسلحة. وأعلنت الجماعات الجهادية مسؤوليتها",
			"ACTOR:الجماعات الجهادية:lexicon"},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := corpus.Document{Text: tt.text}
			if got := render(&d, e.Suggest(&d)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	for i, s := range []Source{Lexicon, Gazetteer, Date, Casualty, Context} {
		if Priority(s, false) != i {
			t.Errorf("Priority(%s) = %d, want %d", s, Priority(s, false), i)
		}
	}
	if !(Priority(Context, false) < Priority(Lexicon, true) && Priority(Lexicon, true) < Priority(Propagation, false) &&
		Priority(Propagation, false) < Priority(Tagger, false)) {
		t.Error("want context < unnamed actors < propagation < tagger")
	}
}

// TestExistingSpans: suggestions never overlap the spans a document has.
func TestExistingSpans(t *testing.T) {
	d := corpus.Document{Text: "الجيش المالي في كاي", Spans: []corpus.Span{{Start: 0, End: 5, Label: corpus.Actor}}}
	got := render(&d, New(Options{Sources: []Source{Lexicon, Gazetteer}}).Suggest(&d))
	if got != "PLACE:كاي:gazetteer" {
		t.Errorf("got %s", got)
	}
}

func TestSources(t *testing.T) {
	d := corpus.Document{Text: "قتل 5 جنود في كاي الثلاثاء 7 أكتوبر 2025 على يد فاغنر"}
	for srcs, want := range map[string]string{
		"date":                "DATE:الثلاثاء 7 أكتوبر 2025:date",
		"gazetteer,casualty":  "CASUALTY:قتل 5 جنود:casualty | PLACE:كاي:gazetteer",
		"lexicon":             "ACTOR:فاغنر:lexicon",
		"lexicon, gazetteer ": "PLACE:كاي:gazetteer | ACTOR:فاغنر:lexicon",
	} {
		s, err := ParseSources(srcs)
		if err != nil {
			t.Fatal(err)
		}
		if got := render(&d, New(Options{Sources: s}).Suggest(&d)); got != want {
			t.Errorf("%s: got %s, want %s", srcs, got, want)
		}
	}
	// Off wins over Sources, and over the default set.
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{Off: []Source{Date, Casualty, Gazetteer}}, "ACTOR:فاغنر:lexicon"},
		{Options{Sources: []Source{Date, Lexicon}, Off: []Source{Lexicon}}, "DATE:الثلاثاء 7 أكتوبر 2025:date"},
		{Options{Off: Sources}, ""},
	} {
		if got := render(&d, New(c.o).Suggest(&d)); got != c.want {
			t.Errorf("%v off %v: got %s, want %s", c.o.Sources, c.o.Off, got, c.want)
		}
	}
	if got := New(Options{Off: []Source{Date}}).On(); !slices.Equal(got, []Source{Lexicon, Gazetteer, Casualty, Context, Propagation}) {
		t.Errorf("On with date off and no model: %v", got)
	}
	if _, err := ParseSources("date,gazeteer"); err == nil || !strings.Contains(err.Error(), `unknown source "gazeteer"`) {
		t.Errorf("ParseSources: %v", err)
	}
}

// TestValues computes values of spans as a user might draw them.
func TestValues(t *testing.T) {
	text := "باماكو – 9 أكتوبر 2025\nقُتل 12 جنديًّا الثلاثاء بولاية كاي على يد الجيش المالي، وفي اليوم التالي خُطف ثلاثة."
	d := corpus.Document{Text: text}
	r := []rune(text)
	find := func(s string) (int, int) {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		st := len([]rune(text[:i]))
		return st, st + len([]rune(s))
	}
	tests := []struct {
		text  string
		label corpus.Label
		want  map[string]string
	}{
		{"كاي", corpus.Place, map[string]string{"gazetteer_id": "ml-kayes", "admin1": "Kayes", "country": "ML"}},
		{"بولاية كاي", corpus.Place, map[string]string{"gazetteer_id": "ml-kayes", "admin1": "Kayes", "country": "ML"}},
		{"باماكو", corpus.Place, map[string]string{"gazetteer_id": "ml-bamako", "admin1": "Bamako", "country": "ML"}},
		{"الجيش المالي", corpus.Actor, map[string]string{"actor_id": "fama"}},
		{"الثلاثاء", corpus.Date, map[string]string{"iso": "2025-10-07", "precision": "day", "reference": "dateline"}},
		{"اليوم التالي", corpus.Date, map[string]string{"iso": "2025-10-08", "precision": "day", "reference": "dateline"}},
		{"في اليوم التالي", corpus.Date, map[string]string{"iso": "2025-10-08", "precision": "day", "reference": "dateline"}},
		{"قُتل 12 جنديًّا", corpus.Casualty, map[string]string{"count": "12", "count_exact": "true", "kind": "killed", "victims": "جنديا"}},
		{"خُطف ثلاثة", corpus.Casualty, map[string]string{"count": "3", "count_exact": "true", "kind": "kidnapped"}},
		{"على يد", corpus.Actor, map[string]string{}},
	}
	e := New(Options{})
	valuer := e.Valuer(&d) // one reading of the text for every span
	for _, tt := range tests {
		s, en := find(tt.text)
		sp := corpus.Span{Start: s, End: en, Label: tt.label}
		wj, _ := json.Marshal(tt.want)
		for name, got := range map[string]map[string]string{"Values": e.Values(&d, sp), "Valuer": valuer(sp)} {
			if gj, _ := json.Marshal(got); string(gj) != string(wj) {
				t.Errorf("%s(%q %s) = %s, want %s", name, string(r[s:en]), tt.label, gj, wj)
			}
		}
	}
	// A reference date in the metadata wins over the dateline.
	d.Meta = map[string]json.RawMessage{"reference_date": json.RawMessage(`"2025-10-20"`)}
	s, en := find("الثلاثاء")
	if got := e.Values(&d, corpus.Span{Start: s, End: en, Label: corpus.Date}); got["iso"] != "2025-10-14" || got["reference"] != "meta" {
		t.Errorf("with meta: %v", got)
	}
}

func TestPropagation(t *testing.T) {
	// تاماسوغو is a made-up village name the rules cannot know.
	text := "هاجم مسلحون تاماسوغو. ونزح السكان من تاماسوغو وبتاماسوغو والتاماسوغوية."
	d := corpus.Document{Text: text, Spans: []corpus.Span{{Start: 12, End: 20, Label: corpus.Place}}}
	e := New(Options{Sources: []Source{Propagation}})
	if got := render(&d, e.Suggest(&d)); got != "PLACE:تاماسوغو:propagation | PLACE:تاماسوغو:propagation" {
		t.Errorf("in the document: %s", got)
	}
	// From a corpus: a label given in another document.
	other := corpus.Document{Text: "وصلت التعزيزات إلى تاماسوغو", Spans: []corpus.Span{{Start: 19, End: 27, Label: corpus.Place}}}
	e = New(Options{Sources: []Source{Propagation}, Corpus: []corpus.Document{other}})
	d2 := corpus.Document{Text: "قرب تاماسوغو"}
	if got := render(&d2, e.Suggest(&d2)); got != "PLACE:تاماسوغو:propagation" {
		t.Errorf("from the corpus: %s", got)
	}
}

func TestUserLexicon(t *testing.T) {
	l := lexicon.Default().Clone()
	if err := l.Add(lexicon.Actor{ID: "km", Kind: lexicon.Militia, Name: "a test militia", Arabic: []string{"كتيبة الاختبار"}}); err != nil {
		t.Fatal(err)
	}
	d := corpus.Document{Text: "هاجمت كتيبة الاختبار القرية"}
	sp := New(Options{Lexicon: l, Sources: []Source{Lexicon}}).Suggest(&d)
	if len(sp) != 1 || sp[0].Attrs["actor_id"] != "km" {
		t.Errorf("got %v", sp)
	}
}

func TestTagger(t *testing.T) {
	docs := sample.Gold()
	base := New(Options{})
	began := time.Now()
	m, err := base.Train(docs[:5], tagger.Config{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained on 5 sample articles in %v: %v", time.Since(began), m)
	e := New(Options{Model: m})
	d := docs[5]
	d.Spans = nil
	a := e.Suggest(&d)
	b := New(Options{Model: m}).Suggest(&d)
	if render(&d, a) != render(&d, b) {
		t.Error("two engines with one model disagree")
	}
	for _, s := range a {
		if s.Attrs["score"] == "" {
			t.Errorf("%v: no score", s)
		}
	}
	if err := corpus.ValidateSpans(a, len([]rune(d.Text)), corpus.Default); err != nil {
		t.Error(err)
	}
}

// longDoc returns a document of about 5,000 code points made of the
// sample articles.
func longDoc() corpus.Document {
	var b strings.Builder
	for _, d := range sample.Documents() {
		b.WriteString(d.Text)
		b.WriteString("\n")
		if b.Len() > 9000 {
			break
		}
	}
	return corpus.Document{ID: "long", Text: b.String()}
}

// articles returns n documents of about 3,000 code points.
func articles(n int) []corpus.Document {
	src := sample.Documents()
	out := make([]corpus.Document, n)
	for i := range out {
		var b strings.Builder
		for j := 0; len([]rune(b.String())) < 3000; j++ {
			b.WriteString(src[(i+j)%len(src)].Text)
			b.WriteString("\n")
		}
		out[i] = corpus.Document{Text: b.String()}
	}
	return out
}

func BenchmarkSuggestRules(b *testing.B) {
	e := New(Options{})
	d := articles(1)[0]
	for b.Loop() {
		e.Suggest(&d)
	}
}

// BenchmarkSuggestLong suggests for a document of about 9,000 code points
// with the rules and the tagger (the budget: 50 ms a document).
func BenchmarkSuggestLong(b *testing.B) {
	m, _ := New(Options{}).Train(sample.Gold(), tagger.Config{Seed: 1})
	e := New(Options{Model: m})
	d := longDoc()
	for b.Loop() {
		e.Suggest(&d)
	}
}

// text150k returns 150,000 code points of the sample articles, repeated.
func text150k() string {
	var t strings.Builder
	for src := sample.Documents(); len([]rune(t.String())) < 150_000; {
		for _, d := range src {
			t.WriteString(d.Text)
			t.WriteString("\n")
		}
	}
	return string([]rune(t.String())[:150_000])
}

// BenchmarkSuggest150k suggests for one document of 150,000 code points
// with the rules and the tagger, as the worker does for the open document.
func BenchmarkSuggest150k(b *testing.B) {
	m, _ := New(Options{}).Train(sample.Gold(), tagger.Config{Seed: 1})
	e := New(Options{Model: m})
	d := corpus.Document{ID: "150k", Text: text150k()}
	for b.Loop() {
		e.Suggest(&d)
	}
}

// BenchmarkValues150k gives the values of a span labelled by hand in a
// document of 150,000 code points, the text read once (Valuer), as the
// page does on its first label of a document.
func BenchmarkValues150k(b *testing.B) {
	e := New(Options{})
	d := corpus.Document{ID: "150k", Text: text150k()}
	sp := corpus.Span{Start: 0, End: 6, Label: corpus.Place}
	for b.Loop() {
		e.Valuer(&d)(sp)
	}
}

func BenchmarkSuggestTagger(b *testing.B) {
	m, _ := New(Options{}).Train(sample.Gold(), tagger.Config{Seed: 1})
	e := New(Options{Model: m})
	d := articles(1)[0]
	for b.Loop() {
		e.Suggest(&d)
	}
}

// Benchmark2000Articles suggests for 2,000 articles of about 3,000 code
// points with the rules and the tagger (one op is the whole corpus).
func Benchmark2000Articles(b *testing.B) {
	m, _ := New(Options{}).Train(sample.Gold(), tagger.Config{Seed: 1})
	e := New(Options{Model: m})
	docs := articles(2000)
	for b.Loop() {
		for i := range docs {
			e.Suggest(&docs[i])
		}
	}
}

// Benchmark2000ArticlesRules is Benchmark2000Articles with the rules alone.
func Benchmark2000ArticlesRules(b *testing.B) {
	e := New(Options{})
	docs := articles(2000)
	for b.Loop() {
		for i := range docs {
			e.Suggest(&docs[i])
		}
	}
}

func BenchmarkTrainSample(b *testing.B) {
	e := New(Options{})
	docs := sample.Gold()
	for b.Loop() {
		if _, err := e.Train(docs, tagger.Config{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGuidelines runs the engine's rules on every example of GUIDELINES.md
// (labels table and boundary rules), each in a short sentence written for
// the test.
func TestGuidelines(t *testing.T) {
	tests := []struct{ rule, text, want string }{
		{"ACTOR examples", "تبنت جماعة نصرة الإسلام والمسلمين (JNIM) الهجوم على الجيش المالي والفيلق الإفريقي",
			"ACTOR:جماعة نصرة الإسلام والمسلمين:lexicon | ACTOR:JNIM:lexicon | ACTOR:الجيش المالي:lexicon | ACTOR:الفيلق الإفريقي:lexicon"},
		{"ACTOR examples", "وقالت القوات المسلحة المالية إن الجنرال آسيمي غويتا زار الجبهة",
			"ACTOR:القوات المسلحة المالية:lexicon | ACTOR:الجنرال آسيمي غويتا:lexicon"},
		{"PLACE examples", "هجمات في مالي: كاي وسيكاسو وتمبكتو ونيورو، وفي منطقة الساحل",
			"PLACE:مالي:gazetteer | PLACE:كاي:gazetteer | PLACE:سيكاسو:gazetteer | PLACE:تمبكتو:gazetteer | PLACE:نيورو:gazetteer | PLACE:الساحل:gazetteer"},
		{"DATE examples", "وقع ذلك الثلاثاء 7 أكتوبر 2025، وفي السادس من أكتوبر، ويوم أمس، ومساء الاثنين، وفجر اليوم الثلاثاء",
			"DATE:الثلاثاء 7 أكتوبر 2025:date | DATE:السادس من أكتوبر:date | DATE:يوم أمس:date | DATE:مساء الاثنين:date | DATE:فجر اليوم الثلاثاء:date"},
		{"CASUALTY examples", "أسفر عن مقتل أربعة عناصر وسقوط قتلى وجرحى، وأودى بحياة أكثر من 30 جندياً، وتلاه اختطاف أربعة أجانب ثم تحييد 80 جهادياً",
			"CASUALTY:مقتل أربعة عناصر:casualty | CASUALTY:سقوط قتلى وجرحى:casualty | CASUALTY:أكثر من 30 جندياً:casualty | CASUALTY:اختطاف أربعة أجانب:casualty | CASUALTY:تحييد 80 جهادياً:casualty"},
		{"1: proclitics outside", "وقع الهجوم بولاية كاي والفيلق الإفريقي هناك",
			"PLACE:كاي:gazetteer | ACTOR:الفيلق الإفريقي:lexicon"},
		{"1: a proclitic fused with the article", "استهدف رتلا للجيش المالي",
			"ACTOR:للجيش المالي:lexicon"},
		{"2: the article inside", "أعلن الجيش المالي", "ACTOR:الجيش المالي:lexicon"},
		{"3: head nouns outside", "في ولاية كاي ومدينة سيكاسو وإقليم تيلابيري وقرية بوني وبلدة هومبوري",
			"PLACE:كاي:gazetteer | PLACE:سيكاسو:gazetteer | PLACE:تيلابيري:gazetteer | PLACE:بوني:gazetteer | PLACE:هومبوري:gazetteer"},
		{"4: adjectives of the name", "قاتل الفيلق الإفريقي الروسي", "ACTOR:الفيلق الإفريقي الروسي:lexicon"},
		{"4: anaphora not marked", "وقالت الجماعة إن التنظيم نفذ الهجوم", ""},
		{"5: leading preposition out, dateline", "باماكو – 24 يناير 2026\nوقع الهجوم في 20 يناير، منذ 2023",
			"PLACE:باماكو:gazetteer | DATE:24 يناير 2026:date | DATE:20 يناير:date | DATE:2023:date"},
		{"5: durations are not dates", "وقعت ثلاث هجمات خلال 72 ساعة، في منطقة تعيش أزمة منذ أكثر من عقد", ""},
		{"6: the casualty ends at the victims' noun", "مقتل أربعة عناصر من الجيش",
			"CASUALTY:مقتل أربعة عناصر:casualty | ACTOR:الجيش:lexicon"},
		{"6: material losses", "تدمير ثلاث مركبات وإحراق صهاريج وقود ومصادرة أسلحة", ""},
		{"9: quotes cut through a name", "وأعلنت جماعة “نصرة الإسلام والمسلمين” مسؤوليتها",
			"ACTOR:نصرة الإسلام والمسلمين:lexicon"},
		{"9: brackets outside", "(MINUSMA)", "ACTOR:MINUSMA:lexicon"},
		{"10: countries are places", "الفيلق الإفريقي المدعوم من روسيا",
			"ACTOR:الفيلق الإفريقي:lexicon | PLACE:روسيا:gazetteer"},
		{"11: unnamed groups in an event", "الهجوم من تنفيذ جماعات جهادية", "ACTOR:جماعات جهادية:lexicon"},
		{"12: a camp without its head noun", "هجوم على معسكر تيساليت", "PLACE:تيساليت:gazetteer"},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			d := corpus.Document{Text: tt.text}
			if got := render(&d, e.Suggest(&d)); got != tt.want {
				t.Errorf("%s\ngot  %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}
