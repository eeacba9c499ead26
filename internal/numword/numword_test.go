package numword

import (
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/fold"
)

func keys(s string) []string { return strings.Fields(fold.Keys(s)) }

func TestCardinal(t *testing.T) {
	tests := []struct {
		in    string
		value int
		n     int
	}{
		{"12 جنديا", 12, 1},
		{"20 ألف شخص", 20000, 2},
		{"مئتي إرهابي", 200, 1},
		{"٣ آلاف نازح", 3000, 2},
		{"١٢ جنديًّا", 12, 1},
		{"أربعة عناصر", 4, 1},
		{"ثلاث نساء", 3, 1},
		{"أحد عشر آخرين", 11, 2},
		{"إحدى عشرة امرأة", 11, 2},
		{"اثنا عشر جنديا", 12, 2},
		{"ثلاثة عشر", 13, 2},
		{"عشرين مدنيا", 20, 1},
		{"خمسة وعشرون قتيلا", 25, 2},
		{"مئة شخص", 100, 1},
		{"مائتين", 200, 1},
		{"ثلاثمائة وخمسون", 350, 2},
		{"ثلاث مئة", 300, 2},
		{"ألف", 1000, 1},
		{"ألفين", 2000, 1},
		{"ثلاثة آلاف", 3000, 2},
		{"1,200 شخص", 1200, 1},
		{"أحد الجنود", 0, 0}, // "one of", not a number
		{"جنود", 0, 0},
	}
	for _, tt := range tests {
		v, n := Cardinal(keys(tt.in))
		if v != tt.value || n != tt.n {
			t.Errorf("Cardinal(%q) = %d, %d; want %d, %d", tt.in, v, n, tt.value, tt.n)
		}
	}
}

func TestOrdinal(t *testing.T) {
	tests := []struct {
		in    string
		value int
		n     int
	}{
		{"السادس من أكتوبر", 6, 1},
		{"الأول من مارس", 1, 1},
		{"الحادي عشر من", 11, 2},
		{"الثاني عشر", 12, 2},
		{"العشرين من", 20, 1},
		{"الحادي والعشرين من", 21, 2},
		{"الثلاثين", 30, 1},
		{"الحادي والثلاثين", 31, 2},
		{"٧ أكتوبر", 7, 1},
		{"32 يوما", 0, 0},
		{"الحادي", 0, 0},
	}
	for _, tt := range tests {
		v, n := Ordinal(keys(tt.in))
		if v != tt.value || n != tt.n {
			t.Errorf("Ordinal(%q) = %d, %d; want %d, %d", tt.in, v, n, tt.value, tt.n)
		}
	}
}

func TestDigits(t *testing.T) {
	for in, want := range map[string]int{"2025": 2025, "1,000": 1000, "07": 7} {
		if v, ok := Digits(in); !ok || v != want {
			t.Errorf("Digits(%q) = %d, %v", in, v, ok)
		}
	}
	for _, in := range []string{"", "12a", "ثلاثة", "1234567890"} {
		if _, ok := Digits(in); ok {
			t.Errorf("Digits(%q) ok", in)
		}
	}
}
