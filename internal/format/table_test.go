package format_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/dataset"
	"github.com/raqim/raqim/internal/dataset/testcorpus"
	"github.com/raqim/raqim/internal/format"

	// The readers register themselves: the importer links every one.
	_ "github.com/raqim/raqim/internal/importer"
)

// Samples of each format, one document "في كاي" with PLACE كاي.
const (
	spanLine  = `{"text": "في كاي", "spans": [{"start": 3, "end": 6, "label": "PLACE"}]}` + "\n"
	conllFile = "في O\nكاي B-PLACE\n"
	hfRow     = `{"id": "d#0", "tokens": ["في", "كاي"], "ner_tags": [0, 3]}` + "\n"
	lsTasks   = `[{"data": {"text": "في كاي"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 3, "end": 6, "labels": ["PLACE"]}}]}]}]`
	bratAnn   = "T1\tPLACE 3 6\tكاي\n"
)

// zipOf returns a zip of the files given as name, contents, name, contents….
func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, files[i+1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// read reads files through the reader of format f.
func read(t *testing.T, f format.Format, files ...string) (format.Result, error) {
	t.Helper()
	if f.Read == nil {
		t.Fatalf("format %s has no reader", f.Name)
	}
	var in []format.File
	for i := 0; i < len(files); i += 2 {
		in = append(in, format.File{Name: files[i], Data: []byte(files[i+1])})
	}
	return f.Read(in, testcorpus.Options())
}

// placeKai checks that res holds the one document of the samples.
func placeKai(t *testing.T, what string, res format.Result, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if len(res.Docs) != 1 || len(res.Docs[0].Spans) != 1 {
		t.Fatalf("%s: %d documents %+v", what, len(res.Docs), res.Docs)
	}
	d := res.Docs[0]
	if s := d.Spans[0]; d.Text != "في كاي" || s.Start != 3 || s.End != 6 || s.Label != corpus.Place {
		t.Errorf("%s: text %q, span %+v", what, d.Text, s)
	}
}

// TestByName checks that each extension raqim reads alone maps to its
// format, whose reader reads a sample of it, whatever the case of the
// extension and the folders of the name.
func TestByName(t *testing.T) {
	for _, c := range []struct {
		name string
		kind format.Kind
		data string
	}{
		{"a.jsonl", format.SpanJSONL, spanLine},
		{"dir/A.JSONL", format.SpanJSONL, spanLine},
		{"a.txt", format.Text, "في كاي"},
		{`C:\docs\a.b.Txt`, format.Text, "في كاي"},
		{"a.conll", format.CoNLL, conllFile},
		{"a.bio", format.CoNLL, conllFile},
		{"a.bioes", format.CoNLL, conllFile},
		{"a.iob", format.CoNLL, conllFile},
		{"a.iob2", format.CoNLL, conllFile},
		{"tasks.JSON", format.LabelStudio, lsTasks},
		{"d.zip", format.Zip, string(zipOf(t, "a.conll", conllFile))},
	} {
		f, ok := format.ByName(c.name)
		if !ok || f.Kind != c.kind {
			t.Errorf("ByName(%q) = %s, %v; want format %d", c.name, f.Name, ok, c.kind)
			continue
		}
		if c.kind == format.Text {
			res, err := read(t, f, c.name, c.data)
			if err != nil || len(res.Docs) != 1 || res.Docs[0].Text != c.data {
				t.Errorf("%s: %+v, %v", c.name, res.Docs, err)
			}
			continue
		}
		res, err := read(t, f, c.name, c.data)
		placeKai(t, c.name, res, err)
	}
	for _, name := range []string{"a.ann", "b.hf", "report.docx", "README", "a.md", "labels"} {
		if f, ok := format.ByName(name); ok {
			t.Errorf("ByName(%q) = %s, want none", name, f.Name)
		}
	}
	if got := strings.Join(format.Extensions(), " "); got != ".bio .bioes .conll .iob .iob2 .json .jsonl .txt .zip" {
		t.Errorf("Extensions() = %s", got)
	}
}

// TestByEntry checks that each name a file may have in a zip maps to its
// format: a name before a folder, a folder before an extension.
func TestByEntry(t *testing.T) {
	for _, c := range []struct {
		entry string
		kind  format.Kind // 0: none
	}{
		{"train.jsonl", format.SpanJSONL},
		{"x/a.JSONL", format.SpanJSONL},
		{"hf/train.jsonl", format.HuggingFace},
		{"hf/more/rows.jsonl", format.HuggingFace},
		{"hf/labels.json", format.Metadata},
		{"labels.json", format.Metadata},
		{"x/labels.json", format.LabelStudio},
		{"labelstudio.json", format.LabelStudio},
		{"train.conll", format.CoNLL},
		{"train.bioes.conll", format.CoNLL},
		{"a.iob2", format.CoNLL},
		{"brat/train/d.txt", format.Brat},
		{"brat/train/d.ANN", format.Brat},
		{"hf/notes.txt", format.Brat},
		{"README.md", format.Metadata},
		{"labelstudio.xml", format.Metadata},
		{"brat/annotation.conf", format.Metadata},
		{"brat/visual.conf", format.Metadata},
		{"notes.md", 0},
		{"a.png", 0},
		{"a.zip", 0},
	} {
		f, ok := format.ByEntry(c.entry)
		if ok != (c.kind != 0) || f.Kind != c.kind {
			t.Errorf("ByEntry(%q) = %q (%d), %v; want %d", c.entry, f.Name, f.Kind, ok, c.kind)
		}
		if ok && (f.Read == nil) != (f.Kind == format.Metadata) {
			t.Errorf("ByEntry(%q): format %s, reader %v", c.entry, f.Name, f.Read != nil)
		}
	}
}

// TestTableReaders checks that every format but Metadata has a reader
// once the readers are linked, that Get returns it, and that only span
// JSONL streams.
func TestTableReaders(t *testing.T) {
	for _, f := range format.Table() {
		if (f.Read == nil) != (f.Kind == format.Metadata) {
			t.Errorf("format %s: reader %v", f.Name, f.Read != nil)
		}
		if g := format.Get(f.Kind); g.Name != f.Name || (g.Read == nil) != (f.Read == nil) {
			t.Errorf("Get(%d) = %+v", f.Kind, g)
		}
		if f.Streams != (f.Kind == format.SpanJSONL) {
			t.Errorf("format %s streams: %v", f.Name, f.Streams)
		}
	}
	// Read through their table entries: brat pairs, and Hugging Face rows
	// with their label list.
	res, err := read(t, format.Get(format.Brat), "d.txt", "في كاي", "d.ann", bratAnn)
	placeKai(t, "brat", res, err)
	labels := `["O", "B-ACTOR", "I-ACTOR", "B-PLACE", "I-PLACE", "B-DATE", "I-DATE", "B-CASUALTY", "I-CASUALTY"]`
	res, err = read(t, format.Get(format.HuggingFace), "hf/train.jsonl", hfRow, "hf/labels.json", labels)
	placeKai(t, "Hugging Face", res, err)
	res, err = read(t, format.Get(format.HuggingFace), "hf/train.jsonl", hfRow)
	placeKai(t, "Hugging Face without its labels", res, err)

	defer func() {
		if recover() == nil {
			t.Error("a second reader of span JSONL registered")
		}
	}()
	format.Register(format.SpanJSONL, nil)
}

// TestDatasetEntries checks that every file of a dataset export is in the
// table, and that the reader of its format reads it back (the brat files
// together, Hugging Face rows with hf/labels.json).
func TestDatasetEntries(t *testing.T) {
	var buf bytes.Buffer
	docs := testcorpus.Sample(t)
	if _, err := dataset.Write(&buf, docs, dataset.DefaultSettings(), nil); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[zf.Name] = string(b)
	}
	read := map[format.Kind]int{} // documents read back, per format
	var brat []format.File
	for name, data := range files {
		f, ok := format.ByEntry(name)
		switch {
		case !ok:
			t.Errorf("%s: not in the table", name)
		case f.Together:
			brat = append(brat, format.File{Name: name, Data: []byte(data)})
		case f.Read != nil && strings.TrimSpace(data) != "":
			in := []format.File{{Name: name, Data: []byte(data)}}
			if with, ok := files[f.With]; ok {
				in = append(in, format.File{Name: f.With, Data: []byte(with)})
			}
			res, err := f.Read(in, testcorpus.Options())
			if err != nil {
				t.Errorf("%s, read as %s: %v", name, f.Name, err)
			}
			read[f.Kind] += len(res.Docs)
		}
	}
	slices.SortFunc(brat, func(a, b format.File) int { return strings.Compare(a.Name, b.Name) })
	res, err := format.Get(format.Brat).Read(brat, testcorpus.Options())
	if err != nil {
		t.Fatal(err)
	}
	read[format.Brat] = len(res.Docs)
	for _, k := range []format.Kind{format.SpanJSONL, format.Brat, format.LabelStudio} {
		if read[k] != len(docs) {
			t.Errorf("%s: %d documents read back, want %d", format.Get(k).Name, read[k], len(docs))
		}
	}
	for _, k := range []format.Kind{format.CoNLL, format.HuggingFace} {
		if read[k] == 0 {
			t.Errorf("%s: no document read back", format.Get(k).Name)
		}
	}
}

