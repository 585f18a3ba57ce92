import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findConflicts, groupConflicts, type Obstacles } from './conflicts.ts';
import { analyseAir } from './low-altitude.ts';
import { corridor } from './route.ts';
import type { Conflict } from './types.ts';

// At 31.30° N, 0.001° of longitude ≈ 95 m and 0.0001° of latitude ≈ 11.1 m; the corridor is 60 m wide.
const line = (coordinates: Position[], properties = {}): Feature<LineString> => ({
  type: 'Feature',
  properties,
  geometry: { type: 'LineString', coordinates },
});
const route = line(
  [
    [121.5, 31.3],
    [121.52, 31.3],
  ],
  { id: 'dr-test', name_zh: '测试航线', name_en: 'Test route' },
);
const testRoad = { name_zh: '测试高架', name_en: 'Test Elevated Rd' };
const twinRoad = { name_zh: '双线高架', name_en: 'Twin Elevated Rd' };
const edgeRoad = { name_zh: '触边高架', name_en: 'Edge Elevated Rd' };
const elevated: FeatureCollection<LineString> = {
  type: 'FeatureCollection',
  features: [
    // One way that loops under the route: it crosses at 121.505 and again at 121.515, 950 m apart.
    line(
      [
        [121.505, 31.31],
        [121.505, 31.29],
        [121.515, 31.29],
        [121.515, 31.31],
      ],
      testRoad,
    ),
    // One road mapped as two ways, its carriageways 95 m apart (more than the 50 m that merges crossings).
    line(
      [
        [121.509, 31.29],
        [121.509, 31.31],
      ],
      twinRoad,
    ),
    line(
      [
        [121.51, 31.31],
        [121.51, 31.29],
      ],
      twinRoad,
    ),
    // Two ways of one road ending inside the corridor without crossing it: 22 m and 11 m north of the centre line.
    line(
      [
        [121.502, 31.31],
        [121.502, 31.3002],
      ],
      edgeRoad,
    ),
    line(
      [
        [121.518, 31.31],
        [121.518, 31.3001],
      ],
      edgeRoad,
    ),
  ],
};
const obstacles: Obstacles = { elevated, areas: { type: 'FeatureCollection', features: [] } };
const corridorPoly: Feature<Polygon> = corridor(route);

describe('groupConflicts', () => {
  const conflicts = findConflicts(route, corridorPoly, obstacles);

  it('starts from one conflict per crossing: the looping road and the road in two ways are each found twice', () => {
    expect(conflicts.map((c) => `${c.how} ${c.name_zh}`)).toEqual([
      'crosses 测试高架',
      'crosses 双线高架',
      'crosses 双线高架',
      'crosses 测试高架',
      'within_corridor 触边高架',
    ]);
  });

  it('lists each obstacle once, with its crossings in order along the route', () => {
    const grouped = groupConflicts(conflicts);
    expect(grouped.map((g) => [g.id, g.how, g.crossings])).toEqual([
      ['elevated:测试高架', 'crosses', 2],
      ['elevated:双线高架', 'crosses', 2],
      ['elevated:触边高架', 'within_corridor', 0],
    ]);
    expect(grouped[0]!.name_en).toBe('Test Elevated Rd');
    expect(grouped[0]!.locations.map((p) => p[0])).toEqual([121.505, 121.515]);
    expect(grouped[1]!.locations.map((p) => p[0])).toEqual([121.509, 121.51]);
    expect(grouped[0]!.nearestM).toBeUndefined();
  });

  it('keeps the closest approach of an obstacle that is inside the corridor only: the nearer of its two ways', () => {
    const edge = groupConflicts(conflicts).find((g) => g.id === 'elevated:触边高架')!;
    expect(edge.locations).toHaveLength(1);
    expect(edge.locations[0]![0]).toBeCloseTo(121.518, 6);
    // 0.0001° of latitude is 11.1 m.
    expect(edge.nearestM).toBe(11);
  });

  it('counts an obstacle crossed once and inside the corridor elsewhere as crossed once, and keeps kinds apart', () => {
    const at = (lon: number): [number, number] => [lon, 31.3];
    const hand: Conflict[] = [
      { kind: 'sensitive_area', how: 'within_corridor', id: 'area:x', name_zh: '甲', name_en: 'A', location: at(121.501), metres: 20 },
      { kind: 'elevated_road', how: 'within_corridor', id: 'elevated:乙', name_zh: '乙', name_en: 'B', location: at(121.502), metres: 12 },
      { kind: 'sensitive_area', how: 'within_corridor', id: 'area:x', name_zh: '甲', name_en: 'A', location: at(121.503), metres: 8 },
      { kind: 'elevated_road', how: 'crosses', id: 'elevated:乙', name_zh: '乙', name_en: 'B', location: at(121.504) },
      { kind: 'corridor', how: 'within_corridor', id: 'area:x', name_zh: '甲', name_en: 'A', location: at(121.505) },
    ];
    expect(groupConflicts(hand)).toEqual([
      {
        kind: 'sensitive_area',
        how: 'within_corridor',
        id: 'area:x',
        name_zh: '甲',
        name_en: 'A',
        crossings: 0,
        nearestM: 8,
        locations: [at(121.501), at(121.503)],
      },
      { kind: 'elevated_road', how: 'crosses', id: 'elevated:乙', name_zh: '乙', name_en: 'B', crossings: 1, locations: [at(121.502), at(121.504)] },
      { kind: 'corridor', how: 'within_corridor', id: 'area:x', name_zh: '甲', name_en: 'A', crossings: 0, locations: [at(121.505)] },
    ]);
    expect(groupConflicts([])).toEqual([]);
  });

  it('is what analyseAir gives beside the conflicts, for the routes and the sketch', () => {
    const r = analyseAir({ routes: [route], sketch: route.geometry.coordinates as [number, number][], obstacles });
    expect(r.routes[0]!.conflicts).toHaveLength(5);
    expect(r.routes[0]!.obstacles.map((g) => g.id)).toEqual(['elevated:测试高架', 'elevated:双线高架', 'elevated:触边高架']);
    // The sketch lies on the route: beside the roads, it meets the route's corridor.
    expect(r.sketch!.obstacles.map((g) => `${g.kind} ${g.crossings}`).sort()).toEqual(['corridor 0', 'elevated_road 0', 'elevated_road 2', 'elevated_road 2']);
  });
});
