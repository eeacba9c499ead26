// Package suggestion holds the rules of suggestions in the open document
// that need no browser: which suggestions are pending given the document's
// spans and the user's rejections, which suggestion is at the cursor and
// which comes next, which replies are stale, what a user's handling of
// suggestions counts up to, and which documents are kept suggestion-free as
// a control.
package suggestion

import (
	"cmp"
	"hash/fnv"
	"maps"
	"slices"
	"strconv"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/suggest"
)

// SourceAttr is the span attribute naming what proposed a span; a span that
// has it was accepted from a suggestion.
const SourceAttr = "source"

// LayerName names the system layer that holds the suggestions made for
// chosen documents from their texts alone (job.SuggestLayer), to be scored
// against gold and curated like an extractor's.
const LayerName = "raqim-suggest"

// MaxRunes is the longest document, in code points, that is given
// suggestions and values worked out from its text: the engine reads a
// document whole, and a longer one would hold the worker for many seconds
// and the tab's memory past its bound (a document of 1,000,000 code points
// took 17 s natively and raised the tab's peak to 959 MB).
const MaxRunes = 200_000

// Offered reports whether a document of length code points is given
// suggestions and values (see MaxRunes).
func Offered(length int) bool { return length <= MaxRunes }

// Key identifies a suggestion within its document by its range and label,
// as rejections remember it.
func Key(s corpus.Span) string {
	return strconv.Itoa(s.Start) + ":" + strconv.Itoa(s.End) + ":" + string(s.Label)
}

// Pending returns the suggestions of sugs (sorted by Start) that overlap no
// span of spans (sorted by Start) and were not rejected, in order; sugs is
// not changed.
func Pending(sugs, spans []corpus.Span, rejected map[string]bool) []corpus.Span {
	out := make([]corpus.Span, 0, len(sugs))
	k := 0
	for _, sg := range sugs {
		if len(rejected) > 0 && rejected[Key(sg)] {
			continue
		}
		// Spans do not overlap, so their ends are sorted like their starts.
		for k < len(spans) && spans[k].End <= sg.Start {
			k++
		}
		if k < len(spans) && spans[k].Overlaps(sg) {
			continue
		}
		if len(out) > 0 && out[len(out)-1].Overlaps(sg) {
			continue
		}
		out = append(out, sg)
	}
	return out
}

// Switched returns the suggestions of sugs whose source (SourceAttr) is
// not among off, the sources the user switched off, in sugs's order.
func Switched(sugs []corpus.Span, off []suggest.Source) []corpus.Span {
	if len(off) == 0 {
		return sugs
	}
	out := make([]corpus.Span, 0, len(sugs))
	for _, sg := range sugs {
		if !slices.Contains(off, suggest.Source(sg.Attrs[SourceAttr])) {
			out = append(out, sg)
		}
	}
	return out
}

// At returns the index in pending of the suggestion that the selection
// [start, end) overlaps or, for an empty selection, holds the caret
// (start inside it or at its end); -1 when none.
func At(pending []corpus.Span, start, end int) int {
	for i, sg := range pending {
		if start < end && sg.Start < end && start < sg.End {
			return i
		}
		if start == end && sg.Start <= start && start <= sg.End {
			return i
		}
	}
	return -1
}

// Next returns the index in pending of the suggestion after code point
// from (dir > 0: the first starting at or after from, or the first of all
// when none does) or before it (dir < 0: the last ending at or before
// from, or the last of all); -1 when there are none.
func Next(pending []corpus.Span, from, dir int) int {
	if len(pending) == 0 {
		return -1
	}
	if dir > 0 {
		for i, sg := range pending {
			if sg.Start >= from {
				return i
			}
		}
		return 0
	}
	for i := len(pending) - 1; i >= 0; i-- {
		if pending[i].End <= from {
			return i
		}
	}
	return len(pending) - 1
}

// OfLabel returns the pending suggestions labelled l, in order.
func OfLabel(pending []corpus.Span, l corpus.Label) []corpus.Span {
	var out []corpus.Span
	for _, sg := range pending {
		if sg.Label == l {
			out = append(out, sg)
		}
	}
	return out
}

// Tracker numbers the requests for suggestions of the open document, so
// that a reply to an older request (another document, or the document
// before an edit) is dropped. The zero value is ready.
type Tracker struct {
	rev int
	doc string
}

// Request returns the revision of a new request for doc's suggestions;
// every earlier revision is stale from then on.
func (t *Tracker) Request(doc string) int {
	t.rev++
	t.doc = doc
	return t.rev
}

// Fresh reports whether a reply for doc at revision rev answers the last
// request.
func (t *Tracker) Fresh(doc string, rev int) bool { return rev == t.rev && doc == t.doc }

// Record is what a user did with a document's suggestions, kept between
// visits: the suggestions rejected (by Key), and the spans accepted from
// a suggestion, edited after being accepted and added by hand (by span ID).
type Record struct {
	Rejected []string `json:"rejected,omitempty"`
	Accepted []string `json:"accepted,omitempty"`
	Edited   []string `json:"edited,omitempty"`
	Hand     []string `json:"hand,omitempty"`
}

