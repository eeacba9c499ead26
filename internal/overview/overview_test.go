package overview

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

func statusName(s corpus.Status) string { return string(s) }

// TestOf checks the figures of a corpus of four summaries; the expected
// counts are added up by hand from the summaries below.
func TestOf(t *testing.T) {
	sums := []corpus.Summary{
		{ID: "a", Title: "أ", Status: corpus.StatusNew},
		{ID: "b", Title: "ب", Status: corpus.StatusDone,
			Counts:     map[corpus.Label]int{corpus.Actor: 2, corpus.Place: 1},
			Annotators: map[string]int{"amina": 2, "omar": 1}},
		{ID: "c", Title: "ج", Status: corpus.StatusDone,
			Counts:     map[corpus.Label]int{corpus.Place: 4, "WEAPON": 1},
			Annotators: map[string]int{"omar": 4, "": 1}},
		{ID: "d", Title: "د", Status: corpus.StatusInProgress,
			Counts:     map[corpus.Label]int{corpus.Date: 1},
			Annotators: map[string]int{"amina": 1}},
	}
	o := Of(sums, corpus.Default, statusName)
	if o.Documents != 4 || o.Spans != 9 {
		t.Errorf("%d documents, %d spans; want 4, 9", o.Documents, o.Spans)
	}
	show := func(cs []Count) string {
		var parts []string
		for _, c := range cs {
			parts = append(parts, fmt.Sprintf("%s=%d", c.Key, c.N))
		}
		return strings.Join(parts, " ")
	}
	for _, tt := range []struct {
		what string
		got  []Count
		want string
	}{
		{"by status", o.ByStatus, "new=1 in_progress=1 done=2"},
		{"by label", o.ByLabel, "ACTOR=2 PLACE=5 DATE=1 CASUALTY=0 WEAPON=1"},
		{"by annotator", o.ByAnnotator, "omar=5 amina=3 =1"},
	} {
		if got := show(tt.got); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.what, got, tt.want)
		}
	}
	var docs []string
	for _, d := range o.PerDocument {
		docs = append(docs, fmt.Sprintf("%s=%d", d.ID, d.Total))
	}
	if got := strings.Join(docs, " "); got != "c=5 b=3 d=1" {
		t.Errorf("per document: %s, want c=5 b=3 d=1 (a has no spans)", got)
	}
	if o.ByAnnotator[2].Name != "(no annotator)" {
		t.Errorf("spans without an annotator are named %q", o.ByAnnotator[2].Name)
	}
}

// TestBarsEscape checks that the SVG is well-formed XML holding one bar
// per count with its number, whatever the names hold.
func TestBarsEscape(t *testing.T) {
	hostile := `<img src=x onerror=alert(1)>"&'`
	svg := Bars("spans per annotator", []Count{
		{Key: hostile, Name: hostile, N: 3, Color: `red" onload="x`},
		{Key: "amina", Name: "أمينة", N: 1},
	}, strconv.Itoa)
	if strings.Contains(svg, "<img") || strings.Contains(svg, `onload="x`) {
		t.Fatalf("unescaped markup in the SVG: %s", svg)
	}
	var doc struct {
		G []struct {
			N    int    `xml:"data-n,attr"`
			Key  string `xml:"data-key,attr"`
			Rect []struct {
				Width int `xml:"width,attr"`
			} `xml:"rect"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatalf("the SVG is not well-formed: %v\n%s", err, svg)
	}
	if len(doc.G) != 2 || doc.G[0].Key != hostile || doc.G[0].N != 3 || doc.G[1].N != 1 {
		t.Fatalf("bars %+v", doc.G)
	}
	if w0, w1 := doc.G[0].Rect[0].Width, doc.G[1].Rect[0].Width; w0 != 150 || w1 != 50 {
		t.Errorf("bar widths %d and %d, want 150 (the most) and 50 (150/3)", w0, w1)
	}
	st := Stacked("spans per document", []Doc{{ID: "d1", Title: hostile, Total: 2, Counts: []Count{{Key: "ACTOR", N: 2}}}}, strconv.Itoa)
	if strings.Contains(st, "<img") || xml.Unmarshal([]byte(st), new(struct{})) != nil {
		t.Errorf("stacked SVG unescaped or malformed: %s", st)
	}
}

// TestHeat checks that the heat map is well-formed XML, escapes its names,
// writes every figure given and marks the cells without one.
func TestHeat(t *testing.T) {
	one, half := 1.0, 0.5
	svg := Heat(`<b>"agree"</b>`, []string{"ACTOR", "PLACE<"}, []string{"a & b", "a & c"},
		[][]*float64{{&one, &half}, {nil, &one}}, func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) })
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, svg)
	}
	for _, want := range []string{"&lt;b&gt;", "PLACE&lt;", "a &amp; b", ">1.00<", ">0.50<", ">–<", `data-value="0.5"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("heat map lacks %q:\n%s", want, svg)
		}
	}
	if strings.Count(svg, "data-value=") != 3 {
		t.Errorf("want 3 cells with a figure:\n%s", svg)
	}
}
