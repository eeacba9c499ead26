package worker

import (
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/suggest"
)

// Suggester answers Suggest requests with one engine, made on the first
// and kept for the next ones (a worker that stays). It is not safe for
// concurrent use.
type Suggester struct {
	engine *suggest.Engine
}

// Do answers req, a Suggest: the suggestions for req.Doc, which avoid its
// spans, with the request's document ID and revision.
func (s *Suggester) Do(req job.Request) job.Reply {
	if req.Op != job.Suggest || req.Doc == nil {
		return job.Reply{Error: locale.New(req.Locale).T("unknown work %q", req.Op), Rev: req.Rev}
	}
	if s.engine == nil {
		s.engine = suggest.New(suggest.Options{})
	}
	return job.Reply{Suggestions: s.engine.Suggest(req.Doc), Doc: req.Doc.ID, Rev: req.Rev}
}
