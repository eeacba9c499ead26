// Package numword reads Arabic numbers from folded word keys (package fold):
// digits (Arabic-Indic digits fold to ASCII), cardinal number words with
// their case and gender forms (ثلاثة، ثلاث، أحد عشر، خمسة وعشرون، ثلاثمائة،
// ألفان) and the ordinals of the days of a month (السادس، الحادي والعشرين).
package numword

import (
	"strconv"
	"strings"

	"github.com/raqim/raqim/internal/fold"
)

// units maps the folded forms of 1–9 (and 10) to their values.
var units = map[string]int{}

// tens maps the folded forms of 20–90.
var tens = map[string]int{}

// hundreds maps one-word hundreds (مئة، مئتان، ثلاثمائة …).
var hundreds = map[string]int{}

// ordinals maps the folded ordinal words of 1–10 and of the tens.
var ordinals = map[string]int{}

func add(m map[string]int, v int, forms string) {
	for _, f := range strings.Fields(forms) {
		m[fold.String(f)] = v
	}
}

func init() {
	add(units, 1, "واحد واحدة واحدا واحدًا إحدى")
	add(units, 2, "اثنان اثنين اثنتان اثنتين إثنان إثنين اثنا اثني اثنتا اثنتي")
	add(units, 3, "ثلاثة ثلاث ثلاثا")
	add(units, 4, "أربعة أربع")
	add(units, 5, "خمسة خمس")
	add(units, 6, "ستة ست")
	add(units, 7, "سبعة سبع")
	add(units, 8, "ثمانية ثماني ثمان ثمانيه")
	add(units, 9, "تسعة تسع")
	add(units, 10, "عشرة عشر")
	add(tens, 20, "عشرون عشرين")
	add(tens, 30, "ثلاثون ثلاثين")
	add(tens, 40, "أربعون أربعين")
	add(tens, 50, "خمسون خمسين")
	add(tens, 60, "ستون ستين")
	add(tens, 70, "سبعون سبعين")
	add(tens, 80, "ثمانون ثمانين")
	add(tens, 90, "تسعون تسعين")
	add(hundreds, 100, "مئة مائة مئه ماية")
	add(hundreds, 200, "مئتان مئتين مائتان مائتين مئتا مئتي مائتا مائتي")
	for v, u := range []string{"ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"} {
		add(hundreds, (v+3)*100, u+"مئة "+u+"مائة")
	}
	add(hundreds, 800, "ثمانمئة ثمانمائة ثمانيمائة")
	add(ordinals, 1, "الأول أول الحادي")
	add(ordinals, 2, "الثاني")
	add(ordinals, 3, "الثالث")
	add(ordinals, 4, "الرابع")
	add(ordinals, 5, "الخامس")
	add(ordinals, 6, "السادس")
	add(ordinals, 7, "السابع")
	add(ordinals, 8, "الثامن")
	add(ordinals, 9, "التاسع")
	add(ordinals, 10, "العاشر")
	add(ordinals, 20, "العشرين")
	add(ordinals, 30, "الثلاثين")
}

var (
	thousand  = fold.String("ألف")
	thousands = map[string]int{fold.String("ألفان"): 2, fold.String("ألفين"): 2, fold.String("آلاف"): 0}
	ten       = map[string]bool{fold.String("عشر"): true, fold.String("عشرة"): true}
)

