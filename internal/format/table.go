package format

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// Kind names a file format.
type Kind int

// The formats raqim reads.
const (
	SpanJSONL   Kind = iota + 1 // raqim's JSON Lines, Prodigy's, doccano's
	Text                        // a .txt file: one document
	CoNLL                       // CoNLL token files, IOB2, BIOES and the like
	HuggingFace                 // Hugging Face token rows
	Brat                        // brat .txt and .ann pairs
	LabelStudio                 // Label Studio tasks
	Zip                         // a zip of files of the other formats
	Metadata                    // the files of a dataset zip that hold no documents
)

// Reader reads the files of one format into documents, or refuses them
// whole with an *Error naming the file and, where there is one, the line.
type Reader func(files []File, opts Options) (Result, error)

// Format is one type of file raqim reads.
type Format struct {
	Kind Kind
	Name string // for messages: "span JSONL"
	// Exts are the file name extensions, lower case with the dot, of a
	// file of this format given alone.
	Exts []string
	// Entries are the names of the files of a zip read in this format: an
	// extension ("*.jsonl"), a folder with an extension ("hf/*.jsonl": the
	// files with that extension anywhere under the folder), or a name
	// ("labels.json"). A name comes before a folder, a folder before an
	// extension.
	Entries []string
	// With is the file of a zip read along with each of this format's,
	// when the zip has it.
	With string
	// Together marks a format whose files in a zip are read all at once.
	Together bool
	// Streams marks a format read a run of documents at a time when its
	// file is larger than Streamed.
	Streams bool
	// Read reads files of this format: nil for Metadata, and for a format
	// whose package the program does not link (see Register).
	Read Reader
}

// table is every format, and where each is found.
var table = []Format{
	{Kind: SpanJSONL, Name: "span JSONL", Exts: []string{".jsonl"}, Entries: []string{"*.jsonl"}, Streams: true},
	{Kind: Text, Name: "text", Exts: []string{".txt"}},
	{Kind: CoNLL, Name: "CoNLL", Exts: []string{".conll", ".bio", ".bioes", ".iob", ".iob2"},
		Entries: []string{"*.conll", "*.bio", "*.bioes", "*.iob", "*.iob2"}},
	{Kind: HuggingFace, Name: "Hugging Face", Entries: []string{"hf/*.jsonl"}, With: "hf/labels.json"},
	{Kind: Brat, Name: "brat", Entries: []string{"*.txt", "*.ann"}, Together: true},
	{Kind: LabelStudio, Name: "Label Studio", Exts: []string{".json"}, Entries: []string{"*.json"}},
	{Kind: Zip, Name: "zip", Exts: []string{".zip"}},
	{Kind: Metadata, Name: "dataset metadata", Entries: []string{"labels.json", "hf/labels.json", "README.md",
		"labelstudio.xml", "brat/annotation.conf", "brat/visual.conf"}},
}

// readers holds the reader of each format, as its package registers it.
var readers = map[Kind]Reader{}

// Register makes read the reader of the format kind. Each format's package
// registers its reader in its init function; a second reader of one
// format panics.
func Register(kind Kind, read Reader) {
	if _, dup := readers[kind]; dup {
		panic(fmt.Sprintf("format: a second reader of format %d", kind))
	}
	readers[kind] = read
}

// Table returns every format, with its reader.
func Table() []Format {
	out := make([]Format, len(table))
	for i := range table {
		out[i] = Get(table[i].Kind)
	}
	return out
}

// Get returns the format kind, with its reader.
func Get(kind Kind) Format {
	for _, f := range table {
		if f.Kind == kind {
			f.Read = readers[kind]
			return f
		}
	}
	return Format{Kind: kind}
}

// Ext returns the extension of a slash- or backslash-separated file name,
// lower case, with its dot, or "".
func Ext(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(path.Ext(name))
}

// ByName returns the format of a file given alone, by its extension.
func ByName(name string) (Format, bool) {
	ext := Ext(name)
	for _, f := range table {
		if slices.Contains(f.Exts, ext) {
			return Get(f.Kind), true
		}
	}
	return Format{}, false
}

// ByEntry returns the format of a file of a zip, by its name in the zip
// (slash-separated, below the zip's common folder).
func ByEntry(name string) (Format, bool) {
	ext := Ext(name)
	best, rank := Format{}, 0
	for _, f := range table {
		for _, e := range f.Entries {
			r := 0
			switch dir, pattern, ok := strings.Cut(e, "/*"); {
			case !strings.Contains(e, "*"):
				if name == e {
					r = 3
				}
			case ok:
				if strings.HasPrefix(name, dir+"/") && ext == Ext(pattern) {
					r = 2
				}
			default:
				if ext == Ext(e) {
					r = 1
				}
			}
			if r > rank {
				best, rank = f, r
			}
		}
	}
	if rank == 0 {
		return Format{}, false
	}
	return Get(best.Kind), true
}

// Lookup returns the format of a file given alone, or an *Error naming
// the file when raqim reads no file of its extension.
func Lookup(name string) (Format, error) {
	f, ok := ByName(name)
	switch {
	case !ok && Ext(name) == "":
		return Format{}, Errorf(name, 0, "the file name has no extension: raqim imports %s files", strings.Join(Extensions(), ", "))
	case !ok:
		return Format{}, Errorf(name, 0, "unsupported file type %q: raqim imports %s files", Ext(name), strings.Join(Extensions(), ", "))
	case f.Read == nil:
		return Format{}, Errorf(name, 0, "this program has no reader of %s files", f.Name)
	}
	return f, nil
}

// Extensions returns the extensions of the files raqim reads alone, sorted.
func Extensions() []string {
	var exts []string
	for _, f := range table {
		exts = append(exts, f.Exts...)
	}
	slices.Sort(exts)
	return exts
}
