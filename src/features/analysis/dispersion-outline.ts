/**
 * A park's outline in the dispersion analysis's plane, checked: positions that are finite lon/lat, rings projected
 * without repeated positions, and whether the rings of one (multi)polygon touch or cross (a sweep along x for
 * large outlines). dispersion-prepare.ts leaves out the parks these checks reject.
 */
import type { Position } from 'geojson';
import { segmentsIntersect } from './dispersion-convex.ts';
import type { LocalPlane } from './dispersion-geo.ts';

/** Whether a value is a position with a finite lon/lat in range. */
export function validLonLat(p: unknown): p is Position {
  if (!Array.isArray(p) || p.length < 2) return false;
  const [x, y] = p as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;
}

/**
 * A ring projected to a flat array, without repeated consecutive positions and without the closing one; or why
 * it cannot be used.
 */
export function projectRing(ring: unknown, plane: LocalPlane): number[] | string {
  if (!Array.isArray(ring)) return 'a ring is not a list of positions';
  if (ring.length < 4) return 'a ring has fewer than 4 positions';
  const first = ring[0] as unknown;
  const last = ring[ring.length - 1] as unknown;
  if (!validLonLat(first) || !validLonLat(last)) return 'a position is not a finite lon/lat';
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring is not closed';
  const flat: number[] = [];
  let plon = NaN;
  let plat = NaN;
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i] as unknown;
    if (!validLonLat(p)) return 'a position is not a finite lon/lat';
    const lon = p[0]!;
    const lat = p[1]!;
    if (lon === plon && lat === plat) continue;
    plon = lon;
    plat = lat;
    plane.forwardInto(lon, lat, flat, flat.length);
  }
  // The ring may repeat its first position before closing.
  while (flat.length >= 4 && flat[0] === flat[flat.length - 2] && flat[1] === flat[flat.length - 1]) flat.length -= 2;
  if (flat.length < 6) return 'a ring has fewer than 3 distinct positions';
  return flat;
}

// Segments of the outline being checked, in module-level arrays reused from park to park: segment k runs from
// (X0, Y0) to (X1, Y1) and is the POS-th of the LEN segments of ring RING.
let X0 = new Float64Array(64);
let Y0 = new Float64Array(64);
let X1 = new Float64Array(64);
let Y1 = new Float64Array(64);
let RING = new Int32Array(64);
let POS = new Int32Array(64);
let LEN = new Int32Array(64);

function segmentsBad(i: number, j: number): boolean {
  if (Math.max(X0[i]!, X1[i]!) < Math.min(X0[j]!, X1[j]!) || Math.max(X0[j]!, X1[j]!) < Math.min(X0[i]!, X1[i]!)) return false;
  if (Math.max(Y0[i]!, Y1[i]!) < Math.min(Y0[j]!, Y1[j]!) || Math.max(Y0[j]!, Y1[j]!) < Math.min(Y0[i]!, Y1[i]!)) return false;
  if (RING[i] === RING[j]) {
    const n = LEN[i]!;
    const d = Math.abs(POS[i]! - POS[j]!);
    if (d === 1 || d === n - 1) {
      // Neighbours share one vertex; they are bad only if they run back along each other (a spike).
      const a = (POS[i]! + 1) % n === POS[j]! ? i : j;
      const b = a === i ? j : i;
      const px = X0[a]!;
      const py = Y0[a]!;
      const qx = X1[a]!;
      const qy = Y1[a]!;
      const rx = X1[b]!;
      const ry = Y1[b]!;
      const cross = (qx - px) * (ry - py) - (qy - py) * (rx - px);
      const dot = (px - qx) * (rx - qx) + (py - qy) * (ry - qy);
      return cross === 0 && dot > 0;
    }
  }
  return segmentsIntersect(X0[i]!, Y0[i]!, X1[i]!, Y1[i]!, X0[j]!, Y0[j]!, X1[j]!, Y1[j]!);
}

/**
 * Whether the projected rings of one (multi)polygon touch or cross: every pair of non-adjacent edges must be
 * disjoint, and adjacent edges meet only at their shared vertex (no spike doubling back).
 */
export function ringsCross(rings: readonly number[][]): boolean {
  let total = 0;
  for (const r of rings) total += r.length / 2;
  if (total > X0.length) {
    const size = 2 * total;
    X0 = new Float64Array(size);
    Y0 = new Float64Array(size);
    X1 = new Float64Array(size);
    Y1 = new Float64Array(size);
    RING = new Int32Array(size);
    POS = new Int32Array(size);
    LEN = new Int32Array(size);
  }
  let s = 0;
  for (let ri = 0; ri < rings.length; ri++) {
    const r = rings[ri]!;
    const n = r.length / 2;
    for (let k = 0; k < n; k++, s++) {
      const j = k + 1 < n ? k + 1 : 0;
      X0[s] = r[2 * k]!;
      Y0[s] = r[2 * k + 1]!;
      X1[s] = r[2 * j]!;
      Y1[s] = r[2 * j + 1]!;
      RING[s] = ri;
      POS[s] = k;
      LEN[s] = n;
    }
  }
  if (total <= 400) {
    for (let i = 0; i < total; i++) for (let j = i + 1; j < total; j++) if (segmentsBad(i, j)) return true;
    return false;
  }
  // Larger outlines: sweep along x, so that only segments with overlapping x-ranges are compared.
  const minX = new Float64Array(total);
  for (let i = 0; i < total; i++) minX[i] = Math.min(X0[i]!, X1[i]!);
  const order = Int32Array.from({ length: total }, (_, i) => i).sort((i, j) => minX[i]! - minX[j]!);
  const active: number[] = [];
  for (const i of order) {
    for (let a = active.length - 1; a >= 0; a--) {
      const t = active[a]!;
      if (Math.max(X0[t]!, X1[t]!) < minX[i]!) {
        active[a] = active[active.length - 1]!;
        active.pop();
      } else if (segmentsBad(i, t)) return true;
    }
    active.push(i);
  }
  return false;
}
