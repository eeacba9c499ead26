package dataset

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/brat"
	"github.com/raqim/raqim/internal/conll"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset/testcorpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/hf"
	"github.com/raqim/raqim/internal/labelstudio"
	"github.com/raqim/raqim/internal/split"
	"github.com/raqim/raqim/internal/tokenize"
)

func settings() Settings {
	s := DefaultSettings()
	s.Name, s.Version, s.Now = "gold", "v0.1.0", testcorpus.Now
	return s
}

func opts() format.Options { return testcorpus.Options() }

// export writes docs and returns the zip and its files by name.
func export(t testing.TB, docs []corpus.Document, s Settings) ([]byte, map[string][]byte, Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := Write(&buf, docs, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	if len(files) != st.Files {
		t.Errorf("%d files, Stats says %d", len(files), st.Files)
	}
	return buf.Bytes(), files, st
}

func spanKeys(d corpus.Document) []string {
	var out []string
	for _, s := range d.Spans {
		out = append(out, fmt.Sprintf("%d:%d:%s", s.Start, s.End, s.Label))
	}
	return out
}

// sameDocs checks that got holds the documents of want (any order), text
// for text and span for span.
func sameDocs(t *testing.T, what string, got, want []corpus.Document) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d documents, want %d", what, len(got), len(want))
	}
	byID := map[string]corpus.Document{}
	for _, d := range got {
		byID[d.ID] = d
	}
	for _, w := range want {
		d, ok := byID[w.ID]
		if !ok {
			t.Fatalf("%s: document %q missing", what, w.ID)
		}
		if d.Text != w.Text {
			t.Fatalf("%s: %s: text differs", what, w.ID)
		}
		if !reflect.DeepEqual(spanKeys(d), spanKeys(w)) {
			t.Fatalf("%s: %s: spans\n%v\nwant\n%v", what, w.ID, spanKeys(d), spanKeys(w))
		}
		if err := corpus.Validate(&d, corpus.Default); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
}

func corpora(t *testing.T) map[string][]corpus.Document {
	return testcorpus.Corpora(t, testcorpus.Generate(9, 120, 10))
}

// TestRoundTrips exports each corpus and imports every format that carries
// the text back (the zip itself, brat, Label Studio), span for span; the
// token formats (CoNLL, BIOES, Hugging Face) must give the same spans over
// the same tokens.
func TestRoundTrips(t *testing.T) {
	for name, docs := range corpora(t) {
		t.Run(name, func(t *testing.T) {
			data, files, st := export(t, docs, settings())
			if st.Documents != len(docs) || len(st.Untokenised) != 0 {
				t.Fatalf("stats %+v", st)
			}
			// the zip
			got, notes, err := Read("gold-dataset.zip", data, opts())
			if err != nil {
				t.Fatal(err)
			}
			sameDocs(t, "zip", got, docs)
			for _, d := range got {
				if d.Status != corpus.StatusDone {
					t.Fatalf("status %q", d.Status)
				}
			}
			if len(notes) != 1 {
				t.Errorf("notes %q", notes)
			}
			// brat alone, as a zip of pairs
			var bratFiles []brat.File
			for n, b := range files {
				if strings.HasPrefix(n, "brat/") {
					bratFiles = append(bratFiles, brat.File{Name: n, Data: b})
				}
			}
			got, _, err = brat.Decode(bratFiles, opts())
			if err != nil {
				t.Fatal(err)
			}
			sameDocs(t, "brat", got, docs)
			got, notes, err = Read("brat.zip", zipOf(t, files, "brat/"), opts())
			if err != nil {
				t.Fatal(err)
			}
			sameDocs(t, "brat zip", got, docs)
			// Label Studio
			got, notes, err = labelstudio.Decode("labelstudio.json", bytes.NewReader(files["labelstudio.json"]), opts())
			if err != nil || len(notes) > 0 {
				t.Fatal(err, notes)
			}
			sameDocs(t, "labelstudio", got, docs)
			// token formats
			want := map[string][]string{}
			for _, d := range docs {
				want[format.ContentID(rebuilt(d))] = tokenSpans(d)
			}
			for _, f := range []string{"train.conll", "dev.conll", "test.conll", "train.bioes.conll", "dev.bioes.conll", "test.bioes.conll", "hf/train.jsonl", "hf/dev.jsonl", "hf/test.jsonl"} {
				var got []corpus.Document
				var err error
				if strings.HasPrefix(f, "hf/") {
					labels, _ := hf.DecodeLabels("labels", files["hf/labels.json"])
					got, _, err = hf.Decode(f, bytes.NewReader(files[f]), labels, opts())
				} else {
					got, _, err = conll.Decode(f, bytes.NewReader(files[f]), opts())
				}
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				for _, d := range got {
					key := d.ID
					if strings.HasPrefix(f, "hf/") {
						key = format.ContentID(d.Text)
					}
					w, ok := want[key]
					if !ok {
						t.Fatalf("%s: document %s not in the corpus", f, d.ID)
					}
					if !reflect.DeepEqual(tokenSpans(d), w) {
						t.Fatalf("%s: %s: spans %q, want %q", f, d.ID, tokenSpans(d), w)
					}
				}
			}
		})
	}
}

