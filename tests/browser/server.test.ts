import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness.ts';
import { cacheControl, startServer, type TestServer } from './server.ts';

// The test server itself, over plain HTTP (no browser): what docs/hosting.md asks of a host, and each fault.
const root = resolve(ROOT, process.env.YANGPU_DIST ?? 'dist');
const archive = readFileSync(resolve(root, 'tiles/basemap.pmtiles'));
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ root });
});
afterAll(async () => {
  await server?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  error?: string;
}

// node:http rather than fetch: fetch would decompress bodies and hide Content-Encoding and dropped connections.
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(`${server.url}${path.replace(/^\//, '')}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (e) => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), error: e.message }));
      res.on('aborted', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), error: 'aborted' }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('test server (a host as docs/hosting.md asks for)', () => {
  it('answers ranges of the archive: 206, suffix ranges, 416 past the end, never compressed', async () => {
    const a = await get('/tiles/basemap.pmtiles', { Range: 'bytes=0-126', 'Accept-Encoding': 'gzip, br' });
    expect(a.status).toBe(206);
    expect(a.headers['content-range']).toBe(`bytes 0-126/${archive.length}`);
    expect(a.headers['accept-ranges']).toBe('bytes');
    expect(a.headers['content-encoding']).toBeUndefined();
    expect(a.body.equals(archive.subarray(0, 127))).toBe(true);
    const tail = await get('/tiles/basemap.pmtiles', { Range: 'bytes=-10' });
    expect(tail.body.equals(archive.subarray(archive.length - 10))).toBe(true);
    expect((await get('/tiles/basemap.pmtiles', { Range: `bytes=${archive.length}-` })).status).toBe(416);
    const whole = await get('/tiles/basemap.pmtiles', { 'Accept-Encoding': 'gzip' });
    expect(whole.status).toBe(200);
    expect(whole.headers['content-encoding']).toBeUndefined();
    expect(whole.body.equals(archive)).toBe(true);
  });

  it('revalidates with strong ETags (304) and honours If-Range', async () => {
    const first = await get('/tiles/basemap.pmtiles', { Range: 'bytes=0-15' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await get('/tiles/basemap.pmtiles', { 'If-None-Match': etag })).status).toBe(304);
    expect((await get('/tiles/basemap.pmtiles', { 'If-None-Match': `W/${etag}` })).status).toBe(304);
    expect((await get('/tiles/basemap.pmtiles', { Range: 'bytes=0-15', 'If-Range': etag })).status).toBe(206);
    const stale = await get('/tiles/basemap.pmtiles', { Range: 'bytes=0-15', 'If-Range': '"another"' });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(archive.length);
  });

  it('gzips text, caches hashed assets for a year and revalidates the rest, and sends the CSP everywhere', async () => {
    const js = readdirSync(resolve(root, 'assets')).find((f) => f.endsWith('.js'))!;
    const asset = await get(`/assets/${js}`, { 'Accept-Encoding': 'gzip' });
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(asset.body).equals(readFileSync(resolve(root, 'assets', js)))).toBe(true);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/?lang=en', '/sw.js', '/data/plan.geojson', '/tiles/basemap.pmtiles']) {
      const a = await get(path);
      expect(a.status, path).toBe(200);
      expect(a.headers['cache-control'], path).toBe('no-cache');
      expect(String(a.headers['content-security-policy']), path).toMatch(/^default-src 'self'; script-src 'self';/);
    }
    expect((await get('/nothing-here.json')).status).toBe(404);
    expect((await get('/..%2F..%2Fetc%2Fpasswd')).status).toBe(403);
  });

  it('gives each path of the build’s _headers exactly one Cache-Control, the one the test server sends', () => {
    const rules: { pattern: string; headers: string[] }[] = [];
    for (const line of readFileSync(resolve(root, '_headers'), 'utf8').split('\n')) {
      if (/^\S/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
      else if (line.trim()) rules.at(-1)!.headers.push(line.trim());
    }
    const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
    for (const path of ['/', '/index.html', '/sw.js', '/favicon.svg', '/data/plan.geojson', '/tiles/basemap.pmtiles', '/assets/index-abc.js']) {
      const cache = rules.filter((r) => matches(r.pattern, path)).flatMap((r) => r.headers.filter((h) => h.startsWith('Cache-Control:')));
      expect(cache, path).toEqual([`Cache-Control: ${cacheControl(path === '/' ? '/index.html' : path)}`]);
    }
  });

  it('injects faults: a status, an ignored Range, truncation, corruption, a dropped transfer, a delay, headers', async () => {
    const tiles = (req: { url?: string }) => (req.url ?? '').startsWith('/tiles/');
    try {
      server.setFault((req) => (tiles(req) ? { status: 404 } : null));
      expect((await get('/tiles/basemap.pmtiles', { Range: 'bytes=0-15' })).status).toBe(404);
      expect((await get('/data/plan.geojson')).status).toBe(200);

      server.setFault((req) => (tiles(req) ? { ignoreRange: true } : null));
      const ignored = await get('/tiles/basemap.pmtiles', { Range: 'bytes=0-15' });
      expect(ignored.status).toBe(200);
      expect(ignored.headers['accept-ranges']).toBeUndefined();
      expect(ignored.body.length).toBe(archive.length);

      server.setFault((req) => (tiles(req) ? { truncate: 1000 } : null));
      const cut = await get('/tiles/basemap.pmtiles', { Range: 'bytes=900-1999' });
      expect(cut.status).toBe(206);
      expect(cut.headers['content-range']).toBe('bytes 900-999/1000');
      expect((await get('/tiles/basemap.pmtiles', { Range: 'bytes=1000-1999' })).status).toBe(416);

      server.setFault((req) => (tiles(req) ? { corrupt: (b, offset) => (offset === 0 ? Buffer.alloc(b.length, 0xff) : b) } : null));
      const bad = await get('/tiles/basemap.pmtiles', { Range: 'bytes=0-15' });
      expect(bad.body.equals(Buffer.alloc(16, 0xff))).toBe(true);

      server.setFault((req) => (tiles(req) ? { abortAfter: 100 } : null));
      const dropped = await get('/tiles/basemap.pmtiles').catch((e: Error) => ({ error: e.message, body: Buffer.alloc(0) }) as Answer);
      expect(dropped.error).toBeTruthy();
      expect(dropped.body.length).toBeLessThanOrEqual(100);

      server.setFault((req) => (tiles(req) ? { delayMs: 400, headers: { ETag: null, 'X-Test': 'yes' } } : null));
      const t0 = Date.now();
      const slow = await get('/tiles/basemap.pmtiles', { Range: 'bytes=0-15' });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
      expect(slow.headers.etag).toBeUndefined();
      expect(slow.headers['x-test']).toBe('yes');
      expect(server.requests.at(-1)).toMatchObject({ path: '/tiles/basemap.pmtiles', range: 'bytes=0-15', status: 206, faulted: true });
    } finally {
      server.setFault(null);
    }
  });
});
