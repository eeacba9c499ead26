package labelstudio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/offsets"
)

func init() { format.Register(format.LabelStudio, read) }

// read is the reader of Label Studio tasks in format's table.
func read(files []format.File, opts format.Options) (format.Result, error) {
	docs, notes, err := Decode(files[0].Name, bytes.NewReader(files[0].Data), opts)
	if err != nil {
		return format.Result{}, err
	}
	return format.Result{Docs: docs, Notes: notes}, nil
}

type rawValue struct {
	Start  json.RawMessage `json:"start"`
	End    json.RawMessage `json:"end"`
	Text   *string         `json:"text"`
	Labels []string        `json:"labels"`
}

type rawResult struct {
	Type  string                     `json:"type"`
	Value rawValue                   `json:"value"`
	Meta  map[string]json.RawMessage `json:"meta"`
}

// attrs returns the string fields of a region's meta, a span's attrs as
// Writer writes them (Label Studio's own fields, such as a list of notes,
// are left out); nil when there are none.
func attrs(meta map[string]json.RawMessage) map[string]string {
	var out map[string]string
	for k, v := range meta {
		var s string
		if json.Unmarshal(v, &s) != nil {
			continue
		}
		if out == nil {
			out = make(map[string]string)
		}
		out[k] = s
	}
	return out
}

type rawAnnotation struct {
	Result       []rawResult `json:"result"`
	WasCancelled bool        `json:"was_cancelled"`
}

type rawTask struct {
	ID          json.RawMessage            `json:"id"`
	Data        map[string]json.RawMessage `json:"data"`
	Annotations []rawAnnotation            `json:"annotations"`
	Completions []rawAnnotation            `json:"completions"` // Label Studio before 1.0
	Predictions []rawAnnotation            `json:"predictions"`
	// JSON-MIN export: the text and the regions at the top level.
	Text json.RawMessage `json:"text"`
}

// Decode reads Label Studio tasks, a JSON array of them (or one task), in
// the full export format ({"data", "annotations"}, or "completions" of old
// versions) or JSON-MIN ({"text", "<from_name>": [{"start", "end", "text",
// "labels"}]}), into documents, or refuses the file whole with a
// *format.Error naming the line where the task starts. The text is
// data.text; a document's ID is data.doc_id, else derived from the text.
// Each task's first annotation that was not cancelled is imported (its
// predictions when it has none), regions of type "labels" only; a note
// tells of anything left out. A region's "text" must equal the text at its
// offsets (code points; UTF-16 offsets of old versions are accepted and
// noted). Labels outside opts.Schema (after opts.LabelMap) are reported
// together as a *format.UnknownLabelsError.
func Decode(name string, r io.Reader, opts format.Options) ([]corpus.Document, []*format.Error, error) {
	b := format.New(name, opts)
	data, err := b.ReadAll(r)
	if err == nil {
		err = b.CheckJSON(data)
	}
	if err != nil {
		return nil, nil, err
	}
	lineAt := lineCounter(data)
	var docs []corpus.Document
	one := func(line int, raw json.RawMessage) error {
		d, err := decodeTask(b, line, raw)
		if err != nil {
			return err
		}
		docs = append(docs, d)
		return nil
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		// one task
		var raw json.RawMessage
		if err := json.Unmarshal(trimmed, &raw); err != nil {
			return nil, nil, b.Errorf(syntaxLine(data), "invalid JSON: %v", err)
		}
		if err := one(lineAt(firstByte(data, 0)), raw); err != nil {
			return nil, nil, err
		}
	} else {
		dec := json.NewDecoder(bytes.NewReader(data))
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, b.Errorf(syntaxLine(data), "want a JSON array of Label Studio tasks: %v", err)
		}
		if tok != json.Delim('[') {
			return nil, nil, b.Errorf(1, "want a JSON array of Label Studio tasks, got %v", tok)
		}
		for dec.More() {
			line := lineAt(firstByte(data, int(dec.InputOffset())))
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, nil, b.Errorf(syntaxLine(data), "invalid JSON: %v", err)
			}
			if err := one(line, raw); err != nil {
				return nil, nil, err
			}
		}
		if _, err := dec.Token(); err != nil {
			return nil, nil, b.Errorf(syntaxLine(data), "invalid JSON: %v", err)
		}
		if _, err := dec.Token(); err != io.EOF {
			return nil, nil, b.Errorf(lineAt(int(dec.InputOffset())), "more JSON after the array of tasks")
		}
	}
	if err := b.Finish(); err != nil {
		return nil, nil, err
	}
	if len(docs) == 0 {
		return nil, nil, b.Errorf(0, "no tasks: the array is empty")
	}
	return docs, b.Notes(), nil
}

