// Package phrase finds known phrases in a folded text: sequences of word
// keys stored in a trie, matched on whole words only (never inside a word),
// with the first word read clitic-aware as package fold says.
package phrase

import (
	"strings"

	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/snap"
)

// Dict maps phrases to values of type V. The zero value is an empty
// dictionary ready for Add.
type Dict[V any] struct {
	root node[V]
	n    int
}

type node[V any] struct {
	next map[string]*node[V]
	val  V
	ok   bool
}

// Add stores phrase (folded into word keys with fold.Keys) with value v and
// reports whether it was new; a phrase already stored keeps its first value,
// and a phrase with no words is refused.
func (d *Dict[V]) Add(phrase string, v V) bool {
	keys := strings.Fields(fold.Keys(phrase))
	if len(keys) == 0 {
		return false
	}
	n := &d.root
	for _, k := range keys {
		if n.next == nil {
			n.next = make(map[string]*node[V])
		}
		c := n.next[k]
		if c == nil {
			c = &node[V]{}
			n.next[k] = c
		}
		n = c
	}
	if n.ok {
		return false
	}
	n.val, n.ok = v, true
	d.n++
	return true
}

// Len returns the number of phrases stored.
func (d *Dict[V]) Len() int { return d.n }

// Match is a phrase found in a text.
type Match[V any] struct {
	// Start and End are code points [Start, End) of the stored text, the
	// proclitics of the first word left out.
	Start, End int
	// First and Last are the indices of the first and last words matched.
	First, Last int
	Value       V
}

// At returns the longest phrase starting at word i of t, reading word i
// clitic-aware (fold.Readings) and the following words literally, and
// whether there is one. Punctuation words match only themselves, so a quote
// cutting through a name ends the match.
func (d *Dict[V]) At(t *fold.Text, i int) (Match[V], bool) {
	var best Match[V]
	found := false
	if i < 0 || i >= len(t.Words) || d.root.next == nil {
		return best, false
	}
	w := &t.Words[i]
	if w.Key == "" {
		return best, false
	}
	for _, rd := range w.Readings() {
		n := d.root.next[rd.Key]
		if n == nil {
			continue
		}
		last, val, ok := -1, n.val, false
		if n.ok {
			last, ok = i, true
		}
		for j := i + 1; j < len(t.Words) && n.next != nil; j++ {
			n = n.next[t.Words[j].Key]
			if n == nil {
				break
			}
			if n.ok {
				last, val, ok = j, n.val, true
			}
		}
		if !ok {
			continue
		}
		start := w.Offset(rd.Skip)
		end := t.Words[last].End
		if s, e, sok := snap.Snap(t.Runes, start, end); sok {
			start, end = s, e
		}
		if !found || last > best.Last { // the whole word first on a tie
			best = Match[V]{Start: start, End: end, First: i, Last: last, Value: val}
			found = true
		}
	}
	return best, found
}

// Find returns the phrases of t, leftmost-longest and not overlapping, in
// text order; accept, when not nil, may refuse a match, which is then
// dropped (the words after its first are searched again).
func (d *Dict[V]) Find(t *fold.Text, accept func(Match[V]) bool) []Match[V] {
	var out []Match[V]
	for i := 0; i < len(t.Words); i++ {
		m, ok := d.At(t, i)
		if !ok || (accept != nil && !accept(m)) {
			continue
		}
		out = append(out, m)
		i = m.Last
	}
	return out
}
