package dates

import (
	"strings"

	"github.com/raqim/raqim/internal/fold"
)

// table maps the folded forms of a word class to values.
type table map[string]int

func (t table) add(v int, forms string) {
	for _, f := range strings.Fields(forms) {
		t[fold.String(f)] = v
	}
}

var (
	// weekdays: 1 Sunday … 7 Saturday (time.Weekday + 1).
	weekdays = table{}
	// months: Gregorian month names, one word (Egyptian, Maghrebi,
	// Moroccan and transliterated forms).
	months = table{}
	// levantine: the two-word and one-word Syriac month names.
	levantine1 = table{} // one word: شباط، آذار …
	levantine2 = map[[2]string]int{}
	// hijri: Hijri month names, first word; hijri2 completes two-word names.
	hijri  = table{}
	hijri2 = map[[2]string]int{}
	// dayParts are the time-of-day words that open a date (صباح الخميس).
	dayParts = table{}
	// trailingParts are the adverbial forms after a date (الأحد مساءً).
	trailingParts = table{}
	// modifiers open a period of a month or year (أواخر 2023): 1 early, 2 mid, 3 late.
	modifiers = table{}
	// units of relative periods: الأسبوع، الشهر، العام …
	periodUnits = table{}
	// periodRel: الماضي −1, الجاري 0, المقبل +1.
	periodRel = table{}
	// ordinals are the first words of the ordinal days (numword.Ordinal).
	ordinals = table{}
	// contextWords may stand right before a bare month or year.
	contextWords = table{}
)

// month needs a number next to it: ماي and آب are also common words.
var needsNumber = map[string]bool{fold.String("آب"): true, fold.String("ماي"): true, fold.String("مايو"): false}

const (
	unitWeek = iota + 1
	unitMonth
	unitYear
)

func init() {
	weekdays.add(1, "الأحد")
	weekdays.add(2, "الاثنين الإثنين")
	weekdays.add(3, "الثلاثاء")
	weekdays.add(4, "الأربعاء")
	weekdays.add(5, "الخميس")
	weekdays.add(6, "الجمعة")
	weekdays.add(7, "السبت")

	months.add(1, "يناير جانفي كانون_الثاني")
	months.add(2, "فبراير فيفري فبرير")
	months.add(3, "مارس")
	months.add(4, "أبريل إبريل ابريل أفريل")
	months.add(5, "مايو ماي")
	months.add(6, "يونيو يونيه جوان")
	months.add(7, "يوليو يوليه يوليوز جويلية")
	months.add(8, "أغسطس أغشت غشت أوت")
	months.add(9, "سبتمبر شتنبر")
	months.add(10, "أكتوبر اكتوبر")
	months.add(11, "نوفمبر نونبر")
	months.add(12, "ديسمبر دجنبر دجمبر")
	delete(months, fold.String("كانون_الثاني"))

	levantine1.add(2, "شباط")
	levantine1.add(3, "آذار")
	levantine1.add(4, "نيسان")
	levantine1.add(5, "أيار")
	levantine1.add(6, "حزيران")
	levantine1.add(7, "تموز")
	levantine1.add(8, "آب")
	levantine1.add(9, "أيلول")
	for _, p := range []struct {
		a, b string
		m    int
	}{
		{"كانون", "الثاني", 1}, {"كانون", "الأول", 12},
		{"تشرين", "الأول", 10}, {"تشرين", "الثاني", 11},
	} {
		levantine2[[2]string{fold.String(p.a), fold.String(p.b)}] = p.m
	}

	hijri.add(1, "محرم المحرم")
	hijri.add(2, "صفر")
	hijri.add(7, "رجب")
	hijri.add(8, "شعبان")
	hijri.add(9, "رمضان")
	hijri.add(10, "شوال")
	for _, p := range []struct {
		a, b string
		m    int
	}{
		{"ربيع", "الأول", 3}, {"ربيع", "الآخر", 4}, {"ربيع", "الثاني", 4},
		{"جمادى", "الأولى", 5}, {"جمادى", "الأول", 5}, {"جمادى", "الآخرة", 6}, {"جمادى", "الثانية", 6}, {"جمادى", "الآخر", 6},
		{"ذو", "القعدة", 11}, {"ذي", "القعدة", 11}, {"ذو", "الحجة", 12}, {"ذي", "الحجة", 12},
	} {
		hijri2[[2]string{fold.String(p.a), fold.String(p.b)}] = p.m
	}

	dayParts.add(1, "صباح صبيحة فجر ضحى ظهر ظهيرة عصر مساء ليلة ليل غداة منتصف نهار")
	trailingParts.add(1, "صباحا مساء مساءا ليلا فجرا ظهرا عصرا")

	modifiers.add(1, "مطلع أوائل بداية بدايات مستهل أول")
	modifiers.add(2, "منتصف أواسط")
	modifiers.add(3, "أواخر نهاية أخر آخر")

	periodUnits.add(unitWeek, "الأسبوع الاسبوع")
	periodUnits.add(unitMonth, "الشهر")
	periodUnits.add(unitYear, "العام السنة")
	periodRel.add(-1, "الماضي الماضية المنصرم المنصرمة الفائت الفائتة السابق السابقة")
	periodRel.add(0, "الجاري الجارية الحالي الحالية")
	periodRel.add(1, "المقبل المقبلة القادم القادمة")

	ordinals.add(1, "الأول أول الحادي الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر العشرين الثلاثين")
	contextWords.add(1, "في منذ خلال حتى قبل بعد إلى الى عام سنة شهر مطلع أوائل أواسط منتصف أواخر بداية نهاية مستهل بين من وفي ومنذ ففي")
}

// Class names the date word class of a folded key, for features:
// "weekday", "month", "daypart", "relative", "modifier" or "".
func Class(key string) string {
	switch {
	case weekdays[key] > 0:
		return "weekday"
	case months[key] > 0 || levantine1[key] > 0 || hijri[key] > 0:
		return "month"
	case dayParts[key] > 0 || trailingParts[key] > 0:
		return "daypart"
	case key == kAms || key == kYesterday2 || key == kToday || key == kTomorrow:
		return "relative"
	case modifiers[key] > 0:
		return "modifier"
	}
	return ""
}

var (
	kAms        = fold.String("أمس")
	kYesterday2 = fold.String("البارحة")
	kToday      = fold.String("اليوم")
	kTomorrow   = fold.String("غدا")
	kAwwal      = fold.String("أول")
	kMin        = fold.String("من")
	kYawm       = fold.String("يوم")
	kSame       = fold.String("نفسه")
	kSame2      = fold.String("ذاته")
	kNext       = fold.String("التالي")
	kPrevDay    = fold.String("السابق")
	kNight      = fold.String("الليلة")
	kHijriMark  = fold.String("هـ")
	kGregMark   = fold.String("م")
	kAam        = fold.String("عام")
	kSana       = fold.String("سنة")
	kLast       = fold.String("الماضية")
	kLayl       = fold.String("الليل")
	kAlAms      = fold.String("الأمس")
	kIla        = fold.String("إلى")
	kShahr      = fold.String("شهر")
	kMuntasaf   = fold.String("منتصف")
	kLeil       = fold.String("ليل")
	kLeila      = fold.String("ليلة")
	kIla2       = fold.String("الى")
	kMuwafiq    = fold.String("الموافق")
	kFirst      = fold.String("الأول")
	kGhad       = fold.String("الغد")
	kLastOne    = fold.String("الأخير")
)
