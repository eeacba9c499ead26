package editor

import (
	"errors"
	"reflect"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

func TestAdd(t *testing.T) {
	e := newEditor(t, imported(t, "army", "الجيش المالي", corpus.Actor))
	as, ae := pos(t, "الجيش المالي")
	for _, c := range []struct {
		name  string
		spans []corpus.Span
		want  error
	}{
		{"nothing", nil, ErrNoChange},
		{"unknown label", []corpus.Span{{Start: 0, End: 2, Label: "X"}}, ErrUnknownLabel},
		{"out of range", []corpus.Span{{Start: 0, End: 1 << 20, Label: corpus.Place}}, ErrNoWord},
	} {
		if _, _, err := e.Add(c.spans); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
	var over *OverlapError
	if _, _, err := e.Add([]corpus.Span{{Start: as, End: ae, Label: corpus.Place}}); !errors.As(err, &over) || over.Span.ID != "army" {
		t.Errorf("over a span: %v", err)
	}
	ks, ke := pos(t, "كاي")
	if _, _, err := e.Add([]corpus.Span{{Start: ks, End: ke, Label: corpus.Place}, {Start: ks, End: ke, Label: corpus.Place}}); !errors.As(err, &over) {
		t.Errorf("two overlapping: %v", err)
	}
	before := render(e)
	attrs := map[string]string{"source": "gazetteer", "gazetteer_id": "ml-kayes"}
	ed, added, err := e.Add([]corpus.Span{{Start: ks, End: ke, Label: corpus.Place, Attrs: attrs}})
	if err != nil || len(added) != 1 || len(ed.Put) != 1 {
		t.Fatalf("Add: %v %+v", err, ed)
	}
	got := added[0]
	if got.ID == "" || got.Annotator != "amina" || got.Created.IsZero() || !reflect.DeepEqual(got.Attrs, attrs) {
		t.Errorf("added %+v", got)
	}
	attrs["gazetteer_id"] = "changed"
	if sp, _ := e.Span(got.ID); sp.Attrs["gazetteer_id"] != "ml-kayes" {
		t.Error("the attrs given are copied")
	}
	checkInvariants(t, e)
	// One change: one undo takes it back.
	if _, ok := e.Undo(); !ok || render(e) != before {
		t.Errorf("undo: %s, want %s", render(e), before)
	}
}

func TestSetAttrs(t *testing.T) {
	e := newEditor(t, imported(t, "army", "الجيش المالي", corpus.Actor))
	if _, _, err := e.SetAttrs("nope", nil); !errors.Is(err, ErrNoSpan) {
		t.Errorf("no span: %v", err)
	}
	if _, _, err := e.SetAttrs("army", nil); !errors.Is(err, ErrNoChange) {
		t.Errorf("no change: %v", err)
	}
	vals := map[string]string{"actor_id": "fama"}
	ed, sp, err := e.SetAttrs("army", vals)
	if err != nil || sp.ID != "army" || !reflect.DeepEqual(sp.Attrs, vals) || len(ed.Put) != 1 || len(ed.Delete) != 0 {
		t.Fatalf("SetAttrs: %v %+v %+v", err, sp, ed)
	}
	checkInvariants(t, e)
	if _, ok := e.Undo(); !ok {
		t.Fatal("undo")
	}
	if sp, _ := e.Span("army"); sp.Attrs != nil {
		t.Errorf("undone: %v", sp.Attrs)
	}
	if _, ok := e.Redo(); !ok {
		t.Fatal("redo")
	}
	if sp, _ := e.Span("army"); sp.Attrs["actor_id"] != "fama" {
		t.Errorf("redone: %v", sp.Attrs)
	}
	if _, sp, _ := e.SetAttrs("army", map[string]string{}); sp.Attrs != nil {
		t.Errorf("emptied: %v", sp.Attrs)
	}
}

func TestValuesHook(t *testing.T) {
	e := newEditor(t)
	var asked []corpus.Label
	e.Values = func(sp corpus.Span, attrs map[string]string) map[string]string {
		asked = append(asked, sp.Label)
		out := map[string]string{"label": string(sp.Label)}
		if attrs["source"] != "" {
			out["source"] = attrs["source"]
		}
		return out
	}
	ks, ke := pos(t, "كاي")
	_, sp, err := e.Label(ks, ke, corpus.Place)
	if err != nil || sp.Attrs["label"] != "PLACE" {
		t.Fatalf("Label: %v %+v", err, sp)
	}
	if _, err := e.Relabel(sp.ID, corpus.Actor); err != nil {
		t.Fatal(err)
	}
	if got, _ := e.Span(sp.ID); got.Attrs["label"] != "ACTOR" {
		t.Errorf("relabelled: %v", got.Attrs)
	}
	if !reflect.DeepEqual(asked, []corpus.Label{corpus.Place, corpus.Actor}) {
		t.Errorf("asked %v", asked)
	}
}
