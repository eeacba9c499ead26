package agreement

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/raqim/raqim/internal/corpus"
)

// resampleShare is a share of a bootstrap, resamples [from, to), with what
// computing it takes: the engine's labels and layers, the documents'
// sparse stats and the cross indexes of uα.
type resampleShare struct {
	labels   []corpus.Label
	layers   int
	from, to int
	seed     uint64
	stats    sparseStats
	idx      []crossIndex
}

// shareMagic opens a marshalled share, naming its layout.
const shareMagic = "raqim-bootstrap-share-1"

// marshal writes s as ComputeShare reads it: little-endian integers and
// floats, each slice after its length.
func (s *resampleShare) marshal() []byte {
	b := []byte(shareMagic)
	u64 := func(x uint64) { b = binary.LittleEndian.AppendUint64(b, x) }
	i32s := func(xs []int32) {
		u64(uint64(len(xs)))
		for _, x := range xs {
			b = binary.LittleEndian.AppendUint32(b, uint32(x))
		}
	}
	f64s := func(xs []float64) {
		u64(uint64(len(xs)))
		for _, x := range xs {
			u64(math.Float64bits(x))
		}
	}
	u64(uint64(len(s.labels)))
	for _, l := range s.labels {
		u64(uint64(len(l)))
		b = append(b, l...)
	}
	u64(uint64(s.layers))
	u64(uint64(s.from))
	u64(uint64(s.to))
	u64(s.seed)
	i32s(s.stats.from)
	i32s(s.stats.idx)
	f64s(s.stats.val)
	u64(uint64(len(s.idx)))
	for _, x := range s.idx {
		ev := make([]int32, 0, 3*len(x.events))
		for _, e := range x.events {
			ev = append(ev, e.length, e.doc, e.count)
		}
		i32s(ev)
		f64s(x.g0)
		f64s(x.g1)
		f64s(x.u2)
		f64s(x.u3)
	}
	return b
}

var errShare = errors.New("agreement: the bootstrap share is damaged")

// Bounds of a share ComputeShare accepts, far above any made here, so that
// a damaged one cannot ask for the memory of a huge one.
const (
	maxShareLayers    = 64
	maxShareLabels    = 1024
	maxShareResamples = 1 << 20
	maxShareFigures   = 1 << 24 // resamples × figures
)

// unmarshal reads what marshal wrote.
func (s *resampleShare) unmarshal(b []byte) error {
	if len(b) < len(shareMagic) || string(b[:len(shareMagic)]) != shareMagic {
		return errShare
	}
	b = b[len(shareMagic):]
	bad := false
	u64 := func() uint64 {
		if len(b) < 8 {
			bad = true
			return 0
		}
		x := binary.LittleEndian.Uint64(b)
		b = b[8:]
		return x
	}
	count := func(size int) int {
		n := u64()
		if bad || n > uint64(len(b)/size) {
			bad = true
			return 0
		}
		return int(n)
	}
	i32s := func() []int32 {
		xs := make([]int32, count(4))
		for i := range xs {
			xs[i] = int32(binary.LittleEndian.Uint32(b))
			b = b[4:]
		}
		return xs
	}
	f64s := func() []float64 {
		xs := make([]float64, count(8))
		for i := range xs {
			xs[i] = math.Float64frombits(binary.LittleEndian.Uint64(b))
			b = b[8:]
		}
		return xs
	}
	s.labels = make([]corpus.Label, count(8))
	for i := range s.labels {
		n := count(1)
		s.labels[i] = corpus.Label(b[:n])
		b = b[n:]
	}
	s.layers, s.from, s.to, s.seed = int(u64()), int(u64()), int(u64()), u64()
	s.stats.from, s.stats.idx, s.stats.val = i32s(), i32s(), f64s()
	s.idx = make([]crossIndex, count(8))
	for i := range s.idx {
		ev := i32s()
		if len(ev)%3 != 0 {
			return errShare
		}
		x := &s.idx[i]
		x.events = make([]event, len(ev)/3)
		for j := range x.events {
			x.events[j] = event{length: ev[3*j], doc: ev[3*j+1], count: ev[3*j+2]}
		}
		x.g0, x.g1, x.u2, x.u3 = f64s(), f64s(), f64s(), f64s()
	}
	if bad || len(b) != 0 || s.layers < 2 || s.layers > maxShareLayers || len(s.labels) > maxShareLabels || s.from < 0 || s.from > s.to || s.to-s.from > maxShareResamples {
		return errShare
	}
	// Every index the resamples follow must be in range.
	D := len(s.stats.from) - 1
	if D < 1 || len(s.idx) != len(s.labels) || s.stats.from[0] != 0 || int(s.stats.from[D]) != len(s.stats.idx) || len(s.stats.idx) != len(s.stats.val) {
		return errShare
	}
	for d := range D {
		if s.stats.from[d] > s.stats.from[d+1] {
			return errShare
		}
	}
	e := newEngine(s.labels, s.layers)
	if (s.to-s.from)*e.figSize > maxShareFigures {
		return errShare
	}
	size := e.size
	for _, i := range s.stats.idx {
		if i < 0 || int(i) >= size {
			return errShare
		}
	}
	for _, x := range s.idx {
		if len(x.g0) != D || len(x.g1) != D || len(x.u2) != D || len(x.u3) != D {
			return errShare
		}
		for _, e := range x.events {
			if e.doc < 0 || int(e.doc) >= D {
				return errShare
			}
		}
	}
	return nil
}

// ComputeShare computes a share of a bootstrap that Options.Share was
// given, and returns its figures for Options.Share's wait to return.
func ComputeShare(share []byte) ([]byte, error) {
	var s resampleShare
	if err := s.unmarshal(share); err != nil {
		return nil, err
	}
	e := newEngine(s.labels, s.layers)
	figs := make([]float64, (s.to-s.from)*e.figSize)
	e.resample(s.stats, s.idx, s.from, s.to, s.seed, figs)
	b := make([]byte, 0, 8*len(figs))
	for _, x := range figs {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	return b, nil
}

// readFloats reads into dst the little-endian floats of b, which must
// hold exactly len(dst).
func readFloats(b []byte, dst []float64) error {
	if len(b) != 8*len(dst) {
		return fmt.Errorf("agreement: a bootstrap share gave %d bytes, want %d", len(b), 8*len(dst))
	}
	for i := range dst {
		dst[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return nil
}
