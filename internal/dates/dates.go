// Package dates finds the date expressions of Arabic news text, with the
// boundaries of the annotation guidelines (rule 5: no leading preposition,
// the weekday and time-of-day words inside, durations left out), and
// normalises them to ISO 8601 against a reference date.
//
// The grammar reads weekdays, day numbers in Western and Arabic-Indic
// digits and in ordinal words (السادس من أكتوبر), Gregorian month names in
// their Egyptian, Maghrebi, Moroccan and Syriac forms (أكتوبر، أوت،
// يوليوز، تشرين الأول, and pairs such as أكتوبر/تشرين الأول), Hijri months,
// years, relative days (أمس، أول أمس، يوم أمس، اليوم الثلاثاء), anaphoric
// days (اليوم التالي، اليوم نفسه), relative periods (الأسبوع الماضي), parts
// of a month or year (أواخر 2023) and day-part words (صباح، مساء، فجر، ليلة).
package dates

import (
	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/numword"
)

// Anaphora says how a date refers to the date mentioned before it.
type Anaphora int

// The anaphoric readings of اليوم.
const (
	NoAnaphora Anaphora = iota
	Same                // اليوم نفسه، اليوم ذاته
	Next                // اليوم التالي
	Before              // اليوم السابق
)

// Expr is what a date expression says, before it is resolved.
type Expr struct {
	Year, Month, Day int  // as written; 0 where not given
	Hijri            bool // Year, Month and Day are Hijri
	Weekday          int  // 1 Sunday … 7 Saturday; 0 none
	WeekRel          int  // −1 for الأحد الماضي (strictly before the reference)
	// RelDay is a day relative to the reference (أمس −1, اليوم 0); valid
	// when HasRel.
	RelDay int
	HasRel bool
	// Anaphora refers to the date mentioned before.
	Anaphora Anaphora
	// PeriodUnit and PeriodRel are a relative period: unitWeek, unitMonth or
	// unitYear, and −1, 0 or +1 (الشهر الماضي).
	PeriodUnit, PeriodRel int
	// MonthRel is −1, 0 or +1 for a month (with its day or alone) followed
	// by الماضي, الجاري or المقبل (3 مارس الماضي، أغسطس الماضي): the month is
	// before the reference's, the reference's, or after it.
	MonthRel int
	// Modifier is 1, 2 or 3 for the early, middle or late part of a month
	// or year (مطلع، منتصف، أواخر).
	Modifier int
	// Part is the folded time-of-day word (صباح, مساء …), or "".
	Part string
}

// Match is a date expression found in a text.
type Match struct {
	Start, End  int // code points of the stored text
	First, Last int // word indices
	Expr        Expr
}

// Find returns the date expressions of t in text order, leftmost-longest
// and not overlapping.
func Find(t *fold.Text) []Match {
	var out []Match
	for i := 0; i < len(t.Words); i++ {
		m, ok := At(t, i)
		if !ok {
			continue
		}
		out = append(out, m)
		i = m.Last
	}
	return out
}

// At returns the longest date expression starting at word i, whose first
// word may carry a proclitic (والثلاثاء), and whether there is one.
func At(t *fold.Text, i int) (Match, bool) {
	if i >= len(t.Words) || t.Words[i].Punct {
		return Match{}, false
	}
	w := &t.Words[i]
	var best Match
	found := false
	for _, rd := range w.Readings() {
		p := parser{t: t, i: i, first: rd.Key}
		last, e, ok := p.parse()
		if !ok || (found && last <= best.Last) {
			continue
		}
		start := w.Offset(rd.Skip)
		if rd.Skip == 0 {
			start = w.Start
		}
		best = Match{Start: start, End: t.Words[last].End, First: i, Last: last, Expr: e}
		found = true
	}
	return best, found
}

// parser reads one expression starting at word i, whose key is first.
type parser struct {
	t     *fold.Text
	i     int
	first string
}

func (p *parser) key(j int) string {
	if j == p.i {
		return p.first
	}
	if j < 0 || j >= len(p.t.Words) {
		return ""
	}
	return p.t.Words[j].Key
}

func (p *parser) keys(j int) []string {
	var ks []string
	for ; j < len(p.t.Words) && len(ks) < 4; j++ {
		ks = append(ks, p.key(j))
	}
	return ks
}

// hasContext reports whether the word before the expression may introduce
// a bare month or year (في، منذ، عام …).
func (p *parser) hasContext() bool {
	k := p.key(p.i - 1)
	if contextWords[k] > 0 {
		return true
	}
	if !fold.MaySplit(k) {
		return false
	}
	for _, rd := range fold.Readings(k)[1:] {
		if contextWords[rd.Key] > 0 {
			return true
		}
	}
	return false
}

