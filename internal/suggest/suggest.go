// Package suggest proposes spans for a document from offline,
// Arabic-aware sources (the gazetteer, the actor lexicon, the date and
// casualty grammars, places shown by their context, propagation of the
// user's labels and a learned tagger), combined without overlaps, each
// with attrs.source and its normalised values; and it computes the values
// of any span.
package suggest

import (
	"cmp"
	"slices"
	"strings"

	"github.com/raqim/raqim/internal/casualty"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dates"
	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/gazetteer"
	"github.com/raqim/raqim/internal/lexicon"
	"github.com/raqim/raqim/internal/phrase"
	"github.com/raqim/raqim/internal/tagger"
)

// Source names what proposed a suggestion; it is stored as attrs.source.
type Source string

// The sources.
const (
	Gazetteer   Source = "gazetteer"
	Lexicon     Source = "lexicon"
	Date        Source = "date"
	Casualty    Source = "casualty"
	Propagation Source = "propagation"
	Tagger      Source = "tagger"
)

// Sources lists every source in priority order: where two suggestions
// overlap, the one from the earlier source is kept (see Priority).
var Sources = []Source{Lexicon, Gazetteer, Date, Casualty, Context, Propagation, Tagger}

// Options says which sources an Engine uses and with what data.
type Options struct {
	// Sources turns sources on; nil turns on the rule sources (lexicon,
	// gazetteer, date, casualty, context) and propagation, and the tagger
	// when Model is set.
	Sources []Source
	// Off turns sources off, whatever Sources says: those the user switched
	// off.
	Off []Source
	// Gazetteer and Lexicon default to the embedded ones.
	Gazetteer *gazetteer.Gazetteer
	Lexicon   *lexicon.Lexicon
	// Model is the trained tagger, or nil.
	Model *tagger.Model
	// MinTaggerScore is the least confidence (see tagger.Scored) of a span
	// that only the tagger proposes; 0 means DefaultMinTaggerScore.
	MinTaggerScore float64
	// Corpus holds documents whose spans are propagated to the documents
	// suggested for (a document's own spans always are, when propagation
	// is on).
	Corpus []corpus.Document
}

// Engine makes suggestions; it is safe for concurrent use once made.
type Engine struct {
	on       map[Source]bool
	gaz      *gazetteer.Gazetteer
	lex      *lexicon.Lexicon
	model    *tagger.Model
	minScore float64
	corpus   *phrase.Dict[corpus.Label]
}

// DefaultMinTaggerScore keeps the tagger's own spans that it finds more
// likely than not.
const DefaultMinTaggerScore = 0.5

// New returns an engine for the options.
func New(o Options) *Engine {
	e := &Engine{on: make(map[Source]bool), gaz: o.Gazetteer, lex: o.Lexicon, model: o.Model, minScore: o.MinTaggerScore}
	if e.minScore == 0 {
		e.minScore = DefaultMinTaggerScore
	}
	if e.gaz == nil {
		e.gaz = gazetteer.Default()
	}
	if e.lex == nil {
		e.lex = lexicon.Default()
	}
	srcs := o.Sources
	if srcs == nil {
		srcs = []Source{Lexicon, Gazetteer, Date, Casualty, Context, Propagation}
		if o.Model != nil {
			srcs = append(srcs, Tagger)
		}
	}
	for _, s := range srcs {
		e.on[s] = true
	}
	for _, s := range o.Off {
		e.on[s] = false
	}
	if e.model == nil {
		e.on[Tagger] = false
	}
	if len(o.Corpus) > 0 {
		e.corpus = labelDict(o.Corpus, nil)
	}
	return e
}

// On returns the sources e proposes from, in the order of Sources.
func (e *Engine) On() []Source {
	var on []Source
	for _, s := range Sources {
		if e.on[s] {
			on = append(on, s)
		}
	}
	return on
}

// candidate is one source's proposal before overlaps are resolved.
type candidate struct {
	span corpus.Span
	src  Source
	rank int
}

