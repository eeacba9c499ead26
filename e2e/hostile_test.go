package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// payload is markup that runs script or loads a resource of the test server
// (/pwned/…) wherever it reaches the page as markup, tagged with where it
// was put; shown as text, it does nothing.
func payload(where string) string {
	return fmt.Sprintf(`<img src="/pwned/%[1]s" onerror="window.__pwned='%[1]s'"><script>window.__pwned='%[1]s'</script><svg onload="window.__pwned='%[1]s'"></svg><a href="javascript:window.__pwned='%[1]s'">a</a>"'><iframe src="/pwned/f-%[1]s"></iframe>&amp;&lt;b&gt;`, where)
}

// tagOnly is payload without spaces, for fields that take no whitespace
// (brat entity types, labels).
func tagOnly(where string) string {
	return fmt.Sprintf(`<img/src="/pwned/%[1]s"/onerror="window.__pwned='%[1]s'">"'&amp;`, where)
}

// TestHostileInput imports files whose every field the app shows holds
// markup and script: document texts, titles, ids, metadata, file names,
// labels (the label mapping dialog shows them), brat entity types, Label
// Studio fields. Nothing runs, nothing is injected, nothing is requested,
// and the strings are shown as the text they are.
func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	text := "هجوم " + payload("text") + " في كاي"
	kai := cpIndex(t, text, "كاي", 0)
	line, _ := json.Marshal(map[string]any{
		"id": payload("id"), "text": text,
		"meta":  map[string]any{"title": payload("title"), payload("metakey"): payload("metavalue")},
		"spans": []map[string]any{{"start": kai, "end": kai + 3, "label": "PLACE"}},
	})
	labels, _ := json.Marshal(map[string]any{"id": "labels", "text": "هجوم في غاو", "spans": []map[string]any{{"start": 8, "end": 11, "label": tagOnly("label")}}})
	brat := "هجوم في موبتي " + payload("brattext")
	ls, _ := json.Marshal([]map[string]any{{
		"id":   7,
		"data": map[string]any{"text": "هجوم في سيغو " + payload("lstext"), "title": payload("lstitle")},
		"annotations": []map[string]any{{"result": []map[string]any{{
			"type": "labels", "from_name": payload("lsfrom"), "to_name": payload("lsto"),
			"value": map[string]any{"start": 8, "end": 12, "text": "سيغو", "labels": []string{tagOnly("lslabel")}},
		}}}},
	}})
	name := `<img src=x onerror="window.__pwned='filename'">"'.jsonl`
	files := []string{
		write("hostile.jsonl", string(line)+"\n"),
		write(name, `{"text": "ملف باسم غريب", "meta": {"title": "ملف باسم غريب"}}`+"\n"),
		write("labels.jsonl", string(labels)+"\n"),
		write("b.txt", brat),
		write("b.ann", "T1\t"+tagOnly("brattype")+" 8 13\tموبتي\n"),
		write("ls.json", string(ls)),
	}
	ctx, _, srv := startApp(t)
	give(t, ctx, files...)
	waitJS(t, ctx, "the hostile document", `[...document.querySelectorAll('[data-testid=doc] .doc-title')].some(e => e.textContent.includes('window.__pwned'))`)
	waitJS(t, ctx, "the oddly named file", listed("ملف باسم غريب"))

	// The label mapping dialogs show the labels, one file after another.
	for i, file := range []string{"labels.jsonl", "b.txt", "ls.json"} {
		waitJS(t, ctx, "the mapping dialog of "+file, js(`document.querySelector('[data-testid=label-mapping]')?.textContent.includes(%q)`, file))
		if i == 0 {
			screenshot(t, ctx, "hostile-mapping")
		}
		clean(t, ctx, srv, "the mapping dialog of "+file)
		run(t, ctx, "map", chromedp.Click(`[data-testid=mapping-apply]`, chromedp.ByQuery))
	}
	waitJS(t, ctx, "every file imported", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, 6+5))
	// Open each document: its title and text are shown as text.
	var titles []string
	eval(t, ctx, `[...document.querySelectorAll('[data-testid=doc] .doc-title')].map(e => e.textContent)`, &titles)
	for _, title := range titles {
		openDoc(t, ctx, title)
		clean(t, ctx, srv, "the document "+title)
	}
	openDoc(t, ctx, payload("title"))
	var shown struct{ Title, Text string }
	eval(t, ctx, `({title: document.querySelector('.doc-head h1').textContent, text: document.querySelector('[data-testid=document]').textContent})`, &shown)
	if shown.Title != payload("title") || !strings.Contains(shown.Text, payload("text")) {
		t.Errorf("the strings are not shown as the text they are: title %q, text %q", shown.Title, shown.Text)
	}
	screenshot(t, ctx, "hostile-document")
	run(t, ctx, "guidelines", chromedp.Click(`[data-testid=guide-toggle]`, chromedp.ByQuery))
	clean(t, ctx, srv, "the guidelines")
}

// clean fails the test if anything of a payload ran, was requested or
// sits in the page as an element or an event-handler attribute.
func clean(t *testing.T, ctx context.Context, srv *server, where string) {
	t.Helper()
	var found struct {
		Pwned    string
		Elements int
		Handlers []string
	}
	eval(t, ctx, `({
		pwned: window.__pwned || '',
		elements: document.querySelectorAll('.shell img, .shell script, .shell svg, .shell iframe, .shell a[href^="javascript"]').length,
		handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
	})`, &found)
	if found.Pwned != "" {
		t.Errorf("%s: the payload put in %s ran", where, found.Pwned)
	}
	if found.Elements > 0 || len(found.Handlers) > 0 {
		t.Errorf("%s: %d injected elements, handler attributes %v", where, found.Elements, found.Handlers)
	}
	if got := srv.requested("/pwned"); len(got) > 0 {
		t.Errorf("%s: the payloads requested %v", where, got)
	}
}
