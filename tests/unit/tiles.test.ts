import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import { cutVectorTiles, tileRangeForBounds, type CutOptions, type LayerInput } from '../../scripts/lib/tiles.ts';
import { writePmtiles, type TileEntry } from '../../scripts/lib/pmtiles-writer.ts';

const BOUNDS: [number, number, number, number] = [121.45, 31.25, 121.6, 31.35];
const OPTS: CutOptions = { minZoom: 10, maxZoom: 15, bounds: BOUNDS };

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

function makeLayers(): LayerInput[] {
  return [
    {
      id: 'park',
      description: 'Parks',
      features: fc([
        {
          type: 'Feature',
          id: 7,
          properties: { name: '复兴岛公园', area: 12.5, open: true, note: null },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121.53, 31.262],
                [121.54, 31.262],
                [121.54, 31.272],
                [121.53, 31.272],
                [121.53, 31.262],
              ],
            ],
          },
        },
      ]),
    },
    {
      id: 'road',
      features: fc([
        {
          type: 'Feature',
          properties: { name: 'Yangshupu Road', lanes: 4 },
          geometry: {
            type: 'LineString',
            coordinates: [
              [121.5, 31.26],
              [121.52, 31.27],
              [121.55, 31.29],
            ],
          },
        },
      ]),
    },
    {
      id: 'poi',
      minZoom: 12,
      features: fc([
        { type: 'Feature', id: 101, properties: { name: 'Fudan', kind: 'university' }, geometry: { type: 'Point', coordinates: [121.5035, 31.2735] } },
        { type: 'Feature', id: 102, properties: { name: 'Tongji', kind: 'university' }, geometry: { type: 'Point', coordinates: [121.501, 31.265] } },
        { type: 'Feature', id: 'x', properties: { name: 'No id', kind: 'cafe', open: undefined }, geometry: { type: 'Point', coordinates: [121.515, 31.27] } },
      ]),
    },
    {
      id: 'district',
      maxZoom: 11,
      features: fc([{ type: 'Feature', properties: { name: '杨浦区' }, geometry: { type: 'Point', coordinates: [121.526, 31.26] } }]),
    },
    { id: 'nothing', features: fc([]) },
  ];
}

function decode(t: TileEntry): VectorTile {
  return new VectorTile(new PbfReader(t.data));
}

/** The tile at zoom z holding a lon/lat, computed independently of the module under test. */
function tileOf(z: number, [lon, lat]: Position): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat! * Math.PI) / 180;
  return {
    x: Math.floor(((lon! + 180) / 360) * n),
    y: Math.floor(((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2) * n),
  };
}

