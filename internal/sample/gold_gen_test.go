package sample

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"testing"
	"unicode"

	"github.com/raqim/raqim/internal/corpus"
)

var update = flag.Bool("update", false, "rewrite gold.jsonl from goldSpecs")

// mention is one reference span given by label and exact text. The spans of
// a document are listed in text order; each is found at the first
// whole-word occurrence at or after the end of the previous one (a word may
// carry proclitics و ف ب ل ك before the span), so offsets are never counted
// by hand.
type mention struct {
	Label corpus.Label
	Text  string
}

func a(s string) mention { return mention{corpus.Actor, s} }
func p(s string) mention { return mention{corpus.Place, s} }
func d(s string) mention { return mention{corpus.Date, s} }
func c(s string) mention { return mention{corpus.Casualty, s} }

// goldSpecs holds the reference spans of each article, keyed by file name.
var goldSpecs = map[string][]mention{
	"01_douentza_ambush.txt": {
		p("باماكو"), d("14 مارس 2025"),
		a("القوات المسلحة المالية"), d("صباح الخميس"), p("دوينتزا"), p("بوني"), p("مالي"),
		c("مقتل سبعة جنود"), c("إصابة أحد عشر آخرين"),
		a("جماعة نصرة الإسلام والمسلمين"), a("JNIM"), p("موبتي"),
		p("بوني"),
		a("الجيش المالي"), d("مساء اليوم نفسه"), p("هومبوري"), c("تحييد 15 مسلحًا"), c("سقوط قتلى وجرحى"),
	},
	"02_tillaberi_post.txt": {
		p("نيامي"), d("١٠ أبريل ٢٠٢٥"),
		c("قُتل ١٢ جنديًّا"), c("أُصيب ثمانية آخرون"), d("فجر الثلاثاء"), p("بانيبانغو"), p("تيلابيري"),
		p("النيجر"), p("مالي"), a("للجيش النيجري"),
		p("ولام"), a("القوات النيجرية"), c("تحييد ٢٣ مهاجمًا"),
		a("تنظيم الدولة الإسلامية في الساحل"), d("مساء الأربعاء"),
		p("تيلابيري"), p("النيجر"), p("مالي"), p("بوركينا فاسو"), d("٢٠٢٣"), p("نيامي"),
	},
	"03_djibo_kidnapping.txt": {
		p("واغادوغو"), d("الاثنين 2 يونيو 2025"),
		a("أطباء الساحل"), d("يوم أمس"), c("اختطاف أربعة موظفين"), a("مسلحين مجهولين"), p("جيبو"), p("بوركينا فاسو"),
		d("مساء السبت"), p("جيبو"), p("سوم"),
		p("جيبو"), a("جماعة نصرة الإسلام والمسلمين"), a("JNIM"),
		c("اختطاف سائقَين"), d("مارس"), p("دوري"),
	},
	"04_timbuktu_airstrikes.txt": {
		p("تمبكتو"), d("٢٢ سبتمبر ٢٠٢٥"),
		a("الجيـــش المالي"), c("تحييد عشرات المسلحين"),
		a("هيئة الأركان العامة للجيوش المالية"), d("مساء الأحد"), a("سلاح الجو"), a("جماعة نصرة الإسلام والمسلمين"),
		p("واغادو"), p("تمبكتو"), c("تحييد أكثر من ٤٠ إرهابيًّا"),
		p("غوندام"), d("الأسبوع الماضي"), c("مقتل تسعة مدنيين"), c("إصابة آخرين"),
		p("بير"), c("مقتل ستة مدنيين"), a("الجيش"),
		p("تمبكتو"), p("موبتي"),
	},
	"05_tessalit_camp.txt": {
		p("كيدال"), d("3 نوفمبر 2025"),
		p("تيساليت"), p("مالي"), d("فجر السبت"), a("جبهة تحرير أزواد"), a("الجيش المالي"), a("الفيلق الإفريقي الروسي"),
		c("مقتل ثلاثة جنود"), c("جرح خمسة آخرين"), p("غاو"),
		p("تيساليت"),
		a("بعثة الأمم المتحدة"), a("MINUSMA"), a("القوات المالية"), d("أواخر 2023"), a("الفيلق الإفريقي"), p("روسيا"), p("كيدال"),
		p("تيساليت"), p("أنفيس"), p("باماكو"),
	},
	"06_segou_village.txt": {
		p("سيغو"), d("الجمعة 16 مايو 2025"),
		c("قُتل ما لا يقل عن 21 مدنيًّا"), d("ليل الأربعاء"), p("ماسابوغو"), p("نيونو"), p("سيغو"), p("مالي"),
		a("مسلحين"), c("اختطاف سبعة رجال"),
		a("الجيش المالي"), d("صباح الخميس"), p("سيغو"), c("14 جريحًا"), p("نيونو"),
		p("ماسابوغو"),
	},
}

