package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchCase is a document made of the shared articles with n word-aligned
// spans, in the app's import format, as the peer benchmark makes them.
type benchCase struct {
	Text  string
	Spans []map[string]any
	Add   [2]int // a word after the first emoji, for the harness's added span
}

// makeCase joins the corpus articles (the emoji one first) to at least size
// code points and labels every k-th word up to n spans.
func makeCase(t testing.TB, size, n int) benchCase {
	t.Helper()
	gold := readSharedGold(t)
	order := []goldDoc{gold[1], gold[0], gold[2]}
	var b strings.Builder
	for i := 0; len([]rune(b.String())) < size; i++ {
		b.WriteString(order[i%3].Text)
		b.WriteString("\n")
	}
	text := []rune(b.String())
	words := wordsOf(text)
	emoji := strings.IndexFunc(string(text), func(r rune) bool { return r > 0xFFFF })
	emojiCP := len([]rune(string(text)[:emoji]))
	c := benchCase{Text: string(text)}
	labels := []string{"ACTOR", "PLACE", "DATE", "CASUALTY"}
	addIdx := -1
	for k, w := range words {
		if w.s > emojiCP && addIdx < 0 {
			addIdx = k
			c.Add = [2]int{w.s, w.e}
		}
	}
	step := max(len(words)/(n+1), 1)
	for k := 0; k < len(words) && len(c.Spans) < n; k += step {
		if k == addIdx {
			continue
		}
		w := words[k]
		c.Spans = append(c.Spans, map[string]any{"start": w.s, "end": w.e, "label": labels[len(c.Spans)%4], "text": string(text[w.s:w.e])})
	}
	if len(c.Spans) < n {
		t.Fatalf("only %d words for %d spans", len(c.Spans), n)
	}
	return c
}

func isLetter(r rune) bool { return r >= 0x0621 && r <= 0x064A }

// word is a maximal run of Arabic letters, in code points [s, e).
type word struct{ s, e int }

// wordsOf returns the words of text in order.
func wordsOf(text []rune) []word {
	var words []word
	for i := 0; i < len(text); {
		if !isLetter(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		words = append(words, word{i, j})
		i = j
	}
	return words
}

// writeCase writes the case as one JSONL line and returns its folder.
func writeCase(t testing.TB, c benchCase, name string) string {
	t.Helper()
	dir := t.TempDir()
	line, _ := json.Marshal(map[string]any{"id": name, "text": c.Text, "spans": c.Spans})
	if err := os.WriteFile(filepath.Join(dir, name+".jsonl"), append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}
