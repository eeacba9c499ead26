package importer

import (
	"errors"
	"fmt"
	"github.com/raqim/raqim/internal/locale"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/store"
)

// TestRun imports a selection of good, bad and unmapped files: each is taken
// or refused whole, the unmapped one is held with the indices of its files.
// english writes the messages the tests read.
var english = locale.New(locale.Settings{Lang: locale.English})

func TestRun(t *testing.T) {
	files := []Input{
		{Name: "a.txt", Data: []byte("قتل جنديان في كاي")},
		{Name: "bad.jsonl", Data: []byte("{\"text\": \"أ\"}\n{not json\n")},
		{Name: "odd.jsonl", Data: []byte(`{"text": "في كاي", "spans": [{"start": 3, "end": 6, "label": "LOC"}]}` + "\n")},
		{Name: "a.ann", Data: []byte("T1\tPLACE 14 17\tكاي\n")},
		{Name: "b.jsonl", Data: []byte(`{"id": "b", "text": "في غاو", "spans": [{"start": 3, "end": 6, "label": "PLACE"}]}` + "\n")},
	}
	m := store.NewMemory()
	r := Run(m, store.NewKnown(nil), Group(files), Options{Schema: corpus.Default}, english, nil)

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
	r = Run(m, store.NewKnown(sums), Group([]Input{files[2], files[4]}), Options{Schema: corpus.Default, LabelMap: map[corpus.Label]corpus.Label{"LOC": corpus.Place}}, english, nil)
	if r.Stored != 1 || len(r.Held) != 0 {
		t.Fatalf("mapped import: %+v", r)
	}
	if got := r.Messages[1].Text; got != "b.jsonl: imported 0 documents, skipped 1 already present." {
		t.Errorf("re-import says %q", got)
	}
}

// flaky is a store whose Add fails from the nth call on.
type flaky struct {
	*store.Memory
	calls, n int
}

func (f *flaky) Add(docs []corpus.Document) error {
	if f.calls++; f.calls >= f.n {
		return errors.New("quota exceeded")
	}
	return f.Memory.Add(docs)
}

// TestRunOneTextTwice imports files holding one text twice: under two IDs
// the second is skipped as already present, and said so; without IDs the
// file is refused, naming the line.
func TestRunOneTextTwice(t *testing.T) {
	for _, c := range []struct {
		name, data, say string
		stored          int
	}{
		{"twice.jsonl", `{"id": "a", "text": "في كاي"}` + "\n" + `{"id": "b", "text": "في كاي"}` + "\n", "twice.jsonl: imported 1 document, skipped 1 already present.", 1},
		{"twice.jsonl", `{"text": "في كاي"}` + "\n" + `{"text": "في كاي"}` + "\n", "twice.jsonl:2: duplicate document: the text is the same as on line 1", 0},
		{"twice.conll", "-DOCSTART- O\n\nكاي B-PLACE\n\n-DOCSTART- O\n\nكاي B-PLACE\n", "twice.conll:5: duplicate document: the text is the same as on line 1", 0},
	} {
		name := c.name
		m := store.NewMemory()
		r := Run(m, store.NewKnown(nil), Group([]Input{{Name: name, Data: []byte(c.data)}}), Options{Schema: corpus.Default}, english, nil)
		sums, _ := m.List()
		var said []string
		for _, msg := range r.Messages {
			said = append(said, msg.Text)
		}
		if len(sums) != c.stored || r.Stored != c.stored || !strings.Contains(strings.Join(said, "\n"), c.say) {
			t.Errorf("%s: %d stored (reply says %d), messages %q; want %d and %q", name, len(sums), r.Stored, said, c.stored, c.say)
		}
	}
}

