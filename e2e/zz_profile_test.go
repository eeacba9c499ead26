//go:build profile

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

func TestProfileAdds(t *testing.T) {
	size, n := 150000, 5000
	name := fmt.Sprintf("%dk-%d", size/1000, n)
	c := makeCase(t, size, n)
	file := "case-" + name
	srv := serveMounts(t, dist, "/", "", map[string]string{"/data/": writeCase(t, c, file)})
	ctx, _ := newBrowser(t)
	run(t, ctx, "open", chromedp.Navigate(srv.URL+"?open=%2Fdata%2F"+file+".jsonl"))
	waitJS(t, ctx, "the spans", js(`document.querySelector('[data-testid=document]')?.dataset.spanCount === '%d'`, n))
	benchWaitSaved(t, ctx, 120*time.Second)
	time.Sleep(3 * time.Second)
	free := freeWords(c, 1200, 20)
	run(t, ctx, "prof", profiler.Enable(), profiler.SetSamplingInterval(100), profiler.Start())
	for k, w := range free {
		selectCP(t, ctx, w[0], w[1])
		time.Sleep(100 * time.Millisecond)
		run(t, ctx, "press 1", chromedp.KeyEvent("1"))
		waitJS(t, ctx, "count", js(`document.querySelector('[data-testid=document]').dataset.spanCount === '%d'`, n+k+1))
		time.Sleep(400 * time.Millisecond)
	}
	var p *profiler.Profile
	run(t, ctx, "stop", chromedp.ActionFunc(func(cx context.Context) error {
		var err error
		p, err = profiler.Stop().Do(cx)
		return err
	}))
	if b, err := json.Marshal(p); err == nil {
		os.WriteFile("/tmp/prof/p.json", b, 0o644)
	}
	self := map[string]float64{}
	total := 0.0
	dt := map[int64]float64{}
	for i, id := range p.Samples {
		dt[id] += float64(p.TimeDeltas[i]) / 1000
	}
	parent := map[int64]int64{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, nd := range p.Nodes {
		byID[nd.ID] = nd
		for _, ch := range nd.Children {
			parent[ch] = nd.ID
		}
	}
	incl := map[string]float64{}
	for _, nd := range p.Nodes {
		fn := nd.CallFrame.FunctionName
		if fn == "(idle)" || fn == "(program)" || fn == "(garbage collector)" {
			self[fn] += dt[nd.ID]
			continue
		}
		self[fn] += dt[nd.ID]
		total += dt[nd.ID]
		seen := map[string]bool{}
		for id := nd.ID; id != 0; id = parent[id] {
			f := byID[id].CallFrame.FunctionName
			if !seen[f] {
				incl[f] += dt[nd.ID]
				seen[f] = true
			}
		}
	}
	dump := func(title string, m map[string]float64) {
		type kv struct {
			k string
			v float64
		}
		var xs []kv
		for k, v := range m {
			xs = append(xs, kv{k, v})
		}
		sort.Slice(xs, func(i, j int) bool { return xs[i].v > xs[j].v })
		f, _ := os.Create("/tmp/prof/" + title + ".txt")
		defer f.Close()
		fmt.Fprintf(f, "total non-idle %.1f ms over %d adds\n", total, len(free))
		for i, x := range xs {
			if i > 150 {
				break
			}
			fmt.Fprintf(f, "%9.1f  %s\n", x.v, x.k)
		}
	}
	dump("self", self)
	dump("incl", incl)
}

func TestMemProbe(t *testing.T) {
	c := makeCase(t, 3000, 50)
	srv := serveMounts(t, dist, "/", "", map[string]string{"/data/": writeCase(t, c, "case-3k")})
	ctx, _ := newBrowser(t)
	newDocScript(t, ctx, probeScript(t))
	newDocScript(t, ctx, wasmScript)
	run(t, ctx, "open", chromedp.Navigate(srv.URL+"?open=%2Fdata%2Fcase-3k.jsonl"))
	evalFor(t, ctx, 60*time.Second, "spans", js(`__peerbench.waitFor(%d, 55000)`, 50), nil)
	benchWaitSaved(t, ctx, 60*time.Second)
	time.Sleep(8 * time.Second)
	m := memory(t, ctx)
	t.Logf("at 8 s: RSS %.0f PSS %.0f", m.rssMB, m.pssMB)
	time.Sleep(20 * time.Second)
	m = memory(t, ctx)
	t.Logf("RSS %.0f PSS %.0f wasm %.1f heap %.1f procs %s", m.rssMB, m.pssMB, m.wasmMB, m.heapMB, m.procs)
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/smaps", m.pid))
	type mp struct {
		name      string
		rss, priv float64
	}
	var cur *mp
	var all []*mp
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 5 && strings.Contains(f[0], "-") && len(f[1]) == 4 {
			name := "[anon " + f[1] + "]"
			if len(f) >= 6 {
				name = f[5] + " " + f[1]
			}
			cur = &mp{name: name}
			all = append(all, cur)
			continue
		}
		if cur != nil && len(f) >= 2 {
			kb, _ := strconv.ParseFloat(f[1], 64)
			switch f[0] {
			case "Rss:":
				cur.rss += kb / 1024
			case "Private_Dirty:", "Private_Clean:":
				cur.priv += kb / 1024
			}
		}
	}
	agg := map[string]*mp{}
	for _, x := range all {
		a := agg[x.name]
		if a == nil {
			a = &mp{name: x.name}
			agg[x.name] = a
		}
		a.rss += x.rss
		a.priv += x.priv
	}
	var xs []*mp
	for _, a := range agg {
		xs = append(xs, a)
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].rss > xs[j].rss })
	for i, x := range xs {
		if i > 12 {
			break
		}
		t.Logf("%7.1f rss %7.1f private  %s", x.rss, x.priv, x.name)
	}
}

