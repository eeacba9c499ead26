// Package split assigns documents to train, dev and test splits: by
// document, deterministically from a seed, with near-duplicate documents kept
// together and every label present in every split where the corpus allows.
//
// The assignment depends only on the documents' IDs, texts and span labels,
// the seed and the ratios: not on the input order, map iteration order,
// math/rand or the machine. Hashes are FNV-1a with a SplitMix64 finaliser.
package split

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

// Split names one of the three splits.
type Split int

// The splits, in the order of Options.Ratios.
const (
	Train Split = iota
	Dev
	Test
)

// Names holds the splits' file-name stems, indexed by Split.
var Names = [3]string{"train", "dev", "test"}

func (s Split) String() string {
	if s >= 0 && int(s) < len(Names) {
		return Names[s]
	}
	return fmt.Sprintf("split(%d)", int(s))
}

// DefaultSeed is the seed of the default export settings.
const DefaultSeed uint64 = 20251007

// DefaultThreshold is the word-shingle Jaccard similarity from which two
// documents count as near-duplicates.
const DefaultThreshold = 0.8

// ShingleWords is the number of words in a shingle.
const ShingleWords = 3

// Options says how Assign splits a corpus.
type Options struct {
	Seed uint64
	// Ratios weighs train, dev and test; they need not sum to 1. The zero
	// value means DefaultRatios.
	Ratios [3]float64
	// Threshold is the near-duplicate Jaccard threshold; 0 means
	// DefaultThreshold, and a value above 1 turns grouping off but for
	// identical normalised texts.
	Threshold float64
	// Tick, when set, is called after each document's near-duplicate
	// signature and each candidate pair checked: a caller that must keep a
	// page responsive can pause there.
	Tick func()
}

// DefaultRatios are 80/10/10.
var DefaultRatios = [3]float64{0.8, 0.1, 0.1}

// DefaultOptions returns the default seed, 80/10/10 and DefaultThreshold.
func DefaultOptions() Options {
	return Options{Seed: DefaultSeed, Ratios: DefaultRatios, Threshold: DefaultThreshold}
}

// Result is an assignment of documents to splits.
type Result struct {
	// Of holds the split of each input document, by index.
	Of []Split
	// Groups lists the near-duplicate groups (two or more documents each, as
	// input indices in ascending order) that were kept in one split.
	Groups [][]int
	// Targets are the document counts the ratios asked for (see Targets).
	Targets [3]int
	// Counts are the document counts assigned.
	Counts [3]int
}

// Targets returns how many of n documents each split should get under
// ratios, by the rounding rule: each split k first gets floor(n·r_k) (with
// r normalised to sum 1, at a precision of 1e-9); the documents left over go
// one each to the splits with the largest remainders (ties to train, then
// dev, then test); then every split with a non-zero ratio that got nothing
// takes one document from the largest split (ties to the earlier split),
// provided n is at least the number of such splits. So at 80/10/10, 1
// document gives 1/0/0, 2 give 2/0/0, 3 give 1/1/1, 4 give 2/1/1, 10 give
// 8/1/1 and 25 give 20/3/2.
func Targets(n int, ratios [3]float64) ([3]int, error) {
	w, err := weights(ratios)
	if err != nil {
		return [3]int{}, err
	}
	var W int64
	for _, x := range w {
		W += x
	}
	var t [3]int
	var rem [3]int64
	left := n
	for k := range w {
		q := int64(n) * w[k]
		t[k] = int(q / W)
		rem[k] = q % W
		left -= t[k]
	}
	for ; left > 0; left-- {
		best := -1
		for k := range w {
			if w[k] > 0 && (best < 0 || rem[k] > rem[best]) {
				best = k
			}
		}
		t[best]++
		rem[best] = -1
	}
	nonzero := 0
	for k := range w {
		if w[k] > 0 {
			nonzero++
		}
	}
	if n >= nonzero {
		for k := range w {
			if w[k] > 0 && t[k] == 0 {
				big := 0
				for j := range t {
					if t[j] > t[big] {
						big = j
					}
				}
				t[big]--
				t[k]++
			}
		}
	}
	return t, nil
}

