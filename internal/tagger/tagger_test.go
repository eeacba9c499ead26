package tagger

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/sample"
)

// noHints is a Hinter with no hints and no known entries: the tagger
// learns from the words alone.
type noHints struct{}

func (noHints) Hints(_ *corpus.Document, t *fold.Text) [][]string {
	return make([][]string, len(t.Words))
}
func (noHints) Known(string) bool { return false }

// someHints marks the words that a toy rule knows as places.
type someHints struct{}

func (someHints) Hints(_ *corpus.Document, t *fold.Text) [][]string {
	h := make([][]string, len(t.Words))
	for i, w := range t.Words {
		switch fold.Stem(w.Key) {
		case "مالي", "باماكو", "نيامي", "تيلابيري", "كيدال", "سيغو":
			h[i] = []string{"place"}
		}
	}
	return h
}
func (someHints) Known(k string) bool { return k == "مالي" }

func TestTrainDeterministic(t *testing.T) {
	docs := sample.Gold()
	began := time.Now()
	a, err := Train(docs, someHints{}, Config{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained on %d documents in %v: %v", len(docs), time.Since(began), a)
	b, _ := Train(docs, someHints{}, Config{Seed: 7})
	ab, _ := a.MarshalBinary()
	bb, _ := b.MarshalBinary()
	if !bytes.Equal(ab, bb) {
		t.Fatal("two trainings with one seed differ")
	}
	t.Logf("model: %d bytes", len(ab))
	// The training data is learnt.
	var got int
	for _, d := range docs {
		spans, _ := a.Tag(&d, fold.New(d.Text), someHints{})
		for _, s := range spans {
			for _, g := range d.Spans {
				if s.Span.Start == g.Start && s.Span.End == g.End && s.Span.Label == g.Label {
					got++
				}
			}
		}
	}
	total := 0
	for _, d := range docs {
		total += len(d.Spans)
	}
	if float64(got) < 0.9*float64(total) {
		t.Errorf("the model finds %d of its %d training spans", got, total)
	}
}

func TestRoundTrip(t *testing.T) {
	docs := sample.Gold()
	m, err := Train(docs[:4], noHints{}, Config{Seed: 1, Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	data, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var m2 Model
	if err := m2.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs[4:] {
		x := fold.New(d.Text)
		a, _ := m.Tag(&d, x, noHints{})
		b, _ := m2.Tag(&d, x, noHints{})
		if len(a) != len(b) {
			t.Fatalf("%s: %d spans before the round trip, %d after", d.ID, len(a), len(b))
		}
		for i := range a {
			if a[i].Span.Start != b[i].Span.Start || a[i].Span.End != b[i].Span.End || a[i].Span.Label != b[i].Span.Label {
				t.Errorf("%s: span %d differs: %+v, %+v", d.ID, i, a[i], b[i])
			}
		}
	}
	data2, _ := m2.MarshalBinary()
	if !bytes.Equal(data, data2) {
		t.Error("re-encoding a decoded model changes its bytes")
	}
}

func TestUnmarshalErrors(t *testing.T) {
	m, _ := Train(sample.Gold()[:2], noHints{}, Config{Seed: 1, Epochs: 2})
	good, _ := m.MarshalBinary()
	version := append([]byte(nil), good...)
	version[4] = 99
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a tagger model"},
		{"other data", []byte("{\"json\":1}"), "not a tagger model"},
		{"version", version, "model version 99"},
		{"truncated", good[:len(good)/2], "reading the model"},
	}
	for _, tt := range tests {
		var x Model
		err := x.UnmarshalBinary(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	docs := sample.Gold()
	rep, err := Evaluate(docs, someHints{}, Config{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Test != 2 || rep.Train != 4 {
		t.Errorf("split %d/%d, want 4 train, 2 test (a fifth, rounded up)", rep.Train, rep.Test)
	}
	rep2, _ := Evaluate(docs, someHints{}, Config{Seed: 3})
	if rep.Overall != rep2.Overall {
		t.Errorf("one seed, two results: %+v, %+v", rep.Overall, rep2.Overall)
	}
	t.Logf("held-back fifth (seed 3), trained in %v:\n%s", rep.TrainTime, rep.Report)
	if _, err := Evaluate(docs[:1], noHints{}, Config{}); err == nil {
		t.Error("Evaluate on one document")
	}
	if _, err := Train([]corpus.Document{{Text: "نص"}}, noHints{}, Config{}); err == nil {
		t.Error("Train without spans")
	}
}

func TestProclitic(t *testing.T) {
	// A span learnt after و starts after it; one learnt on a whole word
	// starting with و (ولام, a town) keeps it.
	docs := []corpus.Document{
		{Text: "هاجموا كيدال وتيساليت ثم ولام", Spans: []corpus.Span{{Start: 7, End: 12, Label: "PLACE"}, {Start: 14, End: 21, Label: "PLACE"}, {Start: 25, End: 29, Label: "PLACE"}}},
	}
	m, err := Train(docs, noHints{}, Config{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	d := corpus.Document{Text: "هاجموا كيدال وتيساليت ثم ولام"}
	spans, _ := m.Tag(&d, fold.New(d.Text), noHints{})
	var got []string
	for _, s := range spans {
		got = append(got, string([]rune(d.Text)[s.Span.Start:s.Span.End]))
	}
	if strings.Join(got, "|") != "كيدال|تيساليت|ولام" {
		t.Errorf("got %q", got)
	}
}

func BenchmarkTrain(b *testing.B) {
	docs := sample.Gold()
	for b.Loop() {
		if _, err := Train(docs, someHints{}, Config{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
