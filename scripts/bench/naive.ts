/**
 * The naive way to the same dispersion figures, for the benchmark only: Turf functions over every pair of parks,
 * no spatial index. Each step can run its outer loop over a sample of the parks, so that sizes where the whole
 * would take minutes are estimated from a measured part (time per park × parks).
 */
import area from '@turf/area';
import booleanIntersects from '@turf/boolean-intersects';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import buffer from '@turf/buffer';
import centroid from '@turf/centroid';
import clustersDbscan from '@turf/clusters-dbscan';
import distance from '@turf/distance';
import intersect from '@turf/intersect';
import length from '@turf/length';
import nearestNeighborAnalysis from '@turf/nearest-neighbor-analysis';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import union from '@turf/union';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { DispersionOptions, ParkFeature } from '../../src/features/analysis/dispersion-types.ts';

const M = { units: 'meters' as const };

export interface NaiveContext {
  parks: ParkFeature[];
  options: DispersionOptions;
  centroids: Feature<Point>[];
}

export function naiveContext(parks: ParkFeature[], options: DispersionOptions): NaiveContext {
  return { parks, options, centroids: parks.map((p) => centroid(p)) };
}

const isPoint = (f: ParkFeature) => f.geometry.type === 'Point';

function vertices(f: ParkFeature): Position[] {
  const g = f.geometry;
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'Polygon') return g.coordinates.flat();
  return g.coordinates.flat(2);
}

/** Edge-to-edge distance with Turf: 0 if they intersect, else the nearest vertex to the other's outline. */
function edgeDistance(a: ParkFeature, b: ParkFeature): number {
  if (isPoint(a) && isPoint(b)) return distance(a.geometry.coordinates as Position, b.geometry.coordinates as Position, M);
  if (booleanIntersects(a, b)) return 0;
  let best = Infinity;
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    if (isPoint(to)) continue;
    for (const v of vertices(from)) best = Math.min(best, pointToPolygonDistance(v, to as Feature<Polygon | MultiPolygon>, M));
  }
  return best;
}

/**
 * One step of the naive analysis over the first `rows` parks (its outer loop) and, for pairwise steps, the first
 * `cols` parks as the inner loop — so that a sample measures the cost per park or per pair.
 */
export type NaiveStep = (ctx: NaiveContext, rows: number, cols: number) => unknown;

/**
 * The steps, by how their cost grows: `linear` (per park), `pairs` (per pair of parks), `whole` (runs only
 * whole: Turf's own DBSCAN).
 */
