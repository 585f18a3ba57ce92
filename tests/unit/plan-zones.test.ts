import area from '@turf/area';
import intersect from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanOutputFeature } from '../../src/lib/data/plan-schema.ts';
import { yangpuOutline } from '../../scripts/lib/districts.ts';
import { buildPlanDataset, type PlanDataset } from '../../scripts/lib/plan/build.ts';
import { joinPieces } from '../../scripts/lib/plan/derive-zones.ts';

type Polygonal = Feature<Polygon | MultiPolygon>;
const outline = yangpuOutline();
const km2 = (g: Polygonal | Polygon | MultiPolygon) => area(g) / 1e6;
const asFeature = (f: PlanOutputFeature): Polygonal => ({ type: 'Feature', properties: {}, geometry: f.geometry as Polygon | MultiPolygon });

/** Share of a's area that lies inside b. */
function shareInside(a: Polygonal, b: Polygonal): number {
  const i = intersect({ type: 'FeatureCollection', features: [a, b] });
  return i ? km2(i) / km2(a) : 0;
}

let dataset: PlanDataset;
let byId: Map<string, PlanOutputFeature>;
beforeAll(() => {
  dataset = buildPlanDataset({ dataDir: 'data/plan', outline });
  byId = new Map(dataset.located.features.map((f) => [f.properties.id, f]));
});

const ZONES = {
  'zone-future-valley': ['campus-fudan-jiangwan', 'campus-fudan-handan', 'zc-kic', 'zc-around-tongji', 'zc-wujiaochang'],
  'zone-yangshupu-belt': ['zc-yangpu-riverside', 'zc-changyang-campus', 'zc-hulian-baodi', 'zc-dalian-road-hq', 'zc-changyang-belt'],
} as const;

