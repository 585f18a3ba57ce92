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
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { analyseDispersion } from './dispersion.ts';
import type { ParkFeature } from './dispersion-types.ts';
import { ll, ring, poly, sq, randomParks, square4km } from './dispersion.fixtures.ts';

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
