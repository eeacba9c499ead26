package importer

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/raqim/raqim/internal/corpus"
	"github.com/raqim/raqim/internal/jsonl"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// importTXT makes one document of a UTF-8 text file, kept exactly (CRLF
// included) but for a leading BOM, titled by the file name without its
// extension and identified by jsonl.ContentID of the text.
func importTXT(name string, data []byte, opts Options) (Result, error) {
	var res Result
	if bytes.HasPrefix(data, bom) {
		data = data[len(bom):]
		res.Notes = append(res.Notes, "a byte-order mark at the start of the file was removed")
	}
	if !utf8.Valid(data) {
		return Result{}, invalidUTF8(name, data)
	}
	text := string(data)
	if err := corpus.CheckLength(utf8.RuneCountInString(text)); err != nil {
		return Result{}, &corpus.FileError{File: name, Err: err}
	}
	if strings.TrimSpace(text) == "" {
		return Result{}, &corpus.FileError{File: name, Err: errors.New("the file has no text: it is empty or only whitespace")}
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	t := now()
	base := baseName(name)
	res.Docs = []corpus.Document{{
		ID:       jsonl.ContentID(text),
		Title:    strings.TrimSuffix(base, path.Ext(base)),
		Text:     text,
		Status:   corpus.StatusNew,
		Spans:    []corpus.Span{},
		Created:  t,
		Modified: t,
	}}
	return res, nil
}

// invalidUTF8 locates the first byte of data that is not UTF-8.
func invalidUTF8(name string, data []byte) error {
	off := 0
	for off < len(data) {
		r, w := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && w <= 1 {
			break
		}
		off += w
	}
	line := bytes.Count(data[:off], []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(data[:off], '\n') + 1
	col := utf8.RuneCount(data[lineStart:off]) + 1
	msg := fmt.Sprintf("invalid UTF-8: byte 0x%02X at column %d", data[off], col)
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		msg += " (the file looks like UTF-16)"
	}
	return &corpus.FileError{File: name, Line: line, Err: errors.New(msg + "; save the file as UTF-8")}
}
