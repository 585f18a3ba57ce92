/**
 * Is the park space clustered, or could chance alone have placed it so? Tests that hold at a dozen parks, in the
 * manner of a Turf module (positions in, an options object, inputs never mutated, no Svelte or MapLibre):
 *
 * - Clark & Evans (1954) as the dashboard has it (no edge correction), and with **Donnelly's (1978) edge
 *   correction**, which adds the boundary's share to the expected mean distance (formulas at {@link donnelly});
 * - a **Monte Carlo test** after Besag & Diggle (1977): the observed mean nearest-neighbour distance ranked among
 *   those of `simulations` uniform random placements of as many points in the study area itself, so the outline's
 *   shape, the edge and the small n are all in the reference distribution; p = (k + 1)/(m + 1);
 * - **Besag's L function** (Ripley's K, isotropic edge correction) with its simulation envelope (ripley.ts).
 *
 * Distances are planar metres in the stereographic plane of dispersion-geo.ts centred on the study area (its scale
 * error is under 10⁻⁶ across a district, so they are great-circle metres to that precision). docs/data.md
 * ("Significance") states the methods and how to read them.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { LocalPlane } from './dispersion-geo.ts';
import { nearestDistances } from './nearest.ts';
import { mulberry32, StudyRegion } from './random.ts';
import { lEnvelope, type LFunctionResult } from './ripley.ts';

export type { LFunctionResult, LFunctionRow } from './ripley.ts';

/** Options of {@link testSignificance}; all but the study area have defaults. */
export interface SignificanceOptions {
  /** The study area (Yangpu's outline): the points are compared with random placements inside it. */
  studyArea: Polygon | MultiPolygon | null;
  /** Random placements of the Monte Carlo test of the mean nearest-neighbour distance (default 999). */
  simulations?: number;
  /** Seed of the placements (default 1): the same seed gives the same p-value and envelopes. */
  seed?: number;
  /** Level of the readings and of the envelopes (default 0.05). */
  alpha?: number;
  /** The L function and its envelope; `false` leaves it out (default: on, with the defaults below). */
  lFunction?: false | LFunctionOptions;
}

export interface LFunctionOptions {
  /** Distances r (m); default `steps` even steps up to `maxDistanceM`. */
  distancesM?: readonly number[];
  /** Number of distances when none are given (default 20). */
  steps?: number;
  /** Largest distance (default a quarter of the study area's shorter side, Ripley's rule, as spatstat). */
  maxDistanceM?: number;
  /** Random placements behind the envelope (default 99: the pointwise envelope of 99 is a 2 % test at each r). */
  simulations?: number;
}

/** A z-test of the mean nearest-neighbour distance against an expected mean and standard error. */
export interface NearestNeighbourZ {
  /** Expected mean nearest-neighbour distance under complete spatial randomness (m). */
  expectedMeanM: number;
  /** Its standard error (m). */
  seM: number;
  /** Observed / expected mean: below 1 closer together than random, above 1 farther apart. */
  R: number;
  z: number;
  /** One-sided p for clustering (Φ(z)), for dispersion (1 − Φ(z)), and two-sided. */
  pClustered: number;
  pDispersed: number;
  pTwoSided: number;
}

export type Reading = 'clustered' | 'random' | 'dispersed';

/** The Monte Carlo test of the mean nearest-neighbour distance. */
export interface MonteCarloTest {
  simulations: number;
  seed: number;
  /** Mean of the simulated means: what random placement of n points in this outline gives (m). */
  expectedMeanM: number;
  /** Observed / simulated mean: the ratio R corrected for this outline's edge by simulation. */
  R: number;
  /** Placements whose mean is at most / at least the observed one. */
  atMost: number;
  atLeast: number;
  /** (1 + atMost)/(m + 1), (1 + atLeast)/(m + 1), and min(1, 2 · the smaller). */
  pClustered: number;
  pDispersed: number;
  pTwoSided: number;
  /** The simulated means: least, greatest, and the alpha/2 and 1 − alpha/2 quantiles (m). */
  envelope: { minM: number; maxM: number; loM: number; hiM: number };
}

export type SignificanceMessageCode = 'no-study-area' | 'too-few' | 'outside-study-area';

export interface SignificanceResult {
  /** Points counted: those inside the study area. */
  n: number;
  /** Points left out because they lie outside the study area. */
  outside: number;
  studyAreaM2: number | null;
  perimeterM: number | null;
  observedMeanM: number | null;
  alpha: number;
  /** Clark–Evans without edge correction (the dashboard's figure), and with Donnelly's correction. */
  clarkEvans: NearestNeighbourZ | null;
  donnelly: NearestNeighbourZ | null;
  monteCarlo: MonteCarloTest | null;
  lFunction: LFunctionResult | null;
  /** The Monte Carlo test's two-sided reading at alpha (null without a test). */
  reading: Reading | null;
  messages: { code: SignificanceMessageCode; text: string }[];
}

