// The console's service worker (served at /agent/sw.js, scope /agent). It keeps the console's
// shell — the page, its script and chunks, its CSS, the manifest and icons — so the console opens
// (and says it is offline) without a network. Everything goes to the network first, so a deploy is
// picked up on the next load; the cache is only the fallback. /api/ and /hubs/ are never touched.

interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

interface SwFetchEvent extends SwExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

interface SwScope {
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
  addEventListener(type: "install" | "activate", listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: SwFetchEvent) => void): void;
}

const worker = self as unknown as SwScope;
const cacheName = "phonebridge-agent-v1";
const shell = [
  "/agent",
  "/js/agent.js",
  "/css/agent.css",
  "/agent/manifest.webmanifest",
  "/agent/icon.svg",
  "/agent/icon-192.png",
  "/agent/icon-512.png",
  "/agent/icon-maskable-512.png",
];

/** The split chunks the console's script imports, read from the script itself. */
async function chunksOf(script: Response): Promise<string[]> {
  const text = await script.text();
  return [...new Set([...text.matchAll(/["']\.\/(chunks\/[\w.-]+\.js)["']/g)].map(m => `/js/${m[1]}`))];
}

worker.addEventListener("install", event => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(shell);
    const script = await cache.match("/js/agent.js");
    if (script) await cache.addAll(await chunksOf(script));
    await worker.skipWaiting();
  })());
});

worker.addEventListener("activate", event => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== cacheName && key.startsWith("phonebridge-agent-")) await caches.delete(key);
    await worker.clients.claim();
  })());
});

function cacheable(url: URL): boolean {
  if (url.origin !== worker.location.origin) return false;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/hubs/")) return false;
  if (url.pathname === "/agent/sw.js") return false;
  return url.pathname === "/agent" || url.pathname.startsWith("/agent/") || url.pathname.startsWith("/js/") || url.pathname.startsWith("/css/");
}

worker.addEventListener("fetch", event => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (!cacheable(url)) return;
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    try {
      const response = await fetch(request);
      if (response.ok && response.type === "basic") await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const cached = await cache.match(request, { ignoreSearch: request.mode === "navigate" })
        ?? (request.mode === "navigate" ? await cache.match("/agent") : undefined);
      if (cached) return cached;
      throw error;
    }
  })());
});
