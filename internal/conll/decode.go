package conll

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
)

func init() { format.Register(format.CoNLL, read) }

// read is the reader of CoNLL files in format's table.
func read(files []format.File, opts format.Options) (format.Result, error) {
	docs, notes, err := Decode(files[0].Name, bytes.NewReader(files[0].Data), opts)
	if err != nil {
		return format.Result{}, err
	}
	return format.Result{Docs: docs, Notes: notes}, nil
}

// Chunk is one entity found in a sentence's tags: tokens First to Last
// (inclusive) labelled Label. Orphan marks an entity that an I- or E- tag
// started because no entity of its label was open.
type Chunk struct {
	First, Last int
	Label       corpus.Label
	Orphan      bool
}

// Chunks returns the entities of one sentence's tags the way conlleval and
// seqeval read them, whatever the scheme (IOB1, IOB2, IOE, BIOES): B- and S-
// start an entity, I- and E- continue one of the same label or else start
// one, E- and S- end one, O and a change of label end one.
func Chunks(tags []Tag) []Chunk {
	var out []Chunk
	prev := Outside
	open := -1 // index in out of the open entity
	for i, t := range tags {
		if open >= 0 && endOfChunk(prev, t) {
			out[open].Last = i - 1
			open = -1
		}
		if startOfChunk(prev, t) {
			out = append(out, Chunk{First: i, Label: t.Label, Orphan: t.Prefix == 'I' || t.Prefix == 'E'})
			open = len(out) - 1
		}
		prev = t
	}
	if open >= 0 {
		out[open].Last = len(tags) - 1
	}
	return out
}

func endOfChunk(prev, t Tag) bool {
	switch prev.Prefix {
	case 'E', 'S':
		return true
	case 'B', 'I':
		if t.Prefix == 'B' || t.Prefix == 'S' || t.Prefix == 'O' {
			return true
		}
	}
	return prev.Prefix != 'O' && prev.Label != t.Label
}

func startOfChunk(prev, t Tag) bool {
	switch t.Prefix {
	case 'B', 'S':
		return true
	case 'I', 'E':
		if prev.Prefix == 'E' || prev.Prefix == 'S' || prev.Prefix == 'O' {
			return true
		}
	}
	return t.Prefix != 'O' && prev.Label != t.Label
}

// ParseTag reads a tag: O, or a prefix B, I, E or S (L and U read as E and
// S, as in BILOU) with a hyphen and a label.
func ParseTag(s string) (Tag, error) {
	if s == "O" {
		return Outside, nil
	}
	if len(s) < 3 || s[1] != '-' {
		return Tag{}, format.Msg("tag %q is not O or a prefix B-, I-, E- or S- with a label", format.Clip(s))
	}
	p := s[0]
	switch p {
	case 'B', 'I', 'E', 'S':
	case 'L':
		p = 'E'
	case 'U':
		p = 'S'
	default:
		return Tag{}, format.Msg("tag %q has prefix %q; want B-, I-, E- or S- (or O)", format.Clip(s), s[:1])
	}
	return Tag{Prefix: p, Label: corpus.Label(s[2:])}, nil
}

// Token is a token read with its tag and the line it came from.
type Token struct {
	Text string
	Tag  Tag
	Line int
}

