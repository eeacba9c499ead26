// Package tagger is a learned span tagger: a structured averaged
// perceptron over BIO tags of words, decoded with Viterbi, with features of
// the folded word, its clitic-stripped stem, prefixes, suffixes, shape and
// neighbours and of hints the caller supplies (gazetteer, lexicon and
// grammar hits); it trains in seconds, deterministically for a seed, and
// serialises to a compact versioned binary form.
package tagger

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/fold"
	"github.com/raqim/raqim/internal/snap"
	"github.com/raqim/raqim/internal/spanscore"
)

// Hinter supplies what the tagger cannot learn from a few documents: hints
// per word (such as "gazetteer-PLACE-B") and which word keys name a known
// entry (so that a proclitic is split off only before one).
type Hinter interface {
	// Hints returns the hints of every word of t (t.Words order) in doc.
	Hints(doc *corpus.Document, t *fold.Text) [][]string
	// Known reports whether a folded word key is a known entry's first word.
	Known(key string) bool
}

// Config says how to train.
type Config struct {
	Epochs int    // passes over the training data; 0 means 12
	Seed   uint64 // orders the passes and the dropout; equal seeds give equal models
	// HintDropout is the chance that a word's hints are left out of one
	// training step (so the model does not lean on them alone); a negative
	// value means none, 0 means DefaultHintDropout.
	HintDropout float64
}

// DefaultHintDropout is the hint dropout of a zero Config.
const DefaultHintDropout = 0.3

// Model is a trained tagger.
type Model struct {
	labels []corpus.Label
	tags   []string // "O", then "B-L", "I-L" per label
	trans  []float32
	rows   map[uint64]int32 // feature hash → row of weights
	table  *rowTable        // rows, for lookups when tagging
	w      []float32        // len(rows) × len(tags)
	// strip holds the keys left after a proclitic where a training span
	// started inside a word (و|تومبكتو); keep holds words whose first
	// letter looked like a proclitic but that spans started at.
	strip, keep map[string]bool
}

// Labels returns the labels the model tags.
func (m *Model) Labels() []corpus.Label { return m.labels }

// sequence is one sentence of a document as the tagger sees it.
type sequence struct {
	feats [][]uint64 // per word: the lexical features
	hints [][]uint64 // per word: the hint features
	gold  []int      // tag index per word; nil when unknown
	words []int      // indices into the text's words
}

