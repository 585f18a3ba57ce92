/**
 * The basemap section of `npm run bench`: the archive's size and its largest tiles, found by walking every directory
 * of public/tiles/basemap.pmtiles with the `pmtiles` package (sizes as stored, i.e. gzip'd).
 */
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Compression, PMTiles, tileIdToZxy, type Entry, type Header, type Source } from 'pmtiles';
import type { BenchSection } from './table.ts';

/** An archive on disk as a pmtiles Source. */
class BufferSource implements Source {
  constructor(
    private readonly buf: Buffer,
    private readonly key: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number) {
    const slice = this.buf.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) as ArrayBuffer };
  }
}

export interface TileStat {
  z: number;
  x: number;
  y: number;
  /** Bytes as stored in the archive. */
  stored: number;
  /** Bytes once the tile compression is undone. */
  raw: number;
}

export interface ArchiveStats {
  header: Header;
  archiveBytes: number;
  /** Distinct tile contents (deduplicated runs count once) and addressed tiles. */
  contents: number;
  addressed: number;
  largest: TileStat[];
  /** Largest stored tile per zoom. */
  perZoom: Map<number, { count: number; max: number; total: number }>;
}

/** Walks the root and every leaf directory of the archive at `path`. */
export async function archiveStats(path: string, top = 5): Promise<ArchiveStats> {
  const buf = readFileSync(path);
  const source = new BufferSource(buf, path);
  const archive = new PMTiles(source);
  const header = await archive.getHeader();
  const entries: Entry[] = [];
  const walk = async (offset: number, length: number): Promise<void> => {
    for (const e of await archive.cache.getDirectory(source, offset, length, header)) {
      // A run length of 0 points at a leaf directory.
      if (e.runLength === 0) await walk(header.leafDirectoryOffset + e.offset, e.length);
      else entries.push(e);
    }
  };
  await walk(header.rootDirectoryOffset, header.rootDirectoryLength);
  const contents = new Map<number, Entry>();
  const perZoom = new Map<number, { count: number; max: number; total: number }>();
  let addressed = 0;
  for (const e of entries) {
    contents.set(e.offset, e);
    addressed += e.runLength;
    const [z] = tileIdToZxy(e.tileId);
    const s = perZoom.get(z) ?? { count: 0, max: 0, total: 0 };
    s.count += e.runLength;
    s.max = Math.max(s.max, e.length);
    s.total += e.length * e.runLength;
    perZoom.set(z, s);
  }
  const largest = [...contents.values()]
    .sort((a, b) => b.length - a.length)
    .slice(0, top)
    .map((e) => {
      const [z, x, y] = tileIdToZxy(e.tileId);
      const stored = buf.subarray(header.tileDataOffset + e.offset, header.tileDataOffset + e.offset + e.length);
      const raw = header.tileCompression === Compression.Gzip ? gunzipSync(stored).length : stored.length;
      return { z, x, y, stored: e.length, raw };
    });
  return { header, archiveBytes: statSync(path).size, contents: contents.size, addressed, largest, perZoom };
}

/** The archive's JSON metadata (the app reads `vector_layers` from it, the baseline page `focus_bounds`). */
export async function archiveMetadata(path: string): Promise<Record<string, unknown>> {
  return (await new PMTiles(new BufferSource(readFileSync(path), path)).getMetadata()) as Record<string, unknown>;
}

const kb = (b: number) => (b / 1024).toFixed(1);

export async function tilesSection(path: string): Promise<{ section: BenchSection; largest: number; archiveBytes: number }> {
  const s = await archiveStats(path);
  const compression = Compression[s.header.tileCompression] ?? String(s.header.tileCompression);
  const section: BenchSection = {
    title: '4. Basemap archive',
    notes: [
      `${path.replace(/^.*\/public\//, 'public/')}: every directory walked with the pmtiles package; tile sizes as stored (${compression}).`,
      `Zoom ${s.header.minZoom}–${s.header.maxZoom}, ${s.addressed.toLocaleString('en')} addressed tiles, ${s.contents.toLocaleString('en')} distinct contents.`,
    ],
    tables: [
      {
        columns: ['archive', 'KB', 'aim'],
        rows: [
          ['basemap.pmtiles', kb(s.archiveBytes), ''],
          ['largest tile (stored)', kb(s.largest[0]?.stored ?? 0), '≤ 200 KB'],
        ],
      },
      {
        caption: 'Largest tiles:',
        columns: ['z/x/y', 'stored KB', 'decompressed KB'],
        rows: s.largest.map((t) => [`${t.z}/${t.x}/${t.y}`, kb(t.stored), kb(t.raw)]),
      },
      {
        caption: 'Per zoom:',
        columns: ['zoom', 'tiles', 'largest KB', 'total KB'],
        rows: [...s.perZoom].sort((a, b) => a[0] - b[0]).map(([z, v]) => [String(z), String(v.count), kb(v.max), kb(v.total)]),
      },
    ],
  };
  return { section, largest: s.largest[0]?.stored ?? 0, archiveBytes: s.archiveBytes };
}
