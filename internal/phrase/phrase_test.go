package phrase

import (
	"testing"

	"github.com/raqim/raqim/internal/fold"
)

func dict() *Dict[string] {
	d := &Dict[string]{}
	for _, p := range []struct{ phrase, v string }{
		{"كاي", "kayes"},
		{"الجيش", "army"},
		{"الجيش المالي", "fama"},
		{"الفيلق الإفريقي", "africa-corps"},
		{"نصرة الإسلام والمسلمين", "jnim"},
		{"جماعة نصرة الإسلام والمسلمين", "jnim"},
		{"بوركينا فاسو", "bf"},
		{"JNIM", "jnim"},
		{"2025", "year"},
	} {
		d.Add(p.phrase, p.v)
	}
	return d
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // matched text and value, in order
	}{
		{"proclitic outside", "وقع هجوم بولاية كاي", []string{"كاي", "kayes"}},
		{"waw outside", "والفيلق الإفريقي", []string{"الفيلق الإفريقي", "africa-corps"}},
		{"fused lam kept whole", "مواقع للجيش المالي", []string{"للجيش المالي", "fama"}},
		{"longest match", "الجيش المالي والجيش", []string{"الجيش المالي", "fama", "الجيش", "army"}},
		{"never inside a word", "كايس وكايين", nil},
		{"a root letter is not a proclitic", "ولاية", nil},
		{"folding", "الجيـــشُ المالي", []string{"الجيـــشُ المالي", "fama"}},
		{"digits folded", "عام ٢٠٢٥", []string{"٢٠٢٥", "year"}},
		{"Latin case", "(Jnim)", []string{"Jnim", "jnim"}},
		{"quotes cut through a name", "جماعة “نصرة الإسلام والمسلمين”", []string{"نصرة الإسلام والمسلمين", "jnim"}},
		{"whole name", "جماعة نصرة الإسلام والمسلمين", []string{"جماعة نصرة الإسلام والمسلمين", "jnim"}},
		{"two words", "في بوركينا فاسو.", []string{"بوركينا فاسو", "bf"}},
		{"emoji before", "😀 كاي", []string{"كاي", "kayes"}},
	}
	d := dict()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := fold.New(tt.text)
			ms := d.Find(x, nil)
			var got []string
			for _, m := range ms {
				got = append(got, x.Slice(m.Start, m.End), m.Value)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %q, want %q", got, tt.want)
				}
			}
		})
	}
}

func TestAddAndAccept(t *testing.T) {
	d := &Dict[int]{}
	if !d.Add("كاي", 1) {
		t.Fatal("Add: a new phrase refused")
	}
	if d.Add("كاي", 2) {
		t.Error("Add: a phrase stored twice")
	}
	if d.Add("  ", 3) {
		t.Error("Add: a phrase with no words stored")
	}
	if d.Len() != 1 {
		t.Errorf("Len = %d, want 1", d.Len())
	}
	x := fold.New("كاي ثم كاي")
	ms := d.Find(x, func(m Match[int]) bool { return m.First > 0 })
	if len(ms) != 1 || ms[0].First != 2 || ms[0].Value != 1 {
		t.Errorf("Find with accept = %+v", ms)
	}
}
