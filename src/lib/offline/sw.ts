/// <reference lib="webworker" />
// The service worker (built to /sw.js by the `offline` plugin in vite.config.ts, which replaces
// __YANGPU_PRECACHE__ with the build's file list and a hash of their contents).
//
// - Install: every file of the build goes into a cache named after that hash (app shell, lazy chunks, workers,
//   data, fonts and the whole basemap archive, ~4 MB), so everything works offline after the first visit.
// - Range requests for the archive are answered from the cached whole file (206 with Content-Range), because a
//   cache cannot store 206 answers and the archive is small enough to keep whole.
// - Updates: a new build installs beside the running one and waits. The page offers a reload; only when the user
//   accepts does the page ask this worker to take over (no skipWaiting mid-session). The cache of the previous
//   build is kept one generation, so tabs still running it can load their lazy chunks.

declare const self: ServiceWorkerGlobalScope;
declare const __YANGPU_PRECACHE__: { version: string; files: string[] };

const PRECACHE = __YANGPU_PRECACHE__;
const PREFIX = 'yangpu-';
const CURRENT = `${PREFIX}${PRECACHE.version}`;
const scopeUrl = (path: string): string => new URL(path, self.registration.scope).href;
const SHELL = scopeUrl('index.html');
// The build's pages: the app's, and the embed page other sites frame (which must come back as itself, with the
// headers it was cached with: they say who may frame it).
const PAGES = new Set(PRECACHE.files.filter((f) => f.endsWith('.html')).map(scopeUrl));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CURRENT);
      // Revalidated, so the HTTP cache never hands an older data file or archive to a new build.
      await cache.addAll(PRECACHE.files.map((f) => new Request(scopeUrl(f), { cache: 'no-cache' })));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // CacheStorage lists caches in creation order: keep this build and the one before it.
      const ours = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CURRENT);
      const stale = ours.slice(0, -1);
      await Promise.all(stale.map((k) => caches.delete(k)));
      wholeFiles.clear();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (data && typeof data === 'object' && (data as { type?: unknown }).type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !req.url.startsWith(self.registration.scope)) return;
  if (req.mode === 'navigate') {
    // A page of the build is itself; any other address in the scope is the app (its query string is state, not
    // another document).
    if (/\.[a-z0-9]+$/i.test(url.pathname) && !url.pathname.endsWith('.html')) return;
    const page = `${url.origin}${url.pathname}`;
    event.respondWith(fromCache(PAGES.has(page) ? page : SHELL, req));
    return;
  }
  event.respondWith(answer(req));
});

// The site's own files first from this build's cache, then from the previous build's (an open tab of the old
// version), then from the network.
async function fromCache(key: string, req: Request): Promise<Response> {
  const cache = await caches.open(CURRENT);
  const hit = (await cache.match(key, { ignoreVary: true, ignoreSearch: true })) ?? (await caches.match(key, { ignoreVary: true, ignoreSearch: true }));
  return hit ?? fetch(req);
}

async function answer(req: Request): Promise<Response> {
  const range = req.headers.get('range');
  if (!range) return fromCache(req.url, req);
  const cache = await caches.open(CURRENT);
  const key = req.url.split('#')[0]!.split('?')[0]!;
  const whole = (await cache.match(key, { ignoreVary: true })) ?? (await caches.match(key, { ignoreVary: true }));
  if (!whole) return fetch(req);
  return partial(key, whole, range, req.headers.get('if-range'));
}

// Blobs of whole cached files (the archive), so each tile read slices instead of copying 600 KB.
const wholeFiles = new Map<string, Blob>();

async function partial(key: string, whole: Response, range: string, ifRange: string | null): Promise<Response> {
  let blob = wholeFiles.get(key);
  if (!blob) {
    blob = await whole.clone().blob();
    wholeFiles.set(key, blob);
  }
  const etag = whole.headers.get('etag');
  const headers = new Headers({
    'Content-Type': whole.headers.get('content-type') ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
  });
  if (etag) headers.set('ETag', etag);
  // A validator that no longer names this copy asks for the whole current file (RFC 9110 If-Range).
  if (ifRange && ifRange !== etag) return whole;
  const r = byteRange(range, blob.size);
  if (r === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${blob.size}`);
    return new Response(null, { status: 416, headers });
  }
  if (!r) return whole;
  headers.set('Content-Range', `bytes ${r.start}-${r.end}/${blob.size}`);
  headers.set('Content-Length', String(r.end - r.start + 1));
  return new Response(blob.slice(r.start, r.end + 1), { status: 206, statusText: 'Partial Content', headers });
}

// One range of `bytes=a-b`, `bytes=a-` or `bytes=-n`; null for anything else (answered whole, as HTTP allows).
function byteRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Number(m[2]);
    return n === 0 ? 'unsatisfiable' : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1) };
}

// A module for the type checker (its `self` is the worker's); the build strips this line.
export {};
