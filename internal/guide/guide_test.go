package guide

import (
	"fmt"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

func checkText(t *testing.T, where string, x Text) {
	t.Helper()
	if strings.TrimSpace(x.Ar) == "" || strings.TrimSpace(x.En) == "" {
		t.Errorf("%s: Ar and En must both be non-empty: %+v", where, x)
	}
	for _, s := range []string{x.Ar, x.En} {
		if strings.ContainsAny(s, "<>") {
			t.Errorf("%s: looks like markup: %q", where, s)
		}
	}
}

func TestLabels(t *testing.T) {
	g := Default()
	if len(g.Labels) != len(corpus.Default.Labels) {
		t.Errorf("%d label guides, schema has %d labels", len(g.Labels), len(corpus.Default.Labels))
	}
	for i, def := range corpus.Default.Labels {
		lg, ok := labelGuide(g, def.Name)
		if !ok {
			t.Errorf("no guide for label %s", def.Name)
			continue
		}
		if i < len(g.Labels) && g.Labels[i].Label != def.Name {
			t.Errorf("label guide %d is %s, schema order has %s", i, g.Labels[i].Label, def.Name)
		}
		if lg.Name.Ar != def.Arabic || lg.Name.En != def.English {
			t.Errorf("%s: name %+v, schema says %q / %q", def.Name, lg.Name, def.Arabic, def.English)
		}
		if len(lg.Examples) == 0 {
			t.Errorf("%s: no examples", def.Name)
		}
		for _, ex := range lg.Examples {
			if strings.TrimSpace(ex) != ex || ex == "" {
				t.Errorf("%s: bad example %q", def.Name, ex)
			}
		}
	}
	for _, lg := range g.Labels {
		if !corpus.Default.Has(lg.Label) {
			t.Errorf("guide for %s, which the schema lacks", lg.Label)
		}
	}
}

func TestRules(t *testing.T) {
	g := Default()
	if len(g.Rules) != 12 {
		t.Fatalf("%d rules, want 12", len(g.Rules))
	}
	for i, r := range g.Rules {
		for _, ex := range r.Examples {
			if ex.Right == "" || ex.Wrong == ex.Right {
				t.Errorf("rule %d: bad example %+v", i+1, ex)
			}
			if ex.Wrong != "" && !strings.Contains(ex.Wrong, ex.Right) && !strings.Contains(ex.Right, ex.Wrong) {
				// Every example here trims or widens a span, except rule 1's
				// لجيش → للجيش, where the article fuses with the proclitic.
				if !(i == 0 && strings.HasPrefix(ex.Right, "لل")) {
					t.Errorf("rule %d: example %+v is neither a trim nor a widening", i+1, ex)
				}
			}
		}
	}
}

func TestAllTextsBilingual(t *testing.T) {
	g := Default()
	checkText(t, "intro", g.Intro)
	for _, lg := range g.Labels {
		checkText(t, string(lg.Label)+" name", lg.Name)
		checkText(t, string(lg.Label)+" definition", lg.Definition)
	}
	for i, r := range g.Rules {
		checkText(t, fmt.Sprintf("rule %d title", i+1), r.Title)
		checkText(t, fmt.Sprintf("rule %d body", i+1), r.Body)
	}
}

func TestDefaultIsFresh(t *testing.T) {
	g := Default()
	g.Rules[0].Examples[0].Right = "x"
	g.Labels[0].Examples[0] = "x"
	if h := Default(); h.Rules[0].Examples[0].Right == "x" || h.Labels[0].Examples[0] == "x" {
		t.Error("Default shares state between calls")
	}
}

// labelGuide returns the guide of label l.
func labelGuide(g Guide, l corpus.Label) (LabelGuide, bool) {
	for _, lg := range g.Labels {
		if lg.Label == l {
			return lg, true
		}
	}
	return LabelGuide{}, false
}
