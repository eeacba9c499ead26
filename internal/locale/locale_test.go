package locale_test

import (
	"errors"
	"testing"

	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/locale"
)

var (
	arabic   = locale.Settings{Lang: locale.Arabic, Digits: locale.Western}
	indic    = locale.Settings{Lang: locale.Arabic, Digits: locale.ArabicIndic}
	english  = locale.Settings{Lang: locale.English, Digits: locale.Western}
	enIndic  = locale.Settings{Lang: locale.English, Digits: locale.ArabicIndic}
	isolated = func(s string) string { return "\u2068" + s + "\u2069" }
)

// TestT checks messages as a reader sees them. The Arabic plural forms are
// CLDR's rules for Arabic, applied by hand: 0 zero, 1 one, 2 two, n%100 in
// 3..10 few, n%100 in 11..99 many, other otherwise.
func TestT(t *testing.T) {
	for _, tc := range []struct {
		set  locale.Settings
		key  string
		args []any
		want string
	}{
		{english, "%d documents", []any{0}, "0 documents"},
		{english, "%d documents", []any{1}, "1 document"},
		{english, "%d documents", []any{2000}, "2000 documents"},
		{enIndic, "%d documents", []any{12}, "١٢ documents"},
		{arabic, "%d documents", []any{0}, "لا وثائق"},
		{arabic, "%d documents", []any{1}, "وثيقة واحدة"},
		{arabic, "%d documents", []any{2}, "وثيقتان"},
		{arabic, "%d documents", []any{3}, "3 وثائق"},
		{arabic, "%d documents", []any{10}, "10 وثائق"},
		{arabic, "%d documents", []any{11}, "11 وثيقة"},
		{arabic, "%d documents", []any{99}, "99 وثيقة"},
		{arabic, "%d documents", []any{100}, "100 وثيقة"},
		{arabic, "%d documents", []any{103}, "103 وثائق"},
		{indic, "%d documents", []any{1234}, "١٢٣٤ وثيقة"},
		{arabic, "Saved", nil, "محفوظ"},
		{english, "Saved", nil, "Saved"},
		// Strings put into an Arabic message are isolated; English ones not.
		{arabic, "Loading %s…", []any{"big.jsonl"}, "جارٍ تحميل " + isolated("big.jsonl") + "…"},
		{english, "Loading %s…", []any{"big.jsonl"}, "Loading big.jsonl…"},
		// A message already in the language is put in as it is.
		{arabic, "Exported %s.", []any{locale.Text("وثيقتان")}, "صُدّرت وثيقتان."},
	} {
		p := locale.New(tc.set)
		for range 2 { // the second time from the printer's memory of plain messages
			if got := p.T(tc.key, tc.args...); got != tc.want {
				t.Errorf("%+v T(%q, %v) = %q, want %q", tc.set, tc.key, tc.args, got, tc.want)
			}
		}
	}
}

// TestMemo checks that messages kept by a printer are told apart by every
// argument, whatever the strings hold.
func TestMemo(t *testing.T) {
	p := locale.New(english)
	a := p.T("%s: imported %s.", "a\x00s1:b", locale.Text("c"))
	b := p.T("%s: imported %s.", "a", locale.Text("b\x00t1:c"))
	if a == b || a != "a\x00s1:b: imported c." {
		t.Errorf("two messages mixed up: %q and %q", a, b)
	}
	if got := p.T("%d spans", 7); got != "7 spans" {
		t.Errorf("%q", got)
	}
	if got := p.T("%d spans", 1); got != "1 span" {
		t.Errorf("%q", got)
	}
}

// TestError checks that an error with a key is translated and a file error
// names its file and line in the way of each language.
func TestError(t *testing.T) {
	err := format.Errorf("bad.jsonl", 2, "missing \"text\" field")
	if got, want := locale.New(english).Error(err), "bad.jsonl:2: missing \"text\" field"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	ar, _ := locale.ArabicOf("missing \"text\" field")
	if got, want := locale.New(indic).Error(err), isolated("bad.jsonl")+"، السطر ٢: "+ar; got != want {
		t.Errorf("Arabic: %q, want %q", got, want)
	}
	plain := errors.New("disk on fire")
	if got := locale.New(arabic).Error(plain); got != "disk on fire" {
		t.Errorf("an error without a key: %q", got)
	}
}

// TestDefault checks the language chosen from the browser's preferences.
func TestDefault(t *testing.T) {
	for _, tc := range []struct {
		prefs []string
		want  locale.Lang
	}{
		{nil, locale.English},
		{[]string{"ar"}, locale.Arabic},
		{[]string{"ar-MA", "fr"}, locale.Arabic},
		{[]string{"fr-FR", "ar", "en"}, locale.Arabic},
		{[]string{"en-US", "ar"}, locale.English},
		{[]string{"fr", "de"}, locale.English},
		{[]string{"not a tag", "ar-EG"}, locale.Arabic},
	} {
		if got := locale.Default(tc.prefs); got.Lang != tc.want || got.Digits != locale.Western {
			t.Errorf("Default(%q) = %+v, want %s with Western digits", tc.prefs, got, tc.want)
		}
	}
}

func BenchmarkTPlain(b *testing.B) {
	p := locale.New(arabic)
	for b.Loop() {
		p.T("Side panel")
	}
}

func BenchmarkTCount(b *testing.B) {
	p := locale.New(arabic)
	for b.Loop() {
		p.T("%d documents", 5)
	}
}

// TestF checks figures as a reader sees them: rounded (an exact half to
// even, as fmt's %.3f does, so the figures match the command line's), in
// the chosen digits, with the language's decimal separator (CLDR's: U+066B
// after Arabic-Indic digits).
func TestF(t *testing.T) {
	for _, tc := range []struct {
		set  locale.Settings
		x    float64
		prec int
		want string
	}{
		{english, 0.8126, 3, "0.813"},
		{english, 0.8125, 3, "0.812"},
		{english, 1, 3, "1.000"},
		{english, -0.25, 2, "-0.25"},
		{arabic, 0.8126, 3, "0.813"},
		{indic, 0.8126, 3, "٠٫٨١٣"},
		{english, 12345.5, 1, "12345.5"},
	} {
		if got := locale.New(tc.set).F(tc.x, tc.prec); got != tc.want {
			t.Errorf("%+v F(%v, %d) = %q, want %q", tc.set, tc.x, tc.prec, got, tc.want)
		}
	}
}
