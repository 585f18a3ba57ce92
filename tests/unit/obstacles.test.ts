import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanOutputCollection, PlanOutputFeature } from '../../src/lib/data/plan-schema.ts';
import { buildObstacles, OBSTACLES_FILE, writeObstacles, type AreaProps } from '../../scripts/lib/obstacles.ts';

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const square = (w: number, s: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [w + d, s],
      [w + d, s + d],
      [w, s + d],
      [w, s],
    ],
  ],
});

const layers = [
  {
    id: 'elevated_roads',
    features: fc([
      {
        type: 'Feature',
        id: 1,
        properties: { name_zh: '中环路', name_en: 'Zhonghuan Road', major: true },
        geometry: {
          type: 'LineString',
          coordinates: [
            [121.500000049, 31.3],
            [121.5000001, 31.3],
            [121.51, 31.3000004],
          ],
        },
      },
      {
        type: 'Feature',
        id: 2,
        properties: { name_zh: '', name_en: '', major: false },
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [121.52, 31.29],
              [121.52, 31.3],
            ],
            [
              [121.53, 31.29],
              [121.53, 31.3],
            ],
          ],
        },
      },
      // Far outside the plan's extent: left out.
      {
        type: 'Feature',
        id: 3,
        properties: { name_zh: '远高架', name_en: 'Far Rd', major: false },
        geometry: {
          type: 'LineString',
          coordinates: [
            [121.0, 31.0],
            [121.01, 31.0],
          ],
        },
      },
    ]),
  },
  {
    id: 'campuses',
    features: fc([
      { type: 'Feature', properties: { osm_id: 'w1', name_zh: '测试大学', name_en: 'Test University' }, geometry: square(121.5, 31.3, 0.005) },
      // Replaced the plan's campus below (its derivation names r9): kept once, as the plan's.
      { type: 'Feature', properties: { osm_id: 'r9', name_zh: '同济大学', name_en: 'Tongji University' }, geometry: square(121.49, 31.28, 0.01) },
    ]),
  },
  {
    id: 'green',
    features: fc([
      { type: 'Feature', properties: { osm_id: 'w2', kind: 'park', name_zh: '', name_en: '' }, geometry: square(121.51, 31.29, 0.002) },
      { type: 'Feature', properties: { osm_id: 'w3', kind: 'garden', name_zh: '小花园', name_en: 'Small Garden' }, geometry: square(121.512, 31.29, 0.002) },
    ]),
  },
  {
    id: 'roads',
    features: fc([
      {
        type: 'Feature',
        properties: { name_zh: '邯郸路' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [121.5, 31.3],
            [121.51, 31.3],
          ],
        },
      },
    ]),
  },
];

const planFeature = (id: string, cls: string, zh: string, geometry: PlanOutputFeature['geometry'], extra: Record<string, unknown> = {}): PlanOutputFeature =>
  ({
    type: 'Feature',
    id: 1,
    properties: { id, class: cls, name_zh: zh, name_en: `${id} en`, precision_m: 300, derivation: 'hand-drawn', ...extra },
    geometry,
  }) as unknown as PlanOutputFeature;

const plan: PlanOutputCollection = {
  type: 'FeatureCollection',
  features: [
    planFeature('campus-tongji', 'campus', '同济大学四平路校区', square(121.49, 31.28, 0.01), {
      precision_m: 10,
      derivation: 'OpenStreetMap campus polygon (amenity=university, r9) from an extract, replacing: drawn',
    }),
    planFeature('campus-point', 'campus', '点校区', { type: 'Point', coordinates: [121.5200001234, 31.3100004321] }, { precision_m: 500 }),
    planFeature('lm-huangxing-park', 'landmark', '黄兴公园', { type: 'Point', coordinates: [121.533, 31.2965] }),
    planFeature('lm-bridge', 'landmark', '杨浦大桥', { type: 'Point', coordinates: [121.54, 31.27] }),
    planFeature('dr-x', 'drone_route', '航线', {
      type: 'LineString',
      coordinates: [
        [121.5, 31.3],
        [121.53, 31.29],
      ],
    }),
  ],
};

describe('buildObstacles', () => {
  const out = buildObstacles({ assembledLayers: layers, plan });
  const elevated = out.features.filter((f) => f.properties?.role === 'elevated');
  const areas = out.features.filter((f) => f.properties?.role === 'area') as Feature<Geometry, AreaProps>[];

  it('splits elevated roads into pieces, rounds to 6 decimals without repeated points, and drops what is far away', () => {
    expect(elevated.map((f) => f.properties)).toEqual([
      { role: 'elevated', name_zh: '中环路', name_en: 'Zhonghuan Road' },
      { role: 'elevated', name_zh: '', name_en: '' },
      { role: 'elevated', name_zh: '', name_en: '' },
    ]);
    expect(elevated[0]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [121.5, 31.3],
        [121.51, 31.3],
      ],
    });
    expect(elevated[2]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [121.53, 31.29],
        [121.53, 31.3],
      ],
    });
  });

  it('keeps OSM campuses and parks, the plan campuses (points with their precision as radius) and the plan parks', () => {
    expect(areas.map((f) => [f.properties!.id, f.properties!.name_zh, f.properties!.source, f.geometry.type, f.properties!.radius_m])).toEqual([
      ['osm-w1', '测试大学', 'OpenStreetMap', 'Polygon', undefined],
      ['osm-w2', '未命名公园', 'OpenStreetMap', 'Polygon', undefined],
      ['campus-tongji', '同济大学四平路校区', 'plan dataset', 'Polygon', undefined],
      ['campus-point', '点校区', 'plan dataset', 'Point', 500],
      ['lm-huangxing-park', '黄兴公园', 'plan dataset', 'Point', 300],
    ]);
    expect(areas.find((f) => f.properties!.id === 'osm-w2')!.properties!.name_en).toBe('unnamed park');
    expect(areas.find((f) => f.properties!.id === 'campus-point')!.geometry).toEqual({ type: 'Point', coordinates: [121.52, 31.31] });
  });

  it('keeps everything when no bounds apply, and nothing outside given bounds', () => {
    const all = buildObstacles({ assembledLayers: layers, plan, bounds: null });
    expect(all.features.some((f) => f.properties?.name_zh === '远高架')).toBe(true);
    const none = buildObstacles({ assembledLayers: layers, plan, bounds: [100, 10, 101, 11] });
    expect(none.features).toEqual([]);
  });

  it('works without a plan or layers, and does not change its inputs', () => {
    expect(buildObstacles({}).features).toEqual([]);
    const before = structuredClone({ layers, plan });
    buildObstacles({ assembledLayers: layers, plan });
    expect({ layers, plan }).toEqual(before);
  });
});

describe('writeObstacles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'obstacles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes compact GeoJSON to obstacles.geojson and reports its size', () => {
    const out = buildObstacles({ assembledLayers: layers, plan });
    const w = writeObstacles(dir, out);
    expect(w.path).toBe(join(dir, OBSTACLES_FILE));
    const text = readFileSync(w.path, 'utf8');
    expect(w.bytes).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text)).toEqual(out);
    expect(text).not.toMatch(/\n/);
  });
});