// sentences splits t's words into sentences: at . ! ? ؟ and line breaks.
func sentences(t *fold.Text) [][]int {
	var out [][]int
	var cur []int
	for i, w := range t.Words {
		if i > 0 && len(cur) > 0 && hasBreak(t.Runes[t.Words[i-1].End:w.Start]) {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, i)
		if w.Punct && (w.Key == "." || w.Key == "!" || w.Key == "?" || w.Key == "؟") {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func hasBreak(rs []rune) bool { return slices.Contains(rs, '\n') }

// The features are hashed with 64-bit FNV-1a; hashing the parts of a
// feature one after the other equals hashing their concatenation.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hash(s string) uint64 { return fnvAdd(fnvOffset, s) }

func hash2(a, b string) uint64 { return fnvAdd(fnvAdd(fnvOffset, a), b) }

func hash4(a, b, c, d string) uint64 {
	return fnvAdd(fnvAdd(fnvAdd(fnvAdd(fnvOffset, a), b), c), d)
}

// shape classes a word's script: "A" Arabic, "L" Latin, "U" Latin capitals,
// "D" digits, "P" punctuation, "M" mixed.
func shape(runes []rune) string {
	var ar, lat, up, dig, other bool
	for _, r := range runes {
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			ar = true
		case unicode.IsDigit(r):
			dig = true
		case unicode.IsUpper(r):
			up, lat = true, true
		case unicode.IsLetter(r):
			lat = true
		case unicode.IsMark(r):
		default:
			other = true
		}
	}
	switch {
	case ar && !lat && !dig:
		return "A"
	case dig && !ar && !lat:
		return "D"
	case lat && !ar && !dig:
		if up {
			return "U"
		}
		return "L"
	case !ar && !lat && !dig && other:
		return "P"
	}
	return "M"
}

// prefix returns the first n runes of s.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// suffix returns the last n runes of s.
func suffix(s string, n int) string {
	i := len(s)
	for ; i > 0 && n > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		i -= w
	}
	return s[i:]
}

// splitFeatures returns the lexical features and the hint features of
// every word of sentence ws.
func splitFeatures(t *fold.Text, ws []int, hints [][]string) (lexical, hinted [][]uint64) {
	keys := make([]string, len(ws)+4)
	stems := make([]string, len(ws)+4)
	keys[0], keys[1], keys[len(keys)-2], keys[len(keys)-1] = "<s>", "<s>", "</s>", "</s>"
	for x, wi := range ws {
		keys[x+2] = t.Words[wi].Key
	}
	for i, k := range keys {
		stems[i] = fold.Stem(k)
	}
	lexical = make([][]uint64, len(ws))
	hinted = make([][]uint64, len(ws))
	const perWord = 18 // lexical features of a word, at most
	flat := make([]uint64, len(ws)*perWord)
	for x, wi := range ws {
		w := &t.Words[wi]
		c := x + 2 // index of the word in keys
		k, st := keys[c], stems[c]
		fs := flat[x*perWord : x*perWord : x*perWord+perWord]
		fs = append(fs,
			hash("b"), hash2("w=", k), hash2("s=", st),
			hash2("p2=", prefix(st, 2)), hash2("p3=", prefix(st, 3)),
			hash2("x2=", suffix(st, 2)), hash2("x3=", suffix(st, 3)),
			hash2("sh=", shape(t.Runes[w.Start:w.End])),
			hash2("w-1=", keys[c-1]), hash2("w+1=", keys[c+1]),
			hash2("w-2=", keys[c-2]), hash2("w+2=", keys[c+2]),
			hash2("s-1=", stems[c-1]), hash2("s+1=", stems[c+1]),
			hash4("w-1|w=", keys[c-1], "|", k), hash4("w|w+1=", k, "|", keys[c+1]),
		)
		if fold.HasArticle(k) {
			fs = append(fs, hash("art"))
		}
		if n := fold.RuneLen(k); n <= 2 {
			fs = append(fs, hash("short"))
		}
		var hfs []uint64
		if hints != nil {
			for _, h := range hints[wi] {
				hfs = append(hfs, hash2("h=", h))
			}
			if x > 0 {
				for _, h := range hints[ws[x-1]] {
					hfs = append(hfs, hash2("h-1=", h))
				}
			}
			if x+1 < len(ws) {
				for _, h := range hints[ws[x+1]] {
					hfs = append(hfs, hash2("h+1=", h))
				}
			}
		}
		lexical[x] = fs
		hinted[x] = hfs
	}
	return lexical, hinted
}

// goldTags returns the tag of every word of t: B where a span starts in
// the word (a proclitic before the span stays with the word), I inside.
func goldTags(t *fold.Text, spans []corpus.Span, tagIndex map[string]int) []int {
	tags := make([]int, len(t.Words))
	si := 0
	for i, w := range t.Words {
		for si < len(spans) && spans[si].End <= w.Start {
			si++
		}
		if si < len(spans) && spans[si].Start < w.End && w.Start < spans[si].End {
			s := spans[si]
			prefix := "I-"
			if s.Start >= w.Start {
				prefix = "B-"
			}
			tags[i] = tagIndex[prefix+string(s.Label)]
		}
	}
	return tags
}

// trainer holds the weights while training.
type trainer struct {
	m      *Model
	nt     int
	w, u   []float64 // weights and their step-weighted sums (averaging)
	tw, tu []float64 // transitions
	c      float64   // update counter
	allow  [][]bool
	arena  arena
}

func (tr *trainer) row(h uint64, grow bool) int {
	r, ok := tr.m.rows[h]
	if !ok {
		if !grow {
			return -1
		}
		r = int32(len(tr.m.rows))
		tr.m.rows[h] = r
		tr.w = append(tr.w, make([]float64, tr.nt)...)
		tr.u = append(tr.u, make([]float64, tr.nt)...)
	}
	return int(r)
}

// Train learns a model from documents with their spans (the labels are
// those the spans carry); hinter gives each word's hints, read with the
// document's spans removed, as they will be when the model tags.
func Train(docs []corpus.Document, hinter Hinter, cfg Config) (*Model, error) {
	if cfg.Epochs == 0 {
		cfg.Epochs = 12
	}
	if cfg.HintDropout == 0 {
		cfg.HintDropout = DefaultHintDropout
	}
	labelSet := map[corpus.Label]bool{}
	for _, d := range docs {
		for _, s := range d.Spans {
			labelSet[s.Label] = true
		}
	}
	if len(labelSet) == 0 {
		return nil, errors.New("tagger: no spans to learn from")
	}
	m := &Model{rows: map[uint64]int32{}, strip: map[string]bool{}, keep: map[string]bool{}}
	for l := range labelSet {
		m.labels = append(m.labels, l)
	}
	slices.Sort(m.labels)
	m.tags = []string{"O"}
	for _, l := range m.labels {
		m.tags = append(m.tags, "B-"+string(l), "I-"+string(l))
	}
	tagIndex := map[string]int{}
	for i, t := range m.tags {
		tagIndex[t] = i
	}
	nt := len(m.tags)
	tr := &trainer{m: m, nt: nt, tw: make([]float64, nt*nt), tu: make([]float64, nt*nt), allow: allowMatrix(m.tags)}

	var seqs []sequence
	for i := range docs {
		d := &docs[i]
		t := fold.New(d.Text)
		spans := slices.Clone(d.Spans)
		corpus.SortSpans(spans)
		m.learnClitics(t, spans)
		bare := *d
		bare.Spans = nil
		hints := hinter.Hints(&bare, t)
		tags := goldTags(t, spans, tagIndex)
		for _, ws := range sentences(t) {
			lex, hs := splitFeatures(t, ws, hints)
			s := sequence{feats: lex, hints: hs, words: ws, gold: make([]int, len(ws))}
			for x, wi := range ws {
				s.gold[x] = tags[wi]
			}
			seqs = append(seqs, s)
		}
	}
	// Every feature of the training data gets a row up front.
	for _, s := range seqs {
		for x := range s.feats {
			for _, h := range s.feats[x] {
				tr.row(h, true)
			}
			for _, h := range s.hints[x] {
				tr.row(h, true)
			}
		}
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(seqs))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < cfg.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			tr.c++
			s := &seqs[si]
			// The hints of a word are dropped now and then, so that the
			// words and their context learn to stand without them.
			feats := make([][]uint64, len(s.feats))
			for x := range feats {
				feats[x] = s.feats[x]
				if rng.Float64() >= cfg.HintDropout {
					feats[x] = append(slices.Clip(s.feats[x]), s.hints[x]...)
				}
			}
			pred := tr.viterbi(feats)
			if slices.Equal(pred, s.gold) {
				continue
			}
			tr.update(feats, s.gold, +1)
			tr.update(feats, pred, -1)
		}
	}
	// Averaged weights: w − u/c.
	m.w = make([]float32, len(tr.w))
	for i := range tr.w {
		m.w[i] = float32(tr.w[i] - tr.u[i]/(tr.c+1))
	}
	m.trans = make([]float32, len(tr.tw))
	for i := range tr.tw {
		m.trans[i] = float32(tr.tw[i] - tr.tu[i]/(tr.c+1))
	}
	m.prune()
	return m, nil
}

