// Package curation merges a document's annotation layers into gold: units
// on which enough layers agree are merged as they are, and a curator
// decides each remaining unit (accept one layer's version, edit it, or
// reject all). Decisions are keyed by their unit's content, so they
// survive changes elsewhere in the layers and are reported stale when
// their unit changes.
package curation

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

// Settings say how units merge without a decision.
type Settings struct {
	// Agree is how many layers must have the same version of a unit (the
	// same spans in it, or none) for it to merge without a decision: 0
	// means all of them. A version merges only when no other has as many
	// layers.
	Agree int
	// Schema, when set, lists the labels an edit may use.
	Schema *corpus.Schema
}

// Action is what a curator decided for a unit.
type Action string

// The actions.
const (
	Accept Action = "accept" // take one layer's version
	Edit   Action = "edit"   // put new spans in gold
	Reject Action = "reject" // put nothing in gold
)

// Extent is a span as a decision records it.
type Extent struct {
	Start int          `json:"start"`
	End   int          `json:"end"`
	Label corpus.Label `json:"label"`
}

// Decision is a curator's ruling on one unit.
type Decision struct {
	// Unit is the key of the unit decided (UnitState.Key).
	Unit   string `json:"unit"`
	Action Action `json:"action"`
	// Layer is the layer whose version is accepted, or (optional) the
	// version an edit started from.
	Layer string `json:"layer,omitempty"`
	// Spans are what the decision puts in gold: the accepted version, the
	// edited spans, or none for a rejection.
	Spans  []Extent  `json:"spans,omitempty"`
	Who    string    `json:"who"`
	When   time.Time `json:"when"`
	Reason string    `json:"reason,omitempty"`
}

// State is where a unit stands.
type State string

// The unit states.
const (
	Agreed  State = "agreed"  // merged without a decision
	Decided State = "decided" // merged by a decision
	Open    State = "open"    // waiting for a decision
)

// Version is one layer's spans in a unit.
type Version struct {
	Layer string   `json:"layer"`
	Spans []Extent `json:"spans"`
}