// TestRunStreamed imports large span JSONL files read through Open: stored
// in runs like a file read whole, refused whole for a bad line or labels
// outside the schema, and removed again when storing a later run fails.
func TestRunStreamed(t *testing.T) {
	var b strings.Builder
	for i := range 2*streamRun + 5 {
		fmt.Fprintf(&b, `{"id": "d%d", "text": "هجوم رقم %d في كاي", "spans": [{"start": 0, "end": 4, "label": "ACTOR"}]}`+"\n", i, i)
	}
	good := b.String()
	input := func(name, data string) Input {
		return Input{Name: name, Open: func(off int64) (io.Reader, error) { return strings.NewReader(data[off:]), nil }}
	}
	opts := Options{Schema: corpus.Default}

	m := store.NewMemory()
	var told []job.Progress
	r := Run(m, store.NewKnown(nil), Group([]Input{input("big.jsonl", good)}), opts, english, func(p job.Progress) { told = append(told, p) })
	sums, _ := m.List()
	if r.Stored != 2*streamRun+5 || len(sums) != r.Stored || r.First != "d0" {
		t.Fatalf("streamed import: %+v, %d stored", r, len(sums))
	}
	if want := fmt.Sprintf("Importing big.jsonl… %d documents stored", 2*streamRun+5); told[len(told)-1].Text != want {
		t.Errorf("last progress %q, want %q", told[len(told)-1].Text, want)
	}
	// The first document is announced once its run is stored.
	if p := told[1]; p.Text != fmt.Sprintf("Importing big.jsonl… %d documents stored", streamRun) || p.First != "d0" {
		t.Errorf("progress after the first run: %+v", p)
	}
	// Again: everything is skipped.
	r = Run(m, store.NewKnown(sums), Group([]Input{input("big.jsonl", good)}), opts, english, nil)
	if r.Stored != 0 || r.Messages[0].Text != fmt.Sprintf("big.jsonl: imported 0 documents, skipped %d already present.", 2*streamRun+5) {
		t.Errorf("second import: %+v", r)
	}

	tests := []struct {
		name, data string
		st         store.Store
		held       bool
		error      string
	}{
		{"bad last line", good + "{oops\n", store.NewMemory(), false, fmt.Sprintf("bad.jsonl:%d:", 2*streamRun+6)},
		{"unknown label on the last line", good + `{"text": "في غاو", "spans": [{"start": 3, "end": 6, "label": "LOC"}]}` + "\n", store.NewMemory(), true, ""},
		{"storing the third run fails", good, &flaky{Memory: store.NewMemory(), n: 3}, false, "quota exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Run(tt.st, store.NewKnown(nil), Group([]Input{input("bad.jsonl", tt.data)}), opts, english, nil)
			sums, _ := tt.st.List()
			if len(sums) != 0 || r.Stored != 0 {
				t.Errorf("%d documents stored (reply says %d), want none", len(sums), r.Stored)
			}
			if tt.held != (len(r.Held) == 1) {
				t.Errorf("held %+v", r.Held)
			}
			if tt.error != "" && (len(r.Messages) != 1 || r.Messages[0].Kind != "error" || !strings.Contains(r.Messages[0].Text, tt.error)) {
				t.Errorf("messages %+v, want an error with %q", r.Messages, tt.error)
			}
		})
	}
}

