package casualty

import (
	"strings"

	"github.com/raqim/raqim/internal/fold"
)

// The kinds of casualty.
const (
	Killed      = "killed"
	Injured     = "injured"
	Captured    = "captured"
	Kidnapped   = "kidnapped"
	Neutralised = "neutralised"
)

// set maps folded forms to a value.
type set map[string]string

func (s set) add(v, forms string) {
	for _, f := range strings.Fields(forms) {
		s[fold.String(f)] = v
	}
}

var (
	// triggers name the event; "" for the general ones (سقوط، وقوع), whose
	// kind comes from the noun.
	triggers = set{}
	// needCount are triggers that are also common nouns without a count
	// (أسر "families"): they need a count before the noun.
	needCount = map[string]bool{fold.String("أسر"): true}
	// nouns are the victims' head nouns; the value is the number they imply
	// by themselves ("1" singular, "2" dual, "" plural).
	nouns = map[string]string{}
	// intrinsic nouns are casualties by themselves (قتيل، جرحى), with their kind.
	intrinsic = set{}
	// lead words announce a count standing alone after them (أودى بحياة
	// أكثر من 30 جنديًا) without being part of its span.
	lead = set{}
	// fixed phrases that are casualties as they stand.
	fixed = map[string]string{}
)

func addNouns(number, forms string) {
	for _, f := range strings.Fields(forms) {
		nouns[fold.String(f)] = number
	}
}

func init() {
	triggers.add(Killed, "مقتل قتل قتلت قتلوا قتلا مصرع استشهاد إعدام أعدم أعدموا اغتيال تصفية ذبح إهلاك أهلك أهلكت أهلكوا")
	triggers.add(Injured, "إصابة إصابات أصيب أصيبت أصيبوا أصابوا جرح جرحت جرحوا")
	triggers.add(Captured, "أسر أسرت أسروا")
	triggers.add(Kidnapped, "اختطاف خطف اختطف اختطفت اختطفوا خطفوا")
	triggers.add(Neutralised, "تحييد حيد حيدت حيدوا")
	triggers.add("", "سقوط وقوع")
	triggers.add(Killed, "جثث") // جثث ستة رعاة
	lead.add(Killed, "بحياة بأرواح أرواح لقي لقيت لقوا")

	// singular (and accusative) forms
	addNouns("1", `جندي جنديا عسكري عسكريا عنصر عنصرا مدني مدنيا شخص شخصا قتيل قتيلا
جريح جريحا مسلح مسلحا إرهابي إرهابيا جهادي جهاديا مقاتل مقاتلا متمرد متمردا مهاجم مهاجما
شرطي شرطيا دركي دركيا فرد فردا رجل رجلا امرأة طفل طفلا طفلة مواطن مواطنا قروي قرويا
أجنبي أجنبيا موظف موظفا عامل عاملا سائق سائقا راكب راكبا ضحية رهينة طالب طالبا حارس حارسا
متطوع متطوعا صياد صيادا أسير أسيرا مختطف مختطفا مصاب مصابا آخر ضابط ضابطا مرافق مرافقا جثة تاجر تاجرا
ثان ثاني ثالث رابع خامس سادس سابع ثامن تاسع عاشر`)
	// duals
	addNouns("2", `جنديين جنديان عسكريين_ عنصرين عنصران شخصين شخصان قتيلين جريحين طفلين رجلين
امرأتين امرأتان أجنبيين مسلحين_ شرطيين دركيين حارسين فردين ضابطين ضابطان آخران مواطنان جثتين جثتان تاجرين تاجران`)
	// plurals
	addNouns("", `جنود عسكريين عسكريون عناصر مدنيين مدنيون أشخاص قتلى جرحى مسلحين مسلحون
إرهابيين إرهابيون جهاديين جهاديون مقاتلين مقاتلون متمردين متمردون مهاجمين مهاجمون رجال
نساء أطفال مواطنين مواطنون قرويين قرويون رعاة تجار أجانب موظفين موظفون عاملين عاملون عمال
سائقين سائقون ركاب مصلين ضحايا رهائن طلاب حراس متطوعين متطوعون صيادين صيادون أسرى مختطفين
مصابين مصابون أفراد آخرين آخرون عنصرا_ سكان شرطيين_ دركيين_ جنديا_ ضباط مرافقين مرافقون جثث أقارب`)
	for k := range nouns {
		if strings.HasSuffix(k, "_") {
			delete(nouns, k)
		}
	}

	intrinsic.add(Killed, "قتيل قتيلا قتلى قتيلين جثة جثث جثتين جثتان")
	intrinsic.add(Injured, "جريح جريحا جرحى جريحين مصاب مصابا مصابين مصابون")
	intrinsic.add(Captured, "أسير أسيرا أسرى")
	intrinsic.add(Kidnapped, "رهينة رهائن مختطف مختطفا مختطفين")
	intrinsic.add("", "ضحية ضحايا")

	for _, p := range []string{"خسائر بشرية", "خسائر في الأرواح"} {
		fixed[fold.Keys(p)] = ""
		fixedFirst[strings.Fields(fold.Keys(p))[0]] = true
	}
}

