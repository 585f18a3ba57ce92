import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, Geometry, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osmiumAvailable, readOsmExtracts, type ExtractLayers } from '../../scripts/lib/osm-extract.ts';
import { itWithData, sharedPath } from '../support/shared.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/osm');
const WEST = join(FIXTURES, 'mini-campus.osm');
const EAST = join(FIXTURES, 'mini-campus-east.osm');
const REAL_DIR = sharedPath('data/osm/extracts');

type LayerName = keyof ExtractLayers;
const LAYERS: LayerName[] = ['roads', 'water', 'green', 'buildings', 'campuses', 'coverage'];
const ALLOWED_PROPS: Record<LayerName, string[]> = {
  roads: ['osm_id', 'class', 'name', 'name_en', 'bridge', 'tunnel'],
  water: ['osm_id', 'kind', 'name', 'name_en'],
  green: ['osm_id', 'kind', 'name', 'name_en'],
  buildings: ['osm_id', 'name', 'height'],
  campuses: ['osm_id', 'name', 'name_en'],
  coverage: ['file', 'source'],
};

function find(layers: ExtractLayers, layer: Exclude<LayerName, 'coverage'>, osmId: string): Feature<Geometry> & { properties: Record<string, unknown> } {
  const hits = (layers[layer].features as Feature<Geometry, { osm_id: string }>[]).filter((f) => f.properties.osm_id === osmId);
  expect(hits, `${osmId} in ${layer}`).toHaveLength(1);
  return hits[0] as Feature<Geometry> & { properties: Record<string, unknown> };
}

/** Which layers hold this OSM id. */
function layersOf(layers: ExtractLayers, osmId: string): string[] {
  return LAYERS.filter((l) => {
    const features: Feature[] = layers[l].features;
    return features.some((f) => f.properties?.osm_id === osmId);
  });
}

function lineCoords(g: Geometry): Position[] {
  if (g.type !== 'LineString') throw new Error(`expected a LineString, got ${g.type}`);
  return g.coordinates;
}

function bboxRing(w: number, s: number, e: number, n: number): Position[][] {
  return [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ];
}

