package browser

import (
	"fmt"
	"io"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// MaxFileSize bounds a file read into memory; larger files are refused
// before reading.
const MaxFileSize = 256 << 20

// Download offers data to the user as a file download.
func Download(name, mime string, data []byte) {
	w := app.Window()
	u8 := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(u8, data)
	DownloadBlob(name, w.Get("Blob").New([]any{u8}, map[string]any{"type": mime}))
}

// DownloadBlob offers a Blob to the user as a file download, without
// copying it.
func DownloadBlob(name string, blob app.Value) {
	w := app.Window()
	url := w.Get("URL").Call("createObjectURL", blob)
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	body := w.Get("document").Get("body")
	body.Call("appendChild", a)
	a.Call("click")
	body.Call("removeChild", a)
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	w.Call("setTimeout", revoke, 1000)
}

// AfterPaint blocks until the browser has drawn the next frame, so that work
// queued behind a change does not delay its display.
func AfterPaint() {
	done := make(chan struct{}, 1)
	AfterPaintDo(func() { done <- struct{}{} })
	<-done
}

// AfterPaintDo runs f (in a JS callback: it must not block) once the
// browser has drawn the next frame.
func AfterPaintDo(f func()) {
	var raf, timeout app.Func
	timeout = app.FuncOf(func(this app.Value, args []app.Value) any {
		raf.Release()
		timeout.Release()
		f()
		return nil
	})
	raf = app.FuncOf(func(this app.Value, args []app.Value) any {
		background(timeout)
		return nil
	})
	app.Window().Call("requestAnimationFrame", raf)
}

// background runs fn as a task of background priority where the browser
// has a task scheduler, so that tasks queued for the same frame go first.
func background(fn app.Func) {
	w := app.Window()
	if sch := w.Get("scheduler"); sch.Truthy() && sch.Get("postTask").Truthy() {
		sch.Call("postTask", fn, map[string]any{"priority": "background"})
		return
	}
	w.Call("setTimeout", fn, 0)
}

// WhenIdle blocks until the browser has a moment with nothing to do, or
// until max has passed.
func WhenIdle(max time.Duration) {
	w := app.Window()
	if !w.Get("requestIdleCallback").Truthy() {
		AfterPaint()
		return
	}
	called(func(fn app.Func) { w.Call("requestIdleCallback", fn, map[string]any{"timeout": max.Milliseconds()}) })
}

// called blocks until the browser calls the function that schedule hands
// to it.
func called(schedule func(fn app.Func)) {
	done := make(chan struct{}, 1)
	var fn app.Func
	fn = app.FuncOf(func(this app.Value, args []app.Value) any {
		fn.Release()
		done <- struct{}{}
		return nil
	})
	schedule(fn)
	<-done
}

// Yielder hands the page back to the browser during long work off the UI
// goroutine: Maybe pauses for a moment once Budget has passed since the
// last pause, so that no stretch of work blocks the page for longer.
type Yielder struct {
	Budget time.Duration
	last   time.Time
}

// Maybe pauses if the budget is spent, and reports whether it did.
func (y *Yielder) Maybe() bool {
	if y.last.IsZero() {
		y.last = time.Now()
		return false
	}
	if time.Since(y.last) < y.Budget {
		return false
	}
	Yield()
	y.last = time.Now()
	return true
}

// Yield blocks until the browser has run a task of its own: the current task
// ends (a time.Sleep may not end it, since the Go scheduler can resume the
// sleeper before handing control back to the page).
func Yield() {
	called(func(fn app.Func) { app.Window().Call("setTimeout", fn, 0) })
}

// ReadBlob reads a Blob, File or Response as bytes. It blocks.
func ReadBlob(blob app.Value) ([]byte, error) {
	buf, err := awaitPromise(blob.Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	u8 := app.Window().Get("Uint8Array").New(buf)
	data := make([]byte, u8.Length())
	app.CopyBytesToGo(data, u8)
	return data, nil
}

// NewFile returns a File of the given name holding data, to hand over like
// one the user picked.
func NewFile(name, mime string, data []byte) app.Value {
	w := app.Window()
	u8 := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(u8, data)
	return w.Get("File").New([]any{u8}, name, map[string]any{"type": mime})
}

// FetchBlob fetches a same-origin URL as a Blob, which the browser holds
// (outside the Go heap). It blocks.
func FetchBlob(url string) (app.Value, error) {
	resp, err := awaitPromise(app.Window().Call("fetch", url))
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %v", url, err)
	}
	if !resp.Get("ok").Bool() {
		return nil, fmt.Errorf("fetching %s: %d %s", url, resp.Get("status").Int(), resp.Get("statusText").String())
	}
	blob, err := awaitPromise(resp.Call("blob"))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %v", url, err)
	}
	return blob, nil
}

// BlobReader reads a Blob (or File) from its start, 256 KiB at a time, so
// that a large file is never whole in memory. Reads block.
func BlobReader(blob app.Value) io.Reader {
	return &blobReader{blob: blob, size: blob.Get("size").Int()}
}

type blobReader struct {
	blob      app.Value
	off, size int
	buf       []byte
}

func (r *blobReader) Read(p []byte) (int, error) {
	if len(r.buf) == 0 {
		if r.off >= r.size {
			return 0, io.EOF
		}
		end := min(r.off+256<<10, r.size)
		data, err := ReadBlob(r.blob.Call("slice", r.off, end))
		if err != nil {
			return 0, err
		}
		r.off, r.buf = end, data
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}
