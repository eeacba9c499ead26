// Package worker does the work the page hands to its background worker (see
// package job) against a store: imports that store what they read, and
// exports of the whole corpus. It is pure Go; the worker's entry point only
// carries requests, files and replies across.
package worker

import (
	"bytes"
	"cmp"
	"encoding/json"
	"github.com/raqim/raqim/internal/agreement"
	"github.com/raqim/raqim/internal/align"
	"github.com/raqim/raqim/internal/gold"
	"io"
	"slices"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset"
	"github.com/raqim/raqim/internal/importer"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/jsonl"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
)

// Spiller is implemented by an export's writer that also provides the
// places where a dataset export keeps the files it writes aside; without
// it they are kept in memory.
type Spiller interface {
	Spill() dataset.Spill
}

// Do performs req against st, writes the file it makes (an export's) to out
// (which may be a Spiller), and returns its reply, whose File is set when a
// file was written. files are the files of an Import, in the order of
// req.Files. progress, when not nil, is told how far a long piece of work
// is, in words for the user. An import into st stops after Shift documents
// of a large span JSONL file, its reply saying where to go on (Resume); a
// dataset export of st stops once it has made its plan, which its reply
// carries (Plan), for a request with that plan to write the zip.
func Do(st store.Store, req job.Request, files []importer.Input, out io.Writer, progress func(job.Progress)) job.Reply {
	if progress == nil {
		progress = func(job.Progress) {}
	}
	schema := &req.Schema
	if len(schema.Labels) == 0 {
		schema = corpus.Default
	}
	p := locale.New(req.Locale)
	if req.Memory {
		return inMemory(req, files, schema, out, p, progress)
	}
	// Documents whose stored records are damaged are left out, and said.
	var damaged *store.DamagedError
	r := do(store.SkipDamaged(st, func(d *store.DamagedError) { damaged = d }), req, files, schema, out, Shift, p, progress)
	if damaged != nil && req.Op != job.Import {
		r.Messages = append(r.Messages, job.Message{Kind: "warn", Text: p.T("Left out of the export: %v", damaged)})
	}
	return r
}

// Shift is how many documents of a large span JSONL file one worker stores;
// the import then goes on in a new worker (see job.Resume), as it does
// once the file is checked. The browser frees what it keeps of the records
// a worker writes late, in a worker: 2,000 documents of 3,000 characters
// and 50 spans stored by one worker raised the tab's peak by about 100 MB;
// in shifts of 500 the peak stays within 30 MB of the tab's at rest with
// the worker, at the cost of starting one more worker per shift (the
// import took 5.5 s against 5.1).
const Shift = 500

// do performs req against st; when shift > 0, it stops an import after
// shift documents and a dataset export once its plan is made, for the
// page to go on in a new worker.
func do(st store.Store, req job.Request, files []importer.Input, schema *corpus.Schema, out io.Writer, shift int, p *locale.Printer, progress func(job.Progress)) job.Reply {
	switch req.Op {
	case job.Import:
		sums, err := st.List()
		if err != nil {
			return job.Reply{Error: p.Error(err)}
		}
		opts := importer.Options{Schema: schema, Annotator: req.Annotator, LabelMap: req.LabelMap}
		files = slices.Clone(files)
		for i := range min(len(files), len(req.Layers)) {
			files[i].Layer = req.Layers[i]
		}
		return importer.RunFrom(st, store.NewKnown(sums), importer.Group(files), opts, req.Resume, shift, p, progress)
	case job.ExportJSONL:
		return exportJSONL(st, schema, req.Annotator, out, p, progress)
	case job.ExportDataset:
		return exportDataset(st, schema, req.Dataset, req.Plan, shift > 0, out, p, progress)
	case job.Agree, job.Score:
		return agree(st, schema, req.Annotator, req.Gold, req.Op == job.Score, p, progress)
	case job.Train:
		return train(st, p, progress)
	case job.Propagate:
		return propagate(st, req.Phrase, p)
	case job.SuggestLayer:
		return suggestLayer(st, req, p, progress)
	}
	return job.Reply{Error: p.T("unknown work %q", req.Op)}
}

