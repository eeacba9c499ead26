package importer

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/store"
)

// The project's own sentences for the layer tests (no news text):
// "ذهب سامي إلى حلب يوم الاثنين" and "زارت ليلى دمشق في الربيع" and
// "عاد الصيادون إلى صيدا مساء أمس".
const (
	text1 = "ذهب سامي إلى حلب يوم الاثنين"   // سامي [4,8) حلب [13,16) يوم الاثنين [17,28)
	text2 = "زارت ليلى دمشق في الربيع"       // ليلى [5,9) دمشق [10,14)
	text3 = "عاد الصيادون إلى صيدا مساء أمس" // الصيادون [4,12) صيدا [17,21)
	text4 = "كتب المعلم درسًا جديدًا"        // a text no stored document has
)

// line returns a span JSONL line of text with spans given as start, end, label.
func line(id, text, meta string, spans ...any) string {
	var sp []string
	for i := 0; i+2 < len(spans); i += 3 {
		sp = append(sp, fmt.Sprintf(`{"start": %d, "end": %d, "label": %q}`, spans[i], spans[i+1], spans[i+2]))
	}
	if meta != "" {
		meta = `, "meta": ` + meta
	}
	return fmt.Sprintf(`{"id": %q, "text": %q, "spans": [%s]%s}`+"\n", id, text, strings.Join(sp, ", "), meta)
}

// base is the file the stored documents come from: one annotator's spans.
var base = line("d1", text1, "", 4, 8, "ACTOR", 13, 16, "PLACE") + line("d2", text2, "", 10, 14, "PLACE") + line("d3", text3, "", 4, 12, "ACTOR")

// seeded returns a store holding base's three documents, imported by "amina".
func seeded(t *testing.T) *store.Memory {
	t.Helper()
	m := store.NewMemory()
	r := Run(m, store.NewKnown(nil), Group([]Input{{Name: "base.jsonl", Data: []byte(base)}}), Options{Schema: corpus.Default, Annotator: "amina"}, english, nil)
	if r.Stored != 3 {
		t.Fatalf("seeding: %+v", r)
	}
	return m
}

