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
	"Store the suggestions of every document as a layer":                                                         "خزِّن اقتراحات كل الوثائق طبقةً",
	"Store the suggestions of the documents chosen in the list (%d) as a layer":                                  "خزِّن اقتراحات الوثائق المختارة في القائمة (%d) طبقةً",
	"Suggestions are stored as a layer in this browser's storage, which is unavailable.":                         "تُخزَّن الاقتراحات طبقةً في تخزين هذا المتصفح، وهو غير متاح.",
	"Suggesting…":                         "جارٍ الاقتراح…",
	"Stored %s in %s, as their layer %s.": "خُزِّنت %s في %s، طبقتَها %s.",
	"Left out: %d kept suggestion-free as a control, %d longer than %d characters.":           "تُركت: %d متروكة بلا اقتراحات للمقارنة، و%d أطول من %d محرف.",
	"The suggestions were not stored: %v. Nothing was changed; reload the page to try again.": "لم تُخزَّن الاقتراحات: %v. لم يتغيّر شيء؛ أعد تحميل الصفحة وحاول مجددًا.",
	"document %q is not stored": "الوثيقة %q غير مخزَّنة",
	"document «%s» has a layer named %s that is not a system layer: suggestions are stored as a system layer of that name":                                                                                                                                                                                     "للوثيقة «%s» طبقة باسم %s ليست طبقة نظام: تُخزَّن الاقتراحات طبقةَ نظام بهذا الاسم",
	"In the background: each document's suggestions, from its text alone and the sources switched on, become its system layer %s, replacing the last ones, as an extractor's would: score them against gold (Score an extractor, in Agreement) or curate from them. Documents kept as a control are left out.": "في الخلفية: تصير اقتراحات كل وثيقة، من نصها وحده والمصادر المشغَّلة، طبقةَ النظام %s لها بدل السابقة، كمخرجات أداة استخراج: قِسها على الطبقة الذهبية («تقييم مستخرِج» في «الاتفاق») أو نقِّح منها. وتُترك وثائق المقارنة.",
	"Suggest for %s": "اقترح لـ%s",
	"Store their suggestions as their layer %s, to score against gold or curate from": "خزِّن اقتراحاتها طبقتَها %s، لتُقاس على الطبقة الذهبية أو يُنقَّح منها",
}