describe('derived zones', () => {
  it('derives exactly the two zones of tasks 17 and 18, from the components the plan names', () => {
    const zones = dataset.located.features.filter((f) => f.properties.class === 'zone');
    expect(zones.map((z) => z.properties.id)).toEqual(Object.keys(ZONES));
    for (const z of zones) expect(z.properties.components).toEqual(ZONES[z.properties.id as keyof typeof ZONES]);
    expect(byId.get('zone-future-valley')?.properties.plan_tasks).toContain(17);
    expect(byId.get('zone-yangshupu-belt')?.properties.plan_tasks).toContain(18);
  });

  for (const [zoneId, components] of Object.entries(ZONES)) {
    describe(zoneId, () => {
      it('is one connected polygon', () => {
        expect(byId.get(zoneId)?.geometry.type).toBe('Polygon');
      });

      it("contains each of its components (≥ 99.9 % of each component's area)", () => {
        const zone = asFeature(byId.get(zoneId)!);
        for (const c of components) {
          expect(shareInside(asFeature(byId.get(c)!), zone), `${c} in ${zoneId}`).toBeGreaterThanOrEqual(0.999);
        }
      });

      it('lies inside Yangpu (clipped to the district outline)', () => {
        expect(shareInside(asFeature(byId.get(zoneId)!), outline)).toBeGreaterThanOrEqual(0.9999);
      });

      it('is no smaller than its largest component and no larger than all components together', () => {
        const z = km2(asFeature(byId.get(zoneId)!));
        const parts = components.map((c) => km2(asFeature(byId.get(c)!)));
        expect(z).toBeGreaterThanOrEqual(Math.max(...parts) * 0.999);
        expect(z).toBeLessThanOrEqual(parts.reduce((a, b) => a + b, 0) * 1.001);
      });

      it('records its derivation, area and precision', () => {
        const p = byId.get(zoneId)!.properties;
        expect(p.indicative).toBe(true);
        expect(p.location_published).toBe(true);
        expect(p.derivation).toMatch(/^Derived by scripts\/lib\/plan\/derive-zones\.ts: union/);
        expect(p.derivation).toContain('clipped');
        for (const c of components) expect(p.derivation).toContain(c);
        expect(p.area_km2).toBeCloseTo(km2(asFeature(byId.get(zoneId)!)), 2);
        expect(p.derivation).toContain(`Area ${p.area_km2} km²`);
        // The same facts for Chinese readers.
        expect(p.derivation_zh).toMatch(/^由 scripts\/lib\/plan\/derive-zones\.ts 推导：对 \d+ 个组成板块的轮廓/);
        for (const c of components) expect(p.derivation_zh).toContain(c);
        expect(p.derivation_zh).toContain(`面积 ${p.area_km2} 平方公里`);
        expect(p.derivation_zh).toContain('裁剪');
        expect(p.precision_m).toBe(Math.max(...components.map((c) => byId.get(c)!.properties.precision_m!)));
      });
    });
  }

  // Bounds from the stated sizes: 未来谷 holds the 8.2 km² Greater KIC, the ~3 km² Wujiaochang core, the 2.6 km²
  // Tongji circle and two Fudan campuses (~0.8 km² each), overlapping around Wujiaochang: 10–16 km², under a quarter
  // of Yangpu's 60.6 km². 杨数浦 holds the 7.46 km² Changyang Belt plus the riverside strip (15.5 km × ~0.45 km)
  // and the Dalian Road cluster, overlapping along the river: 8–15 km².
  it('has areas within bounds justified by the stated sizes of its components', () => {
    const fv = km2(asFeature(byId.get('zone-future-valley')!));
    const belt = km2(asFeature(byId.get('zone-yangshupu-belt')!));
    expect(fv).toBeGreaterThan(10);
    expect(fv).toBeLessThan(16);
    expect(fv / km2(outline)).toBeLessThan(0.25);
    expect(belt).toBeGreaterThan(8);
    expect(belt).toBeLessThan(15);
  });

  it("checks the stated component areas: each drawn polygon within 20 % of its source's figure", () => {
    const stated = dataset.located.features.filter((f) => f.properties.area_km2_stated !== undefined);
    expect(stated.map((f) => f.properties.id).sort()).toEqual(
      ['zc-around-tongji', 'zc-changyang-belt', 'zc-changyang-campus', 'zc-kic', 'zc-wujiaochang'].sort(),
    );
    for (const f of stated) {
      const measured = km2(asFeature(f));
      expect(Math.abs(measured / f.properties.area_km2_stated! - 1), f.properties.id).toBeLessThanOrEqual(0.2);
      expect(f.properties.area_km2, f.properties.id).toBeCloseTo(measured, 1);
    }
    expect(byId.get('zc-kic')?.properties.area_km2_stated).toBe(8.2);
    expect(byId.get('zc-around-tongji')?.properties.area_km2_stated).toBe(2.6);
    expect(byId.get('zc-changyang-belt')?.properties.area_km2_stated).toBe(7.46);
    expect(byId.get('zc-changyang-campus')?.properties.area_km2_stated).toBe(0.11);
  });
});

describe('joining disconnected components', () => {
  const square = (lon: number, lat: number, side = 0.004): Polygon => ({
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + side, lat],
        [lon + side, lat + side],
        [lon, lat + side],
        [lon, lat],
      ],
    ],
  });
  const multi = (...polys: Polygon[]): Polygonal => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPolygon', coordinates: polys.map((p) => p.coordinates) },
  });

  it('leaves a single piece alone', () => {
    const one: Polygonal = { type: 'Feature', properties: {}, geometry: square(121.51, 31.29) };
    expect(joinPieces(one).join).toEqual({ method: 'none' });
  });

  it('joins pieces about 290 m apart with the smallest closing radius that bridges the gap (200 m)', () => {
    // 0.003° of longitude at 31.29° N ≈ 285 m: a 100 m closing leaves the gap open, 200 m closes it.
    const { joined, join } = joinPieces(multi(square(121.51, 31.29), square(121.517, 31.29)));
    expect(join).toEqual({ method: 'closing', radius_m: 200 });
    expect(joined.geometry.type).toBe('Polygon');
    const parts = km2(square(121.51, 31.29)) * 2;
    expect(km2(joined)).toBeGreaterThan(parts);
    expect(km2(joined)).toBeLessThan(parts * 1.4);
  });

  it('falls back to the convex hull when pieces are more than 2 km apart', () => {
    const { joined, join } = joinPieces(multi(square(121.5, 31.28), square(121.55, 31.33)));
    expect(join).toEqual({ method: 'convex_hull' });
    expect(joined.geometry.type).toBe('Polygon');
  });
});
