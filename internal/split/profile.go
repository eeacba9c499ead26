package split

import (
	"slices"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
)

// Profile is what Assign needs to know of one document: its ID, the labels
// of its spans and a fingerprint of its text. A corpus too large to hold at
// once is split from its profiles (AssignProfiles), made a document at a time.
type Profile struct {
	ID string
	// Labels are the labels of the document's spans, sorted, each once.
	Labels []corpus.Label
	// key identifies the normalised word sequence (the raw text when the
	// document has no words); sig is the MinHash signature of its shingles,
	// set when words is.
	key   uint64
	words bool
	sig   [bands * rows]uint64
}

// Profiler makes profiles, reusing its buffers; the zero value is ready.
type Profiler struct {
	words, shs []uint64
	mults      *[bands * rows][2]uint64
}

// Profile returns d's profile.
func (p *Profiler) Profile(d *corpus.Document) Profile {
	if p.mults == nil {
		m := minhashMultipliers()
		p.mults = &m
	}
	pr := Profile{ID: d.ID}
	for _, s := range d.Spans {
		if !slices.Contains(pr.Labels, s.Label) {
			// a copy: the label may be part of a larger string (a span
			// read from storage), which the profile would keep alive
			pr.Labels = append(pr.Labels, corpus.Label(strings.Clone(string(s.Label))))
		}
	}
	slices.Sort(pr.Labels)
	p.words = wordHashes(d.Text, p.words)
	if len(p.words) == 0 {
		// no words: only an identical raw text is a duplicate
		pr.key = hashString(1, d.Text)
		return pr
	}
	pr.key = fnvOffset
	for _, w := range p.words {
		pr.key = mix(pr.key ^ w)
	}
	pr.words = true
	p.shs = shingles(p.words, p.shs)
	for k := range pr.sig {
		pr.sig[k] = ^uint64(0)
	}
	for _, h := range p.shs {
		for k, m := range p.mults {
			if v := h*m[0] + m[1]; v < pr.sig[k] {
				pr.sig[k] = v
			}
		}
	}
	return pr
}

// shingleSet returns the sorted, distinct shingles of text.
func shingleSet(text string) []uint64 {
	s := shingles(wordHashes(text, nil), nil)
	slices.Sort(s)
	return slices.Compact(s)
}
