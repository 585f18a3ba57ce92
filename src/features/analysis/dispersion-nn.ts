/**
 * Edge-to-edge nearest neighbours of the dispersion analysis, found with a spatial index (Flatbush) in the local
 * plane and reported as great-circle metres between the points found: candidates by bounding box, then the exact
 * distance between the outlines. (Centroid-to-centroid neighbours come from the Delaunay graph.)
 */
import Flatbush from 'flatbush';
import { segmentsIntersect } from './dispersion-convex.ts';
import { haversine, insideRings, pointSegmentDist2, ringsDist2, type LocalPlane } from './dispersion-geo.ts';
import type { PreparedPark } from './dispersion-prepare.ts';

export interface Nearest {
  /** Index (in the list searched) of the nearest other park, or -1. */
  index: number;
  /** Great-circle metres, or NaN when there is no other park. */
  metres: number;
}

/** An index of park centroids (zero-size boxes) for k-nearest searches. */
export function centroidIndex(parks: readonly PreparedPark[]): Flatbush | null {
  if (parks.length === 0) return null;
  const idx = new Flatbush(parks.length);
  for (const p of parks) idx.add(p.cx, p.cy, p.cx, p.cy);
  idx.finish();
  return idx;
}

/** An index of bounding boxes (parks', or the coverage's and the zones' pieces'); null when there is none. */
export function boxIndex(items: readonly { readonly bbox: readonly number[] }[]): Flatbush | null {
  if (items.length === 0) return null;
  const idx = new Flatbush(items.length);
  for (const { bbox } of items) idx.add(bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!);
  idx.finish();
  return idx;
}

const near = [0, 0];
/** The nearest pair of points found by the last {@link parkDistance} call: [ax, ay, bx, by]. */
export const nearestPair = [0, 0, 0, 0];

function setPair(ax: number, ay: number, bx: number, by: number): void {
  nearestPair[0] = ax;
  nearestPair[1] = ay;
  nearestPair[2] = bx;
  nearestPair[3] = by;
}

/** Squared planar distance from a point to signed rings' edges (0 inside); sets {@link nearestPair}. */
function pointToRings(x: number, y: number, rings: readonly (readonly number[])[], inside: boolean, swap: boolean): number {
  if (inside) {
    setPair(x, y, x, y);
    return 0;
  }
  const best = ringsDist2(rings, x, y, near);
  if (swap) setPair(near[0]!, near[1]!, x, y);
  else setPair(x, y, near[0]!, near[1]!);
  return best;
}

