import { createHash } from 'node:crypto';
import { constants, gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** One tile to store. `data` is the UNcompressed MVT; the writer gzips it. */
export interface TileEntry {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

/** Archive-wide settings written into the PMTiles header and metadata. */
export interface PmtilesWriteOptions {
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north in WGS-84 degrees. */
  bounds: [number, number, number, number];
  /** Longitude, latitude, integer zoom. Defaults to the centre of `bounds` at `minZoom`. */
  center?: [number, number, number];
  /** TileJSON-style metadata; must contain a `vector_layers` array. Stored as gzipped JSON. */
  metadata: Record<string, unknown>;
}

/** Size of a PMTiles v3 header in bytes. */
export const PMTILES_HEADER_BYTES = 127;
/** Readers fetch the first 16 KiB in one request and expect header + root directory inside it. */
export const PMTILES_ROOT_BUDGET_BYTES = 16384 - PMTILES_HEADER_BYTES;

// zxyToTileId refuses deeper zooms: tile ids must stay below 2^53.
const MAX_ZOOM = 26;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

interface DirEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/**
 * Writes a PMTiles v3 archive (gzip internal and tile compression, MVT tiles, clustered).
 * Identical tile contents are stored once; contiguous runs of identical tiles become one entry.
 * Leaf directories are used only when the root directory would not fit in the first 16 KiB.
 * Throws on duplicate z/x/y, zooms outside `minZoom..maxZoom`, x/y outside the zoom's grid,
 * bad bounds/center, an empty tile set, or metadata without a `vector_layers` array.
 * Output is deterministic: the same tiles and options give the same bytes.
 */
export function writePmtiles(tiles: Iterable<TileEntry>, opts: PmtilesWriteOptions): Uint8Array {
  const { minZoom, maxZoom } = opts;
  checkZoom(minZoom, 'minZoom');
  checkZoom(maxZoom, 'maxZoom');
  if (minZoom > maxZoom) throw new Error(`PMTiles: minZoom ${minZoom} is greater than maxZoom ${maxZoom}`);
  const [west, south, east, north] = checkBounds(opts.bounds);
  const center = opts.center ?? [(west + east) / 2, (south + north) / 2, minZoom];
  checkCenter(center, minZoom, maxZoom);
  const metadataBytes = encodeMetadata(opts.metadata);

  const sorted = collectSorted(tiles, minZoom, maxZoom);
  if (sorted.length === 0) throw new Error('PMTiles: no tiles to write');

  const { entries, chunks, dataLength, contents } = packTileData(sorted);
  const { root, leaves } = buildDirectories(entries);

  const rootOffset = PMTILES_HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadataBytes.length;
  const dataOffset = leafOffset + leaves.length;
  const total = dataOffset + dataLength;

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  setU64(view, 8, rootOffset);
  setU64(view, 16, root.length);
  setU64(view, 24, metadataOffset);
  setU64(view, 32, metadataBytes.length);
  setU64(view, 40, leafOffset);
  setU64(view, 48, leaves.length);
  setU64(view, 56, dataOffset);
  setU64(view, 64, dataLength);
  setU64(view, 72, sorted.length);
  setU64(view, 80, entries.length);
  setU64(view, 88, contents);
  view.setUint8(96, 1);
  view.setUint8(97, COMPRESSION_GZIP);
  view.setUint8(98, COMPRESSION_GZIP);
  view.setUint8(99, TILE_TYPE_MVT);
  view.setUint8(100, minZoom);
  view.setUint8(101, maxZoom);
  view.setInt32(102, e7(west), true);
  view.setInt32(106, e7(south), true);
  view.setInt32(110, e7(east), true);
  view.setInt32(114, e7(north), true);
  view.setUint8(118, center[2]);
  view.setInt32(119, e7(center[0]), true);
  view.setInt32(123, e7(center[1]), true);

  out.set(root, rootOffset);
  out.set(metadataBytes, metadataOffset);
  out.set(leaves, leafOffset);
  let pos = dataOffset;
  for (const chunk of chunks) {
    out.set(chunk, pos);
    pos += chunk.length;
  }
  return out;
}

function checkZoom(z: number, name: string): void {
  if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) {
    throw new Error(`PMTiles: ${name} must be an integer from 0 to ${MAX_ZOOM}, got ${z}`);
  }
}

function checkBounds(b: readonly number[]): [number, number, number, number] {
  const [w, s, e, n] = b;
  if (b.length !== 4 || w === undefined || s === undefined || e === undefined || n === undefined || !b.every(Number.isFinite)) {
    throw new Error(`PMTiles: bounds must be four finite numbers [w, s, e, n], got ${JSON.stringify(b)}`);
  }
  // The pmtiles protocol rejects archives whose bounds are empty or inverted.
  if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) {
    throw new Error(`PMTiles: bounds ${JSON.stringify(b)} are not a valid w < e, s < n box in degrees`);
  }
  return [w, s, e, n];
}

