import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EtagMismatch, PMTiles } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { ArchiveSource } from '../../src/lib/map/archive-source.ts';
import { ArchiveReader, classifyArchiveError } from '../../src/lib/map/archive-reader.ts';
import { BASEMAP_RANGE } from '../../src/lib/layers/basemap-range.ts';
import { ArchiveFault, formatBytes, isBlocking, withoutBasemap } from '../../src/lib/map/faults.ts';
import { buildStyle } from '../../src/lib/layers/style.ts';
import { describeWithData } from '../support/shared.ts';

const ARCHIVE = resolve(import.meta.dirname, '../../public/tiles/basemap.pmtiles');
const URL_ = 'https://site.test/tiles/basemap.pmtiles';

/** How the fake host answers: a well-behaved one, or one of the faults the site must explain. */
interface Host {
  bytes?: Uint8Array;
  status?: number;
  ignoreRange?: boolean;
  noLength?: boolean;
  etag?: () => string;
  offline?: boolean;
}

// A fetch against one file, with the host's behaviour; records the Range headers it was sent.
function fakeFetch(host: Host, ranges: string[] = []): typeof fetch {
  return (async (_input: RequestInfo | URL, init?: RequestInit) => {
    if (host.offline) throw new TypeError('Failed to fetch');
    const range = new Headers(init?.headers).get('range') ?? '';
    ranges.push(range);
    if (host.status) return new Response('no', { status: host.status });
    const bytes = host.bytes ?? new Uint8Array();
    const headers = new Headers();
    if (host.etag) headers.set('etag', host.etag());
    if (host.ignoreRange || !range) {
      // A streamed body without Content-Length, or the whole file with it.
      if (!host.noLength) headers.set('content-length', String(bytes.byteLength));
      const body = host.noLength ? new ReadableStream({ start: (c) => (c.enqueue(bytes.slice()), c.close()) }) : bytes.slice();
      return new Response(body, { status: 200, headers });
    }
    const m = /^bytes=(\d+)-(\d+)$/.exec(range)!;
    const start = Number(m[1]);
    if (start >= bytes.byteLength) return new Response(null, { status: 416, headers: { 'content-range': `bytes */${bytes.byteLength}` } });
    const end = Math.min(Number(m[2]), bytes.byteLength - 1);
    headers.set('content-range', `bytes ${start}-${end}/${bytes.byteLength}`);
    headers.set('content-length', String(end - start + 1));
    return new Response(bytes.slice(start, end + 1), { status: 206, headers });
  }) as typeof fetch;
}

const archiveBytes = () => new Uint8Array(readFileSync(ARCHIVE));

async function faultOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return classifyArchiveError(e);
  }
  throw new Error('expected a failure');
}

// The page tells a slow network from a busy device by the reads still unanswered.
describe('archive reads in flight', () => {
  const bytes = new Uint8Array(4096).map((_, i) => i % 251);

  it('counts each read from its request until its answer has been read', async () => {
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const host = fakeFetch({ bytes });
    const source = new ArchiveSource(URL_, { fetch: async (input, init) => (await held, host(input, init)) });
    expect(source.pending).toBe(0);
    const reads = [source.getBytes(0, 127), source.getBytes(127, 300)];
    expect(source.pending).toBe(2);
    answer();
    const answers = await Promise.all(reads);
    expect(new Uint8Array(answers[0]!.data)).toEqual(bytes.slice(0, 127));
    expect(source.pending).toBe(0);
  });

  it('stops counting a read that failed or was given up', async () => {
    const offline = new ArchiveSource(URL_, { fetch: fakeFetch({ offline: true }) });
    const failing = offline.getBytes(0, 127);
    expect(offline.pending).toBe(1);
    await expect(failing).rejects.toBeInstanceOf(ArchiveFault);
    expect(offline.pending).toBe(0);

    const controller = new AbortController();
    const stalled = new ArchiveSource(URL_, {
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    });
    const given = stalled.getBytes(0, 127, controller.signal);
    expect(stalled.pending).toBe(1);
    controller.abort();
    await expect(given).rejects.toMatchObject({ name: 'AbortError' });
    expect(stalled.pending).toBe(0);
  });

  it('does not count what a whole archive already in memory answers', async () => {
    const source = new ArchiveSource(URL_, { fetch: fakeFetch({ bytes, ignoreRange: true }) });
    await source.getBytes(0, 127);
    const later = source.getBytes(1000, 100);
    expect(source.pending).toBe(0);
    expect(new Uint8Array((await later).data)).toEqual(bytes.slice(1000, 1100));
  });
});

