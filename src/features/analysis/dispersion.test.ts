import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import buffer from '@turf/buffer';
import clustersDbscan from '@turf/clusters-dbscan';
import distance from '@turf/distance';
import intersect from '@turf/intersect';
import length from '@turf/length';
import nearestNeighborAnalysis from '@turf/nearest-neighbor-analysis';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import union from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { analyseDispersion, DISPERSION_DEFAULTS } from './dispersion.ts';
import type { DispersionResult, ParkFeature } from './dispersion-types.ts';
import { rng, studyArea } from '../../../scripts/bench/synthetic.ts';

const M_LAT = 111_195.08;
const M_LON = M_LAT * Math.cos((31.3 * Math.PI) / 180);
const ll = (x: number, y: number): [number, number] => [121.5 + x / M_LON, 31.3 + y / M_LAT];
const pt = (id: string, x: number, y: number): ParkFeature => ({ type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: ll(x, y) } });
const ring = (pts: [number, number][]): Position[] => [...pts.map(([x, y]) => ll(x, y)), ll(pts[0]![0], pts[0]![1])];
const poly = (id: string, pts: [number, number][], holes: [number, number][][] = []): ParkFeature => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Polygon', coordinates: [ring(pts), ...holes.map(ring)] },
});
const sq = (id: string, x: number, y: number, s: number) =>
  poly(id, [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
  ]);
const codes = (r: DispersionResult) => r.messages.map((m) => m.code);
const msg = (r: DispersionResult, code: string) => r.messages.find((m) => m.code === code);

function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) for (const x of v) numbers(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) numbers(x, out);
  return out;
}
const noNaN = (r: DispersionResult) => expect(numbers(r).filter((x) => !Number.isFinite(x))).toEqual([]);

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** Random parks in a 4 km square: points and small irregular convex polygons. */
function randomParks(n: number, seed: number, pointShare = 0.5): ParkFeature[] {
  const rand = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = rand() * 4000;
    const y = rand() * 4000;
    if (rand() < pointShare) return pt(`r${i}`, x, y);
    const r = 20 + rand() * 120;
    const k = 4 + Math.floor(rand() * 6);
    const rot = rand() * Math.PI;
    return poly(
      `r${i}`,
      Array.from({ length: k }, (_, j) => [x + r * Math.cos(rot + (2 * Math.PI * j) / k), y + r * Math.sin(rot + (2 * Math.PI * j) / k)] as [number, number]),
    );
  });
}

const square4km: Polygon = {
  type: 'Polygon',
  coordinates: [
    ring([
      [-500, -500],
      [4500, -500],
      [4500, 4500],
      [-500, 4500],
    ]),
  ],
};

