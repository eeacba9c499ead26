package curate

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/curation"
	"github.com/raqim/raqim/internal/store"
)

// text is an invented report (95 code points); the layers mark الجيش
// المالي [4,16), مسلحين [20,26), (منطقة) موبتي [42,53) or [48,53), فجر
// الثلاثاء [54,66) and مقتل ستة مدنيين [79,94).
const text = "قال الجيش المالي إن مسلحين هاجموا قرية في منطقة موبتي فجر الثلاثاء، ما أسفر عن مقتل ستة مدنيين."

func sp(start, end int, l corpus.Label) corpus.Span {
	return corpus.Span{Start: start, End: end, Label: l}
}

var (
	salma = []corpus.Span{sp(4, 16, corpus.Actor), sp(48, 53, corpus.Place), sp(54, 66, corpus.Date), sp(79, 94, corpus.Casualty)}
	zaid  = []corpus.Span{sp(4, 16, corpus.Actor), sp(20, 26, corpus.Actor), sp(42, 53, corpus.Place), sp(54, 66, corpus.Date), sp(79, 94, corpus.Casualty)}
	when  = time.Date(2026, 1, 24, 10, 0, 0, 0, time.UTC)
)

// setup stores the report with own as its own spans and the human layers
// given by name.
func setup(t *testing.T, own []corpus.Span, layers map[string][]corpus.Span) *store.Memory {
	t.Helper()
	st := store.NewMemory()
	if err := st.Add([]corpus.Document{{ID: "raid", Title: "غارة", Text: text, Spans: own}}); err != nil {
		t.Fatal(err)
	}
	var puts []store.LayerPut
	for name, spans := range layers {
		puts = append(puts, store.LayerPut{Doc: "raid", Layer: corpus.Layer{Name: name, Kind: corpus.LayerHuman, Spans: spans}})
	}
	if err := st.PutLayers(puts); err != nil {
		t.Fatal(err)
	}
	return st
}

