import clustersDbscan from '@turf/clusters-dbscan';
import distance from '@turf/distance';
import fc from 'fast-check';
import type { FeatureCollection, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { analyseDispersion } from './dispersion.ts';
import type { DispersionOptions, DispersionResult, ParkFeature } from './dispersion-types.ts';

// Property tests: random park sets within a few kilometres of Yangpu.
const M_LAT = 111_195.08;
const M_LON = M_LAT * Math.cos((31.3 * Math.PI) / 180);
const ll = (x: number, y: number): [number, number] => [121.5 + x / M_LON, 31.3 + y / M_LAT];

interface ParkSpec {
  x: number;
  y: number;
  /** 0: a point; else the polygon's radius (m). */
  r: number;
  k: number;
  rot: number;
}

const parkSpec = fc.record({
  x: fc.integer({ min: 0, max: 3000 }),
  y: fc.integer({ min: 0, max: 3000 }),
  r: fc.oneof(fc.constant(0), fc.integer({ min: 10, max: 150 })),
  k: fc.integer({ min: 3, max: 9 }),
  rot: fc.double({ min: 0, max: Math.PI, noNaN: true }),
});

function toPark(s: ParkSpec, i: number): ParkFeature {
  const id = `p${String(i).padStart(3, '0')}`;
  if (s.r === 0) return { type: 'Feature', properties: { id }, geometry: { type: 'Point', coordinates: ll(s.x, s.y) } };
  const ring: Position[] = Array.from({ length: s.k }, (_, j) =>
    ll(s.x + s.r * Math.cos(s.rot + (2 * Math.PI * j) / s.k), s.y + s.r * Math.sin(s.rot + (2 * Math.PI * j) / s.k)),
  );
  ring.push(ring[0]!);
  return { type: 'Feature', properties: { id }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)]],
});

const options: DispersionOptions = {
  studyArea: square(-200, -200, 3200, 3200),
  stations: [ll(500, 500), ll(2000, 1500), ll(2900, 2900)],
  campuses: [
    { type: 'Feature', properties: {}, geometry: square(1000, 1000, 1500, 1400) },
    { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ll(300, 2500) } },
  ],
  zones: [{ id: 'z', name_zh: '区', name_en: 'zone', geometry: square(0, 0, 1600, 3000) }],
  clusterDistanceM: 400,
  coverageDistanceM: 500,
};

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** A permutation of 0..n−1 from random keys. */
const permutation = (n: number) =>
  fc.array(fc.double({ noNaN: true }), { minLength: n, maxLength: n }).map((keys) =>
    keys
      .map((k, i) => [k, i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, i]) => i),
  );

const parkSets = (min: number, max: number) => fc.array(parkSpec, { minLength: min, maxLength: max }).map((specs) => specs.map(toPark));

/** Great-circle length of an edge between two parks' centroids, as @turf/distance measures it. */
function edgeLength(r: DispersionResult, a: number, b: number): number {
  return distance(r.parks[a]!.centroid, r.parks[b]!.centroid, { units: 'meters' });
}

/** Prim's algorithm on the complete graph: the minimum spanning tree's length by brute force. */
function primTotal(r: DispersionResult): number {
  const n = r.parks.length;
  const inTree = new Array<boolean>(n).fill(false);
  const best = new Array<number>(n).fill(Infinity);
  best[0] = 0;
  let total = 0;
  for (let step = 0; step < n; step++) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!inTree[i] && (u < 0 || best[i]! < best[u]!)) u = i;
    inTree[u] = true;
    total += best[u]!;
    for (let v = 0; v < n; v++) if (!inTree[v]) best[v] = Math.min(best[v]!, edgeLength(r, u, v));
  }
  return total;
}

/** The spanning tree a Prüfer sequence encodes, as its length. */
function pruferTreeLength(r: DispersionResult, seq: number[]): number {
  const n = seq.length + 2;
  const degree = new Array<number>(n).fill(1);
  for (const s of seq) degree[s]!++;
  let total = 0;
  for (const s of seq) {
    const leaf = degree.findIndex((d) => d === 1);
    total += edgeLength(r, leaf, s);
    degree[leaf]!--;
    degree[s]!--;
  }
  const [u, v] = degree.flatMap((d, i) => (d === 1 ? [i] : []));
  return total + edgeLength(r, u!, v!);
}

