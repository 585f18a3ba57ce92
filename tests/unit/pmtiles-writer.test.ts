import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PMTiles, readVarint, zxyToTileId, type Source } from 'pmtiles';
import { PMTILES_HEADER_BYTES, PMTILES_ROOT_BUDGET_BYTES, writePmtiles, type PmtilesWriteOptions, type TileEntry } from '../../scripts/lib/pmtiles-writer.ts';

let sourceCount = 0;

/** In-memory range reader, so the real `pmtiles` reader checks our bytes. */
function open(archive: Uint8Array): PMTiles {
  const key = `memory-${sourceCount++}`;
  const source: Source = {
    getKey: () => key,
    getBytes: async (offset, length) => ({ data: archive.slice(offset, offset + length).buffer }),
  };
  return new PMTiles(source);
}

async function readTile(p: PMTiles, z: number, x: number, y: number): Promise<Uint8Array | undefined> {
  const r = await p.getZxy(z, x, y);
  return r ? new Uint8Array(r.data) : undefined;
}

interface RawEntry {
  tileId: number;
  runLength: number;
  length: number;
  offset: number;
}

/** Independent decoder of one directory, resolving the "0 = right after the previous entry" offsets. */
function parseDirectory(archive: Uint8Array, offset: number, length: number): RawEntry[] {
  const buf = new Uint8Array(gunzipSync(archive.subarray(offset, offset + length)));
  const p = { buf, pos: 0 };
  const n = readVarint(p);
  const entries: RawEntry[] = [];
  let id = 0;
  for (let i = 0; i < n; i++) {
    id += readVarint(p);
    entries.push({ tileId: id, runLength: 0, length: 0, offset: 0 });
  }
  for (const e of entries) e.runLength = readVarint(p);
  for (const e of entries) e.length = readVarint(p);
  entries.forEach((e, i) => {
    const v = readVarint(p);
    const prev = entries[i - 1];
    e.offset = v === 0 && prev ? prev.offset + prev.length : v - 1;
  });
  expect(p.pos).toBe(buf.length);
  return entries;
}

function u64(archive: Uint8Array, at: number): number {
  return Number(new DataView(archive.buffer, archive.byteOffset).getBigUint64(at, true));
}

