package dataset

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
)

// entry is a file of the zip, its name relative to the zip's common folder.
type entry struct {
	name string
	f    *zip.File
}

// Read imports a zip into documents: a raqim dataset zip through its span
// JSONL ({train,dev,test}.jsonl, which carry the texts exactly); otherwise a
// zip of brat .txt/.ann pairs; otherwise every file of it that format's
// table reads (format.ByEntry: .jsonl span or doccano lines, hf/*.jsonl
// rows with hf/labels.json, .conll/.bio/.iob CoNLL, .json Label Studio
// tasks, .txt texts read as brat texts without annotations). Errors are
// *format.Error values naming the zip and the file inside it; unknown
// labels of all files come as one *format.UnknownLabelsError. Each file is
// held to format.MaxFileSize, all of them to format.MaxUnzipped, and the zip
// to format.MaxEntries files.
func Read(name string, data []byte, opts format.Options) ([]corpus.Document, []*format.Error, error) {
	return read(name, data, opts, format.MaxFileSize, format.MaxUnzipped)
}

// read is Read with the limits of a file in the zip and of the whole zip.
func read(name string, data []byte, opts format.Options, fileLimit, budget int64) ([]corpus.Document, []*format.Error, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, format.Errorf(name, 0, "not a readable zip: %v", err)
	}
	if len(zr.File) > format.MaxEntries {
		return nil, nil, format.Errorf(name, 0, "the zip holds %d files, more than the %d raqim imports from one zip", len(zr.File), format.MaxEntries)
	}
	entries := listEntries(zr)
	if len(entries) == 0 {
		return nil, nil, format.Errorf(name, 0, "the zip holds no files")
	}
	r := &reader{zip: name, opts: opts, fileLimit: fileLimit, budget: budget, ids: map[string]string{}}
	byName := map[string]*entry{}
	for i := range entries {
		byName[entries[i].name] = &entries[i]
	}
	var splits []*entry
	for _, n := range []string{"train.jsonl", "dev.jsonl", "test.jsonl"} {
		if e := byName[n]; e != nil {
			splits = append(splits, e)
		}
	}
	// A zip with brat annotations is a brat collection, whatever else it
	// holds; any other is read a file at a time by format's table, the
	// formats read together last.
	hasAnn := false
	for _, e := range entries {
		hasAnn = hasAnn || format.Ext(e.name) == ".ann"
	}
	switch {
	case len(splits) > 0 && (byName["labels.json"] != nil || byName["README.md"] != nil):
		span := format.Get(format.SpanJSONL)
		for _, e := range splits {
			r.readEntry(e, span, nil)
		}
		r.notes = append(r.notes, format.Errorf(name, 0, "the dataset's documents were read from its span JSONL (%s); its other formats hold the same spans", joinNames(splits)))
	case hasAnn:
		all := make([]*entry, len(entries))
		for i := range entries {
			all[i] = &entries[i]
		}
		r.readTogether(format.Get(format.Brat), all...)
	default:
		together := map[format.Kind][]*entry{}
		for i := range entries {
			e := &entries[i]
			f, ok := format.ByEntry(e.name)
			switch {
			case !ok || f.Read == nil:
			case f.Together:
				together[f.Kind] = append(together[f.Kind], e)
			default:
				r.readEntry(e, f, byName[f.With])
			}
		}
		for _, f := range format.Table() {
			if es := together[f.Kind]; len(es) > 0 {
				r.readTogether(f, es...)
			}
		}
	}
	if err := r.err(); err != nil {
		return nil, nil, err
	}
	if len(r.docs) == 0 {
		return nil, nil, format.Errorf(name, 0, "no file in the zip could be imported (raqim reads .jsonl, .conll, .json Label Studio tasks, brat .txt/.ann and .txt files)")
	}
	return r.docs, r.notes, nil
}

func joinNames(es []*entry) string {
	var names []string
	for _, e := range es {
		names = append(names, e.name)
	}
	return strings.Join(names, ", ")
}

