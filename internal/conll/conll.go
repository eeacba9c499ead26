// Package conll writes and reads CoNLL-style token files: one token per line
// as "token TAG" (a single space), a blank line after each sentence, and a
// "-DOCSTART- O" line and a blank line before each document. Tags are IOB2
// (B-, I-, O) or BIOES (also E- and S-), over tokens from internal/tokenize.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/tokenize"
)

// DocStart is the line that opens each document.
const DocStart = "-DOCSTART- O"

// Scheme is a tagging scheme.
type Scheme int

// The tagging schemes written.
const (
	IOB2  Scheme = iota // B- first token, I- the others, O outside
	BIOES               // S- single token, B- first, I- inside, E- last, O outside
)

func (s Scheme) String() string {
	if s == BIOES {
		return "BIOES"
	}
	return "IOB2"
}

// Tag is a token's tag: Prefix 'O' (Label empty), 'B', 'I', 'E' or 'S'.
type Tag struct {
	Prefix byte
	Label  corpus.Label
}

// Outside is the tag of a token outside every span.
var Outside = Tag{Prefix: 'O'}

func (t Tag) String() string {
	if t.Prefix == 'O' {
		return "O"
	}
	return string(t.Prefix) + "-" + string(t.Label)
}

// DocStats counts what Tagger saw of one document.
type DocStats struct {
	Sentences, Tokens int
	// Spans counts the spans that cover at least one token.
	Spans int
	// LabelTokens counts the tokens inside spans, per label.
	LabelTokens map[corpus.Label]int
	// Untokenised lists the spans that cover no token (whitespace or
	// format characters only), which token formats cannot carry.
	Untokenised []corpus.Span
}

// CheckLabel reports whether l can be written in a tag: non-empty, without
// whitespace or control characters.
func CheckLabel(l corpus.Label) error {
	if l == "" {
		return fmt.Errorf("empty label")
	}
	if strings.IndexFunc(string(l), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return fmt.Errorf("label %q holds whitespace or a control character, which token formats cannot carry", l)
	}
	return nil
}

// Tagger tokenises documents and tags their tokens, reusing its buffers.
type Tagger struct {
	Scheme Scheme
	// Memo, when set, tokenises, so that taggers of one document in
	// several schemes (or writers) tokenise it once.
	Memo  *tokenize.Memo
	tags  []Tag
	owner []int // per token of the sentence: the span index, or -1
}

// Each calls f with each sentence of d (see tokenize.Sentences) and the tags
// of its tokens; both slices are reused after f returns. d must pass
// corpus.Validate; its spans must be sorted.
func (t *Tagger) Each(d *corpus.Document, f func(s tokenize.Sentence, tags []Tag)) DocStats {
	var st DocStats
	spans := d.Spans
	si := 0
	t.eachSentence(d.Text, spans, func(s tokenize.Sentence) {
		st.Sentences++
		st.Tokens += len(s)
		t.owner = t.owner[:0]
		for _, tok := range s {
			for si < len(spans) && spans[si].End <= tok.Start {
				si++
			}
			o := -1
			if si < len(spans) && spans[si].Start <= tok.Start && tok.End <= spans[si].End {
				o = si
			}
			t.owner = append(t.owner, o)
		}
		t.tags = t.tags[:0]
		for i, o := range t.owner {
			if o < 0 {
				t.tags = append(t.tags, Outside)
				continue
			}
			first := i == 0 || t.owner[i-1] != o
			last := i == len(t.owner)-1 || t.owner[i+1] != o
			p := byte('I')
			switch {
			case t.Scheme == BIOES && first && last:
				p = 'S'
			case first:
				p = 'B'
			case t.Scheme == BIOES && last:
				p = 'E'
			}
			if first {
				st.Spans++ // a span's tokens are contiguous in one sentence
			}
			if st.LabelTokens == nil {
				st.LabelTokens = map[corpus.Label]int{}
			}
			st.LabelTokens[spans[o].Label]++
			t.tags = append(t.tags, Tag{Prefix: p, Label: spans[o].Label})
		}
		f(s, t.tags)
	})
	if st.Spans < len(spans) {
		// find the spans no token fell in
		tagged := make(map[int]bool, len(spans))
		si := 0
		t.eachSentence(d.Text, spans, func(s tokenize.Sentence) {
			for _, tok := range s {
				for si < len(spans) && spans[si].End <= tok.Start {
					si++
				}
				if si < len(spans) && spans[si].Start <= tok.Start {
					tagged[si] = true
				}
			}
		})
		for i, sp := range spans {
			if !tagged[i] {
				st.Untokenised = append(st.Untokenised, sp)
			}
		}
	}
	return st
}

func (t *Tagger) eachSentence(text string, spans []corpus.Span, f func(tokenize.Sentence)) {
	if t.Memo != nil {
		t.Memo.EachSentence(text, spans, f)
	} else {
		tokenize.EachSentence(text, spans, f)
	}
}

// Writer writes documents as CoNLL, one at a time.
type Writer struct {
	w      *bufio.Writer
	tagger Tagger
}

// NewWriter returns a Writer of scheme to w; call Flush at the end.
func NewWriter(w io.Writer, scheme Scheme) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 64<<10), tagger: Tagger{Scheme: scheme}}
}

// Write writes d, which must pass corpus.Validate with labels that
// CheckLabel accepts, or returns an error naming the document and span.
func (w *Writer) Write(d *corpus.Document) (DocStats, error) {
	if err := check(d); err != nil {
		return DocStats{}, err
	}
	w.w.WriteString(DocStart)
	w.w.WriteString("\n\n")
	st := w.tagger.Each(d, func(s tokenize.Sentence, tags []Tag) {
		for i, tok := range s {
			w.w.WriteString(tok.Text)
			w.w.WriteByte(' ')
			if tags[i].Prefix == 'O' {
				w.w.WriteByte('O')
			} else {
				w.w.WriteByte(tags[i].Prefix)
				w.w.WriteByte('-')
				w.w.WriteString(string(tags[i].Label))
			}
			w.w.WriteByte('\n')
		}
		w.w.WriteByte('\n')
	})
	return st, nil
}

// Flush writes buffered data to the underlying writer.
func (w *Writer) Flush() error { return w.w.Flush() }

// Share makes w tokenise through m, which writers of the same documents in
// other formats may share (see tokenize.Memo).
func (w *Writer) Share(m *tokenize.Memo) { w.tagger.Memo = m }

// Encode writes docs in scheme to w, refusing them before writing anything
// if one fails its checks.
func Encode(w io.Writer, docs []corpus.Document, scheme Scheme) error {
	for i := range docs {
		if err := check(&docs[i]); err != nil {
			return err
		}
	}
	cw := NewWriter(w, scheme)
	for i := range docs {
		if _, err := cw.Write(&docs[i]); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// check refuses a document that token formats cannot write.
func check(d *corpus.Document) error {
	if err := corpus.ValidateSpans(d.Spans, utf8.RuneCountInString(d.Text), nil); err != nil {
		return fmt.Errorf("document %q: %w", d.ID, err)
	}
	if !utf8.ValidString(d.Text) {
		return fmt.Errorf("document %q: text is not valid UTF-8", d.ID)
	}
	for i, s := range d.Spans {
		if err := CheckLabel(s.Label); err != nil {
			return fmt.Errorf("document %q: %w", d.ID, &corpus.SpanError{Index: i, Span: s, Reason: err.Error()})
		}
	}
	return nil
}
