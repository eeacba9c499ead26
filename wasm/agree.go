//go:build !wasm

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/raqim/raqim/internal/agreement"
	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
)

// goldArgs are the files and flags of agree and score; flags may come
// before or after the files.
type goldArgs struct {
	files []string
	json  bool
	opts  agreement.Options
}

// errUsage marks a command line that does not fit the verb.
var errUsage = errors.New("usage")

func parseGoldArgs(args []string) (goldArgs, error) {
	g := goldArgs{opts: agreement.Options{Labels: corpus.Default.Names()}}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			g.files = append(g.files, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			g.files = append(g.files, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		next := func() (string, error) {
			if hasValue {
				return value, nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("%w: -%s needs a value", errUsage, name)
			}
			i++
			return args[i], nil
		}
		switch name {
		case "json":
			g.json = !hasValue || value == "true"
		case "resamples":
			v, err := next()
			if err != nil {
				return g, err
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				return g, fmt.Errorf("%w: -resamples %q is not a number", errUsage, v)
			}
			if n == 0 {
				n = -1 // 0 on the command line means none
			}
			g.opts.Resamples = n
		case "seed":
			v, err := next()
			if err != nil {
				return g, err
			}
			n, err := strconv.ParseUint(v, 10, 64)
			if err != nil {
				return g, fmt.Errorf("%w: -seed %q is not a number", errUsage, v)
			}
			g.opts.Seed = n
		default:
			return g, fmt.Errorf("%w: unknown flag %s", errUsage, a)
		}
	}
	return g, nil
}

// readLayers decodes each file as span JSONL with the default schema and
// matches their documents by text; documents not in every file are
// reported on stderr and left out. A layer is named by its file's base
// name (its path as given, where two base names are the same).
func readLayers(files []string, stderr io.Writer) (*align.Corpus, error) {
	base := make(map[string]int)
	for _, f := range files {
		base[filepath.Base(f)]++
	}
	layers := make([]align.Layer, len(files))
	for i, f := range files {
		name := filepath.Base(f)
		if base[name] > 1 {
			name = f
		}
		r, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		docs, err := jsonl.Decode(f, r, jsonl.DecodeOptions{Schema: corpus.Default})
		r.Close()
		if err != nil {
			return nil, err
		}
		layers[i] = align.Layer{Name: name, Docs: docs}
	}
	c, err := align.Match(layers)
	if err != nil {
		return nil, err
	}
	for _, l := range c.LeftOut {
		fmt.Fprintln(stderr, "raqim:", l)
	}
	return c, nil
}

const agreeUsage = "usage: raqim agree A.jsonl B.jsonl [C.jsonl ...] [-json] [-resamples N] [-seed N]"
const scoreUsage = "usage: raqim score GOLD.jsonl PRED.jsonl [-json] [-resamples N] [-seed N]"

// runAgree is the agree verb: the agreement of two or more span JSONL
// files, as tables or (-json) one JSON object on stdout. It returns the
// exit status: 0 on success, 1 on bad input, 2 on a bad command line.
func runAgree(args []string, stdout, stderr io.Writer) int {
	g, err := parseGoldArgs(args)
	if err == nil && len(g.files) < 2 {
		err = fmt.Errorf("%w: agree needs at least two files", errUsage)
	}
	if err != nil {
		fmt.Fprintln(stderr, "raqim agree:", err)
		fmt.Fprintln(stderr, agreeUsage)
		return 2
	}
	c, err := readLayers(g.files, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "raqim agree:", err)
		return 1
	}
	r, err := agreement.Agree(c, g.opts)
	if err != nil {
		fmt.Fprintln(stderr, "raqim agree:", err)
		return 1
	}
	for _, w := range r.Warnings {
		if !strings.HasPrefix(w, "document ") { // left-out documents were reported
			fmt.Fprintln(stderr, "raqim: warning:", w)
		}
	}
	if g.json {
		return writeJSON(stdout, stderr, r)
	}
	writeAgreement(stdout, r)
	return 0
}

// runScore is the score verb: PRED scored against GOLD under nervaluate's
// four schemas, as tables or (-json) one JSON object on stdout.
func runScore(args []string, stdout, stderr io.Writer) int {
	g, err := parseGoldArgs(args)
	if err == nil && len(g.files) != 2 {
		err = fmt.Errorf("%w: score needs two files, gold then predictions", errUsage)
	}
	if err != nil {
		fmt.Fprintln(stderr, "raqim score:", err)
		fmt.Fprintln(stderr, scoreUsage)
		return 2
	}
	c, err := readLayers(g.files, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "raqim score:", err)
		return 1
	}
	r, err := agreement.Score(c, 0, 1, g.opts)
	if err != nil {
		fmt.Fprintln(stderr, "raqim score:", err)
		return 1
	}
	for _, w := range r.Warnings {
		if !strings.HasPrefix(w, "document ") {
			fmt.Fprintln(stderr, "raqim: warning:", w)
		}
	}
	if g.json {
		return writeJSON(stdout, stderr, r)
	}
	writeScore(stdout, r)
	return 0
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, "raqim:", err)
		return 1
	}
	return 0
}