// Rejections returns the rejected suggestions as a set of keys.
func (r Record) Rejections() map[string]bool {
	m := make(map[string]bool, len(r.Rejected))
	for _, k := range r.Rejected {
		m[k] = true
	}
	return m
}

func add(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(slices.Clip(list), v)
}

// Reject records the rejection of suggestion s.
func (r *Record) Reject(s corpus.Span) { r.Rejected = add(r.Rejected, Key(s)) }

// Accept records span id as accepted from a suggestion.
func (r *Record) Accept(id string) { r.Accepted = add(r.Accepted, id) }

// AddByHand records span id as made by hand.
func (r *Record) AddByHand(id string) { r.Hand = add(r.Hand, id) }

// Edit records an edit of span sp: it counts as an edit after accepting
// when sp came from a suggestion (it carries SourceAttr), once a span.
func (r *Record) Edit(sp corpus.Span) {
	if sp.Attrs[SourceAttr] != "" {
		r.Edited = add(r.Edited, sp.ID)
	}
}

// Counts are the figures of a Record, or of several summed.
type Counts struct {
	Accepted, Rejected, Edited, Hand int
}

// Counts returns r's figures.
func (r Record) Counts() Counts {
	return Counts{Accepted: len(r.Accepted), Rejected: len(r.Rejected), Edited: len(r.Edited), Hand: len(r.Hand)}
}

// Add returns the sum of c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.Accepted + o.Accepted, c.Rejected + o.Rejected, c.Edited + o.Edited, c.Hand + o.Hand}
}

// Zero reports whether c counts nothing.
func (c Counts) Zero() bool { return c == Counts{} }

// Control reports whether document id is kept suggestion-free as a
// control: a share (0 to 1) of documents, chosen by a hash of seed and id,
// so that the same documents are chosen on every visit and machine.
func Control(id string, seed uint64, share float64) bool {
	if share <= 0 || id == "" {
		return false
	}
	if share >= 1 {
		return true
	}
	h := fnv.New64a()
	var b [8]byte
	for i := range b {
		b[i] = byte(seed >> (8 * i))
	}
	h.Write(b[:])
	h.Write([]byte(id))
	// FNV's high bits barely move for ids that differ at the end: mixed
	// (splitmix64's finaliser) before they are read as a fraction.
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return float64(x>>11)/float64(1<<53) < share
}

// ValueKeys are the values a span of label l carries, in the order the
// span list shows them.
func ValueKeys(l corpus.Label) []string {
	switch l {
	case corpus.Date:
		return []string{"iso", "precision"}
	case corpus.Casualty:
		return []string{"count", "count_exact", "kind", "victims"}
	case corpus.Place:
		return []string{"gazetteer_id", "admin1"}
	case corpus.Actor:
		return []string{"actor_id"}
	}
	return nil
}

// valueKeys are the attrs that hold values of some label (those of
// ValueKeys and those the engine adds beside them).
var valueKeys = map[string]bool{
	"iso": true, "precision": true, "hijri": true, "reference": true,
	"count": true, "count_exact": true, "kind": true, "victims": true,
	"gazetteer_id": true, "admin1": true, "country": true, "actor_id": true,
}

// WithValues returns attrs with its values (of any label) replaced by
// vals, keeping its other attrs (source among them); neither map is
// changed, and no attrs at all is nil.
func WithValues(attrs, vals map[string]string) map[string]string {
	out := make(map[string]string, len(attrs)+len(vals))
	for k, v := range attrs {
		if !valueKeys[k] {
			out[k] = v
		}
	}
	for k, v := range vals {
		out[k] = v
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// PerBlock cuts pending (sorted) into the suggestions overlapping each of
// the ranges [starts[i], ends[i]) (sorted, not overlapping), reusing the
// slices of old whose content is unchanged, so that a view comparing them
// sees a change only where there is one.
func PerBlock(pending []corpus.Span, starts, ends []int, old [][]corpus.Span) [][]corpus.Span {
	out := make([][]corpus.Span, len(starts))
	for i := range starts {
		lo, _ := slices.BinarySearchFunc(pending, starts[i], func(s corpus.Span, c int) int { return cmp.Compare(s.End, c+1) })
		hi := lo
		for hi < len(pending) && pending[hi].Start < ends[i] {
			hi++
		}
		in := pending[lo:hi:hi]
		if i < len(old) && equal(old[i], in) {
			out[i] = old[i]
			continue
		}
		if len(in) > 0 {
			out[i] = in
		}
	}
	return out
}

func equal(a, b []corpus.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Start != b[i].Start || a[i].End != b[i].End || a[i].Label != b[i].Label || !maps.Equal(a[i].Attrs, b[i].Attrs) {
			return false
		}
	}
	return true
}
