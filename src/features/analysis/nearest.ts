/**
 * Planar nearest-neighbour distances of many point sets, fast enough for a thousand placements of a thousand
 * points: all pairs for small sets, else the Delaunay graph (Delaunator, as dispersion-graph.ts), which holds every
 * point's nearest neighbour in O(n log n).
 */
import Delaunator from 'delaunator';

/** Up to this many points, all pairs are cheaper than building a triangulation. */
const ALL_PAIRS_UP_TO = 48;

/**
 * Writes each point's nearest-neighbour distance into `out` (length ≥ n) and returns their mean. `xy` holds
 * x0, y0, x1, y1, …; n ≥ 2.
 */
export function nearestDistances(xy: Float64Array, n: number, out: Float64Array): number {
  if (n <= ALL_PAIRS_UP_TO) allPairs(xy, n, out);
  else delaunay(xy, n, out);
  let s = 0;
  for (let i = 0; i < n; i++) s += out[i]!;
  return s / n;
}

function allPairs(xy: Float64Array, n: number, out: Float64Array): void {
  out.fill(Infinity, 0, n);
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    let best = out[i]!;
    for (let j = i + 1; j < n; j++) {
      const d2 = (xy[2 * j]! - x) ** 2 + (xy[2 * j + 1]! - y) ** 2;
      if (d2 < best) best = d2;
      if (d2 < out[j]!) out[j] = d2;
    }
    out[i] = best;
  }
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(out[i]!);
}

function delaunay(xy: Float64Array, n: number, out: Float64Array): void {
  const coords = n * 2 === xy.length ? xy : xy.subarray(0, 2 * n);
  const d = new Delaunator(coords);
  const t = d.triangles;
  // Collinear sets have no triangle; repeated points are left out of the triangulation: both go to all pairs.
  if (t.length === 0) {
    allPairs(xy, n, out);
    return;
  }
  out.fill(Infinity, 0, n);
  for (let k = 0; k < t.length; k++) {
    const i = t[k]!;
    const j = t[k % 3 === 2 ? k - 2 : k + 1]!;
    const d2 = (xy[2 * j]! - xy[2 * i]!) ** 2 + (xy[2 * j + 1]! - xy[2 * i + 1]!) ** 2;
    if (d2 < out[i]!) out[i] = d2;
    if (d2 < out[j]!) out[j] = d2;
  }
  for (let i = 0; i < n; i++) {
    // Not a vertex of the triangulation: a repeat of another point, whose own neighbour is then 0 too.
    if (out[i] === Infinity) {
      allPairs(xy, n, out);
      return;
    }
  }
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(out[i]!);
}
