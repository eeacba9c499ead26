//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/jsonl"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// in is a short document written for the test.
const in = `{"id":"d1","text":"باماكو – 9 أكتوبر 2025\nأعلن الجيش المالي مقتل أربعة عناصر من جماعة نصرة الإسلام والمسلمين الثلاثاء بولاية كاي.","spans":[{"start":0,"end":6,"label":"PLACE"}]}
`

func TestSuggestVerb(t *testing.T) {
	var out, errb bytes.Buffer
	if rc := suggestMain([]string{writeFile(t, "in.jsonl", in)}, &out, &errb); rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	docs, err := jsonl.Decode("out", &out, jsonl.DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	got := map[string]map[string]string{}
	r := []rune(docs[0].Text)
	for _, s := range docs[0].Spans {
		got[string(s.Label)+":"+string(r[s.Start:s.End])] = s.Attrs
	}
	want := map[string]map[string]string{
		"PLACE:باماكو":                       {"source": "gazetteer", "gazetteer_id": "ml-bamako"},
		"DATE:9 أكتوبر 2025":                 {"source": "date", "iso": "2025-10-09"},
		"ACTOR:الجيش المالي":                 {"source": "lexicon", "actor_id": "fama"},
		"CASUALTY:مقتل أربعة عناصر":          {"source": "casualty", "count": "4", "kind": "killed"},
		"ACTOR:جماعة نصرة الإسلام والمسلمين": {"source": "lexicon", "actor_id": "jnim"},
		"DATE:الثلاثاء":                      {"source": "date", "iso": "2025-10-07"},
		"PLACE:كاي":                          {"source": "gazetteer", "admin1": "Kayes"},
	}
	if len(got) != len(want) {
		t.Errorf("got %d spans, want %d: %v", len(got), len(want), got)
	}
	for k, attrs := range want {
		for a, v := range attrs {
			if got[k][a] != v {
				t.Errorf("%s: %s = %q, want %q (attrs %v)", k, a, got[k][a], v, got[k])
			}
		}
	}
}

func TestSuggestVerbKeepAndTrain(t *testing.T) {
	var out, errb bytes.Buffer
	p := writeFile(t, "in.jsonl", in)
	rc := suggestMain([]string{"-keep", "-train", filepath.Join("..", "internal", "sample", "gold.jsonl"), "-sources", "gazetteer,tagger", p}, &out, &errb)
	if rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	if !strings.Contains(errb.String(), "trained on 6 documents") {
		t.Errorf("stderr: %s", errb.String())
	}
	docs, err := jsonl.Decode("out", &out, jsonl.DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range docs[0].Spans {
		if s.Start < 6 {
			t.Errorf("%v overlaps the kept span [0,6)", s)
		}
		if src := s.Attrs["source"]; src != "gazetteer" && src != "tagger" {
			t.Errorf("%v: source %q", s, src)
		}
	}
}

func TestSuggestVerbErrors(t *testing.T) {
	bad := writeFile(t, "bad.jsonl", `{"text":"نص"}`+"\n"+`{"text": 5}`+"\n")
	actors := writeFile(t, "actors.tsv", "x\tstate\n")
	good := writeFile(t, "in.jsonl", in)
	tests := []struct {
		name string
		args []string
		rc   int
		want string
	}{
		{"bad line", []string{bad}, 1, "bad.jsonl:2:"},
		{"bad training file", []string{"-train", bad, good}, 1, "bad.jsonl:2:"},
		{"missing file", []string{filepath.Join(t.TempDir(), "none.jsonl")}, 1, "none.jsonl"},
		{"bad actors", []string{"-actors", actors, good}, 1, "actors.tsv:1:"},
		{"no file", nil, 2, "usage:"},
		{"two files", []string{good, good}, 2, "usage:"},
		{"unknown source", []string{"-sources", "gazetter", good}, 2, `unknown source "gazetter"`},
		{"unknown flag", []string{"-x", good}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		rc := suggestMain(tt.args, &out, &errb)
		if rc != tt.rc || !strings.Contains(errb.String(), tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want exit %d and %q", tt.name, rc, errb.String(), tt.rc, tt.want)
		}
		if rc != 0 && out.Len() > 0 {
			t.Errorf("%s: output on failure: %q", tt.name, out.String())
		}
	}
}
