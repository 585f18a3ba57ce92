import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import area from '@turf/area';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Conflict } from './types.ts';
import { findConflicts, type Obstacles } from './conflicts.ts';
import { analyseAir } from './low-altitude.ts';
import { altitudeProfile, corridor, flightTime, routeLength } from './route.ts';

// Hand-worked values use the haversine formula with Turf's earth radius, computed here rather than taken from Turf.
const R = 6371008.8;
const RAD = Math.PI / 180;
function haversine(a: Position, b: Position): number {
  const h = Math.sin(((b[1]! - a[1]!) * RAD) / 2) ** 2 + Math.cos(a[1]! * RAD) * Math.cos(b[1]! * RAD) * Math.sin(((b[0]! - a[0]!) * RAD) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
// Distance from a point to the meridian/parallel-aligned fixture lines, for the corridor's edge check.
const metresNorth = (dLat: number) => R * dLat * RAD;

const dir = resolve(import.meta.dirname, '../../../tests/fixtures/analysis/low-altitude');
const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(dir, name), 'utf8')) as T;
const routes = read<FeatureCollection<LineString>>('routes.geojson');
const elevated = read<FeatureCollection<LineString | MultiLineString>>('elevated.geojson');
const areas = read<FeatureCollection<Polygon | Point>>('areas.geojson');
const route = (id: string) => routes.features.find((f) => f.properties?.id === id)!;
const routeA = route('dr-a');
const emptyLines: FeatureCollection<LineString> = { type: 'FeatureCollection', features: [] };
const emptyAreas: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [] };

const line = (coordinates: Position[], properties = {}): Feature<LineString> => ({
  type: 'Feature',
  properties,
  geometry: { type: 'LineString', coordinates },
});
const collection = <G extends LineString | MultiLineString | Polygon | Point>(features: Feature<G>[]): FeatureCollection<G> => ({
  type: 'FeatureCollection',
  features,
});
const summary = (cs: Conflict[]) => cs.map((c) => `${c.kind} ${c.how} ${c.id}`);
const expectNear = (at: [number, number], expected: Position, metres = 1) => expect(haversine(at, expected)).toBeLessThan(metres);

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('corridor', () => {
  it('buffers the centre line to the width with round ends: area ≈ length × width + π (width / 2)²', () => {
    const L = haversine([121.5, 31.3], [121.52, 31.3]);
    const c = corridor(routeA);
    expect(area(c)).toBeGreaterThan((L * 60 + Math.PI * 900) * 0.98);
    expect(area(c)).toBeLessThan((L * 60 + Math.PI * 900) * 1.02);
    // A narrow corridor is length × width within 2 % (its ends add under 1 %).
    const narrow = corridor(routeA, { widthM: 20 });
    expect(Math.abs(area(narrow) / (L * 20) - 1)).toBeLessThan(0.02);
    expect(c.geometry.type).toBe('Polygon');
  });

  it('puts its edge widthM / 2 from the centre line', () => {
    const c = corridor(routeA, { widthM: 60 });
    // Along the straight part, the ring's extreme latitudes are 30 m north and south of 31.30.
    const lats = c.geometry.coordinates[0]!.map((p) => p[1]!);
    expect(metresNorth(Math.max(...lats) - 31.3)).toBeCloseTo(30, 0);
    expect(metresNorth(31.3 - Math.min(...lats))).toBeCloseTo(30, 0);
  });

  it('carries base, top and width, in either order of the band', () => {
    expect(corridor(routeA).properties).toEqual({ base: 60, top: 120, width_m: 60 });
    expect(corridor(routeA, { widthM: 40, altitude: [120, 30] }).properties).toEqual({ base: 30, top: 120, width_m: 40 });
  });

  it('throws on fewer than two distinct points and on a width ≤ 0', () => {
    expect(() => corridor(line([[121.5, 31.3]]))).toThrow(/two distinct points/);
    expect(() =>
      corridor(
        line([
          [121.5, 31.3],
          [121.5, 31.3],
        ]),
      ),
    ).toThrow(/two distinct points/);
    expect(() => corridor(routeA, { widthM: 0 })).toThrow(/width/);
    expect(() => corridor(routeA, { widthM: -10 })).toThrow(/width/);
    expect(() => corridor(routeA, { widthM: Number.NaN })).toThrow(/width/);
  });
});

