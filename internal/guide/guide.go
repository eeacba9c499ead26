// Package guide holds raqim's annotation guidelines for Arabic conflict
// reporting as structured data, in Arabic and English, for the UI to
// render. It follows the guidelines of the default schema (corpus.Default):
// the offsets note, the four labels and the twelve boundary rules.
//
// All strings are plain text, never HTML. Where a Text holds more than one
// paragraph they are separated by "\n". Example fragments are Arabic text as
// it appears in a document.
package guide

import "github.com/raqim/raqim/internal/corpus"

// Text is one piece of guideline text in Arabic and English.
type Text struct{ Ar, En string }

// Rule is one boundary rule, with examples where the guideline gives them.
type Rule struct {
	Title    Text
	Body     Text
	Examples []Example
}

// Example shows a span boundary: Wrong is a common mistake (empty when the
// example only shows the right span) and Right the span to mark. Both are
// Arabic fragments.
type Example struct{ Wrong, Right string }

// LabelGuide explains one label of the schema.
type LabelGuide struct {
	Label      corpus.Label
	Name       Text
	Definition Text
	Examples   []string
}

// Guide is the whole guideline: an introduction (with the offsets note),
// the labels in schema order and the numbered boundary rules.
type Guide struct {
	Intro  Text
	Labels []LabelGuide
	Rules  []Rule
}