function boxesMeet(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

/**
 * Squared planar distance between two parks' geometries (0 when they touch or one contains the other); the
 * nearest pair of points is left in {@link nearestPair}.
 */
export function parkDistance(a: PreparedPark, b: PreparedPark): number {
  if (a.kind === 'point' && b.kind === 'point') {
    setPair(a.cx, a.cy, b.cx, b.cy);
    return (a.cx - b.cx) ** 2 + (a.cy - b.cy) ** 2;
  }
  const meet = boxesMeet(a.bbox, b.bbox);
  if (a.kind === 'point') return pointToRings(a.cx, a.cy, b.rings, meet && insideRings(b.rings, a.cx, a.cy), false);
  if (b.kind === 'point') return pointToRings(b.cx, b.cy, a.rings, meet && insideRings(a.rings, b.cx, b.cy), true);
  // Two outlines: 0 if edges meet or one holds a vertex of the other (only possible when the boxes meet);
  // else the nearest vertex–edge pair.
  if (meet) {
    for (const ra of a.rings) {
      const na = ra.length;
      for (let i = 0; i < na; i += 2) {
        const i2 = i + 2 < na ? i + 2 : 0;
        for (const rb of b.rings) {
          const nb = rb.length;
          for (let k = 0; k < nb; k += 2) {
            const k2 = k + 2 < nb ? k + 2 : 0;
            if (segmentsIntersect(ra[i]!, ra[i + 1]!, ra[i2]!, ra[i2 + 1]!, rb[k]!, rb[k + 1]!, rb[k2]!, rb[k2 + 1]!)) {
              intersectionPoint(ra[i]!, ra[i + 1]!, ra[i2]!, ra[i2 + 1]!, rb[k]!, rb[k + 1]!, rb[k2]!, rb[k2 + 1]!);
              return 0;
            }
          }
        }
      }
    }
    const a0 = a.rings[0]!;
    const b0 = b.rings[0]!;
    if (insideRings(b.rings, a0[0]!, a0[1]!)) {
      setPair(a0[0]!, a0[1]!, a0[0]!, a0[1]!);
      return 0;
    }
    if (insideRings(a.rings, b0[0]!, b0[1]!)) {
      setPair(b0[0]!, b0[1]!, b0[0]!, b0[1]!);
      return 0;
    }
  }
  let best = Infinity;
  let px = 0;
  let py = 0;
  let qx = 0;
  let qy = 0;
  for (const ra of a.rings) {
    const na = ra.length;
    for (let i = 0; i < na; i += 2) {
      const i2 = i + 2 < na ? i + 2 : 0;
      const ax = ra[i]!;
      const ay = ra[i + 1]!;
      const bx = ra[i2]!;
      const by = ra[i2 + 1]!;
      for (const rb of b.rings) {
        const nb = rb.length;
        for (let k = 0; k < nb; k += 2) {
          const k2 = k + 2 < nb ? k + 2 : 0;
          const cx = rb[k]!;
          const cy = rb[k + 1]!;
          let d2 = pointSegmentDist2(ax, ay, cx, cy, rb[k2]!, rb[k2 + 1]!, near);
          if (d2 < best) {
            best = d2;
            px = ax;
            py = ay;
            qx = near[0]!;
            qy = near[1]!;
          }
          d2 = pointSegmentDist2(cx, cy, ax, ay, bx, by, near);
          if (d2 < best) {
            best = d2;
            px = near[0]!;
            py = near[1]!;
            qx = cx;
            qy = cy;
          }
        }
      }
    }
  }
  setPair(px, py, qx, qy);
  return best;
}

function intersectionPoint(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): void {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  const t = den === 0 ? 0 : ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
  const x = ax + t * (bx - ax);
  const y = ay + t * (by - ay);
  setPair(x, y, x, y);
}

function boxDist2(a: readonly number[], b: readonly number[]): number {
  const dx = Math.max(0, a[0]! - b[2]!, b[0]! - a[2]!);
  const dy = Math.max(0, a[1]! - b[3]!, b[1]! - a[3]!);
  return dx * dx + dy * dy;
}

/**
 * For each park, the nearest other one edge to edge. The centroid-nearest park gives an upper bound; every park
 * whose box lies within it is then measured exactly, nearest box first, until the next box is farther than the
 * best distance found.
 */
export function nearestEdges(parks: readonly PreparedPark[], boxes: Flatbush | null, nearestCentroid: Int32Array, plane: LocalPlane): Nearest[] {
  const out: Nearest[] = [];
  const cand: number[] = [];
  const candD: number[] = [];
  for (let i = 0; i < parks.length; i++) {
    const p = parks[i]!;
    const first = nearestCentroid[i]!;
    if (!boxes || first < 0) {
      out.push({ index: -1, metres: NaN });
      continue;
    }
    let best = first;
    let bestD2 = parkDistance(p, parks[first]!);
    let pair0 = nearestPair[0]!;
    let pair1 = nearestPair[1]!;
    let pair2 = nearestPair[2]!;
    let pair3 = nearestPair[3]!;
    if (bestD2 > 0) {
      const reach = Math.sqrt(bestD2);
      cand.length = 0;
      candD.length = 0;
      boxes.search(p.bbox[0] - reach, p.bbox[1] - reach, p.bbox[2] + reach, p.bbox[3] + reach, (j) => {
        if (j !== i && j !== first) {
          const d = boxDist2(p.bbox, parks[j]!.bbox);
          if (d < bestD2) {
            cand.push(j);
            candD.push(d);
          }
        }
        return false;
      });
      // Overlapping boxes first (the likeliest to touch), then the rest while they can still beat the best; no
      // sort — in dense sets the candidates run into the hundreds.
      for (let pass = 0; pass < 2 && bestD2 > 0; pass++) {
        for (let k = 0; k < cand.length; k++) {
          const bd = candD[k]!;
          if ((pass === 0) !== (bd === 0) || bd >= bestD2) continue;
          const j = cand[k]!;
          const d2 = parkDistance(p, parks[j]!);
          if (d2 < bestD2 || (d2 === bestD2 && j < best)) {
            bestD2 = d2;
            best = j;
            pair0 = nearestPair[0]!;
            pair1 = nearestPair[1]!;
            pair2 = nearestPair[2]!;
            pair3 = nearestPair[3]!;
            if (d2 === 0) break;
          }
        }
      }
    }
    const q = parks[best]!;
    if (bestD2 === 0) out.push({ index: best, metres: 0 });
    else if (p.kind === 'point' && q.kind === 'point') out.push({ index: best, metres: haversine(p.lon, p.lat, q.lon, q.lat) });
    else {
      const [lon1, lat1] = plane.inverse(pair0, pair1);
      const [lon2, lat2] = plane.inverse(pair2, pair3);
      out.push({ index: best, metres: haversine(lon1, lat1, lon2, lat2) });
    }
  }
  return out;
}

/** Mean, median, min and max of a sample, or null when it is empty. */
export function summarise(values: readonly number[]): { meanM: number; medianM: number; minM: number; maxM: number } | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  let s = 0;
  for (const x of v) s += x;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { meanM: s / v.length, medianM: median, minM: v[0]!, maxM: v[v.length - 1]! };
}
