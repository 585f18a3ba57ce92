/**
 * Ripley's K function as Besag's L, L(r) = √(K(r)/π), for points in a local plane, with Ripley's isotropic edge
 * correction (Ripley 1977; spatstat's `Kest(correction = "isotropic")`): a pair at distance d counts 1/e, e being the
 * share of the circle of radius d around the first point that lies in the study area — the chance that a partner at
 * that distance would have been seen at all. It suits an irregular outline such as Yangpu's, uses every point at
 * every distance (the border method would drop most of a dozen parks at a kilometre) and is nearly unbiased under
 * complete spatial randomness, so that L(r) − r ≈ 0 reads "as random". Weights are capped at 100, as spatstat does.
 */
import Flatbush from 'flatbush';
import type { StudyRegion } from './random.ts';

/** Largest weight of one pair (spatstat's default `maxweight`). */
const MAX_WEIGHT = 100;

/** Scratch for the circle's crossings with the boundary (angles and whether the boundary is entered there). */
let angles = new Float64Array(64);
let enters = new Uint8Array(64);

/**
 * The share of the circle of radius `d` around (cx, cy) inside the region. Each crossing of the circle with a
 * boundary edge enters the region (going counter-clockwise round the circle) when the edge runs away from the centre
 * there, since the region lies on each edge's left: so the inside arcs follow from the crossings alone, with no
 * point-in-polygon test unless the circle crosses nothing.
 */
export function circleInsideShare(region: StudyRegion, cx: number, cy: number, d: number): number {
  const e = region.edges;
  let k = 0;
  const d2 = d * d;
  for (let i = 0; i < e.length; i += 4) {
    const ax = e[i]! - cx;
    const ay = e[i + 1]! - cy;
    const bx = e[i + 2]! - cx;
    const by = e[i + 3]! - cy;
    if ((ax < -d && bx < -d) || (ax > d && bx > d) || (ay < -d && by < -d) || (ay > d && by > d)) continue;
    const ex = bx - ax;
    const ey = by - ay;
    const qa = ex * ex + ey * ey;
    const qb = 2 * (ax * ex + ay * ey);
    const qc = ax * ax + ay * ay - d2;
    const disc = qb * qb - 4 * qa * qc;
    if (!(disc > 0) || qa === 0) continue;
    const sq = Math.sqrt(disc);
    for (let root = 0; root < 2; root++) {
      const t = (-qb + (root === 0 ? -sq : sq)) / (2 * qa);
      // Half-open, so that a crossing at a vertex is counted once.
      if (t < 0 || t >= 1) continue;
      const px = ax + t * ex;
      const py = ay + t * ey;
      if (k === angles.length) {
        angles = Float64Array.from({ length: 2 * k }, (_, j) => angles[j] ?? 0);
        enters = Uint8Array.from({ length: 2 * k }, (_, j) => enters[j] ?? 0);
      }
      angles[k] = Math.atan2(py, px);
      enters[k] = ex * px + ey * py > 0 ? 1 : 0;
      k++;
    }
  }
  if (k === 0) return region.contains(cx + d, cy) ? 1 : 0;
  // Insertion sort: a circle crosses an outline a handful of times.
  for (let i = 1; i < k; i++) {
    const a = angles[i]!;
    const f = enters[i]!;
    let j = i - 1;
    while (j >= 0 && angles[j]! > a) {
      angles[j + 1] = angles[j]!;
      enters[j + 1] = enters[j]!;
      j--;
    }
    angles[j + 1] = a;
    enters[j + 1] = f;
  }
  let inside = 0;
  for (let i = 0; i < k; i++) {
    if (!enters[i]) continue;
    const next = i + 1 < k ? angles[i + 1]! : angles[0]! + 2 * Math.PI;
    inside += next - angles[i]!;
  }
  return Math.min(1, inside / (2 * Math.PI));
}

/**
 * L(r) at each of `distances` (ascending, metres) for the first n points of `xy` (x0, y0, …), written into `out`.
 * K(r) = A / (n(n − 1)) · Σ_{i≠j, dᵢⱼ ≤ r} wᵢⱼ with wᵢⱼ = 1/e(i, dᵢⱼ); pairs are found with a Flatbush index.
 */
