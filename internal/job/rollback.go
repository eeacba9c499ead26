package job

import (
	"errors"

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

// RollbackLayers undoes the layers that an import failing with err had
// put: it deletes those of layered and puts back those of replaced, as
// they were; it returns err, saying too when that could not be done.
func RollbackLayers(st store.Store, layered []LayerRef, replaced []store.LayerPut, err error) error {
	var failed error
	for _, l := range layered {
		if derr := st.DeleteLayer(l.Doc, l.Name); derr != nil && !errors.Is(derr, store.ErrNoLayer) && !errors.Is(derr, store.ErrNotFound) {
			failed = derr
		}
	}
	if failed == nil && len(replaced) > 0 {
		failed = st.PutLayers(replaced)
	}
	if failed != nil {
		return locale.Errorf("%v; and the layers it put before it could not all be undone: %v", err, failed)
	}
	return err
}
