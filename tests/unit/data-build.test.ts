import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import area from '@turf/area';
import booleanValid from '@turf/boolean-valid';
import kinks from '@turf/kinks';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPmtilesFile } from '../support/pmtiles-file.ts';
import { YANGPU_BOUNDS } from '../../src/lib/map/extent.ts';

const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'yangpu-data-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// A whole data build in a subprocess takes seconds alone and far longer on a busy machine: every build runs
// asynchronously (so vitest's own timers keep working) under these limits, generous on purpose.
const BUILD_TIMEOUT = 240_000;
const TEST_TIMEOUT = BUILD_TIMEOUT + 30_000;

interface BuildRun {
  code: number | null;
  output: string;
}

/** Runs `scripts/build-data.ts` with tsx; resolves with its exit code and its stdout then stderr, never rejects on failure. */
function buildData(...args: string[]): Promise<BuildRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-data.ts', ...args],
      { cwd: root, encoding: 'utf8', timeout: BUILD_TIMEOUT, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const killed = err && 'killed' in err && err.killed ? `\n[killed after ${BUILD_TIMEOUT} ms]` : '';
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        done({ code, output: `${stdout}${stderr}${killed}` });
      },
    );
  });
}

describe('npm run data with an OSM extract and no shared data folder', () => {
  let run: BuildRun;
  beforeAll(async () => {
    run = await buildData('--osm-dir', '/nonexistent-osm', '--osm', 'tests/fixtures/osm/mini-campus.osm', '--out', out);
  }, TEST_TIMEOUT);
  const archive = () => openPmtilesFile(join(out, 'tiles/basemap.pmtiles'));

  it('succeeds and says which context layers are missing', () => {
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/missing layer metro_lines: .*nonexistent-osm not found/);
  });

  it('writes a PMTiles v3 archive of vector tiles z8–z16 over Yangpu', async () => {
    const h = await archive().getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(1);
    expect([h.minZoom, h.maxZoom]).toEqual([8, 16]);
    expect(h.minLon).toBeLessThan(121.49);
    expect(h.maxLon).toBeGreaterThan(121.58);
    expect(h.minLat).toBeLessThan(31.25);
    expect(h.maxLat).toBeGreaterThan(31.34);
  });

  it('records layers, what is missing and the schematic river in its metadata', async () => {
    const meta = (await archive().getMetadata()) as {
      vector_layers: { id: string; fields: Record<string, string> }[];
      missing: { layer: string }[];
      schematic_river: boolean;
      focus_bounds: number[];
    };
    const ids = meta.vector_layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['districts', 'district_labels', 'water', 'waterways', 'roads', 'buildings', 'campuses', 'coverage']));
    expect(ids).not.toContain('metro_lines');
    expect(meta.missing.map((m) => m.layer)).toEqual(expect.arrayContaining(['metro_lines', 'metro_stations', 'elevated_roads', 'subdistricts']));
    expect(meta.schematic_river).toBe(true);
    // The app opens on its own copy of this extent rather than wait for the metadata.
    expect(meta.focus_bounds).toEqual(YANGPU_BOUNDS);
    expect(meta.vector_layers.find((l) => l.id === 'roads')?.fields).toMatchObject({ name_zh: 'String', name_en: 'String', class: 'String' });
  });

  it('puts the extract’s streets into the tiles with both names', async () => {
    // z15 tile over the fixture (121.500–121.510 E, 31.200–31.210 N).
    const z = 15;
    const x = Math.floor(((121.505 + 180) / 360) * 2 ** z);
    const lat = (31.205 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** z);
    const tile = await archive().getZxy(z, x, y);
    expect(tile).toBeDefined();
    const vt = new VectorTile(new PbfReader(new Uint8Array(tile!.data)));
    const roads = vt.layers['roads'];
    expect(roads).toBeDefined();
    const names = Array.from({ length: roads!.length }, (_, i) => roads!.feature(i).properties);
    expect(names).toEqual(expect.arrayContaining([expect.objectContaining({ name_zh: '示例路', name_en: 'Example Road' })]));
    expect(vt.layers['campuses']?.length).toBeGreaterThan(0);
  });

  it('writes the dispersion analysis’s study area: Yangpu’s echarts outline, a valid polygon of about 60 km²', () => {
    const f = JSON.parse(readFileSync(join(out, 'data/study-area.geojson'), 'utf8')) as Feature<Polygon | MultiPolygon>;
    expect(f.type).toBe('Feature');
    expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    expect(f.properties).toMatchObject({ adcode: '310110', name_zh: '杨浦区', source: expect.stringMatching(/^echarts@4\.9\.0/) });
    expect(booleanValid(f)).toBe(true);
    expect(kinks(f as Feature<Polygon>).features).toHaveLength(0);
    // Yangpu's official area is 60.61 km²; the ±100 m outline is within a few per cent of it.
    expect(area(f) / 1e6).toBeGreaterThan(57);
    expect(area(f) / 1e6).toBeLessThan(64);
  });

  it(
    'skips the work when nothing changed',
    async () => {
      const again = await buildData('--osm-dir', '/nonexistent-osm', '--osm', 'tests/fixtures/osm/mini-campus.osm', '--out', out, '--if-stale');
      expect(again.code).toBe(0);
      expect(again.output).toContain('up to date');
    },
    TEST_TIMEOUT,
  );

  it(
    'rebuilds when the inputs change (an extract dropped)',
    async () => {
      const again = await buildData('--osm-dir', '/nonexistent-osm', '--out', out, '--if-stale');
      expect(again.code).toBe(0);
      expect(again.output).not.toContain('up to date');
      expect(again.output).toMatch(/missing layer roads/);
    },
    TEST_TIMEOUT,
  );
});