// TestLookup checks that a file raqim cannot read is refused with a
// message naming it and the extensions raqim reads.
func TestLookup(t *testing.T) {
	exts := ".bio, .bioes, .conll, .iob, .iob2, .json, .jsonl, .txt, .zip"
	for _, c := range []struct{ name, want string }{
		{"report.docx", `report.docx: unsupported file type ".docx": raqim imports ` + exts + " files"},
		{"dir/README", "dir/README: the file name has no extension: raqim imports " + exts + " files"},
		{"x.ann", `x.ann: unsupported file type ".ann": raqim imports ` + exts + " files"},
	} {
		_, err := format.Lookup(c.name)
		var e *format.Error
		if !errors.As(err, &e) || e.File != c.name || err.Error() != c.want {
			t.Errorf("Lookup(%q) = %v, want %s", c.name, err, c.want)
		}
	}
	if f, err := format.Lookup("A.JSONL"); err != nil || f.Kind != format.SpanJSONL {
		t.Errorf("Lookup(A.JSONL) = %s, %v", f.Name, err)
	}
}

// TestReadersLocateUTF8 checks that every reader names the file, line and
// column of an invalid byte the same way.
func TestReadersLocateUTF8(t *testing.T) {
	bad := "\xff"
	for _, c := range []struct {
		kind  format.Kind
		files []string
		want  string
	}{
		{format.SpanJSONL, []string{"a.jsonl", spanLine + `{"text": "ك` + bad + `"}` + "\n"}, "a.jsonl:2: invalid UTF-8: byte 0xFF at column 12;"},
		{format.Text, []string{"a.txt", "في\r\nكا" + bad}, "a.txt:2: invalid UTF-8: byte 0xFF at column 3;"},
		{format.CoNLL, []string{"a.conll", conllFile + "\nو" + bad + " O\n"}, "a.conll:4: invalid UTF-8: byte 0xFF at column 2;"},
		{format.LabelStudio, []string{"t.json", "[\n  {\"data\": {\"text\": \"" + bad + "\"}}\n]"}, "t.json:2: invalid UTF-8: byte 0xFF at column 22;"},
		{format.HuggingFace, []string{"hf/a.jsonl", hfRow + `{"tokens": ["` + bad + `"]}`}, "hf/a.jsonl:2: invalid UTF-8: byte 0xFF at column 14;"},
		{format.Brat, []string{"d.txt", "في كاي" + bad, "d.ann", bratAnn}, "d.txt:1: invalid UTF-8: byte 0xFF at column 7;"},
		{format.Brat, []string{"d.txt", "في كاي", "d.ann", bratAnn + "#1\tAnnotatorNotes T1\t" + bad}, "d.ann:2: invalid UTF-8: byte 0xFF at column 22;"},
		{format.Zip, []string{"x.zip", string(zipOf(t, "in/a.conll", "كاي O\n"+bad))}, "x.zip/in/a.conll:2: invalid UTF-8: byte 0xFF at column 1;"},
		{format.SpanJSONL, []string{"u16.jsonl", "\xff\xfe{\x00"}, "u16.jsonl:1: invalid UTF-8: byte 0xFF at column 1 (the file looks like UTF-16);"},
		{format.Text, []string{"u16.txt", "\xff\xfea\x00"}, "u16.txt:1: invalid UTF-8: byte 0xFF at column 1 (the file looks like UTF-16);"},
	} {
		_, err := read(t, format.Get(c.kind), c.files...)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v, want %s", c.files[0], err, c.want)
		}
	}
}

// TestReadersRefuseOneTextTwice checks the completion rule in the readers
// of every format that derives IDs from texts: a text read twice without
// an ID is refused, naming the line of the second.
func TestReadersRefuseOneTextTwice(t *testing.T) {
	task := `{"data": {"text": "في كاي"}}`
	for _, c := range []struct {
		kind  format.Kind
		files []string
		line  string
	}{
		{format.SpanJSONL, []string{"a.jsonl", spanLine + spanLine}, "a.jsonl:2:"},
		{format.CoNLL, []string{"a.conll", conllFile + "\n" + conllFile}, "a.conll:4:"},
		{format.HuggingFace, []string{"hf/a.jsonl", `{"tokens": ["كاي"], "ner_tags": [0]}` + "\n" + `{"tokens": ["كاي"], "ner_tags": [0]}` + "\n"}, "hf/a.jsonl:2:"},
		{format.LabelStudio, []string{"t.json", "[" + task + ",\n" + task + "]"}, "t.json:2:"},
	} {
		_, err := read(t, format.Get(c.kind), c.files...)
		want := c.line + " duplicate document: the text is the same as on line 1"
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: %v, want %s", c.files[0], err, want)
		}
	}
}
