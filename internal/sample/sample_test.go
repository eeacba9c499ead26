package sample

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
)

func TestDocuments(t *testing.T) {
	docs := Documents()
	if len(docs) < 5 {
		t.Fatalf("got %d documents, want at least 5", len(docs))
	}
	seen := map[string]bool{}
	for i, d := range docs {
		if want := fmt.Sprintf("sample-%02d", i+1); d.ID != want {
			t.Errorf("document %d: ID %q, want %q", i, d.ID, want)
		}
		if seen[d.ID] {
			t.Errorf("duplicate ID %q", d.ID)
		}
		seen[d.ID] = true
		if d.Status != corpus.StatusNew {
			t.Errorf("%s: status %q, want new", d.ID, d.Status)
		}
		if len(d.Spans) != 0 {
			t.Errorf("%s: has %d spans, want none", d.ID, len(d.Spans))
		}
		if d.Title == "" || strings.ContainsAny(d.Title, "\r\n") {
			t.Errorf("%s: bad title %q", d.ID, d.Title)
		}
		if err := corpus.Validate(&d, corpus.Default); err != nil {
			t.Errorf("%s: %v", d.ID, err)
		}
		n := utf8.RuneCountInString(d.Text)
		if n < 600 || n > 1200 {
			t.Errorf("%s: %d code points, want 600–1200", d.ID, n)
		}
		if strings.Contains(d.Text, "\r") {
			t.Errorf("%s: text contains CR", d.ID)
		}
		paras := strings.Split(d.Text, "\n")
		if len(paras) < 3 || len(paras) > 6 {
			t.Errorf("%s: %d paragraphs, want 3–6", d.ID, len(paras))
		}
		for j, p := range paras {
			if strings.TrimSpace(p) != p || p == "" {
				t.Errorf("%s: paragraph %d is empty or has surrounding space", d.ID, j+1)
			}
		}
	}
	// Each call returns fresh values.
	docs[0].Title = "changed"
	if Documents()[0].Title == "changed" {
		t.Error("Documents shares state between calls")
	}
}

func TestArticleFiles(t *testing.T) {
	entries, err := articleFS.ReadDir("articles")
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`^\d\d_[a-z0-9_]+\.txt$`)
	for _, e := range entries {
		b, _ := articleFS.ReadFile("articles/" + e.Name())
		switch {
		case !name.MatchString(e.Name()):
			t.Errorf("%s: want NN_slug.txt", e.Name())
		case !utf8.Valid(b):
			t.Errorf("%s: not UTF-8", e.Name())
		case strings.Contains(string(b), "\r"):
			t.Errorf("%s: CR line ends", e.Name())
		case !strings.HasSuffix(string(b), "\n") || strings.HasSuffix(string(b), "\n\n"):
			t.Errorf("%s: want exactly one final newline", e.Name())
		case strings.HasPrefix(string(b), "\uFEFF"):
			t.Errorf("%s: has a BOM", e.Name())
		}
	}
}

func TestGoldMatchesDocuments(t *testing.T) {
	docs, gold := Documents(), Gold()
	if len(docs) != len(gold) {
		t.Fatalf("%d documents, %d gold documents", len(docs), len(gold))
	}
	for i := range docs {
		d, g := docs[i], gold[i]
		if d.ID != g.ID || d.Title != g.Title || d.Text != g.Text || d.Status != g.Status {
			t.Errorf("document %d: Documents and Gold differ (%s %q / %s %q)", i, d.ID, d.Title, g.ID, g.Title)
		}
	}
}

