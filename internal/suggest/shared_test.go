//go:build shared

package suggest

// The evaluation against the shared gold (/work/shared/corpus/gold.jsonl,
// or $RAQIM_SHARED/corpus/gold.jsonl): three real articles with
// adjudicated spans, strict span match.
//
// How the rules came to be, so the figures can be read honestly:
//   - the rules, gazetteer and lexicon were written from the guidelines,
//     general knowledge and the project's own sample articles;
//   - they were then tuned on article 000;
//   - a first blind run on 001 and 002 (rules tuned on 000 only) gave
//     overall P 0.878, R 0.843 (ACTOR 0.929/0.812, CASUALTY 0.667/0.400,
//     DATE 0.941/0.941, PLACE 0.840/0.875);
//   - the rules were then tuned on 001; a blind run on 002 gave P 0.947,
//     R 0.818 (rules) and P 0.902, R 0.833 (rules + tagger, trained on the
//     sample and 000, 001), CASUALTY recall 0.500;
//   - 002's errors were then read and three general gaps fixed (من شهر and
//     weeks of a month in dates, two coordinated victims' nouns). The
//     figures this test logs are therefore all on text the rules were tuned
//     on; the blind figures above are the honest estimate.

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/spanscore"
	"github.com/raqim/raqim/internal/tagger"
)

// sharedGold reads the shared gold, failing the test when it is missing.
func sharedGold(t *testing.T) []corpus.Document {
	t.Helper()
	dir := os.Getenv("RAQIM_SHARED")
	if dir == "" {
		d, err := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
		if err != nil {
			t.Fatal(err)
		}
		dir = d
	}
	p := filepath.Join(dir, "corpus", "gold.jsonl")
	f, err := os.Open(p)
	if err != nil {
		t.Fatalf("the shared gold is missing: %v (set RAQIM_SHARED)", err)
	}
	defer f.Close()
	docs, err := jsonl.Decode(p, f, jsonl.DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("%s: %d documents, want 3", p, len(docs))
	}
	return docs
}

func TestSharedRules(t *testing.T) {
	docs := sharedGold(t)
	e := New(Options{})
	var all spanscore.Report
	for i := range docs {
		rep := score(e, docs[i:i+1])
		t.Logf("rules alone, %s (tuned on):\n%s", docs[i].ID, rep)
		all.Merge(rep)
	}
	t.Logf("rules alone, all three (tuned on):\n%s", all)
	checkTargets(t, "rules alone", all)
}

