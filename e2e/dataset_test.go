package e2e

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/raqim/raqim/internal/conll"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/hf"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/sample"
	"github.com/raqim/raqim/internal/tokenize"
)

// TestExportDataset imports the gold JSONL of the project's sample corpus
// (into an app whose built-in copy of that corpus, without spans, was
// removed), exports the dataset zip with every document included, and
// checks the zip's layout and that every gold span appears in the token
// formats (IOB2, BIOES, Hugging Face) as the right tag sequence over its
// tokens.
func TestExportDataset(t *testing.T) {
	gold := readGold(t)
	srv := serveDir(t, dist, "/", "")
	ctx, downloads := newBrowser(t)
	beforeScripts(t, ctx, `localStorage.setItem('raqim.seeded', 'true')`)
	run(t, ctx, "open app", chromedp.Navigate(srv.URL))
	goldPath := filepath.Join(t.TempDir(), "gold.jsonl")
	if err := os.WriteFile(goldPath, sample.GoldJSONL(), 0o644); err != nil {
		t.Fatal(err)
	}
	give(t, ctx, goldPath)
	waitJS(t, ctx, "the gold documents", js(`document.querySelectorAll('[data-testid=doc]').length === %d`, len(gold)))
	// A near-duplicate of the first gold document (a word added): the export
	// reads the texts of such candidates again from storage, and must keep
	// the two in one split.
	again, _ := json.Marshal(map[string]any{"id": "again", "title": "again", "text": gold[0].Text + " مكرر"})
	againPath := filepath.Join(t.TempDir(), "again.jsonl")
	if err := os.WriteFile(againPath, append(again, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "import the near-duplicate", chromedp.SetUploadFiles(`input[data-testid=import]`, []string{againPath}, chromedp.ByQuery))
	waitJS(t, ctx, "the near-duplicate", `[...document.querySelectorAll('[data-testid=doc]')].some(e => e.textContent.includes('again'))`)

	// Settings: include every document (the gold is not marked done).
	run(t, ctx, "settings", chromedp.Click(`[data-testid=dataset-settings-toggle]`, chromedp.ByQuery))
	waitJS(t, ctx, "the settings", `!!document.querySelector('[data-testid=dataset-settings]')`)
	run(t, ctx, "include all", chromedp.Click(`[data-testid=dataset-settings] input[type=checkbox]`, chromedp.ByQuery))
	waitJS(t, ctx, "the setting kept", `document.querySelector('[data-testid=dataset-settings] input[type=checkbox]').checked`)
	run(t, ctx, "export", chromedp.Click(`[data-testid=export-dataset]`, chromedp.ByQuery))
	data := waitFile(t, downloads, "raqim-dataset.zip")
	screenshot(t, ctx, "dataset-settings")

	files := unzip(t, data)
	for _, name := range []string{"README.md", "labels.json", "labelstudio.json", "hf/labels.json", "brat/annotation.conf"} {
		if len(files[name]) == 0 {
			t.Errorf("the zip has no %s", name)
		}
	}
	splits := []string{"train", "dev", "test"}
	for _, sp := range splits {
		for _, name := range []string{sp + ".jsonl", sp + ".conll", sp + ".bioes.conll", "hf/" + sp + ".jsonl"} {
			if _, ok := files[name]; !ok {
				t.Errorf("the zip has no %s", name)
			}
		}
	}
	var labels []string
	if err := json.Unmarshal(files["labels.json"], &labels); err != nil || strings.Join(labels, ",") != "ACTOR,PLACE,DATE,CASUALTY" {
		t.Errorf("labels.json = %s (%v)", files["labels.json"], err)
	}

	byID := make(map[string]goldDoc)
	for _, d := range gold {
		byID[d.ID] = d
	}
	hfLabels, err := hf.DecodeLabels("hf/labels.json", files["hf/labels.json"])
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	splitOf := map[string]string{}
	for _, sp := range splits {
		docs, err := jsonl.Decode(sp+".jsonl", bytes.NewReader(files[sp+".jsonl"]), jsonl.DecodeOptions{Schema: corpus.Default})
		if err != nil {
			t.Fatalf("%s.jsonl: %v", sp, err)
		}
		// What the gold says this split holds: each span as its tokens, with its label.
		var want []string
		for _, d := range docs {
			splitOf[d.ID] = sp
			if d.ID == "again" {
				continue
			}
			g, ok := byID[d.ID]
			if !ok {
				t.Fatalf("%s.jsonl has a document %q that is not of the gold", sp, d.ID)
			}
			seen++
			if d.Text != g.Text || len(d.Spans) != len(g.Spans) {
				t.Errorf("%s.jsonl: document %s differs from the gold", sp, d.ID)
			}
			for _, s := range g.Spans {
				want = append(want, tokensOf(s.Text)+" /"+s.Label)
			}
		}
		sort.Strings(want)
		check := func(name string, decoded []corpus.Document) {
			var got []string
			for _, d := range decoded {
				r := []rune(d.Text)
				for _, s := range d.Spans {
					got = append(got, tokensOf(string(r[s.Start:s.End]))+" /"+string(s.Label))
				}
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s: the spans read back from the tags differ from the gold (%d vs %d spans)", name, len(got), len(want))
			}
		}
		for _, name := range []string{sp + ".conll", sp + ".bioes.conll"} {
			decoded, _, err := conll.Decode(name, bytes.NewReader(files[name]), jsonl.DecodeOptions{Schema: corpus.Default})
			if err != nil && len(want) > 0 {
				t.Fatalf("%s: %v", name, err)
			}
			check(name, decoded)
		}
		decoded, _, err := hf.Decode("hf/"+sp+".jsonl", bytes.NewReader(files["hf/"+sp+".jsonl"]), hfLabels, jsonl.DecodeOptions{Schema: corpus.Default})
		if err != nil && len(want) > 0 {
			t.Fatalf("hf/%s.jsonl: %v", sp, err)
		}
		check("hf/"+sp+".jsonl", decoded)
	}
	if seen != len(gold) {
		t.Errorf("the splits hold %d documents, the gold %d", seen, len(gold))
	}
	if splitOf["again"] == "" || splitOf["again"] != splitOf[gold[0].ID] {
		t.Errorf("the near-duplicate is in split %q, its original %s in %q: want one split", splitOf["again"], gold[0].ID, splitOf[gold[0].ID])
	}
	if strings.Contains(string(files["README.md"]), ": 0 group(s) here") {
		t.Error("the dataset card counts no near-duplicate group")
	}
	if !strings.Contains(string(files["README.md"]), "dataset_info") {
		t.Error("the dataset card has no dataset_info block")
	}
}

// unzip returns the files of the zip data by name.
func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the download is not a zip: %v", err)
	}
	files := make(map[string][]byte)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return files
}

// tokensOf joins the tokens of a span's text with single spaces: the form
// a span takes in the token formats.
func tokensOf(text string) string {
	var parts []string
	for _, tk := range tokenize.Tokens(text, nil) {
		parts = append(parts, tk.Text)
	}
	return strings.Join(parts, " ")
}
