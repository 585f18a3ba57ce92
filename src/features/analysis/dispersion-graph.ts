/**
 * The minimum spanning tree and DBSCAN of the dispersion analysis, both in O(n log n).
 *
 * The tree: the great-circle minimum spanning tree is a subgraph of the spherical Delaunay triangulation, which is
 * the planar Delaunay triangulation (Delaunator) of the stereographic projection (it maps circles to circles). So
 * Kruskal's algorithm over the ~3n Delaunay edges, weighed by great-circle length, gives the exact tree.
 *
 * DBSCAN: a park is a core when at least `minPoints` parks (itself included) lie within the distance — found
 * with a k-nearest search. Cores within the distance of each other form a cluster: the connected parts of the
 * cores' spanning tree cut at the distance (single linkage), so the work does not grow with the distance. A
 * non-core park within the distance of a core joins the nearest core's cluster (border); the rest are noise.
 */
import Delaunator from 'delaunator';
import Flatbush from 'flatbush';
import { haversine } from './dispersion-geo.ts';
import type { PreparedPark } from './dispersion-prepare.ts';

export interface TreeEdge {
  a: number;
  b: number;
  metres: number;
}

class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return true;
  }
}

const byLength = (u: TreeEdge, v: TreeEdge) => u.metres - v.metres || u.a - v.a || u.b - v.b;

/** Edges of a graph over park indices, with great-circle lengths. */
export interface EdgeList {
  a: Int32Array;
  b: Int32Array;
  metres: Float64Array;
  length: number;
}

/**
 * The Delaunay edges over the centroids of `parks[nodes[k]]` (all parks when `nodes` is omitted), weighed by
 * great-circle length. Parks on the same spot are one Delaunay vertex; each joins it by a zero-length edge.
 * The graph holds every park's nearest neighbour and the minimum spanning tree.
 */
export function delaunayEdges(parks: readonly PreparedPark[], nodes?: readonly number[]): EdgeList {
  const ids = nodes ?? parks.map((_, i) => i);
  const m = ids.length;
  // Duplicates by sorting on the coordinates (typed arrays, no string keys: this runs on 100,000 parks).
  const X = new Float64Array(parks.length);
  const Y = new Float64Array(parks.length);
  for (const i of ids) {
    X[i] = parks[i]!.cx;
    Y[i] = parks[i]!.cy;
  }
  const order = Int32Array.from(ids).sort((i, j) => X[i]! - X[j]! || Y[i]! - Y[j]! || i - j);
  const unique: number[] = [];
  const pairs: number[] = [];
  for (let k = 0; k < m; k++) {
    const i = order[k]!;
    const u = unique[unique.length - 1];
    if (u !== undefined && X[u] === X[i] && Y[u] === Y[i]) pairs.push(u, i);
    else unique.push(i);
  }
  unique.sort((i, j) => i - j);
  if (unique.length === 2) pairs.push(unique[0]!, unique[1]!);
  else if (unique.length > 2) {
    const coords = new Float64Array(unique.length * 2);
    for (let k = 0; k < unique.length; k++) {
      coords[2 * k] = X[unique[k]!]!;
      coords[2 * k + 1] = Y[unique[k]!]!;
    }
    const { triangles, halfedges, hull } = new Delaunator(coords);
    for (let e = 0; e < triangles.length; e++) {
      const opp = halfedges[e]!;
      if (opp < 0 || e < opp) pairs.push(unique[triangles[e]!]!, unique[triangles[e % 3 === 2 ? e - 2 : e + 1]!]!);
    }
    // All points on a line: no triangle, and the hull lists them in order along it.
    if (triangles.length === 0) for (let k = 0; k + 1 < hull.length; k++) pairs.push(unique[hull[k]!]!, unique[hull[k + 1]!]!);
  }
  const len = pairs.length / 2;
  const a = new Int32Array(len);
  const b = new Int32Array(len);
  const metres = new Float64Array(len);
  for (let k = 0; k < len; k++) {
    const i = pairs[2 * k]!;
    const j = pairs[2 * k + 1]!;
    const p = parks[i]!;
    const q = parks[j]!;
    a[k] = Math.min(i, j);
    b[k] = Math.max(i, j);
    metres[k] = haversine(p.lon, p.lat, q.lon, q.lat);
  }
  return { a, b, metres, length: len };
}

