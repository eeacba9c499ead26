// Package dataset writes a corpus as a machine-learning dataset zip, one
// file per format and split with a dataset card, and reads a zip of files
// of format's table back into documents.
package dataset

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"hash"
	"hash/crc32"
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
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/split"
	"github.com/raqim/raqim/internal/suggestion"
	"github.com/raqim/raqim/internal/tokenize"
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
	// Spill, when set, makes the places where Export keeps compressed files
	// while it writes others (see Spill); nil keeps them in memory.
	Spill func() Spill
	// Locale is the language the card's prose is written in (see Card);
	// the zero value is English.
	Locale locale.Settings
	// Spans says where the documents' spans come from: SpansAuto (the
	// zero value), SpansOwn or SpansGold.
	Spans string
	// KeepOwn, with gold, exports a document without a curated gold layer
	// with its own spans (when the status setting selects it) instead of
	// leaving it out.
	KeepOwn bool
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
	// Values counts, per label, the exported spans that carry each value
	// (an attrs key of suggestion.ValueKeys: iso, count, gazetteer_id, actor_id…).
	Values map[corpus.Label]map[string]int
	// Spans is where the spans came from: SpansOwn or SpansGold.
	Spans string
	// Gold counts the documents exported with their gold layer's spans;
	// NoGold those without a curated gold layer that gold left out, or,
	// with KeepOwn, exported with their own spans.
	Gold, NoGold int
	// Curated counts the exported documents that have a curated gold
	// layer, and Curators names who decided them, sorted.
	Curated  int
	Curators []string
	// HumanLayers counts the exported documents having each human layer, by name.
	HumanLayers map[string]int
	// Agreement, when set, is the agreement of the human layers over the
	// exported documents (filled in by the caller of Prepare; see Card).
	Agreement *AgreementFigures
	// Files is the number of files in the zip.
	Files int
}

// SpanRef names a span of a document.
type SpanRef struct {
	Doc  string
	Span corpus.Span
}

// Source is a corpus that Export reads a few documents at a time, so that
// the whole corpus is never in memory at once.
type Source interface {
	// List returns the summaries of the corpus's documents, in export order.
	List() ([]corpus.Summary, error)
	// Read returns the documents of ids, with their spans, in that order.
	Read(ids []string) ([]corpus.Document, error)
}

// TextSource is a Source that can also read texts alone, which Export
// then does where it needs no more of a document.
type TextSource interface {
	Source
	// Texts returns the texts of the documents of ids, in that order.
	Texts(ids []string) ([]string, error)
}

// run is the number of documents Export asks its Source for at a time.
const run = 32

// Write writes the dataset zip of docs to w; see Export.
func Write(w io.Writer, docs []corpus.Document, s Settings, progress func(done, total int)) (Stats, error) {
	return Export(w, docSource(docs), s, progress)
}

// memSource is a Source over documents held in memory.
type memSource struct {
	docs []corpus.Document
	byID map[string]int
}

func docSource(docs []corpus.Document) *memSource { return &memSource{docs: docs} }

func (m *memSource) List() ([]corpus.Summary, error) {
	sums := make([]corpus.Summary, len(m.docs))
	for i, d := range m.docs {
		sums[i] = corpus.Summary{ID: d.ID, Title: d.Title, Status: d.Status}
	}
	return sums, nil
}

func (m *memSource) Read(ids []string) ([]corpus.Document, error) {
	if m.byID == nil {
		m.byID = make(map[string]int, len(m.docs))
		for i, d := range m.docs {
			if _, dup := m.byID[d.ID]; !dup {
				m.byID[d.ID] = i
			}
		}
	}
	out := make([]corpus.Document, len(ids))
	for i, id := range ids {
		j, ok := m.byID[id]
		if !ok {
			return nil, locale.Errorf("document %q: not found", id)
		}
		out[i] = m.docs[j]
	}
	return out, nil
}

