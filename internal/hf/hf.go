// Package hf writes and reads the Hugging Face token-classification layout:
// JSON Lines of {"id", "tokens": [...], "ner_tags": [int...]}, one line per
// sentence, with tag ids into a label list ("O", "B-ACTOR", "I-ACTOR", …)
// that a dataset card declares as a ClassLabel. Tokens and sentences come
// from internal/tokenize, tags (IOB2) from internal/conll.
package hf

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/conll"
	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/tokenize"
)

// Labels returns the IOB2 tag names of schema in ClassLabel order: "O", then
// B- and I- of each label in schema order.
func Labels(schema *corpus.Schema) []string {
	out := []string{"O"}
	for _, l := range schema.Names() {
		out = append(out, "B-"+string(l), "I-"+string(l))
	}
	return out
}

// RowID returns the id of a document's sentence n (0-based): "<doc id>#<n>".
func RowID(docID string, n int) string { return docID + "#" + strconv.Itoa(n) }

// SplitRowID undoes RowID: it returns the document ID and true when id ends
// in "#" and decimal digits.
func SplitRowID(id string) (string, bool) {
	i := strings.LastIndexByte(id, '#')
	if i <= 0 || i == len(id)-1 {
		return "", false
	}
	for _, c := range id[i+1:] {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return id[:i], true
}

// Writer writes documents as rows, one sentence per row.
type Writer struct {
	w      *bufio.Writer
	ids    map[string]int
	tagger conll.Tagger
	scr    []byte
}

// NewWriter returns a Writer to w whose tag ids index labels (see Labels);
// call Flush at the end.
func NewWriter(w io.Writer, labels []string) *Writer {
	ids := make(map[string]int, len(labels))
	for i, l := range labels {
		ids[l] = i
	}
	return &Writer{w: bufio.NewWriterSize(w, 64<<10), ids: ids, tagger: conll.Tagger{Scheme: conll.IOB2}}
}

// Write writes d's sentences; d must pass corpus.Validate with sorted spans
// whose labels are in the label list, or Write returns an error naming the
// document and writes nothing of it.
func (w *Writer) Write(d *corpus.Document) (conll.DocStats, error) {
	for i, s := range d.Spans {
		if _, ok := w.ids["B-"+string(s.Label)]; !ok {
			return conll.DocStats{}, fmt.Errorf("document %q: %w", d.ID, &corpus.SpanError{Index: i, Span: s, Reason: "label not in the label list"})
		}
	}
	n := 0
	st := w.tagger.Each(d, func(s tokenize.Sentence, tags []conll.Tag) {
		b := w.scr[:0]
		b = append(b, `{"id":`...)
		b = appendString(b, RowID(d.ID, n))
		b = append(b, `,"tokens":[`...)
		for i, tok := range s {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, tok.Text)
		}
		b = append(b, `],"ner_tags":[`...)
		for i, t := range tags {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(w.ids[t.String()]), 10)
		}
		b = append(b, "]}\n"...)
		w.w.Write(b)
		w.scr = b
		n++
	})
	return st, nil
}

// Flush writes buffered data to the underlying writer.
func (w *Writer) Flush() error { return w.w.Flush() }

// Share makes w tokenise through m, which writers of the same documents in
// other formats may share (see tokenize.Memo).
func (w *Writer) Share(m *tokenize.Memo) { w.tagger.Memo = m }

// appendString appends s as a JSON string, escaping as encoding/json does
// without HTML escaping.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += w
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += w
			start = i
			continue
		}
		i += w
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Encode writes docs as rows with tag ids into labels.
func Encode(w io.Writer, docs []corpus.Document, labels []string) error {
	hw := NewWriter(w, labels)
	for i := range docs {
		if _, err := hw.Write(&docs[i]); err != nil {
			return err
		}
	}
	return hw.Flush()
}

func init() { format.Register(format.HuggingFace, read) }

// read is the reader of Hugging Face rows in format's table: the rows, and
// when given after them their label list (hf/labels.json).
func read(files []format.File, opts format.Options) (format.Result, error) {
	var labels []string
	if len(files) > 1 {
		var err error
		if labels, err = DecodeLabels(files[1].Name, files[1].Data); err != nil {
			return format.Result{}, err
		}
	}
	docs, notes, err := Decode(files[0].Name, bytes.NewReader(files[0].Data), labels, opts)
	if err != nil {
		return format.Result{}, err
	}
	return format.Result{Docs: docs, Notes: notes}, nil
}

// row is one line as read.
type row struct {
	ID      json.RawMessage   `json:"id"`
	Tokens  []string          `json:"tokens"`
	NerTags []json.RawMessage `json:"ner_tags"`
	Tags    []json.RawMessage `json:"tags"`
}