// Priority returns the rank of a suggestion from src (lower wins an
// overlap): named actors (lexicon), places (gazetteer), dates, casualties,
// places from context, unnamed actors (generic lexicon entries), propagated
// labels, the tagger. Within a rank the longer span wins (a name is the
// whole phrase, rule 4), then the earlier one. The grammars themselves keep
// spans small (a casualty ends at the victims' noun, so مقتل أربعة عناصر
// من الجيش gives مقتل أربعة عناصر and الجيش, rule 7).
func Priority(src Source, generic bool) int {
	switch src {
	case Lexicon:
		if generic {
			return 5
		}
		return 0
	case Gazetteer:
		return 1
	case Date:
		return 2
	case Casualty:
		return 3
	case Context:
		return 4
	case Propagation:
		return 6
	}
	return 7
}

// analysis is one document read by the rule sources, kept so that values
// and the tagger's features need not read it again.
type analysis struct {
	doc    *corpus.Document
	text   *fold.Text
	dates  []dates.Match
	values []dates.Value
	ref    dates.Ref
	cands  []candidate
}

// analyse reads doc with the sources turned on (but the tagger); t is
// doc's folded text, or nil.
func (e *Engine) analyse(doc *corpus.Document, t *fold.Text) *analysis {
	if t == nil {
		t = fold.New(doc.Text)
	}
	a := &analysis{doc: doc, text: t}
	a.dates = dates.Find(a.text)
	a.ref, a.values = dates.ForDocument(doc, a.text, a.dates)
	if e.on[Lexicon] {
		for _, h := range e.lex.Find(a.text) {
			if h.Actor.ID == "armed-groups" && fold.HasArticle(a.text.Words[h.First].Key) &&
				!nearEvent(a.text, h.First, h.Last) {
				continue // الجماعات المسلحة in analysis is no actor (rule 11)
			}
			s := corpus.Span{Start: h.Start, End: h.End, Label: corpus.Actor, Attrs: map[string]string{"actor_id": h.Actor.ID}}
			a.add(s, Lexicon, Priority(Lexicon, h.Actor.Kind == lexicon.Generic))
		}
	}
	if e.on[Gazetteer] {
		for _, h := range e.gaz.Find(a.text) {
			a.add(corpus.Span{Start: h.Start, End: h.End, Label: corpus.Place, Attrs: placeAttrs(h.Entry)}, Gazetteer, Priority(Gazetteer, false))
		}
	}
	if e.on[Date] {
		for i, m := range a.dates {
			a.add(corpus.Span{Start: m.Start, End: m.End, Label: corpus.Date, Attrs: dateAttrs(a.values[i], a.ref)}, Date, Priority(Date, false))
		}
	}
	if e.on[Casualty] {
		for _, m := range casualty.Find(a.text) {
			a.add(corpus.Span{Start: m.Start, End: m.End, Label: corpus.Casualty, Attrs: m.Value.Attrs()}, Casualty, Priority(Casualty, false))
		}
	}
	if e.on[Context] {
		a.addContext()
	}
	if e.on[Propagation] {
		if own := labelDict([]corpus.Document{*doc}, nil); own.Len() > 0 {
			a.propagate(own, e)
		}
		if e.corpus != nil {
			a.propagate(e.corpus, e)
		}
	}
	return a
}

func (a *analysis) add(s corpus.Span, src Source, rank int) {
	if s.Attrs == nil {
		s.Attrs = map[string]string{}
	}
	s.Attrs["source"] = string(src)
	a.cands = append(a.cands, candidate{s, src, rank})
}

func placeAttrs(en *gazetteer.Entry) map[string]string {
	m := map[string]string{"gazetteer_id": en.ID}
	if en.Admin1 != "" {
		m["admin1"] = en.Admin1
	}
	if en.Country != "" {
		m["country"] = en.Country
	}
	return m
}

func dateAttrs(v dates.Value, ref dates.Ref) map[string]string {
	m := v.Attrs()
	if m == nil {
		return map[string]string{}
	}
	if ref.Valid() {
		m["reference"] = ref.Source
	}
	return m
}

