package suggestion

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/suggest"
)

func sp(start, end int, l corpus.Label) corpus.Span {
	return corpus.Span{Start: start, End: end, Label: l}
}

func keys(spans []corpus.Span) []string {
	out := []string{}
	for _, s := range spans {
		out = append(out, Key(s))
	}
	return out
}

func TestSwitched(t *testing.T) {
	sg := func(start int, src string) corpus.Span {
		return corpus.Span{Start: start, End: start + 1, Label: corpus.Place, Attrs: map[string]string{SourceAttr: src}}
	}
	sugs := []corpus.Span{sg(0, "gazetteer"), sg(2, "date"), sg(4, "tagger"), sg(6, "gazetteer")}
	for _, c := range []struct {
		off  []suggest.Source
		want []int // starts kept
	}{
		{nil, []int{0, 2, 4, 6}},
		{[]suggest.Source{suggest.Gazetteer}, []int{2, 4}},
		{[]suggest.Source{suggest.Date, suggest.Tagger}, []int{0, 6}},
		{suggest.Sources, nil},
	} {
		var got []int
		for _, s := range Switched(sugs, c.off) {
			got = append(got, s.Start)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("off %v: kept %v, want %v", c.off, got, c.want)
		}
	}
}

func TestPending(t *testing.T) {
	sugs := []corpus.Span{sp(0, 3, corpus.Place), sp(5, 9, corpus.Date), sp(10, 12, corpus.Actor), sp(11, 14, corpus.Actor), sp(20, 25, corpus.Casualty)}
	for _, c := range []struct {
		name     string
		spans    []corpus.Span
		rejected map[string]bool
		want     []string
	}{
		{"none taken", nil, nil, []string{"0:3:PLACE", "5:9:DATE", "10:12:ACTOR", "20:25:CASUALTY"}},
		{"a span over one", []corpus.Span{sp(6, 7, corpus.Place)}, nil, []string{"0:3:PLACE", "10:12:ACTOR", "20:25:CASUALTY"}},
		{"a span touching is no overlap", []corpus.Span{sp(3, 5, corpus.Place)}, nil, []string{"0:3:PLACE", "5:9:DATE", "10:12:ACTOR", "20:25:CASUALTY"}},
		{"the accepted one itself", []corpus.Span{sp(0, 3, corpus.Place), sp(20, 25, corpus.Casualty)}, nil, []string{"5:9:DATE", "10:12:ACTOR"}},
		{"a long span over two", []corpus.Span{sp(4, 11, corpus.Actor)}, nil, []string{"0:3:PLACE", "11:14:ACTOR", "20:25:CASUALTY"}},
		{"rejected", nil, map[string]bool{"5:9:DATE": true, "10:12:ACTOR": true}, []string{"0:3:PLACE", "11:14:ACTOR", "20:25:CASUALTY"}},
		{"rejected with another label stays", nil, map[string]bool{"5:9:PLACE": true}, []string{"0:3:PLACE", "5:9:DATE", "10:12:ACTOR", "20:25:CASUALTY"}},
	} {
		if got := keys(Pending(sugs, c.spans, c.rejected)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestAtAndNext(t *testing.T) {
	p := []corpus.Span{sp(2, 5, corpus.Place), sp(8, 10, corpus.Date), sp(15, 20, corpus.Actor)}
	for _, c := range []struct{ start, end, want int }{
		{0, 0, -1}, {2, 2, 0}, {5, 5, 0}, {6, 6, -1}, {9, 9, 1}, {0, 3, 0}, {4, 9, 0}, {10, 15, -1}, {12, 16, 2},
	} {
		if got := At(p, c.start, c.end); got != c.want {
			t.Errorf("At(%d,%d) = %d, want %d", c.start, c.end, got, c.want)
		}
	}
	for _, c := range []struct{ from, dir, want int }{
		{0, 1, 0}, {3, 1, 1}, {8, 1, 1}, {16, 1, 0}, {21, 1, 0},
		{21, -1, 2}, {15, -1, 1}, {8, -1, 0}, {1, -1, 2},
	} {
		if got := Next(p, c.from, c.dir); got != c.want {
			t.Errorf("Next(%d,%d) = %d, want %d", c.from, c.dir, got, c.want)
		}
	}
	if Next(nil, 0, 1) != -1 || Next(nil, 0, -1) != -1 {
		t.Error("Next of no suggestions")
	}
	if got := keys(OfLabel(p, corpus.Date)); !reflect.DeepEqual(got, []string{"8:10:DATE"}) {
		t.Errorf("OfLabel: %v", got)
	}
}

func TestTracker(t *testing.T) {
	var tr Tracker
	r1 := tr.Request("a")
	if !tr.Fresh("a", r1) {
		t.Fatal("the last request is fresh")
	}
	r2 := tr.Request("a") // an edit
	for _, c := range []struct {
		doc  string
		rev  int
		want bool
	}{{"a", r1, false}, {"a", r2, true}, {"b", r2, false}} {
		if got := tr.Fresh(c.doc, c.rev); got != c.want {
			t.Errorf("Fresh(%s,%d) = %v", c.doc, c.rev, got)
		}
	}
	r3 := tr.Request("b") // another document opened
	if tr.Fresh("a", r2) || !tr.Fresh("b", r3) {
		t.Error("a reply for the document before is stale")
	}
}

func TestRecord(t *testing.T) {
	var r Record
	r.Reject(sp(1, 4, corpus.Date))
	r.Reject(sp(1, 4, corpus.Date))
	r.Accept("s1")
	r.Accept("s2")
	r.AddByHand("h1")
	r.Edit(corpus.Span{ID: "s1", Attrs: map[string]string{SourceAttr: "gazetteer"}})
	r.Edit(corpus.Span{ID: "s1", Attrs: map[string]string{SourceAttr: "gazetteer"}})
	r.Edit(corpus.Span{ID: "h1"}) // made by hand: no edit after accepting
	want := Counts{Accepted: 2, Rejected: 1, Edited: 1, Hand: 1}
	if got := r.Counts(); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if !r.Rejections()["1:4:DATE"] {
		t.Error("the rejection is remembered")
	}
	if got := want.Add(Counts{1, 1, 1, 1}); got != (Counts{3, 2, 2, 2}) || !(Counts{}).Zero() || got.Zero() {
		t.Errorf("Add: %+v", got)
	}
}

func TestControl(t *testing.T) {
	for _, c := range []struct {
		share float64
		lo    int
		hi    int
	}{{0, 0, 0}, {1, 1000, 1000}, {0.2, 160, 240}, {0.5, 450, 550}} {
		n := 0
		for i := range 1000 {
			if Control(fmt.Sprintf("doc-%d", i), 7, c.share) {
				n++
			}
		}
		if n < c.lo || n > c.hi {
			t.Errorf("share %v: %d of 1000 are controls, want %d–%d", c.share, n, c.lo, c.hi)
		}
	}
	// Deterministic, and another seed chooses other documents.
	same, other := 0, 0
	for i := range 1000 {
		id := fmt.Sprintf("doc-%d", i)
		if Control(id, 7, 0.3) == Control(id, 7, 0.3) {
			same++
		}
		if Control(id, 7, 0.3) != Control(id, 8, 0.3) {
			other++
		}
	}
	if same != 1000 || other == 0 {
		t.Errorf("same %d, other %d", same, other)
	}
	if Control("", 7, 0.9) {
		t.Error("no document is no control")
	}
}

func TestValues(t *testing.T) {
	if got := ValueKeys(corpus.Date); !reflect.DeepEqual(got, []string{"iso", "precision"}) {
		t.Errorf("DATE: %v", got)
	}
	if ValueKeys("OTHER") != nil {
		t.Error("a label without values")
	}
	attrs := map[string]string{"source": "date", "iso": "2025-10-07", "precision": "day", "note": "x"}
	got := WithValues(attrs, map[string]string{"iso": "2025-10"})
	want := map[string]string{"source": "date", "note": "x", "iso": "2025-10"}
	if !reflect.DeepEqual(got, want) || attrs["iso"] != "2025-10-07" {
		t.Errorf("got %v", got)
	}
	if WithValues(nil, nil) != nil {
		t.Error("no attrs")
	}
}

func TestPerBlock(t *testing.T) {
	p := []corpus.Span{sp(2, 5, corpus.Place), sp(8, 12, corpus.Date), sp(25, 27, corpus.Actor)}
	starts, ends := []int{0, 10, 20}, []int{9, 19, 30}
	got := PerBlock(p, starts, ends, nil)
	want := [][]string{{"2:5:PLACE", "8:12:DATE"}, {"8:12:DATE"}, {"25:27:ACTOR"}}
	for i := range want {
		if g := keys(got[i]); !reflect.DeepEqual(g, want[i]) {
			t.Errorf("block %d: %v, want %v", i, g, want[i])
		}
	}
	// Unchanged blocks keep their slices.
	again := PerBlock(p[:2], starts, ends, got)
	if &again[0][0] != &got[0][0] || again[2] != nil {
		t.Errorf("reuse: %v", again)
	}
}

func TestOffered(t *testing.T) {
	for _, tc := range []struct {
		length int
		want   bool
	}{{0, true}, {150_000, true}, {MaxRunes, true}, {MaxRunes + 1, false}, {1_000_000, false}} {
		if got := Offered(tc.length); got != tc.want {
			t.Errorf("Offered(%d) = %v, want %v", tc.length, got, tc.want)
		}
	}
}
