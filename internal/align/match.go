package align

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

// Layer is one annotator's or one system's annotation of a corpus: its
// documents, each with that layer's spans.
type Layer struct {
	// Name identifies the layer in reports, such as a file's base name.
	Name string
	Docs []corpus.Document
}

// Doc is one document that every layer of a Corpus annotates, with one
// span list per layer (Spans[i] is layer i's).
type Doc struct {
	ID     string
	Title  string
	Text   string
	Digest string
	// Length is the text's length in code points.
	Length int
	Spans  [][]corpus.Span
}

// Align aligns the document's layers.
func (d *Doc) Align() *Alignment { return Align(d.Spans) }

// Corpus is the documents that all of its layers annotate.
type Corpus struct {
	Layers []string
	Docs   []Doc
	// LeftOut lists the documents that only some layers have.
	LeftOut []LeftOut
}

// LeftOut is a document left out of a Corpus because some layers lack it.
type LeftOut struct {
	ID     string
	Digest string
	// In and Missing name the layers that have it and those that do not.
	In, Missing []string
}

func (l LeftOut) String() string {
	return fmt.Sprintf("document %s is only in %s (not in %s): left out", l.ID, strings.Join(l.In, ", "), strings.Join(l.Missing, ", "))
}

// NoCommonError is returned by Match when the layers share no document.
type NoCommonError struct{ Layers []string }

func (e *NoCommonError) Error() string {
	return fmt.Sprintf("no document is in all of %s: nothing to compare (documents are matched by their text)", strings.Join(e.Layers, ", "))
}

// Match pairs up the documents of layers by their text (its digest, the
// one a document carries when it has one),
// keeping, in the first layer's order, those that every layer has and
// listing the others in LeftOut. Each document's spans must pass
// corpus.ValidateSpans. It fails when a layer has the same text twice, a
// layer's spans are invalid, or no document is in all layers
// (*NoCommonError).
func Match(layers []Layer) (*Corpus, error) {
	if len(layers) == 0 {
		return nil, fmt.Errorf("no layers to match")
	}
	names := make([]string, len(layers))
	index := make([]map[string]int, len(layers)) // digest → position in Docs
	lengths := make(map[string]int)              // digest → code points of the text
	for i, l := range layers {
		names[i] = l.Name
		index[i] = make(map[string]int, len(l.Docs))
		for j := range l.Docs {
			d := &l.Docs[j]
			dg := digest(d)
			if prev, dup := index[i][dg]; dup {
				return nil, fmt.Errorf("%s: documents %s and %s have the same text: documents are matched by text, so each text may occur once", l.Name, l.Docs[prev].ID, d.ID)
			}
			n, ok := lengths[dg]
			if !ok {
				n = utf8.RuneCountInString(d.Text)
				lengths[dg] = n
			}
			if err := corpus.ValidateSpans(d.Spans, n, nil); err != nil {
				return nil, fmt.Errorf("%s: document %s: %w", l.Name, d.ID, err)
			}
			index[i][dg] = j
		}
	}
	c := &Corpus{Layers: names}
	seen := make(map[string]bool)
	for i, l := range layers {
		for j := range l.Docs {
			d := &l.Docs[j]
			dg := digest(d)
			if seen[dg] {
				continue
			}
			seen[dg] = true
			var in, missing []string
			spans := make([][]corpus.Span, len(layers))
			for k := range layers {
				if p, ok := index[k][dg]; ok {
					in = append(in, names[k])
					spans[k] = layers[k].Docs[p].Spans
				} else {
					missing = append(missing, names[k])
				}
			}
			if len(missing) > 0 || i > 0 {
				// A document first seen in a later layer is missing from the first.
				c.LeftOut = append(c.LeftOut, LeftOut{ID: d.ID, Digest: dg, In: in, Missing: missing})
				continue
			}
			c.Docs = append(c.Docs, Doc{ID: d.ID, Title: d.Title, Text: d.Text, Digest: dg, Length: lengths[dg], Spans: spans})
		}
	}
	if len(c.Docs) == 0 {
		return nil, &NoCommonError{Layers: names}
	}
	return c, nil
}

// digest returns d's digest: the one it carries (a stored document's),
// or its text's.
func digest(d *corpus.Document) string {
	if d.Digest != "" {
		return d.Digest
	}
	return corpus.DigestOf(d.Text)
}

// Select returns the corpus restricted to the documents with the given
// IDs, in c's order; IDs it lacks are ignored.
func (c *Corpus) Select(ids ...string) *Corpus {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	out := &Corpus{Layers: c.Layers, LeftOut: c.LeftOut}
	for _, d := range c.Docs {
		if want[d.ID] {
			out.Docs = append(out.Docs, d)
		}
	}
	return out
}
