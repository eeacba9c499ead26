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
	"syscall/js"

	"github.com/raqim/raqim/app/webapi"
	"github.com/raqim/raqim/internal/dataset"
	"github.com/raqim/raqim/internal/format"
	"github.com/raqim/raqim/internal/importer"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/worker"
)

func main() {
	debug.SetGCPercent(25) // the worker's heap counts in the page's process
	webapi.BatchUUIDRandomness()
	self := js.Global()
	self.Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
		m := args[0].Get("data")
		go handle(m.Get("request").String(), m.Get("files"))
		return nil
	}))
	post(map[string]any{"type": "ready", "lock": self.Get("raqimLock")})
	select {}
}

// suggester answers Suggest requests; the page sends the next only once
// it has the reply to the last. Its engine uses the tagger and the
// propagated labels stored in the browser's store.
var suggester = worker.Suggester{Store: func() (store.Store, error) { return webapi.OpenIDB() }}

func handle(body string, files js.Value) {
	defer func() {
		if r := recover(); r != nil {
			post(map[string]any{"type": "fatal", "error": fmt.Sprint(r)})
		}
	}()
	var req job.Request
	if err := json.Unmarshal([]byte(body), &req); err != nil {
		reply(job.Reply{Error: "the request is damaged: " + err.Error()}, js.Undefined())
		return
	}
	if req.Op == job.Suggest {
		reply(suggester.Do(req), js.Undefined())
		return
	}
	if req.Op == job.Share {
		computeShare(files)
		return
	}
	if req.Op == job.Agree || req.Op == job.Score {
		// Measuring holds every layer read until it ends: a heap kept
		// tighter than Go's default only collects more often (this worker
		// ends with the request).
		debug.SetGCPercent(100)
		var h *helper
		if js.Global().Get("Worker").Truthy() { // Safari before 15.5 has none in workers
			worker.StartShare = func() func([]byte) (func() ([]byte, error), bool) {
				h = startHelper()
				return h.share
			}
		}
		defer func() { h.stop() }()
	}
	loc := locale.New(req.Locale)
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
			failed = append(failed, job.Message{Kind: "error", Text: loc.T("%s Nothing of it was imported.", err)})
			continue
		}
		inputs = append(inputs, in)
		pos = append(pos, i)
	}
	var st store.Store // the browser's, unless the page has none
	if !req.Memory {
		db, err := webapi.OpenIDB()
		if err != nil {
			reply(job.Reply{Error: loc.Error(err)}, js.Undefined())
			return
		}
		st = db
	}
	out := &output{}
	r := worker.Do(st, req, inputs, out, progress)
	r.Messages = append(failed, r.Messages...)
	for _, h := range r.Held {
		for i, n := range h.Files {
			if n < len(pos) {
				h.Files[i] = pos[n]
			}
		}
	}
	var file js.Value
	if r.File != "" && r.Error == "" {
		file = out.Blob(r.Type)
	}
	reply(r, file)
}

// output is where an export is written: Blobs, and Blobs for the files a
// dataset export writes aside (see worker.Spiller).
type output struct{ webapi.BlobWriter }

func (o *output) Spill() dataset.Spill { return &blobSpill{} }

type blobSpill struct{ webapi.BlobWriter }

func (s *blobSpill) Reader() (io.Reader, error) { return webapi.BlobReader(s.Blob("")), nil }

// input prepares the import of a file held by the browser: a file larger
// than format.Streamed of a format that streams is read a slice at a time,
// as the import goes; others whole.
func input(name string, blob js.Value) (importer.Input, error) {
	size := blob.Get("size").Int()
	if err := importer.Precheck(name, int64(size)); err != nil {
		return importer.Input{}, err
	}
	if f, ok := format.ByName(name); ok && f.Streams && size > format.Streamed {
		return importer.Input{Name: name, Open: func(off int64) (io.Reader, error) {
			return webapi.BlobReader(blob.Call("slice", off)), nil
		}}, nil
	}
	data, err := webapi.ReadBlob(blob)
	if err != nil {
		return importer.Input{}, fmt.Errorf("%s: could not be read: %v", name, err)
	}
	return importer.Input{Name: name, Data: data}, nil
}

// reply posts the reply, its long lists apart (see job.Part), with its
// file (a Blob) when there is one.
func reply(r job.Reply, file js.Value) {
	head, parts := r.Split()
	b, _ := json.Marshal(head)
	m := map[string]any{"type": "done", "reply": string(b)}
	if len(parts) > 0 {
		list := make([]any, len(parts))
		for i, p := range parts {
			list[i] = map[string]any{"of": p.Of, "json": p.JSON}
		}
		m["parts"] = list
	}
	if !file.IsUndefined() {
		m["file"] = file
	}
	post(m)
}

func post(m map[string]any) { js.Global().Call("postMessage", m) }
