package locale

// curationArabic holds the Arabic of the curation view and of what
// curating a document says.
var curationArabic = map[string]string{
	// a gold layer's record (package corpus) and package curate
	"layer %q: only a gold layer records a curation":              "الطبقة %q: لا تحمل سجل تحرير إلا الطبقة المرجعية",
	"layer %q: its curation record is not valid":                  "الطبقة %q: سجل تحريرها غير صالح",
	"document %s has fewer than two annotators' layers to curate": "للوثيقة %s أقل من طبقتين لمُعلِّمين تُحرَّر منهما",
	"document %s: the stored curation is damaged: %v":             "الوثيقة %s: سجل التحرير المخزَّن تالف: %v",

	// the top bar and the document list
	"Curation": "التحرير",
	"Curate the open document's layers into gold": "حرِّر طبقات الوثيقة المفتوحة إلى طبقة مرجعية",
	"curated": "محرَّرة",
	"%d open": "%d مفتوحة",

	// the curation view
	"Open a document to curate its layers.": "افتح وثيقة لتحرير طبقاتها.",
	"Aligning the layers…":                  "جارٍ محاذاة الطبقات…",
	"Curated: every unit is settled":        "محرَّرة: حُسمت كل الوحدات",
	"%s to decide":                          "%s للحسم",
	"layers: %s":                            "الطبقات: %s",
	", ":                                    "، ",
	"Merge by itself what agree":            "ادمج تلقائيًا ما اتفقت عليه",
	"all %d layers":                         "الطبقات كلها (%d)",
	"%d of %d layers":                       "%d من %d طبقات",
	"Reason (optional)":                     "السبب (اختياري)",
	"kept with the next decision":           "يُحفظ مع القرار التالي",
	"Keys: 1–9 accept a layer's version · r reject all · e edit the selection, then a label key · u undo · n / p next or previous open unit": "المفاتيح: ١–٩ اقبل نسخة طبقة · r ارفض الكل · e عدِّل إلى النص المحدد ثم مفتاح وسم · u تراجع · n / p الوحدة المفتوحة التالية أو السابقة",
	"%d earlier decisions no longer apply: their units changed in the layers.":                                                               "%d من القرارات السابقة لم تعد تنطبق: تغيّرت وحداتها في الطبقات.",
	"Edit: press the key of a label (Escape cancels).":                                                                                       "التعديل: اضغط مفتاح وسم (Escape يلغي).",
	"The layers have no span in this document.":                                                                                              "لا مقاطع في طبقات هذه الوثيقة.",
	"Units %d–%d of %d": "الوحدات %d–%d من %d",
	"Select the text of the edit first, then press e and a label key.": "حدِّد نص التعديل أولًا، ثم اضغط e ومفتاح وسم.",
	"The decision could not be saved, so it was undone: %v":            "تعذّر حفظ القرار، فأُلغي: %v",

	// a unit
	"Unit %d":                                "الوحدة %d",
	"agreed":                                 "متفق عليها",
	"decided":                                "محسومة",
	"open":                                   "مفتوحة",
	"Accept this version (%d)":               "اقبل هذه النسخة (%d)",
	"Gold":                                   "المرجع",
	"open: choose a version, edit or reject": "مفتوحة: اختر نسخة أو عدِّل أو ارفض",
	"(no span)":                              "(لا مقطع)",
	"Reject all":                             "ارفض الكل",
	"Undo decision":                          "تراجع عن القرار",
	"Edit: select text, then a label:":       "عدِّل: حدِّد نصًا ثم وسمًا:",
	"%s's version accepted":                  "قُبلت نسخة %s",
	"edited":                                 "عُدِّلت",
	"all rejected":                           "رُفضت كلها",
	"%s by %s":                               "%s، بيد %s",
}

// curationPlurals are the curation view's plural messages.
var curationPlurals = map[string]Plural{
	"%d open units": {Arg: 1,
		En: Forms{One: "%d open unit", Other: "%d open units"},
		Ar: Forms{Zero: "لا وحدات مفتوحة", One: "وحدة مفتوحة واحدة", Two: "وحدتان مفتوحتان", Few: "%d وحدات مفتوحة", Many: "%d وحدة مفتوحة", Other: "%d وحدة مفتوحة"}},
	"%d units": {Arg: 1,
		En: Forms{One: "%d unit", Other: "%d units"},
		Ar: Forms{Zero: "لا وحدات", One: "وحدة واحدة", Two: "وحدتان", Few: "%d وحدات", Many: "%d وحدة", Other: "%d وحدة"}},
}
