// Package testcorpus provides corpora for the tests and benchmarks of the
// export formats: the project's sample gold corpus (and, built with the tag
// "shared", the shared gold corpus), and generated documents whose
// texts mix Arabic with diacritics and tatweel, Latin words, digits, emoji
// (outside the Basic Multilingual Plane, with joiners and flags),
// punctuation and line breaks. It is imported by tests only.
package testcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/tokenize"
)

// Now is the fixed time stamped on the documents of this package.
var Now = time.Date(2025, 10, 7, 9, 30, 0, 0, time.UTC)

// Sample returns the project's own gold corpus, package sample's six
// articles with their reference spans (sample.Gold), as a finished corpus:
// see finish.
func Sample(tb testing.TB) []corpus.Document {
	tb.Helper()
	docs := sample.Gold()
	if len(docs) == 0 {
		tb.Fatal("the sample corpus is empty")
	}
	return finish(tb, "sample", docs)
}

// finish marks every document of a gold corpus done, stamped Now, with
// span IDs "<document ID>-<i>" in text order and annotator "gold", and
// fails the test unless each validates against the default schema (what,
// naming the corpus, goes in the message).
func finish(tb testing.TB, what string, docs []corpus.Document) []corpus.Document {
	tb.Helper()
	for n := range docs {
		d := &docs[n]
		d.Status, d.Created, d.Modified = corpus.StatusDone, Now, Now
		corpus.SortSpans(d.Spans)
		for i := range d.Spans {
			d.Spans[i].ID = fmt.Sprintf("%s-%d", d.ID, i)
			d.Spans[i].Annotator = "gold"
		}
		if err := corpus.Validate(d, corpus.Default); err != nil {
			tb.Fatalf("%s corpus, document %d: %v", what, n+1, err)
		}
	}
	return docs
}

// Corpora returns the realistic corpora the table tests loop over, by name:
// "sample" (Sample) and "generated" (the documents given); built with the
// tag "shared", also "shared" (Shared).
func Corpora(tb testing.TB, generated []corpus.Document) map[string][]corpus.Document {
	tb.Helper()
	m := map[string][]corpus.Document{"sample": Sample(tb), "generated": generated}
	addShared(tb, m)
	return m
}

// Words that spans cover: names with the article, diacritics and tatweel,
// Latin names, numbers and emoji.
var entities = map[corpus.Label][]string{
	corpus.Actor:    {"الجيش المالي", "الفيلق الإفريقي", "جماعة نصرة الإسلام والمسلمين", "JNIM", "الجنرال آسيمي غويتا", "القوّات المسلّحة", "Wagner", "المجلـــس العسكري"},
	corpus.Place:    {"كاي", "سيكاسو", "تمبكتو", "مالي", "باماكو", "نيورو", "الساحل", "Gao", "Kayes", "🇲🇱"},
	corpus.Date:     {"الثلاثاء 7 أكتوبر 2025", "السادس من أكتوبر", "يوم أمس", "مساء الاثنين", "٢٤ يناير ٢٠٢٦", "2025-10-07"},
	corpus.Casualty: {"مقتل أربعة عناصر", "سقوط قتلى وجرحى", "أكثر من 30 جندياً", "اختطاف 4 أجانب", "تحييد 80 جهادياً", "مقتل 12 😢"},
}

// Filler words between spans, with their punctuation.
var filler = strings.Fields("شهدت خلال الأيام الأخيرة تصعيدًا ملحوظًا في هجمات ، حيث نفذت سلسلة من العمليات المتزامنة ضد مواقع " +
	"مختلفة؛ وأعلنت « مصادر » محلية؟ ما أدى إلى تدمير مركبة عسكرية ( 3 ) مركبات . ! 🔻 📌 👨‍👩‍👧 👍🏽 … – | cafe\u0301 " +
	"news 1,000 7.5 ٣٫٥ https://t.co/x #مالي @raqim ـــ مستوىً")

// proclitics may be glued before a span, outside it.
var proclitics = []string{"", "", "", "و", "ب", "ل", "ف", "وب"}

// Generate returns n documents with about spansPer spans each, generated
// from seed: IDs "gen-<seed>-<i>", status done, unique texts.
func Generate(seed uint64, n, spansPer int) []corpus.Document {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	labels := corpus.Default.Names()
	docs := make([]corpus.Document, n)
	for i := range docs {
		var b strings.Builder
		pos := 0
		write := func(s string) {
			b.WriteString(s)
			pos += utf8.RuneCountInString(s)
		}
		d := corpus.Document{ID: fmt.Sprintf("gen-%d-%05d", seed, i), Status: corpus.StatusDone, Created: Now, Modified: Now}
		d.Title = d.ID
		write(fmt.Sprintf("خبر %d", i)) // keeps texts unique
		k := spansPer/2 + r.IntN(spansPer+1)
		for j := 0; j < k; j++ {
			for f := r.IntN(6); f > 0; f-- {
				write(sep(r))
				write(filler[r.IntN(len(filler))])
			}
			write(sep(r))
			write(proclitics[r.IntN(len(proclitics))])
			l := labels[r.IntN(len(labels))]
			opts := entities[l]
			start := pos
			write(opts[r.IntN(len(opts))])
			d.Spans = append(d.Spans, corpus.Span{ID: fmt.Sprintf("s%d", j), Start: start, End: pos, Label: l, Annotator: []string{"amina", "omar"}[r.IntN(2)]})
			if r.IntN(4) == 0 {
				write([]string{"،", ".", "؟", "»", ":"}[r.IntN(5)])
			}
		}
		write(sep(r))
		write("انتهى.")
		d.Text = b.String()
		docs[i] = d
	}
	return docs
}

func sep(r *rand.Rand) string {
	switch r.IntN(20) {
	case 0:
		return "\n"
	case 1:
		return "\r\n"
	case 2:
		return " \u200f"
	case 3:
		return "  "
	}
	return " "
}

// Options are the decode options the format tests share: the default
// schema, and Now as the clock.
func Options() format.Options {
	return format.Options{Schema: corpus.Default, Now: func() time.Time { return Now }}
}

// TokenSpans lists a document's spans as "LABEL:tok tok …" with the tokens
// of each span's text: the form a span takes in the token formats.
func TokenSpans(d corpus.Document) []string {
	var out []string
	runes := []rune(d.Text)
	for _, s := range d.Spans {
		var words []string
		for _, tok := range tokenize.Tokens(string(runes[s.Start:s.End]), nil) {
			words = append(words, tok.Text)
		}
		out = append(out, string(s.Label)+":"+strings.Join(words, " "))
	}
	return out
}