describe('routeLength', () => {
  it('is the geodesic length: 0.01° of longitude at 31.3° N', () => {
    const expected = haversine([121.5, 31.3], [121.51, 31.3]); // ≈ 950.1 m
    expect(expected).toBeGreaterThan(940);
    expect(expected).toBeLessThan(960);
    expect(
      routeLength(
        line([
          [121.5, 31.3],
          [121.51, 31.3],
        ]),
      ),
    ).toBeCloseTo(expected, 2);
  });

  it('adds up the segments', () => {
    const expected = haversine([121.5, 31.3], [121.51, 31.3]) + haversine([121.51, 31.3], [121.51, 31.31]);
    expect(
      routeLength(
        line([
          [121.5, 31.3],
          [121.51, 31.3],
          [121.51, 31.31],
        ]),
      ),
    ).toBeCloseTo(expected, 2);
  });
});

describe('flightTime', () => {
  it('is the cruise plus a climb and a descent: 3000 m at 36 km/h, 120 m at 3 m/s = 300 + 80 s', () => {
    expect(flightTime(3000)).toBeCloseTo(380, 9);
    expect(flightTime(3000, { cruiseKmh: 36, verticalMs: 3, cruiseAltitudeM: 120 })).toBeCloseTo(380, 9);
  });

  it('follows its options: 1000 m at 72 km/h, 100 m at 2 m/s = 50 + 100 s', () => {
    expect(flightTime(1000, { cruiseKmh: 72, verticalMs: 2, cruiseAltitudeM: 100 })).toBeCloseTo(150, 9);
    expect(flightTime(0)).toBeCloseTo(80, 9);
  });

  it('throws on a negative length or a speed ≤ 0', () => {
    expect(() => flightTime(-1)).toThrow();
    expect(() => flightTime(100, { cruiseKmh: 0 })).toThrow(/cruise/);
    expect(() => flightTime(100, { verticalMs: -3 })).toThrow(/vertical/);
  });
});

describe('altitudeProfile', () => {
  it('climbs over the distance flown while climbing, cruises, and descends: 120 m / 3 m/s × 10 m/s = 400 m', () => {
    expect(altitudeProfile(3000)).toEqual([
      { distance: 0, altitude: 0 },
      { distance: 400, altitude: 120 },
      { distance: 2600, altitude: 120 },
      { distance: 3000, altitude: 0 },
    ]);
  });

  it('follows its options', () => {
    // 100 m at 2 m/s takes 50 s; at 72 km/h = 20 m/s that is 1000 m.
    const p = altitudeProfile(5000, { cruiseKmh: 72, verticalMs: 2, cruiseAltitudeM: 100 });
    expect(p.map((q) => [q.distance, q.altitude])).toEqual([
      [0, 0],
      [1000, 100],
      [4000, 100],
      [5000, 0],
    ]);
  });

  it('is a triangle peaking at the reachable height in the middle of a route too short to reach cruise altitude', () => {
    // 600 m: 300 m up at 10 m/s is 30 s, at 3 m/s that is 90 m.
    const p = altitudeProfile(600);
    expect(p).toHaveLength(3);
    expect(p[0]).toEqual({ distance: 0, altitude: 0 });
    expect(p[1]!.distance).toBeCloseTo(300, 9);
    expect(p[1]!.altitude).toBeCloseTo(90, 9);
    expect(p[2]).toEqual({ distance: 600, altitude: 0 });
  });

  it('reaches cruise altitude exactly when the route is twice the climb distance', () => {
    const p = altitudeProfile(800);
    expect(p.map((q) => [q.distance, q.altitude])).toEqual([
      [0, 0],
      [400, 120],
      [400, 120],
      [800, 0],
    ]);
  });
});