// quantifier is a vague or bounding expression before (or instead of) a number.
type quantifier struct {
	words []string // folded keys
	// value is the count it gives alone (عشرات 10); -1 when it needs a
	// number after it (أكثر من), 0 when it gives none (عدد من).
	value int
	// thenNoun: the quantifier may be followed by a definite noun (عشرات
	// المسلحين، عدد من الجنود).
	thenNoun bool
}

var quantifiers []quantifier

// quantFirst and fixedFirst hold the first words of the quantifiers and of
// the fixed phrases, to pass over other words quickly.
var quantFirst, fixedFirst = map[string]bool{}, map[string]bool{}

func q(phrase string, value int, thenNoun bool) {
	ws := strings.Fields(fold.Keys(phrase))
	quantifiers = append(quantifiers, quantifier{ws, value, thenNoun})
	quantFirst[ws[0]] = true
}

func init() {
	for _, p := range []string{"أكثر من", "ما لا يقل عن", "لا يقل عن", "ما يزيد عن", "ما يزيد على",
		"ما يربو على", "أزيد من", "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "ما يناهز", "ما بين", "بين"} {
		q(p, -1, false)
	}
	// ACLED's conservative reading of vague amounts: the lower bound.
	for _, p := range []string{"العشرات من", "عشرات من", "عشرات", "العشرات"} {
		q(p, 10, true)
	}
	for _, p := range []string{"المئات من", "مئات من", "مئات", "المئات"} {
		q(p, 100, true)
	}
	for _, p := range []string{"الآلاف من", "آلاف من", "آلاف", "الآلاف"} {
		q(p, 1000, true)
	}
	for _, p := range []string{"بضعة", "بضع"} {
		q(p, 3, false)
	}
	for _, p := range []string{"عدد من", "عددا من", "العديد من", "عدة", "عدد كبير من", "عددا كبيرا من", "الكثير من"} {
		q(p, 0, true)
	}
}

// subset words introduce a part of the victims of the report before them
// (مقتل 11 مدنيًا بينهم ثلاثة أطفال), which takes its kind.
var subset = map[string]bool{fold.String("بينهم"): true, fold.String("بينهن"): true, fold.String("منهم"): true, fold.String("منهن"): true}

// notVictims are nouns a count after a trigger may name that are not
// people: material losses, times, places, units (إصابة 4 مركبات).
var notVictims = map[string]bool{}

// afterCount are words a count after a trigger may end before, without a
// noun (أصيب ثلاثة بجروح).
var afterCount = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`مركبة مركبات سيارة سيارات آلية آليات عربة عربات دراجة دراجات شاحنة شاحنات
صهريج صهاريج منزل منازل بيت بيوت قرية قرى بلدة بلدات مدرسة مدارس مستشفى مستشفيات مسجد مساجد
سلاح أسلحة قطعة قطع طن أطنان رأس رؤوس ماشية بقرة أبقار جمل جمال طائرة طائرات مسيرة مسيرات
ساعة ساعات يوم أيام أسبوع أسابيع شهر أشهر سنة سنوات عام أعوام دقيقة دقائق كيلومتر كيلومترات كلم
مرة مرات هجوم هجمات عملية عمليات غارة غارات كمين كمائن موقع مواقع مخيم مخيمات`) {
		notVictims[fold.String(w)] = true
	}
	for _, w := range strings.Fields(`بجروح بجراح في خلال جراء إثر اثر برصاص على عندما بعد قبل حين حسب وفق`) {
		afterCount[fold.String(w)] = true
	}
}

// dualNisba reports whether a folded key is the dual of a nisba noun (صينيان،
// فرنسيان): five letters or more ending in يان.
func dualNisba(k string) bool {
	return strings.HasSuffix(k, "يان") && len([]rune(k)) >= 5
}

// suffixes are the attached pronouns a noun after من may carry (من ركابها،
// من مرافقيه), longest first.
var suffixes = []string{fold.String("هما"), fold.String("هم"), fold.String("هن"), fold.String("ها"), fold.String("ه")}

var (
	kMin   = fold.String("من")
	kBayn  = fold.String("بين")
	kAhad  = fold.String("أحد")
	kIhda  = fold.String("إحدى")
	kIla   = fold.String("إلى")
	kWa    = "و"
	kAla   = fold.String("على")
	kAqall = fold.String("الأقل")
)
