package dataset

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/split"
	"github.com/raqim/raqim/internal/tokenize"
)

// hfSplitNames are the Hugging Face names of train, dev and test.
var hfSplitNames = [3]string{"train", "validation", "test"}

// yamlQuote returns s as a single-quoted YAML scalar.
func yamlQuote(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, "'", "''"), "\n", " ") + "'"
}

// mdCell makes s safe in a Markdown table cell.
func mdCell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

// Card returns the dataset card (README.md) of an export: YAML front matter
// that Hugging Face datasets reads (configs over hf/*.jsonl and the
// dataset_info features, ner_tags as a ClassLabel of hfLabels), then the
// label set with definitions, the split settings and rounding rule, counts
// per split and label, the tokenisation rule, the annotators, the export
// time and raqim version, and the files.
func Card(s Settings, st *Stats, hfLabels []string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	schema := s.Schema
	if schema == nil {
		schema = corpus.Default
	}
	name := s.Name
	if name == "" {
		name = "raqim"
	}

	// Front matter.
	p("---\nlanguage:\n- ar\npretty_name: %s\ntask_categories:\n- token-classification\ntask_ids:\n- named-entity-recognition\n", yamlQuote(name))
	p("configs:\n- config_name: default\n  data_files:\n")
	for k, ss := range st.Splits {
		if ss.Documents > 0 { // datasets refuses an empty data file
			p("  - split: %s\n    path: hf/%s.jsonl\n", hfSplitNames[k], split.Names[k])
		}
	}
	p("dataset_info:\n  features:\n  - name: id\n    dtype: string\n  - name: tokens\n    sequence: string\n  - name: ner_tags\n    sequence:\n      class_label:\n        names:\n")
	for i, l := range hfLabels {
		p("          '%d': %s\n", i, yamlQuote(l))
	}
	p("---\n\n")

	// Summary.
	p("# %s\n\n", mdCell(name))
	p("Named-entity spans over Arabic text, annotated with raqim under the schema `%s`.\n\n", schema.ID)
	version := s.Version
	if version == "" {
		version = "dev"
	}
	sel := "the documents whose status is done"
	if s.IncludeAll {
		sel = "all documents, whatever their status"
	}
	p("- Exported: %s by raqim %s.\n", s.Now.UTC().Format(time.RFC3339), mdCell(version))
	p("- Documents: %d exported (%s)", st.Documents, sel)
	if st.Left > 0 {
		p("; %d not done were left out", st.Left)
	}
	p(".\n")
	total := 0
	for _, ss := range st.Splits {
		total += ss.Spans
	}
	p("- Spans: %d. Offsets are Unicode code points into the text exactly as stored, `[start, end)`, as Python's `str` counts them.\n\n", total)

	// Labels.
	p("## Labels\n\nIn ClassLabel order (`labels.json`); the token formats use `hf/labels.json`: `O`, then `B-` and `I-` of each label in this order.\n\n")
	p("| # | label | Arabic | English | definition | التعريف |\n|---|---|---|---|---|---|\n")
	for i, d := range schema.Labels {
		p("| %d | `%s` | %s | %s | %s | %s |\n", i, mdCell(string(d.Name)), mdCell(d.Arabic), mdCell(d.English), mdCell(d.DefinitionEn), mdCell(d.DefinitionAr))
	}

	// Splits.
	ratios := s.Ratios
	if ratios == ([3]float64{}) {
		ratios = split.DefaultRatios
	}
	p("\n## Splits\n\nBy document, deterministic from the seed: the same corpus and seed give the same split on any machine.\n\n")
	p("- Seed: `%d`\n- Ratios (train/dev/test): %g / %g / %g, asking for %d / %d / %d documents.\n", s.Seed, ratios[0], ratios[1], ratios[2], st.Targets[0], st.Targets[1], st.Targets[2])
	p("- Rounding: each split gets the floor of its share; the documents left over go one each to the largest remainders (ties to train, then dev, then test); a split with a non-zero ratio that got none takes one from the largest split when there are enough documents (3 documents at 80/10/10 give 1/1/1).\n")
	p("- Near-duplicates (the same story twice: equal normalised text, or word %d-shingle Jaccard similarity ≥ %g) stay in one split: %d group(s) here.\n", split.ShingleWords, split.DefaultThreshold, st.Groups)
	p("- Balance: each label is placed in every split where the corpus allows before the rest is filled in seeded order.\n\n")
	p("| split | documents | sentences | tokens | spans |\n|---|---:|---:|---:|---:|\n")
	for k, ss := range st.Splits {
		p("| %s | %d | %d | %d | %d |\n", split.Names[k], ss.Documents, ss.Sentences, ss.Tokens, ss.Spans)
	}
	p("\nPer label: documents holding it / spans / tokens inside its spans.\n\n| label | train | dev | test |\n|---|---:|---:|---:|\n")
	for _, l := range schema.Names() {
		p("| `%s` |", mdCell(string(l)))
		for _, ss := range st.Splits {
			ls := ss.Labels[l]
			p(" %d / %d / %d |", ls.Documents, ls.Spans, ls.Tokens)
		}
		p("\n")
	}

	// Tokenisation.
	p("\n## Tokenisation\n\nThe token formats (`*.conll`, `*.bioes.conll`, `hf/`) share one rule (raqim's `internal/tokenize`):\n\n> %s\n\n", tokenize.Rule)
	p("So every span is an exact sequence of tokens: its first token starts where the span starts and its last token ends where it ends.")
	if n := len(st.Untokenised); n > 0 {
		p(" Exception: %d span(s) cover no token at all (whitespace or invisible characters only); the span formats carry them, the token formats cannot:", n)
		for i, r := range st.Untokenised {
			if i == 10 {
				p(" …")
				break
			}
			p(" `%s` [%d, %d) %s;", mdCell(r.Doc), r.Span.Start, r.Span.End, r.Span.Label)
		}
	}
	p("\n\n")

	// Annotators.
	p("## Annotators\n\n")
	if len(st.Annotators) == 0 {
		p("No spans.\n\n")
	} else {
		names := make([]string, 0, len(st.Annotators))
		for a := range st.Annotators {
			names = append(names, a)
		}
		sort.Slice(names, func(i, j int) bool {
			if st.Annotators[names[i]] != st.Annotators[names[j]] {
				return st.Annotators[names[i]] > st.Annotators[names[j]]
			}
			return names[i] < names[j]
		})
		p("| annotator | spans |\n|---|---:|\n")
		for _, a := range names {
			who := a
			if who == "" {
				who = "(not recorded: imported spans)"
			}
			p("| %s | %d |\n", mdCell(who), st.Annotators[a])
		}
		p("\n")
	}

	// Files.
	p("## Files\n\n")
	p("| file | format | read by |\n|---|---|---|\n")
	p("| `labels.json` | the label names in ClassLabel order | any |\n")
	p("| `{train,dev,test}.jsonl` | span JSON Lines: `{\"id\", \"text\", \"spans\": [{\"start\", \"end\", \"label\", \"text\"}], \"meta\"}`")
	if s.Units {
		p(", spans also with `start_utf16`/`end_utf16` and `start_byte`/`end_byte`")
	}
	p(" | spaCy (`doc.char_span`), Prodigy, doccano, raqim |\n")
	p("| `{train,dev,test}.conll` | IOB2, `token TAG` per line, a blank line between sentences, `-DOCSTART- O` before each document | seqeval, flair, spaCy `convert` |\n")
	p("| `{train,dev,test}.bioes.conll` | the same in BIOES | seqeval (`scheme=IOBES`), flair |\n")
	p("| `hf/{train,dev,test}.jsonl`, `hf/labels.json` | `{\"id\", \"tokens\", \"ner_tags\"}` per sentence, tag ids into `hf/labels.json` | Hugging Face `datasets` (this card) |\n")
	p("| `brat/{train,dev,test}/<id>.txt`, `.ann`, `brat/annotation.conf`, `brat/visual.conf` | brat standoff, code-point offsets | brat |\n")
	p("| `labelstudio.json`, `labelstudio.xml` | Label Studio tasks with annotations, and the labelling config | Label Studio |\n\n")
	p("## Loading\n\n```python\nfrom datasets import load_dataset\nds = load_dataset(\"path/to/unzipped\")  # reads hf/ through this card\nnames = ds[\"train\"].features[\"ner_tags\"].feature.names\n```\n")
	return b.String()
}
