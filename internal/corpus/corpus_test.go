package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// text has 10 code points but 11 UTF-16 units and 20 bytes: offsets past
// 10 are out of range even though a UTF-16 or byte count would allow them.
const text = "قال 😀 نعمـ" // ق ا ل ␠ 😀 ␠ ن ع م ـ

func sp(start, end int, l Label) Span { return Span{Start: start, End: end, Label: l} }

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		doc  Document
		// want is the exact message; "" for no error.
		want string
		// spanIndex is the SpanError.Index expected, or -1 for a document error.
		spanIndex int
	}{
		{"ok", Document{Text: text, Status: StatusNew, Spans: []Span{sp(0, 3, Actor), sp(4, 5, Date), sp(6, 10, Place)}}, "", -1},
		{"ok no spans", Document{Text: text}, "", -1},
		{"empty status allowed", Document{Text: text, Status: ""}, "", -1},
		{"every status", Document{Text: text, Status: StatusDone}, "", -1},
		{"whole text", Document{Text: text, Spans: []Span{sp(0, 10, Casualty)}}, "", -1},
		{"touching", Document{Text: text, Spans: []Span{sp(0, 3, Actor), sp(3, 5, Actor), sp(5, 10, Place)}}, "", -1},
		{"bom is a code point", Document{Text: "\ufeffقال", Spans: []Span{sp(1, 4, Actor)}}, "", -1},

		{"empty text", Document{}, "empty text", -1},
		{"empty text with spans", Document{Spans: []Span{sp(0, 1, Actor)}}, "empty text", -1},
		{"invalid utf-8", Document{Text: "قال\xff"}, "text is not valid UTF-8", -1},
		{"encoded surrogate", Document{Text: "a\xed\xa0\x80"}, "text is not valid UTF-8", -1},
		{"unknown status", Document{Text: text, Status: "archived"}, `unknown status "archived" (want new, in_progress or done)`, -1},
		{"status is case sensitive", Document{Text: text, Status: "Done"}, `unknown status "Done" (want new, in_progress or done)`, -1},

		{"end past text", Document{Text: text, Spans: []Span{sp(0, 3, Actor), sp(6, 11, Place)}},
			"span 2 [6,11) PLACE: out of range: the text has 10 code points", 1},
		{"negative start", Document{Text: text, Spans: []Span{sp(-1, 3, Actor)}},
			"span 1 [-1,3) ACTOR: out of range: the text has 10 code points", 0},
		{"empty span", Document{Text: text, Spans: []Span{sp(3, 3, Date)}},
			"span 1 [3,3) DATE: empty or reversed: start must be less than end", 0},
		{"reversed span", Document{Text: text, Spans: []Span{sp(0, 2, Actor), sp(5, 4, Date)}},
			"span 2 [5,4) DATE: empty or reversed: start must be less than end", 1},
		{"start past end of text but end in range", Document{Text: text, Spans: []Span{sp(12, 5, Date)}},
			"span 1 [12,5) DATE: empty or reversed: start must be less than end", 0},
		{"unknown label", Document{Text: text, Spans: []Span{sp(0, 3, "PERSON")}},
			`span 1 [0,3) PERSON: unknown label "PERSON" (the schema has [ACTOR PLACE DATE CASUALTY])`, 0},
		{"label is case sensitive", Document{Text: text, Spans: []Span{sp(0, 3, "actor")}},
			`span 1 [0,3) actor: unknown label "actor" (the schema has [ACTOR PLACE DATE CASUALTY])`, 0},
		{"unsorted", Document{Text: text, Spans: []Span{sp(6, 9, Place), sp(0, 3, Actor)}},
			"span 2 [0,3) ACTOR: spans are not sorted by start", 1},
		{"same start longer first", Document{Text: text, Spans: []Span{sp(0, 5, Actor), sp(0, 3, Place)}},
			"span 2 [0,3) PLACE: spans are not sorted by start", 1},
		{"overlapping", Document{Text: text, Spans: []Span{sp(0, 5, Actor), sp(3, 8, Place)}},
			"span 2 [3,8) PLACE: overlaps span 1 [0,5) ACTOR", 1},
		{"identical extents", Document{Text: text, Spans: []Span{sp(0, 5, Actor), sp(0, 5, Place)}},
			"span 2 [0,5) PLACE: overlaps span 1 [0,5) ACTOR", 1},
		{"nested", Document{Text: text, Spans: []Span{sp(0, 3, Actor), sp(4, 10, Place), sp(6, 8, Date)}},
			"span 3 [6,8) DATE: overlaps span 2 [4,10) PLACE", 2},
		{"overlap by one code point", Document{Text: text, Spans: []Span{sp(0, 4, Actor), sp(3, 4, Date)}},
			"span 2 [3,4) DATE: overlaps span 1 [0,4) ACTOR", 1},
		{"first error wins", Document{Text: text, Spans: []Span{sp(0, 3, Actor), sp(2, 4, "X"), sp(9, 20, Place)}},
			`span 2 [2,4) X: unknown label "X" (the schema has [ACTOR PLACE DATE CASUALTY])`, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate(&tc.doc, Default)
			if tc.want == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate: no error, want %q", tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("Validate:\n got %q\nwant %q", err, tc.want)
			}
			var se *SpanError
			isSpan := errors.As(err, &se)
			switch {
			case tc.spanIndex < 0 && isSpan:
				t.Errorf("got a SpanError for a document error: %v", err)
			case tc.spanIndex >= 0 && !isSpan:
				t.Errorf("got %T, want *SpanError", err)
			case isSpan:
				if se.Index != tc.spanIndex || !reflect.DeepEqual(se.Span, tc.doc.Spans[tc.spanIndex]) {
					t.Errorf("SpanError names span %d %+v, want %d %+v", se.Index, se.Span, tc.spanIndex, tc.doc.Spans[tc.spanIndex])
				}
			}
		})
	}
}

