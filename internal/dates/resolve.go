package dates

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/fold"
)

// The precisions of a resolved date.
const (
	Day   = "day"
	Month = "month"
	Year  = "year"
)

// The sources of a reference date.
const (
	FromMeta     = "meta"     // the document's metadata
	FromDateline = "dateline" // the dateline at the top of the text
	FromText     = "text"     // the latest full date the text mentions
)

// MetaKeys are the metadata keys read, in order, for a reference date: an
// ISO 8601 date or RFC 3339 time as a JSON string.
var MetaKeys = []string{"reference_date", "date", "published", "published_at", "dateline"}

// Ref is the date relative and partial dates are resolved against.
type Ref struct {
	Date   time.Time // midnight UTC of the reference day; zero when none
	Source string    // FromMeta, FromDateline or FromText; "" when none
}

// Valid reports whether r holds a date.
func (r Ref) Valid() bool { return !r.Date.IsZero() }

// Reference returns the reference date of a document whose text is t and
// whose date expressions are ms (from Find): a date in its metadata (see
// MetaKeys), else its dateline (a full date on one of its first three
// lines, alone or after a place and a dash: باماكو – 24 يناير 2026), else
// the latest full date the text mentions, else none.
func Reference(meta map[string]json.RawMessage, t *fold.Text, ms []Match) Ref {
	for _, k := range MetaKeys {
		raw, ok := meta[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			continue
		}
		if d, ok := parseISO(s); ok {
			return Ref{d, FromMeta}
		}
	}
	for _, m := range ms {
		if lineOf(t.Runes, m.Start) >= 3 {
			break
		}
		if d, ok := fullDate(m.Expr); ok && isDateline(t.Runes, m.Start, m.End) {
			return Ref{d, FromDateline}
		}
	}
	var latest time.Time
	for _, m := range ms {
		if d, ok := fullDate(m.Expr); ok && d.After(latest) {
			latest = d
		}
	}
	if !latest.IsZero() {
		return Ref{latest, FromText}
	}
	return Ref{}
}

// parseISO reads 2025-10-09 or an RFC 3339 time.
func parseISO(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, true
	}
	if d, err := time.Parse(time.RFC3339, s); err == nil {
		return date(d.Year(), d.Month(), d.Day()), true
	}
	return time.Time{}, false
}

// lineOf returns the number of non-empty lines before code point i.
func lineOf(r []rune, i int) int {
	n, blank := 0, true
	for _, c := range r[:i] {
		switch {
		case c == '\n':
			if !blank {
				n++
			}
			blank = true
		case !unicode.IsSpace(c):
			blank = false
		}
	}
	return n
}