func (tr *trainer) update(feats [][]uint64, tags []int, d float64) {
	nt := tr.nt
	prev := 0
	for x, fs := range feats {
		t := tags[x]
		for _, h := range fs {
			r := tr.row(h, false)
			tr.w[r*nt+t] += d
			tr.u[r*nt+t] += tr.c * d
		}
		if x > 0 {
			tr.tw[prev*nt+t] += d
			tr.tu[prev*nt+t] += tr.c * d
		}
		prev = t
	}
}

// allowMatrix returns which tag may follow which: allow[a+1][b] for a
// tag a (−1 the start) followed by b; I-L only after B-L or I-L.
func allowMatrix(tags []string) [][]bool {
	out := make([][]bool, len(tags)+1)
	for a := -1; a < len(tags); a++ {
		row := make([]bool, len(tags))
		for b, tb := range tags {
			row[b] = !strings.HasPrefix(tb, "I-") || a >= 0 && tags[a] != "O" && tags[a][2:] == tb[2:]
		}
		out[a+1] = row
	}
	return out
}

// emissions returns the score of every tag of every word: the sum of the
// weights of its features (row looks a feature's row up).
func emissions[F float32 | float64](row func(uint64) (int, bool), w []F, nt int, feats, more [][]uint64, a *arena) [][]float64 {
	em := a.matrix(len(feats), nt)
	add := func(e []float64, fs []uint64) {
		for _, h := range fs {
			r, ok := row(h)
			if !ok {
				continue
			}
			ws := w[r*nt : r*nt+nt]
			for t, v := range ws {
				e[t] += float64(v)
			}
		}
	}
	for x := range feats {
		add(em[x], feats[x])
		if more != nil {
			add(em[x], more[x])
		}
	}
	return em
}

