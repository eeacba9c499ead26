package importer

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

func TestGroup(t *testing.T) {
	in := []Input{{Name: "a.txt"}, {Name: "b.jsonl"}, {Name: "a.ann"}, {Name: "c.txt"}, {Name: "d.ann"}}
	var got []string
	for _, u := range Group(in) {
		got = append(got, u.Name)
	}
	want := []string{"a.txt + a.ann", "b.jsonl", "c.txt", "d.ann"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Group = %q, want %q", got, want)
	}
	// Extensions match in any case, as format's table matches them.
	got = nil
	for _, u := range Group([]Input{{Name: "E.TXT"}, {Name: "E.ann"}}) {
		got = append(got, u.Name)
	}
	if want := []string{"E.TXT + E.ann"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Group = %q, want %q", got, want)
	}
}

func TestImportBratPair(t *testing.T) {
	text := "قتل 😀 جنديان في كاي"
	units := Group([]Input{
		{Name: "doc.txt", Data: []byte(text)},
		{Name: "doc.ann", Data: []byte("T1\tPLACE 16 19\tكاي\n")},
	})
	if len(units) != 1 {
		t.Fatalf("%d units", len(units))
	}
	res, err := Import(units[0], Options{Schema: corpus.Default})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Docs) != 1 || len(res.Docs[0].Spans) != 1 {
		t.Fatalf("got %+v", res.Docs)
	}
	if s := res.Docs[0].Spans[0]; s.Start != 16 || s.End != 19 || s.Label != corpus.Place {
		t.Fatalf("span %+v", s)
	}
}

func TestImportLoneAnn(t *testing.T) {
	_, err := Import(Unit{Name: "x.ann", Files: []Input{{Name: "x.ann", Data: []byte("T1\tPLACE 0 3\tكاي\n")}}}, Options{})
	var fe *corpus.FileError
	if !errors.As(err, &fe) || fe.File != "x.ann" || !strings.Contains(err.Error(), ".txt") {
		t.Fatalf("lone .ann: %v", err)
	}
}
