package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// selectJS defines window.__select(start, end): it selects code points
// [start, end) of the open document through the DOM contract (elements
// with data-start hold document text), turning code points into UTF-16
// offsets inside text nodes, then fires mouseup as a user's drag would.
const selectJS = `
window.__point = (c) => {
  for (const el of document.querySelectorAll('[data-testid=document] [data-start]')) {
    const start = +el.dataset.start, end = +el.dataset.end;
    if (el.children.length || c < start || c > end) continue;
    const node = el.firstChild;
    if (!node || node.nodeType !== 3) continue;
    let cp = start, u = 0;
    for (const ch of node.data) { if (cp === c) break; cp++; u += ch.length; }
    if (cp === c) return [node, u];
  }
  throw new Error('code point ' + c + ' is not rendered');
};
window.__select = (start, end) => {
  const [sn, so] = __point(start), [en, eo] = __point(end);
  const r = document.createRange();
  r.setStart(sn, so); r.setEnd(en, eo);
  const sel = getSelection(); sel.removeAllRanges(); sel.addRange(r);
  sn.parentElement.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
  return true;
};
true`

// selectCP selects code points [start, end) of the open document.
func selectCP(t testing.TB, ctx context.Context, start, end int) {
	t.Helper()
	var ok bool
	eval(t, ctx, selectJS, &ok)
	eval(t, ctx, js("__select(%d, %d)", start, end), &ok)
}

// press sends a real key press to the focused element.
func press(t testing.TB, ctx context.Context, key string, mods ...input.Modifier) {
	t.Helper()
	var opts []chromedp.KeyOption
	if len(mods) > 0 {
		m := input.Modifier(0)
		for _, x := range mods {
			m |= x
		}
		opts = append(opts, chromedp.KeyModifiers(m))
	}
	run(t, ctx, "pressing "+key, chromedp.KeyEvent(key, opts...))
}

// domSpan is a rendered span element.
type domSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
	Text  string `json:"text"`
}

// renderedSpans lists the span elements of the open document.
func renderedSpans(t testing.TB, ctx context.Context) []domSpan {
	t.Helper()
	var out []domSpan
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=document] [data-label]')].map(e => ({start: +e.dataset.start, end: +e.dataset.end, label: e.dataset.label, text: e.textContent}))`, &out)
	return out
}

// waitSaved waits until every edit is committed to storage.
func waitSaved(t testing.TB, ctx context.Context) {
	t.Helper()
	waitJS(t, ctx, "the edits to be saved", `document.querySelector('[data-testid=save-state]')?.dataset.state === 'saved'`)
}

// waitFile waits for a downloaded file and returns its bytes.
func waitFile(t testing.TB, dir, name string) []byte {
	t.Helper()
	p := filepath.Join(dir, name)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(p); err == nil && len(b) > 0 {
			if _, err := os.Stat(p + ".crdownload"); os.IsNotExist(err) {
				return b
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("download %s did not arrive", name)
	return nil
}

// docCount returns the number of documents listed.
func docCount(t testing.TB, ctx context.Context) int {
	var n int
	eval(t, ctx, `document.querySelectorAll('[data-testid=doc]').length`, &n)
	return n
}

func mustJSON(t testing.TB, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decoding %s: %v", b, err)
	}
}

// dblclick double-clicks code point c of the open document, as a user
// selecting a word does.
func dblclick(t testing.TB, ctx context.Context, c int) {
	t.Helper()
	var pt []float64
	eval(t, ctx, js(`(() => { const [n, o] = __point(%d); const r = document.createRange(); r.setStart(n, o); r.setEnd(n, o + 1); const b = r.getBoundingClientRect(); return [b.x + b.width/2, b.y + b.height/2]; })()`, c), &pt)
	run(t, ctx, "double-click", chromedp.ActionFunc(func(ctx context.Context) error {
		for _, n := range []int64{1, 2} {
			if err := input.DispatchMouseEvent(input.MousePressed, pt[0], pt[1]).WithButton(input.Left).WithClickCount(n).Do(ctx); err != nil {
				return err
			}
			if err := input.DispatchMouseEvent(input.MouseReleased, pt[0], pt[1]).WithButton(input.Left).WithClickCount(n).Do(ctx); err != nil {
				return err
			}
		}
		return nil
	}))
}

// writeDocs writes a span JSONL file of one document per title, each text
// naming its title, and returns its path.
func writeDocs(t *testing.T, dir, name string, titles ...string) string {
	t.Helper()
	var b strings.Builder
	for _, title := range titles {
		line, _ := json.Marshal(map[string]any{"id": title, "text": "نص الوثيقة " + title + " في كاي", "meta": map[string]any{"title": title}})
		b.Write(line)
		b.WriteByte('\n')
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// listed is a JS condition: a document of that title is in the list.
func listed(title string) string {
	return js(`[...document.querySelectorAll('[data-testid=doc] .doc-title')].some(e => e.textContent === %q)`, title)
}

// exportedIDs exports the corpus as JSONL and returns the IDs it holds.
func exportedIDs(t *testing.T, ctx context.Context, downloads string) map[string]bool {
	t.Helper()
	os.Remove(filepath.Join(downloads, "raqim-corpus.jsonl"))
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-jsonl]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-corpus.jsonl")
	ids := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var d struct{ ID string }
		mustJSON(t, []byte(line), &d)
		ids[d.ID] = true
	}
	return ids
}

// clickText clicks the middle of the element sel finds in the document:
// by its place on the screen, found and clicked in one go, for the text's
// elements are redrawn whenever suggestions arrive, which a click by node
// (found, then clicked) can miss.
func clickText(t testing.TB, ctx context.Context, what, sel string) {
	t.Helper()
	var pt []float64
	evalFor(t, ctx, 10*time.Second, what, js(`(async () => {
		for (let i = 0; i < 200; i++) {
			const el = document.querySelector(%q);
			if (el) { el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }
			await new Promise((r) => setTimeout(r, 20));
		}
		throw new Error('nothing matches ' + %q);
	})()`, sel, sel), &pt)
	run(t, ctx, what, chromedp.MouseClickXY(pt[0], pt[1]))
}
