// Package dataset writes a corpus as a machine-learning dataset zip (one
// file per format and split, with a dataset card) and reads such a zip, or a
// zip of brat pairs or other exported files, back into documents.
//
// The formats and the tools that read them are described in FORMATS.md.
package dataset

import (
	"archive/zip"
	"compress/flate"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/raqim/raqim/internal/brat"
	"github.com/raqim/raqim/internal/conll"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/hf"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/labelstudio"
	"github.com/raqim/raqim/internal/split"
)

// Settings are the export settings of a dataset zip.
type Settings struct {
	// IncludeAll exports every document; otherwise only those whose status is done.
	IncludeAll bool
	// Seed and Ratios (train, dev, test) drive the split; see package split.
	Seed   uint64
	Ratios [3]float64
	// Schema gives the labels, their order (the ClassLabel order) and
	// definitions; nil means corpus.Default.
	Schema *corpus.Schema
	// Name is the corpus name, for the card and the zip's file name.
	Name string
	// Version is raqim's version, for the card.
	Version string
	// Now is the export time, for the card and the zip entries; zero means time.Now().
	Now time.Time
	// Units also writes start_utf16/end_utf16 and start_byte/end_byte in the span JSONL.
	Units bool
	// Annotations also writes each span's id, annotator, attrs and creation
	// time in the span JSONL.
	Annotations bool
}

// DefaultSettings returns the default export settings: done documents only,
// split.DefaultSeed, 80/10/10 and the default schema.
func DefaultSettings() Settings {
	return Settings{Seed: split.DefaultSeed, Ratios: split.DefaultRatios, Schema: corpus.Default, Name: "raqim", Version: "dev"}
}

// FileName returns the zip's file name for a corpus name: "<name>-dataset.zip",
// with characters unsafe in file names replaced by '_'.
func FileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, strings.TrimSpace(name))
	name = strings.Trim(name, "._")
	if name == "" {
		name = "corpus"
	}
	return name + "-dataset.zip"
}

// LabelStats counts one label in one split.
type LabelStats struct {
	// Documents holds the label at least once; Spans carry it; Tokens lie in those spans.
	Documents, Spans, Tokens int
}

// SplitStats counts one split.
type SplitStats struct {
	Documents, Sentences, Tokens, Spans int
	Labels                              map[corpus.Label]LabelStats
}

// Stats is what Write exported.
type Stats struct {
	// Documents were exported; Left were not (their status is not done).
	Documents, Left int
	Splits          [3]SplitStats
	// Targets are the split sizes the ratios asked for (see split.Targets).
	Targets [3]int
	// Groups is the number of near-duplicate groups kept within one split.
	Groups int
	// Untokenised lists spans that cover no token (whitespace or invisible
	// characters only): the span formats carry them, the token formats cannot.
	Untokenised []SpanRef
	// Annotators counts the exported spans per annotator ("" for unknown).
	Annotators map[string]int
	// Files is the number of files in the zip.
	Files int
}

// SpanRef names a span of a document.
type SpanRef struct {
	Doc  string
	Span corpus.Span
}

// passes is the number of times Write goes over the documents (the span
// JSONL, CoNLL, BIOES, Hugging Face, brat and Label Studio files).
const passes = 6