// The archive is built by `npm run data` (before the unit tests in `npm test`): under CI it must be there.
describeWithData(ARCHIVE)('archive source against hosts that misbehave', () => {
  it('reads the archive over Range requests and asks for ranges only', async () => {
    const ranges: string[] = [];
    const source = new ArchiveSource(URL_, { fetch: fakeFetch({ bytes: archiveBytes(), etag: () => '"a"' }, ranges) });
    const archive = new PMTiles(source);
    const meta = (await archive.getMetadata()) as { vector_layers: unknown[] };
    expect(meta.vector_layers.length).toBeGreaterThan(3);
    const header = await archive.getHeader();
    const tile = await archive.getZxy(header.maxZoom, ...lonLatTile(121.51, 31.3, header.maxZoom));
    expect(tile?.data.byteLength).toBeGreaterThan(0);
    expect(source.wholeBytes).toBeNull();
    expect(ranges.every((r) => /^bytes=\d+-\d+$/.test(r))).toBe(true);
  });

  it('a missing archive is "missing", another refusal keeps its status, a dropped network is "network"', async () => {
    expect(await faultOf(new PMTiles(new ArchiveSource(URL_, { fetch: fakeFetch({ status: 404 }) })).getHeader())).toMatchObject({ kind: 'missing' });
    expect(await faultOf(new PMTiles(new ArchiveSource(URL_, { fetch: fakeFetch({ status: 403 }) })).getHeader())).toMatchObject({ kind: 'http', status: 403 });
    expect(await faultOf(new PMTiles(new ArchiveSource(URL_, { fetch: fakeFetch({ offline: true }) })).getMetadata())).toMatchObject({ kind: 'network' });
  });

  it('takes a small archive whole from a host that ignores Range, reads it once, and says so', async () => {
    const ranges: string[] = [];
    const bytes = archiveBytes();
    const source = new ArchiveSource(URL_, { fetch: fakeFetch({ bytes, ignoreRange: true }, ranges) });
    const archive = new PMTiles(source);
    await archive.getMetadata();
    const header = await archive.getHeader();
    const tile = await archive.getZxy(header.maxZoom, ...lonLatTile(121.51, 31.3, header.maxZoom));
    expect(tile?.data.byteLength).toBeGreaterThan(0);
    expect(source.wholeBytes).toBe(bytes.byteLength);
    // One download: every later read came from memory.
    expect(ranges).toHaveLength(1);
  });

  it('refuses an archive over the limit from such a host, with or without a declared length', async () => {
    const bytes = archiveBytes();
    const declared = await faultOf(
      new PMTiles(new ArchiveSource(URL_, { maxWholeBytes: 100_000, fetch: fakeFetch({ bytes, ignoreRange: true }) })).getHeader(),
    );
    expect(declared).toMatchObject({ kind: 'no-range', bytes: bytes.byteLength, limit: 100_000 });
    expect(isBlocking(declared)).toBe(true);
    const streamed = await faultOf(
      new PMTiles(new ArchiveSource(URL_, { maxWholeBytes: 100_000, fetch: fakeFetch({ bytes, ignoreRange: true, noLength: true }) })).getHeader(),
    );
    expect(streamed).toMatchObject({ kind: 'no-range', bytes: null });
  });

  it('a tiny archive sent whole by an ordinary host is not reported as a host problem', async () => {
    // The first read asks for 16 KiB; a file shorter than that may come back whole with a 200.
    const bytes = archiveBytes().slice(0, 5000);
    const source = new ArchiveSource(URL_, { fetch: fakeFetch({ bytes, ignoreRange: true }) });
    await source.getBytes(0, 16384);
    expect(source.wholeBytes).toBeNull();
  });

  it('a wrong magic number, a truncated directory and a truncated header are "corrupt"', async () => {
    const bad = archiveBytes();
    bad[0] = 0x58;
    expect(await faultOf(new PMTiles(new ArchiveSource(URL_, { fetch: fakeFetch({ bytes: bad }) })).getHeader())).toMatchObject({ kind: 'corrupt' });
    const full = archiveBytes();
    const view = new DataView(full.buffer);
    const rootOffset = Number(view.getBigUint64(8, true));
    const rootLength = Number(view.getBigUint64(16, true));
    const cut = full.slice(0, rootOffset + Math.floor(rootLength / 2));
    expect(await faultOf(new PMTiles(new ArchiveSource(URL_, { fetch: fakeFetch({ bytes: cut }) })).getMetadata())).toMatchObject({ kind: 'corrupt' });
    const stub = full.slice(0, 60);
    expect(await faultOf(new PMTiles(new ArchiveSource(URL_, { fetch: fakeFetch({ bytes: stub }) })).getHeader())).toMatchObject({ kind: 'corrupt' });
    const empty = new Uint8Array();
    expect(await faultOf(new PMTiles(new ArchiveSource(URL_, { fetch: fakeFetch({ bytes: empty }) })).getHeader())).toMatchObject({ kind: 'corrupt' });
  });

  it('an archive replaced on the server mid-session is noticed by its ETag', async () => {
    let n = 0;
    const source = new ArchiveSource(URL_, { fetch: fakeFetch({ bytes: archiveBytes(), etag: () => `"v${n++}"` }) });
    const first = await source.getBytes(0, 16384);
    await expect(source.getBytes(20000, 100, undefined, first.etag)).rejects.toBeInstanceOf(EtagMismatch);
    expect(classifyArchiveError(new EtagMismatch('x')).kind).toBe('changed');
  });
});

