package conll

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset/testcorpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/tokenize"
)

func opts() format.Options { return testcorpus.Options() }

func corpora(t *testing.T) map[string][]corpus.Document {
	return testcorpus.Corpora(t, testcorpus.Generate(1, 50, 12))
}

// TestSpansAreTagSequences checks, for both schemes, that every span is
// tagged over exactly its tokens: B- (or S-) on the token that starts at the
// span's start, I- (E- on the last) up to the token that ends at its end,
// and that tokens around it are not tagged as continuing it.
func TestSpansAreTagSequences(t *testing.T) {
	for name, docs := range corpora(t) {
		for _, scheme := range []Scheme{IOB2, BIOES} {
			t.Run(name+"/"+scheme.String(), func(t *testing.T) {
				tg := Tagger{Scheme: scheme}
				for i := range docs {
					d := &docs[i]
					var toks []tokenize.Token
					var tags []Tag
					st := tg.Each(d, func(s tokenize.Sentence, ts []Tag) {
						toks = append(toks, s...)
						tags = append(tags, ts...)
					})
					if st.Spans != len(d.Spans) || len(st.Untokenised) > 0 {
						t.Fatalf("%s: %d of %d spans tagged", d.ID, st.Spans, len(d.Spans))
					}
					for _, sp := range d.Spans {
						first, last := -1, -1
						for k, tok := range toks {
							if tok.Start >= sp.Start && tok.End <= sp.End {
								if first < 0 {
									first = k
								}
								last = k
							}
						}
						if first < 0 || toks[first].Start != sp.Start || toks[last].End != sp.End {
							t.Fatalf("%s: span [%d,%d) is not a token sequence", d.ID, sp.Start, sp.End)
						}
						var want []string
						for k := first; k <= last; k++ {
							p := "I"
							switch {
							case scheme == BIOES && first == last:
								p = "S"
							case k == first:
								p = "B"
							case scheme == BIOES && k == last:
								p = "E"
							}
							want = append(want, p+"-"+string(sp.Label))
						}
						var got []string
						for k := first; k <= last; k++ {
							got = append(got, tags[k].String())
						}
						if !reflect.DeepEqual(got, want) {
							t.Fatalf("%s: span %q tagged %v, want %v", d.ID, sp.Label, got, want)
						}
						if last+1 < len(tags) && (tags[last+1].Prefix == 'I' || tags[last+1].Prefix == 'E') && tags[last+1].Label == sp.Label {
							t.Fatalf("%s: the token after span [%d,%d) continues it", d.ID, sp.Start, sp.End)
						}
					}
				}
			})
		}
	}
}

