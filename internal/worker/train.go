package worker

import (
	"time"

	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/propagation"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/training"
)

// train trains the tagger on st's done and curated documents and stores
// it (training.Run, with the app's seed); the reply carries its record.
func train(st store.Store, p *locale.Printer, progress func(job.Progress)) job.Reply {
	progress(job.Progress{Text: p.T("Training the tagger…")})
	r, err := training.Run(st, suggest.New(suggest.Options{}), training.Seed, time.Now().UTC())
	if err != nil {
		return job.Reply{Error: p.Error(err)}
	}
	return job.Reply{Training: &r}
}

// propagate adds ph to st's propagated labels and counts its mentions in
// the documents other than ph.Doc.
func propagate(st store.Store, ph *job.Phrase, p *locale.Printer) job.Reply {
	if ph == nil {
		return job.Reply{Error: p.T("unknown work %q", job.Propagate)}
	}
	d, err := propagation.Load(st)
	if err == nil && d.Add(ph.Text, ph.Label) {
		err = d.Save(st)
	}
	var c propagation.Count
	if err == nil {
		c, err = propagation.Mentions(st, ph.Entry, ph.Doc)
	}
	if err != nil {
		return job.Reply{Error: p.Error(err)}
	}
	return job.Reply{Mentions: &c}
}
