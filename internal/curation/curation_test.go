package curation

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

func sp(start, end int, l corpus.Label) corpus.Span {
	return corpus.Span{Start: start, End: end, Label: l}
}

// text is an invented report (95 code points); the layers below mark
// الجيش المالي [4,16), مسلحين [20,26), (منطقة) موبتي [42,53) or [48,53),
// فجر الثلاثاء [54,66) and مقتل ستة مدنيين [79,94).
const text = "قال الجيش المالي إن مسلحين هاجموا قرية في منطقة موبتي فجر الثلاثاء، ما أسفر عن مقتل ستة مدنيين."

var (
	layerA = []corpus.Span{sp(4, 16, corpus.Actor), sp(48, 53, corpus.Place), sp(54, 66, corpus.Date), sp(79, 94, corpus.Casualty)}
	layerB = []corpus.Span{sp(4, 16, corpus.Actor), sp(20, 26, corpus.Actor), sp(42, 53, corpus.Place), sp(54, 66, corpus.Date), sp(79, 94, corpus.Casualty)}
)

var when = time.Date(2026, 1, 24, 10, 0, 0, 0, time.UTC)

func docOf(layers ...[]corpus.Span) *align.Doc {
	return &align.Doc{ID: "raid", Text: text, Length: 95, Spans: layers}
}

