package locale

import (
	"fmt"
	"maps"
	"slices"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// Forms are a plural message's forms, chosen by CLDR's plural rules: English
// uses One and Other, Arabic all six. Each is a fmt format with the same
// verbs as the key, except that a form may leave the count out ("وثيقتان").
type Forms struct {
	Zero, One, Two, Few, Many, Other string
}

// Plural is a message whose wording depends on a count.
type Plural struct {
	Arg    int // the 1-based index of the count among the arguments
	En, Ar Forms
}

// tables are the Arabic translations of the simple messages, by key; each
// part of the app keeps its own (see ui.go, formats.go, errors.go).
var tables = []map[string]string{uiArabic, formatArabic, errorArabic, cardArabic, layerArabic, goldArabic, curationArabic, taggerArabic, goldExportArabic, sourcesArabic}

// plurals are the plural messages, by key.
var plurals = []map[string]Plural{uiPlurals, curationPlurals, taggerPlurals}

var cat = build()

func build() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, t := range tables {
		for key, ar := range t {
			if err := b.SetString(language.Arabic, key, ar); err != nil {
				panic(fmt.Sprintf("locale: %q: %v", key, err))
			}
		}
	}
	for _, t := range plurals {
		for key, pl := range t {
			must(key, b.Set(language.English, key, pl.En.selectf(pl.Arg)))
			must(key, b.Set(language.Arabic, key, pl.Ar.selectf(pl.Arg)))
		}
	}
	return b
}

func must(key string, err error) {
	if err != nil {
		panic(fmt.Sprintf("locale: %q: %v", key, err))
	}
}

func (f Forms) selectf(arg int) catalog.Message {
	var cases []any
	for _, c := range []struct{ name, text string }{
		{"zero", f.Zero}, {"one", f.One}, {"two", f.Two}, {"few", f.Few}, {"many", f.Many}, {"other", f.Other},
	} {
		if c.text != "" {
			cases = append(cases, c.name, c.text)
		}
	}
	return plural.Selectf(arg, "%d", cases...)
}

// keys returns the key of every message of the catalog, sorted.
func keys() []string {
	var keys []string
	for _, t := range tables {
		keys = slices.AppendSeq(keys, maps.Keys(t))
	}
	for _, t := range plurals {
		keys = slices.AppendSeq(keys, maps.Keys(t))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// arabicOf returns the Arabic of the simple message key, and whether the
// catalog has it.
func arabicOf(key string) (string, bool) {
	for _, t := range tables {
		if ar, ok := t[key]; ok {
			return ar, true
		}
	}
	return "", false
}

// pluralOf returns the plural message key, and whether the catalog has it.
func pluralOf(key string) (Plural, bool) {
	for _, t := range plurals {
		if pl, ok := t[key]; ok {
			return pl, true
		}
	}
	return Plural{}, false
}

// Error is an error whose message is a catalog key and the values of its
// verbs. Its Error method writes the message in English; errors.Is sees the
// errors among its arguments, and the error given to Wrap.
type Error struct {
	Key  string
	Args []any
	is   error
}

// Errorf returns the error key with args.
func Errorf(key string, args ...any) *Error { return &Error{Key: key, Args: args} }

// Wrap returns the error key with args, which errors.Is takes for target.
func Wrap(target error, key string, args ...any) *Error {
	return &Error{Key: key, Args: args, is: target}
}

func (e *Error) Error() string { return fmt.Sprintf(e.Key, e.Args...) }

// MessageKey returns the error's key and arguments.
func (e *Error) MessageKey() (string, []any) { return e.Key, e.Args }

// Unwrap returns the errors among e's arguments.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, a := range e.Args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	if e.is != nil {
		errs = append(errs, e.is)
	}
	return errs
}

var _ Keyed = (*Error)(nil)
