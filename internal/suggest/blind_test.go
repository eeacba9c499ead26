package suggest

// The held-out sets, testdata/blind*.jsonl: Arabic reports of the conflict
// in Mali and the Sahel, invented for the project with their gold spans
// and values (iso of dates, count and kind of casualties), each set
// written by its own author (an assistant agent given the same brief) who
// read the annotation guidelines and nothing of the rules, the shared
// articles or the other sets. No news text is copied.
//
// How they were used, so that the figures can be read honestly:
//   - Set 1 (6 reports, 262 spans) was scored once, before any change:
//     rules alone P 0.916, R 0.874, F1 0.895 (ACTOR 0.870/0.923, PLACE
//     0.981/0.981, DATE 0.881/0.881, CASUALTY 0.857/0.588); rules + the
//     tagger trained on the shared gold P 0.895, R 0.874; values read for
//     its gold spans: DATE iso 30 of 30 spans with a day, CASUALTY count 43
//     of 47 spans with a number. CASUALTY recall missed its target.
//   - Its misses were then read, and forms of Arabic the grammars lacked
//     were added, each with a case of its own written for the casualty and
//     date tests: a count or trigger inside quotation marks, لقي … حتفهم,
//     the trigger after the noun (9 جنود قُتلوا), subsets (بينهم ثلاثة
//     أطفال، خمسة ضباط بين القتلى), a dual as the count of أسر, مئات القتلى
//     alone, a noun with a pronoun after من, a month with الماضي or المقبل,
//     a bare Hijri year after a Hijri month, a few nouns (ضابط، مرافق،
//     آخران). From then on set 1 is text the rules were tuned on: it scores
//     P 0.947, R 0.947 (CASUALTY R 0.863).
//   - Set 2 (8 reports, 316 spans), written by its author after those
//     changes and blind to set 1, was scored once: rules alone P 0.937,
//     R 0.896, F1 0.916 (ACTOR 0.853/0.901, PLACE 0.992/0.969, DATE
//     0.950/0.950, CASUALTY 0.905/0.667); rules + the tagger trained on the
//     shared gold P 0.913, R 0.896 (CASUALTY 0.884/0.667); values: DATE iso
//     45 of 45, CASUALTY count 47 of 52 (90.4%). The overall targets held;
//     CASUALTY recall (≥ 0.75) and the count (≥ 95%) did not.
//   - Its misses were read in turn, and more general forms added (عدداً من,
//     bodies: جثث ستة رعاة, عشرين جثة; duals by their form or vowel, a
//     nisba's dual: صينيان; a noun the lists lack after a trigger and a
//     count, unless it names things or times; a count ending before a
//     preposition: أصيب ثلاثة بجروح; thousands in digits: 20 ألف). From then
//     on set 2 too is text the rules were tuned on.
//   - Set 3 (8 reports, 323 spans), written by its author blind to
//     sets 1 and 2, was scored once after those changes: rules alone
//     P 0.934, R 0.873, F1 0.902 (ACTOR 0.892/0.917, PLACE 0.957/0.911,
//     DATE 0.983/0.937, CASUALTY 0.882/0.692); rules + the tagger trained
//     on the sample corpus and sets 1 and 2 P 0.923, R 0.889 (CASUALTY
//     recall 0.708); rules + the tagger trained on the shared gold P 0.925,
//     R 0.876; values: DATE iso 40 of 42 (95.2%), CASUALTY count 52 of 56
//     (92.9%). Again the overall targets and the DATE values held; CASUALTY
//     recall and count did not. A fifth of its CASUALTY misses are
//     boundaries its author drew otherwise than the authors of sets 1 and 2
//     (ستة ركاب اختطفوا with or without the verb, مقتل خمسة منهم with or
//     without منهم, arrests as captures or not): annotators differ there.
//   - Its misses were read in turn (an ordinal as the victim: جُرح ثالث;
//     مئتي; أهلكوا; a noun the lists lack after a quantifier and من; تاجر;
//     أقارب; the Mauritanian دجمبر). Set 3 is now tuned on as well.
//   - Set 4 (8 reports, 315 spans, 71 of them casualties), written by its
//     author blind to sets 1–3, was scored once after those changes:
//     rules alone P 0.924, R 0.924, F1 0.924 (ACTOR 0.789/0.918, PLACE
//     0.984/0.968, DATE 0.942/0.942, CASUALTY 0.908/0.831); rules + the
//     tagger trained on the sample corpus and sets 1–3 P 0.911, R 0.946
//     (CASUALTY recall 0.887); rules + the tagger trained on the shared gold
//     P 0.915, R 0.924 (TestSharedTaggerHeldOut; the suggest verb with
//     -train gives 0.912, 0.924); values: DATE iso 55 of 55, CASUALTY count 62 of 65
//     (95.4%). Every target held. Its misses have not been read: it stays
//     held out, and TestBlindHeldOut keeps the targets on it.

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/spanscore"
	"github.com/raqim/raqim/internal/tagger"
)