func ci(i agreement.Interval) string { return fmt.Sprintf("[%.3f, %.3f]", i[0], i[1]) }

func writeAgreement(w io.Writer, r *agreement.Report) {
	fmt.Fprintf(w, "%d documents; layers %s; 95%% intervals from %d bootstrap resamples of documents\n", r.Documents, strings.Join(r.Layers, ", "), r.Resamples)
	for _, p := range r.Pairs {
		fmt.Fprintf(w, "\n%s vs %s (%d and %d spans)\n", p.A, p.B, p.Strict.ASpans, p.Strict.BSpans)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "label\tstrict F1\t\toverlap F1\t\tkappa (code points)\t")
		row := func(name string, s, o agreement.PRF, k *agreement.Stat) {
			ks := "–\t"
			if k != nil {
				ks = fmt.Sprintf("%.3f\t%s", k.Value, ci(k.CI))
			}
			fmt.Fprintf(tw, "%s\t%.3f\t%s\t%.3f\t%s\t%s\t\n", name, s.F1, ci(s.F1CI), o.F1, ci(o.F1CI), ks)
		}
		for _, l := range r.Labels {
			s, ok := p.Strict.PerLabel[l]
			if !ok {
				continue
			}
			var k *agreement.Stat
			if x, ok := p.Kappa.All.PerLabel[l]; ok {
				k = &x
			}
			row(string(l), s.PRF, p.Overlap.PerLabel[l].PRF, k)
		}
		row("overall", p.Strict.PRF, p.Overlap.PRF, p.Kappa.All.Overall)
		tw.Flush()
		if k := p.Kappa.Labelled.Overall; k != nil {
			fmt.Fprintf(w, "kappa over the code points either layer labelled: %.3f %s\n", k.Value, ci(k.CI))
		}
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "all layers\tFleiss' kappa (code points)\t\tunitizing alpha\t\t")
	for _, l := range r.Labels {
		fk, a := "–\t", "–\t"
		if x, ok := r.Fleiss.All.PerLabel[l]; ok {
			fk = fmt.Sprintf("%.3f\t%s", x.Value, ci(x.CI))
		}
		if x, ok := r.AlphaU.PerLabel[l]; ok {
			a = fmt.Sprintf("%.3f\t%s", x, ci(r.AlphaU.CI.PerLabel[l]))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", l, fk, a)
	}
	fk := "–\t"
	if x := r.Fleiss.All.Overall; x != nil {
		fk = fmt.Sprintf("%.3f\t%s", x.Value, ci(x.CI))
	}
	fmt.Fprintf(tw, "overall\t%s\t%.3f\t%s\t\n", fk, r.AlphaU.Overall, ci(r.AlphaU.CI.Overall))
	tw.Flush()
}

func writeScore(w io.Writer, r *agreement.ScoreReport) {
	fmt.Fprintf(w, "%s scored against %s: %d documents; 95%% intervals from %d bootstrap resamples of documents\n\n", r.Pred, r.Gold, r.Documents, r.Resamples)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "schema\tlabel\tCOR\tINC\tPAR\tMIS\tSPU\tprecision\trecall\tF1\tF1 interval\t")
	for _, sc := range agreement.Schemas {
		s := r.Schemas[sc.String()]
		line := func(label string, x agreement.LabelScore) {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%s\t\n", sc, label, x.COR, x.INC, x.PAR, x.MIS, x.SPU, x.Precision, x.Recall, x.F1, ci(x.F1CI))
		}
		for _, l := range r.Labels {
			if x, ok := s.PerLabel[l]; ok {
				line(string(l), x)
			}
		}
		line("micro", s.LabelScore)
		if m := s.Macro; m != nil {
			fmt.Fprintf(tw, "%s\tmacro\t\t\t\t\t\t%.3f\t%.3f\t%.3f\t%s\t\n", sc, m.Precision, m.Recall, m.F1, ci(m.F1CI))
		}
	}
	tw.Flush()
	if len(r.Errors) == 0 {
		fmt.Fprintln(w, "\nno errors")
		return
	}
	fmt.Fprintf(w, "\n%d errors (strict/exact/partial/ent_type):\n", len(r.Errors))
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	ref := func(s *agreement.SpanRef) string {
		if s == nil {
			return "–"
		}
		return fmt.Sprintf("[%d,%d) %s %q", s.Start, s.End, s.Label, s.Text)
	}
	for _, e := range r.Errors {
		c := e.Categories
		fmt.Fprintf(tw, "%s\t%s/%s/%s/%s\tgold %s\tpred %s\n", e.Doc, c["strict"], c["exact"], c["partial"], c["ent_type"], ref(e.Gold), ref(e.Pred))
	}
	tw.Flush()
}