func open(t *testing.T, st store.Store) *Session {
	t.Helper()
	s, err := Open(st, "raid", Options{Own: "Huda", Schema: corpus.Default, Now: func() time.Time { return when }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func keyAt(t *testing.T, s *Session, start int) string {
	t.Helper()
	for _, u := range s.Curation().Units() {
		if u.Start == start {
			return u.Key
		}
	}
	t.Fatalf("no unit at %d", start)
	return ""
}

// goldOf returns the stored gold layer's spans and open units.
func goldOf(t *testing.T, st store.Store) ([]string, int) {
	t.Helper()
	l, err := st.Layer("raid", Gold)
	if errors.Is(err, store.ErrNoLayer) {
		return nil, -1
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range l.Spans {
		out = append(out, fmt.Sprintf("[%d,%d) %s %s", s.Start, s.End, s.Label, s.Annotator))
	}
	return out, l.Curation.Open
}

func TestOpenChoosesLayers(t *testing.T) {
	tests := []struct {
		name   string
		own    []corpus.Span
		layers map[string][]corpus.Span
		want   []string // nil: Open fails
	}{
		{"two annotators", nil, map[string][]corpus.Span{"Salma": salma, "Zaid": zaid}, []string{"Salma", "Zaid"}},
		{"own spans first", salma, map[string][]corpus.Span{"Zaid": zaid}, []string{"Huda", "Zaid"}},
		{"one layer only", nil, map[string][]corpus.Span{"Zaid": zaid}, nil},
		{"own named like a layer is left out", salma, map[string][]corpus.Span{"Huda": zaid, "Zaid": salma}, []string{"Huda", "Zaid"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := setup(t, tt.own, tt.layers)
			if err := st.PutLayers([]store.LayerPut{{Doc: "raid", Layer: corpus.Layer{Name: "model", Kind: corpus.LayerSystem, Spans: zaid}}}); err != nil {
				t.Fatal(err)
			}
			s, err := Open(st, "raid", Options{Own: "Huda"})
			if tt.want == nil {
				if err == nil {
					t.Fatalf("Open succeeded with layers %v", s.Layers())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(s.Layers(), tt.want) {
				t.Fatalf("layers %v, want %v", s.Layers(), tt.want)
			}
			if !s.Fresh() {
				t.Error("a curation never stored is not fresh")
			}
		})
	}
}

func TestDecideStoresGold(t *testing.T) {
	st := setup(t, nil, map[string][]corpus.Span{"Salma": salma, "Zaid": zaid})
	s := open(t, st)
	if got := s.Curation().OpenUnits(); got != 2 {
		t.Fatalf("open units %d, want 2 (مسلحين and موبتي)", got)
	}
	steps := []struct {
		name     string
		at       int  // the start of the unit decided
		undo     bool // undo the decision on it instead
		d        curation.Decision
		wantGold []string
		wantOpen int
	}{
		{"accept Zaid's موبتي", 42, false, curation.Decision{Action: curation.Accept, Layer: "Zaid"},
			[]string{"[4,16) ACTOR Huda", "[42,53) PLACE Huda", "[54,66) DATE Huda", "[79,94) CASUALTY Huda"}, 1},
		{"reject مسلحين", 20, false, curation.Decision{Action: curation.Reject, Reason: "not named"},
			[]string{"[4,16) ACTOR Huda", "[42,53) PLACE Huda", "[54,66) DATE Huda", "[79,94) CASUALTY Huda"}, 0},
		{"undo the rejection", 20, true, curation.Decision{},
			[]string{"[4,16) ACTOR Huda", "[42,53) PLACE Huda", "[54,66) DATE Huda", "[79,94) CASUALTY Huda"}, 1},
		{"edit مسلحين to an actor", 20, false, curation.Decision{Action: curation.Edit, Spans: []curation.Extent{{Start: 20, End: 26, Label: corpus.Actor}}},
			[]string{"[4,16) ACTOR Huda", "[20,26) ACTOR Huda", "[42,53) PLACE Huda", "[54,66) DATE Huda", "[79,94) CASUALTY Huda"}, 0},
	}
	for _, step := range steps {
		var err error
		if step.undo {
			err = s.Revert(keyAt(t, s, step.at))
		} else {
			d := step.d
			d.Unit = keyAt(t, s, step.at)
			err = s.Apply(d)
		}
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		gold, open := goldOf(t, st)
		if !reflect.DeepEqual(gold, step.wantGold) || open != step.wantOpen {
			t.Fatalf("%s: stored gold %v with %d open, want %v with %d", step.name, gold, open, step.wantGold, step.wantOpen)
		}
		if s.Fresh() {
			t.Fatalf("%s: the session's record is not the one stored", step.name)
		}
	}
	// Opened again: the same decisions, each with who, when and reason.
	again := open(t, st)
	if !reflect.DeepEqual(again.Curation().Decisions(), s.Curation().Decisions()) || again.Fresh() {
		t.Fatalf("reopened decisions %+v, want %+v", again.Curation().Decisions(), s.Curation().Decisions())
	}
	for _, d := range again.Curation().Decisions() {
		if d.Who != "Huda" || !d.When.Equal(when) {
			t.Errorf("decision %+v: who and when not kept", d)
		}
	}
	l, _ := st.Layer("raid", Gold)
	if l.Kind != corpus.LayerGold || !reflect.DeepEqual(l.Curation.Curators, []string{"Huda"}) || l.Curation.Units != 5 {
		t.Errorf("gold layer record %+v", l.Curation.CurationInfo)
	}
}

// failing is a store whose PutLayers fails.
type failing struct{ store.Store }

func (failing) PutLayers([]store.LayerPut) error { return errors.New("the disk is full") }

func TestFailedStoreLeavesAllAsBefore(t *testing.T) {
	st := setup(t, nil, map[string][]corpus.Span{"Salma": salma, "Zaid": zaid})
	s := open(t, st)
	if err := s.Apply(curation.Decision{Unit: keyAt(t, s, 42), Action: curation.Accept, Layer: "Salma"}); err != nil {
		t.Fatal(err)
	}
	before, _ := goldOf(t, st)
	s.st = failing{st}
	tests := []struct {
		name string
		do   func() error
	}{
		{"accept", func() error {
			return s.Apply(curation.Decision{Unit: keyAt(t, s, 20), Action: curation.Accept, Layer: "Zaid"})
		}},
		{"replace a decision", func() error {
			return s.Apply(curation.Decision{Unit: keyAt(t, s, 42), Action: curation.Reject})
		}},
		{"undo", func() error { return s.Revert(keyAt(t, s, 42)) }},
	}
	for _, tt := range tests {
		if err := tt.do(); err == nil {
			t.Fatalf("%s: no error from a failing store", tt.name)
		}
		if got, open := goldOf(t, st); !reflect.DeepEqual(got, before) || open != 1 {
			t.Fatalf("%s: stored gold %v (%d open), want %v", tt.name, got, open, before)
		}
		if s.Curation().OpenUnits() != 1 || len(s.Curation().Decisions()) != 1 || s.Curation().Decisions()[0].Layer != "Salma" {
			t.Fatalf("%s: session after the failure %+v", tt.name, s.Curation().Decisions())
		}
	}
}

func TestReopenAfterLayerChanged(t *testing.T) {
	st := setup(t, nil, map[string][]corpus.Span{"Salma": salma, "Zaid": zaid})
	s := open(t, st)
	for _, d := range []curation.Decision{
		{Unit: keyAt(t, s, 42), Action: curation.Accept, Layer: "Zaid"},
		{Unit: keyAt(t, s, 20), Action: curation.Reject},
	} {
		if err := s.Apply(d); err != nil {
			t.Fatal(err)
		}
	}
	// Salma marks مسلحين too: that unit changes, موبتي does not.
	changed := append([]corpus.Span{salma[0], sp(20, 26, corpus.Actor)}, salma[1:]...)
	if err := st.PutLayers([]store.LayerPut{{Doc: "raid", Layer: corpus.Layer{Name: "Salma", Kind: corpus.LayerHuman, Spans: changed}}}); err != nil {
		t.Fatal(err)
	}
	again := open(t, st)
	c := again.Curation()
	if len(c.Stale()) != 1 || c.Stale()[0].Decision.Action != curation.Reject {
		t.Fatalf("stale %+v, want the rejection of مسلحين", c.Stale())
	}
	u, _ := c.Unit(keyAt(t, again, 42))
	if u.State != curation.Decided || u.Decision.Layer != "Zaid" {
		t.Fatalf("موبتي's decision not kept: %+v", u)
	}
	if c.OpenUnits() != 0 || !again.Fresh() {
		t.Fatalf("open %d (both agree on مسلحين now), fresh %v", c.OpenUnits(), again.Fresh())
	}
	// Two of two, then one of two (a tie stays open): decisions kept.
	put, err := again.SetAgree(1)
	if err != nil || put.Layer.Curation.Agree != 1 || again.Curation().Stale() != nil && len(again.Curation().Stale()) != 1 {
		t.Fatalf("SetAgree(1): %v %+v", err, put.Layer.Curation)
	}
	if _, err := again.SetAgree(3); err == nil {
		t.Fatal("SetAgree(3) of two layers succeeded")
	}
}
