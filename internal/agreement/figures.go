package agreement

// finish computes the figure vector out from a stats vector v (a sum over
// some documents) and each category's cross term of uα for the same
// documents. Undefined figures are NaN. empty is an overall figure where
// there is nothing to compare (no span in either layer, no code point):
// 1 for reported figures (identical layers agree fully), undefined in a
// bootstrap resample, which then does not count toward the interval.
func (e *engine) finish(v, crossTerms, out []float64, empty float64) {
	k := e.k
	k1 := k + 1
	for p, ab := range e.pairs {
		f := out[p*e.figPair : (p+1)*e.figPair]
		base := e.pairBase + p*e.pairSize
		at := func(fig, label int) *float64 { return &f[fig*k1+label] }
		var tA, tB, tM, tOA, tOB float64
		for l := 0; l <= k; l++ {
			var nA, nB, m, oa, ob float64
			if l < k {
				nA = v[e.spans+ab[0]*k+l]
				nB = v[e.spans+ab[1]*k+l]
				m = v[e.semAt(p, l, 0)] // allCOR's
				oa, ob = v[base+e.ovA+l], v[base+e.ovB+l]
				tA, tB, tM, tOA, tOB = tA+nA, tB+nB, tM+m, tOA+oa, tOB+ob
			} else {
				nA, nB, m, oa, ob = tA, tB, tM, tOA, tOB
			}
			sp, sr, sf := spanPRF(m, m, nA, nB, true)
			op, or, of := spanPRF(ob, oa, nA, nB, false)
			if nA+nB == 0 {
				x := empty
				if l < k {
					x = undefined
				}
				sp, sr, sf, op, or, of = x, x, x, x, x, x
			}
			*at(fStrictP, l), *at(fStrictR, l), *at(fStrictF, l) = sp, sr, sf
			*at(fOverP, l), *at(fOverR, l), *at(fOverF, l) = op, or, of

			for sc, schema := range Schemas {
				c := e.counts(v, p, sc, l)
				pp, rr, ff := c.PRF(schema)
				if c.Possible() == 0 && c.Actual() == 0 {
					x := empty
					if l < k {
						x = undefined
					}
					pp, rr, ff = x, x, x
				}
				f[(fSem+3*sc)*k1+l] = pp
				f[(fSem+3*sc+1)*k1+l] = rr
				f[(fSem+3*sc+2)*k1+l] = ff
			}
		}
		// Macro figures: the mean over the labels defined.
		for sc := range Schemas {
			for x := 0; x < 3; x++ {
				row := f[(fSem+3*sc+x)*k1 : (fSem+3*sc+x)*k1+k]
				sum, cnt := 0.0, 0.0
				for _, y := range row {
					if defined(y) {
						sum += y
						cnt++
					}
				}
				macro := undefined
				if cnt > 0 {
					macro = sum / cnt
				}
				f[fPairEnd*k1+3*sc+x] = macro
			}
		}
		conf := v[base+e.conf : base+e.conf+k1*k1]
		for l := 0; l < k; l++ {
			*at(fKappa, l) = binaryKappa(conf, k1, l, false)
			*at(fKappaLab, l) = binaryKappa(conf, k1, l, true)
		}
		*at(fKappa, k) = cohen(conf, k1, false, empty)
		*at(fKappaLab, k) = cohen(conf, k1, true, empty)
	}

	// Fleiss' kappa over all layers: all code points, then those some layer labelled.
	fl := out[len(e.pairs)*e.figPair:]
	N, allO, sumP := v[e.fN], v[e.fAllO], v[e.fSumP]
	tot := v[e.fTot : e.fTot+k1]
	nf := float64(e.n)
	for restrict := 0; restrict < 2; restrict++ {
		f := fl[restrict*k1 : (restrict+1)*k1]
		n, sp := N, sumP
		oTot := tot[k]
		if restrict == 1 {
			n, sp, oTot = N-allO, sumP-allO, tot[k]-nf*allO
		}
		// overall
		if n <= 0 {
			f[k] = undefined
			if restrict == 0 {
				f[k] = empty // no code point to disagree on
			}
		} else {
			pe := 0.0
			for j := 0; j <= k; j++ {
				t := tot[j]
				if j == k {
					t = oTot
				}
				pj := t / (nf * n)
				pe += pj * pj
			}
			f[k] = kappaOf(sp/n, pe)
		}
		for l := 0; l < k; l++ {
			spl := v[e.fSumPL+l]
			if restrict == 1 {
				spl -= allO
			}
			if n <= 0 || tot[l] == 0 {
				f[l] = undefined
				continue
			}
			pl := tot[l] / (nf * n)
			f[l] = kappaOf(spl/n, pl*pl+(1-pl)*(1-pl))
		}
	}

	// Unitizing alpha per label, and over all labels.
	al := fl[2*k1 : 3*k1]
	L := v[e.aL]
	var sumDo, sumDe float64
	used := false
	for c := 0; c < k; c++ {
		b := e.aSums + 4*c
		s := alphaSums{Do: v[b], Nc: v[b+1], A3: v[b+2], Q: v[b+3]}
		a, do, de, ok := alpha(s, crossTerms[c], e.n, L)
		if !ok {
			al[c] = undefined
			continue
		}
		al[c] = a
		used = true
		sumDo += do
		sumDe += de
	}
	al[k] = empty
	if used {
		al[k] = ratioAlpha(sumDo, sumDe)
	}
}

