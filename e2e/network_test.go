package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// TestNoRequestLeavesTheOrigin runs the app through load, import (in the
// worker), labelling, both exports and an offline reload with Chromium
// writing its own network log (--log-net-log: every request of the page,
// its workers and the service worker), and checks that every URL in it is
// of the app's origin (or a blob: or data: URL the page made itself).
func TestNoRequestLeavesTheOrigin(t *testing.T) {
	netlog := filepath.Join(t.TempDir(), "netlog.json")
	srv := serveDir(t, dist, "/", "")
	ctx, downloads := newBrowser(t, chromedp.Flag("log-net-log", netlog))
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 6`)
	waitDrawn(t, ctx, "the first document")
	labelWord(t, ctx, 0, 5, "1", 1)
	waitSaved(t, ctx)
	give(t, ctx, writeDocs(t, t.TempDir(), "net.jsonl", "net"))
	waitJS(t, ctx, "the import", listed("net"))
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-jsonl]`, chromedp.ByQuery))
	waitFile(t, downloads, "raqim-corpus.jsonl")
	run(t, ctx, "settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	run(t, ctx, "include all", chromedp.Click(`[data-testid=dataset-settings] input[type=checkbox]`, chromedp.ByQuery))
	run(t, ctx, "export the dataset", chromedp.Click(`[data-testid=export-dataset]`, chromedp.ByQuery))
	waitFile(t, downloads, "raqim-dataset.zip")
	waitJS(t, ctx, "the service worker", `!!navigator.serviceWorker.controller`)
	srv.Close()
	run(t, ctx, "reload offline", chromedp.Reload())
	waitJS(t, ctx, "the document offline", `!!document.querySelector('[data-testid=document]')`)
	// Chromium writes the log's end as it exits.
	chromedp.Run(ctx, browser.Close())
	for i := 0; i < 50; i++ {
		if b, err := os.ReadFile(netlog); err == nil && strings.HasSuffix(strings.TrimSpace(string(b)), "}") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}

	data, err := os.ReadFile(netlog)
	if err != nil {
		t.Fatalf("Chromium's network log: %v", err)
	}
	events, err := netLogEvents(data)
	if err != nil {
		t.Fatalf("reading the network log: %v", err)
	}
	// The requests the app made carry its origin as their initiator;
	// Chromium's own (update checks and the like) carry none.
	own := strings.TrimSuffix(srv.URL, "/")
	urls, off := 0, map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if init, _ := v["initiator"].(string); init == own {
				if u, ok := v["url"].(string); ok {
					urls++
					if !strings.HasPrefix(u, own+"/") && !strings.HasPrefix(u, "blob:"+own) && !strings.HasPrefix(u, "data:") {
						off[u] = true
					}
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, e := range events {
		var v any
		json.Unmarshal(e, &v)
		walk(v)
	}
	if urls < 10 {
		t.Fatalf("the network log holds %d requests of the app: it does not log them", urls)
	}
	t.Logf("%d requests of the app in the network log", urls)
	for u := range off {
		t.Errorf("a request off the origin: %s", u)
	}
}

// netLogEvents reads the events of a Chromium network log, which writes one
// event per line after its "events": [ line, the last one followed by the
// list's "]"; a log cut as Chromium exits may end in one partial line, which
// is left out, but any other line that is not an event is an error.
func netLogEvents(data []byte) ([]json.RawMessage, error) {
	_, rest, ok := strings.Cut(string(data), "\n\"events\": [\n")
	if !ok {
		return nil, fmt.Errorf("no events list in %d bytes", len(data))
	}
	lines := strings.Split(strings.TrimRight(rest, "\n"), "\n")
	var events []json.RawMessage
	for i, line := range lines {
		line = strings.TrimSuffix(strings.TrimSpace(line), ",")
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "]") {
			return events, nil
		}
		// The last event closes the list on its own line.
		if last, ok := strings.CutSuffix(line, "]"); ok && json.Valid([]byte(last)) {
			return append(events, json.RawMessage(last)), nil
		}
		if !json.Valid([]byte(line)) {
			if i == len(lines)-1 {
				return events, nil // the partial last line
			}
			return nil, fmt.Errorf("event line %d is not JSON: %.80s", i+1, line)
		}
		events = append(events, json.RawMessage(line))
	}
	return events, nil
}
