package corpus

import (
	"unicode/utf8"

	"github.com/raqim/raqim/internal/locale"
)

// MaxRunes is the most code points a document's text may hold: documents
// of that length open, scroll and take edits in the browser within the
// app's memory bound, and importers refuse longer ones.
const MaxRunes = 1_000_000

// CheckLength returns an error when a text of n code points is longer than MaxRunes.
func CheckLength(n int) error {
	if n > MaxRunes {
		return locale.Errorf("the text has %d code points, more than the %d a document may hold (split it into several documents)", n, MaxRunes)
	}
	return nil
}

// Validate checks that d can be stored: non-empty valid UTF-8 text of at
// most MaxRunes code points, a known
// status, and spans that are in range, non-empty, labelled from schema and
// pairwise non-overlapping. Spans must be sorted (see SortSpans). The error
// names the first span in the way.
func Validate(d *Document, schema *Schema) error {
	if d.Text == "" {
		return locale.Errorf("empty text")
	}
	if !utf8.ValidString(d.Text) {
		return locale.Errorf("text is not valid UTF-8")
	}
	if d.Status != "" && !d.Status.Valid() {
		return locale.Errorf("unknown status %q (want new, in_progress or done)", d.Status)
	}
	n := utf8.RuneCountInString(d.Text)
	if err := CheckLength(n); err != nil {
		return err
	}
	return ValidateSpans(d.Spans, n, schema)
}

// ValidateSpans checks sorted spans against a text of n code points.
func ValidateSpans(spans []Span, n int, schema *Schema) error {
	for i, s := range spans {
		switch {
		case s.Start < 0 || s.End > n:
			return spanError(i, s, locale.Errorf("out of range: the text has %d code points", n))
		case s.Start >= s.End:
			return spanError(i, s, locale.Errorf("empty or reversed: start must be less than end"))
		case schema != nil && !schema.Has(s.Label):
			return spanError(i, s, locale.Errorf("unknown label %q (the schema has %v)", s.Label, schema.Names()))
		}
		if i > 0 {
			p := spans[i-1]
			if p.Start > s.Start || (p.Start == s.Start && p.End > s.End) {
				return spanError(i, s, locale.Errorf("spans are not sorted by start"))
			}
			if p.Overlaps(s) {
				return spanError(i, s, locale.Errorf("overlaps span %d [%d,%d) %s", i, p.Start, p.End, p.Label))
			}
		}
	}
	return nil
}