// Decode reads rows into documents, or refuses the file whole with a
// *format.Error naming the line. Tags are ids into labels (nil means
// Labels(opts.Schema), or of corpus.Default when that is nil) or tag strings,
// under "ner_tags" or "tags". Consecutive rows whose ids are "<doc>#<n>"
// with the same <doc> make one document with that ID; any other row is a
// document of its own, with the row's id or else one derived from its text. Texts are rebuilt from the
// tokens (single spaces, sentences joined by "\n"), and a note says so.
func Decode(name string, r io.Reader, labels []string, opts format.Options) ([]corpus.Document, []*format.Error, error) {
	b := format.New(name, opts)
	if labels == nil {
		s := opts.Schema
		if s == nil {
			s = corpus.Default
		}
		labels = Labels(s)
	}
	tags := make([]conll.Tag, len(labels))
	for i, l := range labels {
		t, err := conll.ParseTag(l)
		if err != nil {
			return nil, nil, b.Errorf(0, "label list entry %d: %v", i, err)
		}
		tags[i] = t
	}
	data, err := b.ReadAll(r)
	if err == nil {
		err = b.CheckJSON(data)
	}
	if err != nil {
		return nil, nil, err
	}
	var (
		docs      []corpus.Document
		sentences [][]conll.Token
		docID     string // "" for a row of its own
		docLine   int
	)
	flush := func() error {
		if len(sentences) == 0 {
			return nil
		}
		text, spans, err := conll.Rebuild(b, sentences)
		if err != nil {
			return err
		}
		d, err := b.Doc(docLine, docID, "", text, "", spans)
		if err != nil {
			return err
		}
		docs = append(docs, d)
		sentences = nil
		return nil
	}
	for n, line := range format.Lines(data) {
		n++
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var rw row
		dec := json.NewDecoder(strings.NewReader(line))
		if err := dec.Decode(&rw); err != nil {
			return nil, nil, b.Errorf(n, "want a JSON object {\"id\", \"tokens\", \"ner_tags\"}: %v", err)
		}
		if dec.More() {
			return nil, nil, b.Errorf(n, "more than one JSON value on the line")
		}
		raw := rw.NerTags
		if raw == nil {
			raw = rw.Tags
		}
		if len(rw.Tokens) == 0 {
			return nil, nil, b.Errorf(n, "no \"tokens\"")
		}
		if len(raw) != len(rw.Tokens) {
			return nil, nil, b.Errorf(n, "%d tokens but %d tags", len(rw.Tokens), len(raw))
		}
		id := ""
		if len(rw.ID) > 0 && string(rw.ID) != "null" {
			var s string
			if err := json.Unmarshal(rw.ID, &s); err != nil {
				id = string(bytes.TrimSpace(rw.ID)) // a number
			} else {
				id = s
			}
		}
		rowDoc, grouped := SplitRowID(id)
		if !grouped || rowDoc != docID || len(sentences) == 0 {
			if err := flush(); err != nil {
				return nil, nil, err
			}
			docID, docLine = rowDoc, n
			if !grouped {
				docID = id
			}
		}
		sent := make([]conll.Token, len(rw.Tokens))
		for i, tok := range rw.Tokens {
			if strings.TrimSpace(tok) == "" {
				return nil, nil, b.Errorf(n, "token %d is empty or whitespace", i+1)
			}
			t, err := tagOf(raw[i], tags)
			if err != nil {
				return nil, nil, b.Errorf(n, "tag %d: %v", i+1, err)
			}
			sent[i] = conll.Token{Text: tok, Tag: t, Line: n}
		}
		sentences = append(sentences, sent)
	}
	if err := flush(); err != nil {
		return nil, nil, err
	}
	if err := b.Finish(); err != nil {
		return nil, nil, err
	}
	if len(docs) == 0 {
		return nil, nil, b.Errorf(0, "no rows: the file is empty")
	}
	notes := []*format.Error{format.Errorf(name, 0, "the Hugging Face rows hold no text: the texts of its documents (%d) were rebuilt from the tokens, joined by single spaces, sentences by line breaks", len(docs))}
	return docs, append(notes, b.Notes()...), nil
}

// tagOf reads one tag: an id into tags or a tag string.
func tagOf(v json.RawMessage, tags []conll.Tag) (conll.Tag, error) {
	var id int
	if err := json.Unmarshal(v, &id); err == nil {
		if id < 0 || id >= len(tags) {
			return conll.Tag{}, format.Msg("id %d is outside the label list (0 to %d)", id, len(tags)-1)
		}
		return tags[id], nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return conll.Tag{}, format.Msg("want an integer id or a tag string, got %s", format.Clip(string(v)))
	}
	return conll.ParseTag(s)
}

// DecodeLabels reads a label list file: a JSON array of tag strings.
func DecodeLabels(name string, data []byte) ([]string, error) {
	var labels []string
	if err := json.Unmarshal(data, &labels); err != nil {
		return nil, format.Errorf(name, 0, "want a JSON array of tag names: %v", err)
	}
	for i, l := range labels {
		if _, err := conll.ParseTag(l); err != nil {
			return nil, format.Errorf(name, 0, "entry %d: %v", i, err)
		}
	}
	return labels, nil
}
