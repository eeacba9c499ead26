package history

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

func sp(id string, start, end int, l corpus.Label) corpus.Span {
	return corpus.Span{ID: id, Start: start, End: end, Label: l}
}

// change returns a change adding one span named id.
func change(id string) Change {
	return Change{Added: []corpus.Span{sp(id, 0, 3, corpus.Place)}, StatusBefore: corpus.StatusInProgress, StatusAfter: corpus.StatusInProgress}
}

// ids lists the IDs of the spans the changes add.
func ids(cs []Change) string {
	s := ""
	for _, c := range cs {
		for _, a := range c.Added {
			s += a.ID
		}
	}
	return s
}

func TestInverse(t *testing.T) {
	c := Change{
		Removed:      []corpus.Span{sp("a", 0, 3, corpus.Actor)},
		Added:        []corpus.Span{sp("a", 0, 3, corpus.Place)},
		StatusBefore: corpus.StatusNew,
		StatusAfter:  corpus.StatusInProgress,
	}
	inv := c.Inverse()
	want := Change{Removed: c.Added, Added: c.Removed, StatusBefore: corpus.StatusInProgress, StatusAfter: corpus.StatusNew}
	if !reflect.DeepEqual(inv, want) {
		t.Errorf("Inverse = %+v, want %+v", inv, want)
	}
	if !reflect.DeepEqual(inv.Inverse(), c) {
		t.Error("Inverse of Inverse is not the change")
	}
}