// inMemory does req for a page without storage: the corpus of an export is
// the span JSONL file handed over last, and an import's documents go back
// as span JSONL.
func inMemory(req job.Request, files []importer.Input, schema *corpus.Schema, out io.Writer, p *locale.Printer, progress func(job.Progress)) job.Reply {
	st := store.NewMemory()
	req.Memory = false
	if req.Op != job.Import {
		if len(files) == 0 {
			return job.Reply{Error: p.T("the corpus was not handed over")}
		}
		c := files[len(files)-1]
		var r io.Reader = bytes.NewReader(c.Data)
		if c.Open != nil {
			rd, err := c.Open(0)
			if err != nil {
				return job.Reply{Error: p.T("reading the corpus: %v", err)}
			}
			r = rd
		}
		docs, err := jsonl.Decode(c.Name, r, jsonl.DecodeOptions{Schema: schema})
		if err == nil {
			err = st.Add(docs)
		}
		if err != nil {
			return job.Reply{Error: p.T("reading the corpus: %v", err)}
		}
		return do(st, req, nil, schema, out, 0, p, progress)
	}
	r := do(st, req, files, schema, nil, 0, p, progress) // all at once: the store goes with the worker
	docs, err := st.Documents()
	if err == nil {
		err = jsonl.Encode(out, docs, jsonl.EncodeOptions{Annotations: true})
	}
	if err != nil {
		return job.Reply{Error: p.Error(err)}
	}
	r.File, r.Type = "imported.jsonl", "application/jsonl"
	return r
}

// exportJSONL writes the corpus as span JSONL, reading it a run of
// documents at a time, each span with its annotator and each line with
// meta.annotator (jsonl.DocAnnotator, annotator the fallback).
func exportJSONL(st store.Store, schema *corpus.Schema, annotator string, out io.Writer, p *locale.Printer, progress func(job.Progress)) job.Reply {
	sums, err := st.List()
	if err != nil {
		return job.Reply{Error: p.T("Export stopped: %v", err)}
	}
	tell := percent(progress, p, p.T("Exporting…"))
	const run = 50
	for i := 0; i < len(sums); i += run {
		ids := make([]string, 0, run)
		for _, s := range sums[i:min(i+run, len(sums))] {
			ids = append(ids, s.ID)
		}
		docs, err := st.Read(ids)
		if err == nil {
			err = jsonl.Encode(out, docs, jsonl.EncodeOptions{Schema: schema, Attribute: true, Annotator: annotator})
		}
		if err != nil {
			return job.Reply{Error: p.T("Export stopped: %v", err)}
		}
		tell(i+len(ids), len(sums))
	}
	return job.Reply{
		File: "raqim-corpus.jsonl", Type: "application/jsonl",
		Messages: []job.Message{{Kind: "info", Text: p.T("Exported %s.", locale.Text(p.T("%d documents", len(sums))))}},
	}
}

// exportDataset writes the dataset zip; in parts (when parts), it makes
// the plan and replies with it, and a request with a plan writes the zip.
func exportDataset(st store.Store, schema *corpus.Schema, d job.Dataset, plan []byte, parts bool, out io.Writer, loc *locale.Printer, progress func(job.Progress)) job.Reply {
	set := dataset.DefaultSettings()
	set.IncludeAll, set.Seed, set.Ratios, set.Units = d.IncludeAll, d.Seed, d.Ratios, d.Units
	set.Spans, set.KeepOwn = d.Spans, d.KeepOwn
	set.Schema = schema
	set.Locale = loc.Settings() // the card's prose in the request's language
	if d.Name != "" {
		set.Name = d.Name
	}
	if d.Version != "" {
		set.Version = d.Version
	}
	if sp, ok := out.(Spiller); ok {
		set.Spill = sp.Spill
	}
	progress(job.Progress{Text: loc.T("Exporting dataset…")})
	tell := percent(progress, loc, loc.T("Exporting dataset…"))
	var stats dataset.Stats
	var err error
	switch {
	case len(plan) > 0:
		var p dataset.Plan
		if err = json.Unmarshal(plan, &p); err == nil {
			stats, err = dataset.WritePlan(out, st, set, p, tell)
		}
	default:
		var p dataset.Plan
		if p, err = dataset.Prepare(st, set, tell); err != nil {
			break
		}
		p.Stats.Agreement = cardAgreement(st, schema, p)
		if !parts {
			stats, err = dataset.WritePlan(out, st, set, p, tell)
		} else if plan, err = json.Marshal(p); err == nil {
			return job.Reply{Plan: plan}
		}
	}
	if err != nil {
		return job.Reply{Error: loc.T("Dataset export stopped: %v", err)}
	}
	msg := loc.T("Exported a dataset of %s: train %d, dev %d, test %d.", locale.Text(loc.T("%d documents", stats.Documents)),
		stats.Splits[0].Documents, stats.Splits[1].Documents, stats.Splits[2].Documents)
	if stats.Spans == dataset.SpansGold {
		msg += " " + loc.T("Spans from the curated gold layer of %s.", locale.Text(loc.T("%d documents", stats.Gold)))
		if stats.NoGold > 0 && !set.KeepOwn {
			msg += " " + loc.T("Left out, without a curated gold layer: %s.", locale.Text(loc.T("%d documents", stats.NoGold)))
		}
	}
	if stats.Left > 0 {
		msg += " " + loc.T("%s not marked done were left out.", locale.Text(loc.T("%d documents", stats.Left)))
	}
	return job.Reply{
		File: dataset.FileName(set.Name), Type: "application/zip",
		Messages: []job.Message{{Kind: "info", Text: msg}},
	}
}