// parse returns the last word of the expression.
func (p *parser) parse() (last int, e Expr, ok bool) {
	j := p.i
	k := p.key(j)

	// يوم أمس، يوم أول أمس: the only dates that keep يوم.
	if k == kYawm {
		if l, ok := p.yesterday(j+1, &e); ok {
			return l, e, true
		}
		return 0, e, false
	}
	// A period of a month or year: أواخر 2023، مطلع الشهر الجاري.
	if m := modifiers[k]; m > 0 {
		e.Modifier = m
		n := j + 1
		if nk := p.key(n); nk == kAam || nk == kSana || nk == kShahr {
			n++
		}
		if l, ok := p.monthYear(n, &e, true); ok {
			return l, e, true
		}
		if l, ok := p.period(n, &e); ok {
			return l, e, true
		}
		e = Expr{} // not a period: أول أمس is read below
	}
	// A time-of-day word opens a date: صباح الخميس، مساء اليوم نفسه.
	if dayParts[k] > 0 {
		e.Part = k
		n := j + 1
		if k == kMuntasaf {
			if nk := p.key(n); nk != kLeil && nk != kLeila && nk != kLayl {
				return 0, Expr{}, false
			}
			n++
		}
		if p.key(n) == kYawm {
			n++
		}
		if l, ok := p.core(n, &e, true); ok {
			return p.trailing(l, &e), e, true
		}
		return 0, Expr{}, false
	}
	if l, ok := p.core(j, &e, false); ok {
		return p.trailing(l, &e), e, true
	}
	return 0, Expr{}, false
}

// trailing takes in a time-of-day adverb after the date (الأحد مساءً).
func (p *parser) trailing(l int, e *Expr) int {
	if k := p.key(l + 1); trailingParts[k] > 0 && e.Part == "" {
		e.Part = k
		return l + 1
	}
	return l
}

// core reads what a date says after its time-of-day word; afterPart is
// true when one was read (then a bare اليوم is a date).
func (p *parser) core(j int, e *Expr, afterPart bool) (int, bool) {
	k := p.key(j)
	switch {
	case weekdays[k] > 0:
		e.Weekday = weekdays[k]
		l := j
		n := j + 1
		if v, ok := periodRel[p.key(n)]; ok && v == -1 {
			e.WeekRel = -1
			return n, true
		}
		if e.Part != "" { // ليلة السبت إلى الأحد، ليلة السبت/الأحد
			if sep := p.key(n); (sep == kIla || sep == "/" || sep == kIla2) && weekdays[p.key(n+1)] == e.Weekday%7+1 {
				return n + 1, true
			}
		}
		if nk := p.key(n); nk == "،" || nk == "," {
			n++
		}
		if p.key(n) == kMuwafiq {
			n++
		}
		if dl, ok := p.dayMonth(n, e); ok {
			return dl, true
		}
		return l, true
	case k == kToday:
		n := j + 1
		switch nk := p.key(n); {
		case weekdays[nk] > 0:
			e.Weekday = weekdays[nk]
			e.HasRel = true
			return n, true
		case nk == kSame || nk == kSame2:
			e.Anaphora = Same
			return n, true
		case nk == kNext:
			e.Anaphora = Next
			return n, true
		case nk == kPrevDay:
			e.Anaphora = Before
			return n, true
		}
		if afterPart {
			e.HasRel = true
			return j, true
		}
		return 0, false
	case k == kNight && periodRel[p.key(j+1)] == -1:
		e.HasRel, e.RelDay = true, -1
		if e.Part == "" {
			e.Part = kLeila
		}
		return j + 1, true
	}
	if l, ok := p.yesterday(j, e); ok {
		return l, true
	}
	if l, ok := p.dayMonth(j, e); ok {
		return l, true
	}
	if afterPart {
		return 0, false
	}
	if l, ok := p.numeric(j, e); ok {
		return l, true
	}
	if l, ok := p.monthYear(j, e, p.hasContext()); ok {
		return l, true
	}
	if l, ok := p.period(j, e); ok {
		return l, true
	}
	return 0, false
}

