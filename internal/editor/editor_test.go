package editor

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/history"
	"github.com/raqim/raqim/internal/offsets"
	"github.com/raqim/raqim/internal/store"
)

const text = "أعلنت الجماعة صباح الثلاثاء 7 أكتوبر 2025 عن كمين بولاية كاي، استهدف وحدة من الجيش المالي والفيلق الإفريقي 🔥🔥 في منطقة الساحل «نصرة الإسلام» للجيش."

// at returns the code-point range of the nth (0-based) occurrence of sub in s.
func at(t testing.TB, s, sub string, nth int) (int, int) {
	t.Helper()
	off := 0
	for range nth + 1 {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			t.Fatalf("%q not found %d times", sub, nth+1)
		}
		off += i + len(sub)
	}
	start := utf8.RuneCountInString(s[:off-len(sub)])
	return start, start + utf8.RuneCountInString(sub)
}

// pos returns the code-point range of the first occurrence of sub in text.
func pos(t testing.TB, sub string) (int, int) { t.Helper(); return at(t, text, sub, 0) }

// clock returns a fake clock that ticks one second per call.
func clock() func() time.Time {
	t := time.Date(2026, 1, 24, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func newDoc() corpus.Document {
	return corpus.Document{ID: "d1", Title: "كمين", Text: text, Status: corpus.StatusNew}
}

func newEditor(t testing.TB, spans ...corpus.Span) *Editor {
	t.Helper()
	d := newDoc()
	d.Spans = spans
	return New(d, history.Log{}, corpus.Default, "amina", clock())
}

// render shows spans as LABEL«text» in order.
func render(e *Editor) string {
	var parts []string
	for _, sp := range e.Doc().Spans {
		parts = append(parts, fmt.Sprintf("%s«%s»", sp.Label, offsets.NewIndex(e.Doc().Text).Slice(sp.Start, sp.End)))
	}
	return strings.Join(parts, " ")
}

func imported(t testing.TB, id, sub string, l corpus.Label) corpus.Span {
	s, e := pos(t, sub)
	return corpus.Span{ID: id, Start: s, End: e, Label: l}
}

// checkInvariants checks what must hold after every operation.
func checkInvariants(t *testing.T, e *Editor) {
	t.Helper()
	d := e.Doc()
	if err := corpus.Validate(&d, corpus.Default); err != nil {
		t.Errorf("document invalid: %v", err)
	}
	if len(e.byID) != len(d.Spans) {
		t.Errorf("byID has %d entries, document %d spans", len(e.byID), len(d.Spans))
	}
	for _, sp := range d.Spans {
		if got, ok := e.Span(sp.ID); !ok || !reflect.DeepEqual(got, sp) {
			t.Errorf("Span(%q) = %+v, %v", sp.ID, got, ok)
		}
	}
	if got, want := e.summary(), corpus.Summarize(d); !reflect.DeepEqual(got, want) {
		t.Errorf("summary %+v, want %+v", got, want)
	}
}

func TestLabel(t *testing.T) {
	army := imported(t, "army", "الجيش المالي", corpus.Actor)
	tests := []struct {
		name     string
		existing []corpus.Span
		sel      string // the selection: first occurrence in text
		nth      int    // or its nth occurrence
		trim     [2]int // code points to move the selection's start right and end left
		label    corpus.Label
		want     string // rendered spans afterwards
		wantErr  error
		errText  string // in the error message
	}{
		{name: "word", sel: "كاي", label: corpus.Place, want: "PLACE«كاي»"},
		{name: "proclitic left out", sel: "ولاية كاي", label: corpus.Place, want: "PLACE«ولاية كاي»"},
		{name: "partial word widened", sel: "ولاية كاي", trim: [2]int{0, 1}, label: corpus.Place, want: "PLACE«ولاية كاي»"},
		{name: "start after three letters widened", sel: "ولاية كاي", trim: [2]int{2, 0}, label: corpus.Place, want: "PLACE«بولاية كاي»"},
		{name: "proclitic included", sel: "بولاية", label: corpus.Place, want: "PLACE«بولاية»"},
		{name: "waw left out before article", sel: "الفيلق الإفريقي", label: corpus.Actor, want: "ACTOR«الفيلق الإفريقي»"},
		{name: "fused lam kept", sel: "جيش.", label: corpus.Actor, want: "ACTOR«للجيش»"},
		{name: "trailing comma and space", sel: "كاي، ", label: corpus.Place, want: "PLACE«كاي»"},
		{name: "guillemets", sel: "«نصرة الإسلام»", label: corpus.Actor, want: "ACTOR«نصرة الإسلام»"},
		{name: "date with digits", sel: "الثلاثاء 7 أكتوبر 2025 ", label: corpus.Date, want: "DATE«الثلاثاء 7 أكتوبر 2025»"},
		{name: "emoji before", sel: "🔥 في منطقة الساحل", trim: [2]int{10, 0}, label: corpus.Place, want: "PLACE«الساحل»"},
		{name: "next to a span", existing: []corpus.Span{army}, sel: "والفيلق", label: corpus.Actor, want: "ACTOR«الجيش المالي» ACTOR«والفيلق»"},
		{name: "same range relabels", existing: []corpus.Span{army}, sel: "الجيش المالي", label: corpus.Place, want: "PLACE«الجيش المالي»"},
		{name: "same range relabels after snapping", existing: []corpus.Span{army}, sel: " الجيش الما", label: corpus.Place, want: "PLACE«الجيش المالي»"},
		{name: "same range same label", existing: []corpus.Span{army}, sel: "الجيش المالي", label: corpus.Actor, wantErr: ErrNoChange},
		{name: "overlap", existing: []corpus.Span{army}, sel: "المالي والفيلق", label: corpus.Actor, errText: "ACTOR «الجيش المالي»"},
		{name: "overlap by snapping", existing: []corpus.Span{army}, sel: "لي والفيلق", label: corpus.Actor, errText: "ACTOR «الجيش المالي»"},
		{name: "inside a span", existing: []corpus.Span{army}, sel: "الجيش", label: corpus.Place, errText: "ACTOR «الجيش المالي»"},
		{name: "around a span", existing: []corpus.Span{army}, sel: "من الجيش المالي والفيلق", label: corpus.Actor, errText: "ACTOR «الجيش المالي»"},
		{name: "punctuation only", sel: "، ", label: corpus.Place, wantErr: ErrNoWord},
		{name: "emoji only", sel: "🔥🔥", label: corpus.Place, wantErr: ErrNoWord},
		{name: "unknown label", sel: "كاي", label: "PERSON", wantErr: ErrUnknownLabel},
		{name: "empty label", sel: "كاي", label: "", wantErr: ErrUnknownLabel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEditor(t, tt.existing...)
			before, beforeLog := e.Doc(), e.Log()
			s, en := at(t, text, tt.sel, tt.nth)
			edit, sp, err := e.Label(s+tt.trim[0], en-tt.trim[1], tt.label)
			checkInvariants(t, e)
			if tt.wantErr != nil || tt.errText != "" {
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("error %v, want %v", err, tt.wantErr)
				}
				if tt.errText != "" {
					var oe *OverlapError
					if !errors.As(err, &oe) || !strings.Contains(err.Error(), tt.errText) {
						t.Errorf("error %v, want an *OverlapError with %q", err, tt.errText)
					}
				}
				if !reflect.DeepEqual(e.Doc(), before) || !reflect.DeepEqual(e.Log(), beforeLog) {
					t.Error("a failed Label changed the editor")
				}
				return
			}
			if err != nil {
				t.Fatalf("Label: %v", err)
			}
			if got := render(e); got != tt.want {
				t.Errorf("spans %s, want %s", got, tt.want)
			}
			if got, ok := e.Span(sp.ID); !ok || !reflect.DeepEqual(got, sp) {
				t.Errorf("returned span %+v is not in the document", sp)
			}
			if len(edit.Put) != 1 || !reflect.DeepEqual(edit.Put[0], sp) || len(edit.Delete) != 0 {
				t.Errorf("edit puts %+v and deletes %v, want the span only", edit.Put, edit.Delete)
			}
			if sp.Annotator == "" && len(tt.existing) == 0 {
				t.Error("new span has no annotator")
			}
			if sp.Modified.IsZero() || !sp.Modified.Equal(e.Doc().Modified) {
				t.Errorf("span modified %v, document %v", sp.Modified, e.Doc().Modified)
			}
			if !reflect.DeepEqual(edit.Summary, corpus.Summarize(e.Doc())) {
				t.Errorf("summary %+v, want %+v", edit.Summary, corpus.Summarize(e.Doc()))
			}
			if !reflect.DeepEqual(edit.Log, e.Log()) || len(e.Log().Done) != 1 {
				t.Errorf("edit log %+v, editor log %+v", edit.Log, e.Log())
			}
		})
	}
}

