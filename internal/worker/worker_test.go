package worker_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset"
	"github.com/raqim/raqim/internal/importer"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/worker"
)

const lines = `{"id": "a", "text": "قتل 😀 جنديان في كاي", "spans": [{"start": 16, "end": 19, "label": "PLACE"}], "meta": {"status": "done"}}
{"id": "b", "text": "في غاو أمس", "spans": [{"start": 3, "end": 6, "label": "PLACE"}, {"start": 7, "end": 10, "label": "DATE"}], "meta": {"status": "done"}}
`

// TestImportThenExport imports a file into a store through Do, then exports
// the corpus in both ways and reads the files back: the documents and spans
// come back exactly.
func TestImportThenExport(t *testing.T) {
	st := store.NewMemory()
	var told []string
	progress := func(p job.Progress) { told = append(told, p.Text) }
	var out bytes.Buffer
	r := worker.Do(st, job.Request{Op: job.Import, Files: []string{"in.jsonl"}},
		[]importer.Input{{Name: "in.jsonl", Data: []byte(lines)}}, &out, progress)
	if r.Error != "" || r.Stored != 2 || r.First != "a" || r.File != "" || out.Len() != 0 {
		t.Fatalf("import: %+v (file %d bytes)", r, out.Len())
	}
	want, err := jsonl.Decode("in.jsonl", strings.NewReader(lines), jsonl.DecodeOptions{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}

	r = worker.Do(st, job.Request{Op: job.ExportJSONL}, nil, &out, progress)
	if r.Error != "" || r.File != "raqim-corpus.jsonl" {
		t.Fatalf("export: %+v", r)
	}
	got, err := jsonl.Decode(r.File, &out, jsonl.DecodeOptions{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}
	sameSpans(t, "JSONL export", got, want)

	// A dataset export in two workers: the first makes the plan, the
	// second writes the zip from it.
	out.Reset()
	sw := &spillingWriter{Buffer: &out}
	req := job.Request{Op: job.ExportDataset, Dataset: job.Dataset{Seed: 1, Ratios: [3]float64{1, 0, 0}, Name: "تجربة run"}}
	r = worker.Do(st, req, nil, sw, progress)
	if r.Error != "" || len(r.Plan) == 0 || r.File != "" || out.Len() != 0 || sw.spills != 0 {
		t.Fatalf("dataset export, first part: %+v (%d bytes written)", r, out.Len())
	}
	if told[len(told)-1] != "Exporting dataset… 50%" {
		t.Errorf("progress after the plan %q, want 50%%", told[len(told)-1])
	}
	req.Plan = r.Plan
	r = worker.Do(st, req, nil, sw, progress)
	if sw.spills == 0 {
		t.Error("the dataset export kept no file aside in the writer's spills")
	}
	if r.Error != "" || r.File != "تجربة_run-dataset.zip" || r.Type != "application/zip" {
		t.Fatalf("dataset export: %+v", r)
	}
	if len(r.Messages) != 1 || !strings.HasPrefix(r.Messages[0].Text, "Exported a dataset of 2 documents: train 2, dev 0, test 0.") {
		t.Errorf("dataset export says %+v", r.Messages)
	}
	got, _, err = dataset.Read(r.File, out.Bytes(), jsonl.DecodeOptions{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}
	sameSpans(t, "dataset export", got, want)
	if told[len(told)-1] != "Exporting dataset… 100%" {
		t.Errorf("last progress %q, want 100%%", told[len(told)-1])
	}
}

// spillingWriter is an export's writer that provides spills, and counts them.
type spillingWriter struct {
	*bytes.Buffer
	spills int
}

type bufferSpill struct{ bytes.Buffer }

func (b *bufferSpill) Reader() (io.Reader, error) { return &b.Buffer, nil }

func (w *spillingWriter) Spill() dataset.Spill { w.spills++; return new(bufferSpill) }

func sameSpans(t *testing.T, what string, got, want []corpus.Document) {
	t.Helper()
	key := func(docs []corpus.Document) map[string][]string {
		m := make(map[string][]string)
		for _, d := range docs {
			for _, s := range d.Spans {
				m[d.Text] = append(m[d.Text], string(s.Label)+" "+string([]rune(d.Text)[s.Start:s.End]))
			}
		}
		return m
	}
	if g, w := key(got), key(want); !reflect.DeepEqual(g, w) {
		t.Errorf("%s: spans %v, want %v", what, g, w)
	}
}

func TestDoUnknownOp(t *testing.T) {
	r := worker.Do(store.NewMemory(), job.Request{Op: "paint"}, nil, nil, nil)
	if !strings.Contains(r.Error, `"paint"`) {
		t.Errorf("unknown op: %+v", r)
	}
}

// TestInMemory checks the work of a page without storage: an import hands
// the documents back as span JSONL, and an export reads the corpus handed
// over as span JSONL.
func TestInMemory(t *testing.T) {
	var docs bytes.Buffer
	r := worker.Do(nil, job.Request{Op: job.Import, Memory: true, Files: []string{"in.jsonl"}},
		[]importer.Input{{Name: "in.jsonl", Data: []byte(lines)}}, &docs, nil)
	if r.Error != "" || r.File != "imported.jsonl" {
		t.Fatalf("import: %+v", r)
	}
	want, _ := jsonl.Decode("in.jsonl", strings.NewReader(lines), jsonl.DecodeOptions{Schema: corpus.Default})
	back, err := jsonl.Decode(r.File, bytes.NewReader(docs.Bytes()), jsonl.DecodeOptions{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}
	sameSpans(t, "documents handed back", back, want)

	var out bytes.Buffer
	r = worker.Do(nil, job.Request{Op: job.ExportJSONL, Memory: true}, []importer.Input{{Name: "corpus.jsonl", Data: docs.Bytes()}}, &out, nil)
	if r.Error != "" {
		t.Fatalf("export: %+v", r)
	}
	got, err := jsonl.Decode(r.File, &out, jsonl.DecodeOptions{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}
	sameSpans(t, "export of the corpus handed over", got, want)
	if r := worker.Do(nil, job.Request{Op: job.ExportJSONL, Memory: true}, nil, &out, nil); r.Error == "" {
		t.Error("an export without the corpus handed over succeeded")
	}
}

// BenchmarkExportDataset exports, from a store in memory, a corpus of
// 500 documents made of the sample articles: "distinct" holds each article
// under its own first line (no two near-duplicates but the articles
// themselves), "copies" holds one article 500 times, each under its own
// first line (every document a near-duplicate of the others, as the
// browser benchmark's corpus).
func BenchmarkExportDataset(b *testing.B) {
	arts := sample.Documents()
	for _, shape := range []string{"distinct", "copies"} {
		b.Run(shape, func(b *testing.B) {
			st := store.NewMemory()
			var docs []corpus.Document
			for i := range 500 {
				a := arts[i%len(arts)]
				if shape == "copies" {
					a = arts[0]
				}
				prefix := fmt.Sprintf("وثيقة %d\n", i+1)
				shift := len([]rune(prefix))
				d := corpus.Document{ID: fmt.Sprintf("doc-%04d", i), Text: prefix + a.Text, Status: corpus.StatusDone}
				for _, sp := range a.Spans {
					sp.ID, sp.Start, sp.End = "", sp.Start+shift, sp.End+shift
					d.Spans = append(d.Spans, sp)
				}
				for j := range d.Spans {
					d.Spans[j].ID = fmt.Sprintf("s%d", j)
				}
				docs = append(docs, d)
			}
			if err := st.Add(docs); err != nil {
				b.Fatal(err)
			}
			req := job.Request{Op: job.ExportDataset, Dataset: job.DefaultDataset()}
			var out bytes.Buffer
			for b.Loop() {
				out.Reset()
				if r := worker.Do(st, req, nil, &out, nil); r.Error != "" {
					b.Fatal(r.Error)
				}
			}
			b.ReportMetric(float64(out.Len())/(1<<20), "zip-MB")
		})
	}
}

// TestDatasetCardLanguage checks that the dataset card's prose is in the
// request's language: Arabic when asked, English by default.
func TestDatasetCardLanguage(t *testing.T) {
	st := store.NewMemory()
	docs, err := jsonl.Decode("in.jsonl", strings.NewReader(lines), jsonl.DecodeOptions{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add(docs); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		loc          locale.Settings
		heading, not string
	}{
		{locale.Settings{}, "## Labels\n", "## الوسوم\n"},
		{locale.Settings{Lang: locale.Arabic, Digits: locale.ArabicIndic}, "## الوسوم\n", "## Labels\n"},
	} {
		// The plan, then the zip written from it, as two workers do.
		var out bytes.Buffer
		req := job.Request{Op: job.ExportDataset, Locale: tc.loc, Dataset: job.Dataset{Seed: 1, Ratios: [3]float64{1, 0, 0}}}
		r := worker.Do(st, req, nil, &out, nil)
		req.Plan = r.Plan
		if r.Error == "" {
			r = worker.Do(st, req, nil, &out, nil)
		}
		if r.Error != "" {
			t.Fatalf("%+v: %s", tc.loc, r.Error)
		}
		zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil {
			t.Fatal(err)
		}
		rc, err := zr.Open("README.md")
		if err != nil {
			t.Fatal(err)
		}
		card, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(card, []byte(tc.heading)) || bytes.Contains(card, []byte(tc.not)) {
			t.Errorf("%+v: the card lacks %q or has %q:\n%s", tc.loc, tc.heading, tc.not, card)
		}
	}
}
