import { Compression } from 'pmtiles';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decompress } from '../../src/lib/map/decompress.ts';
import { classifyArchiveError } from '../../src/lib/map/archive-reader.ts';
import { decompressSync } from '../../src/lib/map/no-fflate.ts';

const gzip = async (text: string) => new Response(new Response(text).body!.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
const text = (buf: ArrayBuffer) => new TextDecoder().decode(buf);

describe('unpacking the archive’s directories and tiles', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gunzips with the browser’s DecompressionStream, and passes uncompressed bytes through', async () => {
    expect(text(await decompress(await gzip('瓦片 tile'), Compression.Gzip))).toBe('瓦片 tile');
    const raw = new TextEncoder().encode('as is').buffer;
    expect(await decompress(raw, Compression.None)).toBe(raw);
    expect(await decompress(raw, Compression.Unknown)).toBe(raw);
  });

  it('refuses a compression it cannot read as a damaged archive, naming it', async () => {
    const err = await decompress(new ArrayBuffer(4), Compression.Brotli).catch((e: unknown) => e);
    expect(classifyArchiveError(err)).toEqual({ kind: 'corrupt', detail: expect.stringContaining('Brotli') });
  });

  it('says the browser is why when it has no DecompressionStream (the map goes on without the basemap)', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    const err = await decompress(await gzip('x'), Compression.Gzip).catch((e: unknown) => e);
    expect(classifyArchiveError(err).kind).toBe('browser');
  });

  it('leaves nothing for fflate to do: the alias that replaces it throws, naming the build', () => {
    expect(() => decompressSync()).toThrow(/aliases it away/);
  });
});
