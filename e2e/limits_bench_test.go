package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/raqim/raqim/internal/corpus"
)

// BenchmarkBrowserLimits measures the app at the limits it takes: a
// document of corpus.MaxRunes code points (a line break every ~1,300, a
// span every ~40) opened from storage and scrolled top to bottom (time to
// its spans, peak and idle renderer RSS), and a span JSONL file of about
// 100 MB (documents of ~3,000 code points, 50 spans each) imported with
// ?open= (time to all stored, peak RSS), against the 300 MB bound; and a
// 100 MB .txt, refused by its size.
func BenchmarkBrowserLimits(b *testing.B) {
	var out report
	defer out.flush(b)
	dir := b.TempDir()

	// The longest document.
	para := []rune(strings.Repeat("أعلنت القوات المسلحة أن قافلة تعرضت لكمين قرب بلدة في ولاية كاي. ", 20) + "\n")
	n := corpus.MaxRunes
	if v, err := strconv.Atoi(os.Getenv("RAQIM_LONGEST")); err == nil && v > 0 && v < n {
		n = v // a shorter document, to see how memory follows length
	}
	text := make([]rune, 0, n)
	for len(text) < n {
		text = append(text, para...)
	}
	text = text[:n]
	var spans []map[string]any
	for _, w := range wordsOf(text) {
		if w.s >= len(spans)*40 && w.e <= len(text) {
			spans = append(spans, map[string]any{"start": w.s, "end": w.e, "label": "PLACE"})
		}
	}
	line, _ := json.Marshal(map[string]any{"id": "longest", "text": string(text), "spans": spans, "meta": map[string]any{"title": "longest"}})
	os.WriteFile(filepath.Join(dir, "longest.jsonl"), append(line, '\n'), 0o644)

	// About 100 MB of span JSONL; RAQIM_IMPORT_MB sets another size, to
	// see whether an import's peak follows the file's size.
	importMB := 100
	if v, err := strconv.Atoi(os.Getenv("RAQIM_IMPORT_MB")); err == nil && v > 0 && v < 256 {
		importMB = v
	}
	base, baseSpans := corpusBase(b)
	var buf bytes.Buffer
	docs := 0
	for buf.Len() < importMB<<20 {
		docs++
		prefix := fmt.Sprintf("وثيقة %d\n", docs)
		shift := len([]rune(prefix))
		ss := make([]map[string]any, len(baseSpans))
		for j, s := range baseSpans {
			ss[j] = map[string]any{"start": s["start"].(int) + shift, "end": s["end"].(int) + shift, "label": s["label"]}
		}
		l, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("big-%05d", docs), "text": prefix + base, "spans": ss})
		buf.Write(l)
		buf.WriteByte('\n')
	}
	os.WriteFile(filepath.Join(dir, "big.jsonl"), buf.Bytes(), 0o644)
	size := float64(buf.Len()) / (1 << 20)
	buf = bytes.Buffer{}
	os.WriteFile(filepath.Join(dir, "book.txt"), []byte(strings.Repeat("سطر من كتاب طويل\n", 100<<20/len("سطر من كتاب طويل\n"))), 0o644)

	srv := serveMounts(b, dist, "/", "", map[string]string{"/data/": dir})
	b.Run("longest", func(b *testing.B) {
		ctx, _ := newBrowser(b)
		newDocScript(b, ctx, probeScript(b))
		newDocScript(b, ctx, wasmScript)
		run(b, ctx, "open the app", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Flongest.jsonl"))
		evalFor(b, ctx, 300*time.Second, "the document", js(`__peerbench.waitFor(%d, 295000)`, len(spans)), nil)
		benchWaitSaved(b, ctx, 120*time.Second)
		// Opened again from storage, inside the running app: the sample list
		// first, then the document.
		run(b, ctx, "reload", chromedp.Reload())
		evalFor(b, ctx, 300*time.Second, "the document again", js(`__peerbench.waitFor(%d, 295000)`, len(spans)), nil)
		stop := memPeaks(ctx)
		t0 := time.Now()
		openDoc(b, ctx, firstSampleTitleB(b, ctx))
		openDoc(b, ctx, "longest")
		opened := time.Since(t0)
		// The same document opened again is drawn anew: the scroll starts
		// once its whole height is laid out.
		evalFor(b, ctx, 60*time.Second, "the document's height", `new Promise((ok) => { const p = () => { const el = document.querySelector('.editor'); el && el.scrollHeight > 50 * el.clientHeight ? ok(true) : setTimeout(p, 50); }; p(); })`, nil)
		var frames int
		evalFor(b, ctx, 600*time.Second, "the scroll", `new Promise((resolve) => {
			const el = document.querySelector('.editor'); let n = 0;
			const step = () => { el.scrollTop += 200; n++; if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2) resolve(n); else requestAnimationFrame(step); };
			requestAnimationFrame(step);
		})`, &frames)
		var end int
		eval(b, ctx, `Math.max(...[...document.querySelectorAll('[data-testid=document] .block')].map((e) => +e.dataset.end))`, &end)
		if frames < 100 || end != len(text) {
			b.Fatalf("the scroll stopped after %d frames, the last block drawn ending at %d of %d code points", frames, end, len(text))
		}
		evalFor(b, ctx, 60*time.Second, "an idle page", `__peerbench.waitIdle(300, 20000)`, nil)
		peaks := stop()
		pid := largest(peaks)
		idle := procMem(pid)
		rest := settle(pid)
		m := memory(b, ctx)
		if m.pid != pid {
			b.Fatalf("the page's renderer is %d, the largest %d", m.pid, pid)
		}
		out.add("BenchmarkBrowserLimits: a document of %d code points and %d spans: a sample document then it opened in %v; scrolled top to bottom at 200 px a frame (%d frames): peak renderer %v, %v once idle, at rest %v (after %v; wasm memory %.0f MB, %.0f DOM nodes)",
			len(text), len(spans), opened.Round(time.Millisecond), frames, peaks[pid], idle, rest.mem, rest.after, m.wasmMB, m.nodes)
		b.ReportMetric(peaks[pid].rss, "longest-peak-rss-MB")
		b.ReportMetric(peaks[pid].pss, "longest-peak-pss-MB")
		b.ReportMetric(peaks[pid].pmf, "longest-peak-pmf-MB")
		b.ReportMetric(rest.rss, "longest-rest-rss-MB")
	})
	b.Run("import100MB", func(b *testing.B) {
		ctx, _ := newBrowser(b)
		newDocScript(b, ctx, probeScript(b))
		newDocScript(b, ctx, wasmScript)
		run(b, ctx, "the app", chromedp.Navigate(srv.URL))
		evalFor(b, ctx, 120*time.Second, "the sample corpus", `new Promise((ok) => { const p = () => document.querySelectorAll('[data-testid=doc]').length >= 6 ? ok(true) : setTimeout(p, 50); p(); })`, nil)
		stop := memPeaks(ctx)
		t0 := time.Now()
		run(b, ctx, "open the file", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Fbig.jsonl"))
		waitPage(b, ctx, 1800*time.Second, "every document stored",
			js(`document.querySelector('[data-testid=save-state]')?.dataset.state === 'saved' && (document.querySelector('[data-testid=doc-list] h2')?.textContent || '').includes('(%d)')`, docs+6))
		took := time.Since(t0)
		peaks := stop()
		pid := largest(peaks)
		idle := procMem(pid)
		rest := settle(pid)
		out.add("  a span JSONL file of %.0f MB, %d documents, %d spans: stored in %v; peak renderer %v (the page and its workers), %v once stored, at rest %v (after %v)",
			size, docs, docs*len(baseSpans), took.Round(time.Second), peaks[pid], idle, rest.mem, rest.after)
		b.ReportMetric(peaks[pid].rss, "import100-peak-rss-MB")
		b.ReportMetric(peaks[pid].pss, "import100-peak-pss-MB")
		b.ReportMetric(peaks[pid].pmf, "import100-peak-pmf-MB")
		b.ReportMetric(rest.rss, "import100-rest-rss-MB")

		// A 100 MB .txt: refused by its size, before it is read.
		t0 = time.Now()
		give(b, ctx, filepath.Join(dir, "book.txt"))
		waitPage(b, ctx, 60*time.Second, "the refusal", said("error", "book.txt", "MiB"))
		out.add("  a .txt of 100 MB: refused by its size in %v", time.Since(t0).Round(time.Millisecond))
	})
}

// firstSampleTitleB is firstSampleTitle for a benchmark.
func firstSampleTitleB(b testing.TB, ctx context.Context) string {
	var title string
	eval(b, ctx, `document.querySelector('[data-testid=doc] .doc-title').textContent`, &title)
	return title
}

// largest returns the pid of the renderer with the largest RSS peak: the
// page's (the others hold the service worker, about 70 MB).
func largest(peaks map[int64]mem) int64 {
	var pid int64
	for id, m := range peaks {
		if pid == 0 || m.rss > peaks[pid].rss {
			pid = id
		}
	}
	return pid
}

// rest is a renderer's memory 20 s after the page went idle.
type rest struct {
	mem
	after time.Duration
}

// settle samples a renderer's memory every second for 20 s once the page
// is idle and returns the last: the browser frees the garbage of a page's
// work by itself some seconds after the page went idle (nothing here
// forces a collection).
func settle(pid int64) rest {
	t0 := time.Now()
	for {
		m := procMem(pid)
		if time.Since(t0) >= 20*time.Second {
			return rest{mem: m, after: time.Since(t0).Round(time.Second)}
		}
		time.Sleep(time.Second)
	}
}