func mustNew(t *testing.T, d *align.Doc, names []string, s Settings, decisions []Decision) *Curation {
	t.Helper()
	c, err := New(d, names, s, decisions)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// states returns each unit's extent and state.
func states(c *Curation) []string {
	var out []string
	for _, u := range c.Units() {
		out = append(out, fmt.Sprintf("[%d,%d) %s", u.Start, u.End, u.State))
	}
	return out
}

func gold(t *testing.T, c *Curation) []string {
	t.Helper()
	spans, err := c.Gold("curator")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range spans {
		if s.Annotator != "curator" {
			t.Errorf("annotator %q", s.Annotator)
		}
		if want := fmt.Sprintf("gold-%d-%d", s.Start, s.End); s.ID != want {
			t.Errorf("[%d,%d): ID %q, want %q", s.Start, s.End, s.ID, want)
		}
		out = append(out, fmt.Sprintf("[%d,%d) %s", s.Start, s.End, s.Label))
	}
	return out
}

func unitAt(t *testing.T, c *Curation, start int) string {
	t.Helper()
	for _, u := range c.Units() {
		if u.Start == start {
			return u.Key
		}
	}
	t.Fatalf("no unit at %d", start)
	return ""
}

func TestAgreedUnitsMerge(t *testing.T) {
	c := mustNew(t, docOf(layerA, layerB), []string{"a", "b"}, Settings{}, nil)
	want := []string{"[4,16) agreed", "[20,26) open", "[42,53) open", "[54,66) agreed", "[79,94) agreed"}
	if got := states(c); !reflect.DeepEqual(got, want) {
		t.Fatalf("units %v, want %v", got, want)
	}
	if c.OpenUnits() != 2 || c.Curated() {
		t.Fatalf("open %d, curated %v", c.OpenUnits(), c.Curated())
	}
	if got := gold(t, c); !reflect.DeepEqual(got, []string{"[4,16) ACTOR", "[54,66) DATE", "[79,94) CASUALTY"}) {
		t.Fatalf("gold %v", got)
	}
	u, _ := c.Unit(unitAt(t, c, 42))
	if !reflect.DeepEqual(u.Versions, []Version{{"a", []Extent{{48, 53, corpus.Place}}}, {"b", []Extent{{42, 53, corpus.Place}}}}) {
		t.Fatalf("versions %+v", u.Versions)
	}
}

func TestAgreeKOfN(t *testing.T) {
	layerC := []corpus.Span{sp(4, 9, corpus.Actor), sp(48, 53, corpus.Place), sp(54, 66, corpus.Date), sp(79, 94, corpus.Casualty)}
	names := []string{"a", "b", "c"}
	// All three must agree: only the casualty does.
	c := mustNew(t, docOf(layerA, layerB, layerC), names, Settings{}, nil)
	if want := []string{"[4,16) open", "[20,26) open", "[42,53) open", "[54,66) agreed", "[79,94) agreed"}; !reflect.DeepEqual(states(c), want) {
		t.Fatalf("k=n: %v", states(c))
	}
	// Two of three: a and b agree on the army, a and c on موبتي, and a and
	// c on leaving مسلحين out (an empty version can win too).
	c = mustNew(t, docOf(layerA, layerB, layerC), names, Settings{Agree: 2}, nil)
	if !c.Curated() {
		t.Fatalf("k=2: %v", states(c))
	}
	want := []string{"[4,16) ACTOR", "[48,53) PLACE", "[54,66) DATE", "[79,94) CASUALTY"}
	if got := gold(t, c); !reflect.DeepEqual(got, want) {
		t.Fatalf("k=2 gold %v, want %v", got, want)
	}
	// One of two: a tie between two versions stays open.
	c = mustNew(t, docOf(layerA, layerB), []string{"a", "b"}, Settings{Agree: 1}, nil)
	if c.OpenUnits() != 2 {
		t.Fatalf("k=1: %v", states(c))
	}
	if _, err := New(docOf(layerA, layerB), []string{"a", "b"}, Settings{Agree: 3}, nil); err == nil {
		t.Error("agreement of 3 of 2 layers accepted")
	}
	if _, err := New(docOf(layerA, layerB), []string{"a"}, Settings{}, nil); err == nil {
		t.Error("one name for two layers accepted")
	}
}

func TestDecide(t *testing.T) {
	c := mustNew(t, docOf(layerA, layerB), []string{"a", "b"}, Settings{Schema: corpus.Default}, nil)
	armed, place := unitAt(t, c, 20), unitAt(t, c, 42)
	if err := c.Decide(Decision{Unit: armed, Action: Accept, Layer: "b", Who: "salma", When: when}); err != nil {
		t.Fatal(err)
	}
	if c.OpenUnits() != 1 {
		t.Fatalf("open %d", c.OpenUnits())
	}
	edit := Decision{Unit: place, Action: Edit, Layer: "a", Spans: []Extent{{48, 53, corpus.Place}}, Who: "salma", When: when, Reason: "guideline 3: the head noun stays outside"}
	if err := c.Decide(edit); err != nil {
		t.Fatal(err)
	}
	if !c.Curated() {
		t.Fatal("not curated with no unit open")
	}
	want := []string{"[4,16) ACTOR", "[20,26) ACTOR", "[48,53) PLACE", "[54,66) DATE", "[79,94) CASUALTY"}
	if got := gold(t, c); !reflect.DeepEqual(got, want) {
		t.Fatalf("gold %v, want %v", got, want)
	}
	// A later decision replaces the earlier one.
	if err := c.Decide(Decision{Unit: armed, Action: Reject, Who: "omar", When: when.Add(time.Hour), Reason: "armed men unnamed"}); err != nil {
		t.Fatal(err)
	}
	if got := gold(t, c); len(got) != 4 {
		t.Fatalf("gold after reject %v", got)
	}
	u, _ := c.Unit(armed)
	if u.State != Decided || u.Decision.Who != "omar" || u.Decision.Action != Reject || len(u.Gold) != 0 {
		t.Fatalf("unit %+v", u)
	}
	// Undo opens the unit again.
	if err := c.Undo(armed); err != nil {
		t.Fatal(err)
	}
	if c.Curated() || c.OpenUnits() != 1 {
		t.Fatalf("after undo: open %d", c.OpenUnits())
	}
	if err := c.Undo(armed); err == nil {
		t.Error("undo of no decision")
	}
	// Deciding an agreed unit overrides the agreement; undo restores it.
	army := unitAt(t, c, 4)
	if err := c.Decide(Decision{Unit: army, Action: Edit, Spans: []Extent{{4, 9, corpus.Actor}}, Who: "omar", When: when}); err != nil {
		t.Fatal(err)
	}
	if got := gold(t, c)[0]; got != "[4,9) ACTOR" {
		t.Fatalf("edited agreed unit: %v", got)
	}
	if err := c.Undo(army); err != nil {
		t.Fatal(err)
	}
	if u, _ := c.Unit(army); u.State != Agreed || gold(t, c)[0] != "[4,16) ACTOR" {
		t.Fatalf("undo of an agreed unit: %+v", u)
	}
}

func TestDecideRefuses(t *testing.T) {
	c := mustNew(t, docOf(layerA, layerB), []string{"a", "b"}, Settings{Schema: corpus.Default}, nil)
	armed, place := unitAt(t, c, 20), unitAt(t, c, 42)
	ok := Decision{Unit: armed, Action: Accept, Layer: "b", Who: "salma", When: when}
	tests := []struct {
		name string
		edit func(d *Decision)
		want string
	}{
		{"unknown unit", func(d *Decision) { d.Unit = "0-1" }, "no unit 0-1 in document raid"},
		{"no who", func(d *Decision) { d.Who = "" }, "must say who"},
		{"no when", func(d *Decision) { d.When = time.Time{} }, "must say when"},
		{"unknown layer", func(d *Decision) { d.Layer = "z" }, `accept: no layer "z" (the layers are a, b)`},
		{"unknown action", func(d *Decision) { d.Action = "merge" }, `unknown action "merge"`},
		{"reject with spans", func(d *Decision) { d.Action, d.Spans = Reject, []Extent{{20, 26, corpus.Actor}} }, "a rejection puts no span"},
		{"edit without spans", func(d *Decision) { d.Action, d.Layer = Edit, "" }, "edit: no span given"},
		{"edit out of range", func(d *Decision) { d.Action, d.Spans = Edit, []Extent{{90, 96, corpus.Actor}} },
			"edit: span [90,96) ACTOR is out of range: the text has 95 code points"},
		{"edit empty span", func(d *Decision) { d.Action, d.Spans = Edit, []Extent{{22, 22, corpus.Actor}} }, "empty or reversed"},
		{"edit unknown label", func(d *Decision) { d.Action, d.Spans = Edit, []Extent{{20, 26, "PERSON"}} }, `label "PERSON", not in the schema`},
		{"edit overlapping itself", func(d *Decision) {
			d.Action, d.Spans = Edit, []Extent{{20, 24, corpus.Actor}, {23, 26, corpus.Actor}}
		}, "edit: spans [20,24) ACTOR and [23,26) ACTOR overlap"},
		{"edit into another unit's gold", func(d *Decision) { d.Action, d.Spans = Edit, []Extent{{10, 26, corpus.Actor}} },
			"edit: span [10,26) ACTOR overlaps the gold of unit [4,16)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := ok
			tc.edit(&d)
			err := c.Decide(d)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if c.OpenUnits() != 2 {
				t.Fatalf("a refused decision changed the state: %v", states(c))
			}
		})
	}
	// An edit may reach outside its unit into unmarked text; a later
	// decision that overlaps that gold is refused.
	if err := c.Decide(Decision{Unit: armed, Action: Edit, Spans: []Extent{{20, 45, corpus.Actor}}, Who: "salma", When: when}); err != nil {
		t.Fatal(err)
	}
	err := c.Decide(Decision{Unit: place, Action: Accept, Layer: "b", Who: "salma", When: when})
	if err == nil || !strings.Contains(err.Error(), "overlaps the gold of unit [20,26)") {
		t.Fatalf("error %v", err)
	}
}

