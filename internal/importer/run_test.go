package importer

import (
	"reflect"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/store"
)

// TestRun imports a selection of good, bad and unmapped files: each is taken
// or refused whole, the unmapped one is held with the indices of its files.
func TestRun(t *testing.T) {
	files := []Input{
		{Name: "a.txt", Data: []byte("قتل جنديان في كاي")},
		{Name: "bad.jsonl", Data: []byte("{\"text\": \"أ\"}\n{not json\n")},
		{Name: "odd.jsonl", Data: []byte(`{"text": "في كاي", "spans": [{"start": 3, "end": 6, "label": "LOC"}]}` + "\n")},
		{Name: "a.ann", Data: []byte("T1\tPLACE 14 17\tكاي\n")},
		{Name: "b.jsonl", Data: []byte(`{"id": "b", "text": "في غاو", "spans": [{"start": 3, "end": 6, "label": "PLACE"}]}` + "\n")},
	}
	m := store.NewMemory()
	r := Run(m, store.NewKnown(nil), Group(files), Options{Schema: corpus.Default})

	sums, _ := m.List()
	if len(sums) != 2 || r.Stored != 2 {
		t.Fatalf("stored %d documents (reply says %d), want 2", len(sums), r.Stored)
	}
	if r.First != sums[0].ID {
		t.Errorf("First = %q, want %q", r.First, sums[0].ID)
	}
	want := []job.Held{{Name: "odd.jsonl", Files: []int{2}, Labels: []job.Unknown{{Label: "LOC", Spans: 1, Line: 1}}}}
	if !reflect.DeepEqual(r.Held, want) {
		t.Errorf("Held = %+v, want %+v", r.Held, want)
	}
	var texts []string
	for _, msg := range r.Messages {
		texts = append(texts, msg.Kind+": "+msg.Text)
	}
	all := strings.Join(texts, "\n")
	for _, s := range []string{"info: a.txt + a.ann: imported 1 document.", "error: bad.jsonl:2:", "info: b.jsonl: imported 1 document."} {
		if !strings.Contains(all, s) {
			t.Errorf("messages lack %q:\n%s", s, all)
		}
	}

	// The held file, mapped, imports; the others again are skipped.
	r = Run(m, store.NewKnown(sums), Group([]Input{files[2], files[4]}), Options{Schema: corpus.Default, LabelMap: map[corpus.Label]corpus.Label{"LOC": corpus.Place}})
	if r.Stored != 1 || len(r.Held) != 0 {
		t.Fatalf("mapped import: %+v", r)
	}
	if got := r.Messages[1].Text; got != "b.jsonl: imported 0 documents, skipped 1 already present." {
		t.Errorf("re-import says %q", got)
	}
}