// weights turns ratios into integer weights summing to about 1e9.
func weights(r [3]float64) ([3]int64, error) {
	if r == ([3]float64{}) {
		r = DefaultRatios
	}
	sum := 0.0
	for _, x := range r {
		if x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
			return [3]int64{}, fmt.Errorf("split ratios %v: each must be a finite number ≥ 0", r)
		}
		sum += x
	}
	if sum == 0 {
		return [3]int64{}, errors.New("split ratios are all zero")
	}
	var w [3]int64
	for k, x := range r {
		f := x / sum
		w[k] = int64(math.Round(f * 1e9))
	}
	if w == ([3]int64{}) {
		return w, fmt.Errorf("split ratios %v are too small to use", r)
	}
	return w, nil
}

// Assign splits docs by document; see the package doc for its guarantees.
// Near-duplicate groups are formed first (identical normalised texts, or a
// word-shingle Jaccard similarity of at least the threshold, found through
// MinHash and checked exactly), then placed whole.
func Assign(docs []corpus.Document, o Options) (Result, error) {
	ps := make([]Profile, len(docs))
	var p Profiler
	for i := range docs {
		if o.Tick != nil {
			o.Tick()
		}
		ps[i] = p.Profile(&docs[i])
	}
	return AssignProfiles(ps, o, func(is []int) ([]string, error) {
		ts := make([]string, len(is))
		for k, i := range is {
			ts[k] = docs[i].Text
		}
		return ts, nil
	})
}

// AssignProfiles splits the documents of ps as Assign splits them. texts
// returns the texts of the documents of ps at the indices is, in that
// order; it is asked only for the documents MinHash finds similar, a few
// dozen at a time, and its first error is returned.
func AssignProfiles(ps []Profile, o Options, texts func(is []int) ([]string, error)) (Result, error) {
	if o.Threshold == 0 {
		o.Threshold = DefaultThreshold
	}
	if o.Tick == nil {
		o.Tick = func() {}
	}
	targets, err := Targets(len(ps), o.Ratios)
	if err != nil {
		return Result{}, err
	}
	res := Result{Of: make([]Split, len(ps)), Targets: targets}
	if len(ps) == 0 {
		return res, nil
	}
	groups, err := nearDuplicates(ps, o.Threshold, o.Tick, texts)
	if err != nil {
		return Result{}, err
	}
	for _, g := range groups {
		if len(g) > 1 {
			res.Groups = append(res.Groups, g)
		}
	}
	place(ps, groups, o.Seed, targets, &res)
	return res, nil
}

// group is a set of documents placed together.
type group struct {
	docs   []int // input indices, ascending
	key    uint64
	id     string // smallest document ID, for ties
	labels []int  // label indices present, ascending
	done   bool
}

// place assigns whole groups to splits: first, for each label from the
// rarest, one group per split lacking it (train, then test, then dev) among
// the groups that fit the split's target, preferring the group that brings
// the most labels the split lacks; then the rest in seeded order, each to
// the split furthest below its target.
func place(ps []Profile, idx [][]int, seed uint64, targets [3]int, res *Result) {
	labelIndex := map[corpus.Label]int{}
	var labels []corpus.Label
	for _, p := range ps {
		for _, l := range p.Labels {
			if _, ok := labelIndex[l]; !ok {
				labelIndex[l] = -1
				labels = append(labels, l)
			}
		}
	}
	slices.Sort(labels)
	for i, l := range labels {
		labelIndex[l] = i
	}
	gs := make([]*group, len(idx))
	freq := make([]int, len(labels)) // groups holding each label
	for i, members := range idx {
		g := &group{docs: members}
		seen := make([]bool, len(labels))
		for j, di := range members {
			id := ps[di].ID
			if j == 0 || id < g.id {
				g.id = id
			}
			for _, l := range ps[di].Labels {
				li := labelIndex[l]
				if !seen[li] {
					seen[li] = true
					g.labels = append(g.labels, li)
					freq[li]++
				}
			}
		}
		slices.Sort(g.labels)
		g.key = hashString(seed, g.id)
		gs[i] = g
	}
	slices.SortFunc(gs, func(a, b *group) int {
		if a.key != b.key {
			if a.key < b.key {
				return -1
			}
			return 1
		}
		if c := strings.Compare(a.id, b.id); c != 0 {
			return c
		}
		return a.docs[0] - b.docs[0]
	})
	order := make([]int, len(labels))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return freq[a] - freq[b] })

	var has [3][]bool
	for k := range has {
		has[k] = make([]bool, len(labels))
	}
	assign := func(g *group, k Split) {
		g.done = true
		for _, di := range g.docs {
			res.Of[di] = k
		}
		res.Counts[k] += len(g.docs)
		for _, li := range g.labels {
			has[k][li] = true
		}
	}
	for _, li := range order {
		for _, k := range []Split{Train, Test, Dev} {
			if targets[k] == 0 || has[k][li] {
				continue
			}
			var best *group
			bestGain := 0
			for _, g := range gs {
				if g.done || res.Counts[k]+len(g.docs) > targets[k] || !slices.Contains(g.labels, li) {
					continue
				}
				gain := 0
				for _, l := range g.labels {
					if !has[k][l] {
						gain++
					}
				}
				if gain > bestGain {
					best, bestGain = g, gain
				}
			}
			if best != nil {
				assign(best, k)
			}
		}
	}
	for _, g := range gs {
		if g.done {
			continue
		}
		best := Train
		for k := Dev; k <= Test; k++ {
			if targets[k]-res.Counts[k] > targets[best]-res.Counts[best] {
				best = k
			}
		}
		assign(g, best)
	}
}

