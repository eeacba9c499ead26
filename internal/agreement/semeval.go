package agreement

import (
	"fmt"

	"github.com/raqim/raqim/internal/corpus"
)

// Category is how a predicted span relates to the gold spans under one
// evaluation schema of SemEval-2013 task 9.1, as the Python library
// nervaluate counts them.
type Category uint8

// The match categories.
const (
	COR Category = iota // correct
	INC                 // incorrect
	PAR                 // partial
	MIS                 // missing: a gold span no predicted span matched
	SPU                 // spurious: a predicted span that matched no gold span
)

var categoryNames = [...]string{"COR", "INC", "PAR", "MIS", "SPU"}

func (c Category) String() string { return categoryNames[c] }

// MarshalText writes the category's name, such as "PAR".
func (c Category) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a category's name, as MarshalText writes it.
func (c *Category) UnmarshalText(b []byte) error {
	for i, n := range categoryNames {
		if n == string(b) {
			*c = Category(i)
			return nil
		}
	}
	return fmt.Errorf("unknown match category %q", b)
}

// Schema is one of nervaluate's four ways of comparing a predicted span
// with a gold span.
type Schema uint8

// The evaluation schemas.
const (
	Strict  Schema = iota // same extent and same label
	Exact                 // same extent, any label
	Partial               // overlapping extent, any label (partly right counts half)
	EntType               // overlapping extent and same label
)

// Schemas lists the schemas in report order.
var Schemas = []Schema{Strict, Exact, Partial, EntType}

var schemaNames = [...]string{"strict", "exact", "partial", "ent_type"}

func (s Schema) String() string { return schemaNames[s] }

// halves reports whether PAR counts half toward precision and recall
// (partial and ent_type) rather than nothing (strict and exact).
func (s Schema) halves() bool { return s == Partial || s == EntType }

// Match is one outcome of comparing a predicted layer with a gold layer:
// a gold span and a predicted span that overlap (or share an extent), a
// gold span alone (MIS) or a predicted span alone (SPU), with its category
// under each schema. Gold and Pred index the layers' span lists, -1 when
// absent.
type Match struct {
	Gold, Pred int
	Cat        [4]Category // indexed by Schema
}

// label returns the label a match is counted under per label: the gold
// span's, or for a spurious span the predicted span's.
func (m *Match) label(gold, pred []corpus.Span) corpus.Label {
	if m.Gold >= 0 {
		return gold[m.Gold].Label
	}
	return pred[m.Pred].Label
}

var (
	allCOR    = [4]Category{COR, COR, COR, COR}
	allSPU    = [4]Category{SPU, SPU, SPU, SPU}
	allMIS    = [4]Category{MIS, MIS, MIS, MIS}
	otherType = [4]Category{Strict: INC, Exact: COR, Partial: COR, EntType: INC} // same extent, other label
	sameType  = [4]Category{Strict: INC, Exact: INC, Partial: PAR, EntType: COR} // overlap, same label
	bothWrong = [4]Category{Strict: INC, Exact: INC, Partial: PAR, EntType: INC} // overlap, other label
)

// kinds are the kinds of match compare makes, allCOR first; a match's
// categories under the four schemas are those of its kind.
var kinds = [...][4]Category{allCOR, otherType, sameType, bothWrong, allMIS, allSPU}

// kindOf returns the index in kinds of a match's categories.
func kindOf(cat [4]Category) int {
	for i, c := range kinds {
		if c == cat {
			return i
		}
	}
	panic(fmt.Sprintf("agreement: no kind of match has the categories %v", cat))
}

// compare classifies pred against gold exactly as nervaluate's
// compute_metrics does (the SemEval-2013 algorithm of nervaluate up to
// 0.3): predicted spans in order; one equal to a gold span (extent and
// label) is COR under every schema; otherwise each gold span it overlaps
// and that no earlier predicted span took is counted against it (a gold
// span of the same extent but another label ends the search), and one that
// takes none is SPU; gold spans no predicted span took are MIS. Both layers
// must be sorted and free of overlaps, which makes each predicted span
// look only at the gold spans it overlaps. emit gets each match in that
// order, MIS last.
func compare(gold, pred []corpus.Span, taken []bool, emit func(Match)) {
	clear(taken)
	lo := 0
	for pi, p := range pred {
		for lo < len(gold) && gold[lo].End <= p.Start {
			lo++
		}
		equal := -1
		for gi := lo; gi < len(gold) && gold[gi].Start < p.End; gi++ {
			if g := gold[gi]; g.Start == p.Start && g.End == p.End && g.Label == p.Label {
				equal = gi
				break
			}
		}
		if equal >= 0 {
			taken[equal] = true
			emit(Match{Gold: equal, Pred: pi, Cat: allCOR})
			continue
		}
		found := false
		for gi := lo; gi < len(gold) && gold[gi].Start < p.End; gi++ {
			g := gold[gi]
			if g.Start == p.Start && g.End == p.End {
				taken[gi] = true
				found = true
				emit(Match{Gold: gi, Pred: pi, Cat: otherType})
				break
			}
			if taken[gi] {
				continue
			}
			taken[gi] = true
			found = true
			if g.Label == p.Label {
				emit(Match{Gold: gi, Pred: pi, Cat: sameType})
			} else {
				emit(Match{Gold: gi, Pred: pi, Cat: bothWrong})
			}
		}
		if !found {
			emit(Match{Gold: -1, Pred: pi, Cat: allSPU})
		}
	}
	for gi := range gold {
		if !taken[gi] {
			emit(Match{Gold: gi, Pred: -1, Cat: allMIS})
		}
	}
}

// Counts are the numbers of matches in each category under one schema.
type Counts struct {
	COR, INC, PAR, MIS, SPU int
}

// Possible is the number of gold spans that count: COR+INC+PAR+MIS.
func (c Counts) Possible() int { return c.COR + c.INC + c.PAR + c.MIS }

// Actual is the number of predictions that count: COR+INC+PAR+SPU.
func (c Counts) Actual() int { return c.COR + c.INC + c.PAR + c.SPU }

// PRF returns precision, recall and F1 under schema s as nervaluate
// computes them: COR (plus half of PAR for partial and ent_type) over
// Actual and over Possible, 0 where the denominator is 0, and their
// harmonic mean. When both layers are empty (nothing possible, nothing
// actual) all three are 1: identical layers agree fully.
func (c Counts) PRF(s Schema) (p, r, f float64) {
	pos, act := c.Possible(), c.Actual()
	if pos == 0 && act == 0 {
		return 1, 1, 1
	}
	return prf(float64(c.COR), float64(c.PAR), float64(pos), float64(act), s.halves())
}

func prf(cor, par, pos, act float64, halves bool) (p, r, f float64) {
	num := cor
	if halves {
		num += 0.5 * par
	}
	if act > 0 {
		p = num / act
	}
	if pos > 0 {
		r = num / pos
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