function checkCenter(c: readonly number[], minZoom: number, maxZoom: number): void {
  const [lon, lat, z] = c;
  if (c.length !== 3 || lon === undefined || lat === undefined || z === undefined || !c.every(Number.isFinite)) {
    throw new Error(`PMTiles: center must be [lon, lat, zoom], got ${JSON.stringify(c)}`);
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw new Error(`PMTiles: center ${JSON.stringify(c)} is not in degrees`);
  // The header stores the centre zoom as one unsigned byte.
  if (!Number.isInteger(z) || z < minZoom || z > maxZoom) {
    throw new Error(`PMTiles: center zoom must be an integer from ${minZoom} to ${maxZoom}, got ${z}`);
  }
}

function encodeMetadata(metadata: Record<string, unknown>): Uint8Array {
  const layers = metadata?.vector_layers;
  if (!Array.isArray(layers)) throw new Error('PMTiles: metadata must contain a vector_layers array');
  for (const l of layers as unknown[]) {
    if (typeof l !== 'object' || l === null || typeof (l as { id?: unknown }).id !== 'string') {
      throw new Error(`PMTiles: every vector_layers item needs a string id, got ${JSON.stringify(l)}`);
    }
  }
  return gzip(new TextEncoder().encode(JSON.stringify(metadata)));
}

interface SortedTile {
  id: number;
  tile: TileEntry;
}

function collectSorted(tiles: Iterable<TileEntry>, minZoom: number, maxZoom: number): SortedTile[] {
  const out: SortedTile[] = [];
  for (const tile of tiles) {
    const { z, x, y } = tile;
    const where = `tile ${z}/${x}/${y}`;
    if (!Number.isInteger(z) || z < minZoom || z > maxZoom) {
      throw new Error(`PMTiles: ${where} has zoom outside ${minZoom}..${maxZoom}`);
    }
    const size = 2 ** z;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= size || y >= size) {
      throw new Error(`PMTiles: ${where} has x/y outside 0..${size - 1}`);
    }
    if (!(tile.data instanceof Uint8Array)) throw new Error(`PMTiles: ${where} has no Uint8Array data`);
    out.push({ id: zxyToTileId(z, x, y), tile });
  }
  out.sort((a, b) => a.id - b.id);
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.id === out[i - 1]!.id) {
      const { z, x, y } = out[i]!.tile;
      throw new Error(`PMTiles: duplicate tile ${z}/${x}/${y}`);
    }
  }
  return out;
}

function packTileData(sorted: SortedTile[]): { entries: DirEntry[]; chunks: Uint8Array[]; dataLength: number; contents: number } {
  const entries: DirEntry[] = [];
  const chunks: Uint8Array[] = [];
  const byHash = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  for (const { id, tile } of sorted) {
    // Hashing the uncompressed bytes lets repeated tiles skip gzip entirely.
    const hash = createHash('sha256').update(tile.data).digest('base64');
    let stored = byHash.get(hash);
    if (!stored) {
      const compressed = gzip(tile.data);
      stored = { offset: dataLength, length: compressed.length };
      byHash.set(hash, stored);
      chunks.push(compressed);
      dataLength += compressed.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === stored.offset && last.tileId + last.runLength === id) {
      last.runLength++;
    } else {
      entries.push({ tileId: id, offset: stored.offset, length: stored.length, runLength: 1 });
    }
  }
  return { entries, chunks, dataLength, contents: byHash.size };
}

function buildDirectories(entries: DirEntry[]): { root: Uint8Array; leaves: Uint8Array } {
  const root = gzip(serializeDirectory(entries));
  if (root.length <= PMTILES_ROOT_BUDGET_BYTES) return { root, leaves: new Uint8Array(0) };
  // Same strategy as go-pmtiles: start at 4096 entries per leaf and grow until the root fits.
  let leafSize = 4096;
  for (;;) {
    const built = buildRootAndLeaves(entries, leafSize);
    if (built.root.length <= PMTILES_ROOT_BUDGET_BYTES) return built;
    leafSize = Math.ceil(leafSize * 1.2);
  }
}

function buildRootAndLeaves(entries: DirEntry[], leafSize: number): { root: Uint8Array; leaves: Uint8Array } {
  const rootEntries: DirEntry[] = [];
  const leafChunks: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < entries.length; i += leafSize) {
    const slice = entries.slice(i, i + leafSize);
    const leaf = gzip(serializeDirectory(slice));
    // run_length 0 marks a pointer to a leaf directory rather than a tile.
    rootEntries.push({ tileId: slice[0]!.tileId, offset, length: leaf.length, runLength: 0 });
    leafChunks.push(leaf);
    offset += leaf.length;
  }
  return { root: gzip(serializeDirectory(rootEntries)), leaves: concat(leafChunks, offset) };
}

function serializeDirectory(entries: DirEntry[]): Uint8Array {
  const out = new VarintWriter(entries.length * 8 + 8);
  out.write(entries.length);
  let lastId = 0;
  for (const e of entries) {
    out.write(e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) out.write(e.runLength);
  for (const e of entries) out.write(e.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const prev = entries[i - 1];
    // 0 means "right after the previous entry", so every stored value is shifted by one.
    out.write(prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  }
  return out.finish();
}

class VarintWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }

  write(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`PMTiles: cannot encode ${value} as a varint`);
    if (this.pos + 10 > this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2 + 10);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    // Division, not bit shifts: values may exceed 32 bits.
    let v = value;
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

function gzip(data: Uint8Array): Uint8Array {
  // Node's gzip header has mtime 0, so equal input gives equal bytes.
  return new Uint8Array(gzipSync(data, { level: constants.Z_BEST_COMPRESSION }));
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

function setU64(view: DataView, at: number, value: number): void {
  view.setBigUint64(at, BigInt(value), true);
}

function e7(deg: number): number {
  return Math.round(deg * 1e7);
}
