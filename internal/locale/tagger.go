package locale

// taggerArabic holds the Arabic of the learned tagger's panel and of the
// labels propagated to the corpus. The tagger is «المُوسِّم المتعلّم», a
// training «تدريب», the held-back fifth «الخُمس المحجوز»; P, R and F1 are
// written as the figures' usual Latin letters, as in the agreement view.
var taggerArabic = map[string]string{
	"Learned tagger":   "المُوسِّم المتعلّم",
	"Train the tagger": "درِّب المُوسِّم",
	"Learns from the documents marked done (and the gold layer of curated ones), in the background; it is trained again by itself after %d newly done documents.": "يتعلّم من الوثائق المنجزة (ومن الطبقة الذهبية للوثائق المنقّحة)، في الخلفية؛ ويُعاد تدريبه تلقائيًّا بعد إنجاز %d وثائق جديدة.",
	"Training the tagger…": "جارٍ تدريب المُوسِّم…",
	"Not trained yet.":     "لم يُدرَّب بعد.",
	"Trained on %s (%d curated) on %s in %s s; scored on the %d held back, trained on the other %d.": "دُرِّب على %s (منها %d منقّحة) في %s خلال %s ث؛ وقيس على %d محجوزة بعد تدريبه على الـ%d الأخرى.",
	"Strict match on the held-back fifth": "تطابق تام على الخُمس المحجوز",
	"P":                                   "P",
	"R":                                   "R",
	"F1":                                  "F1",
	"All":                                 "الكل",
	"The tagger was trained on %s: F1 %s on the held-back fifth.":                               "دُرِّب المُوسِّم على %s: F1 ‏%s على الخُمس المحجوز.",
	"The tagger is trained and kept in this browser's storage, which is unavailable.":           "يُدرَّب المُوسِّم ويُحفظ في تخزين هذا المتصفح، وهو غير متاح.",
	"Training needs at least 2 documents marked done (or curated); there are %d.":               "يحتاج التدريب إلى وثيقتين منجزتين (أو منقّحتين) على الأقل؛ والموجود %d.",
	"the stored tagger is damaged: %v":                                                          "المُوسِّم المخزَّن تالف: %v",
	"Label every mention in the corpus":                                                         "وسِّم كل ذكر له في المدوّنة",
	"Propose this label on every mention of this text in every document (as suggestions)":       "اقترح هذا الوسم على كل ذكر لهذا النص في كل وثيقة (اقتراحاتٍ)",
	"Labelling every mention…":                                                                  "جارٍ توسيم كل ذكر…",
	"Labels propagated to the corpus are kept in this browser's storage, which is unavailable.": "تُحفظ الوسوم المعمَّمة على المدوّنة في تخزين هذا المتصفح، وهو غير متاح.",
	"«%s» is proposed as %s on %s in %s.":                                                       "يُقترح «%s» بوسم %s على %s في %s.",
	"the stored propagated labels are damaged: %v":                                              "الوسوم المعمَّمة المخزَّنة تالفة: %v",
}

// taggerPlurals holds the counts of the tagger's and propagation's messages.
var taggerPlurals = map[string]Plural{
	"%d mentions": {Arg: 1,
		En: Forms{One: "%d mention", Other: "%d mentions"},
		Ar: Forms{Zero: "لا مواضع", One: "موضع واحد", Two: "موضعين", Few: "%d مواضع", Many: "%d موضعًا", Other: "%d موضع"}},
	"%d other documents": {Arg: 1,
		En: Forms{One: "%d other document", Other: "%d other documents"},
		Ar: Forms{Zero: "لا وثائق أخرى", One: "وثيقة أخرى", Two: "وثيقتين أخريين", Few: "%d وثائق أخرى", Many: "%d وثيقة أخرى", Other: "%d وثيقة أخرى"}},
}
