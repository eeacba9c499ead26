package agreement

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name   string
		layers [][]corpus.Span
		want   []Kind // one per unit; "" where the layers agree
	}{
		{"agree", [][]corpus.Span{{sp(0, 5, actor)}, {sp(0, 5, actor)}}, []Kind{""}},
		{"boundary", [][]corpus.Span{{sp(0, 5, actor)}, {sp(1, 5, actor)}}, []Kind{Boundary}},
		{"boundary by a split", [][]corpus.Span{{sp(0, 9, actor)}, {sp(0, 4, actor), sp(5, 9, actor)}}, []Kind{Boundary}},
		{"type", [][]corpus.Span{{sp(0, 5, actor)}, {sp(0, 5, place)}}, []Kind{Type}},
		{"both", [][]corpus.Span{{sp(0, 5, actor)}, {sp(0, 3, place)}}, []Kind{Both}},
		{"missing", [][]corpus.Span{{sp(0, 5, actor)}, nil}, []Kind{Missing}},
		{"missing in one of three", [][]corpus.Span{{sp(0, 5, actor)}, {sp(0, 5, actor)}, nil}, []Kind{Missing}},
		{"three layers, one boundary", [][]corpus.Span{{sp(0, 5, actor)}, {sp(0, 5, actor)}, {sp(0, 4, actor)}}, []Kind{Boundary}},
		{"units in order", [][]corpus.Span{{sp(0, 5, actor), sp(8, 9, date), sp(10, 12, place)}, {sp(0, 5, actor), sp(10, 12, date)}},
			[]Kind{"", Missing, Type}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := align.Align(tc.layers)
			var got []Kind
			for i := range a.Units {
				k, differ := classify(a, &a.Units[i])
				if differ != (k != "") {
					t.Fatalf("unit %d: kind %q, differ %v", i, k, differ)
				}
				got = append(got, k)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// The disagreements of the fixture's layers a and c, read off the files:
// in raid, الجيش المالي against الجيش and فجر الثلاثاء against الثلاثاء
// (boundaries); in claim, بولكيسي PLACE against DATE (type); in calm,
// المدينة that only c marks (missing).
func TestDisagreementsFixture(t *testing.T) {
	c := fixture(t, "a.jsonl", "c.jsonl")
	got := Disagreements(c)
	type unit struct {
		doc        string
		start, end int
		kind       Kind
		lacking    []string
	}
	var units []unit
	for _, d := range got {
		for _, u := range d.Units {
			if u.Doc != d.Doc || len(u.Versions) != 2 || u.Versions[0].Layer != "a.jsonl" || u.Versions[1].Layer != "c.jsonl" {
				t.Errorf("unit %+v of %s", u, d.Doc)
			}
			units = append(units, unit{u.Doc, u.Start, u.End, u.Kind, u.Lacking})
		}
	}
	want := []unit{
		{"raid", 4, 16, Boundary, nil},
		{"raid", 54, 66, Boundary, nil},
		{"claim", 65, 72, Type, nil},
		{"calm", 15, 22, Missing, []string{"a.jsonl"}},
	}
	if !reflect.DeepEqual(units, want) {
		t.Fatalf("disagreements\n got %+v\nwant %+v", units, want)
	}
	if len(Disagreements(fixture(t, "a.jsonl", "a.jsonl"))) != 0 {
		t.Error("identical layers disagree")
	}
}

func TestFirstUnits(t *testing.T) {
	doc := func(id string, n int) DocDisagreements {
		d := DocDisagreements{Doc: id}
		for i := range n {
			d.Units = append(d.Units, Disagreement{Doc: id, Start: i, End: i + 1})
		}
		return d
	}
	dd := []DocDisagreements{doc("a", 3), doc("b", 2), doc("c", 4)}
	for _, tc := range []struct {
		n     int
		units []int // per document kept
	}{
		{0, nil},
		{2, []int{2}},
		{3, []int{3}},
		{4, []int{3, 1}},
		{9, []int{3, 2, 4}},
		{100, []int{3, 2, 4}},
	} {
		got, total := FirstUnits(dd, tc.n)
		if total != 9 {
			t.Errorf("FirstUnits(%d): total %d, want 9", tc.n, total)
		}
		var units []int
		for _, d := range got {
			units = append(units, len(d.Units))
		}
		if fmt.Sprint(units) != fmt.Sprint(tc.units) {
			t.Errorf("FirstUnits(%d) keeps %v units a document, want %v", tc.n, units, tc.units)
		}
	}
	if len(dd[0].Units) != 3 {
		t.Error("FirstUnits changed its argument")
	}
}
