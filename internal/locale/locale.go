// Package locale gives the interface its two languages: message catalogs in
// Arabic and English (golang.org/x/text/message), the choice of language and
// of digits, and the translation of errors that carry a message key.
//
// A message's key is its English text, a fmt format; the Arabic catalog maps
// every key to its translation, and plural messages have the forms of each
// language's plural rules (Arabic has six). Printers isolate the strings
// they put into an Arabic message (file names, titles, labels) with U+2068
// and U+2069, so that Latin text and digits among Arabic keep their order.
package locale

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Lang is a language of the interface.
type Lang string

// The languages of the interface.
const (
	Arabic  Lang = "ar"
	English Lang = "en"
)

// Dir returns the direction l is written in: "rtl" or "ltr".
func (l Lang) Dir() string {
	if l == Arabic {
		return "rtl"
	}
	return "ltr"
}

// Digits names the digits the interface writes numbers with; document text
// is never changed.
type Digits string

// The digits of the interface.
const (
	Western     Digits = "latn" // 0123456789
	ArabicIndic Digits = "arab" // ٠١٢٣٤٥٦٧٨٩
)

// Settings are the user's choice of language and digits.
type Settings struct {
	Lang   Lang   `json:"lang"`
	Digits Digits `json:"digits"`
}

// Default returns the settings for a browser whose preferred languages are
// prefs (BCP 47 tags, most preferred first): Arabic or English, whichever
// comes first, English when neither does, with Western digits.
func Default(prefs []string) Settings {
	return Settings{Lang: match(prefs), Digits: Western}
}

// match returns the language of the interface that best serves prefs.
func match(prefs []string) Lang {
	for _, p := range prefs {
		tag, err := language.Parse(p)
		if err != nil {
			continue
		}
		if base, _ := tag.Base(); base.String() == "ar" {
			return Arabic
		}
		if base, _ := tag.Base(); base.String() == "en" {
			return English
		}
	}
	return English
}

// Valid returns s with unknown fields replaced by the defaults.
func (s Settings) Valid() Settings {
	if s.Lang != Arabic && s.Lang != English {
		s.Lang = English
	}
	if s.Digits != Western && s.Digits != ArabicIndic {
		s.Digits = Western
	}
	return s
}

// Printer writes messages in one language with one kind of digits. It is
// safe for concurrent use.
type Printer struct {
	s Settings
	p *message.Printer

	mu    sync.Mutex
	plain map[string]string // messages written, by memoKey
}

var (
	mu       sync.Mutex
	printers = map[Settings]*Printer{}
)

// New returns the printer for s.
func New(s Settings) *Printer {
	s = s.Valid()
	mu.Lock()
	defer mu.Unlock()
	if p := printers[s]; p != nil {
		return p
	}
	tag := language.MustParse(string(s.Lang) + "-u-nu-" + string(s.Digits))
	p := &Printer{s: s, p: message.NewPrinter(tag, message.Catalog(cat)), plain: map[string]string{}}
	printers[s] = p
	return p
}

// Key marks s as a message key that is translated where it is shown, by a
// call to T with s; it returns s.
func Key(s string) string { return s }

// Settings returns the printer's settings.
func (p *Printer) Settings() Settings { return p.s }

// Lang returns the printer's language.
func (p *Printer) Lang() Lang { return p.s.Lang }

// Dir returns the direction of the printer's language: "rtl" or "ltr".
func (p *Printer) Dir() string { return p.s.Lang.Dir() }

// T returns the message key in the printer's language, with args put in
// for its verbs: integers under %d in the chosen digits (no grouping),
// errors translated (see Error), strings isolated in Arabic.
func (p *Printer) T(key string, args ...any) string {
	// The interface's words are written on every render, and the list's
	// counts for every entry drawn: a message whose arguments are only
	// integers and strings is formatted once and kept (up to a bound).
	memo, ok := memoKey(key, args)
	if !ok {
		return p.p.Sprintf(key, p.prepare(key, args)...)
	}
	p.mu.Lock()
	msg, ok := p.plain[memo]
	p.mu.Unlock()
	if ok {
		return msg
	}
	msg = p.p.Sprintf(key, p.prepare(key, args)...)
	p.mu.Lock()
	if len(p.plain) >= maxMemo {
		clear(p.plain)
	}
	p.plain[memo] = msg
	p.mu.Unlock()
	return msg
}

// maxMemo bounds how many messages a printer keeps.
const maxMemo = 4096

