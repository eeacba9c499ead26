package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset"
	"github.com/raqim/raqim/internal/dataset/testcorpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/labelstudio"
)

// TestExportFormats imports each format of the dataset export through File.
// The dataset zip and the Label Studio tasks of the sample corpus hold each
// of its documents once (all are done), so each imports to len(docs),
// the six sample articles.
func TestExportFormats(t *testing.T) {
	docs := testcorpus.Sample(t)
	s := dataset.DefaultSettings()
	s.Now = testNow
	var zipped bytes.Buffer
	if _, err := dataset.Write(&zipped, docs, s, nil); err != nil {
		t.Fatal(err)
	}
	var ls bytes.Buffer
	if err := labelstudio.Encode(&ls, docs); err != nil {
		t.Fatal(err)
	}
	opts := Options{Schema: corpus.Default, Now: func() time.Time { return testNow }}
	tests := []struct {
		file  string
		data  []byte
		docs  int
		notes string
	}{
		{"gold-dataset.zip", zipped.Bytes(), len(docs), "span JSONL"},
		{"tasks.JSON", ls.Bytes(), len(docs), ""},
		{"x.conll", []byte("-DOCSTART- O\n\nكاي B-PLACE\n"), 1, "rebuilt"},
		{"x.bio", []byte("كاي I-PLACE\n"), 1, "no PLACE entity open"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			res, err := File(tc.file, tc.data, opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Docs) != tc.docs || !strings.Contains(joinNotes(res.Notes), tc.notes) {
				t.Errorf("%d documents, notes %q", len(res.Docs), res.Notes)
			}
			for i := range res.Docs {
				if err := corpus.Validate(&res.Docs[i], corpus.Default); err != nil {
					t.Error(err)
				}
			}
		})
	}
	_, err := File("bad.conll", []byte("كاي B-LOC\n"), opts)
	var u *format.UnknownLabelsError
	if !errors.As(err, &u) {
		t.Errorf("unknown label: %v", err)
	}
}

// joinNotes returns the notes in English, a line each.
func joinNotes(notes []*format.Error) string {
	s := make([]string, len(notes))
	for i, n := range notes {
		s[i] = n.Error()
	}
	return strings.Join(s, "\n")
}
