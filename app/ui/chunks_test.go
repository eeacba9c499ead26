package ui

import (
	"slices"
	"testing"
)

// TestNear checks which chunks of the document list stay drawn when one
// comes into view: it, and those drawn within docsKept of it.
func TestNear(t *testing.T) {
	on := func(n int, idx ...int) []bool {
		out := make([]bool, n)
		for _, i := range idx {
			out[i] = true
		}
		return out
	}
	tests := []struct {
		name  string
		shown []bool
		i     int
		want  []bool
	}{
		{"a jump to the end", on(20, 0, 1), 19, on(20, 19)},
		{"scrolling on", on(20, 0, 1, 2, 3, 4), 5, on(20, 1, 2, 3, 4, 5)},
		{"back to the top", on(20, 14, 15, 19), 0, on(20, 0)},
		{"undrawn chunks stay undrawn", on(20, 3), 4, on(20, 3, 4)},
	}
	for _, tt := range tests {
		if got := near(tt.shown, tt.i); !slices.Equal(got, tt.want) {
			t.Errorf("%s: near(%v, %d) = %v, want %v", tt.name, tt.shown, tt.i, got, tt.want)
		}
	}
}