// rebuilt is the text a token format rebuilds for d.
func rebuilt(d corpus.Document) string {
	var lines []string
	for _, s := range tokenize.Sentences(d.Text, d.Spans) {
		var words []string
		for _, tok := range s {
			words = append(words, tok.Text)
		}
		lines = append(lines, strings.Join(words, " "))
	}
	return strings.Join(lines, "\n")
}

func tokenSpans(d corpus.Document) []string { return testcorpus.TokenSpans(d) }

// zipOf returns a zip of the files under prefix.
func zipOf(t *testing.T, files map[string][]byte, prefix string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if !strings.HasPrefix(n, prefix) {
			continue
		}
		w, err := zw.Create("unzipped/" + n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// layoutCase is what TestLayoutAndCard expects of the export of a gold
// corpus at the default settings: seed 20251007, 80/10/10.
type layoutCase struct {
	docs   []corpus.Document
	splits [3][]string // the document IDs of train, dev and test, in corpus order
	conll  string      // how train.conll starts
	ann    string      // how the .ann of the first train document starts
}

// TestLayoutAndCard checks the files of the export of the sample corpus and
// its card. Where each document goes follows from package split's rules:
// 6 documents at 80/10/10 give the targets 4/1/1 (floors 4/0/0; the two
// left over go to train, remainder .8, and dev, .6, which ties with test
// and goes first; then test, empty, takes one from train). Every sample
// document holds all four labels, so split.place gives, for the rarest
// label, one group each to train, test and dev in the seeded order, then
// the rest to train, the split furthest below its target. The seeded order,
// by hashString(20251007, id) (FNV-1a of the seed's 8 bytes little-end
// first and the ID, then SplitMix64's finaliser), computed apart from the
// Go code, is sample-03, -05, -06, -04, -02, -01: sample-03 goes to train,
// -05 to test, -06 to dev, and -04, -02, -01 to train.
//
// The first train document in corpus order is sample-01, whose text opens
// "باماكو – 14 مارس 2025" and a line break: PLACE باماكو at [0,6), the
// dash outside any span, DATE "14 مارس 2025", and the line break ends the
// sentence.
func TestLayoutAndCard(t *testing.T) {
	checkLayout(t, layoutCase{
		docs: testcorpus.Sample(t),
		splits: [3][]string{
			{"sample-01", "sample-02", "sample-03", "sample-04"},
			{"sample-06"},
			{"sample-05"},
		},
		conll: "-DOCSTART- O\n\nباماكو B-PLACE\n– O\n14 B-DATE\nمارس I-DATE\n2025 I-DATE\n\n",
		ann:   "T1\tPLACE 0 6\tباماكو\n",
	})
}

func checkLayout(t *testing.T, c layoutCase) {
	t.Helper()
	docs := c.docs
	_, files, st := export(t, docs, settings())
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	want := []string{"README.md", "brat/annotation.conf", "brat/visual.conf",
		"dev.bioes.conll", "dev.conll", "dev.jsonl",
		"hf/dev.jsonl", "hf/labels.json", "hf/test.jsonl", "hf/train.jsonl",
		"labels.json", "labelstudio.json", "labelstudio.xml",
		"test.bioes.conll", "test.conll", "test.jsonl", "train.bioes.conll", "train.conll", "train.jsonl"}
	for k, ids := range c.splits {
		for _, id := range ids {
			want = append(want, "brat/"+split.Names[k]+"/"+id+".ann", "brat/"+split.Names[k]+"/"+id+".txt")
		}
		if st.Splits[k].Documents != len(ids) {
			t.Errorf("%s: %d documents, want %d", split.Names[k], st.Splits[k].Documents, len(ids))
		}
	}
	slices.Sort(want)
	if !reflect.DeepEqual(names, want) {
		t.Errorf("files\n%q\nwant\n%q", names, want)
	}
	if string(files["labels.json"]) != "[\n  \"ACTOR\",\n  \"PLACE\",\n  \"DATE\",\n  \"CASUALTY\"\n]\n" {
		t.Errorf("labels.json %s", files["labels.json"])
	}
	var hfLabels []string
	if err := json.Unmarshal(files["hf/labels.json"], &hfLabels); err != nil || len(hfLabels) != 9 || hfLabels[1] != "B-ACTOR" {
		t.Errorf("hf/labels.json %s", files["hf/labels.json"])
	}
	if !strings.HasPrefix(string(files["train.conll"]), c.conll) {
		t.Errorf("train.conll starts %q, want %q", files["train.conll"][:min(len(files["train.conll"]), 120)], c.conll)
	}
	first := c.splits[0][0]
	if strings.Contains(string(files["train.conll"]), "\r") || bytes.HasPrefix(files["brat/train/"+first+".ann"], []byte("\ufeff")) {
		t.Error("CR or BOM written")
	}
	// every span is the gold annotator's (testcorpus marks them so)
	total := 0
	for _, d := range docs {
		total += len(d.Spans)
	}
	card := string(files["README.md"])
	for _, s := range []string{
		"---\nlanguage:\n- ar\npretty_name: 'gold'\n",
		"  - split: validation\n    path: hf/dev.jsonl\n",
		"  - name: ner_tags\n    sequence:\n      class_label:\n        names:\n          '0': 'O'\n          '1': 'B-ACTOR'\n          '2': 'I-ACTOR'\n",
		"          '8': 'I-CASUALTY'\n---\n",
		"raqim v0.1.0", "2025-10-07T09:30:00Z", "Seed: `20251007`", "0.8 / 0.1 / 0.1",
		"| 3 | `CASUALTY` | خسائر بشرية | Casualty |", "every span is an exact sequence of tokens",
		fmt.Sprintf("| gold | %d |", total), tokenize.Rule,
	} {
		if !strings.Contains(card, s) {
			t.Errorf("card lacks %q", s)
		}
	}
	// the per-split counts add up to the corpus
	spans, tokens := 0, 0
	for _, ss := range st.Splits {
		spans += ss.Spans
		tokens += ss.Tokens
	}
	if spans != total || tokens == 0 {
		t.Errorf("spans %d (want %d) tokens %d", spans, total, tokens)
	}
	if !strings.Contains(card, fmt.Sprintf("| train | %d | %d | %d | %d |", len(c.splits[0]), st.Splits[0].Sentences, st.Splits[0].Tokens, st.Splits[0].Spans)) {
		t.Errorf("card lacks the train row")
	}
	// brat pair format
	ann := string(files["brat/train/"+first+".ann"])
	if !strings.HasPrefix(ann, c.ann) {
		t.Errorf("ann starts %q, want %q", ann[:min(len(ann), 60)], c.ann)
	}
	var text string
	for _, d := range docs {
		if d.ID == first {
			text = d.Text
		}
	}
	if string(files["brat/train/"+first+".txt"]) != text {
		t.Error("brat text differs")
	}
}

func TestDeterministicAndProgress(t *testing.T) {
	docs := testcorpus.Generate(10, 300, 5)
	s := settings()
	var calls [][2]int
	var a, b bytes.Buffer
	if _, err := Write(&a, docs, s, func(done, total int) { calls = append(calls, [2]int{done, total}) }); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(&b, docs, s, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two exports of one corpus differ")
	}
	if len(calls) < 50 || calls[0] != [2]int{0, 600} || calls[len(calls)-1] != [2]int{600, 600} {
		t.Errorf("%d progress calls, first %v last %v", len(calls), calls[0], calls[len(calls)-1])
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Fatal("progress goes back")
		}
	}
}

func TestSelectionAndErrors(t *testing.T) {
	docs := testcorpus.Generate(11, 10, 3)
	docs[0].Status = corpus.StatusNew
	docs[1].Status = corpus.StatusInProgress
	_, _, st := export(t, docs, settings())
	if st.Documents != 8 || st.Left != 2 {
		t.Errorf("done only: %d exported, %d left", st.Documents, st.Left)
	}
	s := settings()
	s.IncludeAll = true
	s.Units = true
	_, files, st := export(t, docs, s)
	if st.Documents != 10 || !strings.Contains(string(files["train.jsonl"]), `"start_utf16":`) {
		t.Errorf("all: %d exported", st.Documents)
	}
	// unsorted spans are sorted, not refused
	un := testcorpus.Generate(12, 3, 4)
	slices.Reverse(un[0].Spans)
	if _, err := Write(io.Discard, un, settings(), nil); err != nil {
		t.Error(err)
	}
	bad := func(f func(d []corpus.Document)) []corpus.Document {
		d := testcorpus.Generate(13, 3, 3)
		f(d)
		return d
	}
	tests := []struct {
		name string
		docs []corpus.Document
		want string
	}{
		{"none done", bad(func(d []corpus.Document) {
			for i := range d {
				d[i].Status = corpus.StatusNew
			}
		}), "none of the 3 documents is done"},
		{"empty", nil, "the corpus is empty"},
		{"duplicate id", bad(func(d []corpus.Document) { d[2].ID = d[0].ID }), "duplicate id"},
		{"out of range", bad(func(d []corpus.Document) { d[1].Spans[0].End = 1 << 20 }), "out of range"},
		{"unknown label", bad(func(d []corpus.Document) { d[1].Spans[0].Label = "LOC" }), `unknown label "LOC"`},
		{"overlap", bad(func(d []corpus.Document) { d[1].Spans[1].Start = d[1].Spans[0].Start }), "overlaps"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := Write(&buf, tc.docs, settings(), nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) || buf.Len() > 0 {
				t.Fatalf("error %v, want %q; wrote %d bytes", err, tc.want, buf.Len())
			}
		})
	}
	s = settings()
	s.Schema = &corpus.Schema{ID: "x", Labels: []corpus.LabelDef{{Name: "A B"}}}
	if _, err := Write(io.Discard, docs, s, nil); err == nil {
		t.Error("schema label with a space accepted")
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{"gold": "gold-dataset.zip", "أخبار مالي": "أخبار_مالي-dataset.zip", "../x": "x-dataset.zip", "": "corpus-dataset.zip"} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadZips(t *testing.T) {
	docs := testcorpus.Generate(14, 6, 3)
	_, files, _ := export(t, docs, settings())
	// a zip of other formats: Label Studio and CoNLL
	mixed := map[string][]byte{"x/labelstudio.json": files["labelstudio.json"], "x/extra.conll": []byte("كاي B-PLACE\n"), "x/notes.md": []byte("hi")}
	got, notes, err := Read("mixed.zip", zipOf(t, mixed, "x/"), opts())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 7 || !strings.Contains(joinNotes(notes), "mixed.zip/unzipped/x/extra.conll: CoNLL holds no text") {
		t.Errorf("%d documents, notes %q", len(got), notes)
	}
	// unknown labels across files are merged
	bad := map[string][]byte{
		"a.conll": []byte("كاي B-LOC\n"),
		"b.json":  []byte(`[{"data": {"text": "مالي"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 4, "labels": ["GPE"]}}]}]}]`),
	}
	_, _, err = Read("bad.zip", zipOf(t, bad, ""), opts())
	var u *format.UnknownLabelsError
	var fe *corpus.FileError
	if !errors.As(err, &u) || !errors.As(err, &fe) || fe.File != "bad.zip/unzipped/a.conll" || u.Labels["LOC"] != 1 || u.Labels["GPE"] != 1 {
		t.Errorf("unknown labels: %v", err)
	}
	// errors name the file in the zip
	bad = map[string][]byte{"train.jsonl": []byte(`{"text": "كاي", "spans": [{"start": 0, "end": 9, "label": "PLACE"}]}`), "labels.json": []byte(`[]`)}
	_, _, err = Read("d.zip", zipOf(t, bad, ""), opts())
	if !errors.As(err, &fe) || fe.File != "d.zip/unzipped/train.jsonl" || fe.Line != 1 {
		t.Errorf("error %v", err)
	}
	for _, in := range [][]byte{nil, []byte("not a zip"), zipOf(t, map[string][]byte{"a.png": {1}}, "")} {
		if _, _, err := Read("x.zip", in, opts()); !errors.As(err, &fe) {
			t.Errorf("Read(%q): %v", in, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	docs := testcorpus.Generate(15, 3, 2)
	var buf bytes.Buffer
	if _, err := Write(&buf, docs, settings(), nil); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	w, _ := zw.Create("a.txt")
	w.Write([]byte("في كاي"))
	w, _ = zw.Create("a.ann")
	w.Write([]byte("T1\tPLACE 3 6\tكاي\n"))
	zw.Close()
	f.Add(z.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _, err := Read("fuzz.zip", data, opts())
		if err != nil {
			var fe *corpus.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *corpus.FileError", err)
			}
			return
		}
		for i := range docs {
			if err := corpus.Validate(&docs[i], corpus.Default); err != nil {
				t.Fatalf("document %d: %v", i, err)
			}
		}
	})
}

// BenchmarkExportDataset exports 10,000 generated documents with 500,000
// spans (50 per document) to a zip in memory.
func BenchmarkExportDataset(b *testing.B) {
	docs := testcorpus.Generate(42, 10000, 50)
	spans, chars := 0, 0
	for _, d := range docs {
		spans += len(d.Spans)
		chars += len(d.Text)
	}
	s := settings()
	var size int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if _, err := Write(&buf, docs, s, func(int, int) {}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(len(docs)), "docs")
	b.ReportMetric(float64(spans), "spans")
	b.ReportMetric(float64(size)/(1<<20), "zipMiB")
	b.ReportMetric(float64(chars)/(1<<20), "textMiB")
}

// countingSource is a Source over docs that records how it is read, and
// fails from the failAt-th call to Read when failAt > 0.
type countingSource struct {
	docs    []corpus.Document
	reads   map[string]int
	largest int
	calls   int
	failAt  int
}

func (c *countingSource) List() ([]corpus.Summary, error) { return docSource(c.docs).List() }

func (c *countingSource) Read(ids []string) ([]corpus.Document, error) {
	c.calls++
	if c.failAt > 0 && c.calls >= c.failAt {
		return nil, errors.New("the store went away")
	}
	c.largest = max(c.largest, len(ids))
	for _, id := range ids {
		c.reads[id]++
	}
	return docSource(c.docs).Read(ids)
}

// textSource is a countingSource that also reads texts alone.
type textSource struct {
	countingSource
	texts int
}

func (c *textSource) Texts(ids []string) ([]string, error) {
	c.texts += len(ids)
	docs, err := docSource(c.docs).Read(ids)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = d.Text
	}
	return out, nil
}

// recordingSpill is a Spill in memory that counts its bytes.
type recordingSpill struct {
	memSpill
	all *int
}

func (r *recordingSpill) Write(p []byte) (int, error) { *r.all += len(p); return r.memSpill.Write(p) }

// TestExportReadsInRuns checks that Export reads its source a run of
// documents at a time, each document twice (once to check and split, once
// to write) but for the few near-duplicate candidates read once more, that
// it writes the zip Write writes from the documents in memory, that the
// files compressed aside go through the Spill, and that an error of the
// source stops the export and is returned.
func TestExportReadsInRuns(t *testing.T) {
	docs := nearDuplicates(testcorpus.Generate(12, 200, 6), 5, 7)
	s := settings()
	s.IncludeAll = true
	want, files, _ := export(t, docs, s)
	src := &countingSource{docs: docs, reads: map[string]int{}}
	spilled := 0
	s.Spill = func() Spill { return &recordingSpill{all: &spilled} }
	var got bytes.Buffer
	if _, err := Export(&got, src, s, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Error("the zip exported from a source differs from the one written from memory")
	}
	if src.largest > run {
		t.Errorf("read %d documents at once, want at most %d", src.largest, run)
	}
	more := 0
	for _, d := range docs {
		switch n := src.reads[d.ID]; {
		case n < 2:
			t.Errorf("%s read %d times, want 2", d.ID, n)
		case n > 2:
			more++
		}
	}
	if more == 0 || more > len(docs)/10 {
		t.Errorf("%d of %d documents read more than twice, want the few near-duplicate candidates", more, len(docs))
	}
	// A source that reads texts alone is asked for the candidates' texts.
	tsrc := &textSource{countingSource: countingSource{docs: docs, reads: map[string]int{}}}
	var viaTexts bytes.Buffer
	if _, err := Export(&viaTexts, tsrc, s, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(viaTexts.Bytes(), want) {
		t.Error("the zip exported through Texts differs")
	}
	if tsrc.texts == 0 {
		t.Error("Texts was never asked for the near-duplicate candidates")
	}
	for _, d := range docs {
		if n := tsrc.reads[d.ID]; n != 2 {
			t.Errorf("%s read %d times by a source with Texts, want 2", d.ID, n)
		}
	}
	if spilled == 0 || spilled > len(want) {
		t.Errorf("%d bytes went through the spill, the zip has %d", spilled, len(want))
	}
	zr, err := zip.NewReader(bytes.NewReader(want), int64(len(want)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !f.Modified.Equal(s.Now.UTC().Truncate(time.Second)) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, s.Now)
		}
	}
	if len(files["train.jsonl"]) == 0 || len(files["labelstudio.json"]) == 0 {
		t.Error("the files written aside are empty")
	}

	for _, at := range []int{1, 3, 9} {
		src := &countingSource{docs: docs, reads: map[string]int{}, failAt: at}
		if _, err := Export(io.Discard, src, s, nil); err == nil || !strings.Contains(err.Error(), "the store went away") {
			t.Errorf("source failing at read %d: error %v", at, err)
		}
	}
}

// TestPrepareThenWritePlan checks that an export made in two parts, the
// plan handed over as JSON in between (as from one worker to the next),
// is the export made at once, stats and progress included.
func TestPrepareThenWritePlan(t *testing.T) {
	docs := nearDuplicates(testcorpus.Generate(12, 200, 6), 3, 5)
	s := settings()
	s.IncludeAll = true
	var calls [][2]int
	record := func(done, total int) { calls = append(calls, [2]int{done, total}) }
	var want bytes.Buffer
	wantStats, err := Export(&want, docSource(docs), s, record)
	if err != nil {
		t.Fatal(err)
	}
	wantCalls := calls
	calls = nil
	p, err := Prepare(docSource(docs), s, record)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var q Plan
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	gotStats, err := WritePlan(&got, docSource(docs), s, q, record)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("the zip written from a plan differs from the one exported at once")
	}
	if !reflect.DeepEqual(gotStats, wantStats) {
		t.Errorf("stats from a plan\n%+v\nwant\n%+v", gotStats, wantStats)
	}
	// Progress goes on where Prepare left it, and never back.
	n := len(docs)
	if len(calls) < len(wantCalls) || calls[0] != [2]int{0, 2 * n} || calls[len(calls)-1] != [2]int{2 * n, 2 * n} {
		t.Errorf("%d progress calls (at once: %d), first %v last %v", len(calls), len(wantCalls), calls[0], calls[len(calls)-1])
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Fatalf("progress goes back: %v then %v", calls[i-1], calls[i])
		}
	}
	// The plan names every document once.
	if len(q.Splits[0])+len(q.Splits[1])+len(q.Splits[2]) != n {
		t.Errorf("the plan holds %d documents, want %d", len(q.Splits[0])+len(q.Splits[1])+len(q.Splits[2]), n)
	}
}

// nearDuplicates appends to docs n near-duplicates (a word added) of every
// kth document.
func nearDuplicates(docs []corpus.Document, n, k int) []corpus.Document {
	for i := range n {
		d := docs[i*k]
		d.ID += "-again"
		d.Text += " إضافي"
		docs = append(docs, d)
	}
	return docs
}

// joinNotes returns the notes in English, a line each.
func joinNotes(notes []*format.Error) string {
	s := make([]string, len(notes))
	for i, n := range notes {
		s[i] = n.Error()
	}
	return strings.Join(s, "\n")
}