// Write writes the dataset zip of docs to w (see FORMATS.md), calling
// progress(done, total) as documents are processed (progress may be nil).
// It refuses a corpus with no document to export, a document that fails
// corpus.Validate against the schema, or two documents with one ID, before
// writing anything; it returns the first error of w.
func Write(w io.Writer, docs []corpus.Document, s Settings, progress func(done, total int)) (Stats, error) {
	if s.Schema == nil {
		s.Schema = corpus.Default
	}
	if s.Now.IsZero() {
		s.Now = time.Now()
	}
	s.Now = s.Now.UTC().Truncate(time.Second)
	if err := checkSchema(s.Schema); err != nil {
		return Stats{}, err
	}
	var st Stats
	sel, err := selectDocs(docs, s, &st)
	if err != nil {
		return st, err
	}
	tick := func() {}
	if progress != nil {
		tick = func() { progress(0, passes*len(sel)) }
	}
	res, err := split.Assign(sel, split.Options{Seed: s.Seed, Ratios: s.Ratios, Tick: tick})
	if err != nil {
		return st, err
	}
	st.Targets, st.Groups = res.Targets, len(res.Groups)
	var bySplit [3][]*corpus.Document
	for i := range sel {
		k := res.Of[i]
		bySplit[k] = append(bySplit[k], &sel[i])
	}
	st.Annotators = map[string]int{}
	for _, d := range sel {
		for _, sp := range d.Spans {
			st.Annotators[sp.Annotator]++
		}
	}

	x := &exporter{zw: zip.NewWriter(w), now: s.Now, progress: progress, total: passes * len(sel)}
	// One deflater, reset for each entry: entries are written one at a time,
	// and a new deflater per entry would allocate about 1 MiB each.
	var fw *flate.Writer
	x.zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			if fw, err = flate.NewWriter(out, flate.BestSpeed); err != nil {
				return nil, err
			}
		} else {
			fw.Reset(out)
		}
		return fw, nil
	})
	x.report(true)

	names := s.Schema.Names()
	x.file("labels.json", func(f io.Writer) error { return writeJSON(f, names) })
	hfLabels := hf.Labels(s.Schema)
	x.file("hf/labels.json", func(f io.Writer) error { return writeJSON(f, hfLabels) })
	x.file("brat/annotation.conf", func(f io.Writer) error { _, err := f.Write(brat.AnnotationConf(s.Schema)); return err })
	x.file("brat/visual.conf", func(f io.Writer) error { _, err := f.Write(brat.VisualConf(s.Schema)); return err })
	x.file("labelstudio.xml", func(f io.Writer) error { _, err := io.WriteString(f, labelstudio.LabelConfig(s.Schema)); return err })

	var namer brat.Namer
	for k, part := range bySplit {
		name := split.Names[k]
		ss := &st.Splits[k]
		ss.Documents = len(part)
		ss.Labels = map[corpus.Label]LabelStats{}
		x.file(name+".jsonl", func(f io.Writer) error {
			opts := jsonl.EncodeOptions{Schema: s.Schema, Units: s.Units, Annotations: s.Annotations}
			const chunk = 32
			buf := make([]corpus.Document, 0, chunk)
			for i := 0; i < len(part); i += chunk {
				buf = buf[:0]
				for _, d := range part[i:min(i+chunk, len(part))] {
					buf = append(buf, *d)
				}
				if err := jsonl.Encode(f, buf, opts); err != nil {
					return err
				}
				x.done(len(buf))
			}
			return nil
		})
		x.file(name+".conll", func(f io.Writer) error {
			cw := conll.NewWriter(f, conll.IOB2)
			for _, d := range part {
				ds, err := cw.Write(d)
				if err != nil {
					return err
				}
				addStats(ss, d, ds, &st)
				x.done(1)
			}
			return cw.Flush()
		})
		x.file(name+".bioes.conll", func(f io.Writer) error {
			cw := conll.NewWriter(f, conll.BIOES)
			for _, d := range part {
				if _, err := cw.Write(d); err != nil {
					return err
				}
				x.done(1)
			}
			return cw.Flush()
		})
		x.file("hf/"+name+".jsonl", func(f io.Writer) error {
			hw := hf.NewWriter(f, hfLabels)
			for _, d := range part {
				if _, err := hw.Write(d); err != nil {
					return err
				}
				x.done(1)
			}
			return hw.Flush()
		})
		for _, d := range part {
			stem := "brat/" + name + "/" + namer.Name(d.ID)
			x.file(stem+".txt", func(f io.Writer) error { _, err := io.WriteString(f, d.Text); return err })
			x.file(stem+".ann", func(f io.Writer) error { return brat.WriteAnn(f, d) })
			x.done(1)
		}
	}
	x.file("labelstudio.json", func(f io.Writer) error {
		lw := labelstudio.NewWriter(f)
		for k, part := range bySplit {
			extra := map[string]string{"split": split.Names[k]}
			for _, d := range part {
				if err := lw.Write(d, extra); err != nil {
					return err
				}
				x.done(1)
			}
		}
		return lw.Close()
	})
	x.file("README.md", func(f io.Writer) error {
		_, err := io.WriteString(f, Card(s, &st, hfLabels))
		return err
	})
	if x.err == nil {
		x.err = x.zw.Close()
	}
	x.report(true)
	st.Files = x.files
	return st, x.err
}

