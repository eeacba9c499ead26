package corpus

import (
	"strings"
	"testing"
	"time"
)

func TestValidateLayer(t *testing.T) {
	tests := []struct {
		name  string
		layer Layer
		want  string // the exact message; "" for no error
	}{
		{"human", Layer{Name: "سلمى", Kind: LayerHuman, Spans: []Span{sp(0, 3, Actor), sp(6, 10, Place)}}, ""},
		{"system, no spans", Layer{Name: "model-v2", Kind: LayerSystem}, ""},
		{"gold", Layer{Name: "gold", Kind: LayerGold, Spans: []Span{sp(0, 10, Casualty)}}, ""},
		{"longest name", Layer{Name: strings.Repeat("ب", MaxLayerName), Kind: LayerHuman}, ""},
		{"empty name", Layer{Kind: LayerHuman}, "a layer needs a name"},
		{"name too long", Layer{Name: strings.Repeat("ب", MaxLayerName+1), Kind: LayerHuman}, `layer name "` + strings.Repeat("ب", MaxLayerName+1) + `" is longer than 100 characters`},
		{"name not UTF-8", Layer{Name: "a\xff", Kind: LayerHuman}, `layer name "a\xff" is not valid UTF-8`},
		{"leading space", Layer{Name: " سلمى", Kind: LayerHuman}, `layer name " سلمى" begins or ends with a space`},
		{"control character", Layer{Name: "a\tb", Kind: LayerHuman}, `layer name "a\tb" holds a control character`},
		{"unknown kind", Layer{Name: "a", Kind: "robot"}, `layer "a": unknown kind "robot" (want human, system or gold)`},
		{"no kind", Layer{Name: "a"}, `layer "a": unknown kind "" (want human, system or gold)`},
		{"span out of range", Layer{Name: "a", Kind: LayerHuman, Spans: []Span{sp(6, 11, Place)}}, `layer "a": span 1 [6,11) PLACE: out of range: the text has 10 code points`},
		{"overlap", Layer{Name: "a", Kind: LayerHuman, Spans: []Span{sp(0, 5, Actor), sp(3, 6, Place)}}, `layer "a": span 2 [3,6) PLACE: overlaps span 1 [0,5) ACTOR`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateLayer(tt.layer, 10)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("ValidateLayer = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLayerInfo(t *testing.T) {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	l := Layer{Name: "b", Kind: LayerSystem, Imported: at, Source: "b.jsonl", Spans: []Span{sp(0, 1, Actor), sp(2, 3, Date)}}
	want := LayerInfo{Name: "b", Kind: LayerSystem, Count: 2, Imported: at, Source: "b.jsonl"}
	if got := l.Info(); got != want {
		t.Errorf("Info() = %+v, want %+v", got, want)
	}
}

func TestLayerKindValid(t *testing.T) {
	for _, tt := range []struct {
		kind LayerKind
		want bool
	}{{LayerHuman, true}, {LayerSystem, true}, {LayerGold, true}, {"", false}, {"Human", false}} {
		if got := tt.kind.Valid(); got != tt.want {
			t.Errorf("%q.Valid() = %v, want %v", tt.kind, got, tt.want)
		}
	}
}