// TestSharedTagger trains the tagger leaving one article out (on the
// sample corpus and the two other articles) and scores rules + tagger on
// the article left out.
func TestSharedTagger(t *testing.T) {
	docs := sharedGold(t)
	base := New(Options{})
	var all, alone spanscore.Report
	for i := range docs {
		train := sample.Gold()
		for j := range docs {
			if j != i {
				train = append(train, docs[j])
			}
		}
		began := time.Now()
		m, err := base.Train(train, tagger.Config{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		took := time.Since(began)
		rep := score(New(Options{Model: m}), docs[i:i+1])
		t.Logf("rules + tagger, %s left out (trained on %d documents in %v):\n%s", docs[i].ID, len(train), took, rep)
		all.Merge(rep)
		alone.Merge(score(New(Options{Model: m, Sources: []Source{Tagger}}), docs[i:i+1]))
	}
	t.Logf("rules + tagger, leave one article out, all three:\n%s", all)
	t.Logf("the tagger alone (its rule hints as features), leave one article out:\n%s", alone)
	checkTargets(t, "rules + tagger", all)
}

// The normalised values of the gold spans, written by reading the
// articles (keyed by document id prefix and span start; no text copied).
var (
	// isoWithDay are the DATE spans that name a day of the month.
	isoWithDay = map[string]map[int]string{
		"000": {327: "2025-10-07", 619: "2025-10-06"},
		"001": {10: "2025-07-01", 2390: "2025-07-01"},
		"002": {9: "2026-01-24", 422: "2026-01-22", 697: "2026-01-18", 960: "2026-01-18", 1422: "2026-01-20",
			1547: "2025-12-27", 1859: "2026-01-21", 2309: "2026-01-20", 2697: "2026-01-16"},
	}
	// isoOther are the other DATE spans whose value the text settles
	// (relative to the dateline or to the date before them).
	isoOther = map[string]map[int]string{
		"000": {792: "2025-10-07"},
		"001": {160: "2025-07-01", 1515: "2025-06", 1869: "2012"},
		"002": {38: "2026-01", 1117: "2026-01-19", 1301: "2026-01-19"},
	}
	// counts are the CASUALTY spans that give a number.
	counts = map[string]map[int]string{
		"000": {1773: "4"},
		"001": {1240: "30"},
		"002": {1031: "5", 1498: "2", 2348: "5"},
	}
)

// TestSharedValues checks the values computed for the gold spans (as if a
// user had drawn them): iso of the DATE spans with a day, count of the
// CASUALTY spans with a number.
func TestSharedValues(t *testing.T) {
	docs := sharedGold(t)
	e := New(Options{})
	check := func(what string, truth map[string]map[int]string, label corpus.Label, attr string) (right, total int) {
		for i := range docs {
			d := &docs[i]
			want := truth[d.ID[:3]]
			seen := 0
			for _, s := range d.Spans {
				w, ok := want[s.Start]
				if !ok || s.Label != label {
					continue
				}
				seen++
				total++
				bare := *d
				bare.Spans = nil
				got := e.Values(&bare, s)[attr]
				if got == w {
					right++
				} else {
					t.Logf("%s: %s [%d,%d): %s = %q, want %q", what, d.ID, s.Start, s.End, attr, got, w)
				}
			}
			if seen != len(want) {
				t.Fatalf("%s: %s has %d of the %d spans of the truth table", what, d.ID, seen, len(want))
			}
		}
		t.Logf("%s: %d of %d right (%.1f%%)", what, right, total, 100*float64(right)/float64(total))
		return right, total
	}
	if r, n := check("DATE iso, spans with a day", isoWithDay, corpus.Date, "iso"); float64(r) < 0.95*float64(n) {
		t.Errorf("DATE iso right on %d of %d, want ≥ 95%%", r, n)
	}
	check("DATE iso, other resolvable spans", isoOther, corpus.Date, "iso")
	if r, n := check("CASUALTY count, spans with a number", counts, corpus.Casualty, "count"); float64(r) < 0.95*float64(n) {
		t.Errorf("CASUALTY count right on %d of %d, want ≥ 95%%", r, n)
	}
	// The values on the suggestions that match a gold span.
	right, total := 0, 0
	for i := range docs {
		d := docs[i]
		gold := d.Spans
		d.Spans = nil
		for _, s := range e.Suggest(&d) {
			for _, g := range gold {
				if g.Start == s.Start && g.End == s.End && g.Label == s.Label {
					if w, ok := isoWithDay[d.ID[:3]][s.Start]; ok && s.Label == corpus.Date {
						total++
						if s.Attrs["iso"] == w {
							right++
						}
					}
					if w, ok := counts[d.ID[:3]][s.Start]; ok && s.Label == corpus.Casualty {
						total++
						if s.Attrs["count"] == w {
							right++
						}
					}
				}
			}
		}
	}
	t.Logf("values on the suggestions matching a gold span with a day or a number: %d of %d right", right, total)
	if right != total {
		t.Errorf("values on matched suggestions: %d of %d right", right, total)
	}
}

// TestSharedTaggerHeldOut trains the tagger on the shared gold, as the
// brief asks, and scores rules + tagger on the held-out set the rules were
// never tuned on (see blind_test.go) against the brief's targets.
func TestSharedTaggerHeldOut(t *testing.T) {
	m, err := New(Options{}).Train(sharedGold(t), tagger.Config{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	checkBlind(t, heldOut, New(Options{Model: m}))
}
