package job

import (
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// Rollback removes from st the documents that an import failing with err
// had stored, so that the import leaves storage as it found it; it returns
// err, saying too when they could not be removed, and whether they were.
func Rollback(st store.Store, stored []string, err error) (error, bool) {
	if len(stored) == 0 {
		return err, false
	}
	if derr := st.Delete(stored...); derr != nil {
		return locale.Errorf("%v; and %d documents stored before it could not be removed: %v", err, len(stored), derr), false
	}
	return err, true
}