// layersOf returns what st holds of its documents' layers, as
// "doc/name/kind: start-end LABEL by annotator, …", in List order.
func layersOf(t *testing.T, st store.Store) []string {
	t.Helper()
	sums, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range sums {
		infos, err := st.Layers(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, info := range infos {
			l, err := st.Layer(s.ID, info.Name)
			if err != nil {
				t.Fatal(err)
			}
			var spans []string
			for _, sp := range l.Spans {
				spans = append(spans, fmt.Sprintf("%d-%d %s by %s", sp.Start, sp.End, sp.Label, sp.Annotator))
			}
			out = append(out, fmt.Sprintf("%s/%s/%s: %s", s.ID, l.Name, l.Kind, strings.Join(spans, ", ")))
			if l.Source == "" || l.Imported.IsZero() || info.Count != len(l.Spans) {
				t.Errorf("%s/%s: source %q, imported %v, count %d of %d spans", s.ID, l.Name, l.Source, l.Imported, info.Count, len(l.Spans))
			}
		}
	}
	return out
}

func said(r job.Reply) []string {
	var out []string
	for _, m := range r.Messages {
		out = append(out, m.Kind+": "+m.Text)
	}
	return out
}

// TestRunLayers imports files of documents stored already: each becomes a
// layer of theirs, named by its lines' annotator, the name given, or the
// file's name; new documents in the same file are added as before; a file
// whose spans are the stored ones, or none, is skipped as before.
func TestRunLayers(t *testing.T) {
	other := line("x1", text1, "", 4, 8, "ACTOR", 17, 28, "DATE") + line("x2", text2, "", 5, 9, "ACTOR", 10, 14, "PLACE")
	tests := []struct {
		name     string
		file     Input
		layers   []string // what the store then holds, as layersOf says
		messages []string
		stored   int // new documents
		docs     int // documents in the store then
		first    string
	}{
		{
			name:     "named by the file",
			file:     Input{Name: "dir/rater-b.jsonl", Data: []byte(other)},
			layers:   []string{"d1/rater-b/human: 4-8 ACTOR by rater-b, 17-28 DATE by rater-b", "d2/rater-b/human: 5-9 ACTOR by rater-b, 10-14 PLACE by rater-b"},
			messages: []string{"info: dir/rater-b.jsonl: 2 documents stored already now have the layer «rater-b»."},
			docs:     3, first: "d1",
		},
		{
			name: "named by meta.annotator, line by line",
			file: Input{Name: "b.jsonl", Data: []byte(
				line("x1", text1, `{"annotator": " يوسف "}`, 4, 8, "ACTOR") + line("x2", text2, `{"annotator": "ليلى"}`, 5, 9, "ACTOR"))},
			layers: []string{"d1/يوسف/human: 4-8 ACTOR by يوسف", "d2/ليلى/human: 5-9 ACTOR by ليلى"},
			messages: []string{"info: b.jsonl: 1 document stored already now have the layer «يوسف».",
				"info: b.jsonl: 1 document stored already now have the layer «ليلى»."},
			docs: 3, first: "d1",
		},
		{
			name: "named by the spans' one annotator",
			file: Input{Name: "b.jsonl", Data: []byte(`{"text": "` + text2 + `", "spans": [{"start": 5, "end": 9, "label": "ACTOR", "annotator": "amal"}, {"start": 10, "end": 14, "label": "DATE", "annotator": "amal"}]}` + "\n" +
				`{"text": "` + text3 + `", "spans": [{"start": 4, "end": 12, "label": "ACTOR", "annotator": "amal"}, {"start": 17, "end": 21, "label": "PLACE", "annotator": "omar"}]}` + "\n")},
			layers: []string{"d2/amal/human: 5-9 ACTOR by amal, 10-14 DATE by amal", "d3/b/human: 4-12 ACTOR by amal, 17-21 PLACE by omar"},
			messages: []string{"info: b.jsonl: 1 document stored already now have the layer «amal».",
				"info: b.jsonl: 1 document stored already now have the layer «b»."},
			docs: 3, first: "d2",
		},
		{
			name:     "named by the caller",
			file:     Input{Name: "b.jsonl", Data: []byte(other), Layer: job.Layer{Name: " زيد "}},
			layers:   []string{"d1/زيد/human: 4-8 ACTOR by زيد, 17-28 DATE by زيد", "d2/زيد/human: 5-9 ACTOR by زيد, 10-14 PLACE by زيد"},
			messages: []string{"info: b.jsonl: 2 documents stored already now have the layer «زيد»."},
			docs:     3, first: "d1",
		},
		{
			name:     "predictions",
			file:     Input{Name: "model.jsonl", Data: []byte(other), Layer: job.Layer{System: true}},
			layers:   []string{"d1/model/system: 4-8 ACTOR by model, 17-28 DATE by model", "d2/model/system: 5-9 ACTOR by model, 10-14 PLACE by model"},
			messages: []string{"info: model.jsonl: 2 documents stored already now have the system layer «model» (predictions)."},
			docs:     3, first: "d1",
		},
		{
			name:   "new and stored documents in one file",
			file:   Input{Name: "b.jsonl", Data: []byte(line("n", text4, "", 0, 3, "ACTOR") + line("x3", text3, "", 17, 21, "PLACE"))},
			layers: []string{"d3/b/human: 17-21 PLACE by b"},
			messages: []string{"info: b.jsonl: imported 1 document.",
				"info: b.jsonl: 1 document stored already now have the layer «b»."},
			stored: 1, docs: 4, first: "n",
		},
		{
			name:     "the stored spans again: skipped",
			file:     Input{Name: "base-again.jsonl", Data: []byte(base)},
			messages: []string{"info: base-again.jsonl: imported 0 documents, skipped 3 already present."},
			docs:     3, first: "d1",
		},
		{
			name:     "no spans: skipped",
			file:     Input{Name: "plain.jsonl", Data: []byte(line("p", text2, ""))},
			messages: []string{"info: plain.jsonl: imported 0 documents, skipped 1 already present."},
			docs:     3, first: "d2",
		},
		{
			name:     "one text twice in the file: the first is the layer",
			file:     Input{Name: "b.jsonl", Data: []byte(line("x1", text1, "", 0, 3, "ACTOR") + line("y1", text1, "", 4, 8, "ACTOR"))},
			layers:   []string{"d1/b/human: 0-3 ACTOR by b"},
			messages: []string{"info: b.jsonl: imported 0 documents, skipped 1 already present.", "info: b.jsonl: 1 document stored already now have the layer «b»."},
			docs:     3, first: "d1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := seeded(t)
			before, _ := m.Documents()
			sums, _ := m.List()
			r := Run(m, store.NewKnown(sums), Group([]Input{tt.file}), Options{Schema: corpus.Default, Annotator: "amina"}, english, nil)
			if got := layersOf(t, m); !slices.Equal(got, tt.layers) {
				t.Errorf("layers:\n%q\nwant\n%q", got, tt.layers)
			}
			if got := said(r); !slices.Equal(got, tt.messages) {
				t.Errorf("messages:\n%q\nwant\n%q", got, tt.messages)
			}
			if r.Stored != tt.stored || r.Layered != len(tt.layers) || r.First != tt.first {
				t.Errorf("reply: stored %d, layered %d, first %q; want %d, %d, %q", r.Stored, r.Layered, r.First, tt.stored, len(tt.layers), tt.first)
			}
			after, _ := m.Documents()
			if len(after) != tt.docs {
				t.Fatalf("%d documents stored, want %d", len(after), tt.docs)
			}
			// The stored documents' own spans are as they were.
			for i, d := range before {
				if !reflect.DeepEqual(after[i].Spans, d.Spans) {
					t.Errorf("%s's own spans changed: %+v", d.ID, after[i].Spans)
				}
			}
		})
	}
}

