import { EtagMismatch, type RangeResponse, type Source } from 'pmtiles';
import { ArchiveFault } from './faults.ts';

/** Options of {@link ArchiveSource}. */
export interface ArchiveSourceOptions {
  /**
   * The largest archive taken whole from a host that ignores Range requests (default 32 MiB). The site's basemap is
   * well under 1 MB: one full download costs less than no map. A larger archive (a city or a country) is refused
   * rather than downloaded for minutes and held in memory.
   */
  maxWholeBytes?: number;
  /** The fetch to use (tests pass their own); the global one when absent. */
  fetch?: typeof fetch;
}

export const DEFAULT_MAX_WHOLE_BYTES = 32 * 1024 * 1024;

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

const declaredLength = (resp: Response): number | null => {
  const v = resp.headers.get('content-length');
  return v !== null && /^\d+$/.test(v.trim()) ? Number(v) : null;
};

// Reads a body unless it grows past `max` bytes; then stops the download and answers null.
async function readCapped(resp: Response, max: number): Promise<ArrayBuffer | null> {
  if (!resp.body) {
    const all = await resp.arrayBuffer();
    return all.byteLength > max ? null : all;
  }
  const reader = resp.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

/**
 * A PMTiles source over HTTP Range requests that says why it failed: a missing archive, a refusing host, a dropped
 * network and a host that ignores Range requests each throw an {@link ArchiveFault}. When the host ignores Range
 * and sends the whole archive (200), an archive up to `maxWholeBytes` is kept and every later read is served from
 * it; {@link wholeBytes} then tells the page so it can say the host is misconfigured.
 */
export class ArchiveSource implements Source {
  readonly url: string;
  /** Size of the archive when it came whole from a host that ignored the Range header; null otherwise. */
  wholeBytes: number | null = null;
  private whole: ArrayBuffer | null = null;
  private readonly maxWholeBytes: number;
  private readonly fetchFn: typeof fetch;
  // After the archive changed on the server, the browser's cached parts are stale: go to the server.
  private mustReload = false;
  /** Reads sent and not yet answered (or failed): while the first view is slow, they say the network is why. */
  pending = 0;

  constructor(url: string, options: ArchiveSourceOptions = {}) {
    this.url = url;
    this.maxWholeBytes = options.maxWholeBytes ?? DEFAULT_MAX_WHOLE_BYTES;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    if (this.whole) return { data: this.whole.slice(offset, offset + length) };
    this.pending += 1;
    try {
      return await this.read(offset, length, signal, etag);
    } finally {
      this.pending -= 1;
    }
  }

  private async read(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    let resp = await this.request(`bytes=${offset}-${offset + length - 1}`, signal);
    // Some hosts refuse a range running past the end of a file shorter than the first read; ask for what exists.
    if (resp.status === 416 && offset === 0) {
      const size = /^bytes \*\/(\d+)$/.exec(resp.headers.get('content-range') ?? '')?.[1];
      if (size && Number(size) > 0) resp = await this.request(`bytes=0-${Number(size) - 1}`, signal);
    }
    if (resp.status === 404 || resp.status === 410) throw new ArchiveFault({ kind: 'missing', detail: `HTTP ${resp.status} ${this.url}` });
    if (resp.status === 416) throw new ArchiveFault({ kind: 'corrupt', detail: `HTTP 416: bytes ${offset}+${length} lie past the end of the archive` });
    if (resp.status < 200 || resp.status >= 300) throw new ArchiveFault({ kind: 'http', status: resp.status, detail: `HTTP ${resp.status} ${this.url}` });
    if (resp.status === 200) return this.takeWhole(resp, offset, length);

    let newEtag = resp.headers.get('etag');
    if (newEtag?.startsWith('W/')) newEtag = null; // a weak tag says nothing about the bytes
    if (etag && newEtag && newEtag !== etag) {
      this.mustReload = true;
      // PMTiles drops its cached directories and retries once on this error.
      throw new EtagMismatch(`the archive changed on the server (ETag ${etag} → ${newEtag})`);
    }
    const data = await this.body(() => resp.arrayBuffer());
    return {
      data,
      etag: newEtag ?? undefined,
      cacheControl: resp.headers.get('cache-control') ?? undefined,
      expires: resp.headers.get('expires') ?? undefined,
    };
  }

  private async request(range: string, signal?: AbortSignal): Promise<Response> {
    try {
      return await this.fetchFn(this.url, { signal, headers: { range }, ...(this.mustReload ? { cache: 'reload' as const } : {}) });
    } catch (e) {
      if (isAbort(e)) throw e;
      throw new ArchiveFault({ kind: 'network', detail: e instanceof Error ? e.message : String(e) });
    }
  }

  private async body<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (e) {
      if (isAbort(e)) throw e;
      throw new ArchiveFault({ kind: 'network', detail: e instanceof Error ? e.message : String(e) });
    }
  }

  // A 200 is the whole file. A file no longer than the first read is simply small; a longer one means the host
  // ignores Range: keep it if it is small enough, else stop the download and say why.
  private async takeWhole(resp: Response, offset: number, length: number): Promise<RangeResponse> {
    const declared = declaredLength(resp);
    const limit = this.maxWholeBytes;
    const refuse = (bytes: number | null) =>
      new ArchiveFault({ kind: 'no-range', bytes, limit, detail: `HTTP 200 instead of 206 for a Range request${bytes === null ? '' : ` (${bytes} bytes)`}` });
    if (declared !== null && declared > limit) {
      await resp.body?.cancel();
      throw refuse(declared);
    }
    const data = await this.body(() => readCapped(resp, limit));
    if (!data) throw refuse(declared);
    this.whole = data;
    if (!(offset === 0 && data.byteLength <= length)) this.wholeBytes = data.byteLength;
    return { data: data.slice(offset, offset + length) };
  }
}
