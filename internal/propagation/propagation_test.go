package propagation

import (
	"reflect"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/store"
)

func TestAdd(t *testing.T) {
	var d Dict
	steps := []struct {
		text  string
		label corpus.Label
		want  bool
		after []Entry
	}{
		{"أنفيف", corpus.Place, true, []Entry{{"أنفيف", corpus.Place}}},
		{"أنفيف", corpus.Place, false, []Entry{{"أنفيف", corpus.Place}}},
		// The same folded text (alef forms, harakat) is the same entry, relabelled.
		{"انفيف", corpus.Actor, true, []Entry{{"أنفيف", corpus.Actor}}},
		{"سرايا الوادي", corpus.Actor, true, []Entry{{"أنفيف", corpus.Actor}, {"سرايا الوادي", corpus.Actor}}},
		{"  ", corpus.Actor, false, []Entry{{"أنفيف", corpus.Actor}, {"سرايا الوادي", corpus.Actor}}},
	}
	for i, s := range steps {
		if got := d.Add(s.text, s.label); got != s.want {
			t.Errorf("step %d: Add(%q, %s) = %v, want %v", i, s.text, s.label, got, s.want)
		}
		if !reflect.DeepEqual(d.Entries, s.after) {
			t.Errorf("step %d: entries %v, want %v", i, d.Entries, s.after)
		}
	}
	docs := d.Documents()
	if len(docs) != 2 || docs[1].Text != "سرايا الوادي" || !reflect.DeepEqual(docs[1].Spans, []corpus.Span{{Start: 0, End: 12, Label: corpus.Actor}}) {
		t.Errorf("Documents = %+v", docs)
	}
}

func TestSaveLoadMentions(t *testing.T) {
	st := store.NewMemory()
	if d, err := Load(st); err != nil || len(d.Entries) != 0 {
		t.Fatalf("Load of an empty store = %v, %v", d, err)
	}
	var d Dict
	d.Add("أنفيف", corpus.Place)
	if err := d.Save(st); err != nil {
		t.Fatal(err)
	}
	if got, err := Load(st); err != nil || !reflect.DeepEqual(got, d) {
		t.Errorf("Load = %v, %v; want %v", got, err, d)
	}
	err := st.Add([]corpus.Document{
		{ID: "a", Text: "وصلت تعزيزات إلى أنفيف."},
		{ID: "b", Text: "غادروا أنفيف ثم عادوا إلى أنفيف وبأنفيف سوق."},
		{ID: "c", Text: "لا ذكر لها هنا، ولا في أنفيفات."},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		except string
		want   Count
	}{
		{"", Count{Mentions: 4, Docs: 2}},
		{"a", Count{Mentions: 3, Docs: 1}},
		{"b", Count{Mentions: 1, Docs: 1}},
	} {
		got, err := Mentions(st, Entry{"أنفيف", corpus.Place}, tt.except)
		if err != nil || got != tt.want {
			t.Errorf("Mentions except %q = %+v, %v; want %+v", tt.except, got, err, tt.want)
		}
	}
	if err := st.PutModel(Key, []byte("{")); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(st); err == nil {
		t.Error("a damaged dictionary was read")
	}
}
