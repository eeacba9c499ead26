// Package labelstudio writes and reads Label Studio tasks for named-entity
// labelling: a JSON array of {"data": {"text", ...}, "annotations":
// [{"result": [{"from_name", "to_name", "type": "labels", "value": {"start",
// "end", "text", "labels"}}]}]}, with offsets in code points (what Label
// Studio stores since its emoji fix). LabelConfig gives the matching
// labelling interface.
package labelstudio

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/offsets"
)

// The control and object names of LabelConfig, used in every result.
const (
	FromName = "label"
	ToName   = "text"
)

// LabelConfig returns the labelling interface for schema: a Labels control
// named FromName with one Label per schema label (in schema order, with its
// colour) over a right-to-left Text object named ToName showing $text.
func LabelConfig(schema *corpus.Schema) string {
	var b strings.Builder
	b.WriteString("<View>\n  <Labels name=\"" + FromName + "\" toName=\"" + ToName + "\">\n")
	for _, d := range schema.Labels {
		fmt.Fprintf(&b, "    <Label value=\"%s\"", html.EscapeString(string(d.Name)))
		if d.Color != "" {
			fmt.Fprintf(&b, " background=\"%s\"", html.EscapeString(d.Color))
		}
		if d.DefinitionEn != "" {
			fmt.Fprintf(&b, " hint=\"%s\"", html.EscapeString(d.DefinitionEn))
		}
		b.WriteString("/>\n")
	}
	b.WriteString("  </Labels>\n  <View style=\"direction: rtl\">\n    <Text name=\"" + ToName + "\" value=\"$text\"/>\n  </View>\n</View>\n")
	return b.String()
}

type value struct {
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Text   string   `json:"text"`
	Labels []string `json:"labels"`
}

type result struct {
	ID       string `json:"id"`
	FromName string `json:"from_name"`
	ToName   string `json:"to_name"`
	Type     string `json:"type"`
	Origin   string `json:"origin"`
	Value    value  `json:"value"`
	// Meta holds the span's attrs (its values, its source): Label Studio
	// keeps a region's meta through its own import and export.
	Meta map[string]string `json:"meta,omitempty"`
}

type annotation struct {
	Result []result `json:"result"`
}

// Writer writes a JSON array of tasks, one document at a time.
type Writer struct {
	w   *bufio.Writer
	enc *json.Encoder
	buf bytes.Buffer
	n   int
}

// NewWriter returns a Writer to w; Close ends the array.
func NewWriter(w io.Writer) *Writer {
	lw := &Writer{w: bufio.NewWriterSize(w, 64<<10)}
	lw.enc = json.NewEncoder(&lw.buf)
	lw.enc.SetEscapeHTML(false)
	return lw
}

// Write writes d as one task with one annotation, its data holding the
// text, "doc_id", "title" and, when given, the extra fields (such as
// "split"). d must pass corpus.Validate with sorted spans, or Write returns
// an error naming the document and writes nothing of it.
func (w *Writer) Write(d *corpus.Document, extra map[string]string) error {
	x := offsets.NewIndex(d.Text)
	if err := corpus.ValidateSpans(d.Spans, x.Len(), nil); err != nil {
		return fmt.Errorf("document %q: %w", d.ID, err)
	}
	data := map[string]string{"text": d.Text, "doc_id": d.ID, "title": d.Title}
	for k, v := range extra {
		if _, taken := data[k]; !taken {
			data[k] = v
		}
	}
	res := make([]result, len(d.Spans))
	ids := make(map[string]bool, len(d.Spans))
	for i, s := range d.Spans {
		id := s.ID
		if id == "" || ids[id] {
			id = "s" + strconv.Itoa(i+1)
		}
		ids[id] = true
		res[i] = result{ID: id, FromName: FromName, ToName: ToName, Type: "labels", Origin: "manual",
			Value: value{Start: s.Start, End: s.End, Text: x.Slice(s.Start, s.End), Labels: []string{string(s.Label)}}, Meta: s.Attrs}
	}
	w.buf.Reset()
	if err := w.enc.Encode(struct {
		Data        map[string]string `json:"data"`
		Annotations []annotation      `json:"annotations"`
	}{data, []annotation{{Result: res}}}); err != nil {
		return fmt.Errorf("document %q: %w", d.ID, err)
	}
	if w.n == 0 {
		w.w.WriteString("[\n")
	} else {
		w.w.WriteString(",\n")
	}
	w.w.Write(bytes.TrimSuffix(w.buf.Bytes(), []byte("\n")))
	w.n++
	return nil
}

// Close ends the array (an empty one when nothing was written) and flushes.
func (w *Writer) Close() error {
	if w.n == 0 {
		w.w.WriteString("[")
	}
	w.w.WriteString("\n]\n")
	return w.w.Flush()
}

// Encode writes docs as a JSON array of tasks.
func Encode(w io.Writer, docs []corpus.Document) error {
	lw := NewWriter(w)
	for i := range docs {
		if err := lw.Write(&docs[i], nil); err != nil {
			return err
		}
	}
	return lw.Close()
}
