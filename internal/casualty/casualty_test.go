package casualty

import (
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/fold"
)

// TestFind covers the guidelines' examples (rule 6) and cases written for
// the project: each text's reports, as spans, with count, count_exact and
// kind ("-" for no count).
func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // span, count, exact, kind, …
	}{
		{"trigger, count, noun; the actor after is outside", "أسفر عن مقتل أربعة عناصر من الجيش", []string{"مقتل أربعة عناصر", "4", "true", Killed}},
		{"general trigger with two intrinsic nouns", "عن سقوط قتلى وجرحى في صفوف", []string{"سقوط قتلى وجرحى", "-", "false", Killed + "," + Injured}},
		{"the count alone", "حادثة أودت بحياة أكثر من 30 جندياً مالياً", []string{"أكثر من 30 جندياً", "30", "false", Killed}},
		{"kidnapping", "اختطاف أربعة أجانب", []string{"اختطاف أربعة أجانب", "4", "true", Kidnapped}},
		{"neutralised", "تحييد 80 جهادياً", []string{"تحييد 80 جهادياً", "80", "true", Neutralised}},
		{"Arabic-Indic digits and passive", "قُتل ١٢ جنديًّا وأُصيب ثمانية آخرون", []string{"قُتل ١٢ جنديًّا", "12", "true", Killed, "أُصيب ثمانية آخرون", "8", "true", Injured}},
		{"two reports", "مقتل سبعة جنود وإصابة أحد عشر آخرين", []string{"مقتل سبعة جنود", "7", "true", Killed, "إصابة أحد عشر آخرين", "11", "true", Injured}},
		{"vague: dozens", "تحييد عشرات المسلحين", []string{"تحييد عشرات المسلحين", "10", "false", Neutralised}},
		{"vague: hundreds", "مقتل مئات المدنيين", []string{"مقتل مئات المدنيين", "100", "false", Killed}},
		{"vague: a number of", "وعدد من أفراد مليشيا", nil},
		{"a number of, after a trigger", "تحييد عدد من الإرهابيين", []string{"تحييد عدد من الإرهابيين", "-", "false", Neutralised}},
		{"coordinated with the report before", "مقتل أربعة عناصر من الجيش وعدد من أفراد مليشيا", []string{"مقتل أربعة عناصر", "4", "true", Killed, "عدد من أفراد", "-", "false", Killed}},
		{"at least", "قُتل ما لا يقل عن 21 مدنيًّا", []string{"قُتل ما لا يقل عن 21 مدنيًّا", "21", "false", Killed}},
		{"على الأقل after", "مقتل ستة مدنيين على الأقل", []string{"مقتل ستة مدنيين", "6", "false", Killed}},
		{"range: the lower bound", "مقتل 10 إلى 15 شخصا", []string{"مقتل 10 إلى 15 شخصا", "10", "false", Killed}},
		{"range with a dash", "مقتل 10-15 شخصا", []string{"مقتل 10-15 شخصا", "10", "false", Killed}},
		{"dual by its form", "قُتل جنديان", []string{"قُتل جنديان", "2", "true", Killed}},
		{"dual by its vowel", "اختطاف سائقَين محليين", []string{"اختطاف سائقَين", "2", "true", Kidnapped}},
		{"a plural is no count", "مقتل مدنيين", []string{"مقتل مدنيين", "-", "false", Killed}},
		{"singular", "مقتل جندي", []string{"مقتل جندي", "1", "true", Killed}},
		{"one of", "إصابة أحد الجنود", []string{"إصابة أحد الجنود", "1", "true", Injured}},
		{"count and an intrinsic noun", "نُقل 14 جريحًا إلى نيونو", []string{"14 جريحًا", "14", "true", Injured}},
		{"two nouns joined", "مقتل عدد من الجنود والدركيين", []string{"مقتل عدد من الجنود والدركيين", "-", "false", Killed}},
		{"number words", "مقتل خمسة وعشرين شخصا", []string{"مقتل خمسة وعشرين شخصا", "25", "true", Killed}},
		{"count without noun", "مقتل 5 وإصابة 10.", []string{"مقتل 5", "5", "true", Killed, "إصابة 10", "10", "true", Injured}},
		{"fixed phrase", "مخلّفة خسائر بشرية ومادية", []string{"خسائر بشرية", "-", "false", ""}},
		{"material losses are no casualties", "تدمير ثلاث مركبات وإحراق شاحنات وقود", nil},
		{"a duration is no casualty", "خلال 72 ساعة", nil},
		{"families, not captives", "أسر الضحايا", nil},
		{"a fall is no casualty", "سقوط نظام الأسد", nil},
		// Written after reading the first held-out set's misses (see the
		// suggest package's blind test): general forms the grammar lacked.
		{"a quoted count after the trigger", "قالت إنها قتلت «أكثر من 12 جندياً» في الهجوم", []string{"أكثر من 12 جندياً", "12", "false", Killed}},
		{"a quoted trigger before the count", "أعلن الجيش أنه «حيّد» 23 مسلحاً قرب الحدود", []string{"23 مسلحاً", "23", "true", Neutralised}},
		{"met their death", "لقي 7 جنود حتفهم في الكمين", []string{"7 جنود", "7", "true", Killed}},
		{"the trigger after the noun", "وقالت الوزارة إن 9 جنود قُتلوا وأصيب خمسة آخرون في الهجوم", []string{"9 جنود قُتلوا", "9", "true", Killed, "أصيب خمسة آخرون", "5", "true", Injured}},
		{"an active verb after the noun is its own report", "إن 9 جنود قتلوا 5 مدنيين", []string{"قتلوا 5 مدنيين", "5", "true", Killed}},
		{"a subset after بينهم", "مقتل 11 مدنياً بينهم ثلاثة أطفال", []string{"مقتل 11 مدنياً", "11", "true", Killed, "ثلاثة أطفال", "3", "true", Killed}},
		{"a subset among the dead", "وأكد أن خمسة ضباط بين القتلى", []string{"خمسة ضباط", "5", "true", Killed}},
		{"officers", "مقتل ثلاثة ضباط", []string{"مقتل ثلاثة ضباط", "3", "true", Killed}},
		{"a companion", "إصابة مرافق", []string{"إصابة مرافق", "1", "true", Injured}},
		{"two others", "قُتل جندي وأصيب اثنان آخران", []string{"قُتل جندي", "1", "true", Killed, "أصيب اثنان آخران", "2", "true", Injured}},
		{"captured: a dual is a count", "وأسر جنديين، في حين", []string{"أسر جنديين", "2", "true", Captured}},
		{"hundreds of the dead, alone", "معارك خلّفت مئات القتلى في صفوف المدنيين", []string{"مئات القتلى", "100", "false", Killed}},
		{"a noun with a pronoun after من", "اختطاف نحو عشرين من ركابها", []string{"اختطاف نحو عشرين من ركابها", "20", "false", Kidnapped}},
		// Written after reading the second held-out set's misses.
		{"a number of, accusative", "وأعلن الجيش أنه حيّد عدداً من الإرهابيين", []string{"حيّد عدداً من الإرهابيين", "-", "false", Neutralised}},
		{"bodies of the victims", "عُثر على جثث ستة رعاة قرب البئر", []string{"جثث ستة رعاة", "6", "true", Killed}},
		{"bodies counted", "انتُشلت أكثر من عشرين جثة من النهر", []string{"أكثر من عشرين جثة", "20", "false", Killed}},
		{"a dual not listed, by its form", "قُتلت امرأتان", []string{"قُتلت امرأتان", "2", "true", Killed}},
		{"a dual not listed, by its vowel", "اختطاف مهندسَين", []string{"اختطاف مهندسَين", "2", "true", Kidnapped}},
		{"a dual nisba after بينهم", "مقتل خمسة مدنيين بينهم صينيان", []string{"مقتل خمسة مدنيين", "5", "true", Killed, "صينيان", "2", "true", Killed}},
		{"a noun not listed after a trigger and a count", "اختطفوا ثلاثة وجهاء من القرية", []string{"اختطفوا ثلاثة وجهاء", "3", "true", Kidnapped}},
		{"things counted are no victims", "إصابة 4 مركبات بأضرار", nil},
		{"a count before a preposition", "وأصيب ثلاثة بجروح خطيرة", []string{"أصيب ثلاثة", "3", "true", Injured}},
		// Written after reading the third held-out set's misses.
		{"an ordinal victim", "قُتل جنديان وجُرح ثالث", []string{"قُتل جنديان", "2", "true", Killed, "جُرح ثالث", "1", "true", Injured}},
		{"two hundred, construct", "حيّد أكثر من مئتي إرهابي", []string{"حيّد أكثر من مئتي إرهابي", "200", "false", Neutralised}},
		{"destroyed, in a claim", "أهلكوا العشرات من المرتدين", []string{"أهلكوا العشرات من المرتدين", "10", "false", Killed}},
		{"thousands in digits", "أكثر من 20 ألف شخص قتلوا منذ 2012", []string{"أكثر من 20 ألف شخص قتلوا", "20000", "false", Killed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := fold.New(tt.text)
			var got []string
			for _, m := range Find(x) {
				a := m.Value.Attrs()
				c, ok := a["count"]
				if !ok {
					c = "-"
				}
				got = append(got, x.Slice(m.Start, m.End), c, a["count_exact"], a["kind"])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in                        string
		count, exact, kind, victs string
	}{
		{"مقتل أربعة عناصر", "4", "true", Killed, "عناصر"},
		{"سقوط قتلى وجرحى", "", "false", Killed + "," + Injured, "قتلى وجرحى"},
		{"اثنين من مرافقيه", "2", "true", "", "مرافقيه"},        // loose reading
		{"أكثر من 30 جندياً", "30", "false", "", "جنديا"},       // loose: no trigger
		{"تحييد 15 مسلحًا", "15", "true", Neutralised, "مسلحا"}, // victims without diacritics
		{"ضابطين", "2", "true", "", "ضابطين"},                   // loose: a dual is two
	}
	for _, tt := range tests {
		v, ok := Parse(tt.in)
		a := v.Attrs()
		if !ok || a["count"] != tt.count || a["count_exact"] != tt.exact || a["kind"] != tt.kind || a["victims"] != tt.victs {
			t.Errorf("Parse(%q) = %v, %v", tt.in, a, ok)
		}
	}
	if _, ok := Parse("هجوم مسلح"); ok {
		t.Error("Parse found a casualty in a text without one")
	}
}