// Export writes the dataset zip of the documents of src to w (see
// FORMATS.md), calling progress(done, total) as documents are processed
// (progress may be nil). It reads the corpus twice, run documents at a
// time: once to check every document and split the corpus (Prepare), once
// to write it (WritePlan). It refuses a corpus with no document to export, a
// document that fails corpus.Validate against the schema, or two documents
// with one ID, before writing anything; it returns the first error of w or
// src.
func Export(w io.Writer, src Source, s Settings, progress func(done, total int)) (Stats, error) {
	s = s.normal() // one Now for both passes
	p, err := Prepare(src, s, progress)
	if err != nil {
		return p.Stats, err
	}
	return WritePlan(w, src, s, p, progress)
}

// Plan is what the first pass of an export finds: the documents of each
// split, in order, and what was counted on the way. It travels as JSON, so
// that the second pass may run elsewhere (a new worker).
type Plan struct {
	Splits [3][]string `json:"splits"`
	Stats  Stats       `json:"stats"` // all but the counts of the splits (Values included)
	// Gold names the gold layer of each document exported from one.
	Gold map[string]string `json:"gold,omitempty"`
}

// normal returns s with its defaults filled in.
func (s Settings) normal() Settings {
	if s.Schema == nil {
		s.Schema = corpus.Default
	}
	if s.Now.IsZero() {
		s.Now = time.Now()
	}
	if s.Spill == nil {
		s.Spill = func() Spill { return new(memSpill) }
	}
	s.Now = s.Now.UTC().Truncate(time.Second)
	return s
}

// Prepare checks the documents of src and splits them, the first pass of
// Export, reporting progress as Export does over both passes.
func Prepare(src Source, s Settings, progress func(done, total int)) (Plan, error) {
	s = s.normal()
	var p Plan
	st := &p.Stats
	if err := checkSchema(s.Schema); err != nil {
		return p, err
	}
	sums, err := src.List()
	if err != nil {
		return p, err
	}
	index, err := layerIndex(src)
	if err != nil {
		return p, err
	}
	st.Spans = spansFrom(s, sums, index)
	ids, err := selectDocs(sums, s, st, index, &p)
	if err != nil {
		return p, err
	}
	describe(st, ids, index)
	if src, err = withGold(src, p.Gold); err != nil {
		return p, err
	}
	x := &exporter{now: s.Now, progress: progress, total: 2 * len(ids), spill: s.Spill}
	x.report(true)

	// Check each document and profile it for the split.
	profiles := make([]split.Profile, 0, len(ids))
	var profiler split.Profiler
	st.Annotators = map[string]int{}
	st.Values = map[corpus.Label]map[string]int{}
	err = readRuns(src, ids, s.Schema, func(d *corpus.Document) error {
		profiles = append(profiles, profiler.Profile(d))
		for _, sp := range d.Spans {
			countValues(st.Values, sp)
			if _, ok := st.Annotators[sp.Annotator]; !ok {
				// a copy, not part of a larger string read from storage
				st.Annotators[strings.Clone(sp.Annotator)] = 0
			}
			st.Annotators[sp.Annotator]++
		}
		x.done(1)
		return nil
	})
	if err != nil {
		return p, err
	}
	tick := func() { x.report(true) }
	res, err := split.AssignProfiles(profiles, split.Options{Seed: s.Seed, Ratios: s.Ratios, Tick: tick}, func(is []int) ([]string, error) {
		want := make([]string, len(is))
		for k, i := range is {
			want[k] = ids[i]
		}
		return readTexts(src, want)
	})
	if err != nil {
		return p, err
	}
	st.Targets, st.Groups = res.Targets, len(res.Groups)
	for i, id := range ids {
		k := res.Of[i]
		p.Splits[k] = append(p.Splits[k], id)
	}
	return p, nil
}