describe('findConflicts: elevated roads', () => {
  const cA = corridor(routeA);
  const obstacles = (features: Feature<LineString | MultiLineString>[]): Obstacles => ({ elevated: collection(features), areas: emptyAreas });
  const road = (name: string) => elevated.features.filter((f) => f.properties?.name_zh === name);

  it('finds one crossing of a road in two carriageways 19 m apart, at the crossing point', () => {
    const cs = findConflicts(routeA, cA, obstacles(road('中环路')));
    expect(summary(cs)).toEqual(['elevated_road crosses elevated:中环路']);
    expect(cs[0]!.name_en).toBe('Middle Ring Road');
    expectNear(cs[0]!.location, [121.51, 31.3]);
  });

  it('keeps crossings of one road more than 50 m apart separate and merges those within 50 m', () => {
    const at = (lon: number): Feature<LineString> =>
      line(
        [
          [lon, 31.29],
          [lon, 31.31],
        ],
        { name_zh: '测试路', name_en: 'Test Rd' },
      );
    // 0.0004° of longitude at 31.3° N ≈ 38 m; 0.0007° ≈ 66.5 m.
    expect(findConflicts(routeA, cA, obstacles([at(121.51), at(121.5104)]))).toHaveLength(1);
    const apart = findConflicts(routeA, cA, obstacles([at(121.51), at(121.5107)]));
    expect(summary(apart)).toEqual(['elevated_road crosses elevated:测试路', 'elevated_road crosses elevated:测试路']);
    expectNear(apart[0]!.location, [121.51, 31.3]);
    expectNear(apart[1]!.location, [121.5107, 31.3]);
  });

  it('reports a road ending inside the corridor without crossing the centre line, at its end', () => {
    const cs = findConflicts(routeA, cA, obstacles(road('触边高架')));
    expect(summary(cs)).toEqual(['elevated_road within_corridor elevated:触边高架']);
    expectNear(cs[0]!.location, [121.505, 31.3001]);
  });

  it('reports a parallel road inside the corridor at its point nearest the centre line, and not one outside', () => {
    const inside = findConflicts(routeA, cA, obstacles(road('内侧平行高架')));
    expect(summary(inside)).toEqual(['elevated_road within_corridor elevated:内侧平行高架']);
    expectNear(inside[0]!.location, [121.515, 31.3001]);
    expect(findConflicts(routeA, cA, obstacles(road('外侧平行高架')))).toEqual([]);
    // The outer road is 67 m off: a corridor 140 m wide reaches it.
    const wide = findConflicts(routeA, corridor(routeA, { widthM: 140 }), obstacles(road('外侧平行高架')));
    expect(summary(wide)).toEqual(['elevated_road within_corridor elevated:外侧平行高架']);
  });

  it('groups roads without a name as one unnamed elevated road', () => {
    const cs = findConflicts(routeA, cA, obstacles(road('')));
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ kind: 'elevated_road', how: 'crosses', id: 'elevated:unnamed', name_zh: '未命名高架', name_en: 'unnamed elevated road' });
    expectNear(cs[0]!.location, [121.518, 31.3]);
  });

  it('sorts every elevated conflict by distance along the route', () => {
    const cs = findConflicts(routeA, cA, { elevated, areas: emptyAreas });
    expect(summary(cs)).toEqual([
      'elevated_road within_corridor elevated:触边高架',
      'elevated_road crosses elevated:中环路',
      'elevated_road within_corridor elevated:内侧平行高架',
      'elevated_road crosses elevated:unnamed',
    ]);
    // Reversing the route reverses the order.
    const back = line([
      [121.52, 31.3],
      [121.5, 31.3],
    ]);
    expect(summary(findConflicts(back, corridor(back), { elevated, areas: emptyAreas }))).toEqual([...summary(cs)].reverse());
  });
});