// isWordRune reports whether r belongs to a word: letters (tatweel
// included), combining marks such as diacritics, and digits.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

func isProclitic(r rune) bool {
	switch r {
	case 'و', 'ف', 'ب', 'ل', 'ك':
		return true
	}
	return false
}

// wordStart reports whether a span may start at i: at the start of a word,
// or after one or two proclitics that start the word.
func wordStart(text []rune, i int) bool {
	for k := 0; k <= 2; k++ {
		j := i - k // the word would start at j
		if j < 0 {
			return false
		}
		ok := true
		for _, r := range text[j:i] {
			ok = ok && isProclitic(r)
		}
		if ok && (j == 0 || !isWordRune(text[j-1])) {
			return true
		}
	}
	return false
}

// wordOccurrences returns the starts of the whole-word occurrences of sub in
// text at or after from.
func wordOccurrences(text, sub []rune, from int) []int {
	var out []int
	for i := from; i+len(sub) <= len(text); i++ {
		if string(text[i:i+len(sub)]) != string(sub) {
			continue
		}
		end := i + len(sub)
		if wordStart(text, i) && (end == len(text) || !isWordRune(text[end])) {
			out = append(out, i)
		}
	}
	return out
}

// buildGold resolves the mention lists against the articles.
func buildGold() ([]goldLine, error) {
	arts, err := readArticles()
	if err != nil {
		return nil, err
	}
	if len(arts) != len(goldSpecs) {
		return nil, fmt.Errorf("%d articles but %d span lists", len(arts), len(goldSpecs))
	}
	var out []goldLine
	for _, art := range arts {
		spec, ok := goldSpecs[art.File]
		if !ok {
			return nil, fmt.Errorf("no span list for %s", art.File)
		}
		text := []rune(art.Text)
		g := goldLine{ID: art.ID, Text: art.Text, Spans: []goldSpan{}, Meta: goldMeta{Title: art.Title, Status: corpus.StatusNew}}
		cursor := 0
		for n, m := range spec {
			occ := wordOccurrences(text, []rune(m.Text), cursor)
			if len(occ) == 0 {
				return nil, fmt.Errorf("%s: mention %d %s %q not found after offset %d", art.File, n+1, m.Label, m.Text, cursor)
			}
			start := occ[0]
			end := start + len([]rune(m.Text))
			g.Spans = append(g.Spans, goldSpan{Start: start, End: end, Label: m.Label, Text: m.Text})
			cursor = end
		}
		out = append(out, g)
	}
	return out, nil
}

// encodeGold writes one JSON object per line, without HTML escaping.
func encodeGold(lines []goldLine) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

// TestGoldFile checks that gold.jsonl is what the span lists produce; with
// -update it rewrites the file.
func TestGoldFile(t *testing.T) {
	lines, err := buildGold()
	if err != nil {
		t.Fatal(err)
	}
	want, err := encodeGold(lines)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("gold.jsonl", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(goldJSONL, want) {
		t.Fatal("gold.jsonl is out of date: run go test ./internal/sample -run TestGoldFile -update")
	}
}
