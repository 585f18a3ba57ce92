import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Geometry kernel of the dispersion analysis: a local plane and the few planar operations the analysis needs
 * (ring areas and centroids, point/segment distances, half-plane clipping), on flat coordinate arrays so that
 * tens of thousands of parks cost little. Pure functions; nothing here mutates its inputs.
 *
 * Rings are flat arrays `[x0, y0, x1, y1, …]` without the closing vertex. Polygons are lists of rings whose
 * orientation encodes the role: outer rings counter-clockwise (positive area), holes clockwise, so that the sum
 * of the rings' signed areas is the polygon's area and the sum of their winding numbers is 1 inside, 0 outside.
 */

/** Turf's earth radius (m), the one @turf/distance and @turf/area use, so figures match Turf's to rounding. */
export const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres, the same formula as @turf/distance (haversine). */
export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.sin(dLon / 2) ** 2 * Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD);
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_M;
}

/**
 * A stereographic projection of the sphere (Turf's radius) centred on the data. It is conformal and maps circles
 * on the sphere to circles in the plane, so a planar Delaunay triangulation of projected points is the spherical
 * one (the great-circle minimum spanning tree is a subgraph of it). Its scale error at distance s from the centre
 * is about (s / 2R)²: 6·10⁻⁷ at 10 km, 6·10⁻⁵ at 100 km — planar metres are great-circle metres at city scale.
 */
export class LocalPlane {
  readonly lon0: number;
  readonly lat0: number;
  private readonly sin0: number;
  private readonly cos0: number;

  constructor(lon0: number, lat0: number) {
    this.lon0 = lon0;
    this.lat0 = lat0;
    this.sin0 = Math.sin(lat0 * RAD);
    this.cos0 = Math.cos(lat0 * RAD);
  }

  /** Writes the projection of (lon, lat) into `out[at]`, `out[at + 1]`. */
  forwardInto(lon: number, lat: number, out: number[] | Float64Array, at: number): void {
    const phi = lat * RAD;
    const dl = (lon - this.lon0) * RAD;
    const sinP = Math.sin(phi);
    const cosP = Math.cos(phi);
    const cosL = Math.cos(dl);
    const k = (2 * EARTH_RADIUS_M) / (1 + this.sin0 * sinP + this.cos0 * cosP * cosL);
    out[at] = k * cosP * Math.sin(dl);
    out[at + 1] = k * (this.cos0 * sinP - this.sin0 * cosP * cosL);
  }

  forward(lon: number, lat: number): [number, number] {
    const out: [number, number] = [0, 0];
    this.forwardInto(lon, lat, out, 0);
    return out;
  }

  inverse(x: number, y: number): [number, number] {
    const rho = Math.hypot(x, y);
    if (rho === 0) return [this.lon0, this.lat0];
    const c = 2 * Math.atan(rho / (2 * EARTH_RADIUS_M));
    const sinC = Math.sin(c);
    const cosC = Math.cos(c);
    const lat = Math.asin(cosC * this.sin0 + (y * sinC * this.cos0) / rho) / RAD;
    const lon = this.lon0 + Math.atan2(x * sinC, rho * this.cos0 * cosC - y * this.sin0 * sinC) / RAD;
    return [lon, lat];
  }
}

/** Signed area of a flat ring (counter-clockwise positive). */
export function ringSignedArea(r: readonly number[]): number {
  const n = r.length;
  if (n < 6) return 0;
  // Relative to the first vertex: keeps precision when coordinates are large.
  const ox = r[0]!;
  const oy = r[1]!;
  let s = 0;
  let px = 0;
  let py = 0;
  for (let i = 2; i < n; i += 2) {
    const x = r[i]! - ox;
    const y = r[i + 1]! - oy;
    s += px * y - x * py;
    px = x;
    py = y;
  }
  return s / 2;
}

/** Sum of signed areas of rings. */
export function ringsArea(rings: readonly (readonly number[])[]): number {
  let s = 0;
  for (const r of rings) s += ringSignedArea(r);
  return s;
}

