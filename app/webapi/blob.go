//go:build wasm

package webapi

import (
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

// BlobReader reads a Blob (or File) from its start, 256 KiB at a time, so
// that a large file is never whole in memory. Reads block.
func BlobReader(blob js.Value) io.Reader {
	return &blobReader{blob: blob, size: blob.Get("size").Int()}
}

type blobReader struct {
	blob      js.Value
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