// WritePlan writes the dataset zip of a plan that Prepare made with the
// same settings, the second pass of Export, reporting progress as Export
// does over both passes.
func WritePlan(w io.Writer, src Source, s Settings, p Plan, progress func(done, total int)) (Stats, error) {
	s = s.normal()
	st := p.Stats
	if err := checkSchema(s.Schema); err != nil {
		return st, err
	}
	src, err := withGold(src, p.Gold)
	if err != nil {
		return st, err
	}
	bySplit := p.Splits
	n := len(bySplit[0]) + len(bySplit[1]) + len(bySplit[2])
	x := &exporter{now: s.Now, progress: progress, total: 2 * n, doneN: n, reported: n, spill: s.Spill}
	x.report(true)

	// Second pass: write. The files of one split that hold all its
	// documents (and labelstudio.json, which holds the corpus) are
	// compressed aside, each into a Spill, while the brat files, one per
	// document, go straight into the zip; a split's spilled files follow its
	// brat files.
	x.zw = zip.NewWriter(w)
	// One deflater for the entries written straight, reset for each: a new
	// deflater per entry would allocate about 1 MiB each.
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

	names := s.Schema.Names()
	x.file("labels.json", func(f io.Writer) error { return writeJSON(f, names) })
	hfLabels := hf.Labels(s.Schema)
	x.file("hf/labels.json", func(f io.Writer) error { return writeJSON(f, hfLabels) })
	x.file("brat/annotation.conf", func(f io.Writer) error { _, err := f.Write(brat.AnnotationConf(s.Schema)); return err })
	x.file("brat/visual.conf", func(f io.Writer) error { _, err := f.Write(brat.VisualConf(s.Schema)); return err })
	x.file("labelstudio.xml", func(f io.Writer) error { _, err := io.WriteString(f, labelstudio.LabelConfig(s.Schema)); return err })

	lsFile := x.aside("labelstudio.json")
	lw := labelstudio.NewWriter(lsFile)
	var namer brat.Namer
	for k, part := range bySplit {
		if x.err != nil {
			break
		}
		name := split.Names[k]
		ss := &st.Splits[k]
		ss.Documents = len(part)
		ss.Labels = map[corpus.Label]LabelStats{}
		jf, cf, bf, hfile := x.aside(name+".jsonl"), x.aside(name+".conll"), x.aside(name+".bioes.conll"), x.aside("hf/"+name+".jsonl")
		jopts := jsonl.EncodeOptions{Schema: s.Schema, Units: s.Units, Annotations: s.Annotations}
		cw, bw, hw := conll.NewWriter(cf, conll.IOB2), conll.NewWriter(bf, conll.BIOES), hf.NewWriter(hfile, hfLabels)
		var memo tokenize.Memo // each document tokenised once for the three
		cw.Share(&memo)
		bw.Share(&memo)
		hw.Share(&memo)
		extra := map[string]string{"split": name}
		err := readRuns(src, part, s.Schema, func(d *corpus.Document) error {
			if err := jsonl.Encode(jf, []corpus.Document{*d}, jopts); err != nil {
				return jf.fail(err)
			}
			ds, err := cw.Write(d)
			if err != nil {
				return cf.fail(err)
			}
			addStats(ss, d, ds, &st)
			if _, err := bw.Write(d); err != nil {
				return bf.fail(err)
			}
			if _, err := hw.Write(d); err != nil {
				return hfile.fail(err)
			}
			stem := "brat/" + name + "/" + namer.Name(d.ID)
			x.file(stem+".txt", func(f io.Writer) error { _, err := io.WriteString(f, d.Text); return err })
			x.file(stem+".ann", func(f io.Writer) error { return brat.WriteAnn(f, d) })
			if err := lw.Write(d, extra); err != nil {
				return lsFile.fail(err)
			}
			x.done(1)
			return x.err
		})
		if err == nil {
			err = cw.Flush()
		}
		if err == nil {
			err = bw.Flush()
		}
		if err == nil {
			err = hw.Flush()
		}
		if err != nil && x.err == nil {
			x.err = err
		}
		for _, f := range []*asideFile{jf, cf, bf, hfile} {
			x.put(f)
		}
	}
	if err := lw.Close(); err != nil && x.err == nil {
		x.err = lsFile.fail(err)
	}
	x.put(lsFile)
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

// readTexts returns the texts of the documents of ids, read alone when src
// is a TextSource.
func readTexts(src Source, ids []string) ([]string, error) {
	if ts, ok := src.(TextSource); ok {
		return ts.Texts(ids)
	}
	docs, err := src.Read(ids)
	if err != nil {
		return nil, err
	}
	ts := make([]string, len(docs))
	for k := range docs {
		ts[k] = docs[k].Text
	}
	return ts, nil
}

// readRuns reads the documents of ids from src, run at a time, and calls f
// with each, its spans sorted, after checking it against the schema.
func readRuns(src Source, ids []string, schema *corpus.Schema, f func(d *corpus.Document) error) error {
	for from := 0; from < len(ids); from += run {
		want := ids[from:min(from+run, len(ids))]
		docs, err := src.Read(want)
		if err != nil {
			return err
		}
		if len(docs) != len(want) {
			return locale.Errorf("reading the corpus: %d documents asked for, %d read", len(want), len(docs))
		}
		for i := range docs {
			d := &docs[i]
			if d.ID != want[i] {
				return locale.Errorf("reading the corpus: document %q asked for, %q read", want[i], d.ID)
			}
			if !slices.IsSortedFunc(d.Spans, cmpSpans) {
				d.Spans = slices.Clone(d.Spans)
				corpus.SortSpans(d.Spans)
			}
			if err := corpus.Validate(d, schema); err != nil {
				return locale.Errorf("document %q: %v", d.ID, err)
			}
			if err := f(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkSchema refuses a schema whose labels the formats cannot carry.
func checkSchema(schema *corpus.Schema) error {
	if len(schema.Labels) == 0 {
		return locale.Errorf("the schema has no labels")
	}
	seen := map[corpus.Label]bool{}
	for _, l := range schema.Names() {
		if seen[l] {
			return locale.Errorf("schema %s: label %q is defined twice", schema.ID, l)
		}
		seen[l] = true
		if err := conll.CheckLabel(l); err != nil {
			return locale.Errorf("schema %s: %v", schema.ID, err)
		}
		if err := brat.CheckLabel(l); err != nil {
			return locale.Errorf("schema %s: %v", schema.ID, err)
		}
	}
	return nil
}

// selectDocs returns the IDs of the documents to export, after checking
// that each has one and no two share one. With gold (st.Spans), a
// document with a curated gold layer is exported from it (p.Gold),
// whatever its status; one without is left out, or with s.KeepOwn
// selected by its status as with its own spans.
func selectDocs(sums []corpus.Summary, s Settings, st *Stats, index map[string][]corpus.LayerInfo, p *Plan) ([]string, error) {
	var sel []string
	seen := map[string]int{}
	gold := st.Spans == SpansGold
	for i, d := range sums {
		name := ""
		if gold {
			name = curatedGold(index[d.ID])
		}
		switch {
		case name != "":
			if p.Gold == nil {
				p.Gold = map[string]string{}
			}
			p.Gold[d.ID] = name
			st.Gold++
		case gold && !s.KeepOwn:
			st.NoGold++
			continue
		case !s.IncludeAll && d.Status != corpus.StatusDone:
			st.Left++
			continue
		case gold:
			st.NoGold++
		}
		if d.ID == "" {
			return nil, locale.Errorf("document %d (%q): empty id", i+1, d.Title)
		}
		if j, dup := seen[d.ID]; dup {
			return nil, locale.Errorf("document %q: duplicate id (documents %d and %d)", d.ID, j+1, i+1)
		}
		seen[d.ID] = i
		sel = append(sel, d.ID)
	}
	if len(sel) == 0 {
		if gold && !s.KeepOwn {
			return nil, locale.Errorf("no document to export: none of the %d documents has a curated gold layer (the export settings can take each document's own spans)", st.NoGold)
		}
		if st.Left > 0 {
			return nil, locale.Errorf("no document to export: none of the %d documents is done (the export settings can include all documents)", st.Left)
		}
		return nil, locale.Errorf("no document to export: the corpus is empty")
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

// countValues counts the values span sp carries into values.
func countValues(values map[corpus.Label]map[string]int, sp corpus.Span) {
	for _, k := range suggestion.ValueKeys(sp.Label) {
		if sp.Attrs[k] == "" {
			continue
		}
		if values[sp.Label] == nil {
			values[sp.Label] = map[string]int{}
		}
		values[sp.Label][k]++
	}
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
	spill    func() Spill
	deflate  *flate.Writer // the deflater of the entries written aside
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
		x.err = locale.Errorf("%s: %v", name, err)
	}
	x.files++
}

// Spill holds the compressed bytes of a zip entry written while other
// entries are, until the entry's turn comes. Settings.Spill makes them.
type Spill interface {
	io.Writer
	// Reader returns what was written; nothing is written after.
	Reader() (io.Reader, error)
}

// memSpill is a Spill in memory.
type memSpill struct{ bytes.Buffer }

func (m *memSpill) Reader() (io.Reader, error) { return &m.Buffer, nil }

// asideFile is a zip entry compressed into a Spill, to be put in the zip
// later. Its bytes are compressed asideChunk at a time by the exporter's one
// deflater for all such files, each chunk a flushed run of deflate blocks
// of its own (a deflate stream may be so concatenated): one deflater holds
// about 1 MiB, and five files are written aside at once.
type asideFile struct {
	x     *exporter
	name  string
	spill Spill
	buf   []byte
	crc   hash.Hash32
	size  int64 // uncompressed
	csize countingWriter
	err   error
}

// asideChunk is how much of a file written aside is compressed at a time:
// eight times deflate's window, so that little is lost at the seams.
const asideChunk = 256 << 10

// aside starts an entry written aside.
func (x *exporter) aside(name string) *asideFile {
	f := &asideFile{x: x, name: name, spill: x.spill(), crc: crc32.NewIEEE()}
	f.csize.w = f.spill
	return f
}

func (f *asideFile) Write(p []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	f.crc.Write(p)
	f.size += int64(len(p))
	f.buf = append(f.buf, p...)
	if len(f.buf) >= asideChunk {
		f.err = f.compress(false)
	}
	return len(p), f.err
}

// compress compresses what is buffered onto the spill, ending the stream
// when last.
func (f *asideFile) compress(last bool) error {
	x := f.x
	if x.deflate == nil {
		var err error
		if x.deflate, err = flate.NewWriter(&f.csize, flate.BestSpeed); err != nil {
			return err
		}
	} else {
		x.deflate.Reset(&f.csize)
	}
	if _, err := x.deflate.Write(f.buf); err != nil {
		return err
	}
	f.buf = f.buf[:0]
	if last {
		return x.deflate.Close()
	}
	return x.deflate.Flush()
}

// fail names the entry in err.
func (f *asideFile) fail(err error) error { return locale.Errorf("%s: %v", f.name, err) }

// put finishes an entry written aside and copies it into the zip, unless an
// error happened before.
func (x *exporter) put(f *asideFile) {
	if x.err != nil {
		return
	}
	err := f.err
	if err == nil {
		err = f.compress(true)
	}
	f.buf = nil
	var r io.Reader
	if err == nil {
		r, err = f.spill.Reader()
	}
	if err == nil {
		fh := &zip.FileHeader{Name: f.name, Method: zip.Deflate, CRC32: f.crc.Sum32(),
			CompressedSize64: uint64(f.csize.n), UncompressedSize64: uint64(f.size)}
		setModified(fh, x.now)
		var w io.Writer
		if w, err = x.zw.CreateRaw(fh); err == nil {
			_, err = io.Copy(w, r)
		}
	}
	if err != nil {
		x.err = f.fail(err)
	}
	x.files++
}

// setModified sets fh's modification time as zip.Writer.CreateHeader does
// (CreateRaw does not): MS-DOS date and time, and the extended timestamp.
func setModified(fh *zip.FileHeader, t time.Time) {
	fh.Modified = t
	fh.ModifiedDate = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	fh.ModifiedTime = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	var b [9]byte
	binary.LittleEndian.PutUint16(b[0:], 0x5455) // extended timestamp
	binary.LittleEndian.PutUint16(b[2:], 5)
	b[4] = 1 // modification time present
	binary.LittleEndian.PutUint32(b[5:], uint32(t.Unix()))
	fh.Extra = append(fh.Extra, b[:]...)
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// done records n more documents processed and reports progress about every
// third of a per mille.
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
