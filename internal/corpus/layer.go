package corpus

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/locale"
)

// LayerKind says who made a layer.
type LayerKind string

// The kinds of layer.
const (
	// LayerHuman is a human annotator's layer, read-only until curated.
	LayerHuman LayerKind = "human"
	// LayerSystem is an extractor's predictions, to be scored.
	LayerSystem LayerKind = "system"
	// LayerGold is the curated layer.
	LayerGold LayerKind = "gold"
)

// LayerKinds lists the kinds of layer.
var LayerKinds = []LayerKind{LayerHuman, LayerSystem, LayerGold}

// Valid reports whether k is one of LayerKinds.
func (k LayerKind) Valid() bool { return slices.Contains(LayerKinds, k) }

// MaxLayerName is the most code points a layer's name may have.
const MaxLayerName = 100

// Layer is one named annotation of a document besides its own spans (the
// user's, the ones they edit): another annotator's, a system's or the gold.
// Its spans index the document's text as the document's own do.
type Layer struct {
	Name string    `json:"name"`
	Kind LayerKind `json:"kind"`
	// Imported is when the layer was imported; zero for one made here.
	Imported time.Time `json:"imported,omitzero"`
	// Source names the file the layer was imported from.
	Source string `json:"source,omitempty"`
	// Spans are the layer's spans, sorted by Start.
	Spans []Span `json:"spans"`
	// Curation, on a gold layer made here, is the curation that made it.
	Curation *Curation `json:"curation,omitempty"`
}

// LayerInfo is what a list of a document's layers shows of one: no spans.
type LayerInfo struct {
	Name     string    `json:"name"`
	Kind     LayerKind `json:"kind"`
	Count    int       `json:"count"` // spans
	Imported time.Time `json:"imported,omitzero"`
	Source   string    `json:"source,omitempty"`
	// Curation is what the list shows of the curation that made a gold layer.
	Curation *CurationInfo `json:"curation,omitempty"`
}

// Info returns what a list of layers shows of l.
func (l Layer) Info() LayerInfo {
	in := LayerInfo{Name: l.Name, Kind: l.Kind, Count: len(l.Spans), Imported: l.Imported, Source: l.Source}
	if c := l.Curation.Clone(); c != nil {
		in.Curation = &c.CurationInfo
	}
	return in
}

// ValidLayerName returns an error naming what is wrong with name as a
// layer's name: empty, longer than MaxLayerName code points, not UTF-8,
// with control characters or with leading or trailing spaces.
func ValidLayerName(name string) error {
	switch {
	case name == "":
		return locale.Errorf("a layer needs a name")
	case !utf8.ValidString(name):
		return locale.Errorf("layer name %q is not valid UTF-8", name)
	case utf8.RuneCountInString(name) > MaxLayerName:
		return locale.Errorf("layer name %q is longer than %d characters", name, MaxLayerName)
	case strings.TrimSpace(name) != name:
		return locale.Errorf("layer name %q begins or ends with a space", name)
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return locale.Errorf("layer name %q holds a control character", name)
	}
	return nil
}

// ValidateLayer checks l as a layer of a text of n code points: its name
// (ValidLayerName), its kind, and its spans (ValidateSpans, no schema).
func ValidateLayer(l Layer, n int) error {
	if err := ValidLayerName(l.Name); err != nil {
		return err
	}
	if !l.Kind.Valid() {
		return locale.Errorf("layer %q: unknown kind %q (want human, system or gold)", l.Name, l.Kind)
	}
	if err := ValidateSpans(l.Spans, n, nil); err != nil {
		return locale.Errorf("layer %q: %v", l.Name, err)
	}
	if l.Curation != nil && l.Kind != LayerGold {
		return locale.Errorf("layer %q: only a gold layer records a curation", l.Name)
	}
	if c := l.Curation; c != nil && (len(c.Decisions) > 0 && !json.Valid(c.Decisions) || c.Open < 0 || c.Open > c.Units) {
		return locale.Errorf("layer %q: its curation record is not valid", l.Name)
	}
	return nil
}

// CurationInfo is what a list of layers shows of the curation that made a
// gold layer: which layers were curated, the agreement asked, and how many
// units are still open.
type CurationInfo struct {
	// Layers names the layers curated, in order.
	Layers []string `json:"layers"`
	// Agree is how many layers must agree for a unit to merge by itself (0: all).
	Agree int `json:"agree,omitempty"`
	// Units counts the units of the document's layers; Open those waiting for a decision.
	Units int `json:"units"`
	Open  int `json:"open"`
	// Curators names who made the decisions in force, sorted.
	Curators []string `json:"curators,omitempty"`
}

// Curated reports whether no unit is open.
func (c CurationInfo) Curated() bool { return c.Open == 0 }

// Curation is the curation that made a gold layer: what a list shows of it,
// and its decisions, as package curation writes them (a JSON array).
type Curation struct {
	CurationInfo
	Decisions json.RawMessage `json:"decisions,omitempty"`
}

// Clone returns a copy of c sharing nothing with it (nil for nil).
func (c *Curation) Clone() *Curation {
	if c == nil {
		return nil
	}
	out := *c
	out.Layers = slices.Clone(c.Layers)
	out.Curators = slices.Clone(c.Curators)
	out.Decisions = slices.Clone(c.Decisions)
	return &out
}
