package importer

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/format"
)

func init() { format.Register(format.Text, readTXT) }

// readTXT is the reader of .txt files in format's table: it makes one
// document of a UTF-8 text file, kept exactly (CRLF included) but for a
// leading BOM, titled by the file name without its extension and completed
// by format.Builder (its ID is the text's format.ContentID).
func readTXT(files []format.File, opts Options) (Result, error) {
	name, data := files[0].Name, files[0].Data
	var res Result
	if bytes.HasPrefix(data, format.BOM) {
		data = data[len(format.BOM):]
		res.Notes = append(res.Notes, format.Msg("a byte-order mark at the start of the file was removed"))
	}
	if err := format.CheckUTF8(name, 1, data); err != nil {
		return Result{}, err
	}
	text := string(data)
	if err := corpus.CheckLength(utf8.RuneCountInString(text)); err != nil {
		return Result{}, format.At(name, 0, err)
	}
	if strings.TrimSpace(text) == "" {
		return Result{}, format.Errorf(name, 0, "the file has no text: it is empty or only whitespace")
	}
	base := baseName(name)
	d, err := format.New(name, opts).Doc(0, "", strings.TrimSuffix(base, path.Ext(base)), text, "", nil)
	if err != nil {
		return Result{}, err
	}
	res.Docs = []corpus.Document{d}
	return res, nil
}
