package locale

// layerArabic holds the Arabic of what annotation layers say: their
// rules, their storage, their import and the list of a document's layers.
var layerArabic = map[string]string{
	// corpus
	"a layer needs a name":                                   "الطبقة تحتاج إلى اسم",
	"layer name %q is not valid UTF-8":                       "اسم الطبقة %q ليس بترميز UTF-8 صالح",
	"layer name %q is longer than %d characters":             "اسم الطبقة %q أطول من %d محرفًا",
	"layer name %q begins or ends with a space":              "اسم الطبقة %q يبدأ بمسافة أو ينتهي بها",
	"layer name %q holds a control character":                "اسم الطبقة %q يحوي محرف تحكم",
	"layer %q: unknown kind %q (want human, system or gold)": "الطبقة %q: النوع %q غير معروف (المقبول human أو system أو gold)",
	"layer %q: %v": "الطبقة %q: %v",

	// store
	"layer not found":                                                 "الطبقة غير موجودة",
	"document %q has no layer %q":                                     "ليس للوثيقة %q طبقة باسم %q",
	"document %q: layer %q given twice":                               "الوثيقة %q: أُعطيت الطبقة %q مرتين",
	"document %q: layer %q: span ID %q used twice":                    "الوثيقة %q: الطبقة %q: معرّف المقطع %q مستعمل مرتين",
	"%v; and the layers it put before it could not all be undone: %v": "%v؛ وتعذّر التراجع عن كل الطبقات التي خزّنها قبل ذلك: %v",

	// session
	"their spans are back, their layers are not: %v": "عادت مقاطعها، ولم تعد طبقاتها: %v",

	// import
	"%s: %s stored already now have the layer «%s».":                      "%s: %s مخزّنة من قبل صارت لها الطبقة «%s».",
	"%s: %s stored already now have the system layer «%s» (predictions).": "%s: %s مخزّنة من قبل صارت لها طبقة النظام «%s» (تنبؤات).",

	// the list of a document's layers
	"Layers of this document": "طبقات هذه الوثيقة",
	"Yours (edited here)":     "طبقتك (تُحرَّر هنا)",
	"annotator":               "موسِّم",
	"system":                  "نظام",
	"gold":                    "مرجعية",
}
