package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axePath is axe-core, fetched by make test (see the Makefile's AXE).
const axePath = "testdata/axe/axe.min.js"

// violation is what axe-core reports of one rule broken.
type violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []string `json:"target"`
		HTML   string   `json:"html"`
	} `json:"nodes"`
}

// checkAccessible runs axe-core on the page as it is and fails the test
// with every violation of impact serious or critical, naming the screen.
func checkAccessible(t *testing.T, ctx context.Context, screen string) {
	t.Helper()
	src, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatalf("axe-core is missing (make test fetches it to e2e/%s): %v", axePath, err)
	}
	var loaded bool
	eval(t, ctx, string(src)+"\n;typeof axe === 'object'", &loaded)
	var vs []violation
	eval(t, ctx, `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`, &vs)
	var bad []string
	for _, v := range vs {
		if v.Impact != "serious" && v.Impact != "critical" {
			continue
		}
		var where []string
		for _, n := range v.Nodes[:min(len(v.Nodes), 3)] {
			where = append(where, fmt.Sprintf("%v %.120s", n.Target, n.HTML))
		}
		bad = append(bad, fmt.Sprintf("%s (%s, %d elements): %s\n    %s", v.ID, v.Impact, len(v.Nodes), v.Help, strings.Join(where, "\n    ")))
	}
	if len(bad) > 0 {
		screenshot(t, ctx, "a11y-"+screen)
		t.Errorf("%s: %d serious or critical accessibility violations:\n%s", screen, len(bad), strings.Join(bad, "\n"))
	}
}

// checkPanels opens each side panel (the guidelines, the export settings,
// the overview), takes its screenshot and checks it with axe-core, naming
// each screen with prefix.
func checkPanels(t *testing.T, ctx context.Context, prefix string) {
	t.Helper()
	for _, panel := range []struct{ toggle, shown, name string }{
		{"guide-toggle", "guide", "guidelines"},
		{"dataset-settings-toggle", "dataset-settings", "export-settings"},
		{"overview-toggle", "overview", "overview"},
	} {
		run(t, ctx, "open "+panel.name, chromedp.Click(`[data-testid=`+panel.toggle+`]`, chromedp.ByQuery))
		waitJS(t, ctx, panel.name, `!!document.querySelector('[data-testid=`+panel.shown+`]')`)
		screenshot(t, ctx, prefix+panel.name)
		checkAccessible(t, ctx, prefix+panel.name)
	}
}

// TestAccessibleScreens checks the main screens with axe-core: a document
// open with spans, the guidelines, the export settings, the overview and
// the label mapping dialog.
func TestAccessibleScreens(t *testing.T) {
	ctx, _, _ := startApp(t)
	waitJS(t, ctx, "the first document", `!!document.querySelector('[data-testid=document]')`)
	var ok bool
	eval(t, ctx, selectJS, &ok)
	dblclick(t, ctx, 1)
	press(t, ctx, "1")
	waitSaved(t, ctx)
	checkAccessible(t, ctx, "document")
	checkPanels(t, ctx, "")
	// A file with labels outside the schema asks for a mapping.
	dir := t.TempDir()
	p := dir + "/mapping.jsonl"
	os.WriteFile(p, []byte(`{"text":"قتل الجيش أربعة في كاي","spans":[{"start":4,"end":9,"label":"ORG"},{"start":19,"end":22,"label":"GPE"}]}`+"\n"), 0o644)
	run(t, ctx, "import", chromedp.SetUploadFiles(`[data-testid=import]`, []string{p}, chromedp.ByQuery))
	waitJS(t, ctx, "the mapping dialog", `!!document.querySelector('[data-testid=label-mapping]')`)
	checkAccessible(t, ctx, "label-mapping")
}
