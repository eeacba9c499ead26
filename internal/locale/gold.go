package locale

// goldArabic holds the Arabic of what the gold-data views say: the choice
// of layers and the agreement between them.
var goldArabic = map[string]string{
	// choosing layers (package gold)
	"choose at least two layers to compare": "اختر طبقتين على الأقل للمقارنة",
	"the layer %s is chosen twice":          "الطبقة %s مختارة مرتين",
	"no document chosen has the layer %s":   "لا وثيقة مختارة لها الطبقة %s",

	// the agreement view
	"Agreement": "الاتفاق",
	"Agreement between annotators' layers, and where they differ": "الاتفاق بين طبقات المُعلِّمين، ومواضع اختلافها",
	"Layers to compare":    "الطبقات المقارنة",
	"%s (yours)":           "%s (طبقتك)",
	"(%s, %s)":             "(%s، %s)",
	"Over":                 "على",
	"the whole corpus":     "المدوّنة كلها",
	"the open document":    "الوثيقة المفتوحة",
	"Measure":              "قِس",
	"Measuring…":           "جارٍ القياس…",
	"Measuring agreement…": "جارٍ قياس الاتفاق…",
	"%s; 95%% intervals from %d bootstrap resamples of documents.": "%s؛ فترات ثقة ٩٥٪ من %d إعادة معاينة (bootstrap) للوثائق.",
	"Each pair of layers":          "كل زوج من الطبقات",
	"Pair":                         "الزوج",
	"Spans":                        "المقاطع",
	"Strict F1":                    "F1 الصارم",
	"Overlap F1":                   "F1 بالتداخل",
	"Cohen's kappa (code points)":  "كابا كوهين (نقاط الترميز)",
	"All layers together":          "الطبقات كلها معًا",
	"Label":                        "الوسم",
	"Fleiss' kappa (code points)":  "كابا فلايس (نقاط الترميز)",
	"Unitizing alpha":              "ألفا التقطيع (كريبندورف)",
	"All labels":                   "كل الوسوم",
	"Strict F1 per label and pair": "F1 الصارم لكل وسم وزوج",
	"Each document":                "كل وثيقة",
	"Where the layers differ":      "مواضع اختلاف الطبقات",
	"Nowhere: the layers agree on every span.": "لا موضع: الطبقات متفقة على كل مقطع.",
	"boundary":           "الحدود",
	"boundary and label": "الحدود والوسم",
	"missing":            "غائب",
	"nothing":            "لا شيء",
}
