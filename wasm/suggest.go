//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/lexicon"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/tagger"
)

const suggestUsage = "raqim suggest [-train DONE.jsonl] [-sources LIST] [-actors ACTORS.tsv] [-keep] [-seed N] IN.jsonl"

// suggestMain runs the suggest verb with its arguments (after "suggest")
// and returns the exit status: 0, 1 for a file that cannot be read (the
// message names the file and line), 2 for bad usage. It writes IN's
// documents as span JSONL to stdout, their spans the suggestions (each with
// attrs.source and its values), and what went wrong to stderr.
func suggestMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("suggest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage:", suggestUsage)
		fs.PrintDefaults()
	}
	train := fs.String("train", "", "train the tagger on the spans of the documents in `DONE.jsonl` and use it")
	sources := fs.String("sources", "", "comma-separated `list` of sources: lexicon, gazetteer, date, casualty, context, propagation, tagger (default: all that apply)")
	actors := fs.String("actors", "", "add the actors of a `TSV` file (id, kind, name, arabic names separated by |) to the lexicon")
	keep := fs.Bool("keep", false, "treat IN's spans as the user's: suggestions avoid and propagate them (by default they are ignored)")
	seed := fs.Uint64("seed", 1, "training `seed`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "raqim suggest:", err)
		return 1
	}
	opts := suggest.Options{}
	if *sources != "" {
		s, err := suggest.ParseSources(*sources)
		if err != nil {
			fmt.Fprintln(stderr, "raqim suggest:", err)
			return 2
		}
		opts.Sources = s
	}
	if *actors != "" {
		f, err := os.Open(*actors)
		if err != nil {
			return fail(err)
		}
		l := lexicon.Default().Clone()
		err = l.Read(*actors, f)
		f.Close()
		if err != nil {
			return fail(err)
		}
		opts.Lexicon = l
	}
	if *train != "" {
		done, err := readJSONL(*train)
		if err != nil {
			return fail(err)
		}
		began := time.Now()
		m, err := suggest.New(opts).Train(done, tagger.Config{Seed: *seed})
		if err != nil {
			return fail(fmt.Errorf("%s: %w", *train, err))
		}
		fmt.Fprintf(stderr, "raqim suggest: trained on %d documents of %s in %v (%v)\n", len(done), *train, time.Since(began).Round(time.Millisecond), m)
		opts.Model = m
	}
	in := fs.Arg(0)
	docs, err := readJSONL(in)
	if err != nil {
		return fail(err)
	}
	e := suggest.New(opts)
	for i := range docs {
		d := &docs[i]
		if !*keep {
			d.Spans = nil
		}
		d.Spans = e.Suggest(d)
	}
	if err := jsonl.Encode(stdout, docs, jsonl.EncodeOptions{Annotations: true}); err != nil {
		return fail(err)
	}
	return 0
}

// readJSONL decodes a span JSONL file; its errors name the file and line.
func readJSONL(name string) ([]corpus.Document, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonl.Decode(name, f, jsonl.DecodeOptions{})
}
