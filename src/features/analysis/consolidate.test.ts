import { describe, expect, it } from 'vitest';
import { consolidate, type ConsolidationSite } from './consolidate.ts';
import { haversine } from './dispersion-geo.ts';
import { ll } from './dispersion.fixtures.ts';
import { mulberry32 } from './random.ts';

const site = (id: string, x: number, y = 0): ConsolidationSite => {
  const [lon, lat] = ll(x, y);
  return { id, lon, lat };
};
// Six parks on a line, in two groups of three 100 m apart; candidates at 100 m (A), 600 m (B) and 1,100 m (C).
const parks = [0, 100, 200, 1000, 1100, 1200].map((x, i) => site(`p${i}`, x));
const candidates = [site('A', 100), site('B', 600), site('C', 1100)];
const close = (v: number, want: number) => expect(v).toBeCloseTo(want, 3);

describe('golden: six parks on a line, three candidates', () => {
  it('p-median, k = 1: B', () => {
    // A: 100 + 0 + 100 + 900 + 1000 + 1100 = 3,200; B: 600 + 500 + 400 + 400 + 500 + 600 = 3,000; C: 3,200 → B.
    const r = consolidate(parks, candidates, { hubs: 1 });
    expect(r.method).toBe('p-median');
    expect(r.exact).toBe(true);
    expect(r.hubs.map((h) => h.id)).toEqual(['B']);
    close(r.totalM, 3000);
    close(r.after.meanM, 500);
    close(r.after.maxM, 600);
    expect(r.after.groups).toBe(1);
  });

  it('p-median, k = 2: A and C, each gathering its group', () => {
    // {A, C}: 100 + 0 + 100 + 100 + 0 + 100 = 400; {A, B}: 100 + 0 + 100 + 400 + 500 + 600 = 1,700; {B, C}: 1,700.
    const r = consolidate(parks, candidates, { hubs: 2 });
    // Each hub lists its parks nearest first (p0 and p2 tie at 100 m).
    expect(r.hubs.map((h) => [h.id, h.parks[0], [...h.parks].sort()])).toEqual([
      ['A', 'p1', ['p0', 'p1', 'p2']],
      ['C', 'p4', ['p3', 'p4', 'p5']],
    ]);
    close(r.totalM, 400);
    close(r.after.meanM, 400 / 6);
    close(r.after.maxM, 100);
    close(r.hubs[0]!.meanM, 200 / 3);
    // Before: every park is its own group, 100 m from its nearest neighbour.
    expect(r.before.groups).toBe(6);
    close(r.before.meanM, 100);
    close(r.before.maxM, 100);
    expect(r.assignments.map((a) => a.hubId)).toEqual(['A', 'A', 'A', 'C', 'C', 'C']);
  });

  it('p-centre, k = 1: B (largest distance 600 against 1,100 for A or C)', () => {
    const r = consolidate(parks, candidates, { hubs: 1, objective: 'centre' });
    expect(r.method).toBe('p-centre');
    expect(r.hubs.map((h) => h.id)).toEqual(['B']);
    close(r.after.maxM, 600);
  });

  it('cover: within 150 m two hubs (A, C); within 650 m one (B)', () => {
    const near = consolidate(parks, candidates, { distanceM: 150 });
    expect(near.method).toBe('cover');
    expect(near.hubs.map((h) => h.id)).toEqual(['A', 'C']);
    expect(near.after.withinD).toBe(6);
    expect(near.before.withinD).toBe(6);
    const far = consolidate(parks, candidates, { distanceM: 650 });
    expect(far.hubs.map((h) => h.id)).toEqual(['B']);
    expect(far.after.withinD).toBe(6);
  });

  it('cover: parks no candidate reaches are named, the rest covered', () => {
    // Within 50 m, A reaches only p1 and C only p4.
    const r = consolidate(parks, candidates, { distanceM: 50 });
    expect(r.messages).toEqual([expect.objectContaining({ code: 'uncoverable', ids: ['p0', 'p2', 'p3', 'p5'] })]);
    expect(r.hubs.map((h) => h.id)).toEqual(['A', 'C']);
    expect(r.after.withinD).toBe(2);
    expect(r.before.withinD).toBe(0);
  });

  it('says when there is nothing to do, and leaves its inputs alone', () => {
    expect(consolidate([], candidates, { hubs: 1 }).messages[0]!.code).toBe('no-parks');
    expect(consolidate(parks, [], { hubs: 1 }).messages[0]!.code).toBe('no-candidates');
    expect(consolidate(parks, candidates, { hubs: 5 }).messages[0]!.code).toBe('all-candidates');
    const p = structuredClone(parks);
    const c = structuredClone(candidates);
    consolidate(p, c, { hubs: 2, exactBudget: 0 });
    expect(p).toEqual(parks);
    expect(c).toEqual(candidates);
  });
});