// spanPRF returns precision hitB/nB, recall hitA/nA and F1: for strict
// matching 2m/(nA+nB), otherwise the harmonic mean of the two. Empty
// denominators give 0, and two empty layers agree fully (1).
func spanPRF(hitB, hitA, nA, nB float64, strict bool) (p, r, f float64) {
	if nA+nB == 0 {
		return 1, 1, 1
	}
	if nB > 0 {
		p = hitB / nB
	}
	if nA > 0 {
		r = hitA / nA
	}
	if strict {
		return p, r, 2 * hitA / (nA + nB)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// kappaOf is (po − pe)/(1 − pe), guarded: when chance agreement is total
// (every rater gave every item the same one category) so is observed
// agreement, and kappa is 1.
func kappaOf(po, pe float64) float64 {
	if 1-pe <= 1e-12 {
		return 1
	}
	return (po - pe) / (1 - pe)
}

// cohen returns Cohen's kappa of a k1×k1 confusion matrix (index k1−1 is
// O); restricted leaves out the code points both raters left unlabelled.
// With no code point at all it is undefined when restricted, else empty.
func cohen(conf []float64, k1 int, restricted bool, empty float64) float64 {
	o := k1 - 1
	total, diag := 0.0, 0.0
	row := make([]float64, k1)
	col := make([]float64, k1)
	for i := 0; i < k1; i++ {
		for j := 0; j < k1; j++ {
			c := conf[i*k1+j]
			if restricted && i == o && j == o {
				continue
			}
			total += c
			row[i] += c
			col[j] += c
			if i == j {
				diag += c
			}
		}
	}
	if total == 0 {
		if restricted {
			return undefined
		}
		return empty
	}
	pe := 0.0
	for i := range row {
		pe += row[i] * col[i]
	}
	return kappaOf(diag/total, pe/(total*total))
}

// binaryKappa returns Cohen's kappa of label l against every other
// category (O included), undefined when neither rater used l.
func binaryKappa(conf []float64, k1, l int, restricted bool) float64 {
	o := k1 - 1
	var a, row, col, total float64
	for i := 0; i < k1; i++ {
		for j := 0; j < k1; j++ {
			c := conf[i*k1+j]
			if restricted && i == o && j == o {
				continue
			}
			total += c
			if i == l {
				row += c
			}
			if j == l {
				col += c
			}
			if i == l && j == l {
				a += c
			}
		}
	}
	if row == 0 && col == 0 || total == 0 {
		return undefined
	}
	po := (total - row - col + 2*a) / total
	p1, p2 := row/total, col/total
	pe := p1*p2 + (1-p1)*(1-p2)
	return kappaOf(po, pe)
}