func TestEmojiOffsets(t *testing.T) {
	e := New(corpus.Document{ID: "x", Text: "🔥🔥 هاجم JNIM 🔥كاي👍", Status: corpus.StatusNew}, history.Log{}, nil, "a", clock())
	// Code points: 🔥0 🔥1 space2 هاجم3-7 space7 JNIM8-12 space12 🔥13 كاي14-17 👍17.
	tests := []struct {
		start, end int
		want       [2]int
		utf16      [2]int
	}{
		{0, 7, [2]int{3, 7}, [2]int{5, 9}},
		{9, 10, [2]int{8, 12}, [2]int{10, 14}},
		{12, 18, [2]int{14, 17}, [2]int{17, 20}},
	}
	for _, tt := range tests {
		_, sp, err := e.Label(tt.start, tt.end, "X")
		if err != nil {
			t.Fatalf("Label(%d,%d): %v", tt.start, tt.end, err)
		}
		if sp.Start != tt.want[0] || sp.End != tt.want[1] {
			t.Errorf("Label(%d,%d) = [%d,%d), want %v", tt.start, tt.end, sp.Start, sp.End, tt.want)
		}
		if u := [2]int{offsets.NewIndex(e.Doc().Text).UTF16(sp.Start), offsets.NewIndex(e.Doc().Text).UTF16(sp.End)}; u != tt.utf16 {
			t.Errorf("span [%d,%d) is %v in UTF-16, want %v", sp.Start, sp.End, u, tt.utf16)
		}
	}
	if got := strings.Join([]string{offsets.NewIndex(e.Doc().Text).Slice(3, 7), offsets.NewIndex(e.Doc().Text).Slice(8, 12), offsets.NewIndex(e.Doc().Text).Slice(14, 17)}, " "); got != "هاجم JNIM كاي" {
		t.Errorf("spans read %q", got)
	}
}

// step is one command of a sequence and what the editor holds after it.
type step struct {
	name   string
	do     func(t *testing.T, e *Editor) (store.Edit, error)
	spans  string
	status corpus.Status
	undo   int // changes on the undo stack afterwards
	redo   int
}

func label(sel string, trim [2]int, l corpus.Label) func(*testing.T, *Editor) (store.Edit, error) {
	return func(t *testing.T, e *Editor) (store.Edit, error) {
		s, en := pos(t, sel)
		edit, _, err := e.Label(s+trim[0], en-trim[1], l)
		return edit, err
	}
}

// spanOf returns the ID of the span whose text is sub.
func spanOf(t *testing.T, e *Editor, sub string) string {
	t.Helper()
	for _, sp := range e.Doc().Spans {
		if offsets.NewIndex(e.Doc().Text).Slice(sp.Start, sp.End) == sub {
			return sp.ID
		}
	}
	t.Fatalf("no span «%s» in %s", sub, render(e))
	return ""
}

func relabel(sub string, l corpus.Label) func(*testing.T, *Editor) (store.Edit, error) {
	return func(t *testing.T, e *Editor) (store.Edit, error) { return e.Relabel(spanOf(t, e, sub), l) }
}

func remove(sub string) func(*testing.T, *Editor) (store.Edit, error) {
	return func(t *testing.T, e *Editor) (store.Edit, error) { return e.Remove(spanOf(t, e, sub)) }
}