/** Standard error constant of Clark & Evans: √((4 − π)/(4π)) = 0.26136. */
const CE_SE = 0.26136;

/**
 * The standard normal distribution function Φ, by the complementary error function of Numerical Recipes (erfcc,
 * a Chebyshev fit with relative error below 1.2·10⁻⁷ everywhere).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Donnelly's (1978) edge-corrected mean nearest-neighbour distance of n random points in a region of area A and
 * perimeter P, and its variance (Donnelly, K. P. 1978, "Simulations to determine the variance and edge effect of
 * total nearest-neighbour distance", in Hodder (ed.), Simulation Studies in Archaeology, CUP, 91–95; the expectation
 * is spatstat's `clarkevans` Donnelly correction, which writes 0.0412 for 0.041):
 *
 *   E[d̄] ≈ 0.5·√(A/n) + (0.0514 + 0.041/√n)·P/n,   Var[d̄] ≈ 0.070·A/n² + 0.037·P·√(A/n⁵).
 *
 * Fitted to simulations in rectangles; for an irregular outline it is an approximation (spatstat allows it for
 * rectangles only), which is why the Monte Carlo test is the one the readings rest on.
 */
export function donnelly(n: number, areaM2: number, perimeterM: number): { expectedMeanM: number; varianceM2: number; seM: number } {
  const expectedMeanM = 0.5 * Math.sqrt(areaM2 / n) + ((0.0514 + 0.041 / Math.sqrt(n)) * perimeterM) / n;
  const varianceM2 = (0.07 * areaM2) / (n * n) + 0.037 * perimeterM * Math.sqrt(areaM2 / n ** 5);
  return { expectedMeanM, varianceM2, seM: Math.sqrt(varianceM2) };
}

/** The z-test of an observed mean nearest-neighbour distance against an expected mean and standard error. */
export function nearestNeighbourZ(observedMeanM: number, expectedMeanM: number, seM: number): NearestNeighbourZ {
  const z = (observedMeanM - expectedMeanM) / seM;
  const below = normalCdf(z);
  return {
    expectedMeanM,
    seM,
    R: observedMeanM / expectedMeanM,
    z,
    pClustered: below,
    pDispersed: 1 - below,
    pTwoSided: Math.min(1, 2 * Math.min(below, 1 - below)),
  };
}

/** Clark & Evans (1954) without edge correction: E = 1/(2√λ), SE = 0.26136/√(nλ), λ = n/A. */
export function clarkEvansZ(observedMeanM: number, n: number, areaM2: number): NearestNeighbourZ {
  const density = n / areaM2;
  return nearestNeighbourZ(observedMeanM, 0.5 / Math.sqrt(density), CE_SE / Math.sqrt(n * density));
}

/** Clark & Evans with Donnelly's edge correction. */
export function donnellyZ(observedMeanM: number, n: number, areaM2: number, perimeterM: number): NearestNeighbourZ {
  const d = donnelly(n, areaM2, perimeterM);
  return nearestNeighbourZ(observedMeanM, d.expectedMeanM, d.seM);
}

/** The q-quantile of sorted values (linear between order statistics, R's type 7). */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The Monte Carlo test of a mean nearest-neighbour distance among `simulations` placements of n points. */
export function monteCarloNearest(observedMeanM: number, n: number, region: StudyRegion, simulations: number, seed: number, alpha: number): MonteCarloTest {
  const rand = mulberry32(seed);
  const xy = new Float64Array(2 * n);
  const scratch = new Float64Array(n);
  const means = new Float64Array(simulations);
  let atMost = 0;
  let atLeast = 0;
  let sum = 0;
  for (let s = 0; s < simulations; s++) {
    region.sampleInto(n, rand, xy);
    const v = nearestDistances(xy, n, scratch);
    means[s] = v;
    sum += v;
    if (v <= observedMeanM) atMost++;
    if (v >= observedMeanM) atLeast++;
  }
  means.sort();
  const expectedMeanM = simulations > 0 ? sum / simulations : NaN;
  const pClustered = (1 + atMost) / (simulations + 1);
  const pDispersed = (1 + atLeast) / (simulations + 1);
  return {
    simulations,
    seed,
    expectedMeanM,
    R: observedMeanM / expectedMeanM,
    atMost,
    atLeast,
    pClustered,
    pDispersed,
    pTwoSided: Math.min(1, 2 * Math.min(pClustered, pDispersed)),
    envelope: { minM: means[0]!, maxM: means[simulations - 1]!, loM: quantile(means, alpha / 2), hiM: quantile(means, 1 - alpha / 2) },
  };
}