describe('findConflicts: sensitive areas', () => {
  const cA = corridor(routeA);
  const only = (id: string): Obstacles => ({ elevated: emptyLines, areas: collection(areas.features.filter((f) => f.properties?.id === id)) });

  it('reports a campus the centre line enters as crossed, where it enters', () => {
    const cs = findConflicts(routeA, cA, only('campus-test'));
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ kind: 'sensitive_area', how: 'crosses', id: 'area:campus-test', name_zh: '测试大学', name_en: 'Test University' });
    expectNear(cs[0]!.location, [121.512, 31.3]);
  });

  it('reports a polygon inside the corridor but off the centre line as within_corridor, at the nearest point of the line', () => {
    const cs = findConflicts(routeA, cA, only('green-triangle'));
    expect(summary(cs)).toEqual(['sensitive_area within_corridor area:green-triangle']);
    expectNear(cs[0]!.location, [121.503, 31.3]);
    // Its apex is 0.0002° of latitude (22 m) north of the line.
    expect(cs[0]!.metres).toBe(22);
    expect(findConflicts(routeA, cA, only('green-far'))).toEqual([]);
  });

  it('counts a park known as a point when the centre line passes within its radius', () => {
    const cs = findConflicts(routeA, cA, only('lm-park-near'));
    expect(summary(cs)).toEqual(['sensitive_area crosses area:lm-park-near']);
    expectNear(cs[0]!.location, [121.516, 31.3]);
    expect(findConflicts(routeA, cA, only('lm-park-far'))).toEqual([]);
    // The near park is 222 m from the line: a radius of 200 m misses it.
    const smaller = structuredClone(only('lm-park-near'));
    smaller.areas.features[0]!.properties!.radius_m = 200;
    expect(findConflicts(routeA, cA, smaller)).toEqual([]);
  });

  it('reports an area listed twice once', () => {
    const twice: Obstacles = {
      elevated: emptyLines,
      areas: { type: 'FeatureCollection', features: [...only('campus-test').areas.features, ...only('campus-test').areas.features] },
    };
    expect(findConflicts(routeA, cA, twice)).toHaveLength(1);
  });
});

describe('findConflicts: other corridors', () => {
  const entry = (id: string) => {
    const f = route(id);
    return { id, name_zh: String(f.properties!.name_zh), name_en: String(f.properties!.name_en), corridor: corridor(f), line: f };
  };
  const cA = corridor(routeA);
  const none = { elevated: emptyLines, areas: emptyAreas };

  it('reports a crossing route as crossed, at the centre of the overlap', () => {
    const cs = findConflicts(routeA, cA, { ...none, corridors: [entry('dr-b')] });
    expect(summary(cs)).toEqual(['corridor crosses corridor:dr-b']);
    expect(cs[0]!.name_en).toBe('Route B');
    expectNear(cs[0]!.location, [121.508, 31.3]);
  });

  it('reports a route sharing the take-off pad as an overlap, not a crossing; a distant one not at all', () => {
    expect(summary(findConflicts(routeA, cA, { ...none, corridors: [entry('dr-c'), entry('dr-d')] }))).toEqual(['corridor within_corridor corridor:dr-c']);
  });

  it('skips its own corridor by selfId', () => {
    expect(findConflicts(routeA, cA, { ...none, corridors: [entry('dr-a')] }, { selfId: 'dr-a' })).toEqual([]);
    // Without it, a route overlaps itself; identical centre lines meet only at their shared ends, which is no crossing.
    expect(summary(findConflicts(routeA, cA, { ...none, corridors: [entry('dr-a')] }))).toEqual(['corridor within_corridor corridor:dr-a']);
  });
});

