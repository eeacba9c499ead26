package suggest

import (
	"strconv"

	"github.com/raqim/raqim/internal/casualty"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dates"
	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/gazetteer"
	"github.com/raqim/raqim/internal/tagger"
)

// hinter gives the tagger the rule sources' view of a text: every rule
// candidate as hints on its words, and the word classes of the grammars.
type hinter struct{ e *Engine }

// Hinter returns the tagger.Hinter of the engine's data: the hints are the
// candidates of all the rule sources (lexicon, gazetteer, date, casualty,
// context), whichever sources the engine suggests from, so that a model
// sees the same hints in training and in use.
func (e *Engine) Hinter() tagger.Hinter { return hinter{e.rulesOnly()} }

// rulesOnly returns a copy of e with the rule sources on and the others off.
func (e *Engine) rulesOnly() *Engine {
	c := *e
	c.on = map[Source]bool{Lexicon: true, Gazetteer: true, Date: true, Casualty: true, Context: true}
	return &c
}

func (h hinter) Hints(doc *corpus.Document, t *fold.Text) [][]string {
	return hintsOf(h.e.analyse(doc, t))
}

func hintsOf(a *analysis) [][]string {
	t := a.text
	hints := make([][]string, len(t.Words))
	for _, c := range a.cands {
		if c.src == Propagation || c.src == Tagger {
			continue
		}
		tag := string(c.src) + "-" + string(c.span.Label)
		if c.rank == Priority(Lexicon, true) && c.src == Lexicon {
			tag += "-generic"
		}
		first := true
		for wi := t.WordAt(c.span.Start); wi >= 0 && wi < len(t.Words) && t.Words[wi].Start < c.span.End; wi++ {
			bio := "-I"
			if first {
				bio = "-B"
			}
			hints[wi] = append(hints[wi], tag+bio)
			first = false
		}
	}
	for i, w := range t.Words {
		if c := dates.Class(w.Key); c != "" {
			hints[i] = append(hints[i], "date:"+c)
		}
		if c := casualty.Class(w.Key); c != "" {
			hints[i] = append(hints[i], "cas:"+c)
		}
		if gazetteer.IsHeadNoun(w.Key) {
			hints[i] = append(hints[i], "head")
		}
	}
	return hints
}

func (h hinter) Known(key string) bool {
	if _, ok := h.e.gaz.Lookup(key); ok {
		return true
	}
	_, ok := h.e.lex.Lookup(key)
	return ok
}

// cached is a hinter whose hints were computed already.
type cached struct {
	hinter
	hints [][]string
}

func (c cached) Hints(*corpus.Document, *fold.Text) [][]string { return c.hints }

// tag adds the tagger's spans to the candidates and scores every candidate.
func (e *Engine) tag(a *analysis) {
	ra := a
	for _, s := range []Source{Lexicon, Gazetteer, Date, Casualty, Context} {
		if !e.on[s] {
			ra = e.rulesOnly().analyse(a.doc, a.text)
			break
		}
	}
	found, sc := e.model.Tag(a.doc, a.text, cached{hinter{e}, hintsOf(ra)})
	for i := range a.cands {
		c := &a.cands[i]
		c.span.Attrs["score"] = strconv.FormatFloat(sc.Score(c.span), 'f', 2, 64)
	}
	for _, f := range found {
		s := f.Span
		if f.Score < e.minScore || e.known(a.text.Slice(s.Start, s.End), s.Label) {
			continue // unsure, or a known name the rules left out on purpose (معهد تمبكتو)
		}
		s.Attrs = e.values(a, s)
		s.Attrs["score"] = strconv.FormatFloat(f.Score, 'f', 2, 64)
		a.add(s, Tagger, Priority(Tagger, false))
	}
}

// Train trains a tagger on documents with their spans (done documents),
// with the engine's rule sources as hints.
func (e *Engine) Train(docs []corpus.Document, cfg tagger.Config) (*tagger.Model, error) {
	return tagger.Train(docs, e.Hinter(), cfg)
}

// known reports whether txt is a gazetteer or lexicon name for label l
// while that source is on (and so had its say on txt).
func (e *Engine) known(txt string, l corpus.Label) bool {
	switch {
	case l == corpus.Place && e.on[Gazetteer]:
		_, ok := e.gaz.Lookup(txt)
		return ok
	case l == corpus.Actor && e.on[Lexicon]:
		_, ok := e.lex.Lookup(txt)
		return ok
	}
	return false
}