// Default returns the guidelines of the default schema. Each call returns
// fresh values the caller may modify.
func Default() Guide {
	return Guide{
		Intro: Text{
			Ar: "تشرح هذه الإرشادات كيفية وسم المقاطع في تقارير النزاعات المكتوبة بالعربية، وفق أربع تسميات: فاعل، ومكان، وتاريخ، وخسائر بشرية. ظلِّل كل ذكر بأصغر مقطع يؤدي المعنى، والتزم بقواعد الحدود أدناه.\n" +
				"الإزاحات: يُحفظ المقطع مجالًا نصف مفتوح [البداية، النهاية) يُعدّ بنقاط الترميز في يونيكود على النص كما خُزِّن دون أي تطبيع، فلا تدخل النهاية في المقطع. وهي الوحدة التي تعتمدها سلاسل Python، فتُحمَّل الملفات المصدَّرة في spaCy وHugging Face دون تحويل. أما المتصفح فيعدّ بوحدات UTF-16، وGo يعدّ بالبايتات، ولذلك يجري التحويل عند الأطراف ولا يُخزَّن أيٌّ منهما؛ ويظهر الفرق في الرموز التعبيرية الواقعة خارج المستوى متعدد اللغات الأساسي.",
			En: "These guidelines explain how to mark spans in Arabic conflict reporting with four labels: actor, place, date and casualty. Mark every mention with the smallest span that carries the meaning, and follow the boundary rules below.\n" +
				"Offsets: a span is stored as a half-open range [start, end) in Unicode code points of the text as stored, with no normalisation; end is exclusive. This is the unit of Python strings, so exports load unchanged into spaCy and Hugging Face. The browser counts UTF-16 code units and Go counts bytes: convert at the edges and never store either. The units differ on emoji outside the Basic Multilingual Plane.",
		},
		Labels: []LabelGuide{
			{
				Label: corpus.Actor,
				Name:  Text{Ar: "فاعل", En: "Actor"},
				Definition: Text{
					Ar: "جماعة أو قوة أو منظمة أو دولة أو شخص مسمّى يشارك في حدث أو يتبنّاه أو يُستهدَف به.",
					En: "A group, force, organisation, state or named person that takes part in, claims, or is targeted by an event.",
				},
				Examples: []string{"جماعة نصرة الإسلام والمسلمين", "JNIM", "الجيش المالي", "الفيلق الإفريقي", "القوات المسلحة المالية", "الجنرال آسيمي غويتا"},
			},
			{
				Label: corpus.Place,
				Name:  Text{Ar: "مكان", En: "Place"},
				Definition: Text{
					Ar: "موقع جغرافي مسمّى: دولة أو إقليم أو مدينة أو بلدة أو قرية أو منطقة مسمّاة.",
					En: "A named geographic location: country, region, city, town, village, named area.",
				},
				Examples: []string{"مالي", "كاي", "سيكاسو", "تمبكتو", "نيورو", "الساحل"},
			},
			{
				Label: corpus.Date,
				Name:  Text{Ar: "تاريخ", En: "Date"},
				Definition: Text{
					Ar: "تعبير يحدّد متى وقع الحدث: تاريخ تقويمي، أو يوم من أيام الأسبوع، أو يوم نسبي، مع الكلمة الدالة على وقت اليوم.",
					En: "An expression that says when an event happened: a calendar date, a weekday, a relative day, with its time-of-day word.",
				},
				Examples: []string{"الثلاثاء 7 أكتوبر 2025", "السادس من أكتوبر", "يوم أمس", "مساء الاثنين", "فجر اليوم الثلاثاء"},
			},
			{
				Label: corpus.Casualty,
				Name:  Text{Ar: "خسائر بشرية", En: "Casualty"},
				Definition: Text{
					Ar: "خبر عن أشخاص قُتلوا أو جُرحوا أو أُسروا أو اختُطفوا أو «حُيِّدوا»: كلمة الحدث، والعدد، والاسم الدال على الضحايا.",
					En: "A report of people killed, wounded, captured, kidnapped or \"neutralised\": the trigger word, the count, and the victims' head noun.",
				},
				Examples: []string{"مقتل أربعة عناصر", "سقوط قتلى وجرحى", "أكثر من 30 جندياً", "اختطاف أربعة أجانب", "تحييد 80 جهادياً"},
			},
		},
		Rules: []Rule{
			{
				Title: Text{Ar: "حروف السوابق خارج المقطع", En: "Proclitics stay outside"},
				Body: Text{
					Ar: "حروف الواو والفاء والباء واللام والكاف المتصلة بأول كلمة لا تدخل في المقطع. فإذا اندمجت السابقة مع أداة التعريف (كما في «للجيش») وُسِمت الكلمة كلها.",
					En: "و ف ب ل ك attached to the first word are not part of the span. Where a proclitic fuses with the article (للجيش), keep the whole word.",
				},
				Examples: []Example{
					{Wrong: "بولاية كاي", Right: "كاي"},
					{Wrong: "والفيلق الإفريقي", Right: "الفيلق الإفريقي"},
					{Wrong: "لجيش المالي", Right: "للجيش المالي"},
				},
			},
			{
				Title: Text{Ar: "أداة التعريف داخل المقطع", En: "The article stays inside"},
				Body: Text{
					Ar: "تبقى «ال» التعريف جزءًا من المقطع ولا تُحذف من أوله.",
					En: "The definite article ال is part of the span and is not cut off its start.",
				},
				Examples: []Example{{Wrong: "جيش المالي", Right: "الجيش المالي"}},
			},
			{
				Title: Text{Ar: "الأسماء العامة للأماكن خارج المقطع", En: "Generic head nouns of places stay outside"},
				Body: Text{
					Ar: "الأسماء العامة التي تسبق اسم المكان — ولاية، مدينة، منطقة، إقليم، قرية، بلدة — لا تدخل في المقطع، ويُوسَم الاسم وحده. أما الدول والأقاليم التي تدخل أداة التعريف في اسمها فتحتفظ بها (الساحل).",
					En: "Generic head nouns before a place name (ولاية، مدينة، منطقة، إقليم، قرية، بلدة) stay outside: mark only the name. Countries and regions whose name carries the article keep it (الساحل).",
				},
				Examples: []Example{
					{Wrong: "ولاية كاي", Right: "كاي"},
					{Wrong: "منطقة الساحل", Right: "الساحل"},
				},
			},
			{
				Title: Text{Ar: "الفاعل عبارة الاسم كاملة", En: "Actors are the whole name phrase"},
				Body: Text{
					Ar: "يشمل مقطع الفاعل الاسم كاملًا مع الصفات التي هي جزء منه (الجيش المالي، الفيلق الإفريقي الروسي)، واللقب الذي يسبق اسم الشخص (الجنرال آسيمي غويتا). لا تُوسَم الضمائر، ولا كلمتا «الجماعة» و«التنظيم» مجرّدتين حين تُحيلان إلى مذكور سابق. ولا تُعدّ وسيلة الإعلام أو المصدر المنقول عنه فاعلًا ما لم يشارك في الحدث.",
					En: "An actor span is the whole name phrase, with the adjectives that belong to the name (الجيش المالي, الفيلق الإفريقي الروسي), and a title before a person's name (الجنرال آسيمي غويتا). Pronouns and bare \"الجماعة\" / \"التنظيم\" used as anaphora are not marked. A media outlet or a quoted source is not an actor unless it takes part in an event.",
				},
				Examples: []Example{
					{Wrong: "الفيلق الإفريقي", Right: "الفيلق الإفريقي الروسي"},
					{Wrong: "آسيمي غويتا", Right: "الجنرال آسيمي غويتا"},
				},
			},
			{
				Title: Text{Ar: "التواريخ", En: "Dates"},
				Body: Text{
					Ar: "يُترك حرف الجر في أول التعبير خارج المقطع (في، منذ)، ولا تبقى كلمة «يوم» إلا كما في «يوم أمس». وتبقى داخل المقطع كلمات وقت اليوم (صباح، مساء، فجر، ليل) واسم يوم الأسبوع. ولا تُعدّ المُدد والتكرارات تواريخ (خلال 72 ساعة، منذ أكثر من عقد). وتاريخ النشر في صدر الخبر (باماكو – 24 يناير 2026) تاريخ، والمدينة التي تسبقه مكان.",
					En: "Leave out the leading preposition (في، منذ); يوم is kept only as in يوم أمس. Keep time-of-day words (صباح، مساء، فجر، ليل) and the weekday. Durations and frequencies (خلال 72 ساعة, منذ أكثر من عقد) are not dates. A publication dateline (باماكو – 24 يناير 2026) is a date; the city before it is a place.",
				},
				Examples: []Example{
					{Wrong: "في السادس من أكتوبر", Right: "السادس من أكتوبر"},
					{Wrong: "الثلاثاء 7 أكتوبر 2025", Right: "صباح الثلاثاء 7 أكتوبر 2025"},
					{Wrong: "", Right: "يوم أمس"},
					{Wrong: "باماكو – 24 يناير 2026", Right: "24 يناير 2026"},
				},
			},
			{
				Title: Text{Ar: "الخسائر البشرية", En: "Casualties"},
				Body: Text{
					Ar: "يمتد المقطع من كلمة الحدث (مقتل، قتل، قُتل، سقوط، إصابة، جرح، أسر، اختطاف، تحييد، مصرع) مرورًا بالعدد حتى الاسم الدال على الضحايا. وإذا ورد العدد مع اسمه منفردًا (أكثر من 30 جندياً) فتلك العبارة هي المقطع. ولا تُعدّ الخسائر المادية (المركبات وصهاريج الوقود والأسلحة) خسائر بشرية.",
					En: "From the trigger (مقتل، قتل، قُتل، سقوط، إصابة، جرح، أسر، اختطاف، تحييد، مصرع) through the count to the victims' head noun. Where the count stands alone with its noun (أكثر من 30 جندياً), that phrase is the span. Material losses (vehicles, fuel tankers, weapons) are not casualties.",
				},
				Examples: []Example{
					{Wrong: "مقتل أربعة عناصر من الجيش", Right: "مقتل أربعة عناصر"},
					{Wrong: "", Right: "أكثر من 30 جندياً"},
				},
			},
			{
				Title: Text{Ar: "لا تداخل بين المقاطع", En: "No overlaps"},
				Body: Text{
					Ar: "لا تتداخل المقاطع ولا يتضمّن بعضها بعضًا. وإذا تنافست تسميتان على النص نفسه فاختر المقاطع الأصغر والأدق: «مقتل أربعة عناصر» خسائر بشرية، و«الجيش» فاعل.",
					En: "Spans never overlap or nest. Where two labels compete, keep the smaller, more specific spans: مقتل أربعة عناصر as CASUALTY and الجيش as ACTOR.",
				},
				Examples: []Example{
					{Wrong: "مقتل أربعة عناصر من الجيش", Right: "مقتل أربعة عناصر"},
					{Wrong: "مقتل أربعة عناصر من الجيش", Right: "الجيش"},
				},
			},
			{
				Title: Text{Ar: "كل ذكر يُوسَم", En: "Every mention counts"},
				Body: Text{
					Ar: "يُوسَم كل ذكر على حدة، بما في ذلك الأسماء المكرّرة وما يرد منها داخل الاقتباسات.",
					En: "Mark each mention, including repeats and mentions inside quotations.",
				},
			},
			{
				Title: Text{Ar: "لا مسافات ولا علامات ترقيم على أطراف المقطع", En: "No whitespace or punctuation at the edges"},
				Body: Text{
					Ar: "لا يبدأ المقطع ولا ينتهي بمسافة أو علامة ترقيم، وتبقى علامات التنصيص والأقواس المحيطة بالاسم خارجه. وإذا قطعت علامات التنصيص الاسم (جماعة “نصرة الإسلام والمسلمين”) وُسِم الجزء الواقع بينها.",
					En: "Spans never start or end with whitespace or punctuation; quotation marks and brackets around a name stay outside. Where quotation marks cut through a name (جماعة “نصرة الإسلام والمسلمين”), mark the quoted part.",
				},
				Examples: []Example{
					{Wrong: "(JNIM)", Right: "JNIM"},
					{Wrong: "جماعة “نصرة الإسلام والمسلمين”", Right: "نصرة الإسلام والمسلمين"},
				},
			},
			{
				Title: Text{Ar: "الدول أماكن دائمًا", En: "Countries are always PLACE"},
				Body: Text{
					Ar: "تُوسَم الدولة مكانًا في كل الأحوال، حتى حين تظهر في الخبر بوصفها طرفًا فاعلًا.",
					En: "A country is marked PLACE, also where it acts as a state.",
				},
				Examples: []Example{{Wrong: "المدعوم من روسيا", Right: "روسيا"}},
			},
			{
				Title: Text{Ar: "الجماعات غير المسمّاة", En: "Unnamed groups"},
				Body: Text{
					Ar: "لا تُعدّ الجماعات غير المسمّاة فاعلًا إلا حين تنفّذ حدثًا محددًا أو تتبنّاه أو تُستهدَف به (من تنفيذ جماعات جهادية). أما الإشارات التحليلية، والجهات الداعمة المزعومة، والمنظمات المذكورة خارج أي حدث (كالهيئات الإقليمية ومراكز الأبحاث) فلا تُوسَم.",
					En: "Unnamed groups are actors only where they carry out, claim or are hit by a specific event (من تنفيذ جماعات جهادية); analytical mentions, alleged sponsors and organisations named outside any event (regional bodies, research institutes) are not.",
				},
				Examples: []Example{{Wrong: "من تنفيذ جماعات جهادية", Right: "جماعات جهادية"}},
			},
			{
				Title: Text{Ar: "المعسكرات والقواعد المسمّاة", En: "Named camps and bases"},
				Body: Text{
					Ar: "يُوسَم المعسكر أو القاعدة المسمّاة مكانًا، دون الاسم العام الذي يسبقه (معسكر).",
					En: "A named camp or base is a PLACE without its head noun (معسكر).",
				},
				Examples: []Example{{Wrong: "معسكر تيساليت", Right: "تيساليت"}},
			},
		},
	}
}
