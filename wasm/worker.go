//go:build !wasm

package main

// workerJS is the service worker. It differs from go-app's default in three
// ways: the app shell is cached under its directory URL ("/" or "/base/"),
// and every navigation (with any query, such as ?open=) is answered with
// that cached shell, so a reload works offline under a sub-path too;
// redirected responses are stored as plain ones; and only GET requests of
// this origin are handled, each answered with the page's
// Content-Security-Policy.
const workerJS = `const cacheName = "app-" + "{{.Version}}";
const shellURL = "{{.Shell}}";
const resourcesToCache = {{.ResourcesToCache}}.map((u) => (u === shellURL.replace(/\/$/, "") || u === "/" ? shellURL : u));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await Promise.all(resourcesToCache.map(async (url) => {
      const resp = await fetch(url, { cache: "no-cache" });
      if (!resp.ok) throw new Error("caching " + url + ": " + resp.status);
      await cache.put(url, resp.redirected ? new Response(await resp.blob(), { headers: resp.headers }) : resp);
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
// the server sent (the bundle's HTML carries it too, in a meta element).
const csp = "{{.CSP}}";
const withPolicy = (resp) => {
  if (!resp || resp.type === "opaque" || resp.type === "opaqueredirect") return resp;
  const headers = new Headers(resp.headers);
  headers.set("Content-Security-Policy", csp);
  return new Response(resp.body, { status: resp.status, statusText: resp.statusText, headers });
};

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    if (req.mode === "navigate") {
      const shell = await cache.match(shellURL);
      if (shell) return withPolicy(shell);
    }
    return withPolicy((await cache.match(req)) || (await fetch(req)));
  })());
});
`