// checkSchema refuses a schema whose labels the formats cannot carry.
func checkSchema(schema *corpus.Schema) error {
	if len(schema.Labels) == 0 {
		return errors.New("the schema has no labels")
	}
	seen := map[corpus.Label]bool{}
	for _, l := range schema.Names() {
		if seen[l] {
			return fmt.Errorf("schema %s: label %q is defined twice", schema.ID, l)
		}
		seen[l] = true
		if err := conll.CheckLabel(l); err != nil {
			return fmt.Errorf("schema %s: %w", schema.ID, err)
		}
		if err := brat.CheckLabel(l); err != nil {
			return fmt.Errorf("schema %s: %w", schema.ID, err)
		}
	}
	return nil
}

// selectDocs returns the documents to export, spans sorted, after checking them.
func selectDocs(docs []corpus.Document, s Settings, st *Stats) ([]corpus.Document, error) {
	var sel []corpus.Document
	ids := map[string]int{}
	for i := range docs {
		d := docs[i]
		if !s.IncludeAll && d.Status != corpus.StatusDone {
			st.Left++
			continue
		}
		if d.ID == "" {
			return nil, fmt.Errorf("document %d (%q): empty id", i+1, d.Title)
		}
		if j, dup := ids[d.ID]; dup {
			return nil, fmt.Errorf("document %q: duplicate id (documents %d and %d)", d.ID, j+1, i+1)
		}
		ids[d.ID] = i
		if !slices.IsSortedFunc(d.Spans, cmpSpans) {
			d.Spans = slices.Clone(d.Spans)
			corpus.SortSpans(d.Spans)
		}
		if err := corpus.Validate(&d, s.Schema); err != nil {
			return nil, fmt.Errorf("document %q: %w", d.ID, err)
		}
		sel = append(sel, d)
	}
	if len(sel) == 0 {
		if st.Left > 0 {
			return nil, fmt.Errorf("no document to export: none of the %d documents is done (the export settings can include all documents)", st.Left)
		}
		return nil, errors.New("no document to export: the corpus is empty")
	}
	st.Documents = len(sel)
	return sel, nil
}

func cmpSpans(a, b corpus.Span) int {
	switch {
	case a.Start != b.Start:
		return a.Start - b.Start
	case a.End != b.End:
		return a.End - b.End
	}
	return strings.Compare(string(a.Label), string(b.Label))
}

// addStats adds one document's token counts to its split's stats.
func addStats(ss *SplitStats, d *corpus.Document, ds conll.DocStats, st *Stats) {
	ss.Sentences += ds.Sentences
	ss.Tokens += ds.Tokens
	ss.Spans += len(d.Spans)
	seen := map[corpus.Label]bool{}
	for _, sp := range d.Spans {
		ls := ss.Labels[sp.Label]
		ls.Spans++
		if !seen[sp.Label] {
			seen[sp.Label] = true
			ls.Documents++
		}
		ss.Labels[sp.Label] = ls
	}
	for _, sp := range ds.Untokenised {
		st.Untokenised = append(st.Untokenised, SpanRef{Doc: d.ID, Span: sp})
	}
	for l, n := range ds.LabelTokens {
		ls := ss.Labels[l]
		ls.Tokens += n
		ss.Labels[l] = ls
	}
}

// exporter writes zip entries, keeping the first error and the progress.
type exporter struct {
	zw       *zip.Writer
	now      time.Time
	err      error
	files    int
	progress func(done, total int)
	doneN    int
	total    int
	reported int
}

// file writes one zip entry with body, unless an error happened before.
func (x *exporter) file(name string, body func(io.Writer) error) {
	if x.err != nil {
		return
	}
	f, err := x.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: x.now})
	if err == nil {
		err = body(f)
	}
	if err != nil {
		x.err = fmt.Errorf("%s: %w", name, err)
	}
	x.files++
}

// done records n more documents processed and reports progress about every
// half per cent.
func (x *exporter) done(n int) {
	x.doneN += n
	x.report(false)
}

func (x *exporter) report(force bool) {
	if x.progress == nil {
		return
	}
	step := max(1, x.total/3000) // often: a caller may pause the work there
	if force || x.doneN-x.reported >= step {
		x.reported = x.doneN
		x.progress(x.doneN, x.total)
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