export const NAIVE_STEPS: Record<string, { run: NaiveStep; kind: 'linear' | 'pairs' | 'whole' }> = {
  shape: {
    kind: 'linear',
    run: (ctx, rows) => {
      let s = 0;
      for (let i = 0; i < rows; i++) {
        const p = ctx.parks[i]!;
        if (isPoint(p)) continue;
        const a = area(p);
        const per = length(p, M);
        s += (4 * Math.PI * a) / (per * per);
      }
      return s;
    },
  },
  nnCentroid: {
    kind: 'pairs',
    run: (ctx, rows, cols) => {
      let s = 0;
      for (let i = 0; i < rows; i++) {
        let best = Infinity;
        for (let j = 0; j < cols; j++) if (j !== i) best = Math.min(best, distance(ctx.centroids[i]!, ctx.centroids[j]!, M));
        s += best;
      }
      return s / rows;
    },
  },
  nnEdge: {
    kind: 'pairs',
    run: (ctx, rows, cols) => {
      let s = 0;
      for (let i = 0; i < rows; i++) {
        let best = Infinity;
        for (let j = 0; j < cols; j++) if (j !== i) best = Math.min(best, edgeDistance(ctx.parks[i]!, ctx.parks[j]!));
        s += best;
      }
      return s / rows;
    },
  },
  clarkEvans: {
    kind: 'pairs',
    run: (ctx, rows, cols) => {
      const study: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: ctx.options.studyArea! };
      if (rows === ctx.parks.length && cols === ctx.parks.length) {
        return nearestNeighborAnalysis({ type: 'FeatureCollection', features: ctx.centroids }, { studyArea: study as Feature<Polygon>, units: 'meters' })
          .properties.nearestNeighborAnalysis;
      }
      // A sample: the same work per park as Turf's (a nearest search over all the others).
      let s = 0;
      for (let i = 0; i < rows; i++) {
        let best = Infinity;
        for (let j = 0; j < cols; j++) if (j !== i) best = Math.min(best, distance(ctx.centroids[i]!, ctx.centroids[j]!, M));
        s += best;
      }
      return s;
    },
  },
  dbscan: {
    kind: 'whole',
    run: (ctx) =>
      clustersDbscan({ type: 'FeatureCollection', features: ctx.centroids }, ctx.options.clusterDistanceM ?? 500, { units: 'meters', minPoints: 2 }),
  },
  mst: {
    kind: 'pairs',
    // Prim on the complete graph: each of the n iterations scans every park (a sample: `rows` iterations over `cols`).
    run: (ctx, rows, cols) => {
      const n = cols;
      const inTree = new Uint8Array(n);
      const best = new Float64Array(n).fill(Infinity);
      best[0] = 0;
      let total = 0;
      for (let step = 0; step < rows; step++) {
        let u = -1;
        for (let i = 0; i < n; i++) if (!inTree[i] && (u < 0 || best[i]! < best[u]!)) u = i;
        inTree[u] = 1;
        total += best[u]!;
        for (let v = 0; v < n; v++) if (!inTree[v]) best[v] = Math.min(best[v]!, distance(ctx.centroids[u]!, ctx.centroids[v]!, M));
      }
      return total;
    },
  },
  coverage: {
    kind: 'linear',
    run: (ctx, rows) => {
      const d = ctx.options.coverageDistanceM ?? 800;
      const merge = (fs: Feature<Polygon | MultiPolygon>[]) => (fs.length > 1 ? union({ type: 'FeatureCollection', features: fs }) : (fs[0] ?? null));
      const stations = merge(
        (ctx.options.stations ?? []).map((s) =>
          buffer({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: s } }, d, { ...M, steps: 16 })!,
        ),
      );
      const campuses = merge((ctx.options.campuses ?? []).map((c) => buffer(c as Feature<Polygon>, d, { ...M, steps: 16 })!));
      let total = 0;
      let st = 0;
      let cp = 0;
      for (let i = 0; i < rows; i++) {
        const p = ctx.parks[i]!;
        if (isPoint(p)) continue;
        total += area(p);
        for (const [u, add] of [
          [stations, (a: number) => (st += a)],
          [campuses, (a: number) => (cp += a)],
        ] as const) {
          if (!u) continue;
          const x = intersect({ type: 'FeatureCollection', features: [p as Feature<Polygon>, u] });
          if (x) add(area(x));
        }
      }
      return { stations: st / total, campuses: cp / total };
    },
  },
  zones: {
    kind: 'linear',
    run: (ctx, rows) => {
      const shares: number[] = [];
      for (const z of ctx.options.zones ?? []) {
        const zf: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: z.geometry };
        let total = 0;
        let inside = 0;
        for (let i = 0; i < rows; i++) {
          const p = ctx.parks[i]!;
          if (isPoint(p)) {
            booleanPointInPolygon(p.geometry.coordinates as Position, zf);
            continue;
          }
          total += area(p);
          const x = intersect({ type: 'FeatureCollection', features: [p as Feature<Polygon>, zf] });
          if (x) inside += area(x);
        }
        shares.push(inside / total);
      }
      return shares;
    },
  },
};

/** The whole naive analysis (every step over every park), for small sets and for checking its figures. */
export function naiveDispersion(parks: ParkFeature[], options: DispersionOptions): Record<string, unknown> {
  const ctx = naiveContext(parks, options);
  return Object.fromEntries(Object.entries(NAIVE_STEPS).map(([name, s]) => [name, s.run(ctx, parks.length, parks.length)]));
}
