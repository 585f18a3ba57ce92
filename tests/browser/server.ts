import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a test server does instead of (or on top of) answering a request normally. Fields combine: e.g.
 * `{ delayMs: 2000, ignoreRange: true }` is a slow host without Range support.
 *
 * - `status`: answer this status (404, 500, 503 …) with a short text body instead of the file.
 * - `ignoreRange`: answer a Range request with `200` and the whole body, no `Accept-Ranges`, as hosts without
 *   Range support do (the body is still the real file, so clients that cope can read it).
 * - `truncate`: serve the file as if only its first `truncate` bytes existed (a cut upload): sizes, ETag,
 *   `Content-Range` and `Content-Length` all describe the shorter file; ranges past its end get `416`.
 * - `abortAfter`: announce the full length but destroy the connection after this many body bytes (a dropped
 *   transfer; the client sees a network error).
 * - `corrupt`: rewrite the bytes about to be sent; receives a copy of them and their offset in the file (after
 *   `truncate`), returns the bytes to send (same length keeps `Content-Length` honest; any length is allowed).
 * - `delayMs`: wait this long before answering (a slow network or a slow origin).
 * - `release`: with `delayMs`, answer as soon as this settles if it does first (a test that has seen what the wait
 *   shows need not sit out the rest of it).
 * - `headers`: extra response headers; `null` removes one the server would send (e.g. `{ ETag: null }`).
 */
export interface Fault {
  status?: number;
  ignoreRange?: boolean;
  truncate?: number;
  abortAfter?: number;
  corrupt?: (bytes: Buffer, offset: number) => Buffer;
  delayMs?: number;
  release?: Promise<unknown>;
  headers?: Record<string, string | null>;
}

/** Chooses a fault for a request, or `null` to answer it normally. Compare `new URL(req.url!, 'http://x').pathname`. */
export type FaultHook = (req: IncomingMessage) => Fault | null | undefined;

/** One answered request, in order of arrival (for assertions such as "the tiles were asked with Range"). */
export interface RequestRecord {
  method: string;
  path: string;
  range: string | null;
  status: number;
  encoding: string | null;
  faulted: boolean;
}

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** The build directory (e.g. `dist/` or a `--outDir` of your own). */
  root: string;
  /** Fault injection; can be replaced later with `setFault`. */
  fault?: FaultHook;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
}

/** A running test server. */
export interface TestServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Replaces the fault hook (or removes it with `null`) for requests from now on. */
  setFault: (hook: FaultHook | null) => void;
  /** Every request answered so far; clear with `requests.length = 0`. */
  requests: RequestRecord[];
  stop: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.pmtiles': 'application/vnd.pmtiles',
};

// Text compresses well and CDNs gzip it; binaries (fonts, PNG, and above all .pmtiles, whose tiles are gzipped
// inside and which are read by byte offset) must go out exactly as stored.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.webmanifest', '.map', '.svg', '.txt']);

/**
 * Cache policy per path, as docs/hosting.md asks of a CDN: content-hashed build output is immutable for a year;
 * everything whose name stays the same across releases (the page, the service worker, data, tiles) is
 * revalidated with its ETag on every use.
 */
export function cacheControl(path: string): string {
  if (path.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/** One rule of a `_headers` file (Netlify / Cloudflare Pages syntax): a path pattern and the headers it adds. */
export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

/** The rules of the build's `_headers` file, in order; null when the build has none. */
export function readHeaderRules(root: string): HeaderRule[] | null {
  let text: string;
  try {
    text = readFileSync(join(root, '_headers'), 'utf8');
  } catch {
    return null;
  }
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\S/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const m = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
      if (m && rules.length) rules.at(-1)!.headers.push([m[1]!, m[2]!.trim()]);
    }
  }
  return rules;
}