// TestRunFromRelays imports a selection whose large span JSONL file is
// checked, then stored a shift at a time, each call going on from where the
// one before stopped, as the page does with one worker per shift: the documents are
// all stored once, the messages said once, and a failure in a later shift
// removes what the earlier ones stored.
func TestRunFromRelays(t *testing.T) {
	big := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, `{"id": "d%d", "text": "هجوم رقم %d في كاي", "spans": [{"start": 0, "end": 4, "label": "ACTOR"}]}`+"\n", i, i)
		}
		return b.String()
	}
	opts := Options{Schema: corpus.Default}
	relay := func(st store.Store, bigData string) (job.Reply, int) {
		files := []Input{
			{Name: "small.jsonl", Data: []byte(`{"id": "s", "text": "نص قصير"}` + "\n")},
			{Name: "big.jsonl", Open: func(off int64) (io.Reader, error) { return strings.NewReader(bigData[off:]), nil }},
			{Name: "after.txt", Data: []byte("نص بعده")},
		}
		var total job.Reply
		var from *job.Resume
		calls := 0
		for ; calls < 100; calls++ {
			sums, err := st.List()
			if err != nil {
				t.Fatal(err)
			}
			r := RunFrom(st, store.NewKnown(sums), Group(files), opts, from, streamRun, english, nil)
			total.Merge(r)
			if r.Resume == nil {
				break
			}
			if r.Resume.Unit != 1 {
				t.Fatalf("resume at unit %d, want 1 (big.jsonl)", r.Resume.Unit)
			}
			from = r.Resume
		}
		return total, calls + 1
	}
	texts := func(r job.Reply) []string {
		var out []string
		for _, m := range r.Messages {
			out = append(out, m.Text)
		}
		return out
	}

	for _, n := range []int{2*streamRun + 5, 2 * streamRun} {
		m := store.NewMemory()
		r, calls := relay(m, big(n))
		sums, _ := m.List()
		if len(sums) != n+2 || r.Stored != n+2 || r.First != "s" {
			t.Errorf("%d documents: %d stored, reply %+v", n, len(sums), r)
		}
		if calls != 4 { // one checks the file, three store it
			t.Errorf("%d documents: %d calls, want 4", n, calls)
		}
		want := []string{"small.jsonl: imported 1 document.", fmt.Sprintf("big.jsonl: imported %d documents.", n), "after.txt: imported 1 document."}
		if got := texts(r); !slices.Equal(got, want) {
			t.Errorf("%d documents: messages %q, want %q", n, got, want)
		}
	}

	// The third shift fails (and so does every Add after it, after.txt's
	// too): the two shifts before it are removed as well.
	st := &flaky{Memory: store.NewMemory(), n: 4} // small.jsonl's Add is the first
	r, _ := relay(st, big(3*streamRun))
	sums, _ := st.List()
	if len(sums) != 1 || sums[0].ID != "s" || r.Stored != 1 {
		t.Errorf("after a failed third shift: %d stored (%+v), reply %+v", len(sums), sums, r)
	}
	if got := texts(r); len(got) != 3 || !strings.Contains(got[1], "big.jsonl: nothing of this file was imported: quota exceeded") {
		t.Errorf("messages %q", got)
	}
}

// TestRunTellsWhatItStored checks that the progress of an import names
// every document it stored, as it stores them (for files read whole and
// for a large file stored in runs): the page removes them should the
// worker die before it replies.
func TestRunTellsWhatItStored(t *testing.T) {
	var b strings.Builder
	for i := range streamRun + 7 {
		fmt.Fprintf(&b, `{"id": "s%d", "text": "هجوم رقم %d في كاي"}`+"\n", i, i)
	}
	big := b.String()
	files := []Input{
		{Name: "a.txt", Data: []byte("قتل جنديان في كاي")},
		{Name: "b.jsonl", Data: []byte(`{"id": "b", "text": "في غاو"}` + "\n")},
		{Name: "big.jsonl", Open: func(off int64) (io.Reader, error) { return strings.NewReader(big[off:]), nil }},
	}
	m := store.NewMemory()
	told := map[string]bool{}
	Run(m, store.NewKnown(nil), Group(files), Options{Schema: corpus.Default}, english, func(p job.Progress) {
		for _, id := range p.Added {
			if told[id] {
				t.Errorf("%s told twice", id)
			}
			told[id] = true
		}
	})
	sums, _ := m.List()
	if len(sums) != len(told) || len(sums) != streamRun+9 {
		t.Fatalf("%d documents stored, %d told, want %d", len(sums), len(told), streamRun+9)
	}
	for _, s := range sums {
		if !told[s.ID] {
			t.Errorf("%s stored, not told", s.ID)
		}
	}
}