let tmp: string;
let west: ExtractLayers;
let merged: ExtractLayers;
let mergedReversed: ExtractLayers;
let fromPbf: ExtractLayers;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'osm-extract-test-'));
  west = await readOsmExtracts([WEST]);
  merged = await readOsmExtracts([WEST, EAST]);
  mergedReversed = await readOsmExtracts([EAST, WEST]);
  const westPbf = join(tmp, 'mini-campus.osm.pbf');
  const eastPbf = join(tmp, 'mini-campus-east.osm.pbf');
  execFileSync('osmium', ['cat', WEST, '-o', westPbf]);
  execFileSync('osmium', ['cat', EAST, '-o', eastPbf]);
  fromPbf = await readOsmExtracts([westPbf, eastPbf]);
}, 20_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('osm-extract on the hand-written fixture', () => {
  it('finds osmium-tool', () => {
    expect(osmiumAvailable()).toBe(true);
  });

  it('keeps highway lines as roads with normalised class, names and bridge/tunnel flags only', () => {
    const primary = find(west, 'roads', 'w110');
    expect(primary.geometry.type).toBe('LineString');
    // oneway, maxspeed, surface, layer are dropped
    expect(primary.properties).toEqual({ osm_id: 'w110', class: 'primary', name: '示例路', name_en: 'Example Road', bridge: true });
    expect(find(west, 'roads', 'w111').properties).toEqual({ osm_id: 'w111', class: 'motorway', name: '示例匝道', tunnel: true });
    expect(find(west, 'roads', 'w112').properties).toEqual({ osm_id: 'w112', class: 'path' });
    expect(find(west, 'roads', 'w116').properties).toEqual({ osm_id: 'w116', class: 'service' }); // bridge=no
  });

  it('follows osmium area rules: a closed roundabout is a road, a highway area and a proposed road are not', () => {
    const roundabout = lineCoords(find(west, 'roads', 'w113').geometry);
    expect(roundabout).toHaveLength(5);
    expect(roundabout[0]).toEqual(roundabout[4]);
    expect(layersOf(west, 'w114')).toEqual([]); // highway=pedestrian + area=yes
    expect(layersOf(west, 'w115')).toEqual([]); // highway=proposed
    expect(west.roads.features.map((f) => f.properties.osm_id)).toEqual(['w110', 'w111', 'w112', 'w113', 'w116']);
  });

  it('assembles the campus multipolygon relation with its hole', () => {
    const campus = find(west, 'campuses', 'r201');
    expect(campus.properties).toEqual({ osm_id: 'r201', name: '示例大学', name_en: 'Example University' });
    expect(campus.geometry.type).toBe('Polygon');
    if (campus.geometry.type !== 'Polygon') return;
    expect(campus.geometry.coordinates).toHaveLength(2); // outer + inner ring
    const inner = campus.geometry.coordinates[1] ?? [];
    expect(new Set(inner.map((p) => p.join(',')))).toEqual(new Set(['121.504,31.204', '121.506,31.204', '121.506,31.206', '121.504,31.206']));
    const poly = campus as Feature<typeof campus.geometry>;
    expect(booleanPointInPolygon([121.502, 31.202], poly)).toBe(true);
    expect(booleanPointInPolygon([121.505, 31.205], poly)).toBe(false); // in the hole
    // the member ways are untagged: they appear nowhere on their own
    for (const id of ['w101', 'w102', 'w103']) expect(layersOf(west, id)).toEqual([]);
  });

  it('puts buildings in buildings with height from height or building:levels × 3.2', () => {
    const b1 = find(west, 'buildings', 'w120');
    expect(b1.geometry.type).toBe('Polygon');
    expect(b1.properties).toEqual({ osm_id: 'w120', name: '一号楼', height: 16 });
    expect(find(west, 'buildings', 'w121').properties).toEqual({ osm_id: 'w121', name: '图书馆', height: 24 }); // "24 m" beats 6 levels
    expect(find(west, 'buildings', 'w122').properties).toEqual({ osm_id: 'w122' });
  });

  it('keeps a small building tagged amenity=university a building, not a campus', () => {
    expect(layersOf(west, 'w123')).toEqual(['buildings']);
    expect(find(west, 'buildings', 'w123').properties).toEqual({ osm_id: 'w123', name: '示例学院楼' });
  });

  it('sorts green areas and water', () => {
    const park = find(west, 'green', 'w130');
    expect(park.geometry.type).toBe('Polygon');
    expect(park.properties).toEqual({ osm_id: 'w130', kind: 'park', name: '示例公园', name_en: 'Example Park' });
    expect(find(west, 'green', 'w131').properties).toEqual({ osm_id: 'w131', kind: 'grass' });
    expect(find(west, 'green', 'w132').properties).toEqual({ osm_id: 'w132', kind: 'pitch' });

    const river = find(west, 'water', 'w140');
    expect(river.geometry.type).toBe('LineString');
    expect(river.properties).toEqual({ osm_id: 'w140', kind: 'river', name: '示例河', name_en: 'Example River' });
    expect(find(west, 'water', 'w141').properties).toEqual({ osm_id: 'w141', kind: 'stream' });
    const pond = find(west, 'water', 'w142');
    expect(pond.geometry.type).toBe('Polygon');
    expect(pond.properties).toEqual({ osm_id: 'w142', kind: 'water', name: '镜湖' });
  });

  it('leaves out everything else and never copies other tags', () => {
    expect(layersOf(west, 'w150')).toEqual([]); // barrier=fence
    expect(layersOf(west, 'n73')).toEqual([]); // a café node
    const counts = LAYERS.map((l) => west[l].features.length);
    expect(counts).toEqual([5, 3, 3, 4, 1, 1]);
    for (const l of LAYERS) {
      for (const f of west[l].features) {
        for (const key of Object.keys(f.properties ?? {})) expect(ALLOWED_PROPS[l], `${l}.${key}`).toContain(key);
      }
    }
  });

  it("gives one coverage polygon equal to the file's <bounds>", () => {
    expect(west.coverage.features).toHaveLength(1);
    const cov = west.coverage.features[0];
    expect(cov?.properties).toEqual({ file: 'mini-campus.osm', source: 'OpenStreetMap' });
    expect(cov?.geometry).toEqual({ type: 'Polygon', coordinates: bboxRing(121.5, 31.2, 121.51, 31.21) });
  });
});