// memoKey returns the key under which T keeps the message key with args,
// and false when an argument is other than an int or a string.
func memoKey(key string, args []any) (string, bool) {
	if len(args) == 0 {
		return key, true
	}
	b := []byte(key)
	for _, a := range args {
		switch v := a.(type) {
		case int:
			b = append(b, 0, 'i')
			b = strconv.AppendInt(b, int64(v), 10)
		case string:
			b = append(b, 0, 's')
			b = strconv.AppendInt(b, int64(len(v)), 10)
			b = append(append(b, ':'), v...)
		case Text:
			b = append(b, 0, 't')
			b = strconv.AppendInt(b, int64(len(v)), 10)
			b = append(append(b, ':'), v...)
		default:
			return "", false
		}
	}
	return string(b), true
}

// N writes the integer n in the printer's digits.
func (p *Printer) N(n int) string {
	return p.p.Sprint(number.Decimal(n, number.NoSeparator()))
}

// F writes x rounded to prec decimals in the printer's digits and decimal
// separator.
func (p *Printer) F(x float64, prec int) string {
	return p.p.Sprint(number.Decimal(x, number.Scale(prec), number.NoSeparator()))
}

// Keyed is an error whose message can be translated: its key, one of the
// catalog's, and the values of the key's verbs.
type Keyed interface {
	error
	MessageKey() (key string, args []any)
}

// Placed is an error found at a line of a file.
type Placed interface {
	error
	Place() (file string, line int, err error)
}

// Error returns err's message in the printer's language: a Placed error
// names its file and line, a Keyed one is translated, and any other is
// given as it is (in English). Only err itself is looked at, not the
// errors it wraps, whose messages are part of its own.
func (p *Printer) Error(err error) string {
	if err == nil {
		return ""
	}
	if pl, ok := err.(Placed); ok {
		if file, line, inner := pl.Place(); file != "" {
			return p.placed(file, line, inner)
		}
	}
	if k, ok := err.(Keyed); ok {
		key, args := k.MessageKey()
		return p.T(key, args...)
	}
	return err.Error()
}

// placed returns the message of inner, found at line (0: none) of file.
func (p *Printer) placed(file string, line int, inner error) string {
	if p.s.Lang == English {
		// As the errors write themselves, so that a file:line stays
		// one string to search for.
		if line > 0 {
			return fmt.Sprintf("%s:%d: %s", file, line, p.Error(inner))
		}
		return fmt.Sprintf("%s: %s", file, p.Error(inner))
	}
	if line > 0 {
		return p.T("%s, line %d: %s", file, line, Text(p.Error(inner)))
	}
	return p.T("%s: %s", file, Text(p.Error(inner)))
}

// Text is a message already in the printer's language, which T puts into
// another one as it is.
type Text string

// isolated formats a value between U+2068 FIRST STRONG ISOLATE and U+2069
// POP DIRECTIONAL ISOLATE.
type isolated struct{ v any }

func (i isolated) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "\u2068%"+string(verb)+"\u2069", i.v)
}

// prepare returns args as T puts them into key.
func (p *Printer) prepare(key string, args []any) []any {
	if len(args) == 0 {
		return args
	}
	verbs := verbsOf(key)
	out := make([]any, len(args))
	for i, a := range args {
		verb := rune(0)
		if i < len(verbs) {
			verb = verbs[i]
		}
		switch v := a.(type) {
		case Text:
			out[i] = string(v)
			continue
		case error:
			a = p.Error(v) // then put in as any string is
		}
		rv := reflect.ValueOf(a)
		switch {
		case !rv.IsValid():
			out[i] = a
		case verb == 'd' && rv.CanInt():
			out[i] = number.Decimal(rv.Int(), number.NoSeparator())
		case verb == 'd' && rv.CanUint():
			out[i] = number.Decimal(rv.Uint(), number.NoSeparator())
		case rv.Kind() == reflect.String && p.s.Lang == Arabic:
			out[i] = isolated{rv.String()}
		default:
			out[i] = a
		}
	}
	return out
}

// verbsOf returns the verbs of the fmt format key, in the order of the
// arguments they take (%% takes none).
func verbsOf(key string) []rune {
	var verbs []rune
	for i := 0; i < len(key); i++ {
		if key[i] != '%' {
			continue
		}
		i++
		for i < len(key) && isFlag(key[i]) {
			i++
		}
		if i < len(key) && key[i] != '%' {
			verbs = append(verbs, rune(key[i]))
		}
	}
	return verbs
}

func isFlag(c byte) bool {
	return c == '+' || c == '-' || c == '#' || c == ' ' || c == '0' || (c >= '1' && c <= '9') || c == '.'
}