function features(t: VectorTile, layer: string): VectorTileFeature[] {
  const l = t.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

describe('cutVectorTiles', () => {
  const layers = makeLayers();
  const before = structuredClone(layers);
  const { tiles, vectorLayers } = cutVectorTiles(layers, OPTS);
  const at = (z: number, x: number, y: number) => tiles.find((t) => t.z === z && t.x === x && t.y === y);

  it('leaves its inputs untouched', () => {
    expect(layers).toEqual(before);
  });

  it('puts several named layers in one tile, with ids, properties and positions intact', () => {
    const fudan = layers[2]!.features.features[0]!.geometry as Point;
    const { x, y } = tileOf(15, fudan.coordinates);
    const tile = at(15, x, y);
    expect(tile).toBeDefined();
    const vt = decode(tile!);
    const poi = features(vt, 'poi');
    expect(poi.length).toBe(1);
    expect(poi[0]!.id).toBe(101);
    expect(poi[0]!.properties).toEqual({ name: 'Fudan', kind: 'university' });
    expect(vt.layers.poi!.extent).toBe(4096);
    expect(vt.layers.poi!.version).toBe(2);
    const geo = poi[0]!.toGeoJSON(x, y, 15).geometry as Point;
    expect(geo.coordinates[0]).toBeCloseTo(121.5035, 4);
    expect(geo.coordinates[1]).toBeCloseTo(31.2735, 4);

    // At z12 one tile (lat ≈ 31.20–31.28) covers the park, the road and the POIs together.
    const c = tileOf(12, [121.53, 31.267]);
    const z12 = decode(at(12, c.x, c.y)!);
    expect(Object.keys(z12.layers).sort()).toEqual(['park', 'poi', 'road']);
    const park = features(z12, 'park');
    expect(park.length).toBe(1);
    expect(park[0]!.type).toBe(3);
    expect(park[0]!.id).toBe(7);
    expect(park[0]!.properties).toEqual({ name: '复兴岛公园', area: 12.5, open: true });
    const road = features(z12, 'road');
    expect(road.length).toBe(1);
    expect(road[0]!.type).toBe(2);
    expect(road[0]!.id).toBeUndefined();
    expect(road[0]!.properties).toEqual({ name: 'Yangshupu Road', lanes: 4 });
    const pois = features(z12, 'poi');
    expect(pois.map((f) => f.properties.name).sort()).toEqual(['Fudan', 'No id', 'Tongji']);
    expect(pois.find((f) => f.properties.name === 'No id')!.id).toBeUndefined();
  });

  it('leaves a layer out of tiles outside its zoom range', () => {
    const has = (z: number, layer: string) => tiles.filter((t) => t.z === z).some((t) => layer in decode(t).layers);
    expect([10, 11, 12, 13, 14, 15].map((z) => has(z, 'poi'))).toEqual([false, false, true, true, true, true]);
    expect([10, 11, 12, 13, 14, 15].map((z) => has(z, 'district'))).toEqual([true, true, false, false, false, false]);
    expect([10, 11, 12, 13, 14, 15].map((z) => has(z, 'park'))).toEqual([true, true, true, true, true, true]);
    expect(tiles.some((t) => 'nothing' in decode(t).layers)).toBe(false);
  });

  it('covers the bounds at every zoom and skips tiles with nothing in them', () => {
    expect([...new Set(tiles.map((t) => t.z))].sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14, 15]);
    for (const t of tiles) {
      const r = tileRangeForBounds(t.z, BOUNDS);
      expect(t.x).toBeGreaterThanOrEqual(r.minX);
      expect(t.x).toBeLessThanOrEqual(r.maxX);
      expect(t.y).toBeGreaterThanOrEqual(r.minY);
      expect(t.y).toBeLessThanOrEqual(r.maxY);
      const vt = decode(t);
      expect(Object.keys(vt.layers).length).toBeGreaterThan(0);
      for (const l of Object.values(vt.layers)) expect(l.length).toBeGreaterThan(0);
    }
    const r15 = tileRangeForBounds(15, BOUNDS);
    const positions = (r15.maxX - r15.minX + 1) * (r15.maxY - r15.minY + 1);
    const at15 = tiles.filter((t) => t.z === 15).length;
    expect(positions).toBeGreaterThan(100);
    expect(at15).toBeGreaterThan(5);
    expect(at15).toBeLessThan(positions / 4);
    // The north-east corner is far from every feature.
    const ne = tileOf(15, [121.595, 31.345]);
    expect(at(15, ne.x, ne.y)).toBeUndefined();
    // The single park polygon reaches every zoom.
    const parkTile = tileOf(15, [121.535, 31.267]);
    expect(features(decode(at(15, parkTile.x, parkTile.y)!), 'park').length).toBe(1);
  });

  it('lists the layers present, with typed fields and zoom ranges', () => {
    expect(vectorLayers).toEqual([
      { id: 'park', description: 'Parks', fields: { area: 'Number', name: 'String', open: 'Boolean' }, minzoom: 10, maxzoom: 15 },
      { id: 'road', fields: { lanes: 'Number', name: 'String' }, minzoom: 10, maxzoom: 15 },
      { id: 'poi', fields: { kind: 'String', name: 'String' }, minzoom: 12, maxzoom: 15 },
      { id: 'district', fields: { name: 'String' }, minzoom: 10, maxzoom: 11 },
    ]);
  });

  it('feeds writePmtiles: tiles read back from the archive decode the same', async () => {
    const archive = writePmtiles(tiles, { minZoom: 10, maxZoom: 15, bounds: BOUNDS, metadata: { vector_layers: vectorLayers } });
    const source: Source = {
      getKey: () => 'cut',
      getBytes: async (offset, length) => ({ data: archive.slice(offset, offset + length).buffer }),
    };
    const p = new PMTiles(source);
    const h = await p.getHeader();
    expect(h.numAddressedTiles).toBe(tiles.length);
    for (const t of tiles.filter((_, i) => i % 5 === 0)) {
      const r = await p.getZxy(t.z, t.x, t.y);
      expect(new Uint8Array(r!.data)).toEqual(t.data);
    }
    expect(((await p.getMetadata()) as { vector_layers: unknown }).vector_layers).toEqual(vectorLayers);
  });
});