// UnitState is a unit of the document with its versions and its outcome.
type UnitState struct {
	Key      string    `json:"key"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	State    State     `json:"state"`
	Versions []Version `json:"versions"`
	// Gold is what the unit puts in gold (nil while open).
	Gold     []Extent  `json:"gold,omitempty"`
	Decision *Decision `json:"decision,omitempty"`
}

// Curation is the curation of one document.
type Curation struct {
	doc      *align.Doc
	layers   []string
	settings Settings
	units    []UnitState
	byKey    map[string]int
	agreed   [][]Extent // what each unit merges to without a decision; nil when none
	open     int
	stale    []Stale
	outside  map[int]bool // units whose gold reaches beyond their extent
}

// Stale is an earlier decision that no longer applies, and why.
type Stale struct {
	Decision Decision `json:"decision"`
	Why      string   `json:"why"`
}

// New aligns doc's layers (named by layers, in order) and applies the
// earlier decisions in order: each one whose unit is still there decides
// it; the others, and those that no longer fit (such as an edit that now
// overlaps another unit's gold), are kept as stale, never applied. Each
// layer must be sorted and free of overlaps.
func New(doc *align.Doc, layers []string, s Settings, decisions []Decision) (*Curation, error) {
	n := len(layers)
	if n == 0 || n != len(doc.Spans) {
		return nil, fmt.Errorf("document %s: %d layer names for %d layers", doc.ID, n, len(doc.Spans))
	}
	k := s.Agree
	if k == 0 {
		k = n
	}
	if k < 1 || k > n {
		return nil, fmt.Errorf("agreement of %d layers asked of %d", s.Agree, n)
	}
	a := align.Align(doc.Spans)
	c := &Curation{doc: doc, layers: layers, settings: s, byKey: make(map[string]int, len(a.Units)), outside: map[int]bool{}}
	c.units = make([]UnitState, len(a.Units))
	c.agreed = make([][]Extent, len(a.Units))
	var key strings.Builder
	for i := range a.Units {
		u := &a.Units[i]
		st := UnitState{Start: u.Start, End: u.End, Versions: make([]Version, n)}
		for li := range layers {
			st.Versions[li] = Version{Layer: layers[li], Spans: extents(a.Spans(u, li))}
		}
		st.Key = unitKey(&key, &st)
		if win, ok := majority(st.Versions, k); ok {
			c.agreed[i] = nonNil(win)
			st.State, st.Gold = Agreed, c.agreed[i]
		} else {
			st.State = Open
			c.open++
		}
		c.units[i] = st
		c.byKey[st.Key] = i
	}
	for _, d := range decisions {
		if _, ok := c.byKey[d.Unit]; !ok {
			c.stale = append(c.stale, Stale{d, "its unit is no longer in the layers"})
			continue
		}
		if err := c.Decide(d); err != nil {
			c.stale = append(c.stale, Stale{d, err.Error()})
		}
	}
	return c, nil
}

func nonNil(e []Extent) []Extent {
	if e == nil {
		return []Extent{}
	}
	return e
}

func extents(spans []corpus.Span) []Extent {
	out := make([]Extent, len(spans))
	for i, s := range spans {
		out[i] = Extent{s.Start, s.End, s.Label}
	}
	return out
}

// unitKey is a unit's identity: its extent and every layer's spans in it.
func unitKey(b *strings.Builder, u *UnitState) string {
	b.Reset()
	b.WriteString(strconv.Itoa(u.Start))
	b.WriteByte('-')
	b.WriteString(strconv.Itoa(u.End))
	for _, v := range u.Versions {
		b.WriteByte('|')
		b.WriteString(strconv.Quote(v.Layer))
		b.WriteByte(':')
		for i, e := range v.Spans {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(e.Start))
			b.WriteByte('-')
			b.WriteString(strconv.Itoa(e.End))
			b.WriteByte(' ')
			b.WriteString(string(e.Label))
		}
	}
	return b.String()
}

// majority returns the version that at least k layers share and no other
// version matches in number.
func majority(vs []Version, k int) ([]Extent, bool) {
	best, bestN, tie := -1, 0, false
	for i := range vs {
		cnt := 0
		for j := range vs {
			if slices.Equal(vs[i].Spans, vs[j].Spans) {
				cnt++
			}
		}
		switch {
		case cnt > bestN:
			best, bestN, tie = i, cnt, false
		case cnt == bestN && !slices.Equal(vs[i].Spans, vs[best].Spans):
			tie = true
		}
	}
	if best < 0 || bestN < k || tie {
		return nil, false
	}
	return vs[best].Spans, true
}

// Decide applies d to its unit, replacing any earlier decision on it. It
// checks that the unit exists, that d names who decided and when, that an
// accepted layer exists (its version becomes d's spans) and that edited
// spans are in the text, non-empty, of known labels, and overlap neither
// each other nor the gold of another unit.
func (c *Curation) Decide(d Decision) error {
	i, ok := c.byKey[d.Unit]
	if !ok {
		return fmt.Errorf("no unit %s in document %s (the layers changed there since?)", d.Unit, c.doc.ID)
	}
	if d.Who == "" {
		return errors.New("a decision must say who made it")
	}
	if d.When.IsZero() {
		return errors.New("a decision must say when it was made")
	}
	u := &c.units[i]
	switch d.Action {
	case Accept:
		li := slices.Index(c.layers, d.Layer)
		if li < 0 {
			return fmt.Errorf("accept: no layer %q (the layers are %s)", d.Layer, strings.Join(c.layers, ", "))
		}
		d.Spans = slices.Clone(u.Versions[li].Spans)
	case Reject:
		if len(d.Spans) > 0 {
			return errors.New("reject: a rejection puts no span in gold")
		}
		d.Spans = nil
	case Edit:
		if d.Layer != "" && !slices.Contains(c.layers, d.Layer) {
			return fmt.Errorf("edit: no layer %q (the layers are %s)", d.Layer, strings.Join(c.layers, ", "))
		}
		if len(d.Spans) == 0 {
			return errors.New("edit: no span given (reject the unit instead)")
		}
		d.Spans = slices.Clone(d.Spans)
		slices.SortFunc(d.Spans, func(a, b Extent) int { return a.Start - b.Start })
		for j, e := range d.Spans {
			switch {
			case e.Start < 0 || e.End > c.doc.Length:
				return fmt.Errorf("edit: span [%d,%d) %s is out of range: the text has %d code points", e.Start, e.End, e.Label, c.doc.Length)
			case e.Start >= e.End:
				return fmt.Errorf("edit: span [%d,%d) %s is empty or reversed", e.Start, e.End, e.Label)
			case e.Label == "":
				return fmt.Errorf("edit: span [%d,%d) has no label", e.Start, e.End)
			case c.settings.Schema != nil && !c.settings.Schema.Has(e.Label):
				return fmt.Errorf("edit: span [%d,%d) has label %q, not in the schema %v", e.Start, e.End, e.Label, c.settings.Schema.Names())
			case j > 0 && d.Spans[j-1].End > e.Start:
				p := d.Spans[j-1]
				return fmt.Errorf("edit: spans [%d,%d) %s and [%d,%d) %s overlap", p.Start, p.End, p.Label, e.Start, e.End, e.Label)
			}
		}
	default:
		return fmt.Errorf("unknown action %q (want accept, edit or reject)", d.Action)
	}
	if j, e, ok := c.conflict(i, d.Spans); ok {
		o := &c.units[j]
		return fmt.Errorf("%s: span [%d,%d) %s overlaps the gold of unit [%d,%d)", d.Action, e.Start, e.End, e.Label, o.Start, o.End)
	}
	if u.State == Open {
		c.open--
	}
	dd := d
	u.Decision, u.State, u.Gold = &dd, Decided, nonNil(d.Spans)
	c.track(i)
	return nil
}

// Undo removes the decision on unit key, which merges again as it would
// without one.
func (c *Curation) Undo(key string) error {
	i, ok := c.byKey[key]
	if !ok || c.units[i].Decision == nil {
		return fmt.Errorf("no decision on unit %s", key)
	}
	u := &c.units[i]
	u.Decision = nil
	if c.agreed[i] != nil {
		u.State, u.Gold = Agreed, c.agreed[i]
	} else {
		u.State, u.Gold = Open, nil
		c.open++
	}
	c.track(i)
	return nil
}

// track notes whether unit i's gold reaches beyond its extent.
func (c *Curation) track(i int) {
	u := &c.units[i]
	delete(c.outside, i)
	for _, e := range u.Gold {
		if e.Start < u.Start || e.End > u.End {
			c.outside[i] = true
		}
	}
}

// conflict finds a unit other than i whose gold overlaps one of spans.
// Units whose gold stays in their extent are found by binary search; the
// few reaching beyond are checked one by one.
func (c *Curation) conflict(i int, spans []Extent) (int, Extent, bool) {
	overlaps := func(j int, e Extent) bool {
		for _, g := range c.units[j].Gold {
			if g.Start < e.End && e.Start < g.End {
				return true
			}
		}
		return false
	}
	for _, e := range spans {
		j, _ := slices.BinarySearchFunc(c.units, e.Start, func(u UnitState, t int) int {
			if u.End <= t {
				return -1
			}
			return 1
		})
		for ; j < len(c.units) && c.units[j].Start < e.End; j++ {
			if j != i && overlaps(j, e) {
				return j, e, true
			}
		}
		for j := range c.outside {
			if j != i && overlaps(j, e) {
				return j, e, true
			}
		}
	}
	return 0, Extent{}, false
}

// Units returns the document's units in text order.
func (c *Curation) Units() []UnitState { return c.units }

// Unit returns the unit of key.
func (c *Curation) Unit(key string) (UnitState, bool) {
	i, ok := c.byKey[key]
	if !ok {
		return UnitState{}, false
	}
	return c.units[i], true
}

// OpenUnits returns how many units wait for a decision.
func (c *Curation) OpenUnits() int { return c.open }

// Curated reports whether no unit is open.
func (c *Curation) Curated() bool { return c.open == 0 }

// Stale returns the earlier decisions that New could not apply.
func (c *Curation) Stale() []Stale { return c.stale }

// Decisions returns the decisions in force, in text order, with the stale
// ones after them: what the app stores.
func (c *Curation) Decisions() []Decision {
	var out []Decision
	for i := range c.units {
		if d := c.units[i].Decision; d != nil {
			out = append(out, *d)
		}
	}
	for _, s := range c.stale {
		out = append(out, s.Decision)
	}
	return out
}

// GoldID is the ID of the gold span [start, end): gold spans never overlap,
// so their extent names them, and a span keeps its ID from one decision's
// gold to the next (and from one export to the next).
func GoldID(start, end int) string {
	return "gold-" + strconv.Itoa(start) + "-" + strconv.Itoa(end)
}

// Gold returns the gold spans of the units merged or decided so far,
// sorted, checked against the span rules (corpus.ValidateSpans with the
// settings' schema). Annotator is set on every span, and its ID is GoldID.
func (c *Curation) Gold(annotator string) ([]corpus.Span, error) {
	var out []corpus.Span
	for i := range c.units {
		for _, e := range c.units[i].Gold {
			out = append(out, corpus.Span{ID: GoldID(e.Start, e.End), Start: e.Start, End: e.End, Label: e.Label, Annotator: annotator})
		}
	}
	corpus.SortSpans(out)
	if err := corpus.ValidateSpans(out, c.doc.Length, c.settings.Schema); err != nil {
		return nil, fmt.Errorf("document %s: gold breaks the span rules: %w", c.doc.ID, err)
	}
	return out, nil
}
