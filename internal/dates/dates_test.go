package dates

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/fold"
)

// ref9Oct is a reference of Thursday 9 October 2025.
var ref9Oct = Ref{date(2025, 10, 9), FromMeta}

// TestFind covers the guidelines' examples (rule 5) and cases written for
// the project: each text's dates, as spans, and their values against ref9Oct.
func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // span text, iso, precision, …
	}{
		{"full date with weekday", "وقع الهجوم الثلاثاء 7 أكتوبر 2025 فجرًا", []string{"الثلاثاء 7 أكتوبر 2025 فجرًا", "2025-10-07", Day}},
		{"ordinal day", "ففي السادس من أكتوبر، كانت", []string{"السادس من أكتوبر", "2025-10-06", Day}},
		{"ordinal day, من شهر", "في الحادي والعشرين من شهر سبتمبر", []string{"الحادي والعشرين من شهر سبتمبر", "2025-09-21", Day}},
		{"يوم أمس keeps يوم", "أعلنت الجماعة يوم أمس عن", []string{"يوم أمس", "2025-10-08", Day}},
		{"time of day and weekday", "بولاية سيكاسو مساء الاثنين، ما أسفر", []string{"مساء الاثنين", "2025-10-06", Day}},
		{"فجر اليوم الثلاثاء", "فجر اليوم الثلاثاء هاجم", []string{"فجر اليوم الثلاثاء", "2025-10-07", Day}},
		{"leading يوم left out", "يوم الأحد الماضي", []string{"الأحد الماضي", "2025-10-05", Day}},
		{"leading preposition left out", "منذ 2023", []string{"2023", "2023", Year}},
		{"أول أمس", "قتل أول أمس", []string{"أول أمس", "2025-10-07", Day}},
		{"أول من أمس", "أول من أمس", []string{"أول من أمس", "2025-10-07", Day}},
		{"صباح أمس", "صباح أمس", []string{"صباح أمس", "2025-10-08", Day}},
		{"Arabic-Indic digits", "نيامي – ١٠ أبريل ٢٠٢٥", []string{"١٠ أبريل ٢٠٢٥", "2025-04-10", Day}},
		{"Maghrebi month", "الثلاثاء 01 جويلية 2025", []string{"الثلاثاء 01 جويلية 2025", "2025-07-01", Day}},
		{"Algerian أوت", "في 5 أوت 2024", []string{"5 أوت 2024", "2024-08-05", Day}},
		{"Mauritanian دجمبر", "في 2 دجمبر 2024", []string{"2 دجمبر 2024", "2024-12-02", Day}},
		{"Moroccan يوليوز", "في 3 يوليوز", []string{"3 يوليوز", "2025-07-03", Day}},
		{"Syriac month", "في 7 تشرين الأول 2025", []string{"7 تشرين الأول 2025", "2025-10-07", Day}},
		{"paired names", "في 7 أكتوبر/تشرين الأول 2025", []string{"7 أكتوبر/تشرين الأول 2025", "2025-10-07", Day}},
		{"paired names with a dash", "الأحد 5 أكتوبر-تشرين الأول", []string{"الأحد 5 أكتوبر-تشرين الأول", "2025-10-05", Day}},
		{"numeric date", "بتاريخ 01/07/2025", []string{"01/07/2025", "2025-07-01", Day}},
		{"ISO date", "في 2025-10-07", []string{"2025-10-07", "2025-10-07", Day}},
		{"month after في", "في مارس قرب دوري", []string{"مارس", "2025-03", Month}},
		{"month and year", "في مارس 2024", []string{"مارس 2024", "2024-03", Month}},
		{"مارس the verb", "مارس الجيش ضغوطا", nil},
		{"part of a year", "أواخر 2023 في إطار", []string{"أواخر 2023", "2023", Year}},
		{"last week", "الأسبوع الماضي", []string{"الأسبوع الماضي", "", ""}},
		{"last month", "مطلع الشهر الماضي", []string{"مطلع الشهر الماضي", "2025-09", Month}},
		{"a week of a month", "خلال الأسبوع الثالث من شهر يناير 2026", []string{"الأسبوع الثالث من شهر يناير 2026", "2026-01", Month}},
		{"day of this month", "في الخامس من الشهر الجاري", []string{"الخامس من الشهر الجاري", "2025-10-05", Day}},
		{"day and month with الماضي", "في 3 مارس الماضي", []string{"3 مارس الماضي", "2025-03-03", Day}},
		{"month with الماضي", "وفي أغسطس/آب الماضي، لقي", []string{"أغسطس/آب الماضي", "2025-08", Month}},
		{"the reference's month with الماضي: last year's", "في أكتوبر الماضي", []string{"أكتوبر الماضي", "2024-10", Month}},
		{"month with المقبل", "في يناير المقبل", []string{"يناير المقبل", "2026-01", Month}},
		{"Hijri day and month with a bare Hijri year", "في ١٥ ربيع الآخر ١٤٤٧ أعلن", []string{"١٥ ربيع الآخر ١٤٤٧", "2025-10-08", Day}},
		{"night between two days", "ليلة السبت إلى الأحد", []string{"ليلة السبت إلى الأحد", "2025-10-04", Day}},
		{"Hijri date", "في ١٥ ربيع الآخر ١٤٤٧ هـ", []string{"١٥ ربيع الآخر ١٤٤٧ هـ", "2025-10-08", Day}},
		{"Hijri month", "خلال شهر رمضان 1446 هـ", []string{"رمضان 1446 هـ", "2025-03", Month}},
		{"duration is no date", "خلال 72 ساعة فقط", nil},
		{"duration since is no date", "منذ أكثر من عقد", nil},
		{"a count is no year", "نزوح 2000 شخص", nil},
		{"bare اليوم is no date", "حتى اليوم", nil},
		{"proclitic outside", "والثلاثاء", []string{"الثلاثاء", "2025-10-07", Day}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := fold.New(tt.text)
			ms := Find(x)
			vs := ResolveAll(ms, ref9Oct)
			var got []string
			for i, m := range ms {
				got = append(got, x.Slice(m.Start, m.End), vs[i].ISO, vs[i].Precision)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAnaphora(t *testing.T) {
	x := fold.New("وقع الهجوم الأحد 18 يناير 2026، وفي مساء اليوم التالي هجوم آخر، وفي اليوم نفسه هجوم ثالث.")
	ms := Find(x)
	vs := ResolveAll(ms, Ref{})
	var got []string
	for _, v := range vs {
		got = append(got, v.ISO)
	}
	if strings.Join(got, " ") != "2026-01-18 2026-01-19 2026-01-19" {
		t.Errorf("got %v", got)
	}
}

func TestReference(t *testing.T) {
	tests := []struct {
		name, text string
		meta       map[string]json.RawMessage
		want       string
		source     string
	}{
		{"dateline", "باماكو – 24 يناير 2026\nوقع هجوم الأربعاء 7 يناير 2026.", nil, "2026-01-24", FromDateline},
		{"dateline with a bar", "\nباماكو | الثلاثاء 01 جويلية 2025\nفي تصعيد", nil, "2025-07-01", FromDateline},
		{"dateline after a title", "عنوان المقال\nنيامي – ١٠ أبريل ٢٠٢٥\nنص", nil, "2025-04-10", FromDateline},
		{"meta", "هجوم الثلاثاء", map[string]json.RawMessage{"reference_date": json.RawMessage(`"2025-10-09"`)}, "2025-10-09", FromMeta},
		{"meta time", "هجوم", map[string]json.RawMessage{"published": json.RawMessage(`"2025-10-09T08:00:00Z"`)}, "2025-10-09", FromMeta},
		{"latest full date of the text", "هجوم في 3 مارس 2025 وآخر في 5 مارس 2025 بحسب", nil, "2025-03-05", FromText},
		{"none", "هجوم مساء الاثنين", nil, "", ""},
	}
	for _, tt := range tests {
		x := fold.New(tt.text)
		r := Reference(tt.meta, x, Find(x))
		got := ""
		if r.Valid() {
			got = r.Date.Format(time.DateOnly)
		}
		if got != tt.want || r.Source != tt.source {
			t.Errorf("%s: Reference = %s (%s), want %s (%s)", tt.name, got, r.Source, tt.want, tt.source)
		}
	}
}

// TestWeekday checks the brief's example: الثلاثاء with a dateline of
// 9 October 2025 is 7 October; the weekday of the reference is itself.
func TestWeekday(t *testing.T) {
	for wd, want := range map[string]string{"الثلاثاء": "2025-10-07", "الخميس": "2025-10-09", "الجمعة": "2025-10-03", "الأربعاء": "2025-10-08"} {
		e, ok := Parse(wd)
		if !ok {
			t.Fatalf("Parse(%q) failed", wd)
		}
		if v := e.Resolve(ref9Oct, time.Time{}); v.ISO != want {
			t.Errorf("%s → %s, want %s", wd, v.ISO, want)
		}
	}
	if v := (Expr{Weekday: 3}).Resolve(Ref{}, time.Time{}); v.ISO != "" {
		t.Errorf("a weekday without a reference resolved to %s", v.ISO)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]string{"في 7 أكتوبر 2025": "2025-10-07", "منذ 2012": "2012", "يوم أمس": "2025-10-08"} {
		e, ok := Parse(in)
		if v := e.Resolve(ref9Oct, time.Time{}); !ok || v.ISO != want {
			t.Errorf("Parse(%q) → %q, %v; want %q", in, v.ISO, ok, want)
		}
	}
	if _, ok := Parse("هجوم مسلح"); ok {
		t.Error("Parse found a date in a text without one")
	}
}

func TestHijri(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{1447, 1, 1, "2025-06-27"}, // tabular; Umm al-Qura 26 June
		{1446, 9, 1, "2025-03-01"},
		{1, 1, 1, "0622-07-19"}, // 16 July 622 Julian
	}
	for _, tt := range tests {
		d, ok := hijriToGregorian(tt.y, tt.m, tt.d)
		if !ok || d.Format(time.DateOnly) != tt.want {
			t.Errorf("hijriToGregorian(%d, %d, %d) = %v", tt.y, tt.m, tt.d, d)
		}
		if y, m, dd := gregorianToHijri(d); y != tt.y || m != tt.m || dd != tt.d {
			t.Errorf("gregorianToHijri(%v) = %d-%d-%d", d, y, m, dd)
		}
	}
	if _, ok := hijriToGregorian(1447, 2, 30); ok {
		t.Error("Safar has 29 days in a common year")
	}
}
