package format

import (
	"errors"
	"fmt"
	"slices"

	"github.com/raqim/raqim/internal/corpus"
)

// Error is a problem found in a file: where it is, and what, as a message
// key with the values of its verbs, so that the message can be translated.
// Its Error method renders the message in English.
//
// An Error is also a *corpus.FileError to errors.As, when it names a file.
type Error struct {
	File string // the file as the user knows it; "" until the error is placed (see At)
	Line int    // 1-based; 0 when the problem is not on one line
	// Key is the message in English, a fmt format: one of Keys().
	Key string
	// Args are the values of Key's verbs; errors among them are this
	// error's causes (Unwrap).
	Args []any
}

// Cause is the key under which an error from outside the format code (a
// read that failed, a check of package corpus) is placed in a file.
const Cause = "%v"

// Errorf returns the Error key with args at line (0 for none) of file.
func Errorf(file string, line int, key string, args ...any) *Error {
	return &Error{File: file, Line: line, Key: key, Args: args}
}

// Msg returns the Error key with args, in no file yet: At places it.
func Msg(key string, args ...any) *Error {
	return &Error{Key: key, Args: args}
}

// At returns err placed at line of file: an error that names a file already
// is returned as it is, an *Error that names none is given file and line,
// any other error is wrapped under the key Cause.
func At(file string, line int, err error) error {
	if err == nil {
		return nil
	}
	if e, ok := err.(*Error); ok && e.File == "" {
		placed := *e
		placed.File, placed.Line = file, line
		return &placed
	}
	var fe *corpus.FileError
	if errors.As(err, &fe) {
		return err
	}
	return Errorf(file, line, Cause, err)
}

// Message returns the message alone, in English, without the file and line.
func (e *Error) Message() string { return fmt.Sprintf(e.Key, e.Args...) }

func (e *Error) Error() string {
	switch {
	case e.File == "":
		return e.Message()
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message())
	}
	return e.File + ": " + e.Message()
}

// MessageKey returns the message's key and the values of its verbs, for
// its translation.
func (e *Error) MessageKey() (string, []any) { return e.Key, e.Args }

// Place returns the file and line e names and e's message without them;
// file is "" when e names none.
func (e *Error) Place() (file string, line int, msg error) {
	return e.File, e.Line, &Error{Key: e.Key, Args: e.Args}
}

// Unwrap returns the errors among e's arguments.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// As makes an Error that names a file a *corpus.FileError, whose Err is
// the message in no file, for code that asks errors.As for one.
func (e *Error) As(target any) bool {
	t, ok := target.(**corpus.FileError)
	if !ok || e.File == "" {
		return false
	}
	*t = &corpus.FileError{File: e.File, Line: e.Line, Err: &Error{Key: e.Key, Args: e.Args}}
	return true
}

// Keys returns every key of the errors and notes the format code makes, and
// the kinds of its notes, sorted: a catalog of translations needs one for
// each.
func Keys() []string {
	k := slices.Clone(keys)
	slices.Sort(k)
	return slices.Compact(k)
}
