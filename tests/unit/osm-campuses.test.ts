import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PlanOutputCollection } from '../../src/lib/data/plan-schema.ts';
import { applyOsmCampuses } from '../../scripts/lib/plan/osm-campuses.ts';

const square = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const base = {
  plan_tasks: [10],
  summary_zh: '任务10：「…」',
  summary_en: 'Task 10: …',
  industries: [],
  status: 'operating' as const,
  source: { text: 'gazetteer c03', text_zh: '地名表 c03' },
  location_published: true,
};

const plan: PlanOutputCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 1,
      geometry: { type: 'Point', coordinates: [121.4972, 31.285] },
      properties: {
        ...base,
        id: 'campus-tongji',
        name_zh: '同济大学四平路校区',
        name_en: 'Tongji',
        class: 'campus',
        precision_m: 250,
        indicative: true,
        derivation: 'gazetteer point',
        derivation_zh: '地名表中的点',
      },
    },
    {
      type: 'Feature',
      id: 2,
      geometry: { type: 'Point', coordinates: [121.5, 31.299] },
      properties: {
        ...base,
        id: 'campus-fudan',
        name_zh: '复旦大学邯郸校区',
        name_en: 'Fudan',
        class: 'campus',
        precision_m: 250,
        indicative: true,
        derivation: 'gazetteer point',
        derivation_zh: '地名表中的点',
      },
    },
    {
      type: 'Feature',
      id: 3,
      geometry: { type: 'Point', coordinates: [121.4975, 31.2848] },
      properties: {
        ...base,
        id: 'park-tongji',
        name_zh: '同济大学国家大学科技园',
        name_en: 'Tongji park',
        class: 'university_science_park',
        precision_m: 300,
        indicative: true,
        derivation: 'address',
        derivation_zh: '按地址定位',
      },
    },
  ],
};

const osm: FeatureCollection<Polygon> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { osm_id: 'r1', name: '同济大学' }, geometry: square(121.49, 31.28, 121.505, 31.29) },
    // Named like Fudan but elsewhere: must not replace the Fudan campus.
    { type: 'Feature', properties: { osm_id: 'w2', name: '复旦大学' }, geometry: square(121.6, 31.3, 121.61, 31.31) },
  ],
};

describe('OSM campus polygons replace drawn campuses', () => {
  const before = structuredClone(plan);
  const { collection, replaced } = applyOsmCampuses(plan, osm);

  it('replaces a campus whose OSM polygon has its name and contains it', () => {
    expect(replaced).toEqual([{ id: 'campus-tongji', osmId: 'r1' }]);
    const tongji = collection.features[0]!;
    expect(tongji.geometry).toEqual(osm.features[0]!.geometry);
    expect(tongji.properties).toMatchObject({ indicative: false, precision_m: 10 });
    expect(tongji.properties.derivation).toMatch(/OpenStreetMap.*r1.*replacing: gazetteer point/);
    expect(tongji.properties.source.text).toContain('© OpenStreetMap contributors');
  });

  it('leaves a campus alone when the same-named polygon is elsewhere, and other classes always', () => {
    expect(collection.features[1]).toEqual(plan.features[1]);
    expect(collection.features[2]).toEqual(plan.features[2]);
  });

  it('does not mutate its inputs', () => {
    expect(plan).toEqual(before);
  });
});
