package worker

import (
	"slices"

	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/propagation"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/suggest"
	"github.com/raqim/raqim/internal/training"
)

// Suggester answers Suggest requests with one engine, made on the first
// and kept for the next ones (a worker that stays), and made again on a
// request that says the stored model or propagated labels changed. It is
// not safe for concurrent use.
type Suggester struct {
	// Store, when not nil, opens the store whose trained tagger (turned on
	// when there is one) and propagated labels the engine uses.
	Store func() (store.Store, error)

	engine *suggest.Engine
	off    []suggest.Source // the sources the engine was made without
	st     store.Store
}

// Do answers req, a Suggest: the suggestions for req.Doc, which avoid its
// spans, with the request's document ID and revision.
func (s *Suggester) Do(req job.Request) job.Reply {
	if req.Op != job.Suggest || req.Doc == nil {
		return job.Reply{Error: locale.New(req.Locale).T("unknown work %q", req.Op), Rev: req.Rev}
	}
	if s.engine == nil || req.Reload || !slices.Equal(s.off, req.Off) {
		opts, err := s.options(req.Memory)
		if err != nil {
			return job.Reply{Error: locale.New(req.Locale).Error(err), Doc: req.Doc.ID, Rev: req.Rev}
		}
		opts.Off = req.Off
		s.engine, s.off = suggest.New(opts), req.Off
	}
	return job.Reply{Suggestions: s.engine.Suggest(req.Doc), Doc: req.Doc.ID, Rev: req.Rev}
}

// options reads the engine's options from the store (engineOptions); none
// without a store (memory).
func (s *Suggester) options(memory bool) (suggest.Options, error) {
	if s.Store == nil || memory {
		return suggest.Options{}, nil
	}
	if s.st == nil {
		st, err := s.Store()
		if err != nil {
			return suggest.Options{}, err
		}
		s.st = st
	}
	return engineOptions(s.st)
}

// engineOptions reads the suggestion engine's options from st: the tagger
// when one was trained, the propagated labels.
func engineOptions(st store.Store) (suggest.Options, error) {
	var o suggest.Options
	m, _, err := training.Load(st)
	if err != nil {
		return o, err
	}
	d, err := propagation.Load(st)
	if err != nil {
		return o, err
	}
	o.Model, o.Corpus = m, d.Documents()
	return o, nil
}
