package ui

import (
	"fmt"
	"strings"
	"testing"
)

func TestTrimMessages(t *testing.T) {
	msgs := func(kinds string) []Message {
		var out []Message
		for i, k := range kinds {
			kind := map[rune]string{'i': "info", 'e': "error", 's': "warn"}[k]
			out = append(out, Message{ID: i, Kind: kind, Sticky: k == 's'})
		}
		return out
	}
	ids := func(ms []Message) string {
		var b strings.Builder
		for _, m := range ms {
			fmt.Fprintf(&b, "%d,", m.ID)
		}
		return b.String()
	}
	for _, c := range []struct {
		in, want string
	}{
		{"iii", "0,1,2,"},
		{"iiiiiiiii", "1,2,3,4,5,6,7,8,"},              // nine that fade: the oldest goes
		{"eeeeeeeeeeee", "0,1,2,3,4,5,6,7,8,9,10,11,"}, // errors all stay
		{"eiiiiiiiiis", "0,2,3,4,5,6,7,8,9,10,"},       // the oldest that fades goes, the error and the sticky stay
	} {
		if got := ids(trimMessages(msgs(c.in))); got != c.want {
			t.Errorf("trimMessages(%s) keeps %s, want %s", c.in, got, c.want)
		}
	}
	if n := len(trimMessages(msgs(strings.Repeat("e", 130)))); n != 100 {
		t.Errorf("130 errors: %d kept, want 100", n)
	}
}