// lineCounter returns a function from byte offset to 1-based line, for
// offsets asked in increasing order (it restarts otherwise).
func lineCounter(data []byte) func(off int) int {
	pos, line := 0, 1
	return func(off int) int {
		off = min(max(off, 0), len(data))
		if off < pos {
			pos, line = 0, 1
		}
		line += bytes.Count(data[pos:off], []byte("\n"))
		pos = off
		return line
	}
}

// firstByte returns the offset of the first non-space byte at or after off.
func firstByte(data []byte, off int) int {
	for off < len(data) && (data[off] == ' ' || data[off] == '\n' || data[off] == '\r' || data[off] == '\t' || data[off] == ',') {
		off++
	}
	return off
}

// syntaxLine returns the line of data's first JSON syntax error, found by
// parsing data whole (a Decoder's offsets are not absolute), or the last
// line when there is none.
func syntaxLine(data []byte) int {
	var v any
	off := len(data)
	var se *json.SyntaxError
	if err := json.Unmarshal(data, &v); errors.As(err, &se) {
		off = min(max(int(se.Offset)-1, 0), len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// decodeTask turns one task, starting on line, into a document.
func decodeTask(b *format.Builder, line int, raw json.RawMessage) (corpus.Document, error) {
	var t rawTask
	if err := json.Unmarshal(raw, &t); err != nil {
		return corpus.Document{}, b.Errorf(line, "want a task object {\"data\": {\"text\"}, \"annotations\"}: %v", err)
	}
	taskName := "the task"
	if len(t.ID) > 0 && string(t.ID) != "null" {
		taskName = "task " + strings.Trim(string(t.ID), `"`)
	}
	var text, docID, title string
	var results []rawResult
	if t.Data != nil {
		var err error
		if text, err = dataString(t.Data, "text"); err != nil {
			return corpus.Document{}, b.Errorf(line, "%s: %v", taskName, err)
		}
		if text == "" {
			var keys []string
			for k, v := range t.Data {
				if len(v) > 0 && v[0] == '"' {
					keys = append(keys, k)
				}
			}
			if len(keys) != 1 {
				return corpus.Document{}, b.Errorf(line, "%s has no data.text", taskName)
			}
			text, _ = dataString(t.Data, keys[0])
			b.Note("text field", line, "%s: the text was taken from data.%s", taskName, keys[0])
		}
		docID, _ = dataString(t.Data, "doc_id")
		title, _ = dataString(t.Data, "title")
		anns := t.Annotations
		if anns == nil {
			anns = t.Completions
		}
		var usable []rawAnnotation
		for _, a := range anns {
			if !a.WasCancelled {
				usable = append(usable, a)
			}
		}
		switch {
		case len(usable) > 0:
			results = usable[0].Result
			if len(usable) > 1 {
				b.Note("several annotations", line, "%s has %d annotations: the first was imported", taskName, len(usable))
			}
		case len(t.Predictions) > 0:
			results = t.Predictions[0].Result
			b.Note("predictions", line, "%s has no annotation: its first prediction was imported", taskName)
		}
	} else {
		// JSON-MIN
		if err := json.Unmarshal(t.Text, &text); err != nil || len(t.Text) == 0 {
			return corpus.Document{}, b.Errorf(line, "%s has neither \"data\" nor a \"text\" string", taskName)
		}
		var all map[string]json.RawMessage
		_ = json.Unmarshal(raw, &all)
		keys := make([]string, 0, len(all))
		for k := range all {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var regions []rawValue
			if k == "text" || json.Unmarshal(all[k], &regions) != nil || len(regions) == 0 || regions[0].Labels == nil {
				continue
			}
			for _, v := range regions {
				results = append(results, rawResult{Type: "labels", Value: v})
			}
		}
		if v, ok := all["doc_id"]; ok {
			_ = json.Unmarshal(v, &docID)
		}
	}
	if text == "" {
		return corpus.Document{}, b.Errorf(line, "%s: the text is empty", taskName)
	}
	x := offsets.NewIndex(text)
	var spans []corpus.Span
	for i, r := range results {
		if !strings.EqualFold(r.Type, "labels") {
			b.Note("other result type", line, "%s: a result of type %q was skipped (raqim imports labels)", taskName, r.Type)
			continue
		}
		where := fmt.Sprintf("%s, region %d", taskName, i+1)
		start, err1 := intValue(r.Value.Start)
		end, err2 := intValue(r.Value.End)
		if err1 != nil || err2 != nil {
			return corpus.Document{}, b.Errorf(line, "%s: start and end must be integers, got %s and %s", where, format.Clip(string(r.Value.Start)), format.Clip(string(r.Value.End)))
		}
		if len(r.Value.Labels) != 1 {
			return corpus.Document{}, b.Errorf(line, "%s [%d,%d) has %d labels; a raqim span has exactly one", where, start, end, len(r.Value.Labels))
		}
		inRange := start >= 0 && end <= x.Len() && start < end
		if r.Value.Text != nil && (!inRange || *r.Value.Text != x.Slice(start, end)) && start >= 0 && start < end && end <= x.UTF16Len() {
			// old Label Studio counted UTF-16 units
			us, ue := x.FromUTF16(start), x.FromUTF16(end)
			if x.UTF16(us) == start && x.UTF16(ue) == end && us < ue && *r.Value.Text == x.Slice(us, ue) {
				b.Note("utf-16 offsets", line, "%s [%d,%d): offsets count UTF-16 units (Label Studio before its emoji fix): read as code points [%d,%d)", where, start, end, us, ue)
				start, end, inRange = us, ue, true
			}
		}
		if !inRange {
			return corpus.Document{}, b.Errorf(line, "%s [%d,%d) %s: out of range or empty: the text has %d code points", where, start, end, r.Value.Labels[0], x.Len())
		}
		if r.Value.Text != nil && *r.Value.Text != x.Slice(start, end) {
			return corpus.Document{}, b.Errorf(line, "%s [%d,%d) %s: its text %q differs from the text at its offsets, %q", where, start, end, r.Value.Labels[0], format.Clip(*r.Value.Text), format.Clip(x.Slice(start, end)))
		}
		l, err := b.Label(corpus.Label(r.Value.Labels[0]), line)
		if err != nil {
			return corpus.Document{}, err
		}
		sp := b.Span(start, end, l)
		sp.Attrs = attrs(r.Meta)
		spans = append(spans, sp)
	}
	return b.Doc(line, docID, title, text, "", spans)
}

// dataString returns data[key] as a string ("" when absent or null); a
// number is rendered as its literal.
func dataString(data map[string]json.RawMessage, key string) (string, error) {
	v, ok := data[key]
	if !ok || string(v) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(v, &n); err == nil {
		return n.String(), nil
	}
	return "", format.Msg("data.%s must be a string", key)
}

func intValue(v json.RawMessage) (int, error) {
	if v = bytes.TrimSpace(v); len(v) == 0 || v[0] == '"' {
		return 0, errors.New("not a number")
	}
	var n json.Number
	if err := json.Unmarshal(v, &n); err != nil {
		return 0, err
	}
	i, err := strconv.Atoi(n.String())
	return i, err
}