// MapLibre's worker reads the basemap (src/lib/map/map-worker.ts): the page asks it to open the archive, MapLibre asks
// it for tiles.
describeWithData(ARCHIVE)('the archive reader in the map’s worker', () => {
  const tileUrl = (z: number, x: number, y: number) => `pmtiles://${URL_}/${z}/${x}/${y}`;
  const read = async (reader: ArchiveReader, url: string) => (await reader.tile({ url, type: 'arrayBuffer' }, new AbortController())).data as ArrayBuffer;

  it('opens an archive once, says what it holds, and reads its tiles through that opening', async () => {
    const ranges: string[] = [];
    const reader = new ArchiveReader({ fetch: fakeFetch({ bytes: archiveBytes(), etag: () => '"a"' }, ranges) });
    const opening = await reader.open({ url: URL_, fresh: false });
    if (!opening.ok) throw new Error(opening.fault.detail);
    // The site's archive covers what the style names its tiles with before the header is read.
    expect(opening.range).toEqual(BASEMAP_RANGE);
    expect((opening.metadata.vector_layers as unknown[]).length).toBeGreaterThan(3);
    expect(opening.wholeBytes).toBeNull();
    expect(await reader.open({ url: URL_, fresh: false })).toBe(opening);
    const z = BASEMAP_RANGE.maxzoom;
    expect((await read(reader, tileUrl(z, ...lonLatTile(121.51, 31.3, z)))).byteLength).toBeGreaterThan(0);
    // Outside the archive's zooms there is nothing: an empty tile, not an error.
    expect((await read(reader, tileUrl(z + 2, ...lonLatTile(121.51, 31.3, z + 2)))).byteLength).toBe(0);
    // The header (and the root directory with it) was read once.
    expect(ranges.filter((r) => r.startsWith('bytes=0-'))).toHaveLength(1);
    await expect(reader.tile({ url: `pmtiles://${URL_}`, type: 'json' }, new AbortController())).rejects.toThrow(/not a tile/);
  });

  it('a failed opening carries its fault and its tiles answer empty; a fresh opening reads the archive again', async () => {
    const host: Host = { status: 404 };
    const reader = new ArchiveReader({ fetch: fakeFetch(host) });
    expect(await reader.open({ url: URL_, fresh: false })).toMatchObject({ ok: false, fault: { kind: 'missing' } });
    const z = BASEMAP_RANGE.maxzoom;
    const tile = tileUrl(z, ...lonLatTile(121.51, 31.3, z));
    expect((await read(reader, tile)).byteLength).toBe(0);
    // The host is mended: the failure stays until the page asks again, fresh.
    delete host.status;
    host.bytes = archiveBytes();
    expect(await reader.open({ url: URL_, fresh: false })).toMatchObject({ ok: false });
    expect(await reader.open({ url: URL_, fresh: true })).toMatchObject({ ok: true });
    expect((await read(reader, tile)).byteLength).toBeGreaterThan(0);
  });

  it('a tile asked for before any opening opens the archive itself (a worker the browser restarted)', async () => {
    const reader = new ArchiveReader({ fetch: fakeFetch({ bytes: archiveBytes() }) });
    const z = BASEMAP_RANGE.maxzoom - 1;
    expect((await read(reader, tileUrl(z, ...lonLatTile(121.51, 31.3, z)))).byteLength).toBeGreaterThan(0);
    expect(await reader.open({ url: URL_, fresh: false })).toMatchObject({ ok: true, wholeBytes: null });
  });

  it('a host that ignores Range: the archive is taken whole once, and the opening says so', async () => {
    const ranges: string[] = [];
    const bytes = archiveBytes();
    const reader = new ArchiveReader({ fetch: fakeFetch({ bytes, ignoreRange: true }, ranges) });
    expect(await reader.open({ url: URL_, fresh: false })).toMatchObject({ ok: true, wholeBytes: bytes.byteLength });
    const z = BASEMAP_RANGE.maxzoom;
    expect((await read(reader, tileUrl(z, ...lonLatTile(121.51, 31.3, z)))).byteLength).toBeGreaterThan(0);
    expect(ranges).toHaveLength(1);
  });
});

