package importer

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/store"
)

// TestAskLayerName imports, asking for names (job.Layer.Ask), files of
// which a document would become a layer of a stored one: a file that
// names no annotator is held whole for a name, proposing its base name,
// nothing of it stored (its new documents neither, read at once or in
// runs); one whose lines name their annotator, or given a name, is not.
func TestAskLayerName(t *testing.T) {
	var many strings.Builder
	for i := range 150 { // more than a run of a streamed file, then a stored text
		many.WriteString(line(fmt.Sprintf("n%d", i), fmt.Sprintf("%s %d", text4, i), "", 0, 3, "ACTOR"))
	}
	many.WriteString(line("x3", text3, "", 17, 21, "PLACE"))
	unnamed := line("n", text4, "", 0, 3, "ACTOR") + line("x3", text3, "", 17, 21, "PLACE")
	ask := job.Layer{Ask: true}
	for _, c := range []struct {
		name   string
		file   Input
		held   string // the name proposed, when held
		layers string
		docs   int
	}{
		{"no annotator: held", Input{Name: "dir/rater-b.jsonl", Data: []byte(unnamed), Layer: ask}, "rater-b", "", 3},
		{"no annotator, read in runs: held", Input{Name: "big.jsonl", Open: func(off int64) (io.Reader, error) { return strings.NewReader(many.String()[off:]), nil }, Layer: ask}, "big", "", 3},
		{"annotators named in the lines", Input{Name: "b.jsonl", Data: []byte(line("x3", text3, `{"annotator": "يوسف"}`, 17, 21, "PLACE")), Layer: ask}, "", "d3/يوسف/human: 17-21 PLACE by يوسف", 3},
		{"a name given", Input{Name: "b.jsonl", Data: []byte(unnamed), Layer: job.Layer{Name: "زيد", Ask: true}}, "", "d3/زيد/human: 17-21 PLACE by زيد", 4},
		{"a system layer named", Input{Name: "b.jsonl", Data: []byte(unnamed), Layer: job.Layer{Name: "crf", System: true}}, "", "d3/crf/system: 17-21 PLACE by crf", 4},
		{"not asking: named by the file", Input{Name: "b.jsonl", Data: []byte(unnamed)}, "", "d3/b/human: 17-21 PLACE by b", 4},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := seeded(t)
			sums, _ := m.List()
			r := RunFrom(m, store.NewKnown(sums), Group([]Input{c.file}), Options{Schema: corpus.Default, Annotator: "amina"}, nil, 0, english, nil)
			if r.Error != "" {
				t.Fatal(r.Error)
			}
			var held string
			for _, h := range r.Held {
				if !h.Unnamed || h.Name != c.file.Name || len(h.Files) != 1 || len(h.Labels) != 0 {
					t.Errorf("held %+v", h)
				}
				held = h.Layer
			}
			if held != c.held || len(r.Held) > 1 {
				t.Errorf("held %+v, want the name %q proposed", r.Held, c.held)
			}
			if c.held != "" && (len(r.Messages) > 0 || r.Stored > 0) {
				t.Errorf("a file held says %+v and stored %d", r.Messages, r.Stored)
			}
			if got := strings.Join(layersOf(t, m), "; "); got != c.layers {
				t.Errorf("layers %q, want %q", got, c.layers)
			}
			if sums, _ := m.List(); len(sums) != c.docs {
				t.Errorf("%d documents stored, want %d", len(sums), c.docs)
			}
		})
	}
}