// yesterday reads أمس، البارحة، أول أمس، أول من أمس، أمس الأول، غدا, and a
// weekday after them (أمس الاثنين).
func (p *parser) yesterday(j int, e *Expr) (int, bool) {
	k := p.key(j)
	l := -1
	switch {
	case k == kAms || k == kYesterday2 || k == kAlAms:
		e.HasRel, e.RelDay, l = true, -1, j
		if p.key(j+1) == kFirst {
			e.RelDay, l = -2, j+1
		}
	case k == kAwwal && p.key(j+1) == kAms:
		e.HasRel, e.RelDay, l = true, -2, j+1
	case k == kAwwal && p.key(j+1) == kMin && p.key(j+2) == kAms:
		e.HasRel, e.RelDay, l = true, -2, j+2
	case k == kTomorrow || k == kGhad:
		e.HasRel, e.RelDay, l = true, 1, j
	}
	if l < 0 {
		return 0, false
	}
	if wd := weekdays[p.key(l+1)]; wd > 0 {
		e.Weekday = wd
		l++
	}
	return l, true
}

// month reads a month name at j (one or two words) and returns its number,
// whether it is Hijri, and its last word.
func (p *parser) month(j int) (m int, hijriMonth bool, last int, ok bool) {
	k, k2 := p.key(j), p.key(j+1)
	if v := levantine2[[2]string{k, k2}]; v > 0 {
		return v, false, j + 1, true
	}
	if v := hijri2[[2]string{k, k2}]; v > 0 {
		return v, true, j + 1, true
	}
	if v := months[k]; v > 0 {
		return v, false, j, true
	}
	if v := levantine1[k]; v > 0 {
		return v, false, j, true
	}
	if v := hijri[k]; v > 0 {
		return v, true, j, true
	}
	return 0, false, 0, false
}

// monthAlt reads an alternative name of month m after l: أكتوبر/تشرين
// الأول، أكتوبر-تشرين الأول، أكتوبر (تشرين الأول).
func (p *parser) monthAlt(l, m int) int {
	sep := p.key(l + 1)
	if sep != "/" && sep != "-" && sep != "(" && sep != "–" {
		return l
	}
	m2, h, l2, ok := p.month(l + 2)
	if !ok || h || m2 != m {
		return l
	}
	if sep == "(" && p.key(l2+1) == ")" {
		return l2 + 1
	}
	return l2
}

// year reads a year at j: four digits, then م or هـ, or, after a Hijri
// month (hijriMonth), a bare Hijri year. It returns the year, whether it is
// Hijri, and its last word.
func (p *parser) year(j int, hijriMonth bool) (y int, hijriYear bool, last int, ok bool) {
	k := p.key(j)
	if len(k) != 4 {
		return 0, false, 0, false
	}
	v, ok := numword.Digits(k)
	if !ok || v < 1300 || v > 2100 {
		return 0, false, 0, false
	}
	switch p.key(j + 1) {
	case kHijriMark, "ه":
		return v, true, j + 1, true
	case kGregMark:
		return v, false, j + 1, true
	}
	if v < 1900 {
		if hijriMonth && v <= 1600 {
			return v, true, j, true // ٦ رجب ١٤٤٧: after a Hijri month, a Hijri year
		}
		return 0, false, 0, false // a bare 1447 is more likely a count
	}
	return v, false, j, true
}

// dayMonth reads a day and a month, and the year after them:
// 7 أكتوبر 2025، السادس من أكتوبر، ١٠ ربيع الآخر ١٤٤٧ هـ.
func (p *parser) dayMonth(j int, e *Expr) (int, bool) {
	if k := p.key(j); ordinals[k] == 0 && (k == "" || k[0] < '0' || k[0] > '9') {
		return 0, false
	}
	ks := p.keys(j)
	d, n := numword.Ordinal(ks)
	if n == 0 {
		return 0, false
	}
	_, digits := numword.Digits(ks[0])
	mj := j + n
	if p.key(mj) == kMin {
		mj++
		if p.key(mj) == kShahr && !periodUnitsAt(p, mj) { // السادس من شهر أكتوبر
			mj++
		}
	} else if !digits {
		return 0, false // ordinals need من: السادس من أكتوبر
	}
	// … من الشهر الجاري: a day of the reference's month, or the one before.
	if periodUnits[p.key(mj)] == unitMonth && p.key(mj-1) == kMin {
		if r, ok := periodRel[p.key(mj+1)]; ok && r <= 0 {
			e.Day, e.PeriodUnit, e.PeriodRel = d, unitMonth, r
			return mj + 1, true
		}
	}
	m, h, l, ok := p.month(mj)
	if !ok {
		return 0, false
	}
	e.Day, e.Month, e.Hijri = d, m, h
	if !h {
		l = p.monthAlt(l, m)
	}
	if y, hy, yl, ok := p.year(l+1, h); ok {
		e.Year = y
		if hy && !h {
			return l, true // a Hijri year after a Gregorian month: stop
		}
		l = yl
	} else if r, ok := periodRel[p.key(l+1)]; ok && r <= 0 && !h {
		l++ // السابع من أكتوبر الجاري، 3 مارس الماضي
		e.MonthRel = r
	}
	return l, true
}

