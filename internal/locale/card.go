package locale

// cardArabic holds the Arabic of the prose of the dataset card (README.md
// of an exported dataset, see dataset.Card): its sentences, headings, table
// headers and descriptions of files. What programs read stays as it is in
// the card, and so in these messages: file and field names, tags, code in
// backquotes. A token is «رمز», a split «قسم» (train, dev, test: التدريب،
// التطوير، الاختبار), an annotator «موسِّم»; the card's numbers are in
// Western digits.
var cardArabic = map[string]string{
	// Summary.
	"Named-entity spans over Arabic text, annotated with raqim under the schema %s.": "مقاطع كيانات مسمّاة في نصوص عربية، وُسمت برقيم وفق مخطط الوسوم %s.",
	"the documents whose status is done":                                             "الوثائق المنجزة",
	"all documents, whatever their status":                                           "كل الوثائق، أيًّا كانت حالتها",
	"Exported: %s by raqim %s.":                                                      "صُدّرت في %s برقيم %s.",
	"Documents: %d exported (%s).":                                                   "الوثائق: صُدّر منها %d (%s).",
	"Documents: %d exported (%s); %d not done were left out.":                        "الوثائق: صُدّر منها %d (%s)؛ وتُرك منها %d لم تُنجز.",
	"Spans: %d. Offsets are Unicode code points into the text exactly as stored, `[start, end)`, as Python's `str` counts them.": "المقاطع: %d. الإزاحات محارف يونيكود (code points) في النص كما خُزّن تمامًا، `[start, end)`، كما يعدّها `str` في بايثون.",

	// Labels ("Labels" is in uiArabic).
	"In ClassLabel order (`labels.json`); the token formats use `hf/labels.json`: `O`, then `B-` and `I-` of each label in this order.": "بترتيب ClassLabel (`labels.json`)؛ وتستعمل صيغ الرموز `hf/labels.json`: `O`، ثم `B-` و`I-` لكل وسم بهذا الترتيب.",
	"label":   "الوسم",
	"Arabic":  "العربية",
	"English": "الإنجليزية",
	// The column of the English definitions, beside «التعريف», the Arabic ones.
	"definition": "التعريف بالإنجليزية",

	// Splits.
	"Splits": "الأقسام",
	"By document, deterministic from the seed: the same corpus and seed give the same split on any machine.": "حسب الوثيقة، وتحدّدها البذرة: المدوّنة نفسها مع البذرة نفسها تعطيان القسمة نفسها على أي جهاز.",
	"Seed: %s": "البذرة: %s",
	"Ratios (train/dev/test): %s / %s / %s, asking for %d / %d / %d documents.": "النسب (التدريب/التطوير/الاختبار): %s / %s / %s، والمطلوب %d / %d / %d من الوثائق.",
	"Rounding: each split gets the floor of its share; the documents left over go one each to the largest remainders (ties to train, then dev, then test); a split with a non-zero ratio that got none takes one from the largest split when there are enough documents (3 documents at 80/10/10 give 1/1/1).": "التقريب: يأخذ كل قسم الجزء الصحيح من حصته؛ وتذهب الوثائق الباقية واحدةً واحدةً إلى أصحاب أكبر البواقي (وعند التساوي إلى التدريب ثم التطوير ثم الاختبار)؛ والقسم الذي نسبته غير صفرية ولم ينل شيئًا يأخذ وثيقة من أكبر الأقسام إن كفت الوثائق (3 وثائق بنسب 80/10/10 تعطي 1/1/1).",
	"Near-duplicates (the same story twice: equal normalised text, or word %d-shingle Jaccard similarity ≥ %s) stay in one split: %d group(s) here.":                                                                                                                                                           "الوثائق شبه المكررة (القصة نفسها مرتين: نص مطابق بعد التطبيع، أو تشابه Jaccard لسلاسل من %d كلمات متتالية ≥ %s) تبقى في قسم واحد: عدد مجموعاتها هنا %d.",
	"Balance: each label is placed in every split where the corpus allows before the rest is filled in seeded order.":                                                                                                                                                                                          "التوازن: يوضع كل وسم في كل قسم تسمح به المدوّنة، ثم يُملأ الباقي بالترتيب الذي تحدّده البذرة.",
	"split":     "القسم",
	"documents": "الوثائق",
	"sentences": "الجمل",
	"tokens":    "الرموز",
	"spans":     "المقاطع",
	"Per label: documents holding it / spans / tokens inside its spans.": "لكل وسم: الوثائق التي فيها / المقاطع / الرموز داخل مقاطعه.",

	// Tokenisation: the rule itself (tokenize.Rule) stays in English.
	"Tokenisation": "التقطيع إلى رموز",
	"The token formats (`*.conll`, `*.bioes.conll`, `hf/`) share one rule (raqim's `internal/tokenize`):":                                           "تتبع صيغ الرموز (`*.conll` و`*.bioes.conll` و`hf/`) قاعدة واحدة (`internal/tokenize` في رقيم)، وهذا نصها بالإنجليزية:",
	"So every span is an exact sequence of tokens: its first token starts where the span starts and its last token ends where it ends.":             "فكل مقطع سلسلة تامة من الرموز: يبدأ أول رموزه حيث يبدأ المقطع، وينتهي آخرها حيث ينتهي.",
	"Exception: %d span(s) cover no token at all (whitespace or invisible characters only); the span formats carry them, the token formats cannot:": "استثناء: مقاطع عددها %d لا تغطي أي رمز (ليس فيها إلا مسافات أو محارف غير مرئية)؛ تحملها صيغ المقاطع، ولا تقدر على ذلك صيغ الرموز:",

	// Annotators.
	"Annotators":                     "الموسِّمون",
	"No spans.":                      "لا مقاطع.",
	"annotator":                      "الموسِّم",
	"(not recorded: imported spans)": "(غير مسجّل: مقاطع مستوردة)",

	// Files.
	"Files":                               "الملفات",
	"file":                                "الملف",
	"format":                              "الصيغة",
	"read by":                             "تقرؤه برامج",
	"the label names in ClassLabel order": "أسماء الوسوم بترتيب ClassLabel",
	"any":                                 "كل البرامج",
	"span JSON Lines: %s":                 "أسطر JSON للمقاطع: %s",
	"span JSON Lines: %s, spans also with %s and %s":                             "أسطر JSON للمقاطع: %s، وفي المقاطع أيضًا %s و%s",
	"IOB2, %s per line, a blank line between sentences, %s before each document": "IOB2، و%s في كل سطر، وسطر فارغ بين الجمل، و%s قبل كل وثيقة",
	"the same in BIOES":                                             "المحتوى نفسه بترميز BIOES",
	"%s per sentence, tag ids into %s":                              "%s لكل جملة، ومعرّفات الوسوم فهارس في %s",
	"Hugging Face %s (this card)":                                   "%s من Hugging Face (بهذه البطاقة)",
	"brat standoff, code-point offsets":                             "صيغة brat المنفصلة (standoff)، وإزاحاتها بالمحارف",
	"Label Studio tasks with annotations, and the labelling config": "مهام Label Studio مع تعليقاتها، وإعدادات الوسم",
	"Loading": "التحميل",

	// Values.
	"Values": "القيم",
	"Normalised values carried in each span's `attrs` (span JSONL) and each region's `meta` (Label Studio): how many spans of each label have each.": "القيم المطبَّعة التي يحملها كل مقطع في `attrs` (JSONL المقاطع) وكل منطقة في `meta` (Label Studio): كم مقطعًا من كل وسم يحمل كلًّا منها.",
	"value":              "القيمة",
	"spans with it":      "المقاطع التي تحملها",
	"spans of the label": "مقاطع الوسم",
}
