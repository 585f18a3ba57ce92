/**
 * The analysis section of `npm run bench`: analyseDispersion on 100 … 100,000 synthetic parks over Yangpu, beside
 * the naive all-pairs Turf implementation of the same figures, in the same process.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { consolidate, type ConsolidationSite } from '../../src/features/analysis/consolidate.ts';
import { analyseDispersion, clearDispersionCache } from '../../src/features/analysis/dispersion.ts';
import type { ParkFeature } from '../../src/features/analysis/dispersion-types.ts';
import { selectParks, zonesOf, type PlanLike } from '../../src/features/analysis/scenario.ts';
import { SCENARIO_TODAY } from '../../src/features/analysis/scenario-spec.ts';
import type { AnalysisRequest, AnalysisResponse } from '../../src/features/analysis/dispersion.worker.ts';
import { lFunctionFor, SIGNIFICANCE } from '../../src/features/analysis/runner.ts';
import { testSignificance, type SignificanceOptions } from '../../src/features/analysis/significance.ts';
import { NAIVE_STEPS, naiveContext, naiveDispersion, type NaiveContext } from './naive.ts';
import { rng, studyArea, syntheticScenario, type Scenario } from './synthetic.ts';
import { ms, type BenchSection } from './table.ts';

export interface AnalysisBenchOptions {
  sizes?: number[];
  /** Run the naive implementation (default true). */
  naive?: boolean;
  /** Longest a naive step may run at one size before it is estimated from a sample (ms). */
  naiveStepBudgetMs?: number;
  /** Largest size timed with overlays (default 10,000). */
  overlaysUpTo?: number;
  log?: (line: string) => void;
}

const STEP_ORDER = ['prepare', 'delaunay', 'nnCentroid', 'nnEdge', 'mst', 'dbscan', 'clarkEvans', 'coverage', 'zones', 'overlaysParks', 'overlaysCoverage'];