// TestRoundTrip checks that decoding the CoNLL of a corpus gives, per
// document, the same spans: same labels, over the same tokens.
func TestRoundTrip(t *testing.T) {
	for name, docs := range corpora(t) {
		for _, scheme := range []Scheme{IOB2, BIOES} {
			t.Run(name+"/"+scheme.String(), func(t *testing.T) {
				var buf bytes.Buffer
				if err := Encode(&buf, docs, scheme); err != nil {
					t.Fatal(err)
				}
				got, notes, err := Decode("x.conll", &buf, opts())
				if err != nil {
					t.Fatal(err)
				}
				if len(notes) != 1 {
					t.Errorf("notes %q, want only the text note", notes)
				}
				if len(got) != len(docs) {
					t.Fatalf("%d documents, want %d", len(got), len(docs))
				}
				for i := range docs {
					want := tokenSpans(docs[i])
					have := tokenSpans(got[i])
					if !reflect.DeepEqual(have, want) {
						t.Fatalf("document %d: spans\n%q\nwant\n%q", i, have, want)
					}
					if err := corpus.Validate(&got[i], corpus.Default); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}

// tokenSpans renders each span as its label and its tokens joined by spaces.
func tokenSpans(d corpus.Document) []string { return testcorpus.TokenSpans(d) }

func TestWriteFormat(t *testing.T) {
	d := corpus.Document{ID: "x", Text: "أعلنت الجماعة والفيلق الإفريقي في كاي.\nثم 🔻 مقتل 4", Spans: []corpus.Span{
		{Start: 15, End: 30, Label: corpus.Actor},
		{Start: 34, End: 37, Label: corpus.Place},
		{Start: 44, End: 50, Label: corpus.Casualty},
	}}
	tests := []struct {
		scheme Scheme
		want   string
	}{
		{IOB2, "-DOCSTART- O\n\nأعلنت O\nالجماعة O\nو O\nالفيلق B-ACTOR\nالإفريقي I-ACTOR\nفي O\nكاي B-PLACE\n. O\n\nثم O\n🔻 O\nمقتل B-CASUALTY\n4 I-CASUALTY\n\n"},
		{BIOES, "-DOCSTART- O\n\nأعلنت O\nالجماعة O\nو O\nالفيلق B-ACTOR\nالإفريقي E-ACTOR\nفي O\nكاي S-PLACE\n. O\n\nثم O\n🔻 O\nمقتل B-CASUALTY\n4 E-CASUALTY\n\n"},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		if err := Encode(&buf, []corpus.Document{d, d}, tc.scheme); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want+tc.want {
			t.Errorf("%v:\n%s\nwant\n%s", tc.scheme, got, tc.want+tc.want)
		}
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		tags string
		want string
	}{
		{"B-A I-A O B-B", "0-1A 3-3B"},
		{"I-A I-A O I-B", "0-1A! 3-3B!"},      // IOB1: I- starts an entity
		{"B-A I-B I-B", "0-0A 1-2B!"},         // label change
		{"B-A B-A", "0-0A 1-1A"},              // B- starts anew
		{"S-A B-A E-A S-B", "0-0A 1-2A 3-3B"}, // BIOES
		{"B-A I-A E-A E-A", "0-2A 3-3A!"},     // E after E starts anew
		{"U-A B-A L-A", "0-0A 1-2A"},          // BILOU
		{"O O", ""},                           //
		{"B-A I-A", "0-1A"},                   // entity open at the end
		{"E-A I-A", "0-0A! 1-1A!"},            // both orphans
		{"S-A I-A", "0-0A 1-1A!"},             //
		{"B-A I-A S-A I-A E-A", "0-1A 2-2A 3-4A!"},
	}
	for _, tc := range tests {
		var tags []Tag
		for _, s := range strings.Fields(tc.tags) {
			tag, err := ParseTag(s)
			if err != nil {
				t.Fatal(err)
			}
			tags = append(tags, tag)
		}
		var got []string
		for _, c := range Chunks(tags) {
			s := fmt.Sprintf("%d-%d%s", c.First, c.Last, c.Label)
			if c.Orphan {
				s += "!"
			}
			got = append(got, s)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Chunks(%s) = %q, want %q", tc.tags, strings.Join(got, " "), tc.want)
		}
	}
}

func TestDecode(t *testing.T) {
	in := "\ufeff-DOCSTART- -X- -X- O\n\nقتل O\n4\tB-CASUALTY\r\nجنود I-CASUALTY\n\nفي O\nكاي I-PLACE\n.\tO\n\n" +
		"-DOCSTART- O\n\nEU NNP B-NP B-ACTOR\n"
	docs, notes, err := Decode("in.conll", strings.NewReader(in), opts())
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents", len(docs))
	}
	d := docs[0]
	if d.Text != "قتل 4 جنود\nفي كاي ." || d.Title != "in 1" || d.ID != format.ContentID(d.Text) || d.Status != corpus.StatusNew {
		t.Errorf("document %+v", d)
	}
	got := fmt.Sprint(spansOf(d))
	if want := "[4:10 CASUALTY 14:17 PLACE]"; got != want {
		t.Errorf("spans %s, want %s", got, want)
	}
	if fmt.Sprint(spansOf(docs[1])) != "[0:2 ACTOR]" {
		t.Errorf("spans %v", spansOf(docs[1]))
	}
	joined := joinNotes(notes)
	if !strings.Contains(joined, "in.conll:8: I-PLACE with no PLACE entity open") || !strings.Contains(joined, "rebuilt") {
		t.Errorf("notes %q", notes)
	}
	if d.Spans[0].ID == "" || !d.Spans[0].Created.Equal(testcorpus.Now) {
		t.Errorf("span not completed: %+v", d.Spans[0])
	}
}

func TestDecodeWithoutDocStart(t *testing.T) {
	in := "كاي B-PLACE\n\nمالي B-PLACE\nو O\n\n\n"
	docs, notes, err := Decode("wikiann.txt", strings.NewReader(in), opts())
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[1].Text != "مالي و" || len(notes) != 2 {
		t.Fatalf("docs %+v notes %q", docs, notes)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		want     string
	}{
		{"one column", "-DOCSTART- O\n\nكاي\n", 3, "want a token and its tag"},
		{"bad prefix", "كاي X-PLACE\n", 1, `prefix "X"`},
		{"bad tag", "كاي PLACE\n", 1, `tag "PLACE"`},
		{"empty label", "كاي B-\n", 1, "tag"},
		{"unknown labels", "كاي B-LOC\n\nمالي B-LOC\nx B-GPE\n", 1, `"LOC" (2 spans, first on line 1), "GPE"`},
		{"invalid utf-8", "ok O\nk\xff O\n", 2, "invalid UTF-8"},
		{"empty", "\n\n-DOCSTART- O\n", 0, "no tokens"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Decode("bad.conll", strings.NewReader(tc.in), opts())
			var fe *corpus.FileError
			if !errors.As(err, &fe) || fe.Line != tc.line || fe.File != "bad.conll" || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want line %d and %q", err, tc.line, tc.want)
			}
		})
	}
	_, _, err := Decode("bad.conll", strings.NewReader("كاي B-LOC\n"), opts())
	var u *format.UnknownLabelsError
	if !errors.As(err, &u) || u.Labels["LOC"] != 1 {
		t.Errorf("want an UnknownLabelsError, got %v", err)
	}
	o := opts()
	o.LabelMap = map[corpus.Label]corpus.Label{"LOC": corpus.Place}
	if docs, _, err := Decode("ok.conll", strings.NewReader("كاي B-LOC\n"), o); err != nil || docs[0].Spans[0].Label != corpus.Place {
		t.Errorf("label map: %v %v", docs, err)
	}
}

func TestEncodeRefuses(t *testing.T) {
	for _, d := range []corpus.Document{
		{ID: "a", Text: "كاي", Spans: []corpus.Span{{Start: 0, End: 9, Label: corpus.Place}}},
		{ID: "b", Text: "كاي", Spans: []corpus.Span{{Start: 0, End: 3, Label: "TWO WORDS"}}},
	} {
		var buf bytes.Buffer
		if err := Encode(&buf, []corpus.Document{d}, IOB2); err == nil || !strings.Contains(err.Error(), `document "`+d.ID+`"`) || buf.Len() > 0 {
			t.Errorf("Encode(%s): %v, wrote %q", d.ID, err, buf.String())
		}
	}
}

func spansOf(d corpus.Document) []string {
	var out []string
	for _, s := range d.Spans {
		out = append(out, fmt.Sprintf("%d:%d %s", s.Start, s.End, s.Label))
	}
	return out
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	docs := testcorpus.Generate(3, 2, 3)
	_ = Encode(&buf, docs, BIOES)
	f.Add(buf.String(), true)
	f.Add("-DOCSTART- O\n\nكاي I-PLACE\nو E-ACTOR\n\n", false)
	f.Add("a B-LOC\nb I-LOC\n\nc O\n", true)
	f.Add("\ufeffx\tU-DATE\r\ny L-DATE\n", false)
	f.Fuzz(func(t *testing.T, in string, schema bool) {
		o := opts()
		o.LabelMap = map[corpus.Label]corpus.Label{"LOC": corpus.Place}
		if !schema {
			o.Schema = nil
		}
		docs, _, err := Decode("fuzz.conll", strings.NewReader(in), o)
		if err != nil {
			var fe *corpus.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *corpus.FileError", err)
			}
			return
		}
		for i := range docs {
			if err := corpus.Validate(&docs[i], o.Schema); err != nil {
				t.Fatalf("document %d: %v", i, err)
			}
		}
	})
}

// joinNotes returns the notes in English, a line each.
func joinNotes(notes []*format.Error) string {
	s := make([]string, len(notes))
	for i, n := range notes {
		s[i] = n.Error()
	}
	return strings.Join(s, "\n")
}
