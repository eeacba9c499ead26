package format

import (
	"errors"
	"io"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
)

// TestErrorText checks the English text of errors: the message rendered
// from its key and arguments, after the file and the line when there are.
func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{Errorf("a.jsonl", 3, "duplicate id %q: also used on line %d", "x", 1), `a.jsonl:3: duplicate id "x": also used on line 1`},
		{Errorf("a.txt", 0, "the file has no text: it is empty or only whitespace"), "a.txt: the file has no text: it is empty or only whitespace"},
		{Msg("tag %q has prefix %q; want B-, I-, E- or S- (or O)", "X-Y", "X"), `tag "X-Y" has prefix "X"; want B-, I-, E- or S- (or O)`},
		{At("b.conll", 4, Msg("empty label")), "b.conll:4: empty label"},
		{At("b.conll", 4, io.ErrUnexpectedEOF), "b.conll:4: unexpected EOF"},
		{At("other.json", 9, Errorf("x.zip/a.json", 2, "empty label")), "x.zip/a.json:2: empty label"},
		{Errorf("x.zip", 0, "not a readable zip: %v", errors.New("zip: not a valid zip file")), "x.zip: not a readable zip: zip: not a valid zip file"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

// TestErrorAs checks what errors.As and errors.Is find in an Error: itself
// with its key, a *corpus.FileError naming the same place, and the errors
// among its arguments.
func TestErrorAs(t *testing.T) {
	u := &UnknownLabelsError{File: "a.conll"}
	u.Add("GPE", 2)
	for _, err := range []error{
		Errorf("a.conll", 2, "reading the file: %v", io.ErrUnexpectedEOF),
		At("a.conll", 2, Msg("reading the file: %v", io.ErrUnexpectedEOF)),
	} {
		var e *Error
		if !errors.As(err, &e) || e.Key != "reading the file: %v" || len(e.Args) != 1 || e.File != "a.conll" || e.Line != 2 {
			t.Errorf("As *Error: %#v", e)
		}
		var fe *corpus.FileError
		if !errors.As(err, &fe) || fe.File != "a.conll" || fe.Line != 2 || fe.Error() != err.Error() {
			t.Errorf("As *corpus.FileError: %v", fe)
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) || !errors.Is(fe, io.ErrUnexpectedEOF) {
			t.Errorf("%v does not wrap its cause", err)
		}
	}
	var fe *corpus.FileError
	if errors.As(Msg("empty label"), &fe) {
		t.Error("a message in no file is a *corpus.FileError")
	}
	var got *UnknownLabelsError
	if err := u.Placed(); !errors.As(err, &got) || !errors.As(err, &fe) || !errors.As(fe, &got) || got != u {
		t.Errorf("placed unknown labels: %v", err)
	}
}