// labelDict maps the folded text of every span of docs to its label (the
// label given most often; the first on a tie).
func labelDict(docs []corpus.Document, d *phrase.Dict[corpus.Label]) *phrase.Dict[corpus.Label] {
	counts := map[string]map[corpus.Label]int{}
	var order []string
	texts := map[string]string{}
	for i := range docs {
		runes := []rune(docs[i].Text)
		for _, s := range docs[i].Spans {
			if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
				continue
			}
			txt := string(runes[s.Start:s.End])
			k := fold.Keys(txt)
			if k == "" {
				continue
			}
			if counts[k] == nil {
				counts[k] = map[corpus.Label]int{}
				order = append(order, k)
				texts[k] = txt
			}
			counts[k][s.Label]++
		}
	}
	if d == nil {
		d = &phrase.Dict[corpus.Label]{}
	}
	for _, k := range order {
		var best corpus.Label
		bn := 0
		for l, n := range counts[k] {
			if n > bn || (n == bn && l < best) {
				best, bn = l, n
			}
		}
		d.Add(texts[k], best)
	}
	return d
}

func (a *analysis) propagate(d *phrase.Dict[corpus.Label], e *Engine) {
	for _, m := range d.Find(a.text, nil) {
		s := corpus.Span{Start: m.Start, End: m.End, Label: m.Value}
		s.Attrs = e.values(a, s)
		a.add(s, Propagation, Priority(Propagation, false))
	}
}

// resolve keeps the candidates that overlap neither a span the document
// has nor a stronger candidate, sorted by start.
func resolve(cands []candidate, existing []corpus.Span) []corpus.Span {
	resolveOrder(cands)
	taken := slices.Clone(existing) // a document's spans do not overlap
	slices.SortFunc(taken, func(x, y corpus.Span) int { return cmp.Compare(x.Start, y.Start) })
	var out []corpus.Span
	for _, c := range cands {
		if c.span.Start >= c.span.End {
			continue
		}
		at, free := place(taken, c.span)
		if !free {
			continue
		}
		taken = slices.Insert(taken, at, c.span)
		out = append(out, c.span)
	}
	corpus.SortSpans(out)
	return out
}

// resolveOrder sorts candidates in the order resolve takes them: by rank,
// then the longer first, then by start.
func resolveOrder(cands []candidate) {
	slices.SortStableFunc(cands, func(x, y candidate) int {
		if c := cmp.Compare(x.rank, y.rank); c != 0 {
			return c
		}
		if c := cmp.Compare(y.span.Len(), x.span.Len()); c != 0 {
			return c
		}
		return cmp.Compare(x.span.Start, y.span.Start)
	})
}

// place returns where s goes among taken, spans that do not overlap sorted
// by start (so that their ends are sorted too), and whether it overlaps
// none of them.
func place(taken []corpus.Span, s corpus.Span) (at int, free bool) {
	at, _ = slices.BinarySearchFunc(taken, s.Start, func(t corpus.Span, start int) int {
		if t.End <= start {
			return -1
		}
		return 1
	})
	return at, at == len(taken) || taken[at].Start >= s.End
}

// Suggest returns the suggestions for doc: spans that overlap neither each
// other nor doc's own spans, sorted, each with attrs.source and the values
// of its label (see Values).
func (e *Engine) Suggest(doc *corpus.Document) []corpus.Span {
	a := e.analyse(doc, nil)
	if e.on[Tagger] {
		e.tag(a)
	}
	return resolve(a.cands, doc.Spans)
}

// Values returns the normalised values of span s of doc, whether a source
// proposed it or a user drew it: for a DATE iso, precision (and hijri,
// reference), for a CASUALTY count, count_exact, kind and victims, for a
// PLACE gazetteer_id, admin1 and country, for an ACTOR actor_id; a value
// that cannot be read is left out.
func (e *Engine) Values(doc *corpus.Document, s corpus.Span) map[string]string {
	return e.Valuer(doc)(s)
}