describe('analyseAir', () => {
  const input = () => ({
    routes: structuredClone(routes.features),
    sketch: [
      [121.5, 31.3005],
      [121.52, 31.3005],
    ] as [number, number][],
    obstacles: { elevated: structuredClone(elevated), areas: structuredClone(areas) },
  });

  it('analyses every route against the obstacles and the other routes, in distance order', () => {
    const r = analyseAir(input());
    expect(r.widthM).toBe(60);
    expect(r.cruiseKmh).toBe(36);
    expect(r.routes.map((a) => a.id)).toEqual(['plan:dr-a', 'plan:dr-b', 'plan:dr-c', 'plan:dr-d']);
    const a = r.routes[0]!;
    expect(a.name_zh).toBe('航线甲');
    expect(a.altitude).toEqual([60, 120]);
    expect(a.lengthM).toBeCloseTo(haversine([121.5, 31.3], [121.52, 31.3]), 2);
    expect(a.timeS).toBeCloseTo(a.lengthM / 10 + 80, 6);
    expect(a.corridor.properties).toEqual({ base: 60, top: 120, width_m: 60 });
    expect(summary(a.conflicts)).toEqual([
      'corridor within_corridor corridor:dr-c',
      'sensitive_area within_corridor area:green-triangle',
      'elevated_road within_corridor elevated:触边高架',
      'corridor crosses corridor:dr-b',
      'elevated_road crosses elevated:中环路',
      'sensitive_area crosses area:campus-test',
      'elevated_road within_corridor elevated:内侧平行高架',
      'sensitive_area crosses area:lm-park-near',
      'elevated_road crosses elevated:unnamed',
    ]);
    // Route B crosses A, the outer parallel road (at 31.3006) and passes 190 m from the far park (radius 300 m).
    expect(summary(r.routes[1]!.conflicts)).toEqual([
      'corridor crosses corridor:dr-a',
      'elevated_road crosses elevated:外侧平行高架',
      'sensitive_area crosses area:lm-park-far',
    ]);
    expectNear(r.routes[1]!.conflicts[1]!.location, [121.508, 31.3006]);
    expect(r.routes[3]!.conflicts).toEqual([]);
    // Route C's own band [50, 100]: its profile and time climb to 100 m.
    expect(r.routes[2]!.altitude).toEqual([50, 100]);
    expect(Math.max(...r.routes[2]!.profile.map((p) => p.altitude))).toBe(100);
    expect(r.routes[2]!.timeS).toBeCloseTo(r.routes[2]!.lengthM / 10 + 200 / 3, 6);
  });

  it('analyses the sketch against the obstacles and the routes, and leaves the routes as they were', () => {
    const r = analyseAir(input());
    const s = r.sketch!;
    expect(s).toMatchObject({ id: 'sketch', name_zh: '草图', name_en: 'Sketch', altitude: [60, 120] });
    expect(s.line.geometry.coordinates).toEqual(input().sketch);
    const ids = s.conflicts.map((c) => c.id);
    // 55 m north of route A: the two 60 m corridors overlap without crossing; B is crossed.
    expect(s.conflicts.find((c) => c.id === 'corridor:dr-a')?.how).toBe('within_corridor');
    expect(s.conflicts.find((c) => c.id === 'corridor:dr-b')?.how).toBe('crosses');
    expect(ids).toContain('elevated:中环路');
    // The outer parallel road is 11 m from the sketch, the touching road now crosses it.
    expect(s.conflicts.find((c) => c.id === 'elevated:外侧平行高架')?.how).toBe('within_corridor');
    expect(s.conflicts.find((c) => c.id === 'elevated:触边高架')?.how).toBe('crosses');
    expect(r.routes.flatMap((a) => a.conflicts).some((c) => c.id === 'corridor:sketch')).toBe(false);
  });

  it('follows the width and the cruise speed', () => {
    const r = analyseAir({ ...input(), widthM: 140, cruiseKmh: 72 });
    expect(r.widthM).toBe(140);
    expect(r.cruiseKmh).toBe(72);
    const a = r.routes[0]!;
    expect(a.corridor.properties?.width_m).toBe(140);
    expect(a.timeS).toBeCloseTo(a.lengthM / 20 + 80, 6);
    expect(a.conflicts.some((c) => c.id === 'elevated:外侧平行高架')).toBe(true);
  });

  it('gives no sketch for fewer than two distinct points', () => {
    expect(analyseAir({ ...input(), sketch: [] }).sketch).toBeNull();
    expect(analyseAir({ ...input(), sketch: [[121.5, 31.3]] }).sketch).toBeNull();
    expect(
      analyseAir({
        ...input(),
        sketch: [
          [121.5, 31.3],
          [121.5, 31.3],
        ],
      }).sketch,
    ).toBeNull();
  });

  it('does not mutate its inputs', () => {
    const frozen = deepFreeze(input());
    const before = structuredClone(frozen);
    const r = analyseAir(frozen);
    expect(frozen).toEqual(before);
    expect(r.routes[0]!.line).not.toBe(frozen.routes[0]);
    // The pure functions too.
    const f = deepFreeze(structuredClone(routeA));
    const c = deepFreeze(corridor(f));
    const obstacles = deepFreeze({ elevated: structuredClone(elevated), areas: structuredClone(areas) });
    expect(() => findConflicts(f, c, obstacles)).not.toThrow();
    expect(f).toEqual(routeA);
  });
});