/** Random parks and candidates in a 6 km square. */
function instance(seed: number, n: number, c: number) {
  const rand = mulberry32(seed);
  return {
    parks: Array.from({ length: n }, (_, i) => site(`p${i}`, rand() * 6000, rand() * 6000)),
    candidates: Array.from({ length: c }, (_, i) => site(`c${i}`, rand() * 6000, rand() * 6000)),
  };
}

/** Greedy p-median (add the hub that lowers the total most), the baseline Teitz–Bart starts from. */
function greedyTotal(parks: ConsolidationSite[], candidates: ConsolidationSite[], k: number): number {
  const best = parks.map(() => Infinity);
  const d = parks.map((p) => candidates.map((q) => haversine(p.lon, p.lat, q.lon, q.lat)));
  let total = Infinity;
  for (let s = 0; s < k; s++) {
    let pick = -1;
    let pickTotal = Infinity;
    candidates.forEach((_, j) => {
      const t = parks.reduce((acc, _p, i) => acc + Math.min(best[i]!, d[i]![j]!), 0);
      if (t < pickTotal) {
        pickTotal = t;
        pick = j;
      }
    });
    parks.forEach((_p, i) => (best[i] = Math.min(best[i]!, d[i]![pick]!)));
    total = pickTotal;
  }
  return total;
}

describe('properties (30 seeded instances each)', () => {
  it('the p-median never costs more than greedy, and substitution reaches the optimum or near it', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { parks: p, candidates: c } = instance(seed, 25, 10);
      const k = 1 + (seed % 4);
      const heuristic = consolidate(p, c, { hubs: k, exactBudget: 0 });
      const exact = consolidate(p, c, { hubs: k });
      expect(heuristic.exact).toBe(false);
      expect(exact.exact).toBe(true);
      expect(heuristic.totalM).toBeLessThanOrEqual(greedyTotal(p, c, k) + 1e-6);
      expect(exact.totalM).toBeLessThanOrEqual(heuristic.totalM + 1e-6);
      expect(heuristic.totalM).toBeLessThanOrEqual(exact.totalM * 1.05);
    }
  });

  it('adding a hub never increases the cost (exact)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { parks: p, candidates: c } = instance(100 + seed, 20, 8);
      let last = Infinity;
      for (let k = 1; k <= 5; k++) {
        const r = consolidate(p, c, { hubs: k });
        expect(r.totalM).toBeLessThanOrEqual(last + 1e-6);
        last = r.totalM;
      }
    }
  });

  it('every park goes to its nearest chosen hub; a cover covers every park it can', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { parks: p, candidates: c } = instance(200 + seed, 30, 12);
      const options = seed % 3 === 0 ? { distanceM: 1500 } : seed % 3 === 1 ? { hubs: 3, exactBudget: 0 } : { hubs: 3, objective: 'centre' as const };
      const r = consolidate(p, c, options);
      const hubs = new Map(r.hubs.map((h) => [h.id, h]));
      r.assignments.forEach((a, i) => {
        const nearest = Math.min(...r.hubs.map((h) => haversine(p[i]!.lon, p[i]!.lat, h.lon, h.lat)));
        expect(a.distanceM).toBeCloseTo(nearest, 6);
        expect(hubs.get(a.hubId)!.parks).toContain(a.parkId);
      });
      if ('distanceM' in options) {
        const lost = r.messages.find((m) => m.code === 'uncoverable')?.ids?.length ?? 0;
        expect(r.after.withinD).toBe(p.length - lost);
      }
      expect(consolidate(p, c, options)).toEqual(r);
    }
  });
});