// isDateline reports whether the date at [s, e) stands alone on its line
// or after at most four words and a dash, with at most a dash after it.
func isDateline(r []rune, s, e int) bool {
	ls := s
	for ls > 0 && r[ls-1] != '\n' {
		ls--
	}
	le := e
	for le < len(r) && r[le] != '\n' {
		le++
	}
	before := strings.TrimSpace(string(r[ls:s]))
	after := strings.TrimSpace(string(r[e:le]))
	if after != "" && strings.Trim(after, "-–—:،,.") != "" {
		return false
	}
	if before == "" {
		return true
	}
	last, _ := lastRune(before)
	if last != '-' && last != '–' && last != '—' && last != '|' && last != ':' && last != '،' && last != ',' {
		return false
	}
	return len(strings.Fields(strings.TrimRight(before, "-–—|:،,"))) <= 4
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// fullDate returns the day an expression names with day, month and year.
func fullDate(e Expr) (time.Time, bool) {
	if e.Year == 0 || e.Month == 0 || e.Day == 0 {
		return time.Time{}, false
	}
	if e.Hijri {
		return hijriToGregorian(e.Year, e.Month, e.Day)
	}
	return validDate(e.Year, e.Month, e.Day)
}

func validDate(y, m, d int) (time.Time, bool) {
	t := date(y, time.Month(m), d)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// Value is a resolved date.
type Value struct {
	ISO       string // 2025-10-07, 2025-10 or 2025; "" when unresolved
	Precision string // Day, Month or Year; "" when unresolved
	Date      time.Time
	// Hijri is the Hijri date as written (1447-04-10, 1447-04), or "".
	Hijri string
}

// Attrs returns v as span attributes: iso and precision (and hijri), or
// nil when unresolved.
func (v Value) Attrs() map[string]string {
	if v.ISO == "" {
		return nil
	}
	a := map[string]string{"iso": v.ISO, "precision": v.Precision}
	if v.Hijri != "" {
		a["hijri"] = v.Hijri
	}
	return a
}

func dayValue(d time.Time) Value {
	return Value{ISO: d.Format(time.DateOnly), Precision: Day, Date: d}
}

func monthValue(y, m int) Value {
	d := date(y, time.Month(m), 1)
	return Value{ISO: d.Format("2006-01"), Precision: Month, Date: d}
}

func yearValue(y int) Value {
	return Value{ISO: fmt.Sprintf("%04d", y), Precision: Year, Date: date(y, 1, 1)}
}

// Resolve returns the date e names, read against ref (for relative and
// partial dates) and prev, the last day-precision date mentioned before it
// (zero when none; for اليوم التالي and the like).
//
// A weekday alone is the most recent such day on or before the reference
// (before it for الأحد الماضي); a day and month without a year take the
// year that puts them closest to the reference; أمس is the reference − 1.
func (e Expr) Resolve(ref Ref, prev time.Time) Value {
	var v Value
	switch {
	case e.Day > 0 && e.Month > 0:
		if e.Hijri {
			v = e.hijriDay(ref)
			break
		}
		if e.Year > 0 {
			if d, ok := validDate(e.Year, e.Month, e.Day); ok {
				v = dayValue(d)
			}
		} else if ref.Valid() {
			d, ok := closestYear(ref.Date, e.Month, e.Day)
			if ok && e.MonthRel < 0 && d.After(ref.Date) {
				d, ok = validDate(d.Year()-1, e.Month, e.Day) // 3 مارس الماضي
			}
			if ok {
				v = dayValue(d)
			}
		}
	case e.Month > 0:
		if e.Hijri {
			v = e.hijriMonth(ref)
			break
		}
		switch {
		case e.Year > 0:
			v = monthValue(e.Year, e.Month)
		case ref.Valid():
			y, rm := ref.Date.Year(), int(ref.Date.Month())
			switch {
			case e.MonthRel < 0 && e.Month >= rm:
				y-- // أغسطس الماضي in August or before: last year's
			case e.MonthRel > 0 && e.Month <= rm:
				y++ // يناير المقبل: next year's
			case e.MonthRel == 0 && e.Month > rm+1:
				y-- // a month well after the reference is last year's
			}
			v = monthValue(y, e.Month)
		}
	case e.Year > 0:
		if e.Hijri {
			if d, ok := hijriToGregorian(e.Year, 1, 1); ok {
				v = yearValue(d.Year())
				v.Hijri = fmt.Sprintf("%04d", e.Year)
			}
			break
		}
		v = yearValue(e.Year)
	case e.Anaphora != NoAnaphora:
		base := prev
		if base.IsZero() {
			base = ref.Date
		}
		if base.IsZero() {
			break
		}
		switch e.Anaphora {
		case Same:
			v = dayValue(base)
		case Next:
			v = dayValue(base.AddDate(0, 0, 1))
		case Before:
			v = dayValue(base.AddDate(0, 0, -1))
		}
	case e.HasRel:
		if !ref.Valid() {
			break
		}
		d := ref.Date.AddDate(0, 0, e.RelDay)
		if e.Weekday > 0 && int(d.Weekday())+1 != e.Weekday {
			d = onOrBefore(d, e.Weekday)
		}
		v = dayValue(d)
	case e.Weekday > 0:
		if !ref.Valid() {
			break
		}
		d := ref.Date
		if e.WeekRel < 0 {
			d = d.AddDate(0, 0, -1)
		}
		v = dayValue(onOrBefore(d, e.Weekday))
	case e.PeriodUnit > 0:
		if !ref.Valid() {
			break
		}
		if e.Day > 0 { // الخامس من الشهر الجاري
			m := date(ref.Date.Year(), ref.Date.Month(), 1).AddDate(0, e.PeriodRel, 0)
			if d, ok := validDate(m.Year(), int(m.Month()), e.Day); ok {
				v = dayValue(d)
			}
			break
		}
		switch e.PeriodUnit {
		case unitMonth:
			d := ref.Date.AddDate(0, e.PeriodRel, 0)
			v = monthValue(d.Year(), int(d.Month()))
		case unitYear:
			v = yearValue(ref.Date.Year() + e.PeriodRel)
		}
	}
	return v
}

// onOrBefore returns the last day on or before d that falls on weekday wd
// (1 Sunday … 7 Saturday).
func onOrBefore(d time.Time, wd int) time.Time {
	back := (int(d.Weekday()) + 1 - wd + 7) % 7
	return d.AddDate(0, 0, -back)
}

// closestYear returns month m, day d of the year (the reference's, the one
// before or after) closest to ref.
func closestYear(ref time.Time, m, d int) (time.Time, bool) {
	var best time.Time
	found := false
	for _, y := range []int{ref.Year(), ref.Year() - 1, ref.Year() + 1} {
		t, ok := validDate(y, m, d)
		if !ok {
			continue
		}
		if !found || absDays(t, ref) < absDays(best, ref) {
			best, found = t, true
		}
	}
	return best, found
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

func (e Expr) hijriDay(ref Ref) Value {
	y := e.Year
	if y == 0 {
		if !ref.Valid() {
			return Value{}
		}
		// the Hijri year that puts the day closest to the reference
		ry, _, _ := gregorianToHijri(ref.Date)
		var best time.Time
		for _, cy := range []int{ry, ry - 1, ry + 1} {
			if d, ok := hijriToGregorian(cy, e.Month, e.Day); ok && (best.IsZero() || absDays(d, ref.Date) < absDays(best, ref.Date)) {
				best, y = d, cy
			}
		}
	}
	d, ok := hijriToGregorian(y, e.Month, e.Day)
	if !ok {
		return Value{}
	}
	v := dayValue(d)
	v.Hijri = fmt.Sprintf("%04d-%02d-%02d", y, e.Month, e.Day)
	return v
}

func (e Expr) hijriMonth(ref Ref) Value {
	y := e.Year
	if y == 0 {
		if !ref.Valid() {
			return Value{}
		}
		y, _, _ = gregorianToHijri(ref.Date)
	}
	d, ok := hijriToGregorian(y, e.Month, 1)
	if !ok {
		return Value{}
	}
	// The Gregorian month in which the Hijri month starts.
	v := monthValue(d.Year(), int(d.Month()))
	v.Hijri = fmt.Sprintf("%04d-%02d", y, e.Month)
	return v
}

// ResolveAll resolves the matches of one text in order, each anaphoric
// date against the last day-precision date before it.
func ResolveAll(ms []Match, ref Ref) []Value {
	out := make([]Value, len(ms))
	var prev time.Time
	for i, m := range ms {
		out[i] = m.Expr.Resolve(ref, prev)
		if out[i].Precision == Day {
			prev = out[i].Date
		}
	}
	return out
}

// ForDocument returns the reference date of a document's text t and the
// resolved values of its date matches ms.
func ForDocument(doc *corpus.Document, t *fold.Text, ms []Match) (Ref, []Value) {
	ref := Reference(doc.Meta, t, ms)
	return ref, ResolveAll(ms, ref)
}