func TestValidateSpans(t *testing.T) {
	// A nil schema accepts any label, but every other rule still applies.
	if err := ValidateSpans([]Span{sp(0, 1, "ANYTHING"), sp(1, 2, "")}, 2, nil); err != nil {
		t.Errorf("nil schema: %v", err)
	}
	if err := ValidateSpans([]Span{sp(0, 3, "ANYTHING")}, 2, nil); err == nil {
		t.Error("nil schema: out of range span accepted")
	}
	// A custom schema is consulted, and its labels are listed.
	s := &Schema{ID: "x", Labels: []LabelDef{{Name: "B"}, {Name: "A"}}}
	err := ValidateSpans([]Span{sp(0, 1, "A"), sp(1, 2, Actor)}, 2, s)
	if want := `span 2 [1,2) ACTOR: unknown label "ACTOR" (the schema has [B A])`; err == nil || err.Error() != want {
		t.Errorf("custom schema: got %v, want %q", err, want)
	}
	// No spans, empty text: nothing to check.
	if err := ValidateSpans(nil, 0, Default); err != nil {
		t.Errorf("no spans: %v", err)
	}
	if err := ValidateSpans([]Span{sp(0, 1, Actor)}, 0, Default); err == nil {
		t.Error("span in an empty text accepted")
	}
}