func TestGoldValid(t *testing.T) {
	lines, err := parseGold(goldJSONL)
	if err != nil {
		t.Fatal(err)
	}
	gold := Gold()
	if len(lines) != len(gold) {
		t.Fatalf("%d lines, %d documents", len(lines), len(gold))
	}
	used := map[corpus.Label]int{}
	for i, d := range gold {
		if err := corpus.Validate(&d, corpus.Default); err != nil {
			t.Errorf("%s: %v", d.ID, err)
		}
		if len(d.Spans) == 0 {
			t.Errorf("%s: no spans", d.ID)
		}
		runes := []rune(d.Text)
		for j, s := range lines[i].Spans {
			got := string(runes[s.Start:s.End])
			if got != s.Text {
				t.Errorf("%s span %d: text %q, offsets give %q", d.ID, j+1, s.Text, got)
			}
			first, _ := utf8.DecodeRuneInString(got)
			last, _ := utf8.DecodeLastRuneInString(got)
			for _, r := range []rune{first, last} {
				if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
					t.Errorf("%s span %d %q: starts or ends with %q", d.ID, j+1, got, r)
				}
			}
			used[s.Label]++
		}
	}
	for _, l := range corpus.Default.Names() {
		if used[l] == 0 {
			t.Errorf("label %s is never used", l)
		} else {
			t.Logf("%s: %d spans", l, used[l])
		}
	}
}

// TestGoldEveryMention checks guideline 8 mechanically: every whole-word
// occurrence of an ACTOR or PLACE span's text lies inside some span.
func TestGoldEveryMention(t *testing.T) {
	for _, d := range Gold() {
		runes := []rune(d.Text)
		covered := func(i, n int) bool {
			for _, s := range d.Spans {
				if s.Start <= i && i+n <= s.End {
					return true
				}
			}
			return false
		}
		for _, s := range d.Spans {
			if s.Label != corpus.Actor && s.Label != corpus.Place {
				continue
			}
			sub := runes[s.Start:s.End]
			for _, i := range wordOccurrences(runes, sub, 0) {
				if !covered(i, len(sub)) {
					t.Errorf("%s: %s %q at %d is not marked", d.ID, s.Label, string(sub), i)
				}
			}
		}
	}
}

func TestCorpusFeatures(t *testing.T) {
	var all strings.Builder
	for _, d := range Documents() {
		all.WriteString(d.Text)
		all.WriteString("\n")
	}
	text := all.String()
	has := func(f func(r rune) bool) bool { return strings.IndexFunc(text, f) >= 0 }
	checks := []struct {
		name string
		ok   bool
	}{
		{"emoji outside the BMP", has(func(r rune) bool { return r > 0xFFFF && unicode.Is(unicode.So, r) })},
		{"Latin acronym", regexp.MustCompile(`\b[A-Z]{2,}\b`).MatchString(text)},
		{"Arabic-Indic digit", has(func(r rune) bool { return r >= '\u0660' && r <= '\u0669' })},
		{"Western digit", has(func(r rune) bool { return r >= '0' && r <= '9' })},
		{"tanween", has(func(r rune) bool { return r >= '\u064B' && r <= '\u064D' })},
		{"shadda", strings.ContainsRune(text, '\u0651')},
		{"damma", strings.ContainsRune(text, '\u064F')},
		{"tatweel", strings.ContainsRune(text, '\u0640')},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("corpus has no %s", c.name)
		}
	}
}

func TestGoldSpansSorted(t *testing.T) {
	for _, d := range Gold() {
		for i := 1; i < len(d.Spans); i++ {
			if d.Spans[i-1].Start > d.Spans[i].Start {
				t.Errorf("%s: spans not sorted at %d", d.ID, i)
			}
		}
	}
}

func TestFilesExported(t *testing.T) {
	if !bytes.Equal(GoldJSONL(), goldJSONL) {
		t.Error("GoldJSONL differs from the embedded gold.jsonl")
	}
	GoldJSONL()[0] = 'x'
	if goldJSONL[0] != '{' {
		t.Error("GoldJSONL shares the embedded bytes")
	}
	names, err := fs.Glob(ArticleFiles(), "*.txt")
	if err != nil || len(names) != len(Documents()) {
		t.Fatalf("ArticleFiles holds %q (%v), want one file per document", names, err)
	}
	for i, name := range names {
		b, err := fs.ReadFile(ArticleFiles(), name)
		d := Documents()[i]
		if err != nil || string(b) != d.Title+"\n"+d.Text+"\n" {
			t.Errorf("%s: not the title line and the text of %s (%v)", name, d.ID, err)
		}
	}
}