export function lFunctionInto(xy: Float64Array, n: number, region: StudyRegion, distances: Float64Array, out: Float64Array): void {
  const m = distances.length;
  const sums = new Float64Array(m);
  const rmax = distances[m - 1]!;
  if (n >= 2 && rmax > 0) {
    const border = new Float64Array(n);
    const index = new Flatbush(n);
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      border[i] = region.boundaryDistance(x, y);
      index.add(x, y, x, y);
    }
    index.finish();
    const weight = (i: number, d: number) => {
      if (d <= border[i]!) return 1;
      const e = circleInsideShare(region, xy[2 * i]!, xy[2 * i + 1]!, d);
      return e * MAX_WEIGHT > 1 ? 1 / e : MAX_WEIGHT;
    };
    const r2 = rmax * rmax;
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      for (const j of index.search(x - rmax, y - rmax, x + rmax, y + rmax)) {
        if (j <= i) continue;
        const dd = (xy[2 * j]! - x) ** 2 + (xy[2 * j + 1]! - y) ** 2;
        if (dd > r2) continue;
        const d = Math.sqrt(dd);
        // The first distance at or beyond d: the pair counts from there on.
        let lo = 0;
        let hi = m - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (distances[mid]! >= d) hi = mid;
          else lo = mid + 1;
        }
        sums[lo]! += weight(i, d) + weight(j, d);
      }
    }
  }
  const scale = n >= 2 ? region.area / (n * (n - 1)) : 0;
  let acc = 0;
  for (let k = 0; k < m; k++) {
    acc += sums[k]!;
    out[k] = Math.sqrt((scale * acc) / Math.PI);
  }
}

/** One row of the L-function table: the distance, the observed L and L − r, and the simulation envelope. */
export interface LFunctionRow {
  /** Distance r (m). */
  r: number;
  /** L(r) of the observed points (m). */
  L: number;
  /** L(r) − r: above 0 more neighbours within r than random placement gives (clustering), below 0 fewer (spacing). */
  LminusR: number;
  /** Pointwise envelope: the least and the greatest L(r) among the simulations (m). */
  lo: number;
  hi: number;
  /** Mean L(r) of the simulations (m). */
  mean: number;
}

export interface LFunctionResult {
  /** Edge correction used for K. */
  correction: 'isotropic';
  /** Number of random placements behind the envelope. */
  simulations: number;
  rows: LFunctionRow[];
  /**
   * The global envelope test (maximum absolute deviation, Ripley 1981; Baddeley et al. 2014): T = max over r of
   * |L(r) − r|, ranked among the simulations' T. `rank` 1 is the most extreme; p = rank / (m + 1). `bandM` is the
   * half-width of the global envelope r ± bandM at the level alpha (null when m is too small for it).
   */
  global: { deviationM: number; rank: number; pValue: number; bandM: number | null };
}

/**
 * The observed L function and its envelope from `simulations` uniform placements of n points in the region
 * (drawn with `rand`).
 */
export function lEnvelope(
  xy: Float64Array,
  n: number,
  region: StudyRegion,
  distances: Float64Array,
  simulations: number,
  alpha: number,
  rand: () => number,
): LFunctionResult {
  const m = distances.length;
  const observed = new Float64Array(m);
  lFunctionInto(xy, n, region, distances, observed);
  const lo = new Float64Array(m).fill(Infinity);
  const hi = new Float64Array(m).fill(-Infinity);
  const sum = new Float64Array(m);
  const deviations = new Float64Array(simulations);
  const sim = new Float64Array(2 * n);
  const L = new Float64Array(m);
  const deviation = (v: Float64Array) => {
    let t = 0;
    for (let k = 0; k < m; k++) t = Math.max(t, Math.abs(v[k]! - distances[k]!));
    return t;
  };
  for (let s = 0; s < simulations; s++) {
    region.sampleInto(n, rand, sim);
    lFunctionInto(sim, n, region, distances, L);
    for (let k = 0; k < m; k++) {
      const v = L[k]!;
      if (v < lo[k]!) lo[k] = v;
      if (v > hi[k]!) hi[k] = v;
      sum[k]! += v;
    }
    deviations[s] = deviation(L);
  }
  const tObs = deviation(observed);
  let atLeast = 0;
  for (let s = 0; s < simulations; s++) if (deviations[s]! >= tObs) atLeast++;
  const sorted = Float64Array.from(deviations).sort().reverse();
  const kth = Math.floor(alpha * (simulations + 1));
  const rows: LFunctionRow[] = [];
  for (let k = 0; k < m; k++) {
    const r = distances[k]!;
    const l = observed[k]!;
    rows.push({
      r,
      L: l,
      LminusR: l - r,
      lo: simulations > 0 ? lo[k]! : l,
      hi: simulations > 0 ? hi[k]! : l,
      mean: simulations > 0 ? sum[k]! / simulations : l,
    });
  }
  return {
    correction: 'isotropic',
    simulations,
    rows,
    global: {
      deviationM: tObs,
      rank: atLeast + 1,
      pValue: (atLeast + 1) / (simulations + 1),
      bandM: kth >= 1 && kth <= simulations ? sorted[kth - 1]! : null,
    },
  };
}
