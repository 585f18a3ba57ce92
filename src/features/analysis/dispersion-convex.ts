/**
 * The dispersion analysis's planar operations built on the orientation test, on flat rings (see
 * dispersion-geo.ts): whether segments cross, clipping a ring to a half-plane or a convex ring, and the convex
 * polygons the analysis builds — the equal-area polygon the coverage draws its disks with, the Minkowski sum that
 * grows a triangle by such a disk, and the convex hull of a cloud of points (the cluster overlays). They share one
 * module with `orient`, which their inner loops call: unbundled (tsx, the benchmark), a call to another module's
 * `orient` made the coverage step half as slow again.
 */
import { ringSignedArea } from './dispersion-geo.ts';

/** Twice the signed area of the triangle abc: positive when c lies left of the directed line ab. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether closed segments ab and cd share a point (touching counts). */
export function segmentsIntersect(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
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
  const take = (d: number, v: number, i: number) => {
    if (v > best[d]!) {
      best[d] = v;
      ext[d] = i;
    }
  };
  for (const i of idx) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    take(0, x, i);
    take(1, x + y, i);
    take(2, y, i);
    take(3, y - x, i);
    take(4, -x, i);
    take(5, -(x + y), i);
    take(6, -y, i);
    take(7, -(y - x), i);
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
