package lexicon

import (
	"errors"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/fold"
)

func TestLookup(t *testing.T) {
	tests := []struct{ in, id string }{
		{"جماعة نصرة الإسلام والمسلمين", "jnim"},
		{"JNIM", "jnim"},
		{"نصرة الإسلام والمسلمين", "jnim"},
		{"تنظيم الدولة في الساحل", "is-sahel"},
		{"ISGS", "is-sahel"},
		{"ISSP", "is-sahel"},
		{"القوات المسلحة المالية", "fama"},
		{"الجيش المالي", "fama"},
		{"للجيش المالي", "fama"},
		{"FAMa", "fama"},
		{"الفيلق الإفريقي", "africa-corps"},
		{"والفيلق الأفريقي", "africa-corps"},
		{"Africa Corps", "africa-corps"},
		{"فاغنر", "wagner"},
		{"فاجنر", "wagner"},
		{"MINUSMA", "minusma"},
		{"مينوسما", "minusma"},
		{"الدوزو", "dozo"},
		{"جبهة تحرير أزواد", "fla"},
		{"CSP", "csp"},
		{"برخان", "barkhane"},
		{"إيكواس", "ecowas"},
		{"الجنرال آسيمي غويتا", "assimi-goita"},
		{"للجنرال غامو", "gamou"},
		{"قوات الأمم المتحدة", "un"},
		{"مسلحين مجهولين", "armed-men"},
	}
	l := Default()
	for _, tt := range tests {
		a, ok := l.Lookup(tt.in)
		if !ok || a.ID != tt.id {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, a.ID, ok, tt.id)
		}
	}
	for _, in := range []string{"الجماعة", "التنظيم", "مالي", "الجنرال"} {
		if a, ok := l.Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want none (rule 4: no bare anaphora)", in, a.ID)
		}
	}
	if l.Len() < 60 {
		t.Errorf("%d actors", l.Len())
	}
}

// The actors of the guidelines' examples and rules 1, 2, 4 and 9.
func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"proclitic outside (rule 1)", "والفيلق الإفريقي", []string{"الفيلق الإفريقي"}},
		{"fused lam kept whole (rule 1)", "ضد مواقع للجيش المالي", []string{"للجيش المالي"}},
		{"adjectives of the name (rule 4)", "الفيلق الإفريقي الروسي", []string{"الفيلق الإفريقي الروسي"}},
		{"title before a person (rule 4)", "قال الجنرال آسيمي غويتا", []string{"الجنرال آسيمي غويتا"}},
		{"titles and a proclitic", "موالية للجنرال غامو", []string{"للجنرال غامو"}},
		{"several titles", "الرئيس الانتقالي العقيد آسيمي غويتا", []string{"الرئيس الانتقالي العقيد آسيمي غويتا"}},
		{"abbreviation in brackets", "جماعة نصرة الإسلام والمسلمين (JNIM)", []string{"جماعة نصرة الإسلام والمسلمين", "JNIM"}},
		{"quotes cut through the name (rule 9)", "جماعة “نصرة الإسلام والمسلمين”", []string{"نصرة الإسلام والمسلمين"}},
		{"forces of a body", "انسحاب قوات الأمم المتحدة", []string{"قوات الأمم المتحدة"}},
		{"anaphora is not marked (rule 4)", "نفذت الجماعة هجوما وتبنى التنظيم", nil},
		{"tatweel", "الجيـــش المالي يعلن", []string{"الجيـــش المالي"}},
	}
	l := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := fold.New(tt.text)
			var got []string
			for _, h := range l.Find(x) {
				got = append(got, x.Slice(h.Start, h.End))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtend(t *testing.T) {
	base := Default()
	n := base.Len()
	l := base.Clone()
	err := l.Read("mine.tsv", strings.NewReader("# a user's list\nkm\tmilitia\tKatiba test\tكتيبة الاختبار|KT\njnim\tjihadist\tJNIM\tالنصرة\n"))
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != n+1 || base.Len() != n {
		t.Errorf("lengths %d, %d; want %d, %d (Clone must leave the default alone)", l.Len(), base.Len(), n+1, n)
	}
	for in, id := range map[string]string{"كتيبة الاختبار": "km", "KT": "km", "النصرة": "jnim"} {
		if a, ok := l.Lookup(in); !ok || a.ID != id {
			t.Errorf("Lookup(%q) = %q, %v", in, a.ID, ok)
		}
	}
	if _, ok := base.Lookup("النصرة"); ok {
		t.Error("the default lexicon learned a user's name")
	}
	if err := l.Add(Actor{ID: "x", Kind: "band", Arabic: []string{"س"}}); err == nil || !strings.Contains(err.Error(), "unknown kind") {
		t.Errorf("Add with a bad kind: %v", err)
	}
	_, err = Parse("mine.tsv", strings.NewReader("a\tstate\tA\tأ\nb\tstate\n"))
	var fe *corpus.FileError
	if !errors.As(err, &fe) || fe.Line != 2 || !strings.HasPrefix(err.Error(), "mine.tsv:2: want 4 tab-separated fields") {
		t.Errorf("Parse error = %v", err)
	}
}
