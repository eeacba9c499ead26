//go:build wasm

package webapi

import (
	"fmt"
	"io"
	"syscall/js"
)

// ReadBlob reads a Blob, File or Response as bytes. It blocks.
func ReadBlob(blob js.Value) ([]byte, error) {
	buf, err := Await(blob.Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	u8 := js.Global().Get("Uint8Array").New(buf)
	data := make([]byte, u8.Length())
	js.CopyBytesToGo(data, u8)
	return data, nil
}

// BlobReader reads a Blob (or File) from its start, at most 256 KiB at a
// time into one buffer it reuses, so that a large file is never whole in
// memory, not even as garbage waiting for the browser's collector. Reads
// block.
func BlobReader(blob js.Value) io.Reader {
	return &blobReader{blob: blob}
}

// chunk is the most a blobReader reads at a time.
const chunk = 256 << 10

// A blobReader reads its Blob's stream with a reader that fills a buffer
// of ours (a BYOB reader), which hands the same memory back after each
// read: reading a Blob slice by slice instead (Blob.arrayBuffer) leaves
// each slice's bytes to the browser's collector, which in a worker may not
// run before the whole file has been read.
type blobReader struct {
	blob   js.Value
	reader js.Value // the stream's reader, once the first read starts it
	into   js.Value // the ArrayBuffer the next read fills
	buf    []byte   // the Go copy of the last read
	data   []byte   // what of buf is not yet handed out
	done   bool
}

func (r *blobReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		if err := r.fill(); err != nil {
			return 0, err
		}
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// fill reads the stream's next bytes into r.data.
func (r *blobReader) fill() (err error) {
	if r.done {
		return io.EOF
	}
	defer func() {
		if e := recover(); e != nil { // a JS exception: a stream that cannot be read
			err = fmt.Errorf("%v", e)
		}
	}()
	if r.reader.IsUndefined() {
		r.reader = r.blob.Call("stream").Call("getReader", map[string]any{"mode": "byob"})
		r.into = js.Global().Get("ArrayBuffer").New(chunk)
		r.buf = make([]byte, chunk)
	}
	for len(r.data) == 0 {
		res, err := Await(r.reader.Call("read", js.Global().Get("Uint8Array").New(r.into)))
		if err != nil {
			return err
		}
		if res.Get("done").Bool() {
			r.done = true
			return io.EOF
		}
		v := res.Get("value")
		r.into = v.Get("buffer") // the same memory, handed back
		r.data = r.buf[:js.CopyBytesToGo(r.buf, v)]
	}
	return nil
}

// BlobWriter collects what is written in Blobs of 256 KiB, so that a large
// file is never whole in the Go heap, nor in the JS heap: the browser keeps
// a Blob's bytes outside the page's process. The zero value is ready.
type BlobWriter struct {
	buf   []byte
	parts []any
}

// part is the size of a BlobWriter's pieces.
const part = 256 << 10

func (w *BlobWriter) Write(p []byte) (int, error) {
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

func (w *BlobWriter) flush() {
	if len(w.buf) == 0 {
		return
	}
	u8 := js.Global().Get("Uint8Array").New(len(w.buf))
	js.CopyBytesToJS(u8, w.buf)
	w.parts = append(w.parts, js.Global().Get("Blob").New([]any{u8}))
	w.buf = w.buf[:0]
}

// Blob returns what was written as one Blob of the given media type, and
// empties w.
func (w *BlobWriter) Blob(mime string) js.Value {
	w.flush()
	b := js.Global().Get("Blob").New(w.parts, map[string]any{"type": mime})
	w.parts, w.buf = nil, nil
	return b
}
