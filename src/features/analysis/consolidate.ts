/**
 * Consolidation options for plan task 2: where could the scattered parks gather? Given parks and candidate hub sites
 * (the zone components, existing parks, points a planner adds), choose hubs and gather each park at its nearest one.
 * Pure, in the manner of a Turf module: sites in, an options object, inputs never mutated, deterministic.
 *
 * - **p-median** (Hakimi 1964): k hubs minimising the total park-to-hub distance;
 * - **p-centre**: k hubs minimising the largest park-to-hub distance (then the total);
 * - **covering** (Toregas et al. 1971, location set covering): the fewest hubs with every park within D (then the
 *   least total distance).
 *
 * Exact by enumerating every set of k candidates while that costs at most `exactBudget` distance look-ups; beyond,
 * a greedy start (and eight seeded random ones) improved by Teitz & Bart's (1968) vertex substitution (swap a chosen hub for an unchosen candidate
 * while it helps; each swap is priced in O(n) from every park's nearest and second-nearest hub). Distances are
 * great-circle metres (haversine, Turf's radius), computed once into a matrix.
 */
import { haversine } from './dispersion-geo.ts';
import { mulberry32 } from './random.ts';

/** A park or a candidate hub site. */
export interface ConsolidationSite {
  id: string;
  lon: number;
  lat: number;
}

export interface ConsolidationOptions {
  /** Number of hubs k (p-median or p-centre); ignored when `distanceM` asks for a cover. */
  hubs?: number;
  /** Every park within this distance of its hub (m): the fewest hubs that achieve it. */
  distanceM?: number;
  /** With `hubs`: minimise the total distance ('median', default) or the largest ('centre'). */
  objective?: 'median' | 'centre';
  /** Most distance look-ups (sets × parks × k) spent on exact enumeration (default 20,000,000, ≈ 0.1 s). */
  exactBudget?: number;
}

/** Figures of a grouping, before or after. */
export interface ConsolidationFigures {
  /** Number of groups: the parks themselves before, the hubs after. */
  groups: number;
  /** Mean and largest distance (m) from a park to its partner: the nearest other park before, its hub after. */
  meanM: number;
  maxM: number;
  /** Parks within D of their partner (null without a distance). */
  withinD: number | null;
}

export interface ConsolidationHub extends ConsolidationSite {
  /** Ids of the parks gathered here, nearest first. */
  parks: string[];
  meanM: number;
  maxM: number;
}

export type ConsolidationMessageCode = 'no-parks' | 'no-candidates' | 'uncoverable' | 'all-candidates';

export interface ConsolidationResult {
  method: 'p-median' | 'p-centre' | 'cover';
  /** Whether the optimum was proved by enumeration (else Teitz–Bart's local optimum). */
  exact: boolean;
  /** Chosen hubs in candidate order, each with the parks it gathers. */
  hubs: ConsolidationHub[];
  /** Each park's hub and distance, in park order. */
  assignments: { parkId: string; hubId: string; distanceM: number }[];
  before: ConsolidationFigures;
  after: ConsolidationFigures;
  /** Sum of the park-to-hub distances (m): the p-median objective. */
  totalM: number;
  distanceM: number | null;
  messages: { code: ConsolidationMessageCode; ids?: string[]; text: string }[];
}

/** An objective as a lexicographic pair, smaller is better. */
type Key = [number, number];
const EPS = 1e-9;
const better = (a: Key, b: Key) => a[0] < b[0] - EPS || (Math.abs(a[0] - b[0]) <= EPS && a[1] < b[1] - EPS);

/** Distances of n parks to c candidates (row-major) and the objective over a park's distance to its hub. */
interface Problem {
  n: number;
  c: number;
  d: Float64Array;
  key(total: number, max: number, uncovered: number): Key;
  /** Distance beyond which a park counts as uncovered (Infinity without a cover). */
  reach: number;
}

/** The objective of a set of hubs. */
function evaluate(p: Problem, sel: ArrayLike<number>, k: number): Key {
  let total = 0;
  let max = 0;
  let uncovered = 0;
  for (let i = 0; i < p.n; i++) {
    let best = Infinity;
    for (let s = 0; s < k; s++) best = Math.min(best, p.d[i * p.c + sel[s]!]!);
    total += best;
    if (best > max) max = best;
    if (best > p.reach) uncovered++;
  }
  return p.key(total, max, uncovered);
}

function binomial(c: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (c - k + i)) / i;
  return r;
}

/** The best set of k hubs by enumeration (lexicographic order; the first best wins ties). */
function enumerate(p: Problem, k: number): { sel: number[]; key: Key } {
  const comb = Int32Array.from({ length: k }, (_, i) => i);
  let best: { sel: number[]; key: Key } = { sel: Array.from(comb), key: evaluate(p, comb, k) };
  for (;;) {
    let i = k - 1;
    while (i >= 0 && comb[i] === p.c - k + i) i--;
    if (i < 0) return best;
    comb[i]!++;
    for (let j = i + 1; j < k; j++) comb[j] = comb[j - 1]! + 1;
    const key = evaluate(p, comb, k);
    if (better(key, best.key)) best = { sel: Array.from(comb), key };
  }
}