describe('dispersion analysis: properties', () => {
  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(
        parkSets(0, 40).chain((parks) => fc.tuple(fc.constant(parks), permutation(parks.length))),
        ([parks, perm]) => {
          const shuffled = perm.map((i) => parks[i]!);
          expect(analyseDispersion(shuffled, options)).toEqual(analyseDispersion(parks, options));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(parkSets(0, 30), (parks) => {
        const opts = structuredClone(options);
        const before = structuredClone({ parks, opts });
        deepFreeze(parks);
        deepFreeze(opts);
        analyseDispersion(parks, opts);
        expect({ parks, opts }).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });

  it('the spanning tree has n − 1 edges, connects every park and is no longer than brute force finds (n ≤ 8) or any random spanning tree', () => {
    fc.assert(
      fc.property(
        parkSets(2, 8).chain((parks) =>
          fc.tuple(fc.constant(parks), fc.array(fc.array(fc.nat(), { minLength: parks.length, maxLength: parks.length }), { minLength: 5, maxLength: 5 })),
        ),
        ([parks, seqs]) => {
          const r = analyseDispersion(parks, { overlays: false });
          const n = r.count;
          if (n < 2) return;
          const tree = r.mst!;
          expect(tree.edges).toHaveLength(n - 1);
          // Connected: union–find over the edges leaves one set.
          const index = new Map(r.parks.map((p, i) => [p.id, i]));
          const parent = r.parks.map((_, i) => i);
          const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
          for (const e of tree.edges) parent[find(index.get(e.from)!)] = find(index.get(e.to)!);
          expect(new Set(r.parks.map((_, i) => find(i))).size).toBe(1);
          const brute = primTotal(r);
          expect(tree.totalM).toBeLessThanOrEqual(brute * (1 + 1e-12) + 1e-9);
          expect(tree.totalM).toBeGreaterThanOrEqual(brute * (1 - 1e-12) - 1e-9);
          if (n >= 3)
            for (const s of seqs)
              expect(tree.totalM).toBeLessThanOrEqual(
                pruferTreeLength(
                  r,
                  s.slice(0, n - 2).map((v) => v % n),
                ) *
                  (1 + 1e-12) +
                  1e-9,
              );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the spanning tree equals brute force on larger sets, on a line and with parks on the same spot', () => {
    const collinear = fc
      .array(fc.integer({ min: 0, max: 5000 }), { minLength: 2, maxLength: 30 })
      .map((xs) => xs.map((x, i) => toPark({ x, y: 0, r: 0, k: 3, rot: 0 }, i)));
    fc.assert(
      fc.property(fc.oneof(parkSets(2, 60), collinear), (parks) => {
        const r = analyseDispersion(parks, { overlays: false });
        if (r.count < 2) return;
        expect(r.mst!.edges).toHaveLength(r.count - 1);
        expect(r.mst!.totalM).toBeCloseTo(primTotal(r), 6);
      }),
      { numRuns: 60 },
    );
  });

  it('DBSCAN with a huge distance gives one cluster of every park', () => {
    fc.assert(
      fc.property(parkSets(2, 40), fc.integer({ min: 1, max: 3 }), (parks, minPoints) => {
        const r = analyseDispersion(parks, { clusterDistanceM: 1e7, clusterMinPoints: minPoints, overlays: false });
        if (r.count < minPoints) return;
        expect(r.clusters.count).toBe(1);
        expect(r.clusters.sizes).toEqual([r.count]);
        expect(r.clusters.noise).toBe(0);
        expect(r.parks.every((p) => p.cluster === 0)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('DBSCAN agrees with @turf/clusters-dbscan on core parks and noise', () => {
    fc.assert(
      fc.property(parkSets(1, 50), fc.integer({ min: 100, max: 800 }), fc.integer({ min: 1, max: 4 }), (parks, eps, minPoints) => {
        const r = analyseDispersion(parks, { clusterDistanceM: eps, clusterMinPoints: minPoints, overlays: false });
        const pts: FeatureCollection<Point> = {
          type: 'FeatureCollection',
          features: r.parks.map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: p.centroid } })),
        };
        const t = clustersDbscan(pts, eps, { units: 'meters', minPoints });
        // Core parks by definition (itself and others within the distance make minPoints), not by turf's flag: turf
        // flags as "core" a border park its expansion reaches before it is seen alone (seed 7 found one, 13,719
        // runs in). Which cluster each core belongs to does not depend on the order, so turf's clusters of them do.
        const near = r.parks.map((p) => r.parks.filter((q) => distance(p.centroid, q.centroid, { units: 'meters' }) <= eps).length);
        const core = (i: number) => near[i]! >= minPoints;
        const groups = (label: (i: number) => number | null | undefined) => {
          const m = new Map<number, string[]>();
          r.parks.forEach((p, i) => {
            const l = label(i);
            if (l !== null && l !== undefined && core(i)) m.set(l, [...(m.get(l) ?? []), p.id]);
          });
          return [...m.values()].map((g) => g.join(',')).sort();
        };
        expect(groups((i) => r.parks[i]!.cluster)).toEqual(groups((i) => t.features[i]!.properties.cluster));
        expect(r.parks.filter((p) => p.cluster === null).map((p) => p.id)).toEqual(
          t.features.filter((f) => f.properties.dbscan === 'noise').map((f) => f.properties.id),
        );
        // A border park lies within the distance of a core park of its cluster.
        r.parks.forEach((p, i) => {
          if (p.cluster === null || core(i)) return;
          expect(r.parks.some((q, j) => core(j) && q.cluster === p.cluster && distance(p.centroid, q.centroid, { units: 'meters' }) <= eps)).toBe(true);
        });
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('every figure is a finite number or null', () => {
    fc.assert(
      fc.property(parkSets(0, 25), (parks) => {
        const r = analyseDispersion(parks, options);
        const bad: unknown[] = [];
        const walk = (v: unknown) => {
          if (typeof v === 'number' && !Number.isFinite(v)) bad.push(v);
          else if (v && typeof v === 'object') Object.values(v).forEach(walk);
        };
        walk(r);
        expect(bad).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
