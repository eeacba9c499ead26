package dataset

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/split"
	"github.com/raqim/raqim/internal/suggestion"
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

// code returns s as Markdown inline code.
func code(s string) string { return "`" + s + "`" }

// Card returns the dataset card (README.md) of an export: YAML front matter
// that Hugging Face datasets reads (configs over hf/*.jsonl and the
// dataset_info features, ner_tags as a ClassLabel of hfLabels), then the
// label set with definitions, the split settings and rounding rule, counts
// per split and label, the tokenisation rule, the annotators, the export
// time and raqim version, and the files.
//
// The prose for people (sentences, headings, table headers, descriptions)
// is in the language of s.Locale; what programs or people copy stays as it
// is: the front matter, file and field names, labels, tags, identifiers
// and the code. Numbers are written in Western digits, whatever digits
// s.Locale asks for, as the tables and code of the card have them.
func Card(s Settings, st *Stats, hfLabels []string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	loc := locale.New(locale.Settings{Lang: s.Locale.Lang, Digits: locale.Western})
	// line writes one item of a list.
	line := func(text string) { p("- %s\n", text) }
	// row writes one row of a table.
	row := func(cells ...string) { p("| %s |\n", strings.Join(cells, " | ")) }
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
	p("%s\n\n", loc.T("Named-entity spans over Arabic text, annotated with raqim under the schema %s.", code(schema.ID)))
	version := s.Version
	if version == "" {
		version = "dev"
	}
	sel := loc.T("the documents whose status is done")
	if s.IncludeAll {
		sel = loc.T("all documents, whatever their status")
	}
	line(loc.T("Exported: %s by raqim %s.", s.Now.UTC().Format(time.RFC3339), mdCell(version)))
	if st.Left > 0 {
		line(loc.T("Documents: %d exported (%s); %d not done were left out.", st.Documents, locale.Text(sel), st.Left))
	} else {
		line(loc.T("Documents: %d exported (%s).", st.Documents, locale.Text(sel)))
	}
	total := 0
	for _, ss := range st.Splits {
		total += ss.Spans
	}
	switch {
	case st.Spans != SpansGold:
		line(loc.T("Spans from: each document's own layer (the one edited in raqim)."))
	case s.KeepOwn && st.NoGold > 0:
		line(loc.T("Spans from: the curated gold layer of %d document(s); %d without one keep their own spans.", st.Gold, st.NoGold))
	case st.NoGold > 0:
		line(loc.T("Spans from: the curated gold layer of %d document(s); %d without one were left out.", st.Gold, st.NoGold))
	default:
		line(loc.T("Spans from: the curated gold layer of every document (%d).", st.Gold))
	}
	line(loc.T("Spans: %d. Offsets are Unicode code points into the text exactly as stored, `[start, end)`, as Python's `str` counts them.", total))
	p("\n")

	// Labels.
	p("## %s\n\n%s\n\n", loc.T("Labels"), loc.T("In ClassLabel order (`labels.json`); the token formats use `hf/labels.json`: `O`, then `B-` and `I-` of each label in this order."))
	row("#", loc.T("label"), loc.T("Arabic"), loc.T("English"), loc.T("definition"), "التعريف")
	p("|---|---|---|---|---|---|\n")
	for i, d := range schema.Labels {
		p("| %d | `%s` | %s | %s | %s | %s |\n", i, mdCell(string(d.Name)), mdCell(d.Arabic), mdCell(d.English), mdCell(d.DefinitionEn), mdCell(d.DefinitionAr))
	}

	// Splits.
	ratios := s.Ratios
	if ratios == ([3]float64{}) {
		ratios = split.DefaultRatios
	}
	g := func(f float64) string { return fmt.Sprintf("%g", f) }
	p("\n## %s\n\n%s\n\n", loc.T("Splits"), loc.T("By document, deterministic from the seed: the same corpus and seed give the same split on any machine."))
	line(loc.T("Seed: %s", code(fmt.Sprint(s.Seed))))
	line(loc.T("Ratios (train/dev/test): %s / %s / %s, asking for %d / %d / %d documents.", g(ratios[0]), g(ratios[1]), g(ratios[2]), st.Targets[0], st.Targets[1], st.Targets[2]))
	line(loc.T("Rounding: each split gets the floor of its share; the documents left over go one each to the largest remainders (ties to train, then dev, then test); a split with a non-zero ratio that got none takes one from the largest split when there are enough documents (3 documents at 80/10/10 give 1/1/1)."))
	line(loc.T("Near-duplicates (the same story twice: equal normalised text, or word %d-shingle Jaccard similarity ≥ %s) stay in one split: %d group(s) here.", split.ShingleWords, g(split.DefaultThreshold), st.Groups))
	line(loc.T("Balance: each label is placed in every split where the corpus allows before the rest is filled in seeded order."))
	p("\n")
	row(loc.T("split"), loc.T("documents"), loc.T("sentences"), loc.T("tokens"), loc.T("spans"))
	p("|---|---:|---:|---:|---:|\n")
	for k, ss := range st.Splits {
		p("| %s | %d | %d | %d | %d |\n", split.Names[k], ss.Documents, ss.Sentences, ss.Tokens, ss.Spans)
	}
	p("\n%s\n\n", loc.T("Per label: documents holding it / spans / tokens inside its spans."))
	row(loc.T("label"), split.Names[0], split.Names[1], split.Names[2])
	p("|---|---:|---:|---:|\n")
	for _, l := range schema.Names() {
		p("| `%s` |", mdCell(string(l)))
		for _, ss := range st.Splits {
			ls := ss.Labels[l]
			p(" %d / %d / %d |", ls.Documents, ls.Spans, ls.Tokens)
		}
		p("\n")
	}

	// Tokenisation. The rule itself is stated in English (tokenize.Rule).
	p("\n## %s\n\n%s\n\n> %s\n\n", loc.T("Tokenisation"), loc.T("The token formats (`*.conll`, `*.bioes.conll`, `hf/`) share one rule (raqim's `internal/tokenize`):"), tokenize.Rule)
	p("%s", loc.T("So every span is an exact sequence of tokens: its first token starts where the span starts and its last token ends where it ends."))
	if n := len(st.Untokenised); n > 0 {
		p(" %s", loc.T("Exception: %d span(s) cover no token at all (whitespace or invisible characters only); the span formats carry them, the token formats cannot:", n))
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
	p("## %s\n\n", loc.T("Annotators"))
	if len(st.Annotators) == 0 {
		p("%s\n\n", loc.T("No spans."))
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
		row(loc.T("annotator"), loc.T("spans"))
		p("|---|---:|\n")
		for _, a := range names {
			who := a
			if who == "" {
				who = loc.T("(not recorded: imported spans)")
			}
			p("| %s | %d |\n", mdCell(who), st.Annotators[a])
		}
		p("\n")
	}

	// Values.
	p("## %s\n\n%s\n\n", loc.T("Values"), loc.T("Normalised values carried in each span's `attrs` (span JSONL) and each region's `meta` (Label Studio): how many spans of each label have each."))
	row(loc.T("label"), loc.T("value"), loc.T("spans with it"), loc.T("spans of the label"))
	p("|---|---|---:|---:|\n")
	for _, d := range schema.Labels {
		total := 0
		for _, sp := range st.Splits {
			total += sp.Labels[d.Name].Spans
		}
		for _, k := range suggestion.ValueKeys(d.Name) {
			p("| %s | %s | %d | %d |\n", d.Name, code(k), st.Values[d.Name][k], total)
		}
	}
	p("\n")

	cardLayers(p, line, loc, st)

	// Files.
	p("## %s\n\n", loc.T("Files"))
	row(loc.T("file"), loc.T("format"), loc.T("read by"))
	p("|---|---|---|\n")
	row("`labels.json`", loc.T("the label names in ClassLabel order"), loc.T("any"))
	spanJSONL := loc.T("span JSON Lines: %s", code(`{"id", "text", "spans": [{"start", "end", "label", "text"}], "meta"}`))
	if s.Units {
		spanJSONL = loc.T("span JSON Lines: %s, spans also with %s and %s", code(`{"id", "text", "spans": [{"start", "end", "label", "text"}], "meta"}`), code("start_utf16")+"/"+code("end_utf16"), code("start_byte")+"/"+code("end_byte"))
	}
	row("`{train,dev,test}.jsonl`", spanJSONL, "spaCy (`doc.char_span`), Prodigy, doccano, raqim")
	row("`{train,dev,test}.conll`", loc.T("IOB2, %s per line, a blank line between sentences, %s before each document", code("token TAG"), code("-DOCSTART- O")), "seqeval, flair, spaCy `convert`")
	row("`{train,dev,test}.bioes.conll`", loc.T("the same in BIOES"), "seqeval (`scheme=IOBES`), flair")
	row("`hf/{train,dev,test}.jsonl`, `hf/labels.json`", loc.T("%s per sentence, tag ids into %s", code(`{"id", "tokens", "ner_tags"}`), code("hf/labels.json")), loc.T("Hugging Face %s (this card)", code("datasets")))
	row("`brat/{train,dev,test}/<id>.txt`, `.ann`, `brat/annotation.conf`, `brat/visual.conf`", loc.T("brat standoff, code-point offsets"), "brat")
	row("`labelstudio.json`, `labelstudio.xml`", loc.T("Label Studio tasks with annotations, and the labelling config"), "Label Studio")
	p("\n## %s\n\n", loc.T("Loading"))
	p("```python\nfrom datasets import load_dataset\nds = load_dataset(\"path/to/unzipped\")  # reads hf/ through this card\nnames = ds[\"train\"].features[\"ner_tags\"].feature.names\n```\n")
	return b.String()
}

// cardLayers writes what the card says of the exported documents' layers:
// the annotators' layers, the curation and the agreement figures.
func cardLayers(p func(string, ...any), line func(string), loc *locale.Printer, st *Stats) {
	names := make([]string, 0, len(st.HumanLayers))
	for n := range st.HumanLayers {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 0 {
		parts := make([]string, len(names))
		for i, n := range names {
			parts[i] = mdCell(n) + " (" + loc.T("%d documents", st.HumanLayers[n]) + ")"
		}
		line(loc.T("Annotators' layers of the exported documents: %s.", strings.Join(parts, ", ")))
	}
	switch {
	case st.Curated == 0:
		line(loc.T("Curated documents: none."))
	case len(st.Curators) == 0:
		line(loc.T("Curated documents: %d of %d.", st.Curated, st.Documents))
	default:
		who := make([]string, len(st.Curators))
		for i, c := range st.Curators {
			who[i] = mdCell(c)
		}
		line(loc.T("Curated documents: %d of %d, by %s.", st.Curated, st.Documents, strings.Join(who, ", ")))
	}
	a := st.Agreement
	if a == nil {
		line(loc.T("Agreement: no figures (they need two or more annotators' layers over the exported documents)."))
		p("\n")
		return
	}
	line(loc.T("Agreement of the annotators' layers over %d document(s), without bootstrap intervals: Fleiss' kappa over code points %s.", a.Documents, fmt.Sprintf("%.3f", a.FleissKappa)))
	p("\n")
	p("| %s | %s |\n|---|---:|\n", loc.T("pair of layers"), loc.T("strict span F1"))
	for _, pr := range a.Pairs {
		p("| %s · %s | %.3f |\n", mdCell(pr.A), mdCell(pr.B), pr.F1)
	}
	p("\n")
}
