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
	"runtime/debug"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/app/browser"
	"github.com/raqim/raqim/internal/importer"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/store"
	"github.com/raqim/raqim/internal/worker"
)

func main() {
	debug.SetGCPercent(200)
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
		reply(job.Reply{Error: "the request is damaged: " + err.Error()}, nil, "")
		return
	}
	progress := func(text string) {
		b, _ := json.Marshal(job.Progress{Text: text})
		post(map[string]any{"type": "progress", "progress": string(b)})
	}
	var inputs []importer.Input
	var pos []int // pos[i] is the place of inputs[i] among the files handed over
	var failed []job.Message
	switch {
	case req.Op == job.ImportURL:
		progress("Importing… fetching " + worker.FileName(req.URL))
		data, err := browser.Fetch(req.URL)
		if err != nil {
			reply(job.Reply{Error: err.Error()}, nil, "")
			return
		}
		inputs = append(inputs, importer.Input{Name: worker.FileName(req.URL), Data: data})
	case files.Truthy() && files.Length() > 0: // an import's files, or the corpus of a page without storage
		progress("Reading the files…")
		for i, f := range browser.ReadFiles(files) {
			if f.Err != nil {
				failed = append(failed, job.Message{Kind: "error", Text: f.Err.Error() + " Nothing of it was imported."})
				continue
			}
			inputs = append(inputs, importer.Input{Name: f.Name, Data: f.Data})
			pos = append(pos, i)
		}
	}
	var st store.Store // the browser's, unless the page has none
	if !req.Memory {
		db, err := browser.OpenIDB()
		if err != nil {
			reply(job.Reply{Error: err.Error()}, nil, "")
			return
		}
		st = db
	}
	r, file := worker.Do(st, req, inputs, progress)
	r.Messages = append(failed, r.Messages...)
	for _, h := range r.Held {
		for i, n := range h.Files {
			if n < len(pos) {
				h.Files[i] = pos[n]
			}
		}
	}
	reply(r, file, r.Type)
}

// reply posts the reply, with file as a Blob of type mime when there is one.
func reply(r job.Reply, file []byte, mime string) {
	b, _ := json.Marshal(r)
	m := map[string]any{"type": "done", "reply": string(b)}
	if file != nil {
		w := app.Window()
		u8 := w.Get("Uint8Array").New(len(file))
		app.CopyBytesToJS(u8, file)
		m["file"] = w.Get("Blob").New([]any{u8}, map[string]any{"type": mime})
	}
	post(m)
}

func post(m map[string]any) { app.Window().Call("postMessage", m) }
