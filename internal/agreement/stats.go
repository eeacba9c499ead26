package agreement

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
)

// engine computes agreement over a corpus. Every figure is a function of
// sums that add up over documents, so each document is reduced once to a
// vector of sums (its stats); the corpus's figures, each document's and
// each bootstrap resample's are the figures of a sum of such vectors.
//
// The vector of K labels (index K stands for O, "no label", or for the
// overall figure), n layers and their pairs holds:
//
//	spans[layer][label]                 spans per layer and label
//	per pair (a, b):
//	  ovA[label], ovB[label]            a's spans overlapping a b span of the same label, and b's
//	  sem[label][kind]                  b's matches against a by kind (see kinds): nervaluate's
//	                                    counts under each schema follow from them
//	  conf[la][lb]                      non-whitespace code points a labels la and b labels lb
//	fleiss: N, all-O, ΣP, tot[label|O], ΣP per label (binary)
//	alpha per label: Do, Nc, A3, Q; and L
type engine struct {
	labels []corpus.Label
	index  map[corpus.Label]int
	k, n   int
	pairs  [][2]int

	// stats vector layout
	spans    int
	pairBase int
	pairSize int
	ovA, ovB int // offsets within a pair block
	sem      int
	conf     int
	fN       int
	fAllO    int
	fSumP    int
	fTot     int
	fSumPL   int
	aSums    int // 4 per label: Do, Nc, A3, Q
	aL       int
	size     int

	// figure vector layout: per pair, then fleiss, then alpha
	figPair int
	figSize int
}

// Figure offsets within a pair's block of the figure vector, each K+1 long
// (index K is the overall figure), except sem.
const (
	fStrictP = iota
	fStrictR
	fStrictF
	fOverP
	fOverR
	fOverF
	fKappa
	fKappaLab
	fSem     // 4 schemas × 3 (P, R, F)
	fPairEnd = fSem + 12
)

func newEngine(labels []corpus.Label, n int) *engine {
	e := &engine{labels: labels, k: len(labels), n: n, index: make(map[corpus.Label]int, len(labels))}
	for i, l := range labels {
		e.index[l] = i
	}
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			e.pairs = append(e.pairs, [2]int{a, b})
		}
	}
	k1 := e.k + 1
	e.spans = 0
	e.pairBase = n * e.k
	e.ovA = 0
	e.ovB = e.k
	e.sem = 2 * e.k
	e.conf = e.sem + e.k*len(kinds)
	e.pairSize = e.conf + k1*k1
	off := e.pairBase + len(e.pairs)*e.pairSize
	e.fN, e.fAllO, e.fSumP = off, off+1, off+2
	e.fTot = off + 3
	e.fSumPL = e.fTot + k1
	e.aSums = e.fSumPL + e.k
	e.aL = e.aSums + 4*e.k
	e.size = e.aL + 1

	e.figPair = fPairEnd*k1 + 12 // then macro P, R, F per schema
	e.figSize = len(e.pairs)*e.figPair + 3*k1
	return e
}

// semAt is the index of the count of pair's matches of kind under label.
func (e *engine) semAt(pair, label, kind int) int {
	return e.pairBase + pair*e.pairSize + e.sem + label*len(kinds) + kind
}

// counts returns pair's nervaluate counts under schema sc for label (all
// labels for K) from the stats v.
func (e *engine) counts(v []float64, pair, sc, label int) Counts {
	var n [5]int
	from, to := label, label+1
	if label == e.k {
		from, to = 0, e.k
	}
	for l := from; l < to; l++ {
		for kind, cats := range kinds {
			n[cats[sc]] += int(v[e.semAt(pair, l, kind)])
		}
	}
	return Counts{COR: n[COR], INC: n[INC], PAR: n[PAR], MIS: n[MIS], SPU: n[SPU]}
}

func (e *engine) confAt(pair, la, lb int) int {
	return e.pairBase + pair*e.pairSize + e.conf + la*(e.k+1) + lb
}

// scratch is reused from document to document.
type scratch struct {
	nonWS  []int32
	bounds []int
	taken  []bool
	labs   []int
	cnt    []int
	ptr    []int
	runs   [][]run
	secs   [][]section
	units  []int
	gaps   []int
}

// labelOf returns the index of s's label.
func (e *engine) labelOf(s corpus.Span) int { return e.index[s.Label] }