// TestRunLayersStampsNewDocuments checks who a new document's spans are
// said to be by: their own annotator, else the line's meta.annotator, else
// the importing user.
func TestRunLayersStampsNewDocuments(t *testing.T) {
	m := store.NewMemory()
	data := line("a", text1, `{"annotator": "سلمى"}`, 4, 8, "ACTOR") + line("b", text2, "", 5, 9, "ACTOR") +
		`{"id": "c", "text": "` + text3 + `", "meta": {"annotator": "سلمى"}, "spans": [{"start": 4, "end": 12, "label": "ACTOR", "annotator": "omar"}]}` + "\n"
	Run(m, store.NewKnown(nil), Group([]Input{{Name: "new.jsonl", Data: []byte(data)}}), Options{Schema: corpus.Default, Annotator: "amina"}, english, nil)
	docs, _ := m.Documents()
	var got []string
	for _, d := range docs {
		for _, sp := range d.Spans {
			got = append(got, d.ID+": "+sp.Annotator)
		}
	}
	if want := []string{"a: سلمى", "b: amina", "c: omar"}; !slices.Equal(got, want) {
		t.Errorf("annotators %q, want %q", got, want)
	}
}

// failingLayers is a store whose nth call of PutLayers fails.
type failingLayers struct {
	*store.Memory
	calls, n int
}

func (f *failingLayers) PutLayers(puts []store.LayerPut) error {
	if f.calls++; f.calls == f.n {
		return errors.New("quota exceeded")
	}
	return f.Memory.PutLayers(puts)
}

// TestRunLayersAllOrNothing imports files that fail after part of them
// could be stored: nothing of them is left, new documents nor layers, and
// a layer they would have replaced is as it was.
func TestRunLayersAllOrNothing(t *testing.T) {
	tests := []struct {
		name string
		file Input
		n    int // the PutLayers call that fails; 0 for none
		err  string
	}{
		{"storing the layers fails", Input{Name: "b.jsonl", Data: []byte(line("n", text4, "", 0, 3, "ACTOR") + line("x1", text1, "", 0, 3, "ACTOR"))}, 2,
			"error: b.jsonl: nothing of this file was imported: quota exceeded"},
		{"a name no layer may have", Input{Name: "b.jsonl", Data: []byte(line("n", text4, "", 0, 3, "ACTOR") + line("x1", text1, "", 0, 3, "ACTOR")), Layer: job.Layer{Name: strings.Repeat("ب", 101)}}, 0,
			`error: b.jsonl: nothing of this file was imported: document "d1": layer name "` + strings.Repeat("ب", 101) + `" is longer than 100 characters`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &failingLayers{Memory: seeded(t), n: tt.n}
			if tt.n == 0 {
				st.n = 1 << 30
			}
			// An earlier layer b of d1, which the import would replace.
			if err := st.PutLayers([]store.LayerPut{{Doc: "d1", Layer: corpus.Layer{Name: "b", Kind: corpus.LayerHuman, Source: "old.jsonl", Imported: time.Now(), Spans: []corpus.Span{{Start: 4, End: 8, Label: corpus.Date, Annotator: "b"}}}}}); err != nil {
				t.Fatal(err)
			}
			sums, _ := st.List()
			r := Run(st, store.NewKnown(sums), Group([]Input{tt.file}), Options{Schema: corpus.Default}, english, nil)
			if got := said(r); len(got) != 1 || got[0] != tt.err {
				t.Errorf("messages %q, want %q", got, tt.err)
			}
			if after, _ := st.List(); len(after) != 3 || r.Stored != 0 || r.Layered != 0 {
				t.Errorf("%d documents stored (reply: %d stored, %d layered), want the 3 of before", len(after), r.Stored, r.Layered)
			}
			if got, want := layersOf(t, st), []string{"d1/b/human: 4-8 DATE by b"}; !slices.Equal(got, want) {
				t.Errorf("layers %q, want %q", got, want)
			}
		})
	}
}

