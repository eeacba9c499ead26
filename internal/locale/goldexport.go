package locale

// goldExportArabic holds the Arabic of what exporting gold data says: the
// spans setting of the dataset export, the card's words on layers,
// curation and agreement, and the name asked for a layer on import. A
// gold layer is «الطبقة المرجعية», curated «محرَّرة» (as in the
// curation view), an annotator in the card «موسِّم».
var goldExportArabic = map[string]string{
	// package dataset
	"reading the corpus: %d layers asked for, %d read": "قراءة المدوّنة: طُلبت %d طبقة، وقُرئت %d",
	"document %q: its gold layer %q is gone":           "الوثيقة %q: اختفت طبقتها المرجعية %q",
	"this corpus holds no layers to export gold from":  "لا طبقات في هذه المدوّنة تُصدَّر منها بيانات مرجعية",
	"no document to export: none of the %d documents has a curated gold layer (the export settings can take each document's own spans)": "لا وثيقة للتصدير: ليس لأي وثيقة من الوثائق البالغ عددها %d طبقة مرجعية محرَّرة (يمكن لإعدادات التصدير أن تأخذ مقاطع كل وثيقة نفسها)",

	// the card
	"Spans from: each document's own layer (the one edited in raqim).":                           "مصدر المقاطع: طبقة كل وثيقة نفسها (التي تُحرَّر في رقيم).",
	"Spans from: the curated gold layer of %d document(s); %d without one keep their own spans.": "مصدر المقاطع: الطبقة المرجعية المحرَّرة لوثائق عددها %d؛ وما ليس له مثلها، وعدده %d، بقيت له مقاطعه.",
	"Spans from: the curated gold layer of %d document(s); %d without one were left out.":        "مصدر المقاطع: الطبقة المرجعية المحرَّرة لوثائق عددها %d؛ وتُرك ما ليس له مثلها، وعدده %d.",
	"Spans from: the curated gold layer of every document (%d).":                                 "مصدر المقاطع: الطبقة المرجعية المحرَّرة لكل وثيقة (%d).",
	"Annotators' layers of the exported documents: %s.":                                          "طبقات الموسِّمين في الوثائق المصدَّرة: %s.",
	"Curated documents: none.":            "الوثائق المحرَّرة: لا شيء.",
	"Curated documents: %d of %d.":        "الوثائق المحرَّرة: %d من %d.",
	"Curated documents: %d of %d, by %s.": "الوثائق المحرَّرة: %d من %d، حرَّرها %s.",
	"Agreement: no figures (they need two or more annotators' layers over the exported documents).":                            "الاتفاق: لا أرقام (تحتاج إلى طبقتين أو أكثر لموسِّمين في الوثائق المصدَّرة).",
	"Agreement of the annotators' layers over %d document(s), without bootstrap intervals: Fleiss' kappa over code points %s.": "اتفاق طبقات الموسِّمين في وثائق عددها %d، بلا فترات bootstrap: كابا فلايس على المحارف %s.",
	"pair of layers": "زوج الطبقات",
	"strict span F1": "F1 الصارم للمقاطع",

	// the worker's message
	"Spans from the curated gold layer of %s.":    "المقاطع من الطبقة المرجعية المحرَّرة لـ%s.",
	"Left out, without a curated gold layer: %s.": "تُرك لعدم وجود طبقة مرجعية محرَّرة: %s.",

	// the dataset settings
	"Spans from": "مصدر المقاطع",
	"automatic: gold once a document is curated": "تلقائي: المرجعية متى حُرِّرت وثيقة",
	"each document's own spans":                  "مقاطع كل وثيقة نفسها",
	"the curated gold layer":                     "الطبقة المرجعية المحرَّرة",
	"documents without a curated gold layer keep their own spans (otherwise they are left out)": "الوثائق التي ليس لها طبقة مرجعية محرَّرة تبقى بمقاطعها (وإلا تُترك)",
	"Gold takes each document's curated gold layer (every unit decided), whatever the document's status; a document without one is left out, since gold data is curated data, unless kept with its own spans, as the status setting selects them.": "تأخذ المرجعية طبقة كل وثيقة المرجعية المحرَّرة (حُسمت كل وحداتها)، أيًّا كانت حالة الوثيقة؛ وتُترك الوثيقة التي ليس لها مثلها، لأن البيانات المرجعية بيانات محرَّرة، إلا إذا أُبقيت بمقاطعها، على ما يختاره إعداد الحالة.",

	// the layer naming dialog
	"Name this layer": "سمِّ هذه الطبقة",
	"The lines of %s name no annotator, and their texts are stored already: the file becomes a layer of those documents. Name the layer to import it, or cancel to import nothing of it.": "لا تسمّي أسطر %s موسِّمًا، ونصوصها مخزّنة من قبل: فيصير الملف طبقة لتلك الوثائق. سمِّ الطبقة لاستيراده، أو ألغِ فلا يُستورد منه شيء.",
	"Layer name": "اسم الطبقة",
	"these are an extractor's predictions (system layer)": "هذه تنبؤات مستخرِج آلي (طبقة نظام)",
	"Import": "استورد",
	"%s: not imported (its layer was not named).": "%s: لم يُستورد (لم تُسمَّ طبقته).",
}