describe('analyseDispersion: degenerate input', () => {
  it('no parks (empty list, empty collection, null): counts 0, every figure null, message "empty"', () => {
    for (const input of [[], { type: 'FeatureCollection', features: [] }, null, undefined] as const) {
      const r = analyseDispersion(input as never, { studyArea: square4km });
      expect(r.count).toBe(0);
      expect([r.totalAreaM2, r.meanAreaM2, r.medianAreaM2, r.largestShare, r.nnCentroid, r.nnEdge, r.clarkEvans, r.mst]).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(r.clusters).toMatchObject({ count: 0, noise: 0, sizes: [] });
      expect(r.coverage.stations).toBeNull();
      expect(codes(r)[0]).toBe('empty');
      noNaN(r);
    }
  });

  it('one park: area figures, no distance, cluster or tree; "single" and "too-few-for-r"', () => {
    const r = analyseDispersion([sq('a', 0, 0, 100)], { studyArea: square4km, stations: [ll(50, 50)] });
    expect(r.count).toBe(1);
    expect(r.nnCentroid).toBeNull();
    expect(r.mst).toBeNull();
    expect(r.clarkEvans).toBeNull();
    expect(r.parks[0]).toMatchObject({ id: 'a', nearestId: null, nnCentroidM: null, nnEdgeM: null, cluster: null });
    expect(r.coverage.stations).toBeCloseTo(1, 9);
    expect(codes(r)).toEqual(expect.arrayContaining(['single', 'too-few-for-r']));
    noNaN(r);
  });

  it('leaves out invalid polygons with a message naming them: self-intersecting, unclosed, too short, hole outside, spike', () => {
    const bowtie = poly('bowtie', [
      [0, 0],
      [100, 100],
      [100, 0],
      [0, 100],
    ]);
    const unclosed: ParkFeature = {
      type: 'Feature',
      properties: { id: 'unclosed' },
      geometry: { type: 'Polygon', coordinates: [[ll(0, 0), ll(100, 0), ll(100, 100), ll(0, 100)]] },
    };
    const short: ParkFeature = { type: 'Feature', properties: { id: 'short' }, geometry: { type: 'Polygon', coordinates: [[ll(0, 0), ll(100, 0), ll(0, 0)]] } };
    const holeOut = poly(
      'hole-out',
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ],
      [
        [
          [200, 200],
          [210, 200],
          [210, 210],
          [200, 210],
        ],
      ],
    );
    const spike = poly('spike', [
      [0, 0],
      [100, 0],
      [200, 0],
      [100, 0],
      [100, 100],
    ]);
    const nan: ParkFeature = { type: 'Feature', properties: { id: 'nan' }, geometry: { type: 'Point', coordinates: [NaN, 31] } };
    const line = { type: 'Feature', properties: { id: 'line' }, geometry: { type: 'LineString', coordinates: [ll(0, 0), ll(1, 1)] } } as unknown as ParkFeature;
    const none = { type: 'Feature', properties: { id: 'none' }, geometry: null } as unknown as ParkFeature;
    const good = [sq('ok1', 1000, 0, 50), sq('ok2', 2000, 0, 50), pt('ok3', 3000, 0)];
    const r = analyseDispersion([bowtie, unclosed, short, holeOut, spike, nan, line, none, ...good], { studyArea: square4km });
    expect(r.count).toBe(3);
    expect(r.parks.map((p) => p.id)).toEqual(['ok1', 'ok2', 'ok3']);
    const m = msg(r, 'invalid-geometry');
    expect(m?.ids).toEqual(['bowtie', 'hole-out', 'line', 'nan', 'none', 'short', 'spike', 'unclosed']);
    expect(m?.text).toMatch(/bowtie \(self-intersecting/);
    expect(m?.text).toMatch(/unclosed \(a ring is not closed\)/);
    expect(m?.text).toMatch(/hole-out \(a hole lies outside its outer ring\)/);
    noNaN(r);
  });

  it('accepts valid polygons whatever their winding, holes and multipolygons', () => {
    const cw = poly('cw', [
      [0, 0],
      [0, 100],
      [100, 100],
      [100, 0],
    ]);
    const multi: ParkFeature = {
      type: 'Feature',
      properties: { id: 'multi' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            ring([
              [500, 0],
              [600, 0],
              [600, 100],
              [500, 100],
            ]),
          ],
          [
            ring([
              [700, 0],
              [800, 0],
              [800, 100],
              [700, 100],
            ]),
          ],
        ],
      },
    };
    const r = analyseDispersion([cw, multi]);
    expect(r.count).toBe(2);
    expect(r.parks.find((p) => p.id === 'cw')!.areaM2).toBeCloseTo(10000, -1);
    expect(r.parks.find((p) => p.id === 'multi')!.areaM2).toBeCloseTo(20000, -1);
    // The multipolygon's centroid lies between its parts.
    expect(distance(r.parks.find((p) => p.id === 'multi')!.centroid, ll(650, 50)) * 1000).toBeLessThan(0.01);
    expect(codes(r)).not.toContain('invalid-geometry');
  });

  it('rejects overlapping parts of a multipolygon and a hole in a hole', () => {
    const overlapping: ParkFeature = {
      type: 'Feature',
      properties: { id: 'overlap' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            ring([
              [0, 0],
              [100, 0],
              [100, 100],
              [0, 100],
            ]),
          ],
          [
            ring([
              [20, 20],
              [40, 20],
              [40, 40],
              [20, 40],
            ]),
          ],
        ],
      },
    };
    const nested = poly(
      'nested',
      [
        [0, 0],
        [300, 0],
        [300, 300],
        [0, 300],
      ],
      [
        [
          [50, 50],
          [50, 250],
          [250, 250],
          [250, 50],
        ],
        [
          [100, 100],
          [100, 200],
          [200, 200],
          [200, 100],
        ],
      ],
    );
    const r = analyseDispersion([overlapping, nested, pt('p', 1000, 1000)]);
    expect(msg(r, 'invalid-geometry')?.ids).toEqual(['nested', 'overlap']);
  });

  it('counts duplicates once: the same id twice, the same geometry under two ids', () => {
    const a1 = sq('a', 0, 0, 100);
    const a2 = sq('a', 500, 0, 100);
    const b = pt('b', 1000, 0);
    const c = pt('c', 1000, 0);
    const d = pt('d', 2000, 0);
    const r1 = analyseDispersion([a1, a2, b, c, d]);
    const r2 = analyseDispersion([d, c, b, a2, a1]);
    expect(r1.count).toBe(3);
    expect(r1.parks.map((p) => p.id)).toEqual(['a', 'b', 'd']);
    const m = msg(r1, 'duplicate')!;
    expect(m.ids).toEqual(['a', 'b', 'c']);
    expect(m.text).toMatch(/id a appears more than once/);
    expect(m.text).toMatch(/b, c share one location \(kept as b\)/);
    // Which of the two "a" is kept does not depend on the order.
    expect(r2).toEqual(r1);
    noNaN(r1);
  });

  it('takes the feature id when properties.id is missing, and leaves out parks with neither', () => {
    const withFeatureId = { type: 'Feature', id: 7, properties: {}, geometry: { type: 'Point', coordinates: ll(0, 0) } } as unknown as ParkFeature;
    const anonymous = { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: ll(10, 0) } } as unknown as ParkFeature;
    const r = analyseDispersion([withFeatureId, anonymous, pt('x', 100, 0)]);
    expect(r.parks.map((p) => p.id)).toEqual(['7', 'x']);
    expect(msg(r, 'missing-id')?.text).toBe('1 park has no id and was left out');
  });

  it('says which parks lie outside the study area and leaves them out of Clark–Evans only', () => {
    const parks = [pt('in1', 0, 0), pt('in2', 300, 0), pt('in3', 0, 300), pt('in4', 300, 300), pt('out', 9000, 9000)];
    const r = analyseDispersion(parks, { studyArea: square4km });
    expect(msg(r, 'outside-study-area')?.ids).toEqual(['out']);
    expect(r.count).toBe(5);
    expect(r.clarkEvans?.n).toBe(4);
    expect(r.clarkEvans?.observedMeanM).toBeCloseTo(300, 1);
  });

  it('marks points among outlines ("some-points") and all points ("no-area"), with the area figures on outlines only', () => {
    const mixed = analyseDispersion([sq('a', 0, 0, 100), sq('b', 500, 0, 100), pt('c', 1000, 0)]);
    expect(msg(mixed, 'some-points')?.ids).toEqual(['c']);
    expect(mixed.withArea).toBe(2);
    expect(mixed.totalAreaM2).toBeCloseTo(20000, -1);
    expect(mixed.largestShare).toBeCloseTo(0.5, 4);
    const points = analyseDispersion([pt('a', 0, 0), pt('b', 100, 0)]);
    expect(codes(points)).toContain('no-area');
    expect(points.totalAreaM2).toBeNull();
    expect(points.coverage.basis).toBe('count');
  });

  it('reads bad option values as defaults or bounds, never as NaN', () => {
    const r = analyseDispersion(randomParks(20, 3), {
      clusterDistanceM: Number.NaN,
      coverageDistanceM: -5,
      clusterMinPoints: 0,
      stations: [[Number.NaN, 1], ll(0, 0)],
    });
    expect(r.clusters.distanceM).toBe(DISPERSION_DEFAULTS.clusterDistanceM);
    expect(r.clusters.minPoints).toBe(1);
    expect(r.coverage.distanceM).toBe(0);
    noNaN(r);
  });
});