// hashString hashes seed and s with FNV-1a and a SplitMix64 finaliser.
func hashString(seed uint64, s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < 8; i++ {
		h ^= uint64(byte(seed >> (8 * i)))
		h *= fnvPrime
	}
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(h)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is SplitMix64's finaliser.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// normRune folds r for near-duplicate comparison: marks and tatweel drop
// out (-1), alef forms, alef maqsura and ta marbuta are unified, Eastern
// Arabic digits become ASCII and letters are lower-cased. It returns 0 for a
// code point that separates words.
func normRune(r rune) rune {
	// the code points of most texts, without a table lookup
	switch {
	case r < 0x80:
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return 0
	case r >= 'ء' && r <= 'ي' && r != 'ـ': // the Arabic letters
		switch r {
		case 'أ', 'إ', 'آ':
			return 'ا'
		case 'ى':
			return 'ي'
		case 'ة':
			return 'ه'
		}
		return r
	}
	return normRuneTables(r)
}

// normRuneTables is normRune for any code point, through the unicode tables.
func normRuneTables(r rune) rune {
	switch {
	case r == 'ـ' || unicode.IsMark(r) || unicode.Is(unicode.Cf, r):
		return -1
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا'
	case r == 'ى':
		return 'ي'
	case r == 'ة':
		return 'ه'
	case r >= '٠' && r <= '٩':
		return '0' + r - '٠'
	case r >= '۰' && r <= '۹':
		return '0' + r - '۰'
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return unicode.ToLower(r)
	}
	return 0
}

// wordHashes returns the hashes of text's normalised words, in order.
func wordHashes(text string, buf []uint64) []uint64 {
	buf = buf[:0]
	h, in := uint64(fnvOffset), false
	for _, r := range text {
		n := normRune(r)
		switch {
		case n < 0:
		case n == 0:
			if in {
				buf = append(buf, mix(h))
				h, in = fnvOffset, false
			}
		default:
			var b [utf8.UTFMax]byte
			for _, c := range b[:utf8.EncodeRune(b[:], n)] {
				h ^= uint64(c)
				h *= fnvPrime
			}
			in = true
		}
	}
	if in {
		buf = append(buf, mix(h))
	}
	return buf
}

// shingles returns the hashes of the ShingleWords-word shingles of words (one
// shingle of all the words when there are fewer), appended to buf.
func shingles(words []uint64, buf []uint64) []uint64 {
	buf = buf[:0]
	if len(words) < ShingleWords {
		h := uint64(fnvOffset)
		for _, w := range words {
			h = mix(h ^ w)
		}
		return append(buf, h)
	}
	for i := 0; i+ShingleWords <= len(words); i++ {
		h := words[i]
		for j := 1; j < ShingleWords; j++ {
			h = mix(h*31 ^ words[i+j])
		}
		buf = append(buf, h)
	}
	return buf
}