// monthYear reads a month and its year, a bare month, or a bare year; a
// bare month or year needs a context word before it (ctx).
func (p *parser) monthYear(j int, e *Expr, ctx bool) (int, bool) {
	if m, h, l, ok := p.month(j); ok {
		if !h {
			l = p.monthAlt(l, m)
		}
		if y, hy, yl, ok := p.year(l+1, h); ok && hy == h {
			e.Month, e.Year, e.Hijri = m, y, h
			return yl, true
		}
		if !ctx || needsNumber[p.key(j)] {
			return 0, false
		}
		e.Month, e.Hijri = m, h
		if r, ok := periodRel[p.key(l+1)]; ok && !h {
			l++ // أغسطس الماضي، أكتوبر الجاري، يناير المقبل
			e.MonthRel = r
		}
		return l, true
	}
	if ctx || p.key(j-1) == kAam || p.key(j-1) == kSana {
		if y, h, l, ok := p.year(j, false); ok {
			e.Year, e.Hijri = y, h
			return l, true
		}
	}
	return 0, false
}

// numeric reads 7/10/2025, 07-10-2025 and 2025-10-07.
func (p *parser) numeric(j int, e *Expr) (int, bool) {
	a, ok1 := numword.Digits(p.key(j))
	s1 := p.key(j + 1)
	b, ok2 := numword.Digits(p.key(j + 2))
	s2 := p.key(j + 3)
	c, ok3 := numword.Digits(p.key(j + 4))
	if !ok1 || !ok2 || !ok3 || s1 != s2 || (s1 != "/" && s1 != "-" && s1 != ".") {
		return 0, false
	}
	// The separators must touch the numbers: 7/10/2025, not a list.
	for w := j; w < j+4; w++ {
		if p.t.Words[w].End != p.t.Words[w+1].Start {
			return 0, false
		}
	}
	switch {
	case len(p.key(j)) == 4 && a >= 1900 && a <= 2100 && b >= 1 && b <= 12 && c >= 1 && c <= 31:
		e.Year, e.Month, e.Day = a, b, c
	case len(p.key(j+4)) == 4 && c >= 1900 && c <= 2100 && b >= 1 && b <= 12 && a >= 1 && a <= 31:
		e.Year, e.Month, e.Day = c, b, a
	default:
		return 0, false
	}
	return j + 4, true
}

// periodUnitsAt reports whether word j is a period unit (الشهر) rather
// than the bare شهر before a month name.
func periodUnitsAt(p *parser, j int) bool { return periodUnits[p.key(j)] > 0 }

// period reads a relative period (الأسبوع الماضي، الشهر الجاري، العام
// المقبل) or a week of a month (الأسبوع الثالث من شهر يناير 2026).
func (p *parser) period(j int, e *Expr) (int, bool) {
	u := periodUnits[p.key(j)]
	if u == 0 {
		return 0, false
	}
	if u == unitWeek {
		if w, n := numword.Ordinal([]string{p.key(j + 1)}); n == 1 && w <= 5 || p.key(j+1) == kLastOne {
			mj := j + 2
			if p.key(mj) == kMin {
				mj++
				if p.key(mj) == kShahr {
					mj++
				}
				var me Expr
				if l, ok := p.monthYear(mj, &me, true); ok && me.Month > 0 {
					e.Month, e.Year, e.Hijri = me.Month, me.Year, me.Hijri
					return l, true
				}
			}
		}
	}
	r, ok := periodRel[p.key(j+1)]
	if !ok {
		return 0, false
	}
	e.PeriodUnit, e.PeriodRel = u, r
	return j + 1, true
}

// Parse reads the date expression of a span's text, as drawn by a user:
// leading prepositions (في، منذ، يوم) are passed over, and the expression
// need not cover the whole text. ok is false when no date is found.
func Parse(s string) (Expr, bool) {
	t := fold.New(s)
	for i := range t.Words {
		if m, ok := At(t, i); ok {
			return m.Expr, true
		}
		if i >= 2 {
			break
		}
	}
	return Expr{}, false
}
