package split

import (
	"fmt"
	"slices"
	"strings"
)

// MinHash parameters: bands × rows hash values per document. With 16 bands
// of 4 rows, a pair at Jaccard 0.8 becomes a candidate with probability
// 0.9998; candidates are then checked exactly.
const (
	bands = 16
	rows  = 4
)

// textRun is the most texts nearDuplicates asks for at a time.
const textRun = 32

// nearDuplicates returns the groups of documents (indices into ps, each
// group ascending, groups ordered by their first index) whose normalised
// word sequences are equal or whose shingle Jaccard similarity reaches
// threshold, closed under transitivity. texts returns the texts of
// documents; it is asked, textRun documents at a time, only for the
// candidate pairs MinHash finds.
func nearDuplicates(ps []Profile, threshold float64, tick func(), texts func(is []int) ([]string, error)) ([][]int, error) {
	n := len(ps)
	uf := newUnionFind(n)
	var (
		exact  = make(map[uint64]int, n)
		bucket = make(map[uint64]int32, n*bands)
		cands  [][2]int32
	)
	// Documents are visited in ID order so that the result does not depend
	// on the input order.
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	slices.SortStableFunc(perm, func(a, b int) int { return strings.Compare(ps[a].ID, ps[b].ID) })
	for _, i := range perm {
		p := &ps[i]
		if j, ok := exact[p.key]; ok {
			uf.union(i, j)
		} else {
			exact[p.key] = i
		}
		if !p.words || threshold > 1 {
			continue
		}
		for b := 0; b < bands; b++ {
			key := mix(uint64(b) + 1)
			for r := 0; r < rows; r++ {
				key = mix(key ^ p.sig[b*rows+r])
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
	slices.SortFunc(cands, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	cands = slices.Compact(cands)
	// The texts of the candidates are asked for a run at a time, in the
	// order the pairs need them; a document's shingles are dropped after
	// its last pair.
	var need []int
	last := map[int]int{} // document → its last pair
	for c, pair := range cands {
		for _, d := range pair {
			if _, ok := last[int(d)]; !ok {
				need = append(need, int(d))
			}
			last[int(d)] = c
		}
	}
	sets := map[int][]uint64{}
	fetch := func(d int) error {
		for sets[d] == nil {
			if len(need) == 0 {
				return fmt.Errorf("split: no text for document %d", d)
			}
			run := need[:min(textRun, len(need))]
			need = need[len(run):]
			ts, err := texts(run)
			if err != nil {
				return err
			}
			if len(ts) != len(run) {
				return fmt.Errorf("split: %d texts asked for, %d given", len(run), len(ts))
			}
			for k, t := range ts {
				sets[run[k]] = shingleSet(t)
			}
		}
		return nil
	}
	for c, pair := range cands {
		tick()
		i, j := int(pair[0]), int(pair[1])
		if uf.find(i) != uf.find(j) {
			if err := fetch(i); err != nil {
				return nil, err
			}
			if err := fetch(j); err != nil {
				return nil, err
			}
			if jaccard(sets[i], sets[j]) >= threshold {
				uf.union(i, j)
			}
		}
		for _, d := range pair {
			if last[int(d)] == c {
				sets[int(d)] = nil
				delete(sets, int(d))
			}
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
	return out, nil
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