func toggle(sub string) func(*testing.T, *Editor) (store.Edit, error) {
	return func(t *testing.T, e *Editor) (store.Edit, error) {
		edit, _, err := e.ToggleProclitic(spanOf(t, e, sub))
		return edit, err
	}
}

func setStatus(s corpus.Status) func(*testing.T, *Editor) (store.Edit, error) {
	return func(t *testing.T, e *Editor) (store.Edit, error) { return e.SetStatus(s) }
}

func undo(t *testing.T, e *Editor) (store.Edit, error) {
	edit, ok := e.Undo()
	if !ok {
		return edit, errors.New("nothing undone")
	}
	return edit, nil
}

func redo(t *testing.T, e *Editor) (store.Edit, error) {
	edit, ok := e.Redo()
	if !ok {
		return edit, errors.New("nothing redone")
	}
	return edit, nil
}

// runSteps runs steps on e, persisting every edit to a memory store and
// checking that the store and the editor agree.
func runSteps(t *testing.T, e *Editor, s store.Store, steps []step) {
	t.Helper()
	for _, st := range steps {
		before := e.Doc()
		edit, err := st.do(t, e)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if err := s.Apply(e.Doc().ID, edit); err != nil {
			t.Fatalf("%s: Apply: %v", st.name, err)
		}
		checkInvariants(t, e)
		if got := render(e); got != st.spans {
			t.Errorf("%s: spans %s, want %s", st.name, got, st.spans)
		}
		if got := e.Doc().Status; got != st.status {
			t.Errorf("%s: status %s, want %s", st.name, got, st.status)
		}
		if u, r := len(e.Log().Done), len(e.Log().Undone); u != st.undo || r != st.redo {
			t.Errorf("%s: log has %d to undo and %d to redo, want %d and %d", st.name, u, r, st.undo, st.redo)
		}
		if !reflect.DeepEqual(edit.Summary, corpus.Summarize(e.Doc())) {
			t.Errorf("%s: edit summary %+v, want %+v", st.name, edit.Summary, corpus.Summarize(e.Doc()))
		}
		if !e.Doc().Modified.After(before.Modified) {
			t.Errorf("%s: modified time not bumped", st.name)
		}
		for _, id := range edit.Delete {
			for _, sp := range edit.Put {
				if sp.ID == id {
					t.Errorf("%s: edit puts and deletes %q", st.name, id)
				}
			}
		}
		got, log, err := s.Open(e.Doc().ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, e.Doc()) {
			t.Errorf("%s: store holds\n%+v\neditor holds\n%+v", st.name, got, e.Doc())
		}
		if !reflect.DeepEqual(log, e.Log()) {
			t.Errorf("%s: store log differs from the editor's", st.name)
		}
	}
}