/** Greedy: add, one at a time, the candidate that improves the objective most (ties: the lower index). */
function greedy(p: Problem, k: number, start: number[] = []): number[] {
  const sel = [...start];
  while (sel.length < k) {
    let pick = -1;
    let pickKey: Key = [Infinity, Infinity];
    for (let j = 0; j < p.c; j++) {
      if (sel.includes(j)) continue;
      sel.push(j);
      const key = evaluate(p, sel, sel.length);
      sel.pop();
      if (pick < 0 || better(key, pickKey)) {
        pick = j;
        pickKey = key;
      }
    }
    sel.push(pick);
  }
  return sel;
}

/**
 * Teitz–Bart vertex substitution: the best single swap (chosen hub out, unchosen candidate in) while it improves
 * the objective. Each park's nearest and second-nearest chosen hub price a swap in O(n).
 */
function substitute(p: Problem, start: number[]): { sel: number[]; key: Key } {
  const { n, c, d } = p;
  const sel = [...start];
  const k = sel.length;
  let key = evaluate(p, sel, k);
  if (k === 0 || k >= c) return { sel, key };
  const near1 = new Int32Array(n);
  const d1 = new Float64Array(n);
  const d2 = new Float64Array(n);
  for (;;) {
    for (let i = 0; i < n; i++) {
      let a = Infinity;
      let b = Infinity;
      let at = -1;
      for (let s = 0; s < k; s++) {
        const v = d[i * c + sel[s]!]!;
        if (v < a) {
          b = a;
          a = v;
          at = s;
        } else if (v < b) b = v;
      }
      near1[i] = at;
      d1[i] = a;
      d2[i] = b;
    }
    let bestKey = key;
    let swap: [number, number] | null = null;
    for (let s = 0; s < k; s++) {
      for (let j = 0; j < c; j++) {
        if (sel.includes(j)) continue;
        let total = 0;
        let max = 0;
        let uncovered = 0;
        for (let i = 0; i < n; i++) {
          const kept = near1[i] === s ? d2[i]! : d1[i]!;
          const v = Math.min(kept, d[i * c + j]!);
          total += v;
          if (v > max) max = v;
          if (v > p.reach) uncovered++;
        }
        const cand = p.key(total, max, uncovered);
        if (better(cand, bestKey)) {
          bestKey = cand;
          swap = [s, j];
        }
      }
    }
    if (!swap) return { sel, key };
    sel[swap[0]] = swap[1];
    key = bestKey;
  }
}

/** Seeded random starts of the substitution beside the greedy one: a single swap's local optimum can be 5–10 % off. */
const RESTARTS = 8;

/** The best k hubs: exact within the budget, else substitution from the greedy start and from seeded random ones. */
function solve(p: Problem, k: number, budget: number): { sel: number[]; key: Key; exact: boolean } {
  if (binomial(p.c, k) * p.n * k <= budget) return { ...enumerate(p, k), exact: true };
  let best = substitute(p, greedy(p, k));
  const rand = mulberry32(k * 7919 + p.c);
  for (let r = 0; r < RESTARTS; r++) {
    const order = Array.from({ length: p.c }, (_, j) => j);
    for (let j = p.c - 1; j > 0; j--) {
      const x = Math.floor(rand() * (j + 1));
      [order[j], order[x]] = [order[x]!, order[j]!];
    }
    const local = substitute(p, order.slice(0, k));
    if (better(local.key, best.key)) best = local;
  }
  return { ...best, exact: false };
}

function figures(distances: readonly number[], groups: number, reach: number | null): ConsolidationFigures {
  const finite = distances.filter((v) => Number.isFinite(v));
  return {
    groups,
    meanM: finite.length ? finite.reduce((s, v) => s + v, 0) / finite.length : 0,
    maxM: finite.length ? Math.max(...finite) : 0,
    withinD: reach === null ? null : distances.filter((v) => v <= reach).length,
  };
}

/**
 * Hubs for the parks among the candidates: with `distanceM`, the fewest hubs that bring every park within it;
 * else `hubs` (default 1) by p-median, or by p-centre with `objective: 'centre'`. Parks that no candidate can
 * reach within the distance are named in a message and the cover is of the others.
 */