// cardAgreement measures, for the dataset card, the agreement of the human
// layers of the documents of plan p, without bootstrap; nil when they are
// fewer than two or cannot be compared.
func cardAgreement(st store.Store, schema *corpus.Schema, p dataset.Plan) *dataset.AgreementFigures {
	names := make([]string, 0, len(p.Stats.HumanLayers))
	for n := range p.Stats.HumanLayers {
		names = append(names, n)
	}
	if len(names) < 2 {
		return nil
	}
	slices.Sort(names)
	ids := slices.Concat(p.Splits[0], p.Splits[1], p.Splits[2])
	read, err := gold.Read(st, nil, gold.Choice{Layers: names, Docs: ids})
	if err != nil {
		return nil
	}
	c, err := align.Match(read)
	if err != nil {
		return nil
	}
	r, err := agreement.Agree(c, agreement.Options{Resamples: -1, Labels: schema.Names()})
	if err != nil {
		return nil
	}
	f := &dataset.AgreementFigures{Documents: r.Documents, Layers: r.Layers, FleissKappa: r.FleissKappa}
	for _, pr := range r.Pairs {
		f.Pairs = append(f.Pairs, dataset.PairF1{A: pr.A, B: pr.B, F1: pr.Strict.F1})
	}
	return f
}

// percent returns a progress callback that tells what, with the percentage
// done, each time the percentage changes.
func percent(progress func(job.Progress), p *locale.Printer, what string) func(done, total int) {
	last := -1
	return func(done, total int) {
		if pct := 100 * done / max(total, 1); pct != last {
			last = pct
			progress(job.Progress{Text: p.T("%s %d%%", locale.Text(what), pct)})
		}
	}
}

// StartShare, when set, starts where half of a large agreement's or
// score's bootstrap can be computed meanwhile, and returns what
// agreement.Options.Share takes: the browser's worker sets it to start a
// second worker. It is called as the layers begin to be read, only when
// the documents chosen are enough for a share.
var StartShare func() func(share []byte) (wait func() ([]byte, error), ok bool)

// agree surveys st's layers (the own one named own) and, when choice names
// two or more (nil, for an agreement, is gold.DefaultChoice), measures
// their agreement as the agree verb does, or, with score, scores the
// second layer against the first as the score verb does.
func agree(st store.Store, schema *corpus.Schema, own string, choice *gold.Choice, score bool, p *locale.Printer, progress func(job.Progress)) job.Reply {
	sums, err := st.List()
	if err != nil {
		return job.Reply{Error: p.Error(err)}
	}
	layers, err := gold.Survey(st, sums, own)
	if err != nil {
		return job.Reply{Error: p.Error(err)}
	}
	r := job.Reply{Layers: layers}
	if choice == nil && !score {
		c := gold.DefaultChoice(layers)
		choice = &c
	}
	if choice == nil || len(choice.Names()) < 2 {
		return r
	}
	if score && len(choice.Names()) != 2 {
		return job.Reply{Error: p.T("scoring takes two layers: the reference and the extractor's"), Layers: layers}
	}
	progress(job.Progress{Text: p.T("Reading the layers…")})
	opts := agreement.Options{Labels: schema.Names()}
	if docs := len(choice.Docs); StartShare != nil && agreement.Shared(cmp.Or(docs, len(sums)), agreement.DefaultResamples) {
		opts.Share = StartShare() // started now, ready once the layers are read
	}
	read, err := gold.Read(st, sums, *choice)
	if err == nil {
		progress(job.Progress{Text: p.T("Measuring…")})
		var c *align.Corpus
		if c, err = align.Match(read); err == nil {
			if score {
				r.Score, err = agreement.Score(c, 0, 1, opts)
			} else if r.Agreement, err = agreement.Agree(c, opts); err == nil {
				r.Disagreements, r.DisagreementUnits = agreement.FirstUnits(agreement.Disagreements(c), job.MaxDisagreements)
			}
		}
	}
	if err != nil {
		return job.Reply{Error: p.Error(err), Layers: layers}
	}
	return r
}
