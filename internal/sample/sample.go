// Package sample is raqim's built-in sample corpus: six short Arabic
// news-style articles about security incidents in the Sahel, written for
// the project (the events, quotes and numbers are invented), with reference
// spans that follow the annotation guidelines.
//
// Each article is embedded as articles/NN_slug.txt: the title on the first
// line, then the article text (paragraphs separated by "\n"), UTF-8 with LF
// line ends. gold.jsonl holds one line per article,
//
//	{"id", "text", "spans": [{"start", "end", "label", "text"}], "meta": {"title", "status"}}
//
// with code-point offsets. It is generated from the span lists in
// gold_gen_test.go; regenerate it with
//
//	go test ./internal/sample -run TestGoldFile -update
//
// The corpus deliberately exercises the hard cases of offset handling:
// emoji outside the Basic Multilingual Plane, Latin acronyms in Arabic text,
// Arabic-Indic and Western digits, diacritics and tatweel.
package sample

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/raqim/raqim/internal/corpus"
)

//go:embed articles/*.txt
var articleFS embed.FS

//go:embed gold.jsonl
var goldJSONL []byte

// article is one embedded article file.
type article struct {
	ID    string // "sample-01"
	File  string // "01_douentza_ambush.txt"
	Title string
	Text  string
}

// goldLine is one line of gold.jsonl.
type goldLine struct {
	ID    string     `json:"id"`
	Text  string     `json:"text"`
	Spans []goldSpan `json:"spans"`
	Meta  goldMeta   `json:"meta"`
}

type goldSpan struct {
	Start int          `json:"start"`
	End   int          `json:"end"`
	Label corpus.Label `json:"label"`
	Text  string       `json:"text"`
}

type goldMeta struct {
	Title  string        `json:"title"`
	Status corpus.Status `json:"status"`
}

var (
	loadArticles = sync.OnceValues(readArticles)
	loadGold     = sync.OnceValues(func() ([]goldLine, error) { return parseGold(goldJSONL) })
)

// Documents returns the built-in sample corpus: the articles as documents
// with status new and no spans (the user annotates them). Each call returns
// fresh values the caller may modify.
func Documents() []corpus.Document {
	arts, err := loadArticles()
	if err != nil {
		panic("sample: " + err.Error()) // embedded data; covered by tests
	}
	docs := make([]corpus.Document, len(arts))
	for i, a := range arts {
		docs[i] = corpus.Document{
			ID:     a.ID,
			Title:  a.Title,
			Text:   a.Text,
			Status: corpus.StatusNew,
			Spans:  []corpus.Span{},
		}
	}
	return docs
}

// Gold returns the same documents with their reference spans, sorted by
// start. Each call returns fresh values the caller may modify.
func Gold() []corpus.Document {
	lines, err := loadGold()
	if err != nil {
		panic("sample: " + err.Error()) // embedded data; covered by tests
	}
	docs := make([]corpus.Document, len(lines))
	for i, l := range lines {
		spans := make([]corpus.Span, len(l.Spans))
		for j, s := range l.Spans {
			spans[j] = corpus.Span{Start: s.Start, End: s.End, Label: s.Label}
		}
		corpus.SortSpans(spans)
		status := l.Meta.Status
		if status == "" {
			status = corpus.StatusNew
		}
		docs[i] = corpus.Document{
			ID:     l.ID,
			Title:  l.Meta.Title,
			Text:   l.Text,
			Status: status,
			Spans:  spans,
		}
	}
	return docs
}

// GoldJSONL returns a copy of the embedded gold.jsonl (see the package doc).
func GoldJSONL() []byte { return bytes.Clone(goldJSONL) }

// ArticleFiles returns the embedded article files, NN_slug.txt, as they
// are stored: the title on the first line, then the text.
func ArticleFiles() fs.FS {
	sub, err := fs.Sub(articleFS, "articles")
	if err != nil {
		panic("sample: " + err.Error()) // a valid constant path
	}
	return sub
}

// readArticles reads the embedded article files in name order.
func readArticles() ([]article, error) {
	entries, err := articleFS.ReadDir("articles")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	arts := make([]article, 0, len(names))
	for _, name := range names {
		b, err := articleFS.ReadFile(path.Join("articles", name))
		if err != nil {
			return nil, err
		}
		a, err := parseArticle(name, string(b))
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	return arts, nil
}

// parseArticle splits an article file into title and text. The file name
// starts with the two-digit number that makes the document ID.
func parseArticle(name, content string) (article, error) {
	num, _, ok := strings.Cut(name, "_")
	if !ok || len(num) != 2 || num[0] < '0' || num[0] > '9' || num[1] < '0' || num[1] > '9' {
		return article{}, fmt.Errorf("%s: file name must start with NN_", name)
	}
	title, text, ok := strings.Cut(strings.TrimSuffix(content, "\n"), "\n")
	title, text = strings.TrimSpace(title), strings.TrimSpace(text)
	if !ok || title == "" || text == "" {
		return article{}, fmt.Errorf("%s: want a title line followed by the text", name)
	}
	return article{ID: "sample-" + num, File: name, Title: title, Text: text}, nil
}

// parseGold reads gold.jsonl, one document per non-empty line.
func parseGold(data []byte) ([]goldLine, error) {
	var out []goldLine
	for i, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var g goldLine
		if err := json.Unmarshal(line, &g); err != nil {
			return nil, &corpus.FileError{File: "gold.jsonl", Line: i + 1, Err: err}
		}
		out = append(out, g)
	}
	return out, nil
}