describe('analyseDispersion: against Turf', () => {
  const parks = randomParks(60, 11);
  const stations: [number, number][] = [ll(800, 900), ll(2500, 2600), ll(3900, 500)];
  const campusPoly: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        ring([
          [1500, 1500],
          [2100, 1400],
          [2300, 2000],
          [1800, 2300],
          [1400, 1900],
        ]),
      ],
    },
  };
  const campusPt: Feature<Point> = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ll(3000, 3500) } };
  const zone: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [
      [
        ring([
          [0, 0],
          [2000, 200],
          [1800, 1900],
          [300, 1600],
        ]),
      ],
      [
        ring([
          [2500, 2500],
          [4000, 2500],
          [3200, 4000],
        ]),
      ],
    ],
  };
  const options = {
    studyArea: square4km,
    stations,
    campuses: [campusPoly, campusPt],
    zones: [{ id: 'z', name_zh: '区', name_en: 'Zone', geometry: zone }],
    coverageDistanceM: 600,
    clusterDistanceM: 300,
    clusterMinPoints: 3,
  };
  const r = analyseDispersion(parks, options);
  const byId = new Map(parks.map((p) => [p.properties.id, p]));
  const polys = parks.filter((p) => p.geometry.type !== 'Point') as Feature<Polygon>[];

  it('areas and perimeters are Turf’s', () => {
    for (const p of r.parks) {
      const f = byId.get(p.id)!;
      if (f.geometry.type === 'Point') expect([p.areaM2, p.perimeterM]).toEqual([null, null]);
      else {
        expect(p.areaM2).toBeCloseTo(area(f), 6);
        expect(p.perimeterM).toBeCloseTo(length(f, { units: 'meters' }), 6);
      }
    }
  });

  it('centroid nearest neighbours equal a brute-force search with @turf/distance', () => {
    for (const p of r.parks) {
      let best = Infinity;
      for (const q of r.parks) if (q.id !== p.id) best = Math.min(best, distance(p.centroid, q.centroid, { units: 'meters' }));
      expect(p.nnCentroidM).toBeCloseTo(best, 6);
    }
  });

  it('edge-to-edge nearest neighbours equal a brute-force search with @turf/point-to-polygon-distance (within 0.1 m)', () => {
    const edge = (a: ParkFeature, b: ParkFeature): number => {
      const vertices = (f: ParkFeature) => (f.geometry.type === 'Point' ? [f.geometry.coordinates] : (f.geometry as Polygon).coordinates[0]!);
      if (a.geometry.type === 'Point' && b.geometry.type === 'Point') return distance(a.geometry.coordinates, b.geometry.coordinates, { units: 'meters' });
      let best = Infinity;
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        if (to.geometry.type === 'Point') continue;
        for (const v of vertices(from)) best = Math.min(best, Math.max(0, pointToPolygonDistance(v, to as Feature<Polygon>, { units: 'meters' })));
      }
      return best;
    };
    for (const p of r.parks) {
      let best = Infinity;
      for (const q of r.parks) if (q.id !== p.id) best = Math.min(best, edge(byId.get(p.id)!, byId.get(q.id)!));
      expect(Math.abs(p.nnEdgeM! - best)).toBeLessThan(0.1);
    }
  });

  it('Clark–Evans equals @turf/nearest-neighbor-analysis on the same points and study area', () => {
    const pts: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: r.parks.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p.centroid } })),
    };
    const t = nearestNeighborAnalysis(pts, { studyArea: { type: 'Feature', properties: {}, geometry: square4km }, units: 'meters' }).properties
      .nearestNeighborAnalysis;
    expect(r.clarkEvans!.R).toBeCloseTo(t.observedMeanDistance / t.expectedMeanDistance, 6);
    expect(r.clarkEvans!.observedMeanM).toBeCloseTo(t.observedMeanDistance, 4);
    expect(r.clarkEvans!.z).toBeCloseTo(t.zScore, 4);
    expect(r.clarkEvans!.expectedMeanM).toBeCloseTo(t.expectedMeanDistance, 4);
  });

  it('DBSCAN’s clusters of core parks equal @turf/clusters-dbscan’s', () => {
    const pts: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: r.parks.map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: p.centroid } })),
    };
    const t = clustersDbscan(pts, 300, { units: 'meters', minPoints: 3 });
    const partition = (labelOf: (i: number) => number | null, core: (i: number) => boolean) => {
      const groups = new Map<number, string[]>();
      r.parks.forEach((p, i) => {
        const l = labelOf(i);
        if (l !== null && core(i)) groups.set(l, [...(groups.get(l) ?? []), p.id]);
      });
      return [...groups.values()].map((g) => g.sort().join(',')).sort();
    };
    const turfCore = (i: number) => t.features[i]!.properties.dbscan === 'core';
    expect(partition((i) => r.parks[i]!.cluster, turfCore)).toEqual(partition((i) => t.features[i]!.properties.cluster ?? null, turfCore));
    // Noise is the same parks.
    expect(r.parks.filter((p) => p.cluster === null).map((p) => p.id)).toEqual(
      t.features.filter((f) => f.properties.dbscan === 'noise').map((f) => f.properties.id),
    );
    expect(r.clusters.count).toBe(new Set(t.features.map((f) => f.properties.cluster).filter((c) => c !== undefined)).size);
  });

  it('station and campus coverage equal the area of Turf’s intersection with the union of Turf buffers (within 0.5 %)', () => {
    const total = polys.reduce((s, p) => s + area(p), 0);
    const covered = (pieces: Feature<Polygon | MultiPolygon>[]) => {
      const u = pieces.length > 1 ? union({ type: 'FeatureCollection', features: pieces })! : pieces[0]!;
      return (
        polys.reduce((s, p) => s + area(intersect({ type: 'FeatureCollection', features: [p, u] }) ?? { type: 'FeatureCollection', features: [] }), 0) / total
      );
    };
    const steps = 64;
    const st = covered(
      stations.map((s) => buffer({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: s } }, 600, { units: 'meters', steps })!),
    );
    const cp = covered([buffer(campusPoly, 600, { units: 'meters', steps })!, buffer(campusPt, 600, { units: 'meters', steps })!] as Feature<Polygon>[]);
    expect(r.coverage.basis).toBe('area');
    expect(st).toBeGreaterThan(0.05);
    expect(cp).toBeGreaterThan(0.05);
    expect(Math.abs(r.coverage.stations! - st)).toBeLessThan(0.005 * st);
    expect(Math.abs(r.coverage.campuses! - cp)).toBeLessThan(0.005 * cp);
  });

  it('coverage of parks larger than the distance (intersected with the union’s outline) equals Turf’s within 0.5 %', () => {
    const big = [
      poly('big1', [
        [0, 0],
        [3000, 200],
        [2800, 2600],
        [200, 3000],
      ]),
      poly(
        'big2',
        [
          [3200, 3200],
          [4000, 3300],
          [3900, 4000],
        ],
        [
          [
            [3500, 3400],
            [3700, 3450],
            [3650, 3600],
          ],
        ],
      ),
      sq('small', 3500, 100, 80),
    ];
    const many: [number, number][] = Array.from({ length: 12 }, (_, i) => ll(300 + (i % 4) * 900, 300 + Math.floor(i / 4) * 1300));
    const rb = analyseDispersion(big, { stations: many, campuses: [campusPoly, campusPt], coverageDistanceM: 600, overlays: false });
    const bp = big as Feature<Polygon>[];
    const total = bp.reduce((s, p) => s + area(p), 0);
    const covered = (pieces: Feature<Polygon | MultiPolygon>[]) => {
      const u = union({ type: 'FeatureCollection', features: pieces })!;
      return (
        bp.reduce((s, p) => s + area(intersect({ type: 'FeatureCollection', features: [p, u] }) ?? { type: 'FeatureCollection', features: [] }), 0) / total
      );
    };
    const st = covered(
      many.map((s) => buffer({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: s } }, 600, { units: 'meters', steps: 64 })!),
    );
    const cp = covered([
      buffer(campusPoly, 600, { units: 'meters', steps: 64 })!,
      buffer(campusPt, 600, { units: 'meters', steps: 64 })!,
    ] as Feature<Polygon>[]);
    expect(st).toBeGreaterThan(0.2);
    expect(Math.abs(rb.coverage.stations! - st)).toBeLessThan(0.005 * st);
    expect(Math.abs(rb.coverage.campuses! - cp)).toBeLessThan(0.005 * cp);
  });

  it('the zone share equals Turf’s intersection areas, and its count share the parks whose centroid is inside', () => {
    const zf: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: zone };
    const total = polys.reduce((s, p) => s + area(p), 0);
    const inside = polys.reduce(
      (s, p) => s + area(intersect({ type: 'FeatureCollection', features: [p, zf] }) ?? { type: 'FeatureCollection', features: [] }),
      0,
    );
    expect(r.zones[0]!.share).toBeGreaterThan(0.1);
    // Edges are straight in the analysis's plane, straight in degrees for Turf: a difference of ~10⁻⁵.
    expect(r.zones[0]!.share).toBeCloseTo(inside / total, 4);
    const count = r.parks.filter((p) => booleanPointInPolygon(p.centroid, zone)).length;
    expect(r.zones[0]!.countShare).toBeCloseTo(count / r.parks.length, 12);
  });

  it('draws one hull per cluster holding its parks, one line per tree edge, and coverage clipped to the study area', () => {
    const hulls = r.overlays.features.filter((f) => f.properties?.role === 'cluster');
    expect(hulls).toHaveLength(r.clusters.count);
    for (const h of hulls) {
      const ids = h.properties!.ids as string[];
      expect(ids).toHaveLength(h.properties!.size as number);
      for (const id of ids) expect(booleanPointInPolygon(r.parks.find((p) => p.id === id)!.centroid, h as Feature<Polygon>)).toBe(true);
    }
    const lines = r.overlays.features.filter((f) => f.properties?.role === 'mst');
    expect(lines).toHaveLength(r.count - 1);
    expect(lines[0]!.properties).toMatchObject({ from: r.mst!.edges[0]!.from, to: r.mst!.edges[0]!.to, lengthM: r.mst!.edges[0]!.lengthM });
    for (const role of ['coverage-station', 'coverage-campus']) {
      const c = r.overlays.features.find((f) => f.properties?.role === role) as Feature<Polygon | MultiPolygon>;
      expect(c).toBeDefined();
      const clipped = intersect({ type: 'FeatureCollection', features: [c, { type: 'Feature', properties: {}, geometry: square4km }] })!;
      expect(area(clipped)).toBeCloseTo(area(c), -2);
    }
    expect(analyseDispersion(parks, { ...options, overlays: false }).overlays.features).toEqual([]);
  });

  it('reports step timings only when asked', () => {
    expect(r.timingsMs).toBeUndefined();
    const t = analyseDispersion(parks, { ...options, timings: true, overlays: false }).timingsMs!;
    expect(Object.keys(t)).toEqual(expect.arrayContaining(['prepare', 'delaunay', 'nnEdge', 'mst', 'dbscan', 'clarkEvans', 'coverage', 'zones']));
  });
});

describe('analyseDispersion: inputs', () => {
  it('never mutates its inputs (deep-frozen parks and options, compared with a clone)', () => {
    const parks = randomParks(40, 5);
    const options = {
      studyArea: square4km,
      stations: [ll(100, 100)] as [number, number][],
      campuses: [sq('c', 2000, 2000, 300) as Feature<Polygon>],
      zones: [{ id: 'z', name_zh: 'z', name_en: 'z', geometry: square4km }],
    };
    const before = structuredClone({ parks, options });
    deepFreeze(parks);
    deepFreeze(options);
    const r = analyseDispersion(parks, options);
    expect({ parks, options }).toEqual(before);
    expect(r.count).toBe(40);
  });

  it('takes a FeatureCollection or a list alike', () => {
    const parks = randomParks(15, 8);
    expect(analyseDispersion({ type: 'FeatureCollection', features: parks })).toEqual(analyseDispersion(parks));
  });

  it('runs on the real district outline with synthetic parks', () => {
    const outline = studyArea();
    const r = analyseDispersion(randomParks(30, 9), { studyArea: outline.geometry });
    expect(r.clarkEvans?.studyAreaM2).toBeGreaterThan(55e6);
  });
});
