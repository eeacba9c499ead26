//go:build wasm

// Command worker is raqim's background worker. web/worker.js runs it in a
// Web Worker, where it reads files and imports them into the browser's
// store, and builds exports of the whole corpus, off the page's thread (see
// packages job and worker). It does one request and replies; the page then
// ends it.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/dataset"
	"github.com/raqim/raqim/internal/importer"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/worker"
)

func main() {
	debug.SetGCPercent(25) // the worker's heap counts in the page's process
	self := app.Window()
	self.Set("onmessage", app.FuncOf(func(this app.Value, args []app.Value) any {
		m := args[0].Get("data")
		go handle(m.Get("request").String(), m.Get("files"))
		return nil
	}))
	post(map[string]any{"type": "ready"})
	select {}
}

func handle(body string, files app.Value) {
	defer func() {
		if r := recover(); r != nil {
			post(map[string]any{"type": "fatal", "error": fmt.Sprint(r)})
		}
	}()
	var req job.Request
	if err := json.Unmarshal([]byte(body), &req); err != nil {
		reply(job.Reply{Error: "the request is damaged: " + err.Error()}, nil)
		return
	}
	progress := func(p job.Progress) {
		b, _ := json.Marshal(p)
		post(map[string]any{"type": "progress", "progress": string(b)})
	}
	var inputs []importer.Input
	var pos []int // pos[i] is the place of inputs[i] among the files handed over
	var failed []job.Message
	// An import's files, or the corpus of a page without storage.
	for i := range files.Length() {
		f := files.Index(i)
		in, err := input(f.Get("name").String(), f)
		if err != nil {
			failed = append(failed, job.Message{Kind: "error", Text: err.Error() + " Nothing of it was imported."})
			continue
		}
		inputs = append(inputs, in)
		pos = append(pos, i)
	}
	var st store.Store // the browser's, unless the page has none
	if !req.Memory {
		db, err := browser.OpenIDB()
		if err != nil {
			reply(job.Reply{Error: err.Error()}, nil)
			return
		}
		db.SpanBatch = 1 << 20 // no page to draw here: every span at once
		st = db
	}
	out := &blobWriter{}
	r := worker.Do(st, req, inputs, out, progress)
	r.Messages = append(failed, r.Messages...)
	for _, h := range r.Held {
		for i, n := range h.Files {
			if n < len(pos) {
				h.Files[i] = pos[n]
			}
		}
	}
	var file app.Value
	if r.File != "" && r.Error == "" {
		file = out.blob(r.Type)
	}
	reply(r, file)
}

// blobWriter collects what is written in Blobs of 256 KiB, so that a
// large export is never whole in the Go heap, nor in the worker's: the
// browser keeps a Blob's bytes outside the page's process.
type blobWriter struct {
	buf   []byte
	parts []any
}

// part is the size of a blobWriter's pieces.
const part = 256 << 10

func (w *blobWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if w.buf == nil {
			w.buf = make([]byte, 0, part)
		}
		k := copy(w.buf[len(w.buf):cap(w.buf)], p)
		w.buf, p = w.buf[:len(w.buf)+k], p[k:]
		if len(w.buf) == cap(w.buf) {
			w.flush()
		}
	}
	return n, nil
}

func (w *blobWriter) flush() {
	if len(w.buf) == 0 {
		return
	}
	u8 := app.Window().Get("Uint8Array").New(len(w.buf))
	app.CopyBytesToJS(u8, w.buf)
	w.parts = append(w.parts, app.Window().Get("Blob").New([]any{u8}))
	w.buf = w.buf[:0]
}

// Spill makes the place where an export keeps a file it writes aside (see
// dataset.Spill): Blobs too.
func (w *blobWriter) Spill() dataset.Spill { return &blobSpill{} }

type blobSpill struct{ blobWriter }

func (s *blobSpill) Reader() (io.Reader, error) {
	b := s.blob("")
	s.parts, s.buf = nil, nil
	return browser.BlobReader(b), nil
}

// blob returns what was written as a Blob of the given media type.
func (w *blobWriter) blob(mime string) app.Value {
	w.flush()
	return app.Window().Get("Blob").New(w.parts, map[string]any{"type": mime})
}

// streamed is the size from which a span JSONL file is imported a run at a
// time, never whole in memory.
const streamed = 4 << 20

// input prepares the import of a file held by the browser: a large span
// JSONL file is read a slice at a time, as the import goes; others whole.
func input(name string, blob app.Value) (importer.Input, error) {
	size := blob.Get("size").Int()
	if size > browser.MaxFileSize {
		return importer.Input{}, fmt.Errorf("%s: the file is %d MB; raqim reads files up to %d MB (split it)", name, size>>20, browser.MaxFileSize>>20)
	}
	if strings.HasSuffix(strings.ToLower(name), ".jsonl") && size > streamed {
		return importer.Input{Name: name, Open: func() (io.Reader, error) { return browser.BlobReader(blob), nil }}, nil
	}
	data, err := browser.ReadBlob(blob)
	if err != nil {
		return importer.Input{}, fmt.Errorf("%s: could not be read: %v", name, err)
	}
	return importer.Input{Name: name, Data: data}, nil
}

// reply posts the reply, with its file (a Blob) when there is one.
func reply(r job.Reply, file app.Value) {
	b, _ := json.Marshal(r)
	m := map[string]any{"type": "done", "reply": string(b)}
	if file != nil {
		m["file"] = file
	}
	post(m)
}

func post(m map[string]any) { app.Window().Call("postMessage", m) }
