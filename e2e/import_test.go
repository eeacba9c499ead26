package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestImportFormatsAndMapping imports, in one selection, a brat pair and a
// JSONL file whose label is outside the schema: the background worker reads
// both, the pair is stored at once, and the other waits for the user to map
// its label; mapped, it is stored with the label chosen.
func TestImportFormatsAndMapping(t *testing.T) {
	dir := t.TempDir()
	text := "قتل 😀 جنديان في كاي"
	kai := cpIndex(t, text, "كاي", 0)
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	files := []string{
		write("odd.jsonl", `{"id": "odd", "text": "هاجم مسلحون مدينة غاو", "meta": {"title": "odd"}, "spans": [{"start": 18, "end": 21, "label": "LOC"}]}`+"\n"),
		write("pair.txt", text),
		write("pair.ann", fmt.Sprintf("T1\tPLACE %d %d\tكاي\n", kai, kai+3)),
	}
	ctx, _, _ := startApp(t)
	before := docCount(t, ctx)
	run(t, ctx, "import", chromedp.SetUploadFiles(`input[data-testid=import]`, files, chromedp.ByQuery))
	waitJS(t, ctx, "the brat pair imported", `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.includes('pair.txt + pair.ann: imported 1 document'))`)
	waitJS(t, ctx, "the mapping dialog", `document.querySelector('[data-testid=label-mapping]')?.textContent.includes('odd.jsonl')`)
	var row string
	eval(t, ctx, `document.querySelector('[data-testid=label-mapping] tr').textContent`, &row)
	if want := "LOC1 span, first on line 1→"; len(row) < len(want) || row[:len(want)] != want {
		t.Errorf("mapping row %q, want it to start %q", row, want)
	}
	if n := docCount(t, ctx); n != before+1 {
		t.Errorf("%d documents listed while the mapping is asked, want %d", n, before+1)
	}
	screenshot(t, ctx, "label-mapping")

	run(t, ctx, "choose PLACE", chromedp.SetValue(`[data-testid=label-mapping] select[data-from=LOC]`, "PLACE", chromedp.ByQuery))
	eval(t, ctx, `document.querySelector('[data-testid=label-mapping] select[data-from=LOC]').dispatchEvent(new Event('change', {bubbles: true}))`, nil)
	run(t, ctx, "apply", chromedp.Click(`[data-testid=mapping-apply]`, chromedp.ByQuery))
	waitJS(t, ctx, "the mapped file imported", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, before+2))

	openDoc(t, ctx, "odd")
	waitJS(t, ctx, "its span, as PLACE", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '1' && !!document.querySelector('[data-testid=document] [data-label=PLACE]')`)
	openDoc(t, ctx, "pair")
	waitJS(t, ctx, "the brat span", `document.querySelector('[data-testid=document]')?.dataset.spanCount === '1'`)
	var got string
	eval(t, ctx, `document.querySelector('[data-testid=document] [data-label=PLACE]').textContent`, &got)
	if got != "كاي" {
		t.Errorf("the brat span covers %q, want كاي", got)
	}
}