// Digits returns the value of a key made of ASCII digits (the fold of any
// decimal digits), with thousands separators "," or "٬" allowed.
func Digits(key string) (int, bool) {
	if key == "" {
		return 0, false
	}
	if c := key[0]; c < '0' || c > '9' {
		return 0, false // the common case: a word
	}
	if strings.ContainsAny(key, ",٬") {
		key = strings.NewReplacer(",", "", "٬", "").Replace(key)
	}
	if key == "" || len(key) > 9 {
		return 0, false
	}
	for _, c := range key {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	v, err := strconv.Atoi(key)
	return v, err == nil
}

// IsNumberWord reports whether key is a cardinal number word or digits.
func IsNumberWord(key string) bool {
	if _, ok := Digits(key); ok {
		return true
	}
	_, ok := wordValue(key)
	return ok || key == thousand
}

func wordValue(k string) (int, bool) {
	if v, ok := units[k]; ok {
		return v, true
	}
	if v, ok := tens[k]; ok {
		return v, true
	}
	if v, ok := hundreds[k]; ok {
		return v, true
	}
	if v, ok := thousands[k]; ok {
		return v, true
	}
	return 0, false
}

// stripWaw returns k without a leading و when the rest is a number word.
func stripWaw(k string) (string, bool) {
	if r := []rune(k); len(r) > 2 && r[0] == 'و' {
		rest := string(r[1:])
		if _, ok := wordValue(rest); ok || rest == thousand {
			return rest, true
		}
	}
	return k, false
}

// Cardinal reads the cardinal number at the start of keys: digits in one
// key, or number words (أحد عشر، خمسة وعشرون، ثلاثمائة وخمسون، ثلاثة آلاف).
// It returns the value and the number of keys read; n is 0 when keys do not
// start with a number. The lone أحد ("one of", "someone") is not a number.
func Cardinal(keys []string) (value, n int) {
	if len(keys) == 0 {
		return 0, 0
	}
	if v, ok := Digits(keys[0]); ok {
		if len(keys) > 1 && (keys[1] == thousand || isThousands(keys[1])) {
			return v * 1000, 2 // 20 ألف، 3 آلاف
		}
		return v, 1
	}
	total, cur := 0, 0
	prevUnit := 0 // the unit just read, for a following عشر (teens)
	for i, k := range keys {
		waw := false
		if i > 0 {
			k, waw = stripWaw(k)
		}
		switch {
		case i > 0 && !waw && prevUnit > 0 && prevUnit < 10 && ten[k]:
			cur += 10 // ثلاثة عشر
			prevUnit = 0
		case k == fold.String("أحد") && i == 0:
			if len(keys) > 1 && ten[keys[1]] {
				cur, prevUnit = 1, 1
				continue
			}
			return 0, 0
		case k == thousand:
			if cur == 0 {
				cur = 1
			}
			total += cur * 1000
			cur, prevUnit = 0, 0
		default:
			v, ok := wordValue(k)
			if !ok || (i > 0 && !waw && !isMultiplier(k)) {
				if i == 0 {
					return 0, 0
				}
				return total + cur, i
			}
			switch {
			case thousands[k] == 0 && isThousands(k): // آلاف
				if cur == 0 {
					cur = 1
				}
				total += cur * 1000
				cur, prevUnit = 0, 0
			case thousands[k] == 2 && isThousands(k):
				total += 2000
				cur, prevUnit = 0, 0
			case v == 100 && cur > 0 && cur < 10 && !waw: // ثلاث مئة
				cur *= 100
				prevUnit = 0
			default:
				cur += v
				prevUnit = 0
				if v < 10 {
					prevUnit = v
				}
			}
		}
	}
	return total + cur, len(keys)
}

func isThousands(k string) bool { _, ok := thousands[k]; return ok }

// isMultiplier reports whether k may follow a number word without و:
// مئة after a unit, آلاف or ألف after a number.
func isMultiplier(k string) bool {
	return k == thousand || isThousands(k) || hundreds[k] == 100
}

// Ordinal reads the ordinal of a day of the month at the start of keys
// (الأول، السادس، الحادي عشر، الثاني والعشرين، الثلاثين) or a day in
// digits, and returns its value (1–31) and the number of keys read; n is 0
// when keys do not start with one.
func Ordinal(keys []string) (value, n int) {
	if len(keys) == 0 {
		return 0, 0
	}
	if v, ok := Digits(keys[0]); ok {
		if v >= 1 && v <= 31 {
			return v, 1
		}
		return 0, 0
	}
	v, ok := ordinals[keys[0]]
	if !ok {
		return 0, 0
	}
	if v >= 20 {
		return v, 1
	}
	if len(keys) > 1 && v < 10 && ten[keys[1]] {
		return v + 10, 2 // الحادي عشر، الثاني عشر
	}
	if r := []rune(keys[min(1, len(keys)-1)]); len(keys) > 1 && v < 10 && len(r) > 1 && r[0] == 'و' {
		if tv := ordinals[string(r[1:])]; tv == 20 || tv == 30 {
			if d := v + tv; d <= 31 {
				return d, 2 // الحادي والعشرين
			}
		}
	}
	if keys[0] == fold.String("الحادي") {
		return 0, 0
	}
	return v, 1
}
