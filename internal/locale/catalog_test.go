package locale_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/locale"
)

// codeKeys returns every message key written as a string literal in the
// project's code (tests left out): the first argument of a call to a method
// or function named T, Errorf or Wrap (after its target) of package locale
// or of a printer, and of locale.Key, by the file and line it is on.
func codeKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	fset := token.NewFileSet()
	for _, dir := range []string{"../../app", "../../internal", "../../wasm"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				at := -1
				switch sel.Sel.Name {
				case "T", "fail": // the UI's fail(key, args…) shows T(key, args…)
					at = 0
				case "Errorf", "Wrap", "Key":
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "locale" {
						at = map[string]int{"Errorf": 0, "Wrap": 1, "Key": 0}[sel.Sel.Name]
					}
				}
				if at < 0 || len(call.Args) <= at {
					return true
				}
				if lit, ok := call.Args[at].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					key, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Errorf("%s: %v", fset.Position(lit.Pos()), err)
					}
					keys[key] = fset.Position(lit.Pos()).String()
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

// TestEveryKeyHasBothLanguages checks that every message the code writes,
// and every error key of the file formats, has its Arabic (English is the
// key itself; a plural message has its English forms too).
func TestEveryKeyHasBothLanguages(t *testing.T) {
	keys := codeKeys(t)
	if len(keys) < 50 {
		t.Fatalf("found %d message keys in the code; the scan is broken", len(keys))
	}
	for _, k := range format.Keys() {
		keys[k] = "format.Keys"
	}
	for key, where := range keys {
		if _, ok := locale.ArabicOf(key); ok {
			continue
		}
		pl, ok := locale.PluralOf(key)
		if !ok {
			t.Errorf("%s: %q has no Arabic", where, key)
			continue
		}
		if pl.En.One == "" || pl.En.Other == "" || pl.Ar.Zero == "" || pl.Ar.One == "" || pl.Ar.Two == "" || pl.Ar.Few == "" || pl.Ar.Many == "" || pl.Ar.Other == "" {
			t.Errorf("%s: plural %q lacks a form: %+v", where, key, pl)
		}
	}
	// And the catalog holds no message nothing writes.
	for _, k := range locale.Keys() {
		if _, ok := keys[k]; !ok {
			t.Errorf("the catalog has %q, which no code writes", k)
		}
	}
}

// TestVerbs checks that each translation takes the arguments its key
// takes, in the same order: a plural form may leave its count out.
func TestVerbs(t *testing.T) {
	for _, key := range locale.Keys() {
		want := locale.Verbs(key)
		if ar, ok := locale.ArabicOf(key); ok {
			if got := locale.Verbs(ar); !slices.Equal(got, want) {
				t.Errorf("%q: Arabic %q has verbs %q, want %q", key, ar, string(got), string(want))
			}
			continue
		}
		pl, _ := locale.PluralOf(key)
		if pl.Arg < 1 || pl.Arg > len(want) || want[pl.Arg-1] != 'd' {
			t.Errorf("%q: the count is argument %d, which is not a %%d", key, pl.Arg)
			continue
		}
		without := slices.Delete(slices.Clone(want), pl.Arg-1, pl.Arg)
		for _, f := range []string{pl.En.Zero, pl.En.One, pl.En.Two, pl.En.Few, pl.En.Many, pl.En.Other, pl.Ar.Zero, pl.Ar.One, pl.Ar.Two, pl.Ar.Few, pl.Ar.Many, pl.Ar.Other} {
			if f == "" {
				continue
			}
			// A form that leaves the count out must still place the other
			// arguments: explicit indexes are not used, so only a count
			// that comes last may be left out.
			got := locale.Verbs(f)
			if !slices.Equal(got, want) && !(pl.Arg == len(want) && slices.Equal(got, without)) {
				t.Errorf("%q: form %q has verbs %q, want %q", key, f, string(got), string(want))
			}
		}
	}
}
