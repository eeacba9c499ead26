package split

import (
	"slices"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
)

// MinHash parameters: bands × rows hash values per document. With 16 bands
// of 4 rows, a pair at Jaccard 0.8 becomes a candidate with probability
// 0.9998; candidates are then checked exactly.
const (
	bands = 16
	rows  = 4
)

// nearDuplicates returns the groups of docs (input indices, each group
// ascending, groups ordered by their first index) whose normalised word
// sequences are equal or whose shingle Jaccard similarity reaches threshold,
// closed under transitivity.
func nearDuplicates(docs []corpus.Document, threshold float64, tick func()) [][]int {
	if tick == nil {
		tick = func() {}
	}
	n := len(docs)
	uf := newUnionFind(n)
	var (
		words  []uint64
		shs    []uint64
		sigs   = make([][bands * rows]uint64, n)
		exact  = make(map[uint64]int, n)
		mults  = minhashMultipliers()
		bucket = make(map[uint64]int32, n*bands)
		cands  [][2]int32
	)
	// Documents are visited in ID order so that the result does not depend
	// on the input order.
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(a, b int) int { return strings.Compare(docs[a].ID, docs[b].ID) })
	for _, i := range perm {
		tick()
		words = wordHashes(docs[i].Text, words)
		// identical normalised word sequences, or identical raw text
		// when there are no words at all
		var key uint64
		if len(words) == 0 {
			key = hashString(1, docs[i].Text)
		} else {
			key = fnvOffset
			for _, w := range words {
				key = mix(key ^ w)
			}
		}
		if j, ok := exact[key]; ok {
			uf.union(i, j)
		} else {
			exact[key] = i
		}
		if len(words) == 0 || threshold > 1 {
			continue
		}
		shs = shingles(words, shs)
		sig := &sigs[i]
		for k := range sig {
			sig[k] = ^uint64(0)
		}
		for _, h := range shs {
			for k, m := range mults {
				if v := h*m[0] + m[1]; v < sig[k] {
					sig[k] = v
				}
			}
		}
		for b := 0; b < bands; b++ {
			key := mix(uint64(b) + 1)
			for r := 0; r < rows; r++ {
				key = mix(key ^ sig[b*rows+r])
			}
			if j, ok := bucket[key]; ok {
				cands = append(cands, [2]int32{j, int32(i)})
			} else {
				bucket[key] = int32(i)
			}
		}
	}
	// Each document is compared with the first document (in ID order) of
	// each band bucket it falls in; chains are closed by union-find.
	sets := map[int][]uint64{}
	set := func(i int) []uint64 {
		if s, ok := sets[i]; ok {
			return s
		}
		s := shingles(wordHashes(docs[i].Text, nil), nil)
		slices.Sort(s)
		s = slices.Compact(s)
		sets[i] = s
		return s
	}
	slices.SortFunc(cands, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	cands = slices.Compact(cands)
	for _, c := range cands {
		tick()
		i, j := int(c[0]), int(c[1])
		if uf.find(i) == uf.find(j) {
			continue
		}
		if jaccard(set(i), set(j)) >= threshold {
			uf.union(i, j)
		}
	}
	byRoot := map[int][]int{}
	var roots []int
	for i := 0; i < n; i++ {
		r := uf.find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	out := make([][]int, 0, len(roots))
	for _, r := range roots {
		out = append(out, byRoot[r])
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// jaccard returns |a∩b| / |a∪b| of two sorted sets.
func jaccard(a, b []uint64) float64 {
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}

// minhashMultipliers returns fixed odd multipliers and offsets of the
// MinHash functions h ↦ a·h + b (mod 2⁶⁴), derived from constants.
func minhashMultipliers() [bands * rows][2]uint64 {
	var m [bands * rows][2]uint64
	z := uint64(0x9e3779b97f4a7c15)
	for k := range m {
		z += 0x9e3779b97f4a7c15
		m[k][0] = mix(z) | 1
		z += 0x9e3779b97f4a7c15
		m[k][1] = mix(z)
	}
	return m
}

type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{p}
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union joins the sets of i and j, keeping the smaller index as root.
func (u *unionFind) union(i, j int) {
	a, b := u.find(i), u.find(j)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	u.parent[b] = a
}