// arena hands out zeroed float slices from one buffer, reused sentence
// after sentence (reset), so that tagging allocates little.
type arena struct {
	f    []float64
	used int
	rows [][]float64
	ru   int
	ints []int
}

func (a *arena) reset() { a.used, a.ru = 0, 0 }

func (a *arena) floats(n int) []float64 {
	if a.used+n > len(a.f) {
		a.f = make([]float64, max(2*len(a.f), n, 4096)) // slices handed out stay valid
		a.used = 0
	}
	s := a.f[a.used : a.used+n : a.used+n]
	clear(s)
	a.used += n
	return s
}

// matrix returns n rows of nt floats.
func (a *arena) matrix(n, nt int) [][]float64 {
	if a.ru+n > len(a.rows) {
		a.rows = make([][]float64, max(2*len(a.rows), n, 256))
		a.ru = 0
	}
	m := a.rows[a.ru : a.ru+n : a.ru+n]
	a.ru += n
	flat := a.floats(n * nt)
	for x := range m {
		m[x] = flat[x*nt : x*nt+nt : x*nt+nt]
	}
	return m
}

func (a *arena) intSlice(n int) []int {
	if cap(a.ints) < n {
		a.ints = make([]int, n)
	}
	return a.ints[:n]
}

// rowTable is an open-addressing table from feature hash to row, faster
// than a map where it matters (in the browser's WebAssembly).
type rowTable struct {
	keys []uint64 // 0 is empty; a hash of 0 is stored as 1
	rows []int32
	mask uint64
}

func newRowTable(rows map[uint64]int32) *rowTable {
	n := 1
	for n < 2*len(rows) {
		n <<= 1
	}
	t := &rowTable{keys: make([]uint64, n), rows: make([]int32, n), mask: uint64(n - 1)}
	for h, r := range rows {
		if h == 0 {
			h = 1
		}
		i := h & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.rows[i] = h, r
	}
	return t
}

func (t *rowTable) lookup(h uint64) (int, bool) {
	if h == 0 {
		h = 1
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return int(t.rows[i]), true
		case 0:
			return 0, false
		}
	}
}

func (tr *trainer) viterbi(feats [][]uint64) []int {
	nt := tr.nt
	tr.arena.reset()
	em := emissions(func(h uint64) (int, bool) { r, ok := tr.m.rows[h]; return int(r), ok }, tr.w, nt, feats, nil, &tr.arena)
	return slices.Clone(decode(tr.allow, em, tr.tw, &tr.arena))
}

// decode runs Viterbi over emission scores em with transition scores tr
// (tr[a*nt+b] from tag a to tag b).
// The path it returns lives in a (valid until a's next use).
func decode(allow [][]bool, em [][]float64, tr []float64, a *arena) []int {
	n, nt := len(em), len(allow)-1
	if n == 0 {
		return nil
	}
	score := a.floats(nt)
	backing := a.intSlice(n*nt + n)
	out := backing[n*nt:]
	for t := 0; t < nt; t++ {
		score[t] = em[0][t]
		if !allow[0][t] {
			score[t] = math.Inf(-1)
		}
	}
	next := a.floats(nt)
	for x := 1; x < n; x++ {
		back := backing[x*nt : x*nt+nt]
		for b := 0; b < nt; b++ {
			best, arg := math.Inf(-1), 0
			for a := 0; a < nt; a++ {
				if !allow[a+1][b] {
					continue
				}
				if s := score[a] + tr[a*nt+b]; s > best {
					best, arg = s, a
				}
			}
			next[b] = best + em[x][b]
			back[b] = arg
		}
		score, next = next, score
	}
	best, arg := math.Inf(-1), 0
	for t := 0; t < nt; t++ {
		if score[t] > best {
			best, arg = score[t], t
		}
	}
	out[n-1] = arg
	for x := n - 1; x > 0; x-- {
		out[x-1] = backing[x*nt+out[x]]
	}
	return out
}

