package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// switchTo chooses value in the top bar's select testid, as a user does.
func switchTo(testid, value string) string {
	return js(`(() => { const s = document.querySelector('[data-testid=%s]'); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`, testid, value)
}

// TestArabicInterface goes through the whole flow in Arabic: a browser that
// prefers Arabic gets the interface in Arabic, mirrored; the user labels a
// span, sees an error about a file with its name and line readable, sets
// Arabic-Indic digits, exports, switches to English and back without
// losing the open document or the selection, and finds the choice kept
// after a reload.
func TestArabicInterface(t *testing.T) {
	srv := serveDir(t, dist, "/", "")
	ctx, downloads := newBrowser(t, chromedp.Flag("lang", "ar"), chromedp.Flag("accept-lang", "ar"))
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the app", `document.querySelectorAll('[data-testid=doc]').length >= 5`)

	// The browser's preference chose Arabic, and the whole page runs right
	// to left: the document list on the right of the document.
	waitJS(t, ctx, "the page in Arabic", `document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl'`)
	var layout struct {
		Import, Heading             string
		ListLeft, DocLeft, SideLeft float64
	}
	eval(t, ctx, `({
		Import: document.querySelector('label.button').textContent,
		Heading: document.querySelector('.docs h2').textContent,
		ListLeft: document.querySelector('.docs').getBoundingClientRect().left,
		DocLeft: document.querySelector('.editor').getBoundingClientRect().left,
		SideLeft: document.querySelector('.side').getBoundingClientRect().left,
	})`, &layout)
	if !strings.HasPrefix(layout.Import, "استيراد") || !strings.HasPrefix(layout.Heading, "الوثائق") {
		t.Errorf("the interface is not in Arabic: import button %q, list heading %q", layout.Import, layout.Heading)
	}
	if !(layout.ListLeft > layout.DocLeft && layout.DocLeft > layout.SideLeft) {
		t.Errorf("the layout is not mirrored: list at %v, document at %v, side panel at %v", layout.ListLeft, layout.DocLeft, layout.SideLeft)
	}

	// Label a word: the save state says so in Arabic.
	text := "قال الجيش إن هجوما وقع في كاي صباح الثلاثاء."
	importText(t, ctx, "arabic-ui", text)
	kay := cpIndex(t, text, "كاي", 0)
	selectCP(t, ctx, kay, kay+3)
	press(t, ctx, "2")
	waitSaved(t, ctx)
	var saved string
	eval(t, ctx, `document.querySelector('[data-testid=save-state]').textContent`, &saved)
	if !strings.HasPrefix(saved, "محفوظ") {
		t.Errorf("the save state says %q, want محفوظ", saved)
	}
	screenshot(t, ctx, "arabic-document")
	checkAccessible(t, ctx, "arabic-document")

	// A file refused: its name and line stay readable in the Arabic message.
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad-line.jsonl")
	os.WriteFile(bad, []byte(`{"text": "هجوم في كاي"}`+"\n"+`{"text": `+"\n"), 0o644)
	run(t, ctx, "import a bad file", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{bad}, chromedp.ByQuery))
	waitJS(t, ctx, "the Arabic error naming the file and line", `[...document.querySelectorAll('[data-testid=message][data-kind=error]')].some(m => m.textContent.includes('\u2068bad-line.jsonl\u2069') && m.textContent.includes('السطر 2') && m.textContent.includes('لم يُستورد شيء'))`)
	screenshot(t, ctx, "arabic-error")

	// Arabic-Indic digits for the interface; the document text is unchanged.
	var ok bool
	eval(t, ctx, switchTo("digits", "arab"), &ok)
	waitJS(t, ctx, "Arabic-Indic digits", `/[٠-٩]/.test(document.querySelector('.docs h2').textContent) && !/[0-9]/.test(document.querySelector('.docs h2').textContent)`)
	var shown string
	eval(t, ctx, `document.querySelector('[data-testid=document]').textContent`, &shown)
	if !strings.Contains(shown, text) {
		t.Errorf("the document text changed with the digits: %q", shown)
	}

	// Export: the span is in the file, and the message says so in Arabic.
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-jsonl]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-corpus.jsonl")
	if !strings.Contains(string(data), `"label":"PLACE","text":"كاي"`) {
		t.Errorf("the export lacks the span: %.300s", data)
	}
	waitJS(t, ctx, "the export's message in Arabic", `[...document.querySelectorAll('[data-testid=message]')].some(m => m.textContent.startsWith('صُدّرت'))`)

	// Switching language keeps the open document and a selection being made.
	alqaida := cpIndex(t, text, "الجيش", 0)
	selectCP(t, ctx, alqaida, alqaida+len([]rune("الجيش")))
	eval(t, ctx, switchTo("lang", "en"), &ok)
	waitJS(t, ctx, "the page in English", `document.documentElement.lang === 'en' && document.documentElement.dir === 'ltr' && document.querySelector('label.button').textContent.startsWith('Import')`)
	press(t, ctx, "1")
	waitJS(t, ctx, "the selection labelled after the switch", js(`!!document.querySelector('[data-testid=document] mark[data-label=ACTOR][data-start="%d"]')`, alqaida))
	waitSaved(t, ctx)
	screenshot(t, ctx, "english-after-switch")

	// Back to Arabic, and the choice outlives a reload.
	eval(t, ctx, switchTo("lang", "ar"), &ok)
	waitJS(t, ctx, "Arabic again", `document.documentElement.dir === 'rtl'`)
	run(t, ctx, "reload", chromedp.Reload())
	waitJS(t, ctx, "the document reopened in Arabic with Arabic-Indic digits", `document.documentElement.dir === 'rtl' && document.querySelector('.doc-head h1')?.textContent === 'arabic-ui' && /[٠-٩]/.test(document.querySelector('.docs h2').textContent)`)
	checkPanels(t, ctx, "arabic-")
	p := filepath.Join(dir, "mapping.jsonl")
	os.WriteFile(p, []byte(`{"text":"قتل الجيش أربعة في غاو","spans":[{"start":4,"end":9,"label":"ORG"}]}`+"\n"), 0o644)
	run(t, ctx, "import", chromedp.SetUploadFiles(`[data-testid=import]`, []string{p}, chromedp.ByQuery))
	waitJS(t, ctx, "the mapping dialog in Arabic", `document.querySelector('[data-testid=label-mapping] h3')?.textContent === 'وسوم خارج مخطط الوسوم'`)
	screenshot(t, ctx, "arabic-mapping")
	checkAccessible(t, ctx, "arabic-label-mapping")
}