func TestSequence(t *testing.T) {
	type op struct {
		do         string // "rec X", "undo", "redo"
		ok         bool
		got        string // ID added by the change returned by undo/redo (for undo: removed)
		done, redo string
	}
	tests := []struct {
		name string
		ops  []op
	}{
		{"empty", []op{
			{"undo", false, "", "", ""},
			{"redo", false, "", "", ""},
		}},
		{"record undo redo", []op{
			{"rec a", true, "", "a", ""},
			{"rec b", true, "", "ab", ""},
			{"undo", true, "b", "a", "b"},
			{"undo", true, "a", "", "ba"},
			{"undo", false, "", "", "ba"},
			{"redo", true, "a", "a", "b"},
			{"redo", true, "b", "ab", ""},
			{"redo", false, "", "ab", ""},
		}},
		{"record clears redo", []op{
			{"rec a", true, "", "a", ""},
			{"rec b", true, "", "ab", ""},
			{"undo", true, "b", "a", "b"},
			{"rec c", true, "", "ac", ""},
			{"redo", false, "", "ac", ""},
			{"undo", true, "c", "a", "c"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l Log
			for i, o := range tt.ops {
				var c Change
				ok := true
				switch o.do {
				case "undo":
					c, l, ok = l.Undo()
					if ok && len(c.Removed) == 1 && c.Removed[0].ID != o.got {
						t.Errorf("op %d undo: change removes %q, want %q", i, c.Removed[0].ID, o.got)
					}
				case "redo":
					c, l, ok = l.Redo()
					if ok && ids([]Change{c}) != o.got {
						t.Errorf("op %d redo: change adds %q, want %q", i, ids([]Change{c}), o.got)
					}
				default:
					l = l.Record(change(o.do[len("rec "):]))
				}
				if ok != o.ok {
					t.Errorf("op %d %s: ok %v, want %v", i, o.do, ok, o.ok)
				}
				if ids(l.Done) != o.done || ids(l.Undone) != o.redo {
					t.Errorf("op %d %s: done %q undone %q, want %q %q", i, o.do, ids(l.Done), ids(l.Undone), o.done, o.redo)
				}
			}
		})
	}
}

func TestUndoReturnsInverse(t *testing.T) {
	c := Change{Added: []corpus.Span{sp("a", 0, 3, corpus.Place)}, StatusBefore: corpus.StatusNew, StatusAfter: corpus.StatusInProgress}
	l := Log{}.Record(c)
	u, l, ok := l.Undo()
	if !ok || !reflect.DeepEqual(u, c.Inverse()) {
		t.Errorf("Undo = %+v, want the inverse %+v", u, c.Inverse())
	}
	r, _, ok := l.Redo()
	if !ok || !reflect.DeepEqual(r, c) {
		t.Errorf("Redo = %+v, want the change %+v", r, c)
	}
}

func TestLimit(t *testing.T) {
	var l Log
	for i := range Limit + 50 {
		l = l.Record(change(fmt.Sprint(i, ",")))
	}
	if len(l.Done) != Limit {
		t.Fatalf("Done has %d changes, want %d", len(l.Done), Limit)
	}
	if first, last := l.Done[0].Added[0].ID, l.Done[Limit-1].Added[0].ID; first != "50," || last != fmt.Sprint(Limit+49, ",") {
		t.Errorf("Done runs from %s to %s, want the newest %d", first, last, Limit)
	}
	// Undo everything, then redo everything.
	n := 0
	for {
		var ok bool
		if _, l, ok = l.Undo(); !ok {
			break
		}
		n++
	}
	if n != Limit || len(l.Undone) != Limit {
		t.Errorf("undid %d, Undone has %d; want %d", n, len(l.Undone), Limit)
	}
	for {
		var ok bool
		if _, l, ok = l.Redo(); !ok {
			break
		}
	}
	if len(l.Done) != Limit || l.Done[Limit-1].Added[0].ID != fmt.Sprint(Limit+49, ",") {
		t.Errorf("after redoing all, Done has %d changes ending with %s", len(l.Done), l.Done[len(l.Done)-1].Added[0].ID)
	}
}

// TestNoAliasing checks that logs are values: deriving logs from one log
// never changes it or each other, even when their slices have spare capacity.
func TestNoAliasing(t *testing.T) {
	base := Log{}.Record(change("a")).Record(change("b")).Record(change("c"))
	_, undone, _ := base.Undo() // Done shares base's array with spare capacity
	x := undone.Record(change("x"))
	y := undone.Record(change("y"))
	if ids(base.Done) != "abc" || ids(undone.Done) != "ab" || ids(undone.Undone) != "c" {
		t.Errorf("Record changed its receiver: base %q, undone %q/%q", ids(base.Done), ids(undone.Done), ids(undone.Undone))
	}
	if ids(x.Done) != "abx" || ids(y.Done) != "aby" {
		t.Errorf("sibling logs share state: %q, %q", ids(x.Done), ids(y.Done))
	}
	_, u1, _ := undone.Undo()
	_, r1, _ := undone.Redo()
	_, u2, _ := undone.Undo()
	if ids(u1.Undone) != "cb" || ids(r1.Done) != "abc" || ids(u2.Undone) != "cb" || ids(undone.Undone) != "c" || ids(undone.Done) != "ab" {
		t.Errorf("Undo/Redo changed their receiver or siblings: %q %q %q %q", ids(u1.Undone), ids(r1.Done), ids(u2.Undone), ids(undone.Undone))
	}
	// Spare capacity in the caller's slices is not written to.
	done := make([]Change, 1, 10)
	done[0] = change("a")
	l := Log{Done: done}
	l.Record(change("z"))
	if got := done[:2][1]; got.Added != nil {
		t.Errorf("Record wrote into the caller's spare capacity: %+v", got)
	}
}

func TestJSON(t *testing.T) {
	l := Log{}.Record(Change{
		Removed:      []corpus.Span{sp("a", 0, 3, corpus.Actor)},
		Added:        []corpus.Span{sp("a", 0, 3, corpus.Place)},
		StatusBefore: corpus.StatusNew,
		StatusAfter:  corpus.StatusInProgress,
	}).Record(Change{StatusBefore: corpus.StatusInProgress, StatusAfter: corpus.StatusDone})
	_, l, _ = l.Undo()
	b, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var back Log
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, l) {
		t.Errorf("JSON round trip:\n%s\ngives %+v, want %+v", b, back, l)
	}
	if b, _ := json.Marshal(Log{}); string(b) != "{}" {
		t.Errorf("empty log marshals as %s", b)
	}
}
