package align

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

func sp(start, end int, l corpus.Label) corpus.Span {
	return corpus.Span{Start: start, End: end, Label: l}
}

// unit is a unit as the tests write it: extent and per-layer index ranges.
type unit struct {
	start, end int
	ranges     []Range
}

func TestAlign(t *testing.T) {
	const A, P = corpus.Actor, corpus.Place
	tests := []struct {
		name   string
		layers [][]corpus.Span
		want   []unit
	}{
		{"no spans", [][]corpus.Span{nil, nil}, nil},
		{"one layer", [][]corpus.Span{{sp(0, 3, A), sp(5, 8, P)}},
			[]unit{{0, 3, []Range{{0, 1}}}, {5, 8, []Range{{1, 2}}}}},
		{"identical", [][]corpus.Span{{sp(0, 3, A)}, {sp(0, 3, A)}},
			[]unit{{0, 3, []Range{{0, 1}, {0, 1}}}}},
		{"other label same extent", [][]corpus.Span{{sp(0, 3, A)}, {sp(0, 3, P)}},
			[]unit{{0, 3, []Range{{0, 1}, {0, 1}}}}},
		{"only one layer has it", [][]corpus.Span{{sp(0, 3, A), sp(10, 12, P)}, {sp(10, 12, P)}},
			[]unit{{0, 3, []Range{{0, 1}, {0, 0}}}, {10, 12, []Range{{1, 2}, {0, 1}}}}},
		{"touching spans do not join", [][]corpus.Span{{sp(0, 3, A)}, {sp(3, 6, A)}},
			[]unit{{0, 3, []Range{{0, 1}, {0, 0}}}, {3, 6, []Range{{1, 1}, {0, 1}}}}},
		{"one code point shared joins", [][]corpus.Span{{sp(0, 3, A)}, {sp(2, 6, A)}},
			[]unit{{0, 6, []Range{{0, 1}, {0, 1}}}}},
		{"a span bridges two", [][]corpus.Span{{sp(0, 4, A), sp(5, 9, A)}, {sp(3, 6, P)}},
			[]unit{{0, 9, []Range{{0, 2}, {0, 1}}}}},
		{"chain across layers", [][]corpus.Span{{sp(0, 2, A), sp(3, 5, A)}, {sp(1, 4, A), sp(4, 7, A)}},
			[]unit{{0, 7, []Range{{0, 2}, {0, 2}}}}},
		{"nested", [][]corpus.Span{{sp(0, 10, A)}, {sp(2, 4, P), sp(6, 8, A)}},
			[]unit{{0, 10, []Range{{0, 1}, {0, 2}}}}},
		{"three layers, one empty", [][]corpus.Span{{sp(0, 3, A)}, nil, {sp(1, 2, A), sp(20, 25, P)}},
			[]unit{{0, 3, []Range{{0, 1}, {0, 0}, {0, 1}}}, {20, 25, []Range{{1, 1}, {0, 0}, {1, 2}}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Align(tc.layers)
			var got []unit
			for _, u := range a.Units {
				got = append(got, unit{u.Start, u.End, u.Ranges})
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("units\n got %v\nwant %v", got, tc.want)
			}
			// Every span is in exactly one unit.
			for li, spans := range tc.layers {
				n := 0
				for ui := range a.Units {
					for _, s := range a.Spans(&a.Units[ui], li) {
						if s.Start < a.Units[ui].Start || s.End > a.Units[ui].End {
							t.Errorf("span %v outside its unit [%d,%d)", s, a.Units[ui].Start, a.Units[ui].End)
						}
						n++
					}
				}
				if n != len(spans) {
					t.Errorf("layer %d: %d spans in units, want %d", li, n, len(spans))
				}
			}
		})
	}
}

// Many units grow the shared range storage; units made before it grew keep their ranges.
func TestAlignManyUnits(t *testing.T) {
	var a, b []corpus.Span
	for i := 0; i < 5000; i++ {
		a = append(a, sp(10*i, 10*i+3, corpus.Actor))
		if i%2 == 0 {
			b = append(b, sp(10*i+2, 10*i+5, corpus.Actor))
		}
	}
	al := Align([][]corpus.Span{a, b})
	if len(al.Units) != 5000 {
		t.Fatalf("%d units, want 5000", len(al.Units))
	}
	for i, u := range al.Units {
		wantB := Range{i / 2, i / 2}
		if i%2 == 0 {
			wantB.Hi++
		} else {
			wantB = Range{i/2 + 1, i/2 + 1}
		}
		if u.Ranges[0] != (Range{i, i + 1}) || u.Ranges[1] != wantB {
			t.Fatalf("unit %d ranges %v, want [{%d %d} %v]", i, u.Ranges, i, i+1, wantB)
		}
	}
}

func doc(id, text string, spans ...corpus.Span) corpus.Document {
	return corpus.Document{ID: id, Text: text, Spans: spans}
}

func TestMatch(t *testing.T) {
	one := doc("one", "قال الجيش", sp(4, 9, corpus.Actor))
	two := doc("two", "في كاي")
	three := doc("three", "يوم أمس")
	t.Run("by text, first layer's order", func(t *testing.T) {
		other := doc("x", one.Text) // same text, other ID
		c, err := Match([]Layer{{"a", []corpus.Document{two, one}}, {"b", []corpus.Document{other, two}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Docs) != 2 || c.Docs[0].ID != "two" || c.Docs[1].ID != "one" {
			t.Fatalf("docs %+v", c.Docs)
		}
		if got := c.Docs[1].Spans; len(got[0]) != 1 || len(got[1]) != 0 {
			t.Fatalf("spans of one: %v", got)
		}
		if c.Docs[1].Length != 9 {
			t.Fatalf("length %d, want 9 code points", c.Docs[1].Length)
		}
		if len(c.LeftOut) != 0 {
			t.Fatalf("left out %v", c.LeftOut)
		}
	})
	t.Run("left out", func(t *testing.T) {
		c, err := Match([]Layer{{"a", []corpus.Document{one, two}}, {"b", []corpus.Document{one, three}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Docs) != 1 || c.Docs[0].ID != "one" {
			t.Fatalf("docs %+v", c.Docs)
		}
		want := []string{
			"document two is only in a (not in b): left out",
			"document three is only in b (not in a): left out",
		}
		var got []string
		for _, l := range c.LeftOut {
			got = append(got, l.String())
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("left out\n got %q\nwant %q", got, want)
		}
	})
	t.Run("nothing in common", func(t *testing.T) {
		_, err := Match([]Layer{{"a.jsonl", []corpus.Document{one}}, {"b.jsonl", []corpus.Document{two}}})
		var nc *NoCommonError
		if !errors.As(err, &nc) {
			t.Fatalf("error %v, want a *NoCommonError", err)
		}
		if msg := err.Error(); !strings.Contains(msg, "a.jsonl, b.jsonl") {
			t.Fatalf("error %q does not name the layers", msg)
		}
	})
	t.Run("same text twice in a layer", func(t *testing.T) {
		_, err := Match([]Layer{{"a.jsonl", []corpus.Document{one, doc("again", one.Text)}}, {"b.jsonl", []corpus.Document{one}}})
		if err == nil || !strings.Contains(err.Error(), "a.jsonl: documents one and again have the same text") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("overlapping spans", func(t *testing.T) {
		bad := doc("one", one.Text, sp(0, 5, corpus.Actor), sp(4, 9, corpus.Place))
		_, err := Match([]Layer{{"a.jsonl", []corpus.Document{bad}}, {"b.jsonl", []corpus.Document{one}}})
		if err == nil || !strings.Contains(err.Error(), "a.jsonl: document one: span 2 [4,9) PLACE: overlaps") {
			t.Fatalf("error %v", err)
		}
	})
}

func TestSelect(t *testing.T) {
	c := &Corpus{Layers: []string{"a", "b"}, Docs: []Doc{{ID: "1"}, {ID: "2"}, {ID: "3"}}}
	got := c.Select("3", "1", "9")
	if len(got.Docs) != 2 || got.Docs[0].ID != "1" || got.Docs[1].ID != "3" || len(got.Layers) != 2 {
		t.Fatalf("selected %+v", got.Docs)
	}
}
