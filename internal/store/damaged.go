package store

import (
	"errors"

	"github.com/raqim/raqim/internal/corpus"
)

// SkipDamaged returns st with a List that lists the readable documents
// when some stored records are damaged, handing the *DamagedError to told
// instead of failing: one damaged record must not stop imports, exports
// or the document list.
func SkipDamaged(st Store, told func(*DamagedError)) Store {
	return &skipDamaged{Store: st, told: told}
}

type skipDamaged struct {
	Store
	told func(*DamagedError)
}

func (s *skipDamaged) List() ([]corpus.Summary, error) {
	sums, err := s.Store.List()
	var d *DamagedError
	if errors.As(err, &d) {
		if s.told != nil {
			s.told(d)
		}
		return sums, nil
	}
	return sums, err
}