// prune drops the rows whose weights are all zero.
func (m *Model) prune() {
	nt := len(m.tags)
	rows := make(map[uint64]int32, len(m.rows))
	var w []float32
	for h, r := range m.rows {
		ws := m.w[int(r)*nt : int(r)*nt+nt]
		zero := true
		for _, v := range ws {
			if v != 0 {
				zero = false
				break
			}
		}
		if zero {
			continue
		}
		rows[h] = int32(len(rows))
		w = append(w, ws...)
	}
	m.rows, m.w = rows, w
	m.table = newRowTable(rows)
}

// learnClitics records how training spans treat a word's first letter.
func (m *Model) learnClitics(t *fold.Text, spans []corpus.Span) {
	for _, s := range spans {
		wi := t.WordAt(s.Start)
		if wi < 0 {
			continue
		}
		w := &t.Words[wi]
		if s.Start > w.Start {
			for _, rd := range w.Readings()[1:] {
				if rd.Skip > 0 && w.Offset(rd.Skip) == s.Start {
					m.strip[rd.Key] = true
					break
				}
			}
		} else if len(w.Readings()) > 1 {
			m.keep[w.Key] = true
		}
	}
}

// Scored is a span the tagger proposes, with its confidence: the least,
// over its words, of the tag's marginal probability.
type Scored struct {
	corpus.Span
	Score float64
}

// Tag returns the spans the model finds in doc (whose text is t and whose
// words' hints hinter gives), and a Scorer for other spans.
func (m *Model) Tag(doc *corpus.Document, t *fold.Text, hinter Hinter) ([]Scored, *Scorer) {
	hints := hinter.Hints(doc, t)
	nt := len(m.tags)
	sc := &Scorer{m: m, t: t, marg: make([][]float64, len(t.Words))}
	allow := allowMatrix(m.tags)
	tr := make([]float64, len(m.trans))
	for i, v := range m.trans {
		tr[i] = float64(v)
	}
	var out []Scored
	var work, keep arena
	for _, ws := range sentences(t) {
		work.reset()
		feats, hfeats := splitFeatures(t, ws, hints)
		em := emissions(m.table.lookup, m.w, nt, feats, hfeats, &work)
		path := decode(allow, em, tr, &work)
		marg := marginals(allow, em, tr, &work, &keep)
		for x, wi := range ws {
			sc.marg[wi] = marg[x]
		}
		for x := 0; x < len(path); x++ {
			tag := m.tags[path[x]]
			if !strings.HasPrefix(tag, "B-") {
				continue
			}
			label := tag[2:]
			y := x
			for y+1 < len(path) && m.tags[path[y+1]] == "I-"+label {
				y++
			}
			conf := 1.0
			for z := x; z <= y; z++ {
				conf = min(conf, marg[z][path[z]])
			}
			first, last := &t.Words[ws[x]], &t.Words[ws[y]]
			start := m.spanStart(first, hinter)
			end := last.End
			if s, e, ok := snap.Snap(t.Runes, start, end); ok {
				start, end = s, e
			}
			out = append(out, Scored{corpus.Span{Start: start, End: end, Label: corpus.Label(label)}, conf})
			x = y
		}
	}
	return out, sc
}

// spanStart returns where a span whose first word is w starts: after a
// proclitic where the rest of the word is known or was split so in
// training, or where an article follows it (والجيش); else at the word.
func (m *Model) spanStart(w *fold.Word, hinter Hinter) int {
	if m.keep[w.Key] {
		return w.Start
	}
	for _, rd := range w.Readings()[1:] {
		if rd.Skip == 0 {
			if hinter.Known(rd.Key) || m.strip[rd.Key] {
				return w.Start // لل fused with the article: the whole word
			}
			continue
		}
		if m.strip[rd.Key] || hinter.Known(rd.Key) || strings.HasPrefix(rd.Key, "ال") {
			return w.Offset(rd.Skip)
		}
	}
	return w.Start
}

