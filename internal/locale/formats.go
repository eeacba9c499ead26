package locale

// formatArabic holds the Arabic of the errors and import notes the file
// formats make, and of the kinds of the notes (the keys of format.Keys),
// grouped as format.Keys lists them: a span is «مقطع», a label «وسم», a
// code point «محرف», a CoNLL token «كلمة» and its tag «وسم الرمز»; JSON
// field names, tags and file types stay as they are.
var formatArabic = map[string]string{
	// format
	"%d unknown labels not in the schema: %s; map them onto schema labels to import the file": "عدد الوسوم المجهولة التي ليست في مخطط الوسوم: %d، وهي: %s؛ اربطها بوسوم المخطط لاستيراد الملف",
	"%q (%d span, first on line %d)":  "%q (عدد المقاطع: %d، وهو في السطر %d)",
	"%q (%d spans, first on line %d)": "%q (عدد المقاطع: %d، أولها في السطر %d)",
	"%v":                              "%v",
	"a lone UTF-16 surrogate %s near column %d: JSON text must pair each surrogate (raqim refuses it rather than change the text)": "نصف زوج بديل UTF-16 منفرد %s قرب العمود %d: يجب أن يأتي كل نصف في نص JSON مع قرينه (يرفضه رقيم بدل أن يغيّر النص)",
	"document %q: %v": "الوثيقة %q: %v",
	"duplicate document: the text is the same as on line %d (no \"id\" given, both get id %q)": `وثيقة مكررة: نصها مطابق لنص السطر %d (لم يُعطَ "id"، فتأخذ كلتاهما المعرّف %q)`,
	"duplicate id %q: also used on line %d":                                                    "المعرّف %q مكرر: مستعمل أيضًا في السطر %d",
	"empty label":                                                                              "وسم فارغ",
	"invalid UTF-8: byte 0x%02X at column %d (the file looks like UTF-16); save the file as UTF-8": "ترميز UTF-8 غير صالح: البايت 0x%02X في العمود %d (يبدو أن الملف بترميز UTF-16)؛ احفظ الملف بترميز UTF-8",
	"invalid UTF-8: byte 0x%02X at column %d; save the file as UTF-8":                              "ترميز UTF-8 غير صالح: البايت 0x%02X في العمود %d؛ احفظ الملف بترميز UTF-8",
	"reading the file: %v":                                                                "تعذّرت قراءة الملف: %v",
	"the document has no text":                                                            "الوثيقة بلا نص",
	"the file is larger than the import limit of %d MiB":                                  "الملف أكبر من حدّ الاستيراد البالغ %d MiB",
	"the file name has no extension: raqim imports %s files":                              "اسم الملف بلا امتداد: يستورد رقيم ملفات %s",
	"this program has no reader of %s files":                                              "ليس في هذا البرنامج قارئ لملفات %s",
	"unknown label not in the schema: %s; map them onto schema labels to import the file": "وسم مجهول ليس في مخطط الوسوم: %s؛ اربطه بأحد وسوم المخطط لاستيراد الملف",
	"unsupported file type %q: raqim imports %s files":                                    "نوع الملف %q غير مدعوم: يستورد رقيم ملفات %s",

	// format: notes
	"%d more like this (%s)": "ملاحظات أخرى من هذا النوع عددها %d (%s)",

	// jsonl
	"%s %q is not an RFC 3339 time: %q":                              "%s %q ليس وقتًا بصيغة RFC 3339: %q",
	"%s [%d,%d): missing \"label\"":                                  `%s [%d,%d): الحقل "label" مفقود`,
	"%s \"attrs\" must be an object, got a %s":                       `الحقل "attrs" في %s يجب أن يكون كائنًا، ووُجد %s`,
	"%s attribute %q: %v":                                            "%s، الخاصية %q: %v",
	"%s must be [start, end, \"LABEL\"], got %s":                     `يجب أن يكون %s بالشكل [start, end, "LABEL"]، ووُجد %s`,
	"%s must be a string, got a %s":                                  "يجب أن يكون %s سلسلة نصية، ووُجد %s",
	"%s must be an integer, got %s":                                  "يجب أن يكون %s عددًا صحيحًا، ووُجد %s",
	"%s must be an integer, got a %s %s":                             "يجب أن يكون %s عددًا صحيحًا، ووُجد %s %s",
	"%s must be an object {\"start\", \"end\", \"label\"}, got a %s": `يجب أن يكون %s كائنًا {"start", "end", "label"}، ووُجد %s`,
	"%s: %v": "%s: %v",
	"%s: its \"text\" is %q but the text at [%d,%d) is %q":                                    `%s: قيمة "text" فيه %q لكن النص في [%d,%d) هو %q`,
	"%s: its attrs \"text\" is %q but the text at [%d,%d) is %q":                              `%s: قيمة "text" في attrs هي %q لكن النص في [%d,%d) هو %q`,
	"%s: out of range: the text has %d code points":                                           "%s: خارج النطاق: عدد محارف النص %d",
	"%s: start must be less than end":                                                         "%s: يجب أن تكون البداية أصغر من النهاية",
	"\"id\" must be a string or a number, got a %s":                                           `يجب أن يكون "id" سلسلة نصية أو عددًا، ووُجد %s`,
	"\"meta\" must be an object, got a %s":                                                    `يجب أن يكون "meta" كائنًا، ووُجد %s`,
	"\"spans\" must be an array, got a %s":                                                    `يجب أن يكون "spans" مصفوفة، ووُجد %s`,
	"\"text\" is empty":                                                                       `الحقل "text" فارغ`,
	"a byte-order mark (U+FEFF) starts the line; it is allowed only at the start of the file": "يبدأ السطر بعلامة ترتيب البايتات (U+FEFF)، ولا تُقبل إلا في بداية الملف",
	"file is larger than the import limit of %s":                                              "الملف أكبر من حدّ الاستيراد البالغ %s",
	"invalid JSON near column %d: %v":                                                         "JSON غير صالح قرب العمود %d: %v",
	"invalid JSON: %v":                                                                        "JSON غير صالح: %v",
	"line is longer than the import limit of %s":                                              "السطر أطول من حدّ الاستيراد البالغ %s",
	"missing %s":             "%s مفقود",
	"missing \"text\" field": `الحقل "text" مفقود`,
	"no documents: the file is empty or has only blank lines":                "لا وثائق: الملف فارغ أو ليس فيه إلا أسطر فارغة",
	"span %d [%d,%d): empty label":                                           "المقطع %d [%d,%d): وسم فارغ",
	"span [%d,%d) %s %q overlaps span [%d,%d) %s %q: spans must not overlap": "المقطع [%d,%d) %s %q يتداخل مع المقطع [%d,%d) %s %q: لا يجوز أن تتداخل المقاطع",
	"the line is a JSON %s, not an object with a \"text\" field":             `السطر قيمة JSON من نوع %s، لا كائن فيه الحقل "text"`,
	"unknown \"meta.status\" %q (want new, in_progress or done)":             `قيمة "meta.status" مجهولة: %q (المقبول new أو in_progress أو done)`,

	// conll
	"no tokens: the file has no \"token TAG\" lines":            `لا كلمات: ليس في الملف أسطر "token TAG"`,
	"tag %q has prefix %q; want B-, I-, E- or S- (or O)":        "وسم الرمز %q بادئته %q؛ المقبول B- أو I- أو E- أو S- (أو O)",
	"tag %q is not O or a prefix B-, I-, E- or S- with a label": "وسم الرمز %q ليس O ولا إحدى البادئات B- أو I- أو E- أو S- يليها وسم",
	"want a token and its tag separated by a space, got %q":     "المتوقع كلمة ووسم رمزها بينهما مسافة، ووُجد %q",

	// conll: notes, and their kinds
	"CoNLL holds no text: the texts of its documents (%d) were rebuilt from the tokens, joined by single spaces, sentences by line breaks": "لا يحفظ CoNLL النص: أُعيد بناء نصوص وثائقه (وعددها %d) من الكلمات، بين كل كلمتين مسافة واحدة وبين الجمل فواصل أسطر",
	"%s with no %s entity open: it starts a new entity (as conlleval does)":                                                                "%s دون كيان %s مفتوح: يبدأ كيانًا جديدًا (كما يفعل conlleval)",
	"the file has no -DOCSTART- lines: each sentence became a document":                                                                    "ليس في الملف أسطر -DOCSTART-: صارت كل جملة وثيقة",
	"entity started by I-/E-": "كيان بدأه وسم رمز I- أو E-",

	// hf
	"%d tokens but %d tags":                                     "عدد الكلمات %d لكن عدد وسوم الرموز %d",
	"entry %d: %v":                                              "المدخل %d: %v",
	"id %d is outside the label list (0 to %d)":                 "المعرّف %d خارج قائمة الوسوم (من 0 إلى %d)",
	"label list entry %d: %v":                                   "مدخل قائمة الوسوم %d: %v",
	"more than one JSON value on the line":                      "في السطر أكثر من قيمة JSON واحدة",
	"no \"tokens\"":                                             `لا يوجد "tokens"`,
	"no rows: the file is empty":                                "لا صفوف: الملف فارغ",
	"tag %d: %v":                                                "وسم الرمز %d: %v",
	"token %d is empty or whitespace":                           "الكلمة %d فارغة أو ليس فيها إلا مسافات",
	"want a JSON array of tag names: %v":                        "المتوقع مصفوفة JSON من أسماء وسوم الرموز: %v",
	"want a JSON object {\"id\", \"tokens\", \"ner_tags\"}: %v": `المتوقع كائن JSON {"id", "tokens", "ner_tags"}: %v`,
	"want an integer id or a tag string, got %s":                "المتوقع معرّف عددي صحيح أو وسم رمز نصي، ووُجد %s",

	// hf: notes
	"the Hugging Face rows hold no text: the texts of its documents (%d) were rebuilt from the tokens, joined by single spaces, sentences by line breaks": "لا تحفظ صفوف Hugging Face النص: أُعيد بناء نصوص وثائقها (وعددها %d) من الكلمات، بين كل كلمتين مسافة واحدة وبين الجمل فواصل أسطر",

	// brat
	"%s [%d,%d) %s overlaps %s [%d,%d) %s on line %d: raqim spans must not overlap": "%s [%d,%d) %s يتداخل مع %s [%d,%d) %s في السطر %d: لا يجوز أن تتداخل مقاطع رقيم",
	"%s fragments are not in order":                                                               "أجزاء %s ليست مرتبة",
	"%s is discontinuous (%q between fragments); raqim spans are continuous":                      "%s متقطع (%q بين أجزائه)؛ مقاطع رقيم متصلة",
	"%s offsets %d %d are out of range: the text has %d code points":                              "%s: الإزاحتان %d %d خارج النطاق: عدد محارف النص %d",
	"%s offsets %d %d: start must be less than end":                                               "%s: الإزاحتان %d %d: يجب أن تكون البداية أصغر من النهاية",
	"%s text %q differs from the .txt at its offsets, %q":                                         "نص %s وهو %q يخالف نص ملف .txt عند إزاحاته، وهو %q",
	"%s.txt is missing: brat offsets need the text they count in":                                 "الملف %s.txt مفقود: إزاحات brat تحتاج إلى النص الذي تُعدّ فيه",
	"a text-bound annotation has three tab-separated fields (id, type and offsets, text), got %q": "للتعليق المرتبط بالنص ثلاثة حقول تفصل بينها علامات الجدولة (المعرّف، والنوع مع الإزاحات، والنص)، ووُجد %q",
	"no brat .txt and .ann files found":                                                           "لم يُعثر على ملفات brat بالامتدادين .txt و.ann",
	"no documents: every text is empty":                                                           "لا وثائق: كل النصوص فارغة",
	"offsets %q: want \"start end\" pairs of integers separated by ';'":                           `الإزاحات %q: المتوقع أزواج "start end" من الأعداد الصحيحة تفصل بينها ';'`,
	"want a brat annotation line such as \"T1\\tPLACE 59 68\\tكاي\", got %q":                      `المتوقع سطر تعليق brat مثل "T1\tPLACE 59 68\tكاي"، ووُجد %q`,
	"want the entity type and offsets such as \"PLACE 59 68\", got %q":                            `المتوقع نوع الكيان والإزاحات مثل "PLACE 59 68"، ووُجد %q`,

	// brat: notes, and their kinds ("empty text" is in errorArabic)
	"%d .txt files have no .ann: they were imported without spans":                                      "عدد ملفات .txt التي ليس لها ملف .ann هو %d: استُوردت بلا مقاطع",
	"%q is not a text-bound annotation: skipped (raqim keeps entities only)":                            "%q ليس تعليقًا مرتبطًا بالنص: تُرك (يحفظ رقيم الكيانات وحدها)",
	"the .txt starts with a byte-order mark, which brat counts: offsets were read one code point lower": "يبدأ ملف .txt بعلامة ترتيب البايتات (U+FEFF) التي يعدّها brat: قُرئت الإزاحات أقل بمحرف واحد",
	"the text is empty or whitespace: no document made":                                                 "النص فارغ أو ليس فيه إلا مسافات: لم تُنشأ منه وثيقة",
	"bom":                                  "علامة ترتيب البايتات",
	"brat annotation other than an entity": "تعليق brat ليس كيانًا",

	// labelstudio
	"%s [%d,%d) %s: its text %q differs from the text at its offsets, %q": "%s [%d,%d) %s: نصه %q يخالف النص عند إزاحاته، وهو %q",
	"%s [%d,%d) %s: out of range or empty: the text has %d code points":   "%s [%d,%d) %s: خارج النطاق أو فارغ: عدد محارف النص %d",
	"%s [%d,%d) has %d labels; a raqim span has exactly one":              "%s [%d,%d): عدد وسومه %d، ولمقطع رقيم وسم واحد بالضبط",
	"%s has neither \"data\" nor a \"text\" string":                       `ليس في %s "data" ولا سلسلة "text"`,
	"%s has no data.text":                                            "ليس في %s الحقل data.text",
	"%s: start and end must be integers, got %s and %s":              "%s: يجب أن تكون البداية والنهاية عددين صحيحين، ووُجد %s و%s",
	"%s: the text is empty":                                          "%s: النص فارغ",
	"data.%s must be a string":                                       "يجب أن يكون data.%s سلسلة نصية",
	"more JSON after the array of tasks":                             "يوجد JSON زائد بعد مصفوفة المهام",
	"no tasks: the array is empty":                                   "لا مهام: المصفوفة فارغة",
	"want a JSON array of Label Studio tasks, got %v":                "المتوقع مصفوفة JSON من مهام Label Studio، ووُجد %v",
	"want a JSON array of Label Studio tasks: %v":                    "المتوقع مصفوفة JSON من مهام Label Studio: %v",
	"want a task object {\"data\": {\"text\"}, \"annotations\"}: %v": `المتوقع كائن مهمة {"data": {"text"}, "annotations"}: %v`,

	// labelstudio: notes, and their kinds
	"%s [%d,%d): offsets count UTF-16 units (Label Studio before its emoji fix): read as code points [%d,%d)": "%s [%d,%d): الإزاحات تعدّ وحدات UTF-16 (كما كان Label Studio قبل إصلاح الرموز التعبيرية): قُرئت محارفَ [%d,%d)",
	"%s has %d annotations: the first was imported":                                                           "%s: عدد تعليقاته %d: استُورد أولها",
	"%s has no annotation: its first prediction was imported":                                                 "ليس في %s تعليق: استُورد أول تنبؤاته",
	"%s: a result of type %q was skipped (raqim imports labels)":                                              "%s: تُركت نتيجة من النوع %q (يستورد رقيم نتائج labels)",
	"%s: the text was taken from data.%s":                                                                     "%s: أُخذ النص من data.%s",
	"other result type":                                                                                       "نتيجة من نوع آخر",
	"predictions":                                                                                             "تنبؤات",
	"several annotations":                                                                                     "عدة تعليقات",
	"text field":                                                                                              "حقل النص",
	"utf-16 offsets":                                                                                          "إزاحات UTF-16",

	// dataset
	"document id %q is also used in %s": "معرّف الوثيقة %q مستعمل أيضًا في %s",
	"no file in the zip could be imported (raqim reads .jsonl, .conll, .json Label Studio tasks, brat .txt/.ann and .txt files)": "تعذّر استيراد أي ملف من ملف zip (يقرأ رقيم ملفات .jsonl و.conll، ومهام Label Studio في ملفات .json، وملفات brat .txt/.ann، وملفات .txt)",
	"not a readable zip: %v": "ليس ملف zip يمكن قراءته: %v",
	"the file is damaged, or unpacks to more than its zip declares":       "الملف تالف، أو يُفكّ ضغطه إلى أكثر مما يعلنه ملف zip",
	"the file unpacks to %s, more than the import limit of %s for a file": "يُفكّ ضغط الملف إلى %s، وهذا أكثر من حدّ الاستيراد للملف الواحد البالغ %s",
	"the file unpacks to more than the import limit of %s for a file":     "يُفكّ ضغط الملف إلى أكثر من حدّ الاستيراد للملف الواحد البالغ %s",
	"the zip holds %d files, more than the %d raqim imports from one zip": "عدد الملفات في ملف zip هو %d، وهذا أكثر من %d، أقصى ما يستورده رقيم من ملف zip واحد",
	"the zip holds no files":                                     "ليس في ملف zip أي ملف",
	"the zip's files unpack to more than the import limit of %s": "يُفكّ ضغط ملفات zip إلى أكثر من حدّ الاستيراد البالغ %s",

	// dataset: notes
	"the dataset's documents were read from its span JSONL (%s); its other formats hold the same spans": "قُرئت وثائق مجموعة البيانات من ملفات JSONL للمقاطع فيها (%s)؛ وفي صيغها الأخرى المقاطع نفسها",

	// importer
	"a brat .ann file needs its .txt: select both files (or a zip of them)":                                                                          "ملف brat بامتداد .ann يحتاج إلى ملف .txt الخاص به: اختر الملفين معًا (أو ملف zip يضمّهما)",
	"the file has no text: it is empty or only whitespace":                                                                                           "الملف بلا نص: إنه فارغ أو ليس فيه إلا مسافات",
	"the file is %.1f MiB, more than the import limit of %d MiB (split it)":                                                                          "حجم الملف %.1f MiB، وهذا أكثر من حدّ الاستيراد البالغ %d MiB (قسّمه)",
	"the file is %.1f MiB: a .txt file is one document, and a document holds at most %d code points (at most %.1f MiB); split it into several files": "حجم الملف %.1f MiB: ملف .txt وثيقة واحدة، والوثيقة تحوي %d محرف على الأكثر (%.1f MiB على الأكثر)؛ قسّمه إلى عدة ملفات",

	// importer: notes
	"a byte-order mark at the start of the file was removed": "أُزيلت علامة ترتيب البايتات من بداية الملف",
}
