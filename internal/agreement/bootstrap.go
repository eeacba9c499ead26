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
// are) r times, resample b with a generator seeded by seed and b, and
// returns for each figure the 2.5th and 97.5th percentiles of its defined
// values over the resamples (linear interpolation between order
// statistics, as numpy's default), or the point value where none is
// defined. With share set and enough work, the second half of the
// resamples is offered to it (see Options.Share).
func (e *engine) bootstrap(stats [][]float64, idx []crossIndex, point []float64, r int, seed uint64, share func([]byte) (func() ([]byte, error), bool)) []Interval {
	D := len(stats)
	out := make([]Interval, e.figSize)
	if r <= 0 || D == 0 {
		for i, x := range point {
			out[i] = Interval{x, x}
		}
		return out
	}
	sp := sparse(stats)
	figs := make([]float64, r*e.figSize) // figure f of resample b at b*figSize+f
	mine := r
	var wait func() ([]byte, error)
	if share != nil && Shared(D, r) {
		half := r / 2
		part := resampleShare{labels: e.labels, layers: e.n, from: half, to: r, seed: seed, stats: sp, idx: idx}
		if w, ok := share(part.marshal()); ok {
			mine, wait = half, w
		}
	}
	e.resample(sp, idx, 0, mine, seed, figs)
	if wait != nil {
		theirs, err := wait()
		if err == nil {
			err = readFloats(theirs, figs[mine*e.figSize:])
		}
		if err != nil { // computed here after all
			e.resample(sp, idx, mine, r, seed, figs[mine*e.figSize:])
		}
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

// mix is SplitMix64's finalizer: resamples' neighbouring numbers seed
// generators whose states share no bits.
func mix(x uint64) uint64 {
	x = (x ^ x>>30) * 0xBF58476D1CE4E5B9
	x = (x ^ x>>27) * 0x94D049BB133111EB
	return x ^ x>>31
}

// Shared reports whether a bootstrap of r resamples of docs documents is
// large enough to be offered to Options.Share: a share's start and
// transfer cost tens of milliseconds.
func Shared(docs, r int) bool { return docs*r >= 200*DefaultResamples }

// resample computes the figures of resamples [from, to) into figs (figure
// f of resample b at (b-from)*figSize+f).
func (e *engine) resample(sp sparseStats, idx []crossIndex, from, to int, seed uint64, figs []float64) {
	D := len(sp.from) - 1
	weight := make([]float64, D)
	sum := make([]float64, e.size)
	crossTerms := make([]float64, e.k)
	for b := from; b < to; b++ {
		rng := rand.New(rand.NewPCG(seed, mix(0x72617169_6d676f6c^uint64(b)))) // "raqimgol"
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
		at := (b - from) * e.figSize
		e.finish(sum, crossTerms, figs[at:at+e.figSize], undefined)
	}
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
	from []int32
	idx  []int32
	val  []float64
}

func sparse(stats [][]float64) sparseStats {
	s := sparseStats{from: make([]int32, 0, len(stats)+1)}
	for _, v := range stats {
		s.from = append(s.from, int32(len(s.idx)))
		for i, x := range v {
			if x != 0 {
				s.idx = append(s.idx, int32(i))
				s.val = append(s.val, x)
			}
		}
	}
	s.from = append(s.from, int32(len(s.idx)))
	return s
}