/** For each park, its nearest other park among the graph's edges (-1 when it has none); ties: the smaller index. */
export function nearestInGraph(n: number, edges: EdgeList): { index: Int32Array; metres: Float64Array } {
  const index = new Int32Array(n).fill(-1);
  const metres = new Float64Array(n).fill(Infinity);
  const offer = (i: number, j: number, m: number) => {
    if (m < metres[i]! || (m === metres[i]! && j < index[i]!)) {
      metres[i] = m;
      index[i] = j;
    }
  };
  for (let k = 0; k < edges.length; k++) {
    offer(edges.a[k]!, edges.b[k]!, edges.metres[k]!);
    offer(edges.b[k]!, edges.a[k]!, edges.metres[k]!);
  }
  return { index, metres };
}

/** Kruskal's algorithm over a graph's edges: the minimum spanning forest, shortest edge first. */
export function kruskal(n: number, edges: EdgeList): TreeEdge[] {
  const order = new Int32Array(edges.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  const { a, b, metres } = edges;
  order.sort((u, v) => metres[u]! - metres[v]! || a[u]! - a[v]! || b[u]! - b[v]!);
  const uf = new UnionFind(n);
  const tree: TreeEdge[] = [];
  for (let k = 0; k < order.length; k++) {
    const e = order[k]!;
    if (uf.union(a[e]!, b[e]!)) tree.push({ a: a[e]!, b: b[e]!, metres: metres[e]! });
  }
  return tree;
}

/**
 * Minimum spanning tree over the centroids of `parks[nodes[k]]` (all parks when `nodes` is omitted), as edges
 * between park indices with great-circle lengths, shortest first. `edges` may pass the Delaunay edges if known.
 */
export function spanningTree(parks: readonly PreparedPark[], nodes?: readonly number[], edges?: EdgeList): TreeEdge[] {
  const count = nodes ? nodes.length : parks.length;
  if (count < 2) return [];
  const tree = kruskal(parks.length, edges ?? delaunayEdges(parks, nodes));
  if (tree.length < count - 1) return primFallback(parks, nodes ?? parks.map((_, i) => i));
  return tree;
}

/**
 * Prim's algorithm on the complete graph: only reached if the triangulation left points out (points the
 * triangulator takes for duplicates although their coordinates differ in the last bits).
 */
function primFallback(parks: readonly PreparedPark[], ids: readonly number[]): TreeEdge[] {
  const n = ids.length;
  const inTree = new Uint8Array(n);
  const dist = new Float64Array(n).fill(Infinity);
  const from = new Int32Array(n).fill(-1);
  dist[0] = 0;
  const tree: TreeEdge[] = [];
  for (let step = 0; step < n; step++) {
    let u = -1;
    for (let k = 0; k < n; k++) if (!inTree[k] && (u < 0 || dist[k]! < dist[u]!)) u = k;
    inTree[u] = 1;
    if (from[u]! >= 0) {
      const a = ids[from[u]!]!;
      const b = ids[u]!;
      tree.push(a < b ? { a, b, metres: dist[u]! } : { a: b, b: a, metres: dist[u]! });
    }
    const p = parks[ids[u]!]!;
    for (let k = 0; k < n; k++) {
      if (inTree[k]) continue;
      const q = parks[ids[k]!]!;
      const m = haversine(p.lon, p.lat, q.lon, q.lat);
      if (m < dist[k]!) {
        dist[k] = m;
        from[k] = u;
      }
    }
  }
  return tree.sort(byLength);
}

export interface DbscanResult {
  /** Cluster number per park (0 = the largest cluster), or null for noise. */
  labels: (number | null)[];
  /** Sizes of the clusters, by cluster number (largest first). */
  sizes: number[];
  core: boolean[];
}

/** The distance the plane's search uses, so that no park within `metres` on the sphere is missed. */
function searchRadius(metres: number): number {
  return metres * (1 + 1e-4) + 1e-3;
}

/** What DBSCAN reuses from the rest of the analysis. */
export interface DbscanContext {
  /** Index of the centroids (zero-size boxes), for core tests when `minPoints` > 2. */
  centroids: Flatbush | null;
  /** Each park's nearest neighbour's great-circle distance (Infinity for none). */
  nearestMetres: Float64Array;
  /** The spanning tree of all parks, shortest edge first. */
  tree: readonly TreeEdge[];
}

/** DBSCAN over park centroids with great-circle distances (see the module comment). */
export function dbscan(parks: readonly PreparedPark[], distanceM: number, minPoints: number, ctx: DbscanContext): DbscanResult {
  const n = parks.length;
  const core = new Array<boolean>(n).fill(false);
  const labels = new Array<number | null>(n).fill(null);
  if (n === 0) return { labels, sizes: [], core };
  const reach = searchRadius(distanceM);
  const within = (i: number, cands: readonly number[]) => {
    const p = parks[i]!;
    let c = 0;
    for (const j of cands) {
      const q = parks[j]!;
      if (j === i || haversine(p.lon, p.lat, q.lon, q.lat) <= distanceM) c++;
    }
    return c;
  };
  for (let i = 0; i < n; i++) {
    if (minPoints <= 1) core[i] = true;
    // Two parks make a core: the nearest neighbour decides.
    else if (minPoints === 2) core[i] = ctx.nearestMetres[i]! <= distanceM;
    else if (ctx.centroids) {
      const p = parks[i]!;
      let cands = ctx.centroids.neighbors(p.cx, p.cy, minPoints + 2, reach);
      let count = within(i, cands);
      if (count < minPoints && cands.length === minPoints + 2) {
        cands = ctx.centroids.neighbors(p.cx, p.cy, Infinity, reach);
        count = within(i, cands);
      }
      core[i] = count >= minPoints;
    }
  }
  const cores: number[] = [];
  for (let i = 0; i < n; i++) if (core[i]) cores.push(i);
  const tree = cores.length === n ? ctx.tree : spanningTree(parks, cores);
  const uf = new UnionFind(n);
  for (const e of tree) {
    if (e.metres > distanceM) break;
    uf.union(e.a, e.b);
  }
  const groups = new Map<number, number[]>();
  for (const i of cores) {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  // Border parks: within the distance of a core without being one. With minPoints ≤ 2 there are none (a park
  // within the distance of a core has a neighbour within it, so it is a core itself).
  const borderOf = new Map<number, number>();
  if (minPoints > 2 && cores.length > 0) {
    const coreIndex = new Flatbush(cores.length);
    for (const i of cores) coreIndex.add(parks[i]!.cx, parks[i]!.cy, parks[i]!.cx, parks[i]!.cy);
    coreIndex.finish();
    for (let i = 0; i < n; i++) {
      if (core[i]) continue;
      const p = parks[i]!;
      let best = -1;
      let bestM = Infinity;
      for (const k of coreIndex.neighbors(p.cx, p.cy, 4, reach)) {
        const j = cores[k]!;
        const q = parks[j]!;
        const m = haversine(p.lon, p.lat, q.lon, q.lat);
        if (m <= distanceM && (m < bestM || (m === bestM && j < best))) {
          bestM = m;
          best = j;
        }
      }
      if (best >= 0) borderOf.set(i, uf.find(best));
    }
  }
  // Number clusters by size (largest first), ties by their first member's index (the smallest id).
  const sizeOf = new Map<number, number>();
  const firstOf = new Map<number, number>();
  for (const [r, g] of groups) {
    sizeOf.set(r, g.length);
    firstOf.set(r, g[0]!);
  }
  for (const [i, r] of borderOf) {
    sizeOf.set(r, sizeOf.get(r)! + 1);
    if (i < firstOf.get(r)!) firstOf.set(r, i);
  }
  const roots = [...groups.keys()].sort((u, v) => sizeOf.get(v)! - sizeOf.get(u)! || firstOf.get(u)! - firstOf.get(v)!);
  const rootLabel = new Map<number, number>();
  roots.forEach((r, k) => rootLabel.set(r, k));
  for (const i of cores) labels[i] = rootLabel.get(uf.find(i))!;
  for (const [i, r] of borderOf) labels[i] = rootLabel.get(r)!;
  return { labels, sizes: roots.map((r) => sizeOf.get(r)!), core };
}
