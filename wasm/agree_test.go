//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fixture layers of package agreement: three invented reports annotated
// three ways, written for the project.
const testdata = "../internal/agreement/testdata/"

func run(t *testing.T, verb func([]string, *bytes.Buffer, *bytes.Buffer) int, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := verb(args, &out, &errb)
	return code, out.String(), errb.String()
}

func agree(args []string, out, errb *bytes.Buffer) int { return runAgree(args, out, errb) }
func score(args []string, out, errb *bytes.Buffer) int { return runScore(args, out, errb) }

func near(t *testing.T, what string, got any, want float64) {
	t.Helper()
	f, ok := got.(float64)
	if !ok || math.Abs(f-want) > 1e-9 {
		t.Errorf("%s = %v, want %.12f", what, got, want)
	}
}

// obj walks a decoded JSON object by keys.
func obj(t *testing.T, v any, keys ...string) any {
	t.Helper()
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%v is not an object (looking for %q)", v, k)
		}
		if v, ok = m[k]; !ok {
			t.Fatalf("no key %q in %v", k, m)
		}
	}
	return v
}

// The JSON contract of agree on the fixture's a and b. Expected values:
// strict F1 8/14 and ACTOR 2/5, overlap 6/7, counted by hand (see package
// agreement's TestSpanF1Fixture); kappa_cp from sklearn 1.2.1
// cohen_kappa_score and fleiss_kappa_cp from statsmodels 0.13.5
// fleiss_kappa, both on the non-whitespace code-point labels.
func TestAgreeJSON(t *testing.T) {
	code, out, errs := run(t, agree, testdata+"a.jsonl", testdata+"b.jsonl", "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	near(t, "documents", r["documents"], 3)
	if got := obj(t, r, "layers").([]any); len(got) != 2 || got[0] != "a.jsonl" || got[1] != "b.jsonl" {
		t.Errorf("layers %v", got)
	}
	pairs := obj(t, r, "pairs").([]any)
	if len(pairs) != 1 {
		t.Fatalf("%d pairs", len(pairs))
	}
	p := pairs[0]
	if obj(t, p, "a") != "a.jsonl" || obj(t, p, "b") != "b.jsonl" {
		t.Errorf("pair %v / %v", obj(t, p, "a"), obj(t, p, "b"))
	}
	near(t, "strict.f1", obj(t, p, "strict", "f1"), 8.0/14)
	near(t, "strict.per_label.ACTOR.f1", obj(t, p, "strict", "per_label", "ACTOR", "f1"), 0.4)
	near(t, "overlap.f1", obj(t, p, "overlap", "f1"), 6.0/7)
	near(t, "kappa_cp", obj(t, p, "kappa_cp"), 0.804297102858254)
	near(t, "fleiss_kappa_cp", obj(t, r, "fleiss_kappa_cp"), 0.8041495390752316)
	if _, ok := obj(t, r, "alpha_u", "overall").(float64); !ok {
		t.Error("alpha_u.overall is not a number")
	}
	if per := obj(t, r, "alpha_u", "per_label").(map[string]any); len(per) != 4 {
		t.Errorf("alpha_u.per_label %v", per)
	}
	if errs != "" {
		t.Errorf("stderr %q", errs)
	}
}

func TestAgreeTables(t *testing.T) {
	// Flags may come first; three layers give three pairs.
	code, out, errs := run(t, agree, "-resamples", "50", testdata+"a.jsonl", testdata+"b.jsonl", testdata+"c.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"3 documents; layers a.jsonl, b.jsonl, c.jsonl; 95% intervals from 50 bootstrap resamples",
		"a.jsonl vs b.jsonl (7 and 7 spans)", "a.jsonl vs c.jsonl", "b.jsonl vs c.jsonl",
		"strict F1", "overlap F1", "kappa (code points)", "Fleiss' kappa", "unitizing alpha",
		"overall   0.571", // a/b strict F1 8/14
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// The JSON contract of score, c against a; the counts are those of
// package agreement's TestScoreFixture, counted by hand.
func TestScoreJSON(t *testing.T) {
	code, out, errs := run(t, score, testdata+"a.jsonl", testdata+"c.jsonl", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	near(t, "documents", r["documents"], 3)
	for schema, want := range map[string][5]float64{
		"strict": {4, 3, 0, 0, 1}, "exact": {5, 2, 0, 0, 1}, "partial": {5, 0, 2, 0, 1}, "ent_type": {6, 1, 0, 0, 1},
	} {
		for i, k := range []string{"cor", "inc", "par", "mis", "spu"} {
			near(t, schema+"."+k, obj(t, r, "schemas", schema, k), want[i])
		}
		for _, k := range []string{"precision", "recall", "f1"} {
			if _, ok := obj(t, r, "schemas", schema, k).(float64); !ok {
				t.Errorf("%s.%s is not a number", schema, k)
			}
		}
	}
	near(t, "strict.f1", obj(t, r, "schemas", "strict", "f1"), 8.0/15)
	near(t, "partial.precision", obj(t, r, "schemas", "partial", "precision"), 0.75)
	near(t, "strict.per_label.PLACE.spu", obj(t, r, "schemas", "strict", "per_label", "PLACE", "spu"), 1)
	near(t, "strict.per_label.PLACE.inc", obj(t, r, "schemas", "strict", "per_label", "PLACE", "inc"), 1)

	code, out, _ = run(t, score, testdata+"a.jsonl", testdata+"c.jsonl")
	if code != 0 || !strings.Contains(out, "c.jsonl scored against a.jsonl: 3 documents") || !strings.Contains(out, "4 errors") ||
		!strings.Contains(out, "SPU/SPU/SPU/SPU") || !strings.Contains(out, `pred [15,22) PLACE "المدينة"`) {
		t.Errorf("exit %d, tables:\n%s", code, out)
	}
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestVerbsBadInput(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.jsonl", `{"id": "1", "text": "في كاي", "spans": [{"start": 3, "end": 6, "label": "PLACE"}]}`+"\n")
	bad := write(t, dir, "bad.jsonl", `{"id": "1", "text": "في كاي", "spans": []}`+"\n"+`{"id": "2", "text": "يوم", "spans": [{"start": 0, "end": 9, "label": "DATE"}]}`+"\n")
	label := write(t, dir, "label.jsonl", `{"id": "1", "text": "في كاي", "spans": [{"start": 3, "end": 6, "label": "CITY"}]}`+"\n")
	other := write(t, dir, "other.jsonl", `{"id": "9", "text": "نص آخر", "spans": []}`+"\n")
	tests := []struct {
		name string
		verb func([]string, *bytes.Buffer, *bytes.Buffer) int
		args []string
		code int
		want string
	}{
		{"span out of range", agree, []string{good, bad}, 1, bad + ":2: span 1 [0,9) DATE: out of range"},
		{"unknown label", score, []string{label, good, "-json"}, 1, label + `:1: unknown label not in the schema: "CITY"`},
		{"missing file", agree, []string{good, filepath.Join(dir, "none.jsonl")}, 1, "none.jsonl: no such file"},
		{"nothing in common", agree, []string{good, other}, 1, "no document is in all of good.jsonl, other.jsonl"},
		{"one file", agree, []string{good}, 2, "agree needs at least two files"},
		{"three files to score", score, []string{good, good, good}, 2, "score needs two files"},
		{"unknown flag", agree, []string{good, good, "-xml"}, 2, "unknown flag -xml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, tc.verb, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Fatalf("exit %d (want %d), stderr %q, want it to contain %q", code, tc.code, errs, tc.want)
			}
			if out != "" {
				t.Errorf("stdout %q", out)
			}
		})
	}
}

// A document in only one file is reported and left out.
func TestVerbsLeaveOutUnmatched(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.jsonl", `{"id": "1", "text": "في كاي", "spans": [{"start": 3, "end": 6, "label": "PLACE"}]}`+"\n"+
		`{"id": "2", "text": "يوم أمس", "spans": [{"start": 0, "end": 7, "label": "DATE"}]}`+"\n")
	// b has the first text under another ID, and not the second.
	b := write(t, dir, "b.jsonl", `{"id": "x", "text": "في كاي", "spans": [{"start": 3, "end": 6, "label": "PLACE"}]}`+"\n")
	code, out, errs := run(t, agree, a, b, "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "document 2 is only in a.jsonl (not in b.jsonl): left out") {
		t.Errorf("stderr %q", errs)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	near(t, "documents", r["documents"], 1)
	near(t, "strict.f1", obj(t, r["pairs"].([]any)[0], "strict", "f1"), 1)
	// Identical layers of one document: every figure is 1.
	near(t, "kappa_cp", obj(t, r["pairs"].([]any)[0], "kappa_cp"), 1)
	near(t, "alpha_u", obj(t, r, "alpha_u", "overall"), 1)
}

func TestEmptyLayerIsNamed(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.jsonl", `{"id": "1", "text": "في كاي", "spans": [{"start": 3, "end": 6, "label": "PLACE"}]}`+"\n")
	b := write(t, dir, "b.jsonl", `{"id": "1", "text": "في كاي", "spans": []}`+"\n")
	code, out, errs := run(t, agree, a, b, "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "warning: layer b.jsonl has no span in the 1 documents compared") {
		t.Errorf("stderr %q", errs)
	}
	var r map[string]any
	json.Unmarshal([]byte(out), &r)
	near(t, "strict.f1", obj(t, r["pairs"].([]any)[0], "strict", "f1"), 0)
	near(t, "overlap.f1", obj(t, r["pairs"].([]any)[0], "overlap", "f1"), 0)
}
