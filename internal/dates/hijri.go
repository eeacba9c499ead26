package dates

import "time"

// The Hijri dates are converted with the tabular (arithmetical) Islamic
// calendar, civil epoch (1 Muharram 1 AH = 16 July 622 Julian): it may
// differ by a day or two from a calendar fixed by sighting the moon or by
// Umm al-Qura.

const hijriEpoch = 1948440 // Julian Day Number of 1 Muharram 1 AH

// hijriToGregorian returns the Gregorian day of Hijri y-m-d.
func hijriToGregorian(y, m, d int) (time.Time, bool) {
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 30 {
		return time.Time{}, false
	}
	if d == 30 && hijriMonthLength(y, m) < 30 {
		return time.Time{}, false
	}
	jdn := d + (59*(m-1)+1)/2 + (y-1)*354 + (3+11*y)/30 + hijriEpoch - 1
	return jdnToDate(jdn), true
}

// hijriMonthLength returns 29 or 30.
func hijriMonthLength(y, m int) int {
	if m%2 == 1 {
		return 30
	}
	if m == 12 && (14+11*y)%30 < 11 {
		return 30 // leap year
	}
	return 29
}

// gregorianToHijri returns the Hijri date of a Gregorian day.
func gregorianToHijri(t time.Time) (y, m, d int) {
	jdn := dateToJDN(t)
	y = (30*(jdn-hijriEpoch) + 10646) / 10631
	first := func(m int) int {
		return 1 + (59*(m-1)+1)/2 + (y-1)*354 + (3+11*y)/30 + hijriEpoch - 1
	}
	m = 12
	for m > 1 && first(m) > jdn {
		m--
	}
	return y, m, jdn - first(m) + 1
}

// dateToJDN returns the Julian Day Number of a Gregorian day.
func dateToJDN(t time.Time) int {
	y, mo, d := t.Date()
	m := int(mo)
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	return d + (153*mm+2)/5 + 365*yy + yy/4 - yy/100 + yy/400 - 32045
}

// jdnToDate returns the Gregorian day of a Julian Day Number.
func jdnToDate(jdn int) time.Time {
	a := jdn + 32044
	b := (4*a + 3) / 146097
	c := a - 146097*b/4
	d := (4*c + 3) / 1461
	e := c - 1461*d/4
	m := (5*e + 2) / 153
	day := e - (153*m+2)/5 + 1
	month := m + 3 - 12*(m/10)
	year := 100*b + d - 4800 + m/10
	return date(year, time.Month(month), day)
}