function reps(n: number): number {
  return n <= 100 ? 15 : n <= 1000 ? 10 : n <= 10_000 ? 7 : 3;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

interface Timed {
  best: number;
  median: number;
  steps: Record<string, number>;
}

function timeAnalysis(s: Scenario, overlays: boolean, runs: number): Timed {
  const totals: number[] = [];
  const steps: Record<string, number> = {};
  for (let k = 0; k < runs; k++) {
    // Coverage overlays are remembered between calls with the same inputs; time the first (cold) call.
    clearDispersionCache();
    const t = performance.now();
    const r = analyseDispersion(s.parks, { ...s.options, overlays, timings: true });
    totals.push(performance.now() - t);
    for (const [name, v] of Object.entries(r.timingsMs ?? {})) steps[name] = Math.min(steps[name] ?? Infinity, v);
  }
  return { best: Math.min(...totals), median: median(totals), steps };
}

interface NaiveTime {
  ms: number;
  how: 'exact' | 'sampled' | 'extrapolated';
  /** What was run: "300 rows" or "120 × 120 pairs". */
  sample: string;
  /** Cost per park (linear steps) or per pair (pairwise steps), ms, for choosing the next size's sample. */
  perUnit: number;
}

/**
 * Times one naive step; when the whole would exceed the budget, a sample: per-park steps on a number of parks
 * (a linear fit of two sample sizes, so fixed costs are not scaled), pairwise steps on an s × s block of pairs
 * (scaled by (n/s)²). Turf's DBSCAN runs only whole and is extrapolated as n² from the previous size.
 */
function timeNaiveStep(name: string, ctx: NaiveContext, budget: number, previous: { n: number; ms: number; perUnit: number } | undefined): NaiveTime {
  const step = NAIVE_STEPS[name]!;
  const n = ctx.parks.length;
  const run = (rows: number, cols: number) => {
    const t = performance.now();
    step.run(ctx, rows, cols);
    return performance.now() - t;
  };
  // Compile the step's code before timing it.
  if (step.kind !== 'whole') run(Math.min(n, 2), Math.min(n, 2));
  if (step.kind === 'whole') {
    const predicted = previous ? previous.ms * (n / previous.n) ** 2 : 0;
    if (predicted > budget) return { ms: predicted, how: 'extrapolated', sample: `n² from ${previous!.n.toLocaleString('en')}`, perUnit: NaN };
    const t = run(n, n);
    return { ms: t, how: 'exact', sample: '', perUnit: t };
  }
  if (step.kind === 'linear') {
    const pilotRows = Math.min(n, previous && previous.perUnit > 0 ? Math.max(2, Math.floor(budget / 8 / previous.perUnit)) : 10);
    const pilot = run(pilotRows, n);
    if (pilotRows === n) return { ms: pilot, how: 'exact', sample: '', perUnit: pilot / n };
    const perRow = Math.max(pilot / pilotRows, 1e-4);
    // Whole when it fits in three budgets: measured beats estimated.
    const rows = perRow * n <= 3 * budget ? n : Math.min(n, Math.max(pilotRows * 2, Math.floor(budget / perRow)));
    const t = run(rows, n);
    if (rows === n) return { ms: t, how: 'exact', sample: '', perUnit: t / n };
    const slope = Math.max(0, (t - pilot) / (rows - pilotRows));
    return { ms: t + slope * (n - rows), how: 'sampled', sample: `${rows.toLocaleString('en')} parks`, perUnit: slope };
  }
  const s0 = Math.min(n, previous && previous.perUnit > 0 ? Math.max(4, Math.floor(Math.sqrt(budget / 8 / previous.perUnit))) : 10);
  const t0 = run(s0, s0);
  if (s0 === n) return { ms: t0, how: 'exact', sample: '', perUnit: t0 / (n * n) };
  const perPair = Math.max(t0 / (s0 * s0), 1e-6);
  const side = perPair * n * n <= 3 * budget ? n : Math.min(n, Math.max(s0, Math.floor(Math.sqrt(budget / perPair))));
  const t = side === s0 ? t0 : run(side, side);
  if (side === n) return { ms: t, how: 'exact', sample: '', perUnit: t / (n * n) };
  return { ms: t * (n / side) ** 2, how: 'sampled', sample: `${side.toLocaleString('en')}² pairs`, perUnit: t / (side * side) };
}

const pct = (a: number, b: number) => `${((100 * (a - b)) / (Math.abs(b) || 1)).toFixed(3)} %`;

export async function analysisSection(opts: AnalysisBenchOptions = {}): Promise<BenchSection> {
  const sizes = opts.sizes ?? [100, 1000, 10_000, 100_000];
  const wantNaive = opts.naive ?? true;
  const budget = opts.naiveStepBudgetMs ?? 4000;
  const overlaysUpTo = opts.overlaysUpTo ?? 10_000;
  const log = opts.log ?? (() => {});
  const loadBefore = loadavg()[0]!;

  // Warm the JIT so that the first size is not timed cold.
  const warm = syntheticScenario(2000, 7);
  for (let k = 0; k < 3; k++) analyseDispersion(warm.parks, { ...warm.options, overlays: true });

  const rows: string[][] = [];
  const stepRows = new Map<string, string[]>(STEP_ORDER.map((s) => [s, [s]]));
  const naiveRows = new Map<string, string[]>(['centroids', ...Object.keys(NAIVE_STEPS)].map((s) => [s, [s]]));
  const checks: string[] = [];
  let prev: { n: number; best: number } | undefined;
  const prevNaive = new Map<string, { n: number; ms: number; perUnit: number }>();
  const results = new Map<number, { best: number; naive: number; naiveNoEdge: number; overlays: number | null }>();

  for (const n of sizes) {
    log(`analysis: ${n} parks …`);
    const s = syntheticScenario(n);
    const points = s.parks.filter((p) => p.geometry.type === 'Point').length;
    const metrics = timeAnalysis(s, false, reps(n));
    const withOverlays = n <= overlaysUpTo ? timeAnalysis(s, true, Math.max(3, reps(n) >> 1)) : null;
    for (const step of STEP_ORDER) {
      const v = step.startsWith('overlays') ? withOverlays?.steps[step] : metrics.steps[step];
      stepRows.get(step)!.push(v === undefined ? '—' : ms(v));
    }

    let naiveTotal = NaN;
    let naiveNoEdge = NaN;
    let naiveNote = 'not run';
    if (wantNaive) {
      let total = 0;
      const how = new Set<string>();
      // Turf's centroid of every park, which the naive steps share (timed, exact).
      let t = performance.now();
      const ctx = naiveContext(s.parks, s.options);
      t = performance.now() - t;
      total += t;
      naiveRows.get('centroids')!.push(ms(t));
      for (const name of Object.keys(NAIVE_STEPS)) {
        log(`analysis: ${n} parks, naive ${name} …`);
        const r = timeNaiveStep(name, ctx, budget, prevNaive.get(name));
        prevNaive.set(name, { n, ms: r.ms, perUnit: r.perUnit });
        total += r.ms;
        if (name !== 'nnEdge') naiveNoEdge = (Number.isNaN(naiveNoEdge) ? 0 : naiveNoEdge) + r.ms;
        how.add(r.how);
        naiveRows.get(name)!.push(r.how === 'exact' ? ms(r.ms) : `≈ ${ms(r.ms)} (${r.sample})`);
      }
      naiveTotal = total;
      naiveNote = how.size === 1 && how.has('exact') ? 'measured' : total > 60_000 ? 'estimated: a full run would exceed a minute' : 'estimated from a sample';
    }
    const growth = prev ? metrics.best / prev.best / ((n * Math.log(n)) / (prev.n * Math.log(prev.n))) : NaN;
    rows.push([
      n.toLocaleString('en'),
      `${(n - points).toLocaleString('en')} / ${points.toLocaleString('en')}`,
      `${ms(metrics.best)} (${ms(metrics.median)})`,
      withOverlays ? `${ms(withOverlays.best)} (${ms(withOverlays.median)})` : 'not timed',
      wantNaive ? `${naiveNote.startsWith('measured') ? '' : '≈ '}${ms(naiveTotal)}` : '—',
      wantNaive ? `${(naiveTotal / metrics.best).toFixed(0)}×` : '—',
      prev ? growth.toFixed(2) : '—',
      naiveNote,
    ]);
    results.set(n, { best: metrics.best, naive: naiveTotal, naiveNoEdge, overlays: withOverlays?.best ?? null });
    prev = { n, best: metrics.best };

    // The naive figures agree with the analysis (checked where the naive one runs whole).
    if (wantNaive && n === sizes[0]) {
      const fast = analyseDispersion(s.parks, { ...s.options, overlays: false });
      const slow = naiveDispersion(s.parks, s.options) as {
        mst: number;
        coverage: { stations: number; campuses: number };
        zones: number[];
        clarkEvans: { observedMeanDistance: number; expectedMeanDistance: number };
      };
      checks.push(
        `naive vs analysis at n = ${n}: MST total ${pct(fast.mst!.totalM, slow.mst)}, Clark–Evans R ${pct(fast.clarkEvans!.R, slow.clarkEvans.observedMeanDistance / slow.clarkEvans.expectedMeanDistance)}, ` +
          `station coverage ${pct(fast.coverage.stations!, slow.coverage.stations)}, campus coverage ${pct(fast.coverage.campuses!, slow.coverage.campuses)}, ` +
          `zone shares ${fast.zones.map((z, i) => pct(z.share, slow.zones[i]!)).join(' / ')} (Turf's centroid is the mean of the vertices, ours the area centroid; Turf's buffers have 64 sides)`,
      );
    }
  }

  const loadAfter = loadavg()[0]!;
  const aims: string[] = [];
  const at10k = results.get(10_000);
  if (at10k) {
    aims.push(
      `aim 1 — 10,000 parks under 300 ms: ${ms(at10k.best)} ms for the figures → ${at10k.best < 300 ? 'met' : 'MISSED'}` +
        (at10k.overlays !== null
          ? `; with the map overlays (coverage overlays computed cold) ${ms(at10k.overlays)} ms → ${at10k.overlays < 300 ? 'met' : 'missed'}`
          : ''),
    );
    if (wantNaive) {
      aims.push(
        `aim 3 — at least 20× faster than naive at 10,000: ${(at10k.naive / at10k.best).toFixed(0)}× → ${at10k.naive / at10k.best >= 20 ? 'met' : 'MISSED'}` +
          ` (Turf's edge-to-edge pairs dominate the naive time; without that step the naive run takes ≈ ${ms(at10k.naiveNoEdge)}${at10k.naiveNoEdge >= 10_000 ? '' : ' ms'}, still ${(at10k.naiveNoEdge / at10k.best).toFixed(0)}×)`,
      );
    }
  }
  const growthNote =
    sizes.length > 1
      ? 'aim 2 — growth close to n log n: the "growth" column is (time ratio) / (n log n ratio) between consecutive sizes; 1 is n log n, 10 would be n².'
      : '';
  if (growthNote) aims.push(growthNote);

  return {
    title: 'Analysis — analyseDispersion (src/lib/analysis/dispersion.ts) vs naive all-pairs Turf (scripts/bench/naive.ts)',
    notes: [
      `${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}; load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after — other work on the machine shows as noise.`,
      "Input: seeded synthetic parks over Yangpu's outline (half points, half polygons 50–300 m across; two thirds uniform, one third around 12 centres),",
      '30 stations, 8 campuses (6 polygons), 2 zones; clusters at 500 m, coverage 800 m. Times in ms: best of k runs (median), k = 15/10/7/3.',
      '"figures" = every metric with overlays: false; "+ overlays" adds cluster hulls, tree lines and the coverage overlays (union of buffers',
      'clipped to the district; computed cold each run — in the app they are remembered while stations, campuses and distance stay the same).',
      'Naive: every pair of parks with Turf (distance, boolean-intersects + point-to-polygon-distance, nearest-neighbor-analysis, clusters-dbscan,',
      'Prim on the complete graph, buffer + union + intersect per park). A step that would take over a few seconds is timed on a sample:',
      "per-park steps on some parks (linear fit of two sample sizes), pairwise steps on an s × s block of pairs (× (n/s)²); Turf's DBSCAN runs",
      'only whole and is extrapolated as n² from the previous size. Such rows say "≈" and what was sampled.',
      ...checks,
      ...aims,
    ],
    tables: [
      {
        columns: ['parks', 'polygons / points', 'figures ms', '+ overlays ms', 'naive ms', 'speed-up', 'growth ÷ n log n', 'naive'],
        rows,
        align: ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      },
      { caption: 'Where the time goes (ms, best run per step):', columns: ['step', ...sizes.map((n) => n.toLocaleString('en'))], rows: [...stepRows.values()] },
      ...(wantNaive
        ? [{ caption: 'Naive steps (ms; ≈ estimated):', columns: ['step', ...sizes.map((n) => n.toLocaleString('en'))], rows: [...naiveRows.values()] }]
        : []),
    ],
  };
}

/** One of issue 18's aims, measured: for the summary of scripts/bench.ts. */
export interface AnalysisAim {
  what: string;
  /** Round trip through the worker: best and median of the runs. */
  best: number;
  median: number;
  aimMs: number;
  /** The main thread's longest gap between 4 ms ticks while the worker computed (ms). */
  stallMs: number;
}

interface Timing {
  best: number;
  median: number;
}

/** Best and median of `runs` timed calls (after two untimed ones, so the code is compiled). */
async function timeRuns(run: () => unknown, runs: number): Promise<Timing> {
  await run();
  await run();
  const t: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await run();
    t.push(performance.now() - t0);
  }
  return { best: Math.min(...t), median: median(t) };
}