describe('merging several files', () => {
  it('keeps a shared way once, taking the complete copy, whatever the file order', () => {
    for (const layers of [merged, mergedReversed]) {
      const road = find(layers, 'roads', 'w110');
      const coords = lineCoords(road.geometry);
      expect(coords).toHaveLength(5); // the west file holds only 3 of its nodes
      expect(coords[4]).toEqual([121.515, 31.2052]);
    }
    expect(mergedReversed.roads).toEqual(merged.roads);
  });

  it('unites both files without duplicates', () => {
    for (const l of LAYERS) {
      if (l === 'coverage') continue;
      const ids = (merged[l].features as Feature<Geometry, { osm_id: string }>[]).map((f) => f.properties.osm_id);
      expect(new Set(ids).size, l).toBe(ids.length);
    }
    expect(find(merged, 'buildings', 'w160').properties).toEqual({ osm_id: 'w160', height: 6.4 }); // east only
    expect(merged.buildings.features).toHaveLength(5);
    expect(merged.campuses.features.map((f) => f.properties.osm_id).sort()).toEqual(['r201', 'w170']);
  });

  it('takes a campus-sized way tagged building + amenity=university as a campus only', () => {
    expect(layersOf(merged, 'w170')).toEqual(['campuses']);
    expect(find(merged, 'campuses', 'w170').properties).toEqual({ osm_id: 'w170', name: '东区校园', name_en: 'East Campus' });
  });

  it('gives one coverage polygon per file', () => {
    expect(merged.coverage.features.map((f) => f.properties.file)).toEqual(['mini-campus.osm', 'mini-campus-east.osm']);
    expect(merged.coverage.features[1]?.geometry.coordinates).toEqual(bboxRing(121.508, 31.2, 121.516, 31.21));
  });
});

describe('PBF input and clipping', () => {
  it('reads .osm.pbf to the same layers as OSM XML', () => {
    for (const l of LAYERS) {
      if (l === 'coverage') continue;
      expect(fromPbf[l], l).toEqual(merged[l]);
    }
    expect(fromPbf.coverage.features.map((f) => f.geometry)).toEqual(merged.coverage.features.map((f) => f.geometry));
    expect(fromPbf.coverage.features.map((f) => f.properties.file)).toEqual(['mini-campus.osm.pbf', 'mini-campus-east.osm.pbf']);
  });

  it('cuts a file to clipBbox before export and clips its coverage', async () => {
    const clipped = await readOsmExtracts([WEST], { clipBbox: [121.5, 31.2, 121.5036, 31.2038] });
    expect(clipped.buildings.features.map((f) => f.properties.osm_id)).toEqual(['w120']);
    expect(clipped.roads.features.map((f) => f.properties.osm_id)).toEqual(['w111', 'w113']);
    expect(clipped.campuses.features).toHaveLength(0); // its member ways reach outside: osmium cannot assemble it
    expect(clipped.coverage.features[0]?.geometry.coordinates).toEqual(bboxRing(121.5, 31.2, 121.5036, 31.2038));
  });
});

describe('errors', () => {
  it('rejects a missing file, naming it', async () => {
    const missing = join(tmp, 'no-such-extract.osm');
    await expect(readOsmExtracts([WEST, missing])).rejects.toThrow(missing);
  });

  it('rejects a file that is not OSM data with a clear message', async () => {
    const file = join(tmp, 'not-osm.osm');
    writeFileSync(file, '{"type":"FeatureCollection","features":[]}\n');
    await expect(readOsmExtracts([file])).rejects.toThrow(`${file} is not OpenStreetMap data`);
  });

  it("rejects broken OSM XML with osmium's stderr and the file", async () => {
    const file = join(tmp, 'broken.osm');
    writeFileSync(file, '<?xml version="1.0"?>\n<osm version="0.6">\n <node id="1" lat="31.2" lon=\n');
    const err: unknown = await readOsmExtracts([file]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(`failed on ${file}`);
    expect((err as Error).message).toMatch(/XML parsing error/);
  });
});

describe('real extracts in shared/data/osm/extracts', () => {
  itWithData(REAL_DIR)(
    'reads the Tongji and Fudan exports',
    async () => {
      const files = readdirSync(REAL_DIR)
        .filter((f) => f.endsWith('.osm') || f.endsWith('.osm.pbf'))
        .map((f) => join(REAL_DIR, f));
      expect(files.length).toBeGreaterThanOrEqual(2);
      const layers = await readOsmExtracts(files);
      const tongji = layers.campuses.features.filter((f) => f.properties.name === '同济大学');
      expect(tongji).toHaveLength(1);
      expect(tongji[0]?.properties.osm_id).toMatch(/^r\d+$/);
      expect(layers.buildings.features.length).toBeGreaterThan(100);
      expect(layers.roads.features.length).toBeGreaterThan(100);
      expect(layers.roads.features.map((f) => f.properties.name)).toContain('四平路');
      // Fudan's multipolygon is incomplete in its file: skipped, not a crash
      expect(layers.campuses.features.some((f) => f.properties.name === '复旦大学')).toBe(false);
      expect(layers.coverage.features).toHaveLength(files.length);
    },
    15_000,
  );
});
