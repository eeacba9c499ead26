package ingest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
)

func TestBuilder(t *testing.T) {
	now := time.Date(2025, 10, 7, 0, 0, 0, 0, time.UTC)
	b := New("f.conll", jsonl.DecodeOptions{Schema: corpus.Default, Annotator: "amina", Now: func() time.Time { return now },
		LabelMap: map[corpus.Label]corpus.Label{"LOC": corpus.Place}})
	for i := 0; i < 8; i++ {
		b.Note("kind", i+1, "note %d", i)
	}
	notes := b.Notes()
	if len(notes) != 6 || notes[0] != "f.conll:1: note 0" || !strings.Contains(notes[5], "3 more like this") {
		t.Errorf("notes %q", notes)
	}
	if l, err := b.Label("LOC", 1); err != nil || l != corpus.Place {
		t.Errorf("mapped label %q %v", l, err)
	}
	if _, err := b.Label("", 2); err == nil {
		t.Error("empty label accepted")
	}
	s := b.Span(0, 3, corpus.Place)
	if s.ID == "" || s.Annotator != "amina" || !s.Created.Equal(now) {
		t.Errorf("span %+v", s)
	}
	d1, err := b.Doc(1, "", "", "كاي", "", []corpus.Span{s})
	if err != nil || d1.ID != jsonl.ContentID("كاي") || d1.Title != d1.ID || d1.Status != corpus.StatusNew {
		t.Fatalf("doc %+v %v", d1, err)
	}
	d2, err := b.Doc(5, "", "", "كاي", "", nil)
	if err != nil || d2.ID != d1.ID+"-2" || d2.Spans == nil {
		t.Errorf("duplicate text: %+v %v", d2, err)
	}
	if _, err := b.Doc(6, "x", "", "a", "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Doc(7, "x", "", "b", "", nil); err == nil || !strings.Contains(err.Error(), "f.conll:7: duplicate document id \"x\": also used on line 6") {
		t.Errorf("duplicate id: %v", err)
	}
	if _, err := b.Doc(8, "y", "", "ab", "", []corpus.Span{{Start: 0, End: 5, Label: corpus.Place}}); err == nil {
		t.Error("span out of range accepted")
	}
	if b.Finish() != nil {
		t.Error("unknown labels reported")
	}
	b.SetFile("g.ann")
	b.Label("GPE", 3)
	b.Label("GPE", 9)
	err = b.Finish()
	var u *jsonl.UnknownLabelsError
	var fe *corpus.FileError
	if !errors.As(err, &u) || !errors.As(err, &fe) || fe.File != "g.ann" || fe.Line != 3 || u.Labels["GPE"] != 2 {
		t.Errorf("unknown: %v", err)
	}
	if err := b.CheckUTF8([]byte("ok\nx\xff")); err == nil || !strings.Contains(err.Error(), "g.ann:2: invalid UTF-8: byte 0xFF at column 2") {
		t.Errorf("utf-8: %v", err)
	}
}
