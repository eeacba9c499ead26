package gazetteer

import (
	"errors"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/fold"
)

func TestDefault(t *testing.T) {
	g := Default()
	if g.Len() < 300 {
		t.Errorf("%d entries, want a few hundred", g.Len())
	}
	// Every Malian region and cercle of the ten-region scheme is there.
	for _, id := range []string{"ml-kayes", "ml-koulikoro", "ml-sikasso", "ml-segou", "ml-mopti",
		"ml-tombouctou", "ml-gao", "ml-kidal", "ml-taoudenit", "ml-menaka", "ml-bamako",
		"ml-kayes-diema", "ml-kayes-nioro", "ml-mopti-douentza", "ml-mopti-bandiagara", "ml-tombouctou-niafunke",
		"ml-kidal-tessalit", "ml-gao-ansongo", "ml-segou-niono", "ml-sikasso-koutiala", "bf", "ne", "mr", "dz"} {
		if _, ok := g.ByID(id); !ok {
			t.Errorf("no entry %s", id)
		}
	}
	// Each spelling finds its own entry, or an earlier one that shares it.
	shared := map[string]bool{}
	for _, e := range g.Entries() {
		if e.Kind != Country && e.Kind != Area && e.Admin1 == "" && e.Country == "ML" {
			t.Errorf("%s: a Malian place without admin1", e.ID)
		}
		for _, s := range e.Arabic {
			got, ok := g.Lookup(s)
			switch {
			case !ok:
				t.Errorf("%s: spelling %q not found", e.ID, s)
			case got.ID != e.ID:
				shared[e.ID+" "+s+" → "+got.ID] = true
			}
		}
	}
	if len(shared) > 0 {
		t.Logf("spellings shared by two entries (the first keeps them): %v", shared)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct{ in, id string }{
		{"تمبكتو", "ml-tombouctou"},
		{"تومبكتو", "ml-tombouctou"},
		{"تنبكتو", "ml-tombouctou"},
		{"وتومبكتو", "ml-tombouctou"},
		{"بمالي", "ml"},
		{"ولاية كاي", "ml-kayes"},
		{"بولاية سيكاسو", "ml-sikasso"},
		{"مدينة جيبو", "bf-djibo"},
		{"بوركينا فاسو", "bf"},
		{"بوركينا  فاسو", "bf"},
		{"النيجر", "ne"},
		{"للنيجر", "ne"},
		{"الساحل", "area-sahel"},
		{"تيلابيرى", "ne-tillaberi"}, // alef maqsura
		{"أغاديز", "ne-agadez"},
		{"اغاديز", "ne-agadez"},
		{"كيدال،", "ml-kidal"},
	}
	g := Default()
	for _, tt := range tests {
		e, ok := g.Lookup(tt.in)
		if !ok || e.ID != tt.id {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, e.ID, ok, tt.id)
		}
	}
	for _, in := range []string{"كبير", "ولاية", "الجيش المالي", "كاي سيكاسو", "مالية"} {
		if e, ok := g.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want none", in, e.ID)
		}
	}
	if e, _ := g.Lookup("تمبكتو"); e.Admin1 != "Timbuktu" || e.Country != "ML" {
		t.Errorf("Tombouctou: admin1 %q, country %q", e.Admin1, e.Country)
	}
}

// The places of the guidelines' examples and rules 1, 3, 10 and 12.
func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"proclitic and head noun outside (rules 1, 3)", "هجوم بولاية كاي", []string{"كاي"}},
		{"article inside (rule 3)", "في منطقة الساحل", []string{"الساحل"}},
		{"country as a state (rule 10)", "الفيلق الإفريقي المدعوم من روسيا", []string{"روسيا"}},
		{"camp without its head noun (rule 12)", "هجوم على معسكر تيساليت", []string{"تيساليت"}},
		{"list", "في ولايات كاي، سيكاسو، كوليكورو بمالي", []string{"كاي", "سيكاسو", "كوليكورو", "مالي"}},
		{"separate waw", "وتومبكتو و غاو بأزواد", []string{"تومبكتو", "غاو", "أزواد"}},
		{"the adjective is no place", "الجيش المالي", nil},
		{"a common word is no place", "هجوم كبير", nil},
		{"a name that is a common word needs context", "أطلقوا نارا كثيفة قرب نارا", []string{"نارا"}},
		{"a person's name is no list of places", "قال سيكو نيامي باثيلي", nil},
		{"an institute's name", "لمعهد تمبكتو للأبحاث", nil},
		{"dateline", "باماكو – 24 يناير 2026", []string{"باماكو"}},
	}
	g := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := fold.New(tt.text)
			var got []string
			for _, h := range g.Find(x) {
				got = append(got, x.Slice(h.Start, h.End))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// The span of the last نارا starts after قرب.
	x := fold.New("قرب نارا")
	if h := g.Find(x); len(h) != 1 || h[0].Start != 4 || h[0].Entry.ID != "ml-koulikoro-nara" {
		t.Errorf("Find(قرب نارا) = %+v", h)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"x\tcountry\tXX\t\tX\n", "places.tsv:1: want 6 or 7 tab-separated fields"},
		{"# c\n\nx\tcity\tXX\t\tX\tمالي\n", "places.tsv:3: x: unknown kind \"city\""},
		{"x\ttown\tXX\t\tX\t \n", "places.tsv:1: x: no Arabic spelling"},
		{"x\ttown\tXX\t\tX\tمالي\tfoo\n", "places.tsv:1: x: unknown flag \"foo\""},
		{"x\ttown\tXX\t\tX\tمالي\nx\ttown\tXX\t\tX\tكاي\n", "places.tsv:2: duplicate id \"x\""},
	}
	for _, tt := range tests {
		_, err := Parse("places.tsv", strings.NewReader(tt.in))
		var fe *corpus.FileError
		if err == nil || !errors.As(err, &fe) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q…", tt.in, err, tt.want)
		}
	}
	g, err := Parse("mine.tsv", strings.NewReader("x\tvillage\tML\tKayes\tX\tقرية الاختبار|اختبار\tctx\n"))
	if err != nil || g.Len() != 1 || !g.Entries()[0].Context {
		t.Fatalf("Parse = %v, %v", g, err)
	}
}

func TestIsHeadNoun(t *testing.T) {
	for k, want := range map[string]bool{"ولاية": true, "بولاية": true, "منطقتي": true, "معسكر": true, "الجيش": false, "كاي": false} {
		if got := IsHeadNoun(fold.String(k)); got != want {
			t.Errorf("IsHeadNoun(%q) = %v", k, got)
		}
	}
}
