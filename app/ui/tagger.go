package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/propagation"
	"github.com/raqim/raqim/internal/training"
)

// taggerState is what the shell keeps of the learned tagger and of the
// labels propagated to the corpus; the training itself runs in the
// background worker (job.Train), which stores the model.
type taggerState struct {
	last    *training.Record // the last training's record, as stored; nil before one
	busy    bool             // a training is under way
	failure string           // why the last training failed, in the interface's language
	// reload says the stored model or propagated labels changed since the
	// suggestion worker last read them: its next request says so.
	reload bool
}

// loadTraining reads the record of the last training, once storage is
// open, and starts a training when one is due.
func (s *Shell) loadTraining(ctx app.Context) {
	if !s.durable {
		return
	}
	st := s.st
	s.do(func() {
		rec, err := training.LoadRecord(st)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				s.note("warn", s.loc.Error(err))
				return
			}
			s.tagger.last = rec
			s.maybeTrain(ctx, "")
		})
	})
}

// maybeTrain starts a training when training.Due says one is: the
// documents marked done (and also, when not "", document done, whose
// summary may not be updated yet) hold training.Retrain or more that the
// last training did not learn from.
func (s *Shell) maybeTrain(ctx app.Context, done string) {
	if !s.durable || s.tagger.busy {
		return
	}
	ids := training.Done(s.sums)
	if done != "" {
		ids = append(ids, done)
	}
	if training.Due(ids, s.tagger.last) {
		s.trainTagger(ctx)
	}
}

// trainTagger trains the tagger in the background worker on the corpus's
// done and curated documents; the page goes on meanwhile, and the open
// document's suggestions are asked for again with the new model.
func (s *Shell) trainTagger(ctx app.Context) {
	if !s.durable {
		s.note("warn", s.loc.T("The tagger is trained and kept in this browser's storage, which is unavailable."))
		return
	}
	if s.tagger.busy {
		return
	}
	s.tagger.busy, s.tagger.failure = true, ""
	s.offload(ctx, s.loc.T("Training the tagger…"), job.Request{Op: job.Train}, nil,
		func(ctx app.Context, r job.Reply, _ app.Value, _ []corpus.Summary) {
			s.tagger.busy = false
			if r.Error != "" || r.Training == nil {
				s.tagger.failure = r.Error
				return
			}
			s.tagger.last, s.tagger.reload = r.Training, true
			s.note("info", s.loc.T("The tagger was trained on %s: F1 %s on the held-back fifth.",
				locale.Text(s.loc.T("%d documents", len(r.Training.Docs))), s.loc.F(r.Training.Overall.F1, 2)))
			s.askSuggestions(ctx)
		})
}

// propagate proposes the text and label of span id on every mention of
// its text in every other document: the pair joins the corpus's
// propagated labels (in the worker, which counts the mentions), and each
// document gets the suggestions when opened.
func (s *Shell) propagate(ctx app.Context, id string) {
	sp, ok := s.span(id)
	if !ok {
		return
	}
	if !s.durable {
		s.note("warn", s.loc.T("Labels propagated to the corpus are kept in this browser's storage, which is unavailable."))
		return
	}
	text := string(s.ed.Runes()[sp.Start:sp.End])
	ph := &job.Phrase{Entry: propagation.Entry{Text: text, Label: sp.Label}, Doc: s.doc.ID}
	s.offload(ctx, s.loc.T("Labelling every mention…"), job.Request{Op: job.Propagate, Phrase: ph}, nil,
		func(ctx app.Context, r job.Reply, _ app.Value, _ []corpus.Summary) {
			if r.Error != "" || r.Mentions == nil {
				return
			}
			s.tagger.reload = true
			s.note("info", s.loc.T("«%s» is proposed as %s on %s in %s.", text, sp.Label,
				locale.Text(s.loc.T("%d mentions", r.Mentions.Mentions)), locale.Text(s.loc.T("%d other documents", r.Mentions.Docs))))
			s.askSuggestions(ctx)
		})
}
