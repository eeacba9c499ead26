package locale

// errorArabic holds the Arabic of the errors of the domain packages (the
// editor, the corpus rules, storage, sessions, datasets). The keys
// "document %q: %v" and "%s: %v", which they share with the file formats,
// are in formatArabic.
var errorArabic = map[string]string{
	// editor
	"nothing to change":                        "لا شيء لتغييره",
	"a document needs a title":                 "الوثيقة تحتاج إلى عنوان",
	"the selection holds no word":              "التحديد لا يضم أي كلمة",
	"no such span":                             "لا يوجد مقطع كهذا",
	"no such span: %q":                         "لا يوجد مقطع كهذا: %q",
	"no proclitic to add or remove":            "لا سابقة لإضافتها أو إزالتها",
	"unknown label":                            "وسم غير معروف",
	"unknown label %q":                         "الوسم %q غير معروف",
	"unknown status":                           "حالة غير معروفة",
	"unknown status %q":                        "الحالة %q غير معروفة",
	"the selection overlaps %s «%s»":           "التحديد يتداخل مع مقطع %s «%s»",
	"the change does not fit the document":     "التغيير لا يلائم الوثيقة",
	"the change does not fit the document: %v": "التغيير لا يلائم الوثيقة: %v",
	"the change does not fit the document: %s «%s» was changed to %s «%s»": "التغيير لا يلائم الوثيقة: تغيّر المقطع %s «%s» إلى %s «%s»",
	"the change does not fit the document: span %q is gone":                "التغيير لا يلائم الوثيقة: المقطع %q لم يعد موجودًا",
	"the change does not fit the document: span %q removed twice":          "التغيير لا يلائم الوثيقة: المقطع %q أُزيل مرتين",
	"the change does not fit the document: span ID %q already used":        "التغيير لا يلائم الوثيقة: معرّف المقطع %q مستعمل من قبل",
	"the change does not fit the document: span [%d,%d) out of range":      "التغيير لا يلائم الوثيقة: المقطع [%d,%d) خارج النطاق",

	// corpus
	"the text has %d code points, more than the %d a document may hold (split it into several documents)": "عدد محارف النص %d، وهذا أكثر من %d، أقصى ما تحويه الوثيقة (قسّمه إلى عدة وثائق)",
	"empty text":              "نص فارغ",
	"text is not valid UTF-8": "النص ليس بترميز UTF-8 صالح",
	"unknown status %q (want new, in_progress or done)": "الحالة %q غير معروفة (المقبول new أو in_progress أو done)",
	"span %d [%d,%d) %s: %v":                            "المقطع %d [%d,%d) %s: %v",
	"out of range: the text has %d code points":         "خارج النطاق: عدد محارف النص %d",
	"empty or reversed: start must be less than end":    "فارغ أو معكوس: يجب أن تكون البداية أصغر من النهاية",
	"unknown label %q (the schema has %v)":              "الوسم %q غير معروف (وسوم المخطط: %v)",
	"spans are not sorted by start":                     "المقاطع غير مرتبة حسب البداية",
	"overlaps span %d [%d,%d) %s":                       "يتداخل مع المقطع %d [%d,%d) %s",

	// store
	"document not found":                                                            "الوثيقة غير موجودة",
	"document not found: %q":                                                        "الوثيقة غير موجودة: %q",
	"the document was changed elsewhere meanwhile":                                  "غُيّرت الوثيقة في مكان آخر في هذه الأثناء",
	"this browser's storage for the site was cleared":                               "مُسح ما يخزّنه هذا المتصفح لهذا الموقع",
	"the stored records of these documents are damaged, and they were left out: %s": "السجلات المخزّنة لهذه الوثائق تالفة، فتُركت: %s",
	"document %d: empty ID":                                                         "الوثيقة %d: المعرّف فارغ",
	"document %q: ID given twice":                                                   "الوثيقة %q: المعرّف معطى مرتين",
	"document %q: ID already stored":                                                "الوثيقة %q: المعرّف مخزّن من قبل",
	"document %q: span ID %q used twice":                                            "الوثيقة %q: معرّف المقطع %q مستعمل مرتين",
	"document %q: span [%d,%d) %s has no ID":                                        "الوثيقة %q: المقطع [%d,%d) %s بلا معرّف",
	"document %q: span ID %q put twice":                                             "الوثيقة %q: معرّف المقطع %q وُضع مرتين",
	"document %s: %v":                                                               "الوثيقة %s: %v",

	// session
	"reading %s before deleting it: %v":                   "تعذّرت قراءة %s قبل حذفها: %v",
	"%s: its spans are back, its undo history is not: %v": "%s: عادت مقاطعها، أما سجل التراجع فلم يعد: %v",

	// dataset
	"document %q: not found":                              "الوثيقة %q: غير موجودة",
	"reading the corpus: %d documents asked for, %d read": "قراءة المدوّنة: عدد الوثائق المطلوبة %d، والمقروءة %d",
	"reading the corpus: document %q asked for, %q read":  "قراءة المدوّنة: طُلبت الوثيقة %q، وقُرئت %q",
	"the schema has no labels":                            "ليس في مخطط الوسوم أي وسم",
	"schema %s: label %q is defined twice":                "مخطط الوسوم %s: الوسم %q معرّف مرتين",
	"schema %s: %v":                                       "مخطط الوسوم %s: %v",
	"document %d (%q): empty id":                          "الوثيقة %d (%q): المعرّف فارغ",
	"document %q: duplicate id (documents %d and %d)":     "الوثيقة %q: معرّف مكرر (الوثيقتان %d و%d)",
	"no document to export: none of the %d documents is done (the export settings can include all documents)": "لا وثيقة للتصدير: لم تكتمل أي وثيقة من الوثائق البالغ عددها %d (يمكن لإعدادات التصدير أن تشمل كل الوثائق)",
	"no document to export: the corpus is empty":                                                              "لا وثيقة للتصدير: المدوّنة فارغة",

	// job
	"%v; and %d documents stored before it could not be removed: %v": "%v؛ وتعذّر حذف الوثائق المخزّنة قبله، وعددها %d: %v",
}
