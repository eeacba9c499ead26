package e2e

import (
	"context"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// savedWatch records, in the page, the span count the document showed
// each time the save state said every edit was stored: what the user was
// told is saved.
const savedWatch = `{
	window.__savedCount = -1;
	const seen = () => {
		const s = document.querySelector('[data-testid=save-state]'), d = document.querySelector('[data-testid=document]');
		if (s && d && s.dataset.state === 'saved') window.__savedCount = +d.dataset.spanCount;
	};
	new MutationObserver(seen).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-state', 'data-span-count']});
}`

// TestCrashLoop labels a word, then, at a random moment 0–50 ms after the
// key, reloads the tab or crashes it and opens a new one; after reopening,
// every span the app had shown as saved is there, every span stored is
// whole (one of the words labelled, with its label) and no two overlap.
// RAQIM_SOAK_CYCLES sets the cycles (make test: 50; make soak: 1,000).
func TestCrashLoop(t *testing.T) {
	cycles := 50
	if n, err := strconv.Atoi(os.Getenv("RAQIM_SOAK_CYCLES")); err == nil && n > 0 {
		cycles = n
	}
	// Each document holds 384 words (about 2,000 code points, all drawn
	// when it opens, so that every span it holds is checked): a longer run
	// goes on in a new document once one is labelled through.
	words := strings.Fields(strings.Repeat("هاجم مسلحون قرية قرب مدينة كاي صباح الثلاثاء ", 48))
	text := strings.Join(words, " ")
	starts := make([]int, len(words))
	for i := 1; i < len(words); i++ {
		starts[i] = starts[i-1] + len([]rune(words[i-1])) + 1
	}
	labels := []string{"ACTOR", "PLACE", "DATE", "CASUALTY"}
	keyOf := map[string]string{"ACTOR": "1", "PLACE": "2", "DATE": "3", "CASUALTY": "4"}

	srv := serveDir(t, dist, "/", "")
	first, _ := newBrowser(t)
	beforeScripts(t, first, savedWatch)
	run(t, first, "open app", chromedp.Navigate(srv.URL))
	waitJS(t, first, "the sample corpus", `document.querySelectorAll('[data-testid=doc]').length >= 6`)
	title := "soak"
	importText(t, first, title, text)
	waitSaved(t, first)
	docs := 7 // the sample corpus and the soak document

	ctx := first
	rng := rand.New(rand.NewPCG(20251007, uint64(cycles)))
	wanted := map[int]string{} // word start → the label its key gave
	checked, lost, crashes := 0, 0, 0
	for c := 0; c < cycles; c++ {
		w := c % len(words)
		if w == 0 && c > 0 {
			title = "soak-" + strconv.Itoa(c/len(words)+1)
			importText(t, ctx, title, text+" "+title) // a text of its own: a repeated one is not imported

			waitSaved(t, ctx)
			docs++
			wanted = map[int]string{}
		}
		label := labels[rng.IntN(4)]
		var ok bool
		eval(t, ctx, selectJS, &ok)
		eval(t, ctx, js("__select(%d, %d)", starts[w], starts[w]+len([]rune(words[w]))), &ok)
		press(t, ctx, keyOf[label])
		wanted[starts[w]] = label
		time.Sleep(time.Duration(rng.IntN(51)) * time.Millisecond)
		var saved int
		eval(t, ctx, `window.__savedCount`, &saved)
		if rng.IntN(2) == 0 {
			run(t, ctx, "reload", chromedp.Reload())
		} else {
			crashes++
			// The tab's renderer dies: no answer comes to the command.
			cc, cancel := context.WithTimeout(ctx, 2*time.Second)
			chromedp.Run(cc, page.Crash())
			cancel()
			next, _ := chromedp.NewContext(first)
			if err := chromedp.Run(next); err != nil {
				t.Fatalf("a new tab: %v", err)
			}
			beforeScripts(t, next, savedWatch)
			// A new tab's first navigation after a crash now and then never
			// reports its load: it is tried again.
			for try := 1; ; try++ {
				nc, cancel := context.WithTimeout(next, 15*time.Second)
				err := chromedp.Run(nc, chromedp.Navigate(srv.URL))
				cancel()
				if err == nil {
					break
				}
				if try == 3 {
					t.Fatalf("cycle %d: opening the app in a new tab: %v", c, err)
				}
			}
			ctx = next
		}
		reopen(t, ctx, title, docs)
		spans := renderedSpans(t, ctx)
		// What storage holds is the truth from now on.
		stored := map[int]string{}
		for i, sp := range spans {
			if want, ok := wanted[sp.Start]; !ok || want != sp.Label || sp.Text != words[indexOf(starts, sp.Start)] {
				t.Fatalf("cycle %d: a stored span that was never made whole: %+v", c, sp)
			}
			if i > 0 && sp.Start < spans[i-1].End {
				t.Fatalf("cycle %d: stored spans overlap: %+v, %+v", c, spans[i-1], sp)
			}
			stored[sp.Start] = sp.Label
		}
		if len(spans) < saved {
			lost += saved - len(spans)
			t.Errorf("cycle %d: %d spans shown as saved, %d stored", c, saved, len(spans))
		}
		checked += len(spans)
		wanted = stored
	}
	t.Logf("%d cycles (%d crashes, %d reloads), %d spans checked after reopening, %d lost", cycles, crashes, cycles-crashes, checked, lost)
}

// reopen waits for the app to list docs documents and show the one of
// title again, opening it from the list when the app did not (it does not
// reopen a document whose opening a crash cut short).
func reopen(t *testing.T, ctx context.Context, title string, docs int) {
	t.Helper()
	waitJS(t, ctx, "the app", js(`document.querySelectorAll('[data-testid=doc]').length >= %d`, docs))
	var open bool
	for i := 0; i < 50; i++ {
		eval(t, ctx, js(`document.querySelector('.doc-head h1')?.textContent === %q && document.querySelector('[data-testid=save-state]')?.dataset.state === 'saved'`, title), &open)
		if open {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	openDoc(t, ctx, title)
	waitSaved(t, ctx)
}

func indexOf(xs []int, x int) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}
