package training

import (
	"strings"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

// fixtureTexts are short sentences written for these tests (no news text):
// a made-up armed group, سرايا الوادي, whose name no lexicon holds, with
// places, dates and casualties. Each marked phrase [LABEL text] is a span.
var fixtureTexts = []string{
	"أعلنت [ACTOR سرايا الوادي] مسؤوليتها عن هجوم على نقطة عسكرية قرب [PLACE موبتي] يوم [DATE الاثنين 6 أكتوبر 2025] أسفر عن [CASUALTY مقتل خمسة جنود].",
	"قالت مصادر محلية إن [ACTOR سرايا الوادي] نصبت كمينا لقافلة إمداد في [PLACE سيغو] [DATE مساء الأربعاء]، وأدى إلى [CASUALTY إصابة ثلاثة مدنيين].",
	"هاجم مسلحون من [ACTOR سرايا الوادي] سوقا أسبوعية في [PLACE تمبكتو] [DATE صباح الجمعة] وتسبب الهجوم في [CASUALTY مقتل سبعة أشخاص].",
	"نفت [ACTOR سرايا الوادي] في بيان نشرته [DATE أمس] أي صلة لها بعملية الاختطاف التي وقعت في [PLACE كيدال] ثم وصلت تعزيزاتها إلى أنفيف.",
	"اشتبكت [ACTOR سرايا الوادي] مع وحدة من الجيش قرب [PLACE غاو] [DATE فجر الثلاثاء] وأسفرت المواجهات عن [CASUALTY مقتل أربعة عناصر].",
	"ذكر شهود أن عناصر من سرايا الوادي انتشروا في محيط بلدة دوينتزا صباح الأحد، ثم توجهوا نحو أنفيف.",
}

// fixture returns the documents of fixtureTexts, d1…d6, their spans read
// from the marks, with the given statuses (new where none is given).
func fixture(status ...corpus.Status) []corpus.Document {
	out := make([]corpus.Document, len(fixtureTexts))
	for i, marked := range fixtureTexts {
		var text strings.Builder
		var spans []corpus.Span
		rest := marked
		for {
			open := strings.Index(rest, "[")
			if open < 0 {
				text.WriteString(rest)
				break
			}
			text.WriteString(rest[:open])
			close := strings.Index(rest, "]")
			inner := rest[open+1 : close]
			label, phrase, _ := strings.Cut(inner, " ")
			start := utf8.RuneCountInString(text.String())
			text.WriteString(phrase)
			spans = append(spans, corpus.Span{Start: start, End: start + utf8.RuneCountInString(phrase), Label: corpus.Label(label)})
			rest = rest[close+1:]
		}
		out[i] = corpus.Document{ID: "d" + string(rune('1'+i)), Title: "d" + string(rune('1'+i)), Text: text.String(), Spans: spans, Status: corpus.StatusNew}
		if i < len(status) {
			out[i].Status = status[i]
		}
	}
	return out
}