/** Area-weighted centroid of signed rings (holes subtract), or null when the area is zero. */
export function ringsCentroid(rings: readonly (readonly number[])[]): [number, number] | null {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const first = rings[0];
  if (!first || first.length < 2) return null;
  const ox = first[0]!;
  const oy = first[1]!;
  for (const r of rings) {
    const n = r.length;
    for (let i = 0; i < n; i += 2) {
      const j = i + 2 < n ? i + 2 : 0;
      const x0 = r[i]! - ox;
      const y0 = r[i + 1]! - oy;
      const x1 = r[j]! - ox;
      const y1 = r[j + 1]! - oy;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  if (a === 0 || !Number.isFinite(a)) return null;
  return [ox + cx / (3 * a), oy + cy / (3 * a)];
}

/** Winding number of a point with respect to one ring (Sunday's algorithm). */
export function windingNumber(r: readonly number[], x: number, y: number): number {
  let w = 0;
  const n = r.length;
  for (let i = 0; i < n; i += 2) {
    const j = i + 2 < n ? i + 2 : 0;
    const x0 = r[i]!;
    const y0 = r[i + 1]!;
    const x1 = r[j]!;
    const y1 = r[j + 1]!;
    if (y0 <= y) {
      if (y1 > y && (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0) > 0) w++;
    } else if (y1 <= y && (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0) < 0) w--;
  }
  return w;
}

/** Whether a point lies inside signed rings (sum of winding numbers non-zero). */
export function insideRings(rings: readonly (readonly number[])[], x: number, y: number): boolean {
  let w = 0;
  for (const r of rings) w += windingNumber(r, x, y);
  return w !== 0;
}

/** Squared distance from (px, py) to segment (ax, ay)–(bx, by); writes the nearest point into `near` if given. */
export function pointSegmentDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number, near?: number[]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const qx = ax + t * dx;
  const qy = ay + t * dy;
  if (near) {
    near[0] = qx;
    near[1] = qy;
  }
  return (px - qx) ** 2 + (py - qy) ** 2;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether closed segments ab and cd share a point (touching counts). */
export function segmentsIntersect(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (d1 === 0 && on(cx, cy, dx, dy, ax, ay)) return true;
  if (d2 === 0 && on(cx, cy, dx, dy, bx, by)) return true;
  if (d3 === 0 && on(ax, ay, bx, by, cx, cy)) return true;
  if (d4 === 0 && on(ax, ay, bx, by, dx, dy)) return true;
  return false;
}

/** Whether r lies in the box of p and q (for a point known to be on the line pq). */
function on(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
}

/**
 * Clips a closed ring to the half-plane a·x + b·y + c ≥ 0 (Sutherland–Hodgman). The result's signed area is the
 * signed area of the ring's part in the half-plane, also for non-convex rings (a part that falls apart is joined
 * by zero-width bridges along the line, which add no area). Returns null when nothing is left.
 */
export function clipHalfPlane(r: readonly number[], a: number, b: number, c: number): number[] | null {
  const n = r.length;
  if (n < 6) return null;
  const out: number[] = [];
  let px = r[n - 2]!;
  let py = r[n - 1]!;
  let pv = a * px + b * py + c;
  for (let i = 0; i < n; i += 2) {
    const x = r[i]!;
    const y = r[i + 1]!;
    const v = a * x + b * y + c;
    if (v >= 0) {
      if (pv < 0) {
        const t = pv / (pv - v);
        out.push(px + t * (x - px), py + t * (y - py));
      }
      out.push(x, y);
    } else if (pv >= 0) {
      const t = pv / (pv - v);
      out.push(px + t * (x - px), py + t * (y - py));
    }
    px = x;
    py = y;
    pv = v;
  }
  return out.length >= 6 ? out : null;
}

/** Clips a ring to a convex counter-clockwise ring; null when nothing is left. */
export function clipConvex(r: readonly number[], convex: readonly number[]): number[] | null {
  let cur: readonly number[] | null = r;
  const n = convex.length;
  for (let i = 0; i < n && cur; i += 2) {
    const j = i + 2 < n ? i + 2 : 0;
    const x0 = convex[i]!;
    const y0 = convex[i + 1]!;
    const x1 = convex[j]!;
    const y1 = convex[j + 1]!;
    // Left of the directed edge is inside for a counter-clockwise ring: (x1−x0)(y−y0) − (y1−y0)(x−x0) ≥ 0.
    cur = clipHalfPlane(cur, -(y1 - y0), x1 - x0, (y1 - y0) * x0 - (x1 - x0) * y0);
  }
  return cur as number[] | null;
}

/** Bounding box of flat rings: [minX, minY, maxX, maxY]. */
export function ringsBBox(rings: readonly (readonly number[])[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rings) {
    for (let i = 0; i < r.length; i += 2) {
      const x = r[i]!;
      const y = r[i + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Whether a ring is convex and counter-clockwise (collinear vertices allowed). */
export function isConvexCCW(r: readonly number[]): boolean {
  const n = r.length;
  if (n < 6) return false;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    const k = (i + 4) % n;
    if (orient(r[i]!, r[i + 1]!, r[j]!, r[j + 1]!, r[k]!, r[k + 1]!) < 0) return false;
  }
  return ringSignedArea(r) > 0;
}

/** Whether a point lies in a convex counter-clockwise ring (boundary included). */
export function insideConvex(r: readonly number[], x: number, y: number): boolean {
  const n = r.length;
  for (let i = 0; i < n; i += 2) {
    const j = i + 2 < n ? i + 2 : 0;
    if (orient(r[i]!, r[i + 1]!, r[j]!, r[j + 1]!, x, y) < 0) return false;
  }
  return true;
}

/**
 * Corners of a regular polygon with the area of the circle of radius `r` (counter-clockwise, flat). The disks of
 * the coverage are drawn with it: its area is exact and its outline is within r·π²/(2N²)·… — under 1 m of the
 * circle for N = 64 and r ≤ 1.5 km.
 */
export function equalAreaPolygon(cx: number, cy: number, r: number, segments = 64): number[] {
  const R = r * Math.sqrt((2 * Math.PI) / (segments * Math.sin((2 * Math.PI) / segments)));
  const out = new Array<number>(segments * 2);
  for (let i = 0; i < segments; i++) {
    const a = (2 * Math.PI * i) / segments;
    out[2 * i] = cx + R * Math.cos(a);
    out[2 * i + 1] = cy + R * Math.sin(a);
  }
  return out;
}

function polarAngle(x: number, y: number): number {
  const t = Math.atan2(y, x);
  return t < 0 ? t + 2 * Math.PI : t;
}

/**
 * Minkowski sum of two convex counter-clockwise polygons (flat), by merging their edges in order of direction:
 * O(m + n), no sort. Used to grow a triangle by a disk polygon.
 */
export function minkowskiConvex(a: readonly number[], b: readonly number[]): number[] {
  const start = (p: readonly number[]) => {
    let best = 0;
    for (let i = 2; i < p.length; i += 2) if (p[i + 1]! < p[best + 1]! || (p[i + 1] === p[best + 1] && p[i]! < p[best]!)) best = i;
    return best / 2;
  };
  const n = a.length / 2;
  const m = b.length / 2;
  const ia0 = start(a);
  const ib0 = start(b);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const ai = (ia0 + i) % n;
    const bj = (ib0 + j) % m;
    out.push(a[2 * ai]! + b[2 * bj]!, a[2 * ai + 1]! + b[2 * bj + 1]!);
    const an = (ai + 1) % n;
    const bn = (bj + 1) % m;
    const ex = a[2 * an]! - a[2 * ai]!;
    const ey = a[2 * an + 1]! - a[2 * ai + 1]!;
    const fx = b[2 * bn]! - b[2 * bj]!;
    const fy = b[2 * bn + 1]! - b[2 * bj + 1]!;
    // From the lowest vertices, edge directions rise from 0 to 2π: take the smaller.
    const ta = polarAngle(ex, ey);
    const tb = polarAngle(fx, fy);
    if (j >= m || (i < n && ta < tb - 1e-12)) i++;
    else if (i >= n || tb < ta - 1e-12) j++;
    else {
      i++;
      j++;
    }
  }
  return out;
}

/**
 * Akl–Toussaint: the points not strictly inside the octagon of the extreme points in x, y, x + y and x − y. Only
 * these can be on the hull; for a large cloud they are few, so the hull's sort stays small.
 */
function outsideOctagon(points: readonly number[], idx: number[]): number[] {
  // Extremes in the directions 0°, 45°, … 315°: max x, max x+y, max y, max y−x, min x, min x+y, min y, min y−x.
  const best = [-Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity];
  const ext = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const i of idx) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    const v0 = x;
    const v1 = x + y;
    const v2 = y;
    const v3 = y - x;
    if (v0 > best[0]!) (best[0] = v0), (ext[0] = i);
    if (v1 > best[1]!) (best[1] = v1), (ext[1] = i);
    if (v2 > best[2]!) (best[2] = v2), (ext[2] = i);
    if (v3 > best[3]!) (best[3] = v3), (ext[3] = i);
    if (-v0 > best[4]!) (best[4] = -v0), (ext[4] = i);
    if (-v1 > best[5]!) (best[5] = -v1), (ext[5] = i);
    if (-v2 > best[6]!) (best[6] = -v2), (ext[6] = i);
    if (-v3 > best[7]!) (best[7] = -v3), (ext[7] = i);
  }
  // The octagon of the extremes, counter-clockwise.
  const oct: number[] = [];
  for (const i of ext) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    if (oct.length === 0 || oct[oct.length - 2] !== x || oct[oct.length - 1] !== y) oct.push(x, y);
  }
  if (oct.length >= 4 && oct[0] === oct[oct.length - 2] && oct[1] === oct[oct.length - 1]) oct.length -= 2;
  if (oct.length < 6 || ringSignedArea(oct) <= 0) return idx;
  const m = oct.length;
  const out: number[] = [];
  for (const i of idx) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    for (let k = 0; k < m; k += 2) {
      const j = k + 2 < m ? k + 2 : 0;
      if (orient(oct[k]!, oct[k + 1]!, oct[j]!, oct[j + 1]!, x, y) <= 0) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

/** Convex hull of flat points (Andrew's monotone chain), counter-clockwise, flat; fewer than 3 points returned as is. */
export function convexHull(points: readonly number[]): number[] {
  const n = points.length / 2;
  let idx = Array.from({ length: n }, (_, i) => i);
  if (n > 64) idx = outsideOctagon(points, idx);
  idx.sort((i, j) => points[2 * i]! - points[2 * j]! || points[2 * i + 1]! - points[2 * j + 1]!);
  if (n < 3) return idx.flatMap((i) => [points[2 * i]!, points[2 * i + 1]!]);
  const hull: number[] = [];
  const push = (i: number, floor: number) => {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    while (hull.length >= floor + 4) {
      const l = hull.length;
      if (orient(hull[l - 4]!, hull[l - 3]!, hull[l - 2]!, hull[l - 1]!, x, y) > 0) break;
      hull.length = l - 2;
    }
    hull.push(x, y);
  };
  for (const i of idx) push(i, 0);
  const lower = hull.length;
  for (let k = n - 2; k >= 0; k--) push(idx[k]!, lower - 2);
  hull.length -= 2; // the last point repeats the first
  return hull;
}

/** Projected rings of a (multi)polygon, grouped per polygon (outer counter-clockwise, holes clockwise). */
export function projectPolygons(geometry: Polygon | MultiPolygon, plane: LocalPlane): number[][][] {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: number[][][] = [];
  for (const poly of polys) {
    const rings: number[][] = [];
    poly.forEach((ring: Position[], k: number) => {
      const flat: number[] = [];
      const n = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.length - 1 : ring.length;
      for (let i = 0; i < n; i++) {
        const p = ring[i]!;
        const at = flat.length;
        plane.forwardInto(p[0]!, p[1]!, flat, at);
        // Repeated positions add nothing and upset the triangulation.
        if (at >= 2 && flat[at] === flat[at - 2] && flat[at + 1] === flat[at - 1]) flat.length = at;
      }
      if (flat.length < 6) return;
      const a = ringSignedArea(flat);
      if (a === 0) return;
      if ((k === 0) !== a > 0) {
        const rev: number[] = [];
        for (let i = flat.length - 2; i >= 0; i -= 2) rev.push(flat[i]!, flat[i + 1]!);
        rings.push(rev);
      } else rings.push(flat);
    });
    if (rings.length > 0 && ringSignedArea(rings[0]!) > 0) out.push(rings);
  }
  return out;
}
