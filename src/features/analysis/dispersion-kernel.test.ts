import area from '@turf/area';
import intersect from '@turf/intersect';
import union from '@turf/union';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { analyseDispersion } from './dispersion.ts';
import type { ParkFeature } from './dispersion-types.ts';
import { rng, studyArea } from '../../../scripts/bench/synthetic.ts';
import { insideRings, LocalPlane, ringSignedArea } from './dispersion-geo.ts';
import { convexHull, equalAreaPolygon, minkowskiConvex } from './dispersion-convex.ts';
import { clipRings, diskUnion } from './dispersion-clip.ts';

// The geometry kernel under the coverage overlays, against Turf: the union of disks, clipping, hulls.
const M_LAT = 111_195.08;
const M_LON = M_LAT * Math.cos((31.3 * Math.PI) / 180);
const pt = (id: string, x: number, y: number): ParkFeature => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Point', coordinates: [121.5 + x / M_LON, 31.3 + y / M_LAT] },
});

describe('coverage overlay: union of disks by their arcs', () => {
  const planarUnionArea = (centres: [number, number][], r: number) => {
    const polys = centres.map(([x, y]) => {
      const ring = equalAreaPolygon(x, y, r, 64);
      const coords: Position[] = [];
      for (let i = 0; i < ring.length; i += 2) coords.push([ring[i]!, ring[i + 1]!]);
      coords.push(coords[0]!);
      return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [coords] } } as Feature<Polygon>;
    });
    const u = polys.length > 1 ? union({ type: 'FeatureCollection', features: polys })! : polys[0]!;
    const rings = u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
    return rings.reduce((s, p) => s + p.reduce((t, ring, k) => t + (k === 0 ? 1 : -1) * Math.abs(ringSignedArea(ring.slice(0, -1).flat())), 0), 0);
  };

  it('has the area of the polygon union of the same disks (within 0.2 %), for random sets', () => {
    const rand = rng(42);
    for (let t = 0; t < 25; t++) {
      const k = 1 + Math.floor(rand() * 30);
      const centres = Array.from({ length: k }, () => [rand() * 6000, rand() * 5000] as [number, number]);
      const rings = diskUnion(centres, 800);
      const mine = rings.reduce((s, r) => s + ringSignedArea(r), 0);
      expect(Math.abs(mine - planarUnionArea(centres, 800)) / mine).toBeLessThan(0.002);
    }
  });

  it('gives a hole where disks ring an uncovered middle, wound clockwise', () => {
    const centres = Array.from({ length: 8 }, (_, i) => [1600 * Math.cos((i * Math.PI) / 4), 1600 * Math.sin((i * Math.PI) / 4)] as [number, number]);
    const rings = diskUnion(centres, 700);
    const outers = rings.filter((r) => ringSignedArea(r) > 0);
    const holes = rings.filter((r) => ringSignedArea(r) < 0);
    expect(outers).toHaveLength(1);
    expect(holes).toHaveLength(1);
    expect(insideRings(rings, 0, 0)).toBe(false);
    expect(insideRings(rings, 1600, 0)).toBe(true);
    const mine = rings.reduce((s, r) => s + ringSignedArea(r), 0);
    expect(Math.abs(mine - planarUnionArea(centres, 700)) / mine).toBeLessThan(0.002);
  });

  it('keeps apart disks apart and draws one disk as the 64-gon of its area', () => {
    const one = diskUnion([[0, 0]], 100);
    expect(one).toHaveLength(1);
    expect(ringSignedArea(one[0]!)).toBeCloseTo(Math.PI * 100 ** 2, 6);
    expect(
      diskUnion(
        [
          [0, 0],
          [0, 0],
          [1000, 0],
        ],
        100,
      ),
    ).toHaveLength(2);
  });
});