// listEntries returns the zip's files, sorted, without folders, hidden
// files and macOS resource forks, with a folder common to all removed.
func listEntries(zr *zip.Reader) []entry {
	var out []entry
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, `\`, "/")
		base := path.Base(n)
		if f.FileInfo().IsDir() || strings.HasSuffix(n, "/") || strings.HasPrefix(n, "__MACOSX/") || strings.HasPrefix(base, ".") {
			continue
		}
		out = append(out, entry{name: strings.TrimPrefix(n, "/"), f: f})
	}
	for {
		if len(out) == 0 {
			return out
		}
		dir, _, ok := strings.Cut(out[0].name, "/")
		if !ok {
			break
		}
		common := true
		for _, e := range out {
			if !strings.HasPrefix(e.name, dir+"/") {
				common = false
				break
			}
		}
		if !common {
			break
		}
		for i := range out {
			out[i].name = strings.TrimPrefix(out[i].name, dir+"/")
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func init() { format.Register(format.Zip, readZip) }

// readZip is the reader of zips in format's table.
func readZip(files []format.File, opts format.Options) (format.Result, error) {
	docs, notes, err := Read(files[0].Name, files[0].Data, opts)
	if err != nil {
		return format.Result{}, err
	}
	return format.Result{Docs: docs, Notes: notes}, nil
}

// reader gathers the documents, notes and errors of the files of one zip.
type reader struct {
	zip       string
	opts      format.Options
	fileLimit int64 // the most a file of the zip may unpack to
	budget    int64 // what the zip's files may still unpack to
	docs      []corpus.Document
	notes     []*format.Error
	ids       map[string]string // document ID → file
	errs      []error
	unknown   []*format.UnknownLabelsError // of the files with unknown labels
}

// fileName names a file inside the zip in errors and notes.
func (r *reader) fileName(e *entry) string { return r.zip + "/" + e.f.Name }

// open reads a file of the zip: each is held to the limit of a file
// (format.MaxFileSize), all of them together to format.MaxUnzipped, by the size
// the zip declares (so that a bomb is refused without being expanded) and
// by the bytes that come out.
func (r *reader) open(e *entry) ([]byte, error) {
	limit := min(r.fileLimit, r.budget)
	file := r.fileName(e)
	tooBig := func(declared uint64) error {
		switch {
		case declared > uint64(r.fileLimit):
			return format.Errorf(file, 0, "the file unpacks to %s, more than the import limit of %s for a file", mib(declared), mib(uint64(r.fileLimit)))
		case declared > 0:
			return format.Errorf(file, 0, "the zip's files unpack to more than the import limit of %s", mib(uint64(format.MaxUnzipped)))
		}
		return format.Errorf(file, 0, "the file unpacks to more than the import limit of %s for a file", mib(uint64(limit)))
	}
	if int64(e.f.UncompressedSize64) > limit {
		return nil, tooBig(e.f.UncompressedSize64)
	}
	rc, err := e.f.Open()
	if err != nil {
		return nil, format.At(file, 0, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if errors.Is(err, zip.ErrFormat) || errors.Is(err, zip.ErrChecksum) {
		// archive/zip stops a file at the size its header declares.
		return nil, format.Errorf(file, 0, "the file is damaged, or unpacks to more than its zip declares")
	}
	if err != nil {
		return nil, format.At(file, 0, err)
	}
	if int64(len(data)) > limit {
		return nil, tooBig(0)
	}
	r.budget -= int64(len(data))
	return data, nil
}

// mib renders a size in MiB for messages.
func mib(n uint64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// fail records err, keeping unknown-label errors apart to merge them.
func (r *reader) fail(err error) {
	var u *format.UnknownLabelsError
	if errors.As(err, &u) {
		r.unknown = append(r.unknown, u)
		return
	}
	r.errs = append(r.errs, err)
}

// add appends documents read from file, refusing an ID read before.
func (r *reader) add(file string, docs []corpus.Document, notes []*format.Error) {
	for _, d := range docs {
		if prev, dup := r.ids[d.ID]; dup {
			r.errs = append(r.errs, format.Errorf(file, 0, "document id %q is also used in %s", d.ID, prev))
			return
		}
		r.ids[d.ID] = file
	}
	r.docs = append(r.docs, docs...)
	r.notes = append(r.notes, notes...)
}

// readEntry reads a file of the zip in format f, with the file f reads
// along with it (f.With) when the zip has one.
func (r *reader) readEntry(e *entry, f format.Format, with *entry) {
	if len(r.errs) > 0 {
		return
	}
	var files []format.File
	if with != nil {
		data, err := r.open(with)
		if err != nil {
			r.fail(err)
			return
		}
		files = append(files, format.File{Name: r.fileName(with), Data: data})
	}
	data, err := r.open(e)
	if err != nil {
		r.fail(err)
		return
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return // an empty split
	}
	file := r.fileName(e)
	files = append([]format.File{{Name: file, Data: data}}, files...)
	res, err := f.Read(files, r.opts)
	if err != nil {
		r.fail(err)
		return
	}
	r.add(file, res.Docs, res.Notes)
}

// readTogether reads the files of the zip among entries that are in
// format f (format.ByEntry) at once, as one collection.
func (r *reader) readTogether(f format.Format, entries ...*entry) {
	if len(r.errs) > 0 {
		return
	}
	var files []format.File
	for _, e := range entries {
		if g, ok := format.ByEntry(e.name); !ok || g.Kind != f.Kind {
			continue
		}
		data, err := r.open(e)
		if err != nil {
			r.fail(err)
			return
		}
		files = append(files, format.File{Name: r.fileName(e), Data: data})
	}
	res, err := f.Read(files, r.opts)
	if err != nil {
		r.fail(err)
		return
	}
	r.add(r.zip, res.Docs, res.Notes)
}

// err returns the first error, or all unknown labels merged into one
// *format.UnknownLabelsError placed in the first file with one.
func (r *reader) err() error {
	if len(r.errs) > 0 {
		return r.errs[0]
	}
	if len(r.unknown) == 0 {
		return nil
	}
	first := r.unknown[0]
	merged := &format.UnknownLabelsError{File: first.File}
	for _, u := range r.unknown {
		for _, l := range u.Names() {
			merged.AddN(l, u.Labels[l], u.FirstLine[l])
		}
	}
	return format.Errorf(first.File, first.Line(), format.Cause, merged)
}
