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
