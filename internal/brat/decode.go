package brat

import (
	"bytes"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
)

// File is one file of a brat collection: its slash-separated path and contents.
type File = format.File

func init() { format.Register(format.Brat, read) }

// read is the reader of brat collections in format's table.
func read(files []format.File, opts format.Options) (format.Result, error) {
	docs, notes, err := Decode(files, opts)
	if err != nil {
		return format.Result{}, err
	}
	return format.Result{Docs: docs, Notes: notes}, nil
}

// Decode reads the .txt/.ann pairs among files (matched by path without the
// extension; other files are ignored) into documents identified by the file
// stem, in path order, or refuses them whole with a *format.Error naming
// the file and line: a malformed line, offsets out of range, a text field
// that differs from the .txt at its offsets, fragments with more than
// whitespace between them, overlapping spans, an .ann without its .txt.
// Labels outside opts.Schema (after opts.LabelMap) are reported together as
// a *format.UnknownLabelsError. Relations, events, attributes and notes are
// skipped with a note; a .txt without an .ann is a document without spans.
func Decode(files []File, opts format.Options) ([]corpus.Document, []*format.Error, error) {
	type pair struct{ txt, ann *File }
	pairs := map[string]*pair{}
	var stems []string
	for i := range files {
		f := &files[i]
		ext := strings.ToLower(path.Ext(f.Name))
		if ext != ".txt" && ext != ".ann" {
			continue
		}
		stem := strings.TrimSuffix(f.Name, path.Ext(f.Name))
		p := pairs[stem]
		if p == nil {
			p = &pair{}
			pairs[stem] = p
			stems = append(stems, stem)
		}
		if ext == ".txt" {
			p.txt = f
		} else {
			p.ann = f
		}
	}
	b := format.New("brat", opts)
	if len(stems) == 0 {
		return nil, nil, b.Errorf(0, "no brat .txt and .ann files found")
	}
	sort.Strings(stems)
	var docs []corpus.Document
	missingAnn := 0
	for _, stem := range stems {
		p := pairs[stem]
		if p.txt == nil {
			b.SetFile(p.ann.Name)
			return nil, nil, b.Errorf(0, "%s.txt is missing: brat offsets need the text they count in", path.Base(stem))
		}
		b.SetFile(p.txt.Name)
		txt := p.txt.Data
		bom := bytes.HasPrefix(txt, format.BOM)
		txt = bytes.TrimPrefix(txt, format.BOM)
		if err := b.CheckUTF8(txt); err != nil {
			return nil, nil, err
		}
		text := string(txt)
		if strings.TrimSpace(text) == "" {
			b.Note("empty text", 0, "the text is empty or whitespace: no document made")
			continue
		}
		var spans []corpus.Span
		if p.ann == nil {
			missingAnn++
		} else {
			b.SetFile(p.ann.Name)
			var err error
			if spans, err = decodeAnn(b, p.ann.Data, []rune(text), bom); err != nil {
				return nil, nil, err
			}
		}
		id := path.Base(stem)
		d, err := b.Doc(0, id, id, text, "", spans)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, d)
	}
	if err := b.Finish(); err != nil {
		return nil, nil, err
	}
	if len(docs) == 0 {
		return nil, nil, b.Errorf(0, "no documents: every text is empty")
	}
	var notes []*format.Error
	if missingAnn > 0 {
		notes = append(notes, format.Msg("%d .txt files have no .ann: they were imported without spans", missingAnn))
	}
	return docs, append(notes, b.Notes()...), nil
}

