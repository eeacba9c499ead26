package storetest

import (
	"bytes"
	"testing"

	"github.com/raqim/raqim/internal/store"
)

// testModels checks the model records: none at first, a put one read back
// whole (bytes of every value), replaced by the next put, kept apart from
// other names and from the documents, never aliased.
func testModels(t *testing.T, s store.Store) {
	if got, err := s.Model("tagger"); err != nil || got != nil {
		t.Fatalf("Model(tagger) of an empty store = %v, %v; want nil, nil", got, err)
	}
	data := make([]byte, 1<<16)
	for i := range data {
		data[i] = byte(i * 7)
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"tagger", data},
		{"tagger.report", []byte(`{"docs":4}`)},
		{"propagation", []byte{0}},
	} {
		if err := s.PutModel(tt.name, tt.data); err != nil {
			t.Fatalf("PutModel(%s): %v", tt.name, err)
		}
	}
	data[0] = 99 // the store holds a copy
	mustAdd(t, s, fixture("a"))
	for _, tt := range []struct {
		name string
		want []byte
	}{
		{"tagger", append([]byte{0}, data[1:]...)},
		{"tagger.report", []byte(`{"docs":4}`)},
		{"propagation", []byte{0}},
		{"missing", nil},
	} {
		got, err := s.Model(tt.name)
		if err != nil || !bytes.Equal(got, tt.want) || (tt.want == nil) != (got == nil) {
			t.Errorf("Model(%s) = %d bytes, %v; want %d bytes", tt.name, len(got), err, len(tt.want))
		}
		if len(got) > 0 {
			got[0] = 42 // not the store's
		}
	}
	if got, _ := s.Model("propagation"); !bytes.Equal(got, []byte{0}) {
		t.Errorf("Model(propagation) after changing a copy = %v", got)
	}
	if err := s.PutModel("tagger.report", []byte(`{"docs":9}`)); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Model("tagger.report"); string(got) != `{"docs":9}` {
		t.Errorf("Model(tagger.report) after a second put = %s", got)
	}
}