describe('coverage overlay: clipping by tracing crossings', () => {
  const toFeature = (rings: number[][]): Feature<MultiPolygon> => {
    const outers = rings.filter((r) => ringSignedArea(r) > 0);
    const holes = rings.filter((r) => ringSignedArea(r) < 0);
    const close = (r: number[]) => {
      const c: Position[] = [];
      for (let i = 0; i < r.length; i += 2) c.push([r[i]!, r[i + 1]!]);
      c.push(c[0]!);
      return c;
    };
    return {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: outers.map((o) => [close(o), ...holes.filter((h) => insideRings([o], h[0]!, h[1]!)).map(close)]) },
    };
  };
  const areaOf = (f: Feature<Polygon | MultiPolygon> | null) => {
    if (!f) return 0;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    return polys.reduce((s, p) => s + p.reduce((t, ring, k) => t + (k === 0 ? 1 : -1) * Math.abs(ringSignedArea(ring.slice(0, -1).flat())), 0), 0);
  };
  const sumArea = (rings: number[][]) => rings.reduce((s, r) => s + ringSignedArea(r), 0);
  const district = (() => {
    const outline = studyArea().geometry as Polygon;
    const plane = new LocalPlane(121.52, 31.29);
    return [outline.coordinates[0]!.slice(0, -1).flatMap(([lon, lat]) => plane.forward(lon!, lat!))].map((r) => (ringSignedArea(r) > 0 ? r : reverseFlat(r)));
  })();
  function reverseFlat(r: number[]): number[] {
    const out: number[] = [];
    for (let i = r.length - 2; i >= 0; i -= 2) out.push(r[i]!, r[i + 1]!);
    return out;
  }

  it('clips unions of disks to the district outline as polygon clipping does (planar, to 10⁻⁹)', () => {
    const rand = rng(7);
    for (let t = 0; t < 15; t++) {
      const centres = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => [(rand() - 0.5) * 14000, (rand() - 0.5) * 14000] as [number, number]);
      const disks = diskUnion(centres, 500 + rand() * 800);
      const mine = clipRings(disks, district, 'intersection');
      const theirs = intersect({ type: 'FeatureCollection', features: [toFeature(disks), toFeature(district)] });
      expect(Math.abs(sumArea(mine) - areaOf(theirs))).toBeLessThan(1e-9 * areaOf(toFeature(district)) + 1e-3);
      const merged = clipRings(disks, district, 'union');
      const theirUnion = union({ type: 'FeatureCollection', features: [toFeature(disks), toFeature(district)] });
      expect(Math.abs(sumArea(merged) - areaOf(theirUnion))).toBeLessThan(1e-9 * areaOf(theirUnion) + 1e-3);
    }
  });

  it('unions into a hole, keeps rings that cross nothing, and refuses outlines that touch', () => {
    const sqr = (x0: number, y0: number, x1: number, y1: number) => [x0, y0, x1, y0, x1, y1, x0, y1];
    // A U and a bar across its mouth: a hole between them.
    const u = [0, 0, 30, 0, 30, 30, 20, 30, 20, 10, 10, 10, 10, 30, 0, 30];
    const bar = sqr(-5, 25, 35, 35);
    const merged = clipRings([u], [bar], 'union');
    expect(merged.filter((r) => ringSignedArea(r) < 0)).toHaveLength(1);
    // U: 30² − 10·20 = 700; bar 40·10 = 400; overlap: the U's arms at y 25–30, 2·10·5 = 100.
    expect(sumArea(merged)).toBeCloseTo(700 + 400 - 100, 6);
    const apart = clipRings([sqr(0, 0, 1, 1)], [sqr(5, 5, 6, 6)], 'union');
    expect(apart).toHaveLength(2);
    expect(clipRings([sqr(0, 0, 1, 1)], [sqr(5, 5, 6, 6)], 'intersection')).toHaveLength(0);
    expect(sumArea(clipRings([sqr(2, 2, 3, 3)], [sqr(0, 0, 10, 10)], 'intersection'))).toBeCloseTo(1, 9);
    expect(() => clipRings([sqr(0, 0, 1, 1)], [sqr(1, 0, 2, 1)], 'union')).toThrow(/touch/);
  });

  it('falls back on Turf where outlines touch: a campus that is the study area, at 0 m', () => {
    const outline = studyArea().geometry as Polygon;
    const campus: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: outline };
    const r = analyseDispersion([pt('a', 0, 0), pt('b', 500, 0)], { studyArea: outline, campuses: [campus], coverageDistanceM: 0 });
    const c = r.overlays.features.find((f) => f.properties?.role === 'coverage-campus') as Feature<Polygon | MultiPolygon>;
    expect(area(c)).toBeCloseTo(area(campus), -3);
  });
});

describe('geometry kernel', () => {
  it('grows a convex polygon by another (Minkowski sum) as the hull of all sums', () => {
    const rand = rng(99);
    for (let t = 0; t < 50; t++) {
      const tri = [rand() * 100, rand() * 100, rand() * 100, rand() * 100, rand() * 100, rand() * 100];
      const ccw = ringSignedArea(tri) > 0 ? tri : [tri[0]!, tri[1]!, tri[4]!, tri[5]!, tri[2]!, tri[3]!];
      const disk = t % 5 === 0 ? [0, 0, 10, 0, 10, 10, 0, 10] : equalAreaPolygon(0, 0, 5 + rand() * 50, 8 + Math.floor(rand() * 60));
      const sum = minkowskiConvex(ccw, disk);
      const pts: number[] = [];
      for (let v = 0; v < 6; v += 2) for (let i = 0; i < disk.length; i += 2) pts.push(ccw[v]! + disk[i]!, ccw[v + 1]! + disk[i + 1]!);
      expect(ringSignedArea(sum)).toBeCloseTo(ringSignedArea(convexHull(pts)), 6);
    }
  });
});