func (e *Engine) values(a *analysis, s corpus.Span) map[string]string {
	if s.Start < 0 || s.End > len(a.text.Runes) || s.Start >= s.End {
		return map[string]string{}
	}
	txt := a.text.Slice(s.Start, s.End)
	if s.Label != corpus.Date {
		return e.textValues(s.Label, txt)
	}
	// A span the date grammar found keeps its resolution (anaphora included).
	for i, m := range a.dates {
		if m.Start == s.Start && m.End == s.End {
			return dateAttrs(a.values[i], a.ref)
		}
	}
	ex, ok := dates.Parse(txt)
	if !ok {
		return map[string]string{}
	}
	var prev dates.Value
	for i, m := range a.dates {
		if m.End <= s.Start && a.values[i].Precision == dates.Day {
			prev = a.values[i]
		}
	}
	return dateAttrs(ex.Resolve(a.ref, prev.Date), a.ref)
}

// textValues returns the values of a span of label l other than a date,
// which its text alone decides.
func (e *Engine) textValues(l corpus.Label, txt string) map[string]string {
	switch l {
	case corpus.Place:
		if en, ok := e.gaz.Lookup(txt); ok {
			return placeAttrs(&en)
		}
	case corpus.Actor:
		if ac, ok := e.lex.Lookup(txt); ok {
			return map[string]string{"actor_id": ac.ID}
		}
	case corpus.Casualty:
		if v, ok := casualty.Parse(txt); ok {
			return v.Attrs()
		}
	}
	return map[string]string{}
}

// ParseSources reads a comma-separated list of source names.
func ParseSources(s string) ([]Source, error) {
	var out []Source
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !slices.Contains(Sources, Source(f)) {
			return nil, &unknownSourceError{f}
		}
		out = append(out, Source(f))
	}
	return out, nil
}

type unknownSourceError struct{ name string }

func (e *unknownSourceError) Error() string {
	names := make([]string, len(Sources))
	for i, s := range Sources {
		names[i] = string(s)
	}
	return "unknown source " + `"` + e.name + `"` + " (want " + strings.Join(names, ", ") + ")"
}

// eventWords say that a group carries out or claims an event.
var eventWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`أعلنت أعلن تبنت تبنى نفذت نفذ شنت شن هاجمت هاجم استهدفت استهدف
مسؤوليتها مسؤوليته مسؤولية تنفيذ يد قتلت قتل اختطفت خطفت هجوم هجمات`) {
		m[fold.String(w)] = true
	}
	return m
}()

// nearEvent reports whether an event word stands within two words of the
// words [first, last] of t, in the same clause (no punctuation between).
func nearEvent(t *fold.Text, first, last int) bool {
	near := func(i int) bool {
		for _, rd := range t.Words[i].Readings() {
			if eventWords[rd.Key] {
				return true
			}
		}
		return false
	}
	for i := first - 1; i >= 0 && i >= first-2 && !t.Words[i].Punct; i-- {
		if near(i) {
			return true
		}
	}
	for i := last + 1; i < len(t.Words) && i <= last+2 && !t.Words[i].Punct; i++ {
		if near(i) {
			return true
		}
	}
	return false
}

// Valuer returns Values for the spans of doc: a place's, an actor's or a
// casualty's from the span's own text; a date's from the whole text, read
// once, on the first date asked for (its reference and the dates before
// it resolve it), so that a long document costs nothing until then. doc's
// text must not change meanwhile (its spans may). It is not safe for
// concurrent use.
func (e *Engine) Valuer(doc *corpus.Document) func(s corpus.Span) map[string]string {
	var a *analysis
	var runes []rune
	return func(s corpus.Span) map[string]string {
		if runes == nil {
			runes = []rune(doc.Text)
		}
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			return map[string]string{}
		}
		if s.Label != corpus.Date {
			return e.textValues(s.Label, string(runes[s.Start:s.End]))
		}
		if a == nil {
			a = &analysis{doc: doc, text: fold.New(doc.Text)}
			a.dates = dates.Find(a.text)
			a.ref, a.values = dates.ForDocument(doc, a.text, a.dates)
		}
		return e.values(a, s)
	}
}
