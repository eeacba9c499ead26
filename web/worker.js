// raqim's background worker: runs worker.wasm (Go, see wasm/worker) for
// imports and exports, off the page's thread. The page talks to it in Go.
importScripts("../wasm_exec.js");
const go = new Go();
WebAssembly.instantiateStreaming(fetch("worker.wasm"), go.importObject)
  .then((r) => go.run(r.instance))
  .catch((e) => postMessage({ type: "fatal", error: String(e) }));