func TestProfileCuration(t *testing.T) {
	c := makeCase(t, 150000, 5000)
	dir := t.TempDir()
	var sa, sb []map[string]any
	for i, s := range c.Spans {
		sa = append(sa, map[string]any{"start": s["start"], "end": s["end"], "label": s["label"]})
		l := s["label"].(string)
		if i%4 == 0 {
			if l == "ACTOR" {
				l = "PLACE"
			} else {
				l = "ACTOR"
			}
		}
		sb = append(sb, map[string]any{"start": s["start"], "end": s["end"], "label": l})
	}
	for name, line := range map[string]map[string]any{
		"text.jsonl": {"id": "long", "text": c.Text, "meta": map[string]any{"title": "long"}},
		"a.jsonl":    {"text": c.Text, "spans": sa, "meta": map[string]any{"annotator": "A"}},
		"b.jsonl":    {"text": c.Text, "spans": sb, "meta": map[string]any{"annotator": "B"}},
	} {
		j, _ := json.Marshal(line)
		os.WriteFile(filepath.Join(dir, name), append(j, '\n'), 0o644)
	}
	srv := serveDir(t, dist, "/", "")
	ctx, _ := newBrowser(t)
	run(t, ctx, "open the app", chromedp.Navigate(srv.URL))
	waitJS(t, ctx, "the app", `!!document.querySelector('input[data-testid=import]')`)
	run(t, ctx, "import the text", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{filepath.Join(dir, "text.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "the text stored", said("info", "text.jsonl: imported"))
	run(t, ctx, "import the layers", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")}, chromedp.ByQuery))
	waitJS(t, ctx, "b", said("info", "b.jsonl: "))
	waitJS(t, ctx, "a", said("info", "a.jsonl: "))
	openDoc(t, ctx, "long")
	run(t, ctx, "open the curation", chromedp.Click(`[data-testid=curate-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the open units", `+document.querySelector('[data-testid=cu-status]')?.dataset.open > 0`)
	time.Sleep(3 * time.Second)
	run(t, ctx, "prof", profiler.Enable(), profiler.SetSamplingInterval(100), profiler.Start())
	for range 15 {
		press(t, ctx, "1")
		time.Sleep(400 * time.Millisecond)
	}
	var p *profiler.Profile
	run(t, ctx, "stop", chromedp.ActionFunc(func(cx context.Context) error {
		var err error
		p, err = profiler.Stop().Do(cx)
		return err
	}))
	b, _ := json.Marshal(p)
	os.WriteFile("/tmp/prof/p.json", b, 0o644)
}