describe('cutVectorTiles input checks', () => {
  const point = (properties: Record<string, unknown>, id?: number | string): LayerInput => ({
    id: 'p',
    features: fc([{ type: 'Feature', id, properties, geometry: { type: 'Point', coordinates: [121.5, 31.3] } }]),
  });

  it('throws on object, array or non-finite property values', () => {
    expect(() => cutVectorTiles([point({ tags: { a: 1 } })], OPTS)).toThrow(/layer "p" feature #0 property "tags" is a object/);
    expect(() => cutVectorTiles([point({ list: [1, 2] })], OPTS)).toThrow(/property "list" is a array/);
    expect(() => cutVectorTiles([point({ n: Number.NaN })], OPTS)).toThrow(/finite/);
  });

  it('throws on a field with two types in one layer', () => {
    const layer: LayerInput = {
      id: 'mixed',
      features: fc([
        { type: 'Feature', properties: { level: 3 }, geometry: { type: 'Point', coordinates: [121.5, 31.3] } },
        { type: 'Feature', properties: { level: 'A' }, geometry: { type: 'Point', coordinates: [121.51, 31.3] } },
      ]),
    };
    expect(() => cutVectorTiles([layer], OPTS)).toThrow(/feature #1 property "level" is String but earlier features have Number/);
  });

  it('throws on ids MVT cannot hold, duplicate layers and bad zooms', () => {
    expect(() => cutVectorTiles([point({}, -1)], OPTS)).toThrow(/id -1/);
    expect(() => cutVectorTiles([point({}, 1.5)], OPTS)).toThrow(/id 1.5/);
    expect(() => cutVectorTiles([point({}), point({})], OPTS)).toThrow(/duplicate layer id "p"/);
    expect(() => cutVectorTiles([{ ...point({}), minZoom: 16 }], OPTS)).toThrow(/misses 10\.\.15/);
    expect(() => cutVectorTiles([point({})], { ...OPTS, minZoom: 12, maxZoom: 11 })).toThrow(/minZoom/);
  });
});

describe('tileRangeForBounds', () => {
  it('finds the tiles under a box and ignores a neighbour only touched at an edge', () => {
    expect(tileRangeForBounds(0, BOUNDS)).toEqual({ minX: 0, maxX: 0, minY: 0, maxY: 0 });
    expect(tileRangeForBounds(2, [0, 0, 90, 45])).toEqual({ minX: 2, maxX: 2, minY: 1, maxY: 1 });
    const sw = tileOf(14, [BOUNDS[0], BOUNDS[1]]);
    const ne = tileOf(14, [BOUNDS[2], BOUNDS[3]]);
    expect(tileRangeForBounds(14, BOUNDS)).toEqual({ minX: sw.x, maxX: ne.x, minY: ne.y, maxY: sw.y });
  });
});