type Job = AnalysisRequest extends infer R ? (R extends AnalysisRequest ? Omit<R, 'id'> : never) : never;

/**
 * The app's analysis worker on a Node worker thread (analysis-worker.mjs): a request's round trip is timed from
 * posting it to its answer arriving, the structured clone both ways included, as the dashboard's client sees it.
 * Meanwhile a 4 ms interval on this thread records its longest gap: what a page would feel of the work.
 */
class BenchWorker {
  private readonly worker = new Worker(new URL('./analysis-worker.mjs', import.meta.url));
  private readonly waiting = new Map<number, (response: AnalysisResponse) => void>();
  private nextId = 1;
  /** The longest gap of the main thread's ticks over every request so far (ms). */
  stallMs = 0;

  constructor() {
    this.worker.on('message', (response: AnalysisResponse) => {
      this.waiting.get(response.id)?.(response);
      this.waiting.delete(response.id);
    });
  }

  request(job: Job): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      let last = performance.now();
      const tick = setInterval(() => {
        const now = performance.now();
        this.stallMs = Math.max(this.stallMs, now - last);
        last = now;
      }, 4);
      const fail = (err: Error) => {
        clearInterval(tick);
        reject(err);
      };
      this.worker.once('error', fail);
      this.waiting.set(id, (response) => {
        clearInterval(tick);
        this.worker.off('error', fail);
        if ('error' in response) reject(new Error(response.error));
        else resolve(response.result);
      });
      this.worker.postMessage({ id, ...job });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Issue 18's aims: the Monte Carlo test of significance for the plan's parks (999 placements) and for 1,000
 * synthetic parks (199), the L function's envelope, and the p-median for 100 parks and 30 candidates — each
 * through the app's worker (the aims' numbers) and, beside it, in this process.
 */
