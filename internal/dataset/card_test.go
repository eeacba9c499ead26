package dataset

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset/testcorpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/split"
	"github.com/raqim/raqim/internal/tokenize"
)

// frontMatter returns the card's YAML front matter, both "---" lines included.
func frontMatter(t *testing.T, card string) string {
	t.Helper()
	end := strings.Index(card[len("---\n"):], "\n---\n")
	if !strings.HasPrefix(card, "---\n") || end < 0 {
		t.Fatalf("no front matter in\n%s", card)
	}
	return card[:len("---\n")+end+len("\n---\n")]
}

// TestCardArabic exports the sample with the card in Arabic: its headings
// and prose are Arabic, while what programs read is as in the English card
// (the front matter, the label, split and file rows' identifiers, the
// tokenisation rule, the code), and its numbers are in Western digits
// whatever digits the interface uses.
func TestCardArabic(t *testing.T) {
	docs := testcorpus.Sample(t)
	s := settings()
	s.Units = true
	_, files, _ := export(t, docs, s)
	en := string(files["README.md"])
	s.Locale = locale.Settings{Lang: locale.Arabic, Digits: locale.Western}
	_, files, _ = export(t, docs, s)
	ar := string(files["README.md"])
	s.Locale.Digits = locale.ArabicIndic
	_, files, _ = export(t, docs, s)
	if indic := string(files["README.md"]); indic != ar {
		t.Errorf("the card with Arabic-Indic digits differs from the one with Western digits:\n%s", indic)
	}

	if frontMatter(t, ar) != frontMatter(t, en) {
		t.Errorf("front matter in Arabic\n%s\nwant the English card's\n%s", frontMatter(t, ar), frontMatter(t, en))
	}
	for _, h := range []string{"## الوسوم\n", "## الأقسام\n", "## التقطيع إلى رموز\n", "## الموسِّمون\n", "## الملفات\n", "## التحميل\n"} {
		if !strings.Contains(ar, h) {
			t.Errorf("the Arabic card lacks the heading %q", h)
		}
	}
	for _, h := range []string{"## Labels", "## Splits", "## Tokenisation", "## Annotators", "## Files", "## Loading", "Named-entity spans", "Rounding:", "| split |", "| file |"} {
		if !strings.Contains(en, h) {
			t.Errorf("the English card lacks %q", h)
		}
		if strings.Contains(ar, h) {
			t.Errorf("the Arabic card has the English %q", h)
		}
	}
	// What programs and people copy is as in the English card: every line
	// of it that holds no prose, and the identifiers among the prose.
	var prefixes []string // of the rows of the tables that hold counts and names
	for i, d := range corpus.Default.Labels {
		prefixes = append(prefixes, fmt.Sprintf("| %d | `%s` |", i, d.Name), fmt.Sprintf("| `%s` |", d.Name))
	}
	for _, k := range split.Names {
		prefixes = append(prefixes, "| "+k+" |")
	}
	rows := 0
	for _, line := range strings.Split(en, "\n") {
		for _, p := range prefixes {
			if strings.HasPrefix(line, p) {
				rows++
				if !strings.Contains(ar, "\n"+line+"\n") {
					t.Errorf("the Arabic card lacks the row %q", line)
				}
			}
		}
	}
	if rows != 2*len(corpus.Default.Labels)+len(split.Names) {
		t.Errorf("found %d rows of counts and names in the English card", rows)
	}
	for _, s := range []string{
		"# gold\n", "v0.1.0", "2025-10-07T09:30:00Z", "`20251007`", "`" + corpus.Default.ID + "`", tokenize.Rule,
		"`[start, end)`", "`start_utf16`/`end_utf16`", "`{\"id\", \"tokens\", \"ner_tags\"}`", "`-DOCSTART- O`",
		"| `{train,dev,test}.jsonl` |", "spaCy (`doc.char_span`), Prodigy, doccano, raqim |",
		"|---|---:|---:|---:|---:|\n", "| gold |",
		"```python\nfrom datasets import load_dataset\nds = load_dataset(\"path/to/unzipped\")  # reads hf/ through this card\nnames = ds[\"train\"].features[\"ner_tags\"].feature.names\n```\n",
	} {
		if !strings.Contains(en, s) || !strings.Contains(ar, s) {
			t.Errorf("the cards lack %q: English %t, Arabic %t", s, strings.Contains(en, s), strings.Contains(ar, s))
		}
	}
	if !strings.HasSuffix(ar, "```\n") {
		t.Error("the Arabic card does not end with its code")
	}
}

// TestCardValues checks the card's count of the values spans carry: per
// label and value key, the spans that have it, beside the label's spans.
func TestCardValues(t *testing.T) {
	text := "قتل 4 جنود في كاي يوم 7 أكتوبر 2025 وأعلن الجيش المالي ذلك، ثم هدأت سيغو."
	sp := func(sub string, l corpus.Label, attrs map[string]string) corpus.Span {
		i := strings.Index(text, sub)
		start := len([]rune(text[:i]))
		return corpus.Span{Start: start, End: start + len([]rune(sub)), Label: l, Attrs: attrs}
	}
	doc := corpus.Document{ID: "v", Text: text, Status: corpus.StatusDone, Spans: []corpus.Span{
		sp("قتل 4 جنود", corpus.Casualty, map[string]string{"count": "4", "count_exact": "true", "kind": "killed", "source": "casualty"}),
		sp("كاي", corpus.Place, map[string]string{"gazetteer_id": "ml-kayes", "admin1": "Kayes"}),
		sp("7 أكتوبر 2025", corpus.Date, map[string]string{"iso": "2025-10-07", "precision": "day"}),
		sp("الجيش المالي", corpus.Actor, nil),
		sp("سيغو", corpus.Place, map[string]string{"admin1": "Ségou"}),
	}}
	corpus.SortSpans(doc.Spans)
	_, files, st := export(t, []corpus.Document{doc}, settings())
	card := string(files["README.md"])
	for _, row := range []string{
		"## Values\n",
		"| ACTOR | `actor_id` | 0 | 1 |",
		"| PLACE | `gazetteer_id` | 1 | 2 |",
		"| PLACE | `admin1` | 2 | 2 |",
		"| DATE | `iso` | 1 | 1 |",
		"| DATE | `precision` | 1 | 1 |",
		"| CASUALTY | `count` | 1 | 1 |",
		"| CASUALTY | `victims` | 0 | 1 |",
	} {
		if !strings.Contains(card, row) {
			t.Errorf("the card lacks %q", row)
		}
	}
	if st.Values[corpus.Place]["admin1"] != 2 || st.Values[corpus.Actor] != nil {
		t.Errorf("values %v", st.Values)
	}
}
