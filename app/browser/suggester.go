package browser

import (
	"encoding/json"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/raqim/raqim/internal/job"
	"github.com/raqim/raqim/internal/locale"
)

// Suggester is a background worker started from script (web/worker.js)
// that stays between requests, so that the engine it makes on the first
// Suggest request serves the next ones, until SuggesterIdle passes without
// one. It is started on the first request, and again on the next after it
// failed or stopped. Requests wait for each other: one is in the worker at
// a time.
type Suggester struct {
	script string
	mu     sync.Mutex
	worker app.Value
	ready  chan struct{}
	up     bool // the worker said it is ready
	done   chan suggestResult
	funcs  []app.Func
	asked  int // requests so far: a timer stops the worker when no other came
}

// SuggesterIdle is how long a Suggester's worker stays after a request
// when no other comes: its code, runtime and heap count in the tab's
// memory, and go with it.
const SuggesterIdle = 20 * time.Second

type suggestResult struct {
	reply job.Reply
	err   error
}

// NewSuggester returns a Suggester of the worker script; no worker runs yet.
func NewSuggester(script string) *Suggester { return &Suggester{script: script} }

// Suggest hands req (a job.Suggest) to the worker and returns its reply.
// It blocks: call it from a goroutine.
func (s *Suggester) Suggest(req job.Request) (job.Reply, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	body, err := json.Marshal(req)
	if err != nil {
		return job.Reply{}, err
	}
	if s.worker == nil {
		if err := s.start(); err != nil {
			return job.Reply{}, err
		}
	}
	if !s.up {
		select {
		case <-s.ready:
			s.up = true
		case r := <-s.done:
			s.stop()
			return job.Reply{}, r.err
		}
	}
	s.worker.Call("postMessage", map[string]any{"request": string(body), "files": []any{}})
	r := <-s.done
	if r.err != nil {
		s.stop()
	}
	s.asked++
	asked := s.asked
	time.AfterFunc(SuggesterIdle, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.asked == asked {
			s.stop()
		}
	})
	return r.reply, r.err
}

// start starts the worker; its messages go to s.ready and s.done.
func (s *Suggester) start() error {
	w := app.Window()
	if !w.Get("Worker").Truthy() {
		return locale.Errorf("this browser has no Web Workers")
	}
	s.ready, s.done = make(chan struct{}, 1), make(chan suggestResult, 1)
	ready, done := s.ready, s.done
	finish := func(r suggestResult) {
		select {
		case done <- r:
		default:
		}
	}
	s.worker = w.Get("Worker").New(s.script)
	onMessage := app.FuncOf(func(this app.Value, args []app.Value) any {
		m := args[0].Get("data")
		switch m.Get("type").String() {
		case "ready":
			watch(m.Get("lock"), func() {
				finish(suggestResult{err: locale.Errorf("the background worker stopped before it replied (it may have run out of memory)")})
			})
			ready <- struct{}{}
		case "done", "fatal":
			r, err := replyOf(m)
			finish(suggestResult{reply: r, err: err})
		}
		return nil
	})
	onError := app.FuncOf(func(this app.Value, args []app.Value) any {
		args[0].Call("preventDefault")
		finish(suggestResult{err: locale.Errorf("the background worker failed (%s)", args[0].Get("message").String())})
		return nil
	})
	s.worker.Set("onmessage", onMessage)
	s.worker.Set("onerror", onError)
	s.funcs = []app.Func{onMessage, onError}
	return nil
}

// stop ends the worker, for the next request to start another.
func (s *Suggester) stop() {
	if s.worker == nil {
		return
	}
	s.worker.Call("terminate")
	for _, f := range s.funcs {
		f.Release()
	}
	s.worker, s.funcs, s.up = nil, nil, false
}

// Close ends the worker.
func (s *Suggester) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stop()
}