// blindSet reads a held-out set, failing when it is missing or malformed.
func blindSet(tb testing.TB, name string) []corpus.Document {
	tb.Helper()
	p := filepath.Join("testdata", name)
	f, err := os.Open(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	docs, err := jsonl.Decode(p, f, jsonl.DecodeOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	if len(docs) == 0 {
		tb.Fatalf("%s holds no document", p)
	}
	return docs
}

// score scores e's suggestions for docs, each read without its spans,
// against those spans (strict match).
func score(e *Engine, docs []corpus.Document) spanscore.Report {
	var rep spanscore.Report
	for _, d := range docs {
		gold := d.Spans
		d.Spans = nil
		rep.Add(gold, e.Suggest(&d))
	}
	return rep
}

// checkTargets checks the brief's targets: P ≥ 0.90 and R ≥ 0.80 overall,
// no label under 0.75 recall.
func checkTargets(t *testing.T, what string, rep spanscore.Report) {
	t.Helper()
	if p := rep.Overall.Precision(); p < 0.90 {
		t.Errorf("%s: precision %.3f < 0.90", what, p)
	}
	if r := rep.Overall.Recall(); r < 0.80 {
		t.Errorf("%s: recall %.3f < 0.80", what, r)
	}
	for l, c := range rep.Labels {
		if c.Recall() < 0.75 {
			t.Errorf("%s: %s recall %.3f < 0.75", what, l, c.Recall())
		}
	}
}

// valuesRight counts, over docs's gold spans, the DATE spans with a day
// whose iso the engine reads as the gold says, and the CASUALTY spans with
// a count whose count it reads as the gold says (each span read as if a
// user had drawn it), logging the others.
func valuesRight(tb testing.TB, e *Engine, docs []corpus.Document) (iso, isoOf, count, countOf int) {
	for _, d := range docs {
		bare := d
		bare.Spans = nil
		for _, s := range d.Spans {
			v := e.Values(&bare, s)
			text := string([]rune(d.Text)[s.Start:s.End])
			switch {
			case s.Label == corpus.Date && s.Attrs["precision"] == "day":
				isoOf++
				if v["iso"] == s.Attrs["iso"] {
					iso++
				} else {
					tb.Logf("%s: DATE «%s»: iso %q, gold %q", d.ID, text, v["iso"], s.Attrs["iso"])
				}
			case s.Label == corpus.Casualty && s.Attrs["count"] != "":
				countOf++
				if v["count"] == s.Attrs["count"] {
					count++
				} else {
					tb.Logf("%s: CASUALTY «%s»: count %q, gold %q", d.ID, text, v["count"], s.Attrs["count"])
				}
			}
		}
	}
	return iso, isoOf, count, countOf
}

// TestBlindTuned scores the rules on the held-out sets they have been
// tuned on since their first run (see above) against the brief's targets,
// and the values read for their gold spans against ≥ 95%.
func TestBlindTuned(t *testing.T) {
	for _, name := range blindSets[:len(blindSets)-1] {
		t.Run(name, func(t *testing.T) { checkBlind(t, name, New(Options{})) })
	}
}

// TestBlindHeldOut scores, on the set the rules were never tuned on, the
// rules alone and the rules with the tagger trained on the project's gold
// written before it (the sample corpus and the other sets), against the
// brief's targets, and the values read for its gold spans against ≥ 95%.
func TestBlindHeldOut(t *testing.T) {
	t.Run("rules", func(t *testing.T) { checkBlind(t, heldOut, New(Options{})) })
	t.Run("rules+tagger", func(t *testing.T) {
		train := sample.Gold()
		for _, name := range blindSets[:len(blindSets)-1] {
			train = append(train, blindSet(t, name)...)
		}
		m, err := New(Options{}).Train(train, tagger.Config{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		checkBlind(t, heldOut, New(Options{Model: m}))
	})
}

// checkBlind scores e on the set name against the brief's targets, and the
// values e reads for its gold spans against ≥ 95%.
func checkBlind(t *testing.T, name string, e *Engine) {
	docs := blindSet(t, name)
	rep := score(e, docs)
	t.Logf("%s:\n%s", name, rep)
	checkTargets(t, name, rep)
	iso, isoOf, count, countOf := valuesRight(t, e, docs)
	t.Logf("values: DATE iso %d of %d, CASUALTY count %d of %d", iso, isoOf, count, countOf)
	if float64(iso) < 0.95*float64(isoOf) || float64(count) < 0.95*float64(countOf) {
		t.Errorf("values right under 95%%: DATE iso %d of %d, CASUALTY count %d of %d", iso, isoOf, count, countOf)
	}
}

// blindSets are the held-out sets, in the order they were written; the
// rules were tuned on all but the last (heldOut).
var blindSets = []string{"blind1.jsonl", "blind2.jsonl", "blind3.jsonl", heldOut}

// heldOut is the set whose misses were never read.
const heldOut = "blind4.jsonl"

// BenchmarkBlind scores the suggestions on each held-out set (strict
// match): the rules alone, and the rules with the tagger trained on the
// project's own gold before it (the sample corpus and the sets written
// before it). It reports precision, recall and F1 overall and CASUALTY's
// recall, and logs every label's figures; which sets are text the rules
// were tuned on is said above.
func BenchmarkBlind(b *testing.B) {
	for i, name := range blindSets {
		docs := blindSet(b, name)
		train := sample.Gold()
		for _, before := range blindSets[:i] {
			train = append(train, blindSet(b, before)...)
		}
		m, err := New(Options{}).Train(train, tagger.Config{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			var rules, tagged spanscore.Report
			for range b.N {
				rules, tagged = score(New(Options{}), docs), score(New(Options{Model: m}), docs)
			}
			b.Logf("%s, rules alone:\n%s", name, rules)
			b.Logf("%s, rules + tagger trained on %d documents before it:\n%s", name, len(train), tagged)
			for _, r := range []struct {
				what string
				rep  spanscore.Report
			}{{"rules", rules}, {"tagger", tagged}} {
				b.ReportMetric(r.rep.Overall.Precision(), r.what+"-P")
				b.ReportMetric(r.rep.Overall.Recall(), r.what+"-R")
				b.ReportMetric(r.rep.Overall.F1(), r.what+"-F1")
				if c := r.rep.Labels[corpus.Casualty]; c != nil {
					b.ReportMetric(c.Recall(), r.what+"-CASUALTY-R")
				}
			}
		})
	}
}