// doc adds document d's stats (its number di in the corpus) to v, the
// units and gaps of its categories to the cross indexes, and returns each
// category's cross term of the document alone in self.
func (e *engine) doc(di int, d *align.Doc, v []float64, idx []crossIndex, self []float64, s *scratch) {
	k, n := e.k, e.n
	layers := d.Spans
	for li, spans := range layers {
		for _, sp := range spans {
			v[e.spans+li*k+e.labelOf(sp)]++
		}
	}

	// Spans: overlap and nervaluate counts per pair.
	for p, ab := range e.pairs {
		A, B := layers[ab[0]], layers[ab[1]]
		base := e.pairBase + p*e.pairSize
		overlapCounts(A, B, func(i int) { v[base+e.ovA+e.labelOf(A[i])]++ }, func(j int) { v[base+e.ovB+e.labelOf(B[j])]++ })
		if cap(s.taken) < len(A) {
			s.taken = make([]bool, len(A))
		}
		compare(A, B, s.taken[:len(A)], func(m Match) {
			v[e.semAt(p, e.labelOf(matchSpan(&m, A, B)), kindOf(m.Cat))]++
		})
	}

	// Code points: confusion per pair and Fleiss' sums, over constant segments.
	s.nonWS = nonWhitespace(s.nonWS[:0], d.Text)
	L := len(s.nonWS) - 1
	s.bounds = append(s.bounds[:0], 0, L)
	for _, spans := range layers {
		for _, sp := range spans {
			s.bounds = append(s.bounds, sp.Start, sp.End)
		}
	}
	slices.Sort(s.bounds)
	s.bounds = slices.Compact(s.bounds)
	s.ptr = resize(s.ptr, n)
	clear(s.ptr)
	s.labs = resize(s.labs, n)
	s.cnt = resize(s.cnt, k+1)
	nf := float64(n)
	pairsDen := nf * (nf - 1)
	for t := 0; t+1 < len(s.bounds); t++ {
		lo, hi := s.bounds[t], s.bounds[t+1]
		c := float64(s.nonWS[hi] - s.nonWS[lo])
		if c == 0 {
			continue
		}
		clear(s.cnt)
		for li, spans := range layers {
			q := s.ptr[li]
			for q < len(spans) && spans[q].End <= lo {
				q++
			}
			s.ptr[li] = q
			lab := k
			if q < len(spans) && spans[q].Start <= lo {
				lab = e.labelOf(spans[q])
			}
			s.labs[li] = lab
			s.cnt[lab]++
		}
		for p, ab := range e.pairs {
			v[e.confAt(p, s.labs[ab[0]], s.labs[ab[1]])] += c
		}
		v[e.fN] += c
		if s.cnt[k] == n {
			v[e.fAllO] += c
		}
		sq := 0.0
		for j, nj := range s.cnt {
			f := float64(nj)
			sq += f * f
			v[e.fTot+j] += c * f
		}
		v[e.fSumP] += c * (sq - nf) / pairsDen
		for j := 0; j < k; j++ {
			a, b := float64(s.cnt[j]), nf-float64(s.cnt[j])
			v[e.fSumPL+j] += c * (a*a + b*b - nf) / pairsDen
		}
	}

	// Unitizing alpha per category, over all code points.
	length := d.Length
	v[e.aL] += float64(length)
	if len(s.runs) < n {
		s.runs = make([][]run, n)
		s.secs = make([][]section, n)
	}
	for c := 0; c < k; c++ {
		sums := alphaSums{}
		s.units, s.gaps = s.units[:0], s.gaps[:0]
		for li, spans := range layers {
			r := s.runs[li][:0]
			for _, sp := range spans {
				if e.labelOf(sp) == c {
					r = append(r, run{sp.Start, sp.End})
				}
			}
			s.runs[li] = r
			s.secs[li] = sections(s.secs[li][:0], r, length)
			for _, sec := range s.secs[li] {
				l := sec.end - sec.start
				if sec.unit {
					lf := float64(l)
					sums.Nc++
					sums.A3 += 2*lf*lf*lf - 3*lf*lf + lf
					sums.Q += lf * (lf - 1)
					s.units = append(s.units, l)
					idx[c].units = append(idx[c].units, lenDoc{int32(l), int32(di)})
				} else {
					s.gaps = append(s.gaps, l)
					idx[c].gaps = append(idx[c].gaps, lenDoc{int32(l), int32(di)})
				}
			}
		}
		for _, ab := range e.pairs {
			sums.Do += observed(s.secs[ab[0]], s.secs[ab[1]])
		}
		base := e.aSums + 4*c
		v[base] += sums.Do
		v[base+1] += sums.Nc
		v[base+2] += sums.A3
		v[base+3] += sums.Q
		desc := func(a, b int) int { return b - a }
		slices.SortFunc(s.units, desc)
		slices.SortFunc(s.gaps, desc)
		self[c] = cross(s.units, s.gaps)
	}
}

// matchSpan returns the span a match is counted under per label.
func matchSpan(m *Match, gold, pred []corpus.Span) corpus.Span {
	if m.Gold >= 0 {
		return gold[m.Gold]
	}
	return pred[m.Pred]
}

// overlapCounts calls inA for each span of A that shares a code point with
// a span of B of the same label, and inB for each such span of B. Both
// must be sorted and free of overlaps.
func overlapCounts(A, B []corpus.Span, inA, inB func(int)) {
	hit := func(X, Y []corpus.Span, f func(int)) {
		lo := 0
		for i, x := range X {
			for lo < len(Y) && Y[lo].End <= x.Start {
				lo++
			}
			for j := lo; j < len(Y) && Y[j].Start < x.End; j++ {
				if Y[j].Label == x.Label {
					f(i)
					break
				}
			}
		}
	}
	hit(A, B, inA)
	hit(B, A, inB)
}

// nonWhitespace returns the prefix counts of non-whitespace code points
// of text: out[i] is the number among its first i code points.
func nonWhitespace(out []int32, text string) []int32 {
	out = append(out, 0)
	var c int32
	for i := 0; i < len(text); {
		// ASCII and two-byte code points (Arabic's) are read here, the
		// rest by utf8, as range reads them.
		switch b := text[i]; {
		case b < utf8.RuneSelf:
			if !asciiSpace[b] {
				c++
			}
			i++
		case b >= 0xC2 && b <= 0xDF && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			if b != 0xC2 || (text[i+1] != 0x85 && text[i+1] != 0xA0) { // U+0085, U+00A0
				c++
			}
			i += 2
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isSpace(r) {
				c++
			}
			i += n
		}
		out = append(out, c)
	}
	return out
}

// asciiSpace marks the ASCII code points unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isSpace is unicode.IsSpace, answered without a table search for the code
// points below U+1680 (the first space above Latin-1), such as Arabic's.
func isSpace(r rune) bool {
	if r < 0x1680 {
		return r <= 0xFF && unicode.IsSpace(r)
	}
	return unicode.IsSpace(r)
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// undefined marks a figure that has no value (such as a label neither
// layer used); it never leaves the package.
var undefined = math.NaN()

func defined(x float64) bool { return !math.IsNaN(x) }