func openStore(t *testing.T, d corpus.Document) store.Store {
	s := store.NewMemory()
	if err := s.Add([]corpus.Document{d}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSequence(t *testing.T) {
	const (
		ip   = corpus.StatusInProgress
		done = corpus.StatusDone
	)
	steps := []step{
		{"label كاي", label("كاي", [2]int{1, 0}, corpus.Place), "PLACE«كاي»", ip, 1, 0},
		{"label الجيش المالي", label("الجيش المالي", [2]int{0, 3}, corpus.Actor), "PLACE«كاي» ACTOR«الجيش المالي»", ip, 2, 0},
		{"relabel كاي", relabel("كاي", corpus.Date), "DATE«كاي» ACTOR«الجيش المالي»", ip, 3, 0},
		{"undo relabel", undo, "PLACE«كاي» ACTOR«الجيش المالي»", ip, 2, 1},
		{"redo relabel", redo, "DATE«كاي» ACTOR«الجيش المالي»", ip, 3, 0},
		{"undo relabel again", undo, "PLACE«كاي» ACTOR«الجيش المالي»", ip, 2, 1},
		{"remove الجيش المالي", remove("الجيش المالي"), "PLACE«كاي»", ip, 3, 0},
		{"undo remove", undo, "PLACE«كاي» ACTOR«الجيش المالي»", ip, 2, 1},
		{"label الفيلق الإفريقي", label("الفيلق الإفريقي", [2]int{}, corpus.Actor), "PLACE«كاي» ACTOR«الجيش المالي» ACTOR«الفيلق الإفريقي»", ip, 3, 0},
		{"toggle in و", toggle("الفيلق الإفريقي"), "PLACE«كاي» ACTOR«الجيش المالي» ACTOR«والفيلق الإفريقي»", ip, 4, 0},
		{"toggle out و", toggle("والفيلق الإفريقي"), "PLACE«كاي» ACTOR«الجيش المالي» ACTOR«الفيلق الإفريقي»", ip, 5, 0},
		{"undo toggle", undo, "PLACE«كاي» ACTOR«الجيش المالي» ACTOR«والفيلق الإفريقي»", ip, 4, 1},
		{"relabel via Label", label("والفيلق الإفريقي", [2]int{}, corpus.Place), "PLACE«كاي» ACTOR«الجيش المالي» PLACE«والفيلق الإفريقي»", ip, 5, 0},
		{"status done", setStatus(done), "PLACE«كاي» ACTOR«الجيش المالي» PLACE«والفيلق الإفريقي»", done, 6, 0},
		{"label when done", label("الساحل", [2]int{}, corpus.Place), "PLACE«كاي» ACTOR«الجيش المالي» PLACE«والفيلق الإفريقي» PLACE«الساحل»", done, 7, 0},
		{"undo label", undo, "PLACE«كاي» ACTOR«الجيش المالي» PLACE«والفيلق الإفريقي»", done, 6, 1},
		{"undo status", undo, "PLACE«كاي» ACTOR«الجيش المالي» PLACE«والفيلق الإفريقي»", ip, 5, 2},
		{"undo relabel via Label", undo, "PLACE«كاي» ACTOR«الجيش المالي» ACTOR«والفيلق الإفريقي»", ip, 4, 3},
		{"undo toggle in", undo, "PLACE«كاي» ACTOR«الجيش المالي» ACTOR«الفيلق الإفريقي»", ip, 3, 4},
		{"undo label الفيلق", undo, "PLACE«كاي» ACTOR«الجيش المالي»", ip, 2, 5},
		{"undo label الجيش", undo, "PLACE«كاي»", ip, 1, 6},
		{"undo first label", undo, "", corpus.StatusNew, 0, 7},
		{"redo first label", redo, "PLACE«كاي»", ip, 1, 6},
		{"redo label الجيش", redo, "PLACE«كاي» ACTOR«الجيش المالي»", ip, 2, 5},
		{"new edit clears redo", label("للجيش", [2]int{}, corpus.Actor), "PLACE«كاي» ACTOR«الجيش المالي» ACTOR«للجيش»", ip, 3, 0},
	}
	d := newDoc()
	e := New(d, history.Log{}, corpus.Default, "amina", clock())
	runSteps(t, e, openStore(t, d), steps)
	if _, ok := e.Redo(); ok {
		t.Error("Redo after a new edit succeeded")
	}
}

func TestUndoRestoresSpansExactly(t *testing.T) {
	army := imported(t, "army", "الجيش المالي", corpus.Actor)
	army.Attrs = map[string]string{"note": "x"}
	army.Annotator = "other"
	e := newEditor(t, army)
	for _, op := range []func() (store.Edit, error){
		func() (store.Edit, error) { return e.Relabel("army", corpus.Place) },
		func() (store.Edit, error) { return e.Remove("army") },
		func() (store.Edit, error) { ed, _, err := e.ToggleProclitic("army"); return ed, err },
	} {
		edit, err := op()
		if errors.Is(err, ErrNoProclitic) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		_ = edit
		undone, ok := e.Undo()
		if !ok {
			t.Fatal("Undo failed")
		}
		got, _ := e.Span("army")
		if !reflect.DeepEqual(got, army) {
			t.Errorf("after undo the span is %+v, want %+v", got, army)
		}
		if len(undone.Put) != 1 || !reflect.DeepEqual(undone.Put[0], army) || len(undone.Delete) != 0 {
			t.Errorf("undo edit puts %+v, deletes %v", undone.Put, undone.Delete)
		}
	}
	// A relabelled span keeps its ID and its annotator; the edit only puts it.
	edit, err := e.Relabel("army", corpus.Place)
	if err != nil {
		t.Fatal(err)
	}
	if len(edit.Put) != 1 || edit.Put[0].ID != "army" || edit.Put[0].Annotator != "other" || edit.Put[0].Label != corpus.Place || len(edit.Delete) != 0 {
		t.Errorf("relabel edit %+v", edit)
	}
	if _, err := e.Relabel("army", corpus.Place); !errors.Is(err, ErrNoChange) {
		t.Errorf("relabel to the same label: %v, want ErrNoChange", err)
	}
	edit, err = e.Remove("army")
	if err != nil {
		t.Fatal(err)
	}
	if len(edit.Put) != 0 || !reflect.DeepEqual(edit.Delete, []string{"army"}) {
		t.Errorf("remove edit puts %+v, deletes %v", edit.Put, edit.Delete)
	}
}

func TestUndoAfterReload(t *testing.T) {
	d := newDoc()
	s := openStore(t, d)
	e := New(d, history.Log{}, corpus.Default, "amina", clock())
	runSteps(t, e, s, []step{
		{"label كاي", label("كاي", [2]int{}, corpus.Place), "PLACE«كاي»", corpus.StatusInProgress, 1, 0},
		{"label الجيش", label("الجيش المالي", [2]int{}, corpus.Actor), "PLACE«كاي» ACTOR«الجيش المالي»", corpus.StatusInProgress, 2, 0},
		{"relabel", relabel("الجيش المالي", corpus.Place), "PLACE«كاي» PLACE«الجيش المالي»", corpus.StatusInProgress, 3, 0},
		{"label الساحل", label("الساحل", [2]int{}, corpus.Place), "PLACE«كاي» PLACE«الجيش المالي» PLACE«الساحل»", corpus.StatusInProgress, 4, 0},
		{"undo", undo, "PLACE«كاي» PLACE«الجيش المالي»", corpus.StatusInProgress, 3, 1},
	})

	later := clock2()
	reload := func() *Editor {
		got, log, err := s.Open(d.ID)
		if err != nil {
			t.Fatal(err)
		}
		return New(got, log, corpus.Default, "badr", later)
	}
	e = reload()
	runSteps(t, e, s, []step{
		{"redo after reload", redo, "PLACE«كاي» PLACE«الجيش المالي» PLACE«الساحل»", corpus.StatusInProgress, 4, 0},
		{"undo after reload", undo, "PLACE«كاي» PLACE«الجيش المالي»", corpus.StatusInProgress, 3, 1},
	})
	e = reload()
	runSteps(t, e, s, []step{
		{"undo relabel after reload", undo, "PLACE«كاي» ACTOR«الجيش المالي»", corpus.StatusInProgress, 2, 2},
		{"undo label after reload", undo, "PLACE«كاي»", corpus.StatusInProgress, 1, 3},
	})
	e = reload()
	runSteps(t, e, s, []step{
		{"undo to new after reload", undo, "", corpus.StatusNew, 0, 4},
	})
	if _, ok := e.Undo(); ok {
		t.Error("Undo with an empty log succeeded")
	}
}

// clock2 is a clock later than clock's first hours.
func clock2() func() time.Time {
	t := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func TestStatusAutomatic(t *testing.T) {
	for _, tt := range []struct{ from, after corpus.Status }{
		{corpus.StatusNew, corpus.StatusInProgress},
		{"", corpus.StatusInProgress},
		{corpus.StatusInProgress, corpus.StatusInProgress},
		{corpus.StatusDone, corpus.StatusDone},
	} {
		d := newDoc()
		d.Status = tt.from
		e := New(d, history.Log{}, corpus.Default, "a", clock())
		s, en := pos(t, "كاي")
		edit, _, err := e.Label(s, en, corpus.Place)
		if err != nil {
			t.Fatal(err)
		}
		c := e.Log().Done[0]
		if e.Doc().Status != tt.after || edit.Summary.Status != tt.after || c.StatusBefore != tt.from || c.StatusAfter != tt.after {
			t.Errorf("from %q: status %q, summary %q, change %q→%q; want %q", tt.from, e.Doc().Status, edit.Summary.Status, c.StatusBefore, c.StatusAfter, tt.after)
		}
		e.Undo()
		if e.Doc().Status != tt.from {
			t.Errorf("from %q: undo left status %q", tt.from, e.Doc().Status)
		}
	}
}

func TestSetStatus(t *testing.T) {
	e := newEditor(t)
	if _, err := e.SetStatus("finished"); !errors.Is(err, ErrBadStatus) {
		t.Errorf("SetStatus(finished): %v, want ErrBadStatus", err)
	}
	if _, err := e.SetStatus(corpus.StatusNew); !errors.Is(err, ErrNoChange) {
		t.Errorf("SetStatus(new) on a new document: %v, want ErrNoChange", err)
	}
	edit, err := e.SetStatus(corpus.StatusDone)
	if err != nil {
		t.Fatal(err)
	}
	if edit.Summary.Status != corpus.StatusDone || edit.Put != nil || edit.Delete != nil || len(edit.Log.Done) != 1 {
		t.Errorf("status edit %+v", edit)
	}
	if _, ok := e.Undo(); !ok || e.Doc().Status != corpus.StatusNew {
		t.Errorf("undo of SetStatus left %q", e.Doc().Status)
	}
}

func TestToggleProclitic(t *testing.T) {
	tests := []struct {
		name     string
		existing []corpus.Span
		span     string // text of the span to toggle
		want     string
		wantErr  error
		errText  string
	}{
		{"exclude waw", nil, "والفيلق الإفريقي", "ACTOR«الفيلق الإفريقي»", nil, ""},
		{"include waw", nil, "الفيلق الإفريقي", "ACTOR«والفيلق الإفريقي»", nil, ""},
		{"include ba", nil, "ولاية كاي", "ACTOR«بولاية كاي»", nil, ""},
		{"exclude ba", nil, "بولاية كاي", "ACTOR«ولاية كاي»", nil, ""},
		{"exclude lam of للجيش", nil, "للجيش", "ACTOR«لجيش»", nil, ""},
		{"nothing to toggle", nil, "الجيش المالي", "", ErrNoProclitic, ""},
		{"grown span would overlap", []corpus.Span{{ID: "ba", Start: 0, End: 0, Label: corpus.Place}}, "ولاية كاي", "", nil, "PLACE «ب»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := tt.existing
			if len(spans) == 1 { // a span on the ب of بولاية alone
				s, _ := pos(t, "بولاية")
				spans[0].Start, spans[0].End = s, s+1
			}
			spans = append(spans, imported(t, "x", tt.span, corpus.Actor))
			corpus.SortSpans(spans)
			e := newEditor(t, spans...)
			before := e.Doc()
			edit, sp, err := e.ToggleProclitic("x")
			checkInvariants(t, e)
			if tt.wantErr != nil || tt.errText != "" {
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("error %v, want %v", err, tt.wantErr)
				}
				var oe *OverlapError
				if tt.errText != "" && (!errors.As(err, &oe) || !strings.Contains(err.Error(), tt.errText)) {
					t.Errorf("error %v, want an *OverlapError with %q", err, tt.errText)
				}
				if !reflect.DeepEqual(e.Doc(), before) || len(e.Log().Done) != 0 {
					t.Error("a failed toggle changed the editor")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := render(e); got != tt.want {
				t.Errorf("spans %s, want %s", got, tt.want)
			}
			if sp.ID != "x" || len(edit.Put) != 1 || !reflect.DeepEqual(edit.Put[0], sp) || len(edit.Delete) != 0 {
				t.Errorf("toggle edit puts %+v, deletes %v; span %+v", edit.Put, edit.Delete, sp)
			}
		})
	}
	if _, _, err := newEditor(t).ToggleProclitic("missing"); !errors.Is(err, ErrNoSpan) {
		t.Errorf("toggling a missing span: %v, want ErrNoSpan", err)
	}
}

func TestMissingSpan(t *testing.T) {
	e := newEditor(t, imported(t, "army", "الجيش المالي", corpus.Actor))
	if _, err := e.Relabel("missing", corpus.Place); !errors.Is(err, ErrNoSpan) {
		t.Errorf("Relabel(missing): %v", err)
	}
	if _, err := e.Remove("missing"); !errors.Is(err, ErrNoSpan) {
		t.Errorf("Remove(missing): %v", err)
	}
	if _, err := e.Relabel("army", "PERSON"); !errors.Is(err, ErrUnknownLabel) {
		t.Errorf("Relabel to an unknown label: %v", err)
	}
}

func TestRevert(t *testing.T) {
	army := imported(t, "army", "الجيش المالي", corpus.Actor)
	ops := []struct {
		name string
		do   func(e *Editor) error
	}{
		{"label new", func(e *Editor) error {
			s, en := pos(t, "كاي")
			_, _, err := e.Label(s, en, corpus.Place)
			return err
		}},
		{"relabel", func(e *Editor) error { _, err := e.Relabel("army", corpus.Place); return err }},
		{"relabel via Label", func(e *Editor) error {
			s, en := pos(t, "الجيش المالي")
			_, _, err := e.Label(s, en, corpus.Date)
			return err
		}},
		{"remove", func(e *Editor) error { _, err := e.Remove("army"); return err }},
		{"status", func(e *Editor) error { _, err := e.SetStatus(corpus.StatusDone); return err }},
		{"undo", func(e *Editor) error {
			if _, ok := e.Undo(); !ok {
				return errors.New("no undo")
			}
			return nil
		}},
		{"redo", func(e *Editor) error {
			if _, ok := e.Redo(); !ok {
				return errors.New("no redo")
			}
			return nil
		}},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			e := newEditor(t, army)
			// History to undo and redo: label الساحل, label كاي, undo.
			for _, sel := range []string{"الساحل", "كاي"} {
				s, en := pos(t, sel)
				if _, _, err := e.Label(s, en, corpus.Place); err != nil {
					t.Fatal(err)
				}
			}
			if op.name == "label new" {
				e.Undo() // frees كاي
			} else if op.name == "redo" {
				e.Undo()
			}
			before, beforeLog := e.Doc(), e.Log()
			beforeIDs := fmt.Sprint(e.byID)
			if err := op.do(e); err != nil {
				t.Fatal(err)
			}
			if reflect.DeepEqual(e.Doc(), before) && reflect.DeepEqual(e.Log(), beforeLog) {
				t.Fatal("the operation changed nothing")
			}
			e.Revert()
			if !reflect.DeepEqual(e.Doc(), before) {
				t.Errorf("after Revert the document is\n%+v\nwant\n%+v", e.Doc(), before)
			}
			if !reflect.DeepEqual(e.Log(), beforeLog) {
				t.Errorf("after Revert the log is %+v, want %+v", e.Log(), beforeLog)
			}
			if got := fmt.Sprint(e.byID); got != beforeIDs {
				t.Errorf("after Revert byID is %s, want %s", got, beforeIDs)
			}
			checkInvariants(t, e)
			e.Revert() // a second Revert does nothing
			if !reflect.DeepEqual(e.Doc(), before) || !reflect.DeepEqual(e.Log(), beforeLog) {
				t.Error("a second Revert changed the editor")
			}
			// The editor works on: the same operation succeeds again.
			if err := op.do(e); err != nil {
				t.Errorf("after Revert: %v", err)
			}
			checkInvariants(t, e)
		})
	}
	// Revert on a fresh editor does nothing.
	e := newEditor(t, army)
	before := e.Doc()
	e.Revert()
	if !reflect.DeepEqual(e.Doc(), before) {
		t.Error("Revert on a fresh editor changed it")
	}
}

func TestCopyOnWrite(t *testing.T) {
	e := newEditor(t, imported(t, "army", "الجيش المالي", corpus.Actor))
	d1 := e.Doc()
	saved := append([]corpus.Span(nil), d1.Spans...)
	s, en := pos(t, "كاي")
	if _, _, err := e.Label(s, en, corpus.Place); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Relabel("army", corpus.Place); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d1.Spans, saved) {
		t.Errorf("an earlier Doc's spans changed: %+v", d1.Spans)
	}
	d2 := e.Doc()
	if reflect.DeepEqual(d1, d2) {
		t.Error("Doc before and after edits compare equal")
	}
	// Appending to a SpansIn view does not write into the document.
	view := e.SpansIn(0, s+1)
	_ = append(view, corpus.Span{ID: "junk"})
	if !reflect.DeepEqual(e.Doc().Spans, d2.Spans) || e.Doc().Spans[1].ID == "junk" {
		t.Error("appending to SpansIn changed the document")
	}
}