export async function significanceSection(log: (line: string) => void = () => {}): Promise<{ section: BenchSection; aims: AnalysisAim[] }> {
  const root = resolve(import.meta.dirname, '../..');
  const outline = studyArea(root).geometry;
  const plan = JSON.parse(readFileSync(resolve(root, 'public/data/plan.geojson'), 'utf8')) as { features: PlanLike[] };
  const zones = zonesOf(plan.features);
  const centroids = (parks: readonly ParkFeature[]) => analyseDispersion(parks, { studyArea: outline, overlays: false }).parks.map((p) => p.centroid);
  const planPoints = centroids(selectParks(plan.features, SCENARIO_TODAY, { zones }));
  const components = plan.features.filter((f) => f.properties.class === 'zone_component' && f.geometry);
  const synthetic = centroids(syntheticScenario(1000).parks);
  const rand = rng(18);
  const [x0, y0, x1, y1] = [121.49, 31.26, 121.56, 31.33];
  const site = (id: string): ConsolidationSite => ({ id, lon: x0 + rand() * (x1 - x0), lat: y0 + rand() * (y1 - y0) });
  const hubParks = Array.from({ length: 100 }, (_, i) => site(`p${i}`));
  const hubCandidates = Array.from({ length: 30 }, (_, i) => site(`c${i}`));
  const planSites = planPoints.map((p, i) => ({ id: `p${i}`, lon: p[0], lat: p[1] }));
  const componentSites = centroids(components as unknown as ParkFeature[]).map((p, i) => ({ id: `z${i}`, lon: p[0], lat: p[1] }));

  const worker = new BenchWorker();
  const rows: string[][] = [];
  const aims: AnalysisAim[] = [];
  /** One measure: the same job through the worker and in this process (`local`), judged on the worker's median. */
  const row = async (what: string, aimMs: number | null, job: Job, local: () => unknown, runs: number, note: string) => {
    log(`analysis: ${what} …`);
    worker.stallMs = 0;
    const w = await timeRuns(() => worker.request(job), runs);
    const stall = worker.stallMs;
    const here = await timeRuns(local, runs);
    rows.push([
      what,
      `${ms(w.best)} (${ms(w.median)})`,
      `${ms(here.best)} (${ms(here.median)})`,
      ms(stall),
      aimMs === null ? '—' : `< ${aimMs.toLocaleString('en')}`,
      aimMs === null ? '' : w.median < aimMs ? 'met' : 'MISSED',
      note,
    ]);
    if (aimMs !== null) aims.push({ what, best: w.best, median: w.median, aimMs, stallMs: stall });
  };
  const significance = (points: readonly (readonly [number, number])[], options: SignificanceOptions): Job => ({ kind: 'significance', points, options });
  const nnOnly = (simulations: number): SignificanceOptions => ({ studyArea: outline, simulations, lFunction: false });
  const panel = (n: number): SignificanceOptions => ({ ...SIGNIFICANCE, lFunction: lFunctionFor(n), studyArea: outline });
  const hubs = (parks: ConsolidationSite[], candidates: ConsolidationSite[], options: Parameters<typeof consolidate>[2]): Job => ({
    kind: 'consolidation',
    parks,
    candidates,
    options: options ?? {},
  });
  const n = planPoints.length;
  const capped = lFunctionFor(1000);
  try {
    await row(
      `Monte Carlo test, plan's parks (n = ${n}), 999 placements`,
      300,
      significance(planPoints, nnOnly(999)),
      () => testSignificance(planPoints, nnOnly(999)),
      9,
      'nearest-neighbour test only',
    );
    await row(
      `… with the L function (20 distances, 99 placements)`,
      null,
      significance(planPoints, panel(n)),
      () => testSignificance(planPoints, panel(n)),
      9,
      'the whole request the panel sends',
    );
    await row(
      'Monte Carlo test, 1,000 parks, 199 placements',
      1500,
      significance(synthetic, nnOnly(199)),
      () => testSignificance(synthetic, nnOnly(199)),
      5,
      'synthetic parks (seed 20240101)',
    );
    await row(
      '… L function of 1,000 parks, 99 placements',
      null,
      significance(synthetic, { studyArea: outline, simulations: 0, lFunction: { steps: 20, simulations: 99 } }),
      () => testSignificance(synthetic, { studyArea: outline, simulations: 0, lFunction: { steps: 20, simulations: 99 } }),
      2,
      'uncapped; isotropic correction, r ≤ ¼ shorter side',
    );
    await row(
      `… L function of 1,000 parks as the panel would ask (${capped ? capped.simulations : 'no'} placements)`,
      null,
      significance(synthetic, { ...panel(1000), simulations: 0 }),
      () => testSignificance(synthetic, { ...panel(1000), simulations: 0 }),
      2,
      'runner.ts caps the placements beyond 300 parks',
    );
    await row(
      'p-median, 100 parks, 30 candidates, k = 5',
      200,
      hubs(hubParks, hubCandidates, { hubs: 5 }),
      () => consolidate(hubParks, hubCandidates, { hubs: 5 }),
      9,
      'greedy + Teitz–Bart, 9 starts',
    );
    await row(
      'p-median, 100 parks, 30 candidates, k = 3',
      200,
      hubs(hubParks, hubCandidates, { hubs: 3 }),
      () => consolidate(hubParks, hubCandidates, { hubs: 3 }),
      9,
      'exact (4,060 sets)',
    );
    await row(
      'cover within 1 km, 100 parks, 30 candidates',
      null,
      hubs(hubParks, hubCandidates, { distanceM: 1000 }),
      () => consolidate(hubParks, hubCandidates, { distanceM: 1000 }),
      5,
      'exact sizes within budget, then greedy + substitution',
    );
    await row(
      `p-median of the plan's parks among ${components.length} zone components, k = 3`,
      null,
      hubs(planSites, componentSites, { hubs: 3 }),
      () => consolidate(planSites, componentSites, { hubs: 3 }),
      9,
      'exact',
    );
  } finally {
    await worker.terminate();
  }
  return {
    section: {
      title: 'Analysis — issue 18: significance (significance.ts) and consolidation (consolidate.ts), in the worker',
      notes: [
        '"worker": the app\'s analysis worker (dispersion.worker.ts) on a Node worker thread, each request\'s round trip from posting it to',
        'its answer (structured clone both ways, as the page\'s client sees it); "here": the same call in this process. Times in ms: best',
        '(median) of k runs; an aim is met when the worker\'s median is under it. "stall": the longest gap between 4 ms ticks of the main',
        "thread while the worker computed (≈ 4 means it never waited): the page's responsiveness meanwhile.",
      ],
      tables: [
        {
          columns: ['measure', 'worker ms', 'here ms', 'stall ms', 'aim ms', 'met', 'note'],
          rows,
          align: ['left', 'right', 'right', 'right', 'right', 'left', 'left'],
        },
      ],
    },
    aims,
  };
}