/** Whether a `_headers` pattern matches a path: exactly, or with `*` standing for any run of characters. */
export function ruleMatches(pattern: string, path: string): boolean {
  const literal = (part: string) => part.replace(/[.+?^$|()[\]{}\\]/g, '\\$&');
  return new RegExp(`^${pattern.split('*').map(literal).join('.*')}$`).test(path);
}

/**
 * The headers a host sends for a path, as Netlify and Cloudflare Pages do: those of every rule that matches, a header
 * named by several rules joined with `, ` (two CSPs so joined are two policies, both enforced).
 */
export function ruleHeaders(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const names = new Map<string, string>();
  for (const rule of rules) {
    if (!ruleMatches(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = names.get(name.toLowerCase()) ?? name;
      names.set(name.toLowerCase(), key);
      out[key] = out[key] ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

/**
 * The site's Content-Security-Policy for a build without `_headers`: the `<meta http-equiv>` policy of its
 * index.html, else none.
 */
export function sitePolicy(root: string): string | null {
  try {
    const html = readFileSync(join(root, 'index.html'), 'utf8');
    const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    if (m?.[1])
      return m[1]
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
  } catch {
    /* no index.html */
  }
  return null;
}

interface Entry {
  mtimeMs: number;
  body: Buffer;
  etag: string;
  gzip?: Buffer;
}

/**
 * A static server for a production build that behaves like a well-configured CDN: single-range requests
 * (`206`, `Content-Range`, `Accept-Ranges`, `416`), strong ETags with `If-None-Match` (`304`) and `If-Range`,
 * gzip for text only (never on `.pmtiles`), the headers of the build's `_headers` by path (the CSP, who may frame
 * which page, Cache-Control: immutable for `/assets/*`, revalidation for the rest), and a SPA fallback to index.html for paths without a file
 * extension. `fault` lets a test break any answer (see {@link Fault}).
 */
export async function startServer(options: ServerOptions): Promise<TestServer> {
  const root = resolve(options.root);
  let hook: FaultHook | null = options.fault ?? null;
  const requests: RequestRecord[] = [];
  const cache = new Map<string, Entry>();
  // The build's `_headers`, applied by path as a host does; a build without one gets the <meta>'s policy everywhere.
  const rules = readHeaderRules(root);
  const policy = rules ? null : sitePolicy(root);
  const hostHeaders = (path: string): Record<string, string> => {
    if (rules) return ruleHeaders(rules, path);
    const out: Record<string, string> = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' };
    if (policy) out['Content-Security-Policy'] = policy;
    return out;
  };

  function load(file: string): Entry | null {
    let st;
    try {
      st = statSync(file);
    } catch {
      return null;
    }
    if (!st.isFile()) return null;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs) return hit;
    const body = readFileSync(file);
    const entry: Entry = { mtimeMs: st.mtimeMs, body, etag: etagOf(body) };
    cache.set(file, entry);
    return entry;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const fault = hook?.(req) ?? null;
    const record: RequestRecord = {
      method,
      path,
      range: (req.headers.range as string | undefined) ?? null,
      status: 0,
      encoding: null,
      faulted: Boolean(fault),
    };
    requests.push(record);
    if (fault?.delayMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise((r) => (timer = setTimeout(r, fault.delayMs))), fault.release ?? new Promise(() => {})]);
      clearTimeout(timer);
    }

    let headers: Record<string, string> = hostHeaders(path);
    const send = (status: number, body: Buffer | string | null, extra: Record<string, string> = {}) => {
      const all: Record<string, string> = { ...headers, ...extra };
      for (const [k, v] of Object.entries(fault?.headers ?? {})) {
        for (const key of Object.keys(all)) if (key.toLowerCase() === k.toLowerCase()) delete all[key];
        if (v !== null) all[k] = v;
      }
      record.status = status;
      record.encoding = all['Content-Encoding'] ?? null;
      const buf = body === null ? null : Buffer.isBuffer(body) ? body : Buffer.from(body);
      if (buf && !('Content-Length' in all)) all['Content-Length'] = String(buf.length);
      res.writeHead(status, all);
      if (!buf || method === 'HEAD') return void res.end();
      if (fault?.abortAfter !== undefined && fault.abortAfter < buf.length) {
        res.write(buf.subarray(0, fault.abortAfter), () => res.destroy());
        return;
      }
      res.end(buf);
    };

    if (method !== 'GET' && method !== 'HEAD') return send(405, 'method not allowed', { Allow: 'GET, HEAD' });
    if (fault?.status)
      return send(fault.status, `fault injected: ${fault.status}`, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });

    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return send(403, 'forbidden', { 'Content-Type': 'text/plain; charset=utf-8' });
    let entry = load(file);
    let ext = extname(file).toLowerCase();
    let servedPath = path;
    if (!entry && ext === '') {
      entry = load(join(root, 'index.html'));
      ext = '.html';
      servedPath = '/index.html';
      // The app's page under another name is still the app's page (nginx's try_files keeps its headers too).
      headers = hostHeaders(servedPath);
    }
    if (!entry) return send(404, 'not found', { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });

    let body = entry.body;
    let etag = entry.etag;
    if (fault?.truncate !== undefined && fault.truncate < body.length) {
      body = body.subarray(0, fault.truncate);
      etag = etagOf(body);
    }
    headers['Content-Type'] = TYPES[ext] ?? 'application/octet-stream';
    headers['Cache-Control'] ??= cacheControl(servedPath);
    headers['Last-Modified'] = new Date(Math.floor(entry.mtimeMs / 1000) * 1000).toUTCString();

    const rangeHeader = req.headers.range;
    const rangeable = !fault?.ignoreRange;
    if (rangeable) headers['Accept-Ranges'] = 'bytes';
    const compressible = COMPRESSIBLE.has(ext);
    const gzipOk = compressible && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && !fault?.truncate && !fault?.corrupt;
    if (compressible) headers.Vary = 'Accept-Encoding';

    // A range is served from the identity encoding; a full answer may be gzipped (its own ETag, as a CDN does).
    const useRange = rangeable && typeof rangeHeader === 'string' && ifRangeHolds(req, etag, entry.mtimeMs);
    const fullEtag = gzipOk && !useRange ? `"${etag.slice(1, -1)}-gz"` : etag;
    headers.ETag = fullEtag;

    if (!useRange && noneMatch(req.headers['if-none-match'], fullEtag)) return send(304, null);

    const corrupt = (bytes: Buffer, offset: number) => (fault?.corrupt ? fault.corrupt(Buffer.from(bytes), offset) : bytes);
    if (useRange) {
      const r = parseRange(rangeHeader as string, body.length);
      if (r === 'unsatisfiable') return send(416, null, { 'Content-Range': `bytes */${body.length}`, 'Content-Length': '0' });
      if (r) {
        return send(206, corrupt(body.subarray(r.start, r.end + 1), r.start), {
          'Content-Range': `bytes ${r.start}-${r.end}/${body.length}`,
        });
      }
      // Several ranges or a malformed header: a whole answer is always allowed.
    }
    if (gzipOk) {
      entry.gzip ??= gzipSync(entry.body);
      return send(200, entry.gzip, { 'Content-Encoding': 'gzip' });
    }
    send(200, corrupt(body, 0));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setFault: (h) => (hook = h),
    requests,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
}

// If-None-Match uses the weak comparison: W/"x" matches "x".
function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

// If-Range: the range applies only if the client's validator still names this exact file (strong ETag or date).
function ifRangeHolds(req: IncomingMessage, etag: string, mtimeMs: number): boolean {
  const raw = req.headers['if-range'];
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v) return true;
  if (v.startsWith('"')) return v === etag;
  if (v.startsWith('W/')) return false;
  const date = Date.parse(v);
  return Number.isFinite(date) && Math.floor(mtimeMs / 1000) * 1000 <= date;
}

function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null;
  }
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
