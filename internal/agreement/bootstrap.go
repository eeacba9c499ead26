package agreement

import (
	"math/rand/v2"
	"slices"
)

// Interval is a 95% bootstrap interval [lo, hi].
type Interval [2]float64

// DefaultResamples is the number of bootstrap resamples when Options leave it 0.
const DefaultResamples = 1000

// bootstrap resamples the documents (with replacement, as many as there
// are) r times with a generator seeded by seed, and returns for each
// figure the 2.5th and 97.5th percentiles of its defined values over the
// resamples (linear interpolation between order statistics, as numpy's
// default), or the point value where none is defined.
func (e *engine) bootstrap(stats [][]float64, idx []crossIndex, point []float64, r int, seed uint64) []Interval {
	D := len(stats)
	out := make([]Interval, e.figSize)
	if r <= 0 || D == 0 {
		for i, x := range point {
			out[i] = Interval{x, x}
		}
		return out
	}
	sp := sparse(stats)
	rng := rand.New(rand.NewPCG(seed, 0x72617169_6d676f6c)) // "raqimgol"
	weight := make([]float64, D)
	sum := make([]float64, e.size)
	crossTerms := make([]float64, e.k)
	figs := make([]float64, r*e.figSize) // figure f of resample b at b*figSize+f
	for b := 0; b < r; b++ {
		clear(weight)
		for i := 0; i < D; i += 2 {
			// Two draws from 64 random bits, each 32 bits scaled to [0, D)
			// by a multiply and a shift: quicker in WebAssembly than
			// IntN's 128-bit product, and biased by less than D/2³².
			x := rng.Uint64()
			weight[(x&0xFFFFFFFF)*uint64(D)>>32]++
			if i+1 < D {
				weight[(x>>32)*uint64(D)>>32]++
			}
		}
		clear(sum)
		for d, w := range weight {
			if w == 0 {
				continue
			}
			lo, hi := sp.from[d], sp.from[d+1]
			val := sp.val[lo:hi]
			for k, i := range sp.idx[lo:hi] {
				sum[i] += w * val[k]
			}
		}
		for c := range crossTerms {
			crossTerms[c] = idx[c].term(weight)
		}
		e.finish(sum, crossTerms, figs[b*e.figSize:(b+1)*e.figSize], undefined)
	}
	vals := make([]float64, 0, r)
	for f := 0; f < e.figSize; f++ {
		vals = vals[:0]
		for b := 0; b < r; b++ {
			if x := figs[b*e.figSize+f]; defined(x) {
				vals = append(vals, x)
			}
		}
		if len(vals) == 0 {
			out[f] = Interval{point[f], point[f]}
			continue
		}
		slices.Sort(vals)
		out[f] = Interval{percentile(vals, 0.025), percentile(vals, 0.975)}
	}
	return out
}

// percentile returns the q-quantile of sorted values by linear
// interpolation between the closest ranks.
func percentile(sorted []float64, q float64) float64 {
	h := q * float64(len(sorted)-1)
	lo := int(h)
	if lo+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// sparseStats holds the non-zero sums of each document's stats: document
// d's are idx and val[from[d]:from[d+1]]. Most sums of a document are 0.
type sparseStats struct {
	from []int
	idx  []int32
	val  []float64
}

func sparse(stats [][]float64) sparseStats {
	s := sparseStats{from: make([]int, 0, len(stats)+1)}
	for _, v := range stats {
		s.from = append(s.from, len(s.idx))
		for i, x := range v {
			if x != 0 {
				s.idx = append(s.idx, int32(i))
				s.val = append(s.val, x)
			}
		}
	}
	s.from = append(s.from, len(s.idx))
	return s
}