// marginals returns the marginal probability of each tag of each word,
// reading the perceptron's scores as log-potentials (forward-backward in
// linear space, each step rescaled).
// The marginals are kept in keep; the work is done in a.
func marginals(allow [][]bool, em [][]float64, tr []float64, a, keep *arena) [][]float64 {
	n, nt := len(em), len(allow)-1
	trans := a.floats(nt * nt)
	for a := 0; a < nt; a++ {
		for b := 0; b < nt; b++ {
			if allow[a+1][b] {
				trans[a*nt+b] = math.Exp(max(-300, min(300, tr[a*nt+b])))
			}
		}
	}
	flat := a.floats(3 * n * nt)
	row := func(k, x int) []float64 { o := (k*n + x) * nt; return flat[o : o+nt : o+nt] }
	e := a.matrix(n, 0)
	for x := range em {
		mx := math.Inf(-1)
		for _, v := range em[x] {
			mx = max(mx, v)
		}
		e[x] = row(0, x)
		for t, v := range em[x] {
			e[x][t] = math.Exp(v - mx)
		}
	}
	norm := func(v []float64) {
		s := 0.0
		for _, x := range v {
			s += x
		}
		if s > 0 {
			for i := range v {
				v[i] /= s
			}
		}
	}
	alpha := a.matrix(n, 0)
	beta := a.matrix(n, 0)
	alpha[0] = row(1, 0)
	for t := 0; t < nt; t++ {
		if allow[0][t] {
			alpha[0][t] = e[0][t]
		}
	}
	norm(alpha[0])
	for x := 1; x < n; x++ {
		alpha[x] = row(1, x)
		for a := 0; a < nt; a++ {
			if pa := alpha[x-1][a]; pa != 0 {
				row := trans[a*nt : a*nt+nt]
				for b := 0; b < nt; b++ {
					alpha[x][b] += pa * row[b]
				}
			}
		}
		for b := 0; b < nt; b++ {
			alpha[x][b] *= e[x][b]
		}
		norm(alpha[x])
	}
	beta[n-1] = row(2, n-1)
	for t := range beta[n-1] {
		beta[n-1][t] = 1
	}
	for x := n - 2; x >= 0; x-- {
		beta[x] = row(2, x)
		for a := 0; a < nt; a++ {
			row := trans[a*nt : a*nt+nt]
			s := 0.0
			for b := 0; b < nt; b++ {
				s += row[b] * e[x+1][b] * beta[x+1][b]
			}
			beta[x][a] = s
		}
		norm(beta[x])
	}
	out := keep.matrix(n, nt)
	for x := range out {
		for t := 0; t < nt; t++ {
			out[x][t] = alpha[x][t] * beta[x][t]
		}
		norm(out[x])
	}
	return out
}

// Scorer gives the tagger's confidence in spans of the text it tagged.
type Scorer struct {
	m    *Model
	t    *fold.Text
	marg [][]float64
}

// Score returns the tagger's confidence in span s: the least, over the
// words it covers, of the marginal probability of the word's tag (B for
// the first word, I after); 0 for a label the model does not know.
func (sc *Scorer) Score(s corpus.Span) float64 {
	b := slices.Index(sc.m.tags, "B-"+string(s.Label))
	if b < 0 {
		return 0
	}
	conf := 1.0
	first := true
	for wi := sc.t.WordAt(s.Start); wi >= 0 && wi < len(sc.t.Words) && sc.t.Words[wi].Start < s.End; wi++ {
		if sc.marg[wi] == nil {
			continue
		}
		tg := b
		if !first {
			tg = b + 1
		}
		conf = min(conf, sc.marg[wi][tg])
		first = false
	}
	return conf
}

// Report is an evaluation of a model on documents held back from training.
type Report struct {
	spanscore.Report
	Train, Test int           // documents
	TrainTime   time.Duration // time to train
}

// Evaluate holds back a fifth of docs (at least one; chosen by seed),
// trains on the rest and scores the tagger's spans on the held-back ones
// by strict match.
func Evaluate(docs []corpus.Document, hinter Hinter, cfg Config) (Report, error) {
	if len(docs) < 2 {
		return Report{}, fmt.Errorf("tagger: %d documents; evaluation needs at least 2", len(docs))
	}
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5851f42d4c957f2d))
	rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	nTest := max(1, (len(docs)+4)/5)
	var train, test []corpus.Document
	for k, i := range idx {
		if k < nTest {
			test = append(test, docs[i])
		} else {
			train = append(train, docs[i])
		}
	}
	began := time.Now()
	m, err := Train(train, hinter, cfg)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Train: len(train), Test: len(test), TrainTime: time.Since(began)}
	for i := range test {
		d := test[i]
		gold := slices.Clone(d.Spans)
		d.Spans = nil
		got, _ := m.Tag(&d, fold.New(d.Text), hinter)
		pred := make([]corpus.Span, len(got))
		for j, g := range got {
			pred[j] = g.Span
		}
		rep.Add(gold, pred)
	}
	return rep, nil
}