// TestRunLayersStreamed imports a large span JSONL file of stored texts
// in shifts: its documents become layers run by run; should a later run
// fail, the layers put are removed and one it replaced is put back.
func TestRunLayersStreamed(t *testing.T) {
	n := 2*streamRun + 5
	var seed, layer strings.Builder
	for i := range n {
		text := fmt.Sprintf("هجوم رقم %d في كاي", i)
		seed.WriteString(line(fmt.Sprintf("d%d", i), text, "", 0, 4, "ACTOR"))
		layer.WriteString(line(fmt.Sprintf("x%d", i), text, `{"annotator": "سلمى"}`, 0, 4, "DATE"))
	}
	big := layer.String()
	setup := func(st store.Store) {
		t.Helper()
		r := Run(st, store.NewKnown(nil), Group([]Input{{Name: "seed.jsonl", Data: []byte(seed.String())}}), Options{Schema: corpus.Default}, english, nil)
		if r.Stored != n {
			t.Fatalf("seeding: %+v", r)
		}
		// d1 has a layer سلمى already, which the import replaces.
		if err := st.PutLayers([]store.LayerPut{{Doc: "d1", Layer: corpus.Layer{Name: "سلمى", Kind: corpus.LayerHuman, Spans: []corpus.Span{{Start: 5, End: 8, Label: corpus.Place}}}}}); err != nil {
			t.Fatal(err)
		}
	}
	relay := func(st store.Store) job.Reply {
		var total job.Reply
		var from *job.Resume
		for calls := 0; calls < 20; calls++ {
			sums, _ := st.List()
			r := RunFrom(st, store.NewKnown(sums), Group([]Input{{Name: "big.jsonl", Open: func(off int64) (io.Reader, error) { return strings.NewReader(big[off:]), nil }}}), Options{Schema: corpus.Default}, from, streamRun, english, nil)
			total.Merge(r)
			if r.Resume == nil {
				break
			}
			from = r.Resume
		}
		return total
	}
	labels := func(st store.Store, id string) string {
		l, err := st.Layer(id, "سلمى")
		if err != nil {
			return err.Error()
		}
		var out []string
		for _, sp := range l.Spans {
			out = append(out, string(sp.Label))
		}
		return strings.Join(out, " ")
	}

	m := store.NewMemory()
	setup(m)
	r := relay(m)
	if got, want := said(r), []string{fmt.Sprintf("info: big.jsonl: %d documents stored already now have the layer «سلمى».", n)}; !slices.Equal(got, want) {
		t.Errorf("messages %q, want %q", got, want)
	}
	if r.Layered != n || r.Stored != 0 || r.First != "d0" {
		t.Errorf("reply %+v", r)
	}
	for _, id := range []string{"d0", "d1", fmt.Sprintf("d%d", n-1)} {
		if got := labels(m, id); got != "DATE" {
			t.Errorf("%s's layer سلمى: %q, want DATE", id, got)
		}
	}

	// The third run's layers fail: the first two runs' are removed, and
	// d1's earlier layer is back.
	st := &failingLayers{Memory: store.NewMemory(), n: 4} // setup's is the first
	setup(st)
	r = relay(st)
	if got := said(r); len(got) != 1 || got[0] != "error: big.jsonl: nothing of this file was imported: quota exceeded" {
		t.Errorf("messages %q", got)
	}
	if got := labels(st, "d1"); got != "PLACE" {
		t.Errorf("d1's layer سلمى after the failed import: %q, want PLACE (as before)", got)
	}
	for _, id := range []string{"d0", fmt.Sprintf("d%d", streamRun+1)} {
		if _, err := st.Layer(id, "سلمى"); !errors.Is(err, store.ErrNoLayer) {
			t.Errorf("%s's layer after the failed import: %v, want none", id, err)
		}
	}
}
