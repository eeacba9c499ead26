package locale

// sourcesArabic holds the Arabic of the suggestion sources' switches and
// of the layer of suggestions. A source is «مصدر», switched off «مُطفأ».
var sourcesArabic = map[string]string{
	"Suggestion sources":                  "مصادر الاقتراحات",
	"%s (proposes nothing until trained)": "%s (لا يقترح شيئًا قبل تدريبه)",
	"A source switched off proposes nothing in any document; where two sources propose overlapping spans, the one higher in this list is kept. The values of spans are read whatever is switched off.": "لا يقترح المصدر المُطفأ شيئًا في أي وثيقة؛ وإذا اقترح مصدران مقطعين متداخلين أُبقي اقتراح الأعلى منهما في هذه القائمة. وتُقرأ قيم المقاطع أيًّا كان المُطفأ.",
	"Actor lexicon: armed groups, state and foreign forces, militias":                                            "معجم الفاعلين: الجماعات المسلحة والقوات الحكومية والأجنبية والميليشيات",
	"Gazetteer: countries, regions, cercles, towns and areas of Mali and the Sahel":                              "المعجم الجغرافي: بلدان مالي والساحل ومناطقها الإدارية ودوائرها ومدنها ونواحيها",
	"Date grammar: weekdays, days, months (Gregorian, Levantine, Hijri), years, relative days, parts of the day": "قواعد التواريخ: أيام الأسبوع والأيام والأشهر (الميلادية والسريانية والهجرية) والسنوات والأيام النسبية وأجزاء اليوم",
	"Casualty grammar: a trigger, a count and the victims' noun":                                                 "قواعد الخسائر البشرية: لفظ دالّ وعدد واسم الضحايا",
	"Places shown by their context (village of X, region of X)":                                                  "أماكن يدلّ عليها سياقها (قرية كذا، منطقة كذا)",
	"Your labels, on the other mentions of their text":                                                           "وسومك، على المواضع الأخرى لنصوصها",
}