/** Small deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function distinctData(z: number, x: number, y: number, extra = 0): Uint8Array {
  return new TextEncoder().encode(`tile ${z}/${x}/${y}${'.'.repeat(extra)}`);
}

const META = { name: 'test', vector_layers: [{ id: 'a', fields: { name: 'String' }, minzoom: 0, maxzoom: 5 }] };
const BASE: PmtilesWriteOptions = { minZoom: 0, maxZoom: 5, bounds: [121.45, 31.24, 121.6, 31.34], metadata: META };

describe('writePmtiles round trip', () => {
  // All of z0–z4 distinct, plus z5 tiles sharing three contents in a non-contiguous pattern.
  const tiles: TileEntry[] = [];
  for (let z = 0; z <= 4; z++) {
    for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) tiles.push({ z, x, y, data: distinctData(z, x, y) });
  }
  const shared = [1, 2, 3].map((k) => new TextEncoder().encode(`shared ${k}`));
  for (let x = 0; x < 32; x += 3) for (let y = 0; y < 32; y += 5) tiles.push({ z: 5, x, y, data: shared[(x + y) % 3]! });
  const shuffled = [...tiles].reverse();
  const archive = writePmtiles(shuffled, { ...BASE, center: [121.5, 31.3, 3] });

  it('reads every tile back byte for byte and misses absent ones', async () => {
    const p = open(archive);
    for (const t of tiles) expect(await readTile(p, t.z, t.x, t.y), `${t.z}/${t.x}/${t.y}`).toEqual(t.data);
    expect(await readTile(p, 5, 1, 0)).toBeUndefined();
    expect(await readTile(p, 6, 0, 0)).toBeUndefined();
  });

  it('fills the header', async () => {
    const h = await open(archive).getHeader();
    const distinct = 341 + 3;
    expect(h.specVersion).toBe(3);
    expect(new TextDecoder().decode(archive.subarray(0, 7))).toBe('PMTiles');
    expect([h.minZoom, h.maxZoom]).toEqual([0, 5]);
    expect(h.minLon).toBeCloseTo(121.45, 7);
    expect(h.minLat).toBeCloseTo(31.24, 7);
    expect(h.maxLon).toBeCloseTo(121.6, 7);
    expect(h.maxLat).toBeCloseTo(31.34, 7);
    expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual([121.5, 31.3, 3]);
    expect(h.tileType).toBe(1);
    expect(h.tileCompression).toBe(2);
    expect(h.internalCompression).toBe(2);
    expect(h.clustered).toBe(true);
    expect(h.numAddressedTiles).toBe(tiles.length);
    expect(h.numTileContents).toBe(distinct);
    // Sections are laid out back to back: header, root, metadata, leaves (none here), tile data.
    expect(h.rootDirectoryOffset).toBe(PMTILES_HEADER_BYTES);
    expect(h.jsonMetadataOffset).toBe(h.rootDirectoryOffset + h.rootDirectoryLength);
    expect(h.leafDirectoryOffset).toBe(h.jsonMetadataOffset + h.jsonMetadataLength);
    expect(h.leafDirectoryLength).toBe(0);
    expect(h.tileDataOffset).toBe(h.leafDirectoryOffset);
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(archive.length);
  });

  it('writes a clustered directory in tile-id order with shared offsets for repeated contents', async () => {
    const h = await open(archive).getHeader();
    const entries = parseDirectory(archive, h.rootDirectoryOffset, h.rootDirectoryLength);
    expect(entries.length).toBe(h.numTileEntries);
    expect(entries.reduce((s, e) => s + e.runLength, 0)).toBe(tiles.length);
    const ids = tiles.map((t) => zxyToTileId(t.z, t.x, t.y)).sort((a, b) => a - b);
    expect(entries[0]!.tileId).toBe(ids[0]);
    let maxEnd = 0;
    const offsets = new Set<number>();
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.tileId).toBeGreaterThan(entries[i - 1]!.tileId);
    for (const e of entries) {
      // Clustered: a new content starts exactly where the previous new one ended; repeats point back.
      if (e.offset >= maxEnd) {
        expect(e.offset).toBe(maxEnd);
        maxEnd = e.offset + e.length;
      }
      offsets.add(e.offset);
    }
    expect(offsets.size).toBe(341 + 3);
    expect(maxEnd).toBe(h.tileDataLength);
  });

  it('stores the metadata as gzipped JSON', async () => {
    expect(await open(archive).getMetadata()).toEqual(META);
  });

  it('is deterministic and defaults the centre to the middle of the bounds at minZoom', async () => {
    const again = writePmtiles(tiles, { ...BASE, center: [121.5, 31.3, 3] });
    expect(Buffer.compare(again, archive)).toBe(0);
    const h = await open(writePmtiles(tiles, BASE)).getHeader();
    expect(h.centerLon).toBeCloseTo(121.525, 7);
    expect(h.centerLat).toBeCloseTo(31.29, 7);
    expect(h.centerZoom).toBe(0);
  });
});

describe('writePmtiles de-duplication', () => {
  it('turns a contiguous block of identical tiles into one run and keeps a distinct tile inside it apart', async () => {
    const same = new TextEncoder().encode('the same ocean tile');
    const odd = { z: 8, x: 5, y: 9 };
    const tiles: TileEntry[] = [];
    // An aligned 16×16 block is one contiguous range of Hilbert tile ids.
    for (let x = 0; x < 16; x++) {
      for (let y = 0; y < 16; y++) {
        const isOdd = x === odd.x && y === odd.y;
        tiles.push({ z: 8, x, y, data: isOdd ? new TextEncoder().encode('land') : same });
      }
    }
    const archive = writePmtiles(tiles, { ...BASE, minZoom: 8, maxZoom: 8 });
    const p = open(archive);
    const h = await p.getHeader();
    const ids = tiles.map((t) => zxyToTileId(t.z, t.x, t.y)).sort((a, b) => a - b);
    expect(ids[255]! - ids[0]!).toBe(255);
    const oddId = zxyToTileId(8, odd.x, odd.y);
    // The odd tile sits strictly inside the run, splitting it in two.
    expect(oddId).toBeGreaterThan(ids[0]!);
    expect(oddId).toBeLessThan(ids[255]!);
    expect(h.numAddressedTiles).toBe(256);
    expect(h.numTileContents).toBe(2);
    expect(h.numTileEntries).toBe(3);
    const entries = parseDirectory(archive, h.rootDirectoryOffset, h.rootDirectoryLength);
    expect(entries.map((e) => e.runLength)).toEqual([oddId - ids[0]!, 1, ids[255]! - oddId]);
    expect(entries[0]!.offset).toBe(entries[2]!.offset);
    expect(entries[1]!.offset).not.toBe(entries[0]!.offset);
    for (const t of tiles) expect(await readTile(p, t.z, t.x, t.y)).toEqual(t.data);
  });

  it('stores one content for an all-identical set', async () => {
    const same = new Uint8Array([1, 2, 3, 4, 5]);
    const tiles: TileEntry[] = [];
    for (let x = 0; x < 64; x++) for (let y = 0; y < 64; y++) tiles.push({ z: 6, x, y, data: same });
    const archive = writePmtiles(tiles, { ...BASE, minZoom: 6, maxZoom: 6 });
    const p = open(archive);
    const h = await p.getHeader();
    expect(h.numTileContents).toBe(1);
    expect(h.numTileEntries).toBe(1);
    expect(h.numAddressedTiles).toBe(4096);
    for (const [x, y] of [
      [0, 0],
      [63, 63],
      [17, 40],
      [40, 17],
      [0, 63],
    ] as const) {
      expect(await readTile(p, 6, x, y)).toEqual(same);
    }
  });

  it('does not merge identical tiles whose ids are not contiguous', async () => {
    const same = new TextEncoder().encode('twin');
    const archive = writePmtiles(
      [
        { z: 3, x: 0, y: 0, data: same },
        { z: 3, x: 7, y: 7, data: same },
      ],
      { ...BASE, minZoom: 3, maxZoom: 3 },
    );
    const h = await open(archive).getHeader();
    expect([h.numAddressedTiles, h.numTileEntries, h.numTileContents]).toEqual([2, 2, 1]);
    const [a, b] = parseDirectory(archive, h.rootDirectoryOffset, h.rootDirectoryLength);
    expect(b!.offset).toBe(a!.offset);
    expect([a!.runLength, b!.runLength]).toEqual([1, 1]);
  });
});

describe('writePmtiles leaf directories', () => {
  // Scattered ids and varied lengths defeat gzip, so ~25k entries overflow a 16 KiB root.
  const next = rng(7);
  const byKey = new Map<string, TileEntry>();
  while (byKey.size < 25_000) {
    const z = 10 + Math.floor(next() * 3);
    const x = Math.floor(next() * 2 ** z);
    const y = Math.floor(next() * 2 ** z);
    byKey.set(`${z}/${x}/${y}`, { z, x, y, data: distinctData(z, x, y, Math.floor(next() * 40)) });
  }
  const tiles = [...byKey.values()].sort((a, b) => zxyToTileId(a.z, a.x, a.y) - zxyToTileId(b.z, b.x, b.y));
  const archive = writePmtiles(tiles, { ...BASE, minZoom: 10, maxZoom: 12 });

  it('moves entries into leaves and keeps the root inside the first 16 KiB', async () => {
    const h = await open(archive).getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryLength).toBeLessThanOrEqual(PMTILES_ROOT_BUDGET_BYTES);
    expect(h.leafDirectoryOffset).toBe(h.jsonMetadataOffset + h.jsonMetadataLength);
    expect(h.tileDataOffset).toBe(h.leafDirectoryOffset + (h.leafDirectoryLength ?? 0));
    expect(h.numAddressedTiles).toBe(tiles.length);
    expect(h.numTileEntries).toBe(tiles.length);
    expect(h.numTileContents).toBe(tiles.length);

    const root = parseDirectory(archive, h.rootDirectoryOffset, h.rootDirectoryLength);
    expect(root.length).toBeGreaterThan(1);
    expect(root.every((e) => e.runLength === 0)).toBe(true);
    let leafEntries = 0;
    let leafBytes = 0;
    for (const r of root) {
      const leaf = parseDirectory(archive, u64(archive, 40) + r.offset, r.length);
      expect(leaf[0]!.tileId).toBe(r.tileId);
      leafEntries += leaf.length;
      leafBytes += r.length;
    }
    expect(leafEntries).toBe(tiles.length);
    expect(leafBytes).toBe(h.leafDirectoryLength);
  });

  it('reads back first, last and a spread of tiles through the leaves', async () => {
    const p = open(archive);
    const sample = tiles.filter((_, i) => i % 97 === 0 || i === tiles.length - 1 || i < 20 || i > tiles.length - 20);
    expect(sample.length).toBeGreaterThan(250);
    for (const t of sample) expect(await readTile(p, t.z, t.x, t.y), `${t.z}/${t.x}/${t.y}`).toEqual(t.data);
    const missing = [...Array(50).keys()].map((i) => ({ z: 11, x: i * 37, y: i * 11 })).filter((t) => !byKey.has(`${t.z}/${t.x}/${t.y}`));
    for (const t of missing) expect(await readTile(p, t.z, t.x, t.y)).toBeUndefined();
  });
});

describe('writePmtiles errors', () => {
  const one = (z: number, x: number, y: number): TileEntry => ({ z, x, y, data: new Uint8Array([z, x, y]) });

  it('rejects a duplicate tile', () => {
    expect(() => writePmtiles([one(2, 1, 1), one(2, 0, 0), one(2, 1, 1)], BASE)).toThrow(/duplicate tile 2\/1\/1/);
  });

  it('rejects zooms outside minZoom..maxZoom', () => {
    expect(() => writePmtiles([one(6, 0, 0)], BASE)).toThrow(/zoom outside 0\.\.5/);
    expect(() => writePmtiles([one(1, 0, 0)], { ...BASE, minZoom: 2 })).toThrow(/zoom outside 2\.\.5/);
  });

  it('rejects x/y outside the zoom grid', () => {
    expect(() => writePmtiles([one(2, 4, 0)], BASE)).toThrow(/x\/y outside 0\.\.3/);
    expect(() => writePmtiles([one(2, 0, -1)], BASE)).toThrow(/x\/y outside/);
  });

  it('rejects metadata without vector_layers, bad bounds and an empty set', () => {
    expect(() => writePmtiles([one(0, 0, 0)], { ...BASE, metadata: { name: 'x' } })).toThrow(/vector_layers/);
    expect(() => writePmtiles([one(0, 0, 0)], { ...BASE, bounds: [121.6, 31.2, 121.4, 31.3] })).toThrow(/bounds/);
    expect(() => writePmtiles([one(0, 0, 0)], { ...BASE, center: [121.5, 31.3, 9] })).toThrow(/center zoom/);
    expect(() => writePmtiles([], BASE)).toThrow(/no tiles/);
  });
});