describe('fault helpers', () => {
  it('any other error while reading the archive counts as a damaged archive; ArchiveFault keeps its fault', () => {
    expect(classifyArchiveError(new RangeError('Offset is outside the bounds of the DataView'))).toMatchObject({ kind: 'corrupt' });
    expect(classifyArchiveError(new ArchiveFault({ kind: 'missing', detail: 'HTTP 404' }))).toEqual({ kind: 'missing', detail: 'HTTP 404' });
    expect(isBlocking({ kind: 'served-whole', bytes: 1, detail: '' })).toBe(false);
    expect(isBlocking(null)).toBe(false);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(659_755)).toBe('644 KB');
    expect(formatBytes(32 * 1024 * 1024)).toBe('32.0 MB');
    expect(formatBytes(10)).toBe('1 KB');
  });

  it('drops the basemap source and only its layers from a style, leaving the input as it was', () => {
    const style = buildStyle({ lang: 'zh', basemapUrl: 'pmtiles://x', planUrl: 'https://site.test/data/plan.geojson' });
    const before = JSON.stringify(style);
    const out = withoutBasemap(style);
    expect(JSON.stringify(style)).toBe(before);
    expect(out.sources.basemap).toBeUndefined();
    expect(out.sources.plan).toBeDefined();
    expect(out.layers.some((l) => 'source' in l && l.source === 'basemap')).toBe(false);
    expect(out.layers.filter((l) => 'source' in l && l.source === 'plan').length).toBe(style.layers.filter((l) => 'source' in l && l.source === 'plan').length);
    expect(out.layers.length).toBeLessThan(style.layers.length);
    expect(out.layers[0]!.id).toBe('background');
  });
});

function lonLatTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}
