// Package webapi wraps the browser APIs that both the page and its
// background worker use (IndexedDB, Blobs, the browser's turns) on
// syscall/js alone: importing go-app, as package browser does for the page,
// would make the worker's WebAssembly a third larger and cost every import
// and export about 7 MB more memory while the worker runs. Calls that wait
// for the browser block their goroutine: never make them from an event
// handler or a JS callback.
package webapi
