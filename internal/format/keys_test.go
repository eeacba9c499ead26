package format

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// codeDirs are the packages of the format code, whose error keys Keys lists.
var codeDirs = []string{".", "../jsonl", "../conll", "../hf", "../brat", "../labelstudio", "../dataset", "../importer"}

// TestKeys checks that Keys lists exactly the keys of the errors and notes
// made in the format code, and that each is a string literal there: the
// keys of the calls Errorf(file, line, key, …) and Msg(key, …) of this
// package, Builder.Errorf(line, key, …), Builder.Note(kind, line, key, …)
// (whose kind is a key too, shown in the count of the notes of a kind),
// and the helpers named errorf(key, …); a helper hands its own key on as
// key, args....
func TestKeys(t *testing.T) {
	found := map[string]string{} // key → where first
	fset := token.NewFileSet()
	for _, dir := range codeDirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", dir, err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				for _, at := range keyArgs(call, f.Name.Name == "format") {
					pos := fset.Position(call.Pos()).String()
					if at >= len(call.Args) {
						t.Errorf("%s: a call without its key", pos)
						continue
					}
					if id, ok := call.Args[at].(*ast.Ident); ok && id.Name == "key" && call.Ellipsis.IsValid() {
						continue // a helper handing its own key on
					}
					key, ok := keyOf(call.Args[at])
					if !ok {
						t.Errorf("%s: the key is not a string literal", pos)
						continue
					}
					if _, seen := found[key]; !seen {
						found[key] = pos
					}
				}
				return true
			})
		}
	}
	listed := map[string]bool{}
	for _, k := range Keys() {
		listed[k] = true
		if _, ok := found[k]; !ok {
			t.Errorf("Keys lists %q, which no code makes", k)
		}
	}
	var missing []string
	for k, pos := range found {
		if !listed[k] {
			missing = append(missing, strconv.Quote(k)+", // "+pos)
		}
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Errorf("Keys lacks %s", m)
	}
}

// keyArgs returns the positions of the keys among the arguments of call,
// none when call makes no format error or note; inFormat says the call is
// made in this package, which calls its own functions unqualified.
func keyArgs(call *ast.CallExpr, inFormat bool) []int {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		switch {
		case fn.Name == "errorf", inFormat && fn.Name == "Msg":
			return []int{0}
		case inFormat && fn.Name == "Errorf":
			return []int{2}
		}
	case *ast.SelectorExpr:
		x, _ := fn.X.(*ast.Ident)
		switch {
		case x != nil && x.Name == "format" && fn.Sel.Name == "Msg":
			return []int{0}
		case x != nil && x.Name == "format" && fn.Sel.Name == "Errorf":
			return []int{2}
		case x != nil && (x.Name == "fmt" || x.Name == "t" || x.Name == "locale"):
		case fn.Sel.Name == "Errorf": // Builder.Errorf
			return []int{1}
		case fn.Sel.Name == "Note": // Builder.Note: its kind and its key
			return []int{0, 2}
		}
	}
	return nil
}

// keyOf returns the key an argument gives: a string literal, or Cause.
func keyOf(arg ast.Expr) (string, bool) {
	switch a := arg.(type) {
	case *ast.BasicLit:
		if a.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(a.Value)
		return s, err == nil
	case *ast.Ident:
		return Cause, a.Name == "Cause"
	case *ast.SelectorExpr:
		return Cause, a.Sel.Name == "Cause"
	}
	return "", false
}