func TestRemergeKeepsDecisions(t *testing.T) {
	names := []string{"a", "b"}
	c := mustNew(t, docOf(layerA, layerB), names, Settings{}, nil)
	armed, place := unitAt(t, c, 20), unitAt(t, c, 42)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(c.Decide(Decision{Unit: armed, Action: Accept, Layer: "b", Who: "salma", When: when}))
	must(c.Decide(Decision{Unit: place, Action: Edit, Spans: []Extent{{48, 53, corpus.Place}}, Who: "salma", When: when, Reason: "head noun"}))

	// The decisions go through JSON, as the app stores them.
	b, err := json.Marshal(c.Decisions())
	if err != nil {
		t.Fatal(err)
	}
	var stored []Decision
	if err := json.Unmarshal(b, &stored); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stored, c.Decisions()) {
		t.Fatalf("JSON round trip\n got %+v\nwant %+v", stored, c.Decisions())
	}

	// Layer a gains an unrelated span ("قرية" [34,38), PLACE): both
	// decisions still apply, and the new unit is open.
	a2 := append([]corpus.Span{}, layerA[:1]...)
	a2 = append(a2, sp(34, 38, corpus.Place))
	a2 = append(a2, layerA[1:]...)
	c2 := mustNew(t, docOf(a2, layerB), names, Settings{}, stored)
	if len(c2.Stale()) != 0 {
		t.Fatalf("stale %v", c2.Stale())
	}
	want := []string{"[4,16) agreed", "[20,26) decided", "[34,38) open", "[42,53) decided", "[54,66) agreed", "[79,94) agreed"}
	if got := states(c2); !reflect.DeepEqual(got, want) {
		t.Fatalf("units %v, want %v", got, want)
	}
	if u, _ := c2.Unit(place); u.Decision.Reason != "head noun" || u.Decision.Who != "salma" || !u.Decision.When.Equal(when) {
		t.Fatalf("decision %+v", u.Decision)
	}

	// Layer b's place changes: that decision's unit is gone, so the
	// decision is stale (not applied) and the unit is open; the other holds.
	b2 := append([]corpus.Span{}, layerB...)
	b2[2] = sp(43, 53, corpus.Place)
	c3 := mustNew(t, docOf(a2, b2), names, Settings{}, stored)
	if len(c3.Stale()) != 1 || c3.Stale()[0].Decision.Unit != place || !strings.Contains(c3.Stale()[0].Why, "no longer") {
		t.Fatalf("stale %+v", c3.Stale())
	}
	want = []string{"[4,16) agreed", "[20,26) decided", "[34,38) open", "[43,53) open", "[54,66) agreed", "[79,94) agreed"}
	if got := states(c3); !reflect.DeepEqual(got, want) {
		t.Fatalf("units %v, want %v", got, want)
	}
	// Stale decisions are kept for the app to store and show.
	if got := c3.Decisions(); len(got) != 2 || got[1].Unit != place {
		t.Fatalf("decisions %+v", got)
	}
}

// A stored decision that no longer fits is stale, not applied, and New
// does not fail.
func TestRemergeConflictIsStale(t *testing.T) {
	names := []string{"a", "b"}
	c := mustNew(t, docOf(layerA, layerB), names, Settings{}, nil)
	armed := unitAt(t, c, 20)
	if err := c.Decide(Decision{Unit: armed, Action: Edit, Spans: []Extent{{20, 40, corpus.Actor}}, Who: "salma", When: when}); err != nil {
		t.Fatal(err)
	}
	stored := c.Decisions()
	// Both layers now agree on قرية [34,38): the edit would overlap it.
	a2 := append(append(append([]corpus.Span{}, layerA[:1]...), sp(34, 38, corpus.Place)), layerA[1:]...)
	b2 := append(append(append([]corpus.Span{}, layerB[:2]...), sp(34, 38, corpus.Place)), layerB[2:]...)
	c2 := mustNew(t, docOf(a2, b2), names, Settings{}, stored)
	if len(c2.Stale()) != 1 || !strings.Contains(c2.Stale()[0].Why, "overlaps the gold of unit [34,38)") {
		t.Fatalf("stale %+v", c2.Stale())
	}
	if _, err := c2.Gold("x"); err != nil {
		t.Fatal(err)
	}
}
