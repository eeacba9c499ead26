// raqim's background worker: runs worker.wasm (Go, see wasm/worker) for
// imports and exports, off the page's thread. The page talks to it in Go.
// The worker holds a lock (Web Locks) for its whole life: the page, asking
// for it, is given it only once the worker is gone, and so learns of a
// worker that died without replying.
self.raqimLock = "raqim-worker-" + Math.random().toString(36).slice(2);
if (self.navigator.locks) self.navigator.locks.request(self.raqimLock, () => new Promise(() => {}));
importScripts("../wasm_exec.js");
const go = new Go();
WebAssembly.instantiateStreaming(fetch("worker.wasm"), go.importObject)
  .then((r) => go.run(r.instance))
  .catch((e) => postMessage({ type: "fatal", error: String(e) }));