// Rebuild joins sentences of tokens into a text (tokens joined by single
// spaces, sentences by "\n") and returns its spans from the tags, read as
// Chunks does, completed by b; an entity started by an I- or E- tag is
// noted with its line.
func Rebuild(b *format.Builder, sentences [][]Token) (string, []corpus.Span, error) {
	var text strings.Builder
	var spans []corpus.Span
	pos := 0 // code points written
	var starts, ends []int
	var tags []Tag
	for si, s := range sentences {
		if si > 0 {
			text.WriteByte('\n')
			pos++
		}
		starts, ends, tags = starts[:0], ends[:0], tags[:0]
		for ti, t := range s {
			if ti > 0 {
				text.WriteByte(' ')
				pos++
			}
			starts = append(starts, pos)
			text.WriteString(t.Text)
			pos += utf8.RuneCountInString(t.Text)
			ends = append(ends, pos)
			tags = append(tags, t.Tag)
		}
		for _, c := range Chunks(tags) {
			line := s[c.First].Line
			if c.Orphan {
				t := s[c.First].Tag
				b.Note("entity started by I-/E-", line, "%s with no %s entity open: it starts a new entity (as conlleval does)", t.String(), t.Label)
			}
			l, err := b.Label(c.Label, line)
			if err != nil {
				return "", nil, err
			}
			spans = append(spans, b.Span(starts[c.First], ends[c.Last], l))
		}
	}
	return text.String(), spans, nil
}

// Decode reads a CoNLL file (IOB1, IOB2, IOE, BIOES or BILOU tags; the token
// in the first column, the tag in the last, separated by spaces or tabs)
// into documents, or refuses it whole with a *format.Error naming the
// line. Documents start at "-DOCSTART-" lines; a file without any makes one
// document of each sentence. CoNLL holds no text: each text is rebuilt from
// the tokens, and a note says so. Labels outside opts.Schema (after
// opts.LabelMap) are reported together as a *format.UnknownLabelsError.
func Decode(name string, r io.Reader, opts format.Options) ([]corpus.Document, []*format.Error, error) {
	b := format.New(name, opts)
	data, err := b.ReadAll(r)
	if err != nil {
		return nil, nil, err
	}
	perSentence := !bytes.Contains(data, []byte("-DOCSTART-"))
	stem := path.Base(strings.ReplaceAll(name, `\`, "/"))
	stem = strings.TrimSuffix(stem, path.Ext(stem))

	var (
		docs      []corpus.Document
		sentences [][]Token
		cur       []Token
		docLine   int
	)
	endSentence := func() {
		if len(cur) > 0 {
			sentences = append(sentences, cur)
			cur = nil
		}
	}
	endDoc := func() error {
		endSentence()
		if len(sentences) == 0 {
			return nil
		}
		text, spans, err := Rebuild(b, sentences)
		if err != nil {
			return err
		}
		d, err := b.Doc(docLine, "", fmt.Sprintf("%s %d", stem, len(docs)+1), text, "", spans)
		if err != nil {
			return err
		}
		docs = append(docs, d)
		sentences = nil
		return nil
	}
	for n, line := range format.Lines(data) {
		n++
		fields := strings.Fields(line)
		if len(fields) == 0 {
			endSentence()
			if perSentence {
				if err := endDoc(); err != nil {
					return nil, nil, err
				}
			}
			continue
		}
		if fields[0] == "-DOCSTART-" {
			if err := endDoc(); err != nil {
				return nil, nil, err
			}
			docLine = n
			continue
		}
		if len(fields) < 2 {
			return nil, nil, b.Errorf(n, "want a token and its tag separated by a space, got %q", format.Clip(line))
		}
		tag, err := ParseTag(fields[len(fields)-1])
		if err != nil {
			return nil, nil, b.Wrap(n, err)
		}
		if docLine == 0 || (perSentence && len(cur) == 0) {
			docLine = n
		}
		cur = append(cur, Token{Text: fields[0], Tag: tag, Line: n})
	}
	if err := endDoc(); err != nil {
		return nil, nil, err
	}
	if err := b.Finish(); err != nil {
		return nil, nil, err
	}
	if len(docs) == 0 {
		return nil, nil, b.Errorf(0, "no tokens: the file has no \"token TAG\" lines")
	}
	notes := []*format.Error{format.Errorf(name, 0, "CoNLL holds no text: the texts of its documents (%d) were rebuilt from the tokens, joined by single spaces, sentences by line breaks", len(docs))}
	if perSentence {
		notes = append(notes, format.Errorf(name, 0, "the file has no -DOCSTART- lines: each sentence became a document"))
	}
	return docs, append(notes, b.Notes()...), nil
}
