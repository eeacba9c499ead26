//go:build shared

package importer

import (
	"path/filepath"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset/testcorpus/sharedcorpus"
)

// TestTXTMatchesGold: the shared .txt articles import to exactly the gold
// texts, each titled with the ID of its gold document.
func TestTXTMatchesGold(t *testing.T) {
	gold, err := File("gold.jsonl", sharedcorpus.File(t, "gold.jsonl"), Options{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, d := range gold.Docs {
		byID[d.ID] = d.Text
	}
	files, _ := filepath.Glob(filepath.Join(sharedcorpus.CorpusDir(t), "*.txt"))
	if len(files) == 0 {
		t.Fatal("no .txt files in the shared corpus")
	}
	for _, f := range files {
		name := filepath.Base(f)
		res, err := File(name, sharedcorpus.File(t, name), Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := res.Docs[0]
		if want, ok := byID[d.Title]; !ok || d.Text != want {
			t.Errorf("%s: text differs from gold document %q", name, d.Title)
		}
	}
}

// TestJSONLShared imports the shared gold.jsonl: its three documents, the
// annotator given on their spans.
func TestJSONLShared(t *testing.T) {
	res, err := File("GOLD.JSONL", sharedcorpus.File(t, "gold.jsonl"), Options{Schema: corpus.Default, Annotator: "gold"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Docs) != 3 || res.Docs[0].Spans[0].Annotator != "gold" {
		t.Fatalf("got %d docs", len(res.Docs))
	}
}
