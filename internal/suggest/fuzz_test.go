package suggest

import (
	"testing"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/sample"
)

// FuzzSuggest runs every source on arbitrary text: the engine never
// panics, its suggestions keep the span rules (within the text, sorted,
// not overlapping), and the values of each can be read.
func FuzzSuggest(f *testing.F) {
	for _, d := range sample.Gold() {
		f.Add(d.Text)
	}
	for _, s := range []string{
		"قتل 5 جنود قُتلوا وأصيب ثلاثة بجروح، بينهم صينيان و«حيّد» 23 مسلحاً",
		"وفي أغسطس/آب الماضي، لقي 19 جندياً حتفهم في ٦ رجب ١٤٤٧",
		"أكثر من 20 ألف شخص قتلوا، جثث ستة رعاة، أُسر جنديين، مئات القتلى",
		"بين 40 و60 مقاتلاً، عدداً من الإرهابيين، اختطاف مهندسَين، جُرح ثالث",
		"«", "قتل", "بينهم", "20 ألف", "سائقَين",
	} {
		f.Add(s)
	}
	e := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d := corpus.Document{ID: "f", Text: text}
		sugs := e.Suggest(&d)
		if err := corpus.ValidateSpans(sugs, utf8.RuneCountInString(text), nil); err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		for _, s := range sugs {
			e.Values(&d, s)
		}
	})
}
