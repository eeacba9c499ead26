//go:build !wasm

package main

// workerJS is the service worker. It differs from go-app's default in four
// ways: the app shell is cached under its directory URL ("/" or "/base/"),
// and every navigation (with any query, such as ?open=) is answered with
// that cached shell, so a reload works offline under a sub-path too;
// redirected responses are stored as plain ones; every response is stored
// with the page's Content-Security-Policy, and the worker answers only
// GET requests of this origin for what it stored, straight from the cache;
// the browser fetches anything else itself. A response rewritten as it
// is answered would pass its body through the worker's JavaScript, where
// its chunks wait for the worker's collector: each background worker's
// start (worker.wasm, 8 MB) and a large ?open= file did.
const workerJS = `const cacheName = "app-" + "{{.Version}}";
const shellURL = "{{.Shell}}";
const resourcesToCache = {{.ResourcesToCache}}.map((u) => (u === shellURL.replace(/\/$/, "") || u === "/" ? shellURL : u));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await Promise.all(resourcesToCache.map(async (url) => {
      const resp = await fetch(url, { cache: "no-cache" });
      if (!resp.ok) throw new Error("caching " + url + ": " + resp.status);
      await cache.put(url, withPolicy(resp, await resp.blob()));
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== cacheName) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// Every response this worker answers carries the page's policy, whatever
// the server sent (the bundle's HTML carries it too, in a meta element):
// it is stored with it.
const csp = "{{.CSP}}";
const withPolicy = (resp, body) => {
  const headers = new Headers(resp.headers);
  headers.set("Content-Security-Policy", csp);
  return new Response(body, { status: resp.status, statusText: resp.statusText, headers });
};

const stored = new Set(resourcesToCache.map((u) => new URL(u, self.location).href));

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  const shell = req.mode === "navigate";
  url.search = url.hash = "";
  if (!shell && !stored.has(url.href)) return;
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    const cached = await cache.match(shell ? shellURL : req);
    if (cached) return cached;
    // Not in the cache after all (evicted, or asked for with a query).
    const resp = await fetch(req);
    return resp.type === "opaque" || resp.type === "opaqueredirect" ? resp : withPolicy(resp, resp.body);
  })());
});
`