func TestSpanErrorEmptyLabel(t *testing.T) {
	err := ValidateSpans([]Span{sp(2, 1, "")}, 5, nil)
	if want := "span 1 [2,1) : empty or reversed: start must be less than end"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

func TestOverlaps(t *testing.T) {
	tests := []struct {
		a, b Span
		want bool
	}{
		{sp(0, 3, Actor), sp(3, 6, Actor), false}, // touching
		{sp(0, 3, Actor), sp(4, 6, Actor), false}, // apart
		{sp(0, 3, Actor), sp(2, 6, Actor), true},  // one code point shared
		{sp(0, 3, Actor), sp(0, 3, Place), true},  // identical extents
		{sp(0, 10, Actor), sp(4, 5, Place), true}, // nested
		{sp(0, 1, Actor), sp(0, 1, Actor), true},  // one code point each
		{sp(0, 5, Actor), sp(0, 1, Actor), true},  // same start
		{sp(0, 5, Actor), sp(4, 5, Actor), true},  // same end
		// An empty span covers no code point, so overlaps nothing, even
		// inside another span.
		{sp(0, 5, Actor), sp(3, 3, Actor), false},
		{sp(3, 3, Actor), sp(3, 3, Actor), false},
		{sp(0, 5, Actor), sp(4, 2, Actor), false}, // reversed
	}
	for _, tc := range tests {
		if got := tc.a.Overlaps(tc.b); got != tc.want {
			t.Errorf("[%d,%d).Overlaps([%d,%d)) = %v, want %v", tc.a.Start, tc.a.End, tc.b.Start, tc.b.End, got, tc.want)
		}
		if got := tc.b.Overlaps(tc.a); got != tc.want {
			t.Errorf("[%d,%d).Overlaps([%d,%d)) = %v, want %v (symmetry)", tc.b.Start, tc.b.End, tc.a.Start, tc.a.End, got, tc.want)
		}
	}
	if n := sp(3, 7, Actor).Len(); n != 4 {
		t.Errorf("Len = %d, want 4", n)
	}
}

func TestSortSpans(t *testing.T) {
	id := func(s Span, id string) Span { s.ID = id; return s }
	spans := []Span{
		id(sp(5, 9, Place), "a"),
		id(sp(0, 4, Date), "b"),
		id(sp(0, 2, Place), "c"),
		id(sp(0, 4, Actor), "d"),
		id(sp(0, 4, Actor), "e"), // equal to d: stable, d stays first
		id(sp(3, 4, Casualty), "f"),
	}
	SortSpans(spans)
	var got []string
	for _, s := range spans {
		got = append(got, s.ID)
	}
	if want := []string{"c", "d", "e", "b", "f", "a"}; !slices.Equal(got, want) {
		t.Errorf("SortSpans order %v, want %v", got, want)
	}
	SortSpans(nil) // must not panic
}

func TestSummarize(t *testing.T) {
	d := Document{
		ID: "d1", Title: "عنوان", Status: StatusInProgress,
		Text:  "😀🇲🇱 قال", // 7 code points, 10 UTF-16 units, 19 bytes
		Spans: []Span{sp(0, 1, Actor), sp(1, 3, Place), sp(4, 5, Actor), sp(5, 7, Date)},
	}
	s := Summarize(d)
	if s.ID != "d1" || s.Title != "عنوان" || s.Status != StatusInProgress {
		t.Errorf("Summarize copied %+v", s)
	}
	if s.Length != 7 {
		t.Errorf("Length = %d, want 7 code points", s.Length)
	}
	if want := map[Label]int{Actor: 2, Place: 1, Date: 1}; !reflect.DeepEqual(s.Counts, want) {
		t.Errorf("Counts = %v, want %v", s.Counts, want)
	}
	if s.Total() != 4 {
		t.Errorf("Total = %d, want 4", s.Total())
	}
	if s.Digest != DigestOf(d.Text) || len(s.Digest) != 24 {
		t.Errorf("Digest = %q, want DigestOf(text) = %q (24 hex digits)", s.Digest, DigestOf(d.Text))
	}

	// No spans: no counts, total 0.
	e := Summarize(Document{Text: "abc"})
	if e.Counts != nil || e.Total() != 0 || e.Length != 3 {
		t.Errorf("no spans: %+v", e)
	}
	// A stored digest is kept, not recomputed.
	if got := Summarize(Document{Text: "abc", Digest: "stored"}).Digest; got != "stored" {
		t.Errorf("stored digest replaced by %q", got)
	}
}

func TestDigestOf(t *testing.T) {
	tests := []struct {
		a, b  string
		equal bool
	}{
		{"قال", "قال", true},
		{"", "", true},
		{"قال", "قال ", false},
		{"قال", "\ufeffقال", false},     // a BOM changes the content
		{"قُتِلَ", "قتل", false},        // diacritics count
		{"e\u0301", "\u00e9", false},    // no normalisation
		{"a\r\nb", "a\nb", false},       // line endings count
		{"كتاب", "كـتاب", false},        // tatweel counts
		{"😀", "\xf0\x9f\x98\x80", true}, // same bytes
	}
	for _, tc := range tests {
		da, db := DigestOf(tc.a), DigestOf(tc.b)
		if (da == db) != tc.equal {
			t.Errorf("DigestOf(%q) = %s, DigestOf(%q) = %s, want equal %v", tc.a, da, tc.b, db, tc.equal)
		}
		// Equal documents summarise to equal digests.
		sa, sb := Summarize(Document{Text: tc.a}), Summarize(Document{Text: tc.b})
		if (sa.Digest == sb.Digest) != tc.equal {
			t.Errorf("Summarize digests of %q and %q: equal %v, want %v", tc.a, tc.b, sa.Digest == sb.Digest, tc.equal)
		}
	}
	if d := DigestOf("x"); strings.Trim(d, "0123456789abcdef") != "" {
		t.Errorf("DigestOf = %q, want lower-case hex", d)
	}
}

func TestSchema(t *testing.T) {
	if got, want := Default.Names(), []Label{Actor, Place, Date, Casualty}; !slices.Equal(got, want) {
		t.Errorf("Names = %v, want %v", got, want)
	}
	// Names returns a copy.
	n := Default.Names()
	n[0] = "CHANGED"
	if Default.Labels[0].Name != Actor {
		t.Error("Names aliases the schema")
	}

	for _, tc := range []struct {
		label Label
		has   bool
		en    string
	}{
		{Actor, true, "Actor"},
		{Place, true, "Place"},
		{Date, true, "Date"},
		{Casualty, true, "Casualty"},
		{"actor", false, ""},
		{"", false, ""},
		{"PERSON", false, ""},
	} {
		if got := Default.Has(tc.label); got != tc.has {
			t.Errorf("Has(%q) = %v, want %v", tc.label, got, tc.has)
		}
		d, ok := Default.Def(tc.label)
		if ok != tc.has || d.English != tc.en || (ok && d.Name != tc.label) {
			t.Errorf("Def(%q) = %+v, %v", tc.label, d, ok)
		}
		if ok && (d.Arabic == "" || d.Color == "" || d.Key == "" || d.DefinitionAr == "" || d.DefinitionEn == "") {
			t.Errorf("Def(%q) is incomplete: %+v", tc.label, d)
		}
	}

	for _, tc := range []struct {
		code  string
		label Label
		ok    bool
	}{
		{"Digit1", Actor, true},
		{"Digit2", Place, true},
		{"Digit3", Date, true},
		{"Digit4", Casualty, true},
		{"Digit5", "", false},
		{"Numpad1", "", false},
		{"digit1", "", false},
		{"1", "", false},
		{"", "", false},
	} {
		l, ok := Default.ByKey(tc.code)
		if l != tc.label || ok != tc.ok {
			t.Errorf("ByKey(%q) = %q, %v, want %q, %v", tc.code, l, ok, tc.label, tc.ok)
		}
	}

	// Keys are distinct.
	seen := map[string]Label{}
	for _, d := range Default.Labels {
		if p, dup := seen[d.Key]; dup {
			t.Errorf("key %s bound to %s and %s", d.Key, p, d.Name)
		}
		seen[d.Key] = d.Name
	}

	// A label without a key is not applied by a key event without a code
	// (virtual keyboards and IME composition send code "").
	custom := &Schema{Labels: []LabelDef{{Name: "NOKEY"}, {Name: "K", Key: "KeyK"}}}
	if l, ok := custom.ByKey(""); ok {
		t.Errorf("ByKey(\"\") = %q, want no label", l)
	}
	if l, ok := custom.ByKey("KeyK"); !ok || l != "K" {
		t.Errorf("ByKey(KeyK) = %q, %v", l, ok)
	}
	// The empty schema has nothing.
	empty := &Schema{}
	if empty.Has(Actor) || len(empty.Names()) != 0 {
		t.Error("empty schema has labels")
	}
}

func TestStatusValid(t *testing.T) {
	for _, tc := range []struct {
		s    Status
		want bool
	}{
		{StatusNew, true},
		{StatusInProgress, true},
		{StatusDone, true},
		{"", false},
		{"Done", false},
		{"in-progress", false},
		{"archived", false},
	} {
		if got := tc.s.Valid(); got != tc.want {
			t.Errorf("Status(%q).Valid() = %v, want %v", tc.s, got, tc.want)
		}
	}
	if want := []Status{"new", "in_progress", "done"}; !slices.Equal(Statuses, want) {
		t.Errorf("Statuses = %v, want %v", Statuses, want)
	}
}

func TestFileError(t *testing.T) {
	se := &SpanError{Index: 0, Span: sp(0, 5, Actor), Reason: "bad"}
	tests := []struct {
		err  *FileError
		want string
	}{
		{&FileError{File: "corpus.jsonl", Line: 12, Err: errors.New("bad json")}, "corpus.jsonl:12: bad json"},
		{&FileError{File: "corpus.jsonl", Line: 0, Err: errors.New("empty file")}, "corpus.jsonl: empty file"},
		{&FileError{File: "corpus.jsonl", Line: -1, Err: errors.New("x")}, "corpus.jsonl: x"},
		{&FileError{File: "a.jsonl", Line: 3, Err: se}, "a.jsonl:3: span 1 [0,5) ACTOR: bad"},
		{&FileError{File: "ملف.jsonl", Line: 1, Err: fs.ErrNotExist}, "ملف.jsonl:1: file does not exist"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
		if tc.err.Unwrap() != tc.err.Err {
			t.Errorf("Unwrap() = %v, want %v", tc.err.Unwrap(), tc.err.Err)
		}
	}

	// errors.Is and errors.As see through FileError, also when wrapped again.
	wrapped := fmt.Errorf("import: %w", &FileError{File: "a.jsonl", Line: 3, Err: fmt.Errorf("line: %w", fs.ErrNotExist)})
	if !errors.Is(wrapped, fs.ErrNotExist) {
		t.Error("errors.Is does not find the cause through FileError")
	}
	var fe *FileError
	if !errors.As(wrapped, &fe) || fe.File != "a.jsonl" || fe.Line != 3 {
		t.Errorf("errors.As FileError: %+v", fe)
	}
	withSpan := &FileError{File: "a.jsonl", Line: 3, Err: ValidateSpans([]Span{sp(0, 5, Actor), sp(4, 6, Date)}, 10, Default)}
	var got *SpanError
	if !errors.As(withSpan, &got) || got.Index != 1 || got.Span.Label != Date {
		t.Errorf("errors.As SpanError through FileError: %+v", got)
	}
	if errors.Is(withSpan, fs.ErrNotExist) {
		t.Error("errors.Is matched an unrelated error")
	}
}

// benchSpans returns n valid, sorted, non-overlapping spans over a text of
// 4n code points.
func benchSpans(n int) []Span {
	labels := Default.Names()
	spans := make([]Span, n)
	for i := range spans {
		spans[i] = Span{Start: 4 * i, End: 4*i + 3, Label: labels[i%len(labels)]}
	}
	return spans
}

func TestBenchSpansValid(t *testing.T) {
	if err := ValidateSpans(benchSpans(5000), 20000, Default); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkValidateSpans(b *testing.B) {
	spans := benchSpans(5000)
	for b.Loop() {
		if err := ValidateSpans(spans, 20000, Default); err != nil {
			b.Fatal(err)
		}
	}
}
