package fold

import (
	"reflect"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أحمد", "احمد"},
		{"إقليم", "اقليم"},
		{"آسيمي", "اسيمي"},
		{"ٱلجيش", "الجيش"},
		{"موسى", "موسي"},
		{"ولاية", "ولايه"},
		{"الجيـــش", "الجيش"},      // tatweel
		{"جنديًّا", "جنديا"},       // tanween and shadda
		{"قُتِلَ", "قتل"},          // harakat
		{"سائقَين", "سائقين"},      // fatha
		{"٢٠٢٥", "2025"},           // Arabic-Indic digits
		{"۱۲", "12"},               // Persian digits
		{"JNIM FAMa", "jnim fama"}, // Latin lower case
		{"ﻻ", "لا"},                // presentation-form ligature
		{"کیدال", "كيدال"},         // Persian keheh and yeh
		{"باماكو\u200f", "باماكو"}, // a right-to-left mark
		{"مالي 😀", "مالي 😀"},       // emoji kept
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	// 😀 is outside the BMP: code points, not UTF-16 units, are counted.
	text := "😀 والجيـــشُ ٢٠٢٥"
	x := New(text)
	if len(x.Words) != 3 {
		t.Fatalf("%d words, want 3: %+v", len(x.Words), x.Words)
	}
	w := x.Words[1]
	if w.Key != "والجيش" || w.Start != 2 || w.End != 12 {
		t.Fatalf("word 1 = %q [%d,%d), want والجيش [2,12)", w.Key, w.Start, w.End)
	}
	// key runes و ا ل ج ي ش come from code points 2 3 4 5 6 10.
	want := []int{2, 3, 4, 5, 6, 10, 12}
	for i, o := range want {
		if got := w.Offset(i); got != o {
			t.Errorf("Offset(%d) = %d, want %d", i, got, o)
		}
	}
	if d := x.Words[2]; d.Key != "2025" || d.Start != 13 || x.Slice(d.Start, d.End) != "٢٠٢٥" {
		t.Errorf("digits word = %+v", d)
	}
	if x.WordAt(7) != 1 || x.WordAt(1) != -1 || x.WordAt(0) != 0 {
		t.Errorf("WordAt: %d %d %d", x.WordAt(7), x.WordAt(1), x.WordAt(0))
	}
	if got := Keys("  الجيشُ  المالي، "); got != "الجيش المالي ،" {
		t.Errorf("Keys = %q", got)
	}
}

func TestReadings(t *testing.T) {
	tests := []struct {
		key  string
		want []Reading
	}{
		{"كاي", []Reading{{0, "كاي"}}},                                // too short to split
		{"وكاي", []Reading{{0, "وكاي"}, {1, "كاي"}}},                  // و + كاي
		{"بولايه", []Reading{{0, "بولايه"}, {1, "ولايه"}}},            // ب + ولاية
		{"ولايه", []Reading{{0, "ولايه"}, {1, "لايه"}, {2, "ايه"}}},   // the caller keeps the whole word unless لاية or اية is known
		{"للجيش", []Reading{{0, "للجيش"}, {0, "الجيش"}, {1, "لجيش"}}}, // fused article kept whole
		{"وللجيش", []Reading{{0, "وللجيش"}, {1, "للجيش"}, {1, "الجيش"}, {2, "لجيش"}}},
		{"وبغاو", []Reading{{0, "وبغاو"}, {1, "بغاو"}, {2, "غاو"}}},
		{"كبير", []Reading{{0, "كبير"}}}, // not ك + بير
	}
	for _, tt := range tests {
		if got := Readings(tt.key); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Readings(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"والجيش", "جيش"}, {"بالجيش", "جيش"}, {"للجيش", "جيش"}, {"الجيش", "جيش"},
		{"بمالي", "مالي"}, {"مالي", "مالي"}, {"كاي", "كاي"}, {"كبير", "كبير"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for k, want := range map[string]bool{"الجيش": true, "والجيش": true, "للجيش": true, "جيش": false, "الي": false} {
		if got := HasArticle(k); got != want {
			t.Errorf("HasArticle(%q) = %v", k, got)
		}
	}
}
