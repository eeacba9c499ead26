package agreement

import (
	"errors"
	"reflect"
	"testing"
)

// TestBootstrapShare checks that a bootstrap whose second half is computed
// by ComputeShare (as another worker would) gives the report computed in
// one piece, and so does one whose share fails, is declined or gives a
// wrong number of figures (computed here after all).
func TestBootstrapShare(t *testing.T) {
	c := synthetic(300, 10) // 300 documents × 1,000 resamples: shared
	whole, err := Agree(c, Options{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	shared := 0
	for _, tc := range []struct {
		name  string
		share func([]byte) (func() ([]byte, error), bool)
	}{
		{"computed elsewhere", func(b []byte) (func() ([]byte, error), bool) {
			shared++
			out, err := ComputeShare(b)
			return func() ([]byte, error) { return out, err }, true
		}},
		{"failed", func(b []byte) (func() ([]byte, error), bool) {
			return func() ([]byte, error) { return nil, errors.New("the worker died") }, true
		}},
		{"declined", func(b []byte) (func() ([]byte, error), bool) { return nil, false }},
		{"short", func(b []byte) (func() ([]byte, error), bool) {
			out, err := ComputeShare(b)
			return func() ([]byte, error) { return out[:len(out)-8], err }, true
		}},
	} {
		got, err := Agree(c, Options{Seed: 7, Share: tc.share})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, whole) {
			t.Errorf("%s: the report differs from the one computed in one piece", tc.name)
		}
	}
	if shared != 1 {
		t.Errorf("the share was offered %d times, want 1", shared)
	}
	// Scoring shares its bootstrap too.
	s1, _ := Score(c, 0, 1, Options{Seed: 7})
	s2, _ := Score(c, 0, 1, Options{Seed: 7, Share: func(b []byte) (func() ([]byte, error), bool) {
		shared++
		out, err := ComputeShare(b)
		return func() ([]byte, error) { return out, err }, true
	}})
	if shared != 2 || !reflect.DeepEqual(s1, s2) {
		t.Errorf("scoring: shared %d times, reports equal %v", shared-1, reflect.DeepEqual(s1, s2))
	}
	// A small corpus is not worth a share.
	if _, err := Agree(synthetic(20, 5), Options{Share: func([]byte) (func() ([]byte, error), bool) {
		t.Error("a bootstrap of 20 documents was shared")
		return nil, false
	}}); err != nil {
		t.Fatal(err)
	}
}

// TestComputeShareRefusesDamage gives ComputeShare every prefix of a share
// and shares with a byte changed: each is refused or computed, never a
// panic or an index out of range.
func TestComputeShareRefusesDamage(t *testing.T) {
	var got []byte
	Agree(synthetic(300, 2), Options{Share: func(b []byte) (func() ([]byte, error), bool) {
		got = b
		return nil, false
	}})
	if got == nil {
		t.Fatal("no share was offered")
	}
	if _, err := ComputeShare(got); err != nil {
		t.Fatalf("the share as made: %v", err)
	}
	for n := 0; n < len(got); n += 1 + n/50 {
		if _, err := ComputeShare(got[:n]); err == nil {
			t.Errorf("a share cut to %d of %d bytes was computed", n, len(got))
		}
	}
	for i := 0; i < len(got); i += 1 + i/20 {
		bad := append([]byte(nil), got...)
		bad[i] ^= 0xA5
		ComputeShare(bad) // refused or computed; a panic fails the test
	}
}