/** The distances of the L function: given, or `steps` even steps up to the largest. */
function lDistances(options: LFunctionOptions, region: StudyRegion): Float64Array {
  const given = (options.distancesM ?? []).filter((d) => Number.isFinite(d) && d > 0);
  if (given.length > 0) return Float64Array.from(new Set(given)).sort();
  const [x0, y0, x1, y1] = region.bbox;
  const rmax = options.maxDistanceM !== undefined && options.maxDistanceM > 0 ? options.maxDistanceM : Math.min(x1 - x0, y1 - y0) / 4;
  const steps = Math.max(1, Math.round(options.steps ?? 20));
  return Float64Array.from({ length: steps }, (_, k) => (rmax * (k + 1)) / steps);
}

const count = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : fallback);

/**
 * Significance of the clustering of `points` (lon/lat; e.g. the dispersion result's park centroids) in the study
 * area: the Clark–Evans ratio without and with Donnelly's correction, the Monte Carlo test of the mean
 * nearest-neighbour distance and the L function with its envelope. Points outside the study area are left out (a
 * message says how many); fewer than 3 inside, or no study area, give null figures and a message.
 */
export function testSignificance(points: readonly (readonly number[] | Position)[], options: SignificanceOptions): SignificanceResult {
  const alpha = typeof options.alpha === 'number' && options.alpha > 0 && options.alpha < 1 ? options.alpha : 0.05;
  const simulations = count(options.simulations, 999);
  const seed = count(options.seed, 1);
  const messages: SignificanceResult['messages'] = [];
  const empty: SignificanceResult = {
    n: 0,
    outside: 0,
    studyAreaM2: null,
    perimeterM: null,
    observedMeanM: null,
    alpha,
    clarkEvans: null,
    donnelly: null,
    monteCarlo: null,
    lFunction: null,
    reading: null,
    messages,
  };
  const area = options.studyArea;
  if (!area || (area.type !== 'Polygon' && area.type !== 'MultiPolygon')) {
    messages.push({ code: 'no-study-area', text: 'No study area given: nothing to compare the points with' });
    return { ...empty, n: points.length };
  }
  const outer = area.type === 'Polygon' ? area.coordinates[0] : area.coordinates.flatMap((p) => p[0] ?? []);
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of outer ?? []) {
    minLon = Math.min(minLon, p[0]!);
    maxLon = Math.max(maxLon, p[0]!);
    minLat = Math.min(minLat, p[1]!);
    maxLat = Math.max(maxLat, p[1]!);
  }
  const plane = new LocalPlane((minLon + maxLon) / 2, (minLat + maxLat) / 2);
  const region = new StudyRegion(area, plane);
  if (!(region.area > 0)) {
    messages.push({ code: 'no-study-area', text: 'The study area has no area' });
    return { ...empty, n: points.length };
  }
  const inside: number[] = [];
  let outside = 0;
  const at = [0, 0];
  for (const p of points) {
    const lon = p[0];
    const lat = p[1];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      outside++;
      continue;
    }
    plane.forwardInto(lon, lat, at, 0);
    if (region.contains(at[0]!, at[1]!)) inside.push(at[0]!, at[1]!);
    else outside++;
  }
  const n = inside.length / 2;
  const base = { ...empty, n, outside, studyAreaM2: region.area, perimeterM: region.perimeter };
  if (outside > 0)
    messages.push({
      code: 'outside-study-area',
      text: `${outside} point${outside === 1 ? ' lies' : 's lie'} outside the study area and ${outside === 1 ? 'is' : 'are'} not counted`,
    });
  if (n < 3) {
    messages.push({ code: 'too-few', text: `The tests need at least 3 points inside the study area (${n})` });
    return base;
  }
  const xy = Float64Array.from(inside);
  const observedMeanM = nearestDistances(xy, n, new Float64Array(n));
  const monteCarlo = simulations > 0 ? monteCarloNearest(observedMeanM, n, region, simulations, seed, alpha) : null;
  const lOptions = options.lFunction === false ? null : (options.lFunction ?? {});
  // A stream of its own, so that the L function's settings never change the nearest-neighbour test's p-value.
  const lFunction = lOptions
    ? lEnvelope(xy, n, region, lDistances(lOptions, region), count(lOptions.simulations, 99), alpha, mulberry32(seed ^ 0x9e3779b9))
    : null;
  let reading: Reading | null = null;
  if (monteCarlo) reading = monteCarlo.pTwoSided > alpha ? 'random' : monteCarlo.pClustered <= monteCarlo.pDispersed ? 'clustered' : 'dispersed';
  return {
    ...base,
    observedMeanM,
    clarkEvans: clarkEvansZ(observedMeanM, n, region.area),
    donnelly: donnellyZ(observedMeanM, n, region.area, region.perimeter),
    monteCarlo,
    lFunction,
    reading,
  };
}
