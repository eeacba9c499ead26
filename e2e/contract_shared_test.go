//go:build shared

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPeerBenchContract runs the shared peer benchmark's own probe against
// the app: ?open= imports a same-origin JSONL and opens it, the document
// root reports its span count once rendered, and a selection gesture plus a
// real "1" key adds an ACTOR span that the probe sees.
func TestPeerBenchContract(t *testing.T) {
	probe, err := os.ReadFile(filepath.Join(shared, "bench", "peers", "harness", "probe.js"))
	if err != nil {
		t.Fatalf("the shared peer benchmark is needed: %v", err)
	}
	c := makeCase(t, 3000, 50)
	data := writeCase(t, c, "case-3k-50")
	srv := serveMounts(t, dist, "/", "", map[string]string{"/data/": data})
	ctx, _ := newBrowser(t)
	beforeScripts(t, ctx, "window.__peerbenchConfig = {kind: 'testid'};\n"+string(probe))
	run(t, ctx, "open", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Fcase-3k-50.jsonl"))
	var ready struct{ Count int }
	eval(t, ctx, `__peerbench.waitFor(50, 30000)`, &ready)
	if ready.Count != 50 {
		t.Fatalf("ready with %d spans", ready.Count)
	}
	eval(t, ctx, `__peerbench.waitSelector('input[data-testid=import]', 30000)`, nil)
	var g struct{ Before int }
	eval(t, ctx, js(`__peerbench.addSpanGesture({start: %d, end: %d, label: 'ACTOR', text: %q}, {dragMs: 50})`, c.Add[0], c.Add[1], string([]rune(c.Text)[c.Add[0]:c.Add[1]])), &g)
	run(t, ctx, "press 1", chromedp.KeyEvent("1"))
	var k struct {
		After     int
		LatencyMs float64
	}
	eval(t, ctx, js(`__peerbench.waitKeyAdd(%d, 30000)`, g.Before), &k)
	if k.After != 51 {
		t.Fatalf("after the key: %d spans", k.After)
	}
	t.Logf("add latency %.1f ms", k.LatencyMs)
	got := renderedSpans(t, ctx)
	found := false
	for _, s := range got {
		if s.Start == c.Add[0] && s.End == c.Add[1] && s.Label == "ACTOR" {
			found = true
		}
	}
	if !found {
		t.Fatalf("the added span [%d,%d) ACTOR is not rendered", c.Add[0], c.Add[1])
	}
	// Once stored, ?open= leaves the address: a reload reopens the
	// document from storage, and a second visit with the same URL imports
	// nothing new (same content).
	waitSaved(t, ctx)
	var search string
	eval(t, ctx, `location.search`, &search)
	if search != "" {
		t.Errorf("the address still has %q once the file is stored", search)
	}
	run(t, ctx, "reload", chromedp.Reload())
	eval(t, ctx, `__peerbench.waitFor(51, 30000)`, &ready)
	run(t, ctx, "visit the same URL again", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Fcase-3k-50.jsonl"))
	eval(t, ctx, `__peerbench.waitFor(51, 30000)`, &ready)
	if n := docCount(t, ctx); n != 1 {
		t.Fatalf("%d documents after a second ?open= of the same file", n)
	}
}
