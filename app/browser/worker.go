package browser

import (
	"encoding/json"
	"github.com/raqim/raqim/internal/locale"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/job"
)

// Run does req in a background worker started from script (web/worker.js,
// which runs worker.wasm) and ended once it replied, so that the memory it
// used goes back at once. files are handed over with the request. progress
// is called on the worker's progress messages; head, when not nil, on the
// reply without its long lists (job.Reply.Split) before they are decoded.
// Run blocks; it returns the reply and, for an export, the file as a Blob.
func Run(script string, req job.Request, files []app.Value, progress func(job.Progress), head func(job.Reply)) (job.Reply, app.Value, error) {
	w := app.Window()
	if !w.Get("Worker").Truthy() {
		return job.Reply{}, nil, locale.Errorf("this browser has no Web Workers")
	}
	body, err := json.Marshal(req)
	if err != nil {
		return job.Reply{}, nil, err
	}
	type result struct {
		msg   app.Value // the worker's "done" or "fatal" message, to decode
		reply job.Reply
		file  app.Value
		err   error
	}
	done := make(chan result, 1)
	worker := w.Get("Worker").New(script)
	finish := func(r result) {
		select {
		case done <- r:
		default:
		}
	}
	onMessage := app.FuncOf(func(this app.Value, args []app.Value) any {
		m := args[0].Get("data")
		switch m.Get("type").String() {
		case "ready":
			watch(m.Get("lock"), func() {
				finish(result{err: locale.Errorf("the background worker stopped before it replied (it may have run out of memory)")})
			})
			list := make([]any, len(files))
			for i, f := range files {
				list[i] = f
			}
			worker.Call("postMessage", map[string]any{"request": string(body), "files": list})
		case "progress":
			var p job.Progress
			if json.Unmarshal([]byte(m.Get("progress").String()), &p) == nil && progress != nil {
				progress(p)
			}
		case "done", "fatal":
			finish(result{msg: m, file: m.Get("file")}) // decoded after this task (see job.Part)
		}
		return nil
	})
	onError := app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := args[0].Get("message")
		what := "it could not be started (is web/worker.js missing?)"
		if msg.Truthy() {
			what = msg.String()
		}
		args[0].Call("preventDefault")
		finish(result{err: locale.Errorf("the background worker failed (%s)", what)})
		return nil
	})
	worker.Set("onmessage", onMessage)
	worker.Set("onerror", onError)
	r := <-done
	worker.Call("terminate")
	onMessage.Release()
	onError.Release()
	if r.msg != nil {
		r.reply, r.err = replyOf(r.msg)
		parts := r.msg.Get("parts")
		if r.err == nil && head != nil && parts.Truthy() && parts.Length() > 0 {
			head(r.reply) // its figures are shown while the lists are decoded
		}
		for i := 0; r.err == nil && parts.Truthy() && i < parts.Length(); i++ {
			Yield() // each list decoded in a task of its own
			p := parts.Index(i)
			if err := r.reply.Join(job.Part{Of: p.Get("of").String(), JSON: p.Get("json").String()}); err != nil {
				r.err = locale.Errorf("the background worker's reply is damaged: %v", err)
			}
		}
	}
	if r.file != nil && !r.file.Truthy() {
		r.file = nil
	}
	return r.reply, r.file, r.err
}

// replyOf reads a worker's "done" or "fatal" message.
func replyOf(m app.Value) (job.Reply, error) {
	if m.Get("type").String() == "fatal" {
		return job.Reply{}, locale.Errorf("the background worker failed (%s)", m.Get("error").String())
	}
	var r job.Reply
	if err := json.Unmarshal([]byte(m.Get("reply").String()), &r); err != nil {
		return job.Reply{}, locale.Errorf("the background worker's reply is damaged: %v", err)
	}
	return r, nil
}