// decodeAnn reads the text-bound annotations of one .ann file against runes,
// the text of its .txt. When the .txt had a BOM, offsets count it (as brat
// does) unless they only fit the text without it.
func decodeAnn(b *format.Builder, data []byte, runes []rune, bom bool) ([]corpus.Span, error) {
	data = bytes.TrimPrefix(data, format.BOM)
	if err := b.CheckUTF8(data); err != nil {
		return nil, err
	}
	type raw struct {
		line  int
		id    string
		label corpus.Label
		frags []fragment
		text  string
	}
	var raws []raw
	for n, line := range format.Lines(data) {
		n++
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch line[0] {
		case 'T':
		case 'R', 'E', 'A', 'M', 'N', '#', '*':
			b.Note("brat annotation other than an entity", n, "%q is not a text-bound annotation: skipped (raqim keeps entities only)", format.Clip(line))
			continue
		default:
			return nil, b.Errorf(n, "want a brat annotation line such as \"T1\\tPLACE 59 68\\tكاي\", got %q", format.Clip(line))
		}
		fields := strings.SplitN(line, "\t", 3)
		if len(fields) != 3 {
			return nil, b.Errorf(n, "a text-bound annotation has three tab-separated fields (id, type and offsets, text), got %q", format.Clip(line))
		}
		typ, offs, ok := strings.Cut(fields[1], " ")
		if !ok || typ == "" {
			return nil, b.Errorf(n, "want the entity type and offsets such as \"PLACE 59 68\", got %q", format.Clip(fields[1]))
		}
		r := raw{line: n, id: fields[0], label: corpus.Label(typ), text: fields[2]}
		for _, part := range strings.Split(offs, ";") {
			a, e, ok := strings.Cut(strings.TrimSpace(part), " ")
			start, err1 := strconv.Atoi(a)
			end, err2 := strconv.Atoi(strings.TrimSpace(e))
			if !ok || err1 != nil || err2 != nil {
				return nil, b.Errorf(n, "offsets %q: want \"start end\" pairs of integers separated by ';'", format.Clip(offs))
			}
			r.frags = append(r.frags, fragment{start, end})
		}
		raws = append(raws, r)
	}
	// With a BOM in the .txt, brat counts it: shift offsets by one unless
	// they match the text only unshifted.
	fits := func(shift int) bool {
		for _, r := range raws {
			for _, f := range r.frags {
				if f.start-shift < 0 || f.end-shift > len(runes) || f.start >= f.end {
					return false
				}
			}
			if annText(runes, shifted(r.frags, shift)) != r.text {
				return false
			}
		}
		return true
	}
	shift := 0
	if bom && len(raws) > 0 {
		switch {
		case fits(1):
			shift = 1
			b.Note("bom", 0, "the .txt starts with a byte-order mark, which brat counts: offsets were read one code point lower")
		case fits(0):
		default:
			shift = 1
		}
	}
	var spans []corpus.Span
	for _, r := range raws {
		frags := shifted(r.frags, shift)
		for _, f := range frags {
			switch {
			case f.start < 0 || f.end > len(runes):
				return nil, b.Errorf(r.line, "%s offsets %d %d are out of range: the text has %d code points", r.id, f.start+shift, f.end+shift, len(runes))
			case f.start >= f.end:
				return nil, b.Errorf(r.line, "%s offsets %d %d: start must be less than end", r.id, f.start+shift, f.end+shift)
			}
		}
		for i := 1; i < len(frags); i++ {
			p, f := frags[i-1], frags[i]
			if f.start < p.end {
				return nil, b.Errorf(r.line, "%s fragments are not in order", r.id)
			}
			if gap := runes[p.end:f.start]; strings.TrimSpace(string(gap)) != "" {
				return nil, b.Errorf(r.line, "%s is discontinuous (%q between fragments); raqim spans are continuous", r.id, format.Clip(string(gap)))
			}
		}
		if got := annText(runes, frags); got != r.text {
			return nil, b.Errorf(r.line, "%s text %q differs from the .txt at its offsets, %q", r.id, format.Clip(r.text), format.Clip(got))
		}
		l, err := b.Label(r.label, r.line)
		if err != nil {
			return nil, err
		}
		s := b.Span(frags[0].start, frags[len(frags)-1].end, l)
		spans = append(spans, s)
	}
	// overlaps are named by their lines here, before Doc's generic check
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, c := spans[order[i]], spans[order[j]]
		return a.Start < c.Start || (a.Start == c.Start && a.End < c.End)
	})
	for k := 1; k < len(order); k++ {
		p, s := spans[order[k-1]], spans[order[k]]
		if p.Overlaps(s) {
			rp, rs := raws[order[k-1]], raws[order[k]]
			if rp.line > rs.line {
				rp, rs, p, s = rs, rp, s, p
			}
			return nil, b.Errorf(rs.line, "%s [%d,%d) %s overlaps %s [%d,%d) %s on line %d: raqim spans must not overlap",
				rs.id, s.Start, s.End, s.Label, rp.id, p.Start, p.End, p.Label, rp.line)
		}
	}
	return spans, nil
}

func shifted(frags []fragment, shift int) []fragment {
	if shift == 0 {
		return frags
	}
	out := make([]fragment, len(frags))
	for i, f := range frags {
		out[i] = fragment{f.start - shift, f.end - shift}
	}
	return out
}