export function consolidate(
  parks: readonly ConsolidationSite[],
  candidates: readonly ConsolidationSite[],
  options: ConsolidationOptions = {},
): ConsolidationResult {
  const budget = typeof options.exactBudget === 'number' && options.exactBudget >= 0 ? options.exactBudget : 2e7;
  const reach = typeof options.distanceM === 'number' && Number.isFinite(options.distanceM) && options.distanceM >= 0 ? options.distanceM : null;
  const method: ConsolidationResult['method'] = reach !== null ? 'cover' : options.objective === 'centre' ? 'p-centre' : 'p-median';
  const messages: ConsolidationResult['messages'] = [];
  const n = parks.length;
  const c = candidates.length;
  const d = new Float64Array(n * c);
  for (let i = 0; i < n; i++) for (let j = 0; j < c; j++) d[i * c + j] = haversine(parks[i]!.lon, parks[i]!.lat, candidates[j]!.lon, candidates[j]!.lat);

  // Before: every park on its own; its partner is the nearest other park.
  const nearestOther = parks.map((a, i) => {
    let best = Infinity;
    parks.forEach((b, j) => {
      if (j !== i) best = Math.min(best, haversine(a.lon, a.lat, b.lon, b.lat));
    });
    return best;
  });
  const before = figures(nearestOther, n, reach);
  const none = (code: ConsolidationMessageCode, text: string): ConsolidationResult => {
    messages.push({ code, text });
    return { method, exact: true, hubs: [], assignments: [], before, after: figures([], 0, reach), totalM: 0, distanceM: reach, messages };
  };
  if (n === 0) return none('no-parks', 'No parks to gather');
  if (c === 0) return none('no-candidates', 'No candidate hub sites');

  let chosen: { sel: number[]; exact: boolean };
  if (reach !== null) {
    const reachable = (i: number) => {
      for (let j = 0; j < c; j++) if (d[i * c + j]! <= reach) return true;
      return false;
    };
    const lost = parks.filter((_, i) => !reachable(i)).map((q) => q.id);
    if (lost.length > 0)
      messages.push({
        code: 'uncoverable',
        ids: lost,
        text: `${lost.length} park${lost.length === 1 ? ' is' : 's are'} farther than ${reach} m from every candidate`,
      });
    const floor = lost.length;
    const p: Problem = { n, c, d, reach, key: (total, _max, uncovered) => [Math.max(0, uncovered - floor), total] };
    chosen = cover(p, budget);
  } else {
    const k = Math.max(1, Math.min(c, Math.round(typeof options.hubs === 'number' && Number.isFinite(options.hubs) ? options.hubs : 1)));
    if (k === c && (options.hubs ?? 1) >= c) messages.push({ code: 'all-candidates', text: `Every candidate (${c}) is a hub` });
    const p: Problem = { n, c, d, reach: Infinity, key: method === 'p-centre' ? (total, max) => [max, total] : (total) => [total, 0] };
    chosen = solve(p, k, budget);
  }

  const sel = [...chosen.sel].sort((a, b) => a - b);
  const assignments = parks.map((park, i) => {
    let at = sel[0]!;
    for (const j of sel) if (d[i * c + j]! < d[i * c + at]!) at = j;
    return { parkId: park.id, hub: at, distanceM: d[i * c + at]! };
  });
  const hubs = sel.map((j): ConsolidationHub => {
    const mine = assignments.filter((a) => a.hub === j).sort((a, b) => a.distanceM - b.distanceM || (a.parkId < b.parkId ? -1 : 1));
    const cand = candidates[j]!;
    return {
      id: cand.id,
      lon: cand.lon,
      lat: cand.lat,
      parks: mine.map((a) => a.parkId),
      meanM: mine.length ? mine.reduce((s, a) => s + a.distanceM, 0) / mine.length : 0,
      maxM: mine.length ? mine[mine.length - 1]!.distanceM : 0,
    };
  });
  const distances = assignments.map((a) => a.distanceM);
  return {
    method,
    exact: chosen.exact,
    hubs,
    assignments: assignments.map((a) => ({ parkId: a.parkId, hubId: candidates[a.hub]!.id, distanceM: a.distanceM })),
    before,
    after: figures(distances, hubs.filter((h) => h.parks.length > 0).length, reach),
    totalM: distances.reduce((s, v) => s + v, 0),
    distanceM: reach,
    messages,
  };
}

/**
 * The fewest hubs covering every coverable park, then the least total distance: exact while the enumeration of
 * each size fits the budget; else greedy set cover, shrunk one hub at a time while substitution still covers all.
 */
function cover(p: Problem, budget: number): { sel: number[]; exact: boolean } {
  let spent = 0;
  for (let k = 1; k <= p.c; k++) {
    spent += binomial(p.c, k) * p.n * k;
    if (spent > budget) break;
    const best = enumerate(p, k);
    if (best.key[0] === 0) return { sel: best.sel, exact: true };
  }
  // Greedy set cover: add the candidate leaving the fewest parks uncovered until none is.
  const sel: number[] = [];
  while (sel.length < p.c && evaluate(p, sel, sel.length)[0] > 0) sel.push(greedy(p, sel.length + 1, sel).at(-1)!);
  let best = substitute(p, sel);
  for (let k = best.sel.length - 1; k >= 1; k--) {
    const fewer = substitute(p, greedy(p, k));
    if (fewer.key[0] > 0) break;
    best = fewer;
  }
  return { sel: best.sel, exact: false };
}