func TestSpanAtSpansIn(t *testing.T) {
	spans := []corpus.Span{
		{ID: "a", Start: 2, End: 5, Label: corpus.Place},
		{ID: "b", Start: 5, End: 7, Label: corpus.Place},
		{ID: "c", Start: 10, End: 12, Label: corpus.Place},
	}
	e := New(corpus.Document{ID: "x", Text: strings.Repeat("ك", 15)}, history.Log{}, nil, "", clock())
	e = New(corpus.Document{ID: "x", Text: e.doc.Text, Spans: []corpus.Span{spans[2], spans[0], spans[1]}}, history.Log{}, nil, "", clock())
	for i, want := range []string{"", "", "a", "a", "a", "b", "b", "", "", "", "c", "c", "", "", "", ""} {
		sp, ok := e.SpanAt(i)
		if ok != (want != "") || sp.ID != want {
			t.Errorf("SpanAt(%d) = %q, %v; want %q", i, sp.ID, ok, want)
		}
	}
	if _, ok := e.SpanAt(-1); ok {
		t.Error("SpanAt(-1) found a span")
	}
	tests := []struct {
		start, end int
		want       string
	}{
		{0, 2, ""}, {0, 3, "a"}, {4, 6, "ab"}, {5, 6, "b"}, {7, 10, ""}, {6, 11, "bc"},
		{0, 15, "abc"}, {12, 15, ""}, {3, 3, ""}, {11, 100, "c"}, {-5, 0, ""},
	}
	for _, tt := range tests {
		var got string
		for _, sp := range e.SpansIn(tt.start, tt.end) {
			got += sp.ID
		}
		if got != tt.want {
			t.Errorf("SpansIn(%d,%d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

func TestNew(t *testing.T) {
	d := newDoc()
	s1, e1 := pos(t, "كاي")
	s2, e2 := pos(t, "الساحل")
	d.Spans = []corpus.Span{{Start: s2, End: e2, Label: corpus.Place}, {Start: s1, End: e1, Label: corpus.Place}}
	in := append([]corpus.Span(nil), d.Spans...)
	e := New(d, history.Log{}, corpus.Default, "a", nil)
	if !reflect.DeepEqual(d.Spans, in) {
		t.Error("New changed the caller's spans")
	}
	got := e.Doc().Spans
	if len(got) != 2 || got[0].Start != s1 || got[0].ID == "" || got[1].ID == "" || got[0].ID == got[1].ID {
		t.Errorf("New: spans %+v, want sorted with IDs", got)
	}
	checkInvariants(t, e)
	edit, err := e.Remove(got[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(edit.Summary.Modified) > time.Minute {
		t.Errorf("a nil clock gave %v", edit.Summary.Modified)
	}
}

func TestUndoConflict(t *testing.T) {
	army := imported(t, "army", "الجيش المالي", corpus.Actor)
	other := army
	other.ID, other.Label = "other", corpus.Place
	tests := []struct {
		name string
		c    history.Change
	}{
		// Undoing an addition of a span that is not there.
		{"removed span gone", history.Change{Added: []corpus.Span{{ID: "gone", Start: 0, End: 3, Label: corpus.Place}}}},
		// Undoing a removal of a span that would overlap one there.
		{"restored span overlaps", history.Change{Removed: []corpus.Span{other}}},
		// Undoing a removal of a span whose ID is taken.
		{"ID taken", history.Change{Removed: []corpus.Span{{ID: "army", Start: 0, End: 3, Label: corpus.Place}}}},
		{"out of range", history.Change{Removed: []corpus.Span{{ID: "far", Start: 0, End: 1000, Label: corpus.Place}}}},
	}
	for _, tt := range tests {
		d := newDoc()
		d.Spans = []corpus.Span{army}
		e := New(d, history.Log{}.Record(tt.c), corpus.Default, "a", clock())
		before, beforeLog := e.Doc(), e.Log()
		if _, ok := e.Undo(); ok {
			t.Errorf("%s: Undo succeeded", tt.name)
		}
		if !reflect.DeepEqual(e.Doc(), before) || !reflect.DeepEqual(e.Log(), beforeLog) {
			t.Errorf("%s: a failed Undo changed the editor", tt.name)
		}
		e = New(d, history.Log{Undone: []history.Change{tt.c.Inverse()}}, corpus.Default, "a", clock())
		if _, ok := e.Redo(); ok {
			t.Errorf("%s: Redo succeeded", tt.name)
		}
	}
}

// benchDoc returns a document of about n code points made of repeated
// Arabic sentences, with a span on every fourth word up to spans spans,
// and the words left free to label.
func benchDoc(b *testing.B, n, spans int) (corpus.Document, [][2]int) {
	sentences := []string{
		"شهدت مالي خلال الأيام الأخيرة تصعيدًا ملحوظًا في هجمات جماعة نصرة الإسلام والمسلمين.",
		"أعلنت الجماعة صباح الثلاثاء 7 أكتوبر 2025 عن تنفيذ كمين معقد بين منطقتي جيما وجومالا بولاية كاي.",
		"استهدف الهجوم وحدة من الجيش المالي والفيلق الإفريقي، وأسفر عن سقوط قتلى وجرحى.",
		"وفي السادس من أكتوبر، استهدفت الجماعة قافلة عسكرية بين جيما وجانغونتي كامرا بعبوة ناسفة.",
	}
	var sb strings.Builder
	for i, count := 0, 0; count < n; i++ {
		sb.WriteString(sentences[i%len(sentences)])
		sb.WriteString(" ")
		count += utf8.RuneCountInString(sentences[i%len(sentences)]) + 1
	}
	d := corpus.Document{ID: "bench", Text: sb.String(), Status: corpus.StatusInProgress}
	runes := []rune(d.Text)
	var words [][2]int
	for i := 0; i < len(runes); {
		if r := runes[i]; r == ' ' || r == '.' || r == '،' || r == ',' {
			i++
			continue
		}
		j := i
		for j < len(runes) && runes[j] != ' ' && runes[j] != '.' && runes[j] != '،' && runes[j] != ',' {
			j++
		}
		words = append(words, [2]int{i, j})
		i = j
	}
	var free [][2]int
	for k, w := range words {
		if k%4 == 0 && len(d.Spans) < spans {
			d.Spans = append(d.Spans, corpus.Span{ID: fmt.Sprint("s", k), Start: w[0], End: w[1], Label: corpus.Place})
		} else if k%4 == 2 {
			free = append(free, w)
		}
	}
	if len(d.Spans) < spans {
		b.Fatalf("only %d spans", len(d.Spans))
	}
	return d, free
}

// BenchmarkLabel labels a word (and reverts it) in a 150,000-code-point
// document with 5,000 spans.
func BenchmarkLabel(b *testing.B) {
	d, free := benchDoc(b, 150_000, 5000)
	e := New(d, history.Log{}, corpus.Default, "a", nil)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		w := free[i%len(free)]
		i++
		if _, _, err := e.Label(w[0]+1, w[1]-1, corpus.Actor); err != nil {
			b.Fatal(err)
		}
		e.Revert()
	}
}

// BenchmarkLabelUndo labels a word and undoes it, as a user would.
func BenchmarkLabelUndo(b *testing.B) {
	d, free := benchDoc(b, 150_000, 5000)
	e := New(d, history.Log{}, corpus.Default, "a", nil)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		w := free[i%len(free)]
		i++
		if _, _, err := e.Label(w[0], w[1], corpus.Actor); err != nil {
			b.Fatal(err)
		}
		if _, ok := e.Undo(); !ok {
			b.Fatal("undo failed")
		}
	}
}

func BenchmarkSpanAt(b *testing.B) {
	d, free := benchDoc(b, 150_000, 5000)
	e := New(d, history.Log{}, corpus.Default, "a", nil)
	i := 0
	for b.Loop() {
		e.SpanAt(free[i%len(free)][0])
		i++
	}
}

// TestLast checks that Last gives the change of the last edit, whose
// Removed are the spans as they were before it.
func TestLast(t *testing.T) {
	army := imported(t, "army", "الجيش المالي", corpus.Actor)
	e := newEditor(t, army)
	if c := e.Last(); len(c.Added)+len(c.Removed) != 0 {
		t.Errorf("before any edit: %+v", c)
	}
	s, en := pos(t, "كاي")
	_, kai, err := e.Label(s, en, corpus.Place)
	if err != nil {
		t.Fatal(err)
	}
	if c := e.Last(); len(c.Removed) != 0 || len(c.Added) != 1 || !reflect.DeepEqual(c.Added[0], kai) {
		t.Errorf("after a label: %+v", c)
	}
	if _, err := e.Relabel("army", corpus.Place); err != nil {
		t.Fatal(err)
	}
	if c := e.Last(); len(c.Removed) != 1 || !reflect.DeepEqual(c.Removed[0], army) || c.Added[0].Label != corpus.Place {
		t.Errorf("after a relabel: %+v", c)
	}
	if _, ok := e.Undo(); !ok {
		t.Fatal("no undo")
	}
	if c := e.Last(); len(c.Removed) != 1 || c.Removed[0].Label != corpus.Place || !reflect.DeepEqual(c.Added[0], army) {
		t.Errorf("after an undo of the relabel: %+v", c)
	}
	if _, err := e.Remove(kai.ID); err != nil {
		t.Fatal(err)
	}
	if c := e.Last(); len(c.Removed) != 1 || !reflect.DeepEqual(c.Removed[0], kai) || len(c.Added) != 0 {
		t.Errorf("after a remove: %+v", c)
	}
	e.Revert()
	if c := e.Last(); len(c.Added)+len(c.Removed) != 0 {
		t.Errorf("after a Revert: %+v", c)
	}
}

// TestRevisions checks that every edit is made on the document's revision
// (Base) and gives it a new one (Summary.Rev), which the next edit is made
// on; a reverted edit leaves the revision it was made on.
func TestRevisions(t *testing.T) {
	d := newDoc()
	d.Rev = "stored"
	e := New(d, history.Log{}, corpus.Default, "amina", clock())
	base := "stored"
	seen := map[string]bool{base: true}
	s, en := pos(t, "كاي")
	edits := []func() (store.Edit, error){
		func() (store.Edit, error) { ed, _, err := e.Label(s, en, corpus.Place); return ed, err },
		func() (store.Edit, error) { return e.SetStatus(corpus.StatusDone) },
		func() (store.Edit, error) {
			ed, ok := e.Undo()
			if !ok {
				return ed, errors.New("nothing to undo")
			}
			return ed, nil
		},
	}
	for i, f := range edits {
		ed, err := f()
		if err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
		if ed.Base != base || ed.Summary.Rev == "" || seen[ed.Summary.Rev] || e.Doc().Rev != ed.Summary.Rev {
			t.Fatalf("edit %d: base %q (want %q), new revision %q, document's %q", i, ed.Base, base, ed.Summary.Rev, e.Doc().Rev)
		}
		seen[ed.Summary.Rev] = true
		base = ed.Summary.Rev
	}
	e.Revert()
	if ed, _ := e.SetStatus(corpus.StatusNew); ed.Base == base {
		t.Errorf("after a revert, an edit is made on the reverted revision %q", base)
	}
}

// TestReplay replays changes made on another state of the document (edits
// another tab's conflict refused) onto the stored one: a change that fits
// is applied anew, one that overlaps a span made meanwhile or replaces a
// span changed meanwhile is refused, changing nothing.
func TestReplay(t *testing.T) {
	kai0, kai1 := pos(t, "كاي")
	army0, army1 := pos(t, "الجيش المالي")
	// This tab labelled كاي and relabelled the army span.
	mine := newEditor(t, corpus.Span{ID: "army", Start: army0, End: army1, Label: corpus.Actor})
	if _, _, err := mine.Label(kai0, kai1, corpus.Place); err != nil {
		t.Fatal(err)
	}
	if _, err := mine.Relabel("army", corpus.Place); err != nil {
		t.Fatal(err)
	}
	changes := mine.Log().Done

	for _, c := range []struct {
		name    string
		stored  []corpus.Span // what the other tab stored meanwhile
		applied int           // how many of the two changes fit
		want    string
	}{
		{"nothing clashes", []corpus.Span{{ID: "army", Start: army0, End: army1, Label: corpus.Actor}}, 2, "PLACE«كاي» PLACE«الجيش المالي»"},
		{"a span over the same words", []corpus.Span{{ID: "other", Start: kai0, End: kai1, Label: corpus.Actor}, {ID: "army", Start: army0, End: army1, Label: corpus.Actor}}, 1, "ACTOR«كاي» PLACE«الجيش المالي»"},
		{"the relabelled span changed", []corpus.Span{{ID: "army", Start: army0, End: army1, Label: corpus.Casualty}}, 1, "PLACE«كاي» CASUALTY«الجيش المالي»"},
	} {
		d := newDoc()
		d.Spans, d.Rev = c.stored, "theirs"
		e := New(d, history.Log{}, corpus.Default, "amina", clock())
		applied := 0
		for _, ch := range changes {
			ed, err := e.Replay(ch)
			if err == nil {
				applied++
				if ed.Base == "" || len(ed.Put) == 0 {
					t.Errorf("%s: the edit of a replayed change: %+v", c.name, ed)
				}
			}
		}
		if applied != c.applied || render(e) != c.want {
			t.Errorf("%s: %d changes applied, spans %s; want %d, %s", c.name, applied, render(e), c.applied, c.want)
		}
	}
}

// TestRename checks the title a rename stores, what it refuses, that the
// undo history is untouched, and that Revert takes a refused rename back.
func TestRename(t *testing.T) {
	doc := corpus.Document{ID: "d", Title: "قديم", Text: "في مدينة كاي", Status: corpus.StatusNew, Rev: "r0"}
	ed := New(doc, history.Log{}, corpus.Default, "amina", nil)
	if _, _, err := ed.Label(9, 12, corpus.Place); err != nil {
		t.Fatal(err)
	}
	log := ed.Log()
	tests := []struct {
		title   string
		want    string
		wantErr error
	}{
		{"  تقرير كاي 🔥 ", "تقرير كاي 🔥", nil},
		{"تقرير كاي 🔥", "", ErrNoChange},
		{" \t ", "", ErrNoTitle},
	}
	for _, tt := range tests {
		rev := ed.Doc().Rev
		e, err := ed.Rename(tt.title)
		if !errors.Is(err, tt.wantErr) {
			t.Errorf("Rename(%q): error %v, want %v", tt.title, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if e.Summary.Title != tt.want || ed.Doc().Title != tt.want || e.Base != rev || e.Summary.Rev == rev {
			t.Errorf("Rename(%q): edit %+v, document title %q; want title %q on a new revision over %s", tt.title, e.Summary, ed.Doc().Title, tt.want, rev)
		}
		if len(e.Put) > 0 || len(e.Delete) > 0 || !reflect.DeepEqual(e.Log, log) {
			t.Errorf("Rename(%q) changed spans or the undo history", tt.title)
		}
	}
	ed.Revert()
	if ed.Doc().Title != "قديم" {
		t.Errorf("after Revert the title is %q, want قديم", ed.Doc().Title)
	}
	if e, _ := ed.Undo(); len(e.Delete) != 1 {
		t.Error("after a rename the label could not be undone")
	}
}
