package importer

import (
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// noteFiles are files whose import comes with notes of every sort: placed
// at a line, in a file only, in none, and the count of a kind's others.
var noteFiles = []Input{
	// Seven I- tags with no entity open: five notes and "2 more like this".
	{Name: "o.conll", Data: []byte(strings.Repeat("في O\nكاي I-PLACE\n", 7))},
	{Name: "b.txt", Data: []byte("\ufeffقتل جنديان في كاي")},
	{Name: "t.json", Data: []byte(`[{"id": 1, "data": {"body": "في كاي"}, "predictions": [{"result": [{"type": "choices", "value": {}}, {"type": "labels", "value": {"start": 3, "end": 6, "labels": ["PLACE"]}}]}]}]`)},
	{Name: "p.txt", Data: []byte("\ufeffفي كاي")},
	{Name: "p.ann", Data: []byte("T1\tPLACE 4 7\tكاي\n")},
}

// notesAt returns the indices of the messages of r that are notes: those
// of kind info that are not a file's summary ("name: imported …"), read in
// English.
func notesAt(r job.Reply) []int {
	var at []int
	for i, m := range r.Messages {
		if m.Kind == "info" && !strings.Contains(m.Text, ": imported ") {
			at = append(at, i)
		}
	}
	return at
}

// texts returns the texts of the messages of r at the indices at.
func texts(r job.Reply, at []int) []string {
	var out []string
	for _, i := range at {
		out = append(out, r.Messages[i].Text)
	}
	return out
}

// TestRunNotes checks that an import's notes read in English as they
// always have (the unit's name, then the note as its Error method writes
// it) and that in Arabic each is translated, its kind too.
func TestRunNotes(t *testing.T) {
	opts := Options{Schema: corpus.Default}
	var want []string
	for _, u := range Group(noteFiles) {
		res, err := Import(u, opts)
		if err != nil {
			t.Fatalf("%s: %v", u.Name, err)
		}
		for _, n := range res.Notes {
			want = append(want, u.Name+": "+n.Error())
		}
	}
	for _, s := range []string{
		"o.conll: o.conll: CoNLL holds no text",
		"o.conll: o.conll:2: I-PLACE with no PLACE entity open: it starts a new entity (as conlleval does)",
		"o.conll: o.conll: 2 more like this (entity started by I-/E-)",
		"b.txt: a byte-order mark at the start of the file was removed",
		"t.json: t.json:1: task 1: the text was taken from data.body",
		"t.json: t.json:1: task 1 has no annotation: its first prediction was imported",
		"t.json: t.json:1: task 1: a result of type \"choices\" was skipped (raqim imports labels)",
		"p.txt + p.ann: p.ann: the .txt starts with a byte-order mark, which brat counts: offsets were read one code point lower",
	} {
		if !strings.Contains(strings.Join(want, "\n"), s) {
			t.Errorf("notes lack %q:\n%s", s, strings.Join(want, "\n"))
		}
	}

	en := Run(store.NewMemory(), store.NewKnown(nil), Group(noteFiles), opts, english, nil)
	at := notesAt(en)
	got := texts(en, at)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("English notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	arabic := locale.New(locale.Settings{Lang: locale.Arabic})
	r := Run(store.NewMemory(), store.NewKnown(nil), Group(noteFiles), opts, arabic, nil)
	if len(r.Messages) != len(en.Messages) {
		t.Fatalf("Arabic messages %q, want %d", r.Messages, len(en.Messages))
	}
	ar := texts(r, at)
	for i, n := range ar {
		english := want[i][strings.LastIndex(want[i], ": ")+2:]
		if strings.Contains(n, english) {
			t.Errorf("Arabic note %q keeps the English %q", n, english)
		}
	}
	all := strings.Join(ar, "\n")
	for _, s := range []string{"ملاحظات أخرى من هذا النوع عددها 2", "كيان بدأه وسم رمز I- أو E-", "، السطر 2", "أُزيلت علامة ترتيب البايتات"} {
		if !strings.Contains(all, s) {
			t.Errorf("Arabic notes lack %q:\n%s", s, all)
		}
	}
}
