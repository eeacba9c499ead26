package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestControlCharactersKeepOffsets imports a text holding every control
// character (C0, DEL and C1), each before a word, six NULs first. The page
// shows as many code points as are stored, before every word (so that a
// selection's offsets are the stored ones), and a word after the NULs,
// selected and labelled, is stored with the offsets of that word.
func TestControlCharactersKeepOffsets(t *testing.T) {
	var controls []rune
	for r := rune(0); r < 0x20; r++ {
		if r != '\n' {
			controls = append(controls, r)
		}
	}
	controls = append(controls, 0x7f)
	for r := rune(0x80); r < 0xa0; r++ {
		controls = append(controls, r)
	}
	var b strings.Builder
	b.WriteString("\x00\x00\x00\x00\x00\x00كاي ")
	type word struct{ Start, End int }
	words := []word{{6, 9}}
	n := 10
	for _, c := range controls {
		b.WriteString("قرية")
		b.WriteRune(c)
		b.WriteString("غاو ")
		words = append(words, word{n + 5, n + 8})
		n += 9
	}
	text := b.String()
	if got := len([]rune(text)); got != n {
		t.Fatalf("text of %d code points, counted %d", got, n)
	}
	ctx, downloads, _ := startApp(t)
	p := filepath.Join(t.TempDir(), "controls.jsonl")
	line, _ := json.Marshal(map[string]any{"id": "controls", "text": text, "meta": map[string]any{"title": "controls"}})
	os.WriteFile(p, append(line, '\n'), 0o644)
	run(t, ctx, "import", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{p}, chromedp.ByQuery))
	waitJS(t, ctx, "the document listed", listed("controls"))
	openDoc(t, ctx, "controls")

	// Every leaf element holding text holds as many code points as its
	// offsets say, and they add up to the whole text.
	var shown struct {
		Total int
		Bad   []string
	}
	eval(t, ctx, `(() => {
		let total = 0; const bad = [];
		for (const el of document.querySelectorAll('[data-testid=document] [data-start]')) {
			if (el.children.length) continue;
			const want = el.dataset.end - el.dataset.start, got = [...el.textContent].length;
			total += got;
			if (got !== want) bad.push(el.dataset.start + '-' + el.dataset.end + ': ' + got);
		}
		return {total, bad};
	})()`, &shown)
	if len(shown.Bad) > 0 {
		t.Errorf("elements whose text is not as long as their offsets say: %v", shown.Bad)
	}
	if shown.Total != n {
		t.Errorf("the page shows %d code points of %d", shown.Total, n)
	}
	var ok bool
	eval(t, ctx, selectJS, &ok)
	for i, w := range []word{words[0], words[1], words[len(words)-1]} {
		selectCP(t, ctx, w.Start, w.End)
		press(t, ctx, "2")
		waitJS(t, ctx, fmt.Sprintf("span %d", i+1), js(`document.querySelector('[data-testid=document]').dataset.spanCount === '%d'`, i+1))
	}
	waitSaved(t, ctx)
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-jsonl]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-corpus.jsonl")
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct {
			ID    string
			Text  string
			Spans []struct {
				Start, End int
				Text       string
			}
		}
		mustJSON(t, []byte(l), &d)
		if d.ID != "controls" {
			continue
		}
		if d.Text != text {
			t.Errorf("the text was changed")
		}
		want := []string{"كاي", "غاو", "غاو"}
		if len(d.Spans) != 3 {
			t.Fatalf("%d spans stored, want 3: %+v", len(d.Spans), d.Spans)
		}
		for i, sp := range d.Spans {
			if sp.Text != want[i] {
				t.Errorf("span %d covers %q [%d, %d), want %q", i, sp.Text, sp.Start, sp.End, want[i])
			}
		}
	}
}
