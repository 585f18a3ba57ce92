import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ll, ring } from './dispersion.fixtures.ts';
import { LocalPlane } from './dispersion-geo.ts';
import { mulberry32, StudyRegion } from './random.ts';
import { circleInsideShare } from './ripley.ts';
import { clarkEvansZ, donnelly, donnellyZ, normalCdf, testSignificance } from './significance.ts';

// A 1 km square (ll: metres east and north of 121.5°E 31.3°N): A = 1,000,000 m², P = 4,000 m.
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    ring([
      [0, 0],
      [1000, 0],
      [1000, 1000],
      [0, 1000],
    ]),
  ],
};
// An L of three 1 km squares: not convex, so the edge effect is not a rectangle's.
const ell: Polygon = {
  type: 'Polygon',
  coordinates: [
    ring([
      [0, 0],
      [2000, 0],
      [2000, 1000],
      [1000, 1000],
      [1000, 2000],
      [0, 2000],
    ]),
  ],
};
// Four points on the corners of the inner 500 m square: every nearest neighbour is 500 m away.
const four = [ll(250, 250), ll(750, 250), ll(250, 750), ll(750, 750)];

describe('Clark–Evans and Donnelly: golden arithmetic', () => {
  it('Clark–Evans without correction, n = 4 in 1 km²', () => {
    // λ = 4 / 10⁶ = 4·10⁻⁶; E = 1/(2√λ) = 1/(2 · 0.002) = 250 m; SE = 0.26136/√(nλ) = 0.26136/√(1.6·10⁻⁵)
    // = 0.26136/0.004 = 65.34 m; observed 500 m → R = 2, z = (500 − 250)/65.34 = 3.82614.
    const ce = clarkEvansZ(500, 4, 1e6);
    expect(ce.expectedMeanM).toBeCloseTo(250, 9);
    expect(ce.seM).toBeCloseTo(65.34, 9);
    expect(ce.R).toBeCloseTo(2, 12);
    expect(ce.z).toBeCloseTo(3.82614, 4);
  });

  it("Donnelly's expectation and variance, n = 4, A = 10⁶ m², P = 4,000 m", () => {
    // E = 0.5·√(A/n) + (0.0514 + 0.041/√n)·P/n = 0.5·√250,000 + (0.0514 + 0.0205)·1,000 = 250 + 71.9 = 321.9 m.
    // Var = 0.070·A/n² + 0.037·P·√(A/n⁵) = 0.07·10⁶/16 + 0.037·4,000·√(10⁶/1,024)
    //     = 4,375 + 148 · 31.25 = 4,375 + 4,625 = 9,000 m²; SE = √9,000 = 94.8683 m.
    const d = donnelly(4, 1e6, 4000);
    expect(d.expectedMeanM).toBeCloseTo(321.9, 9);
    expect(d.varianceM2).toBeCloseTo(9000, 6);
    expect(d.seM).toBeCloseTo(94.8683, 4);
    // Observed 500 m: R = 500/321.9 = 1.55328, z = (500 − 321.9)/94.8683 = 178.1/94.8683 = 1.87734.
    const z = donnellyZ(500, 4, 1e6, 4000);
    expect(z.R).toBeCloseTo(1.55328, 5);
    expect(z.z).toBeCloseTo(1.87734, 5);
  });

  it('Donnelly, n = 25 in a 2 km square (A = 4·10⁶ m², P = 8,000 m)', () => {
    // E = 0.5·√(160,000) + (0.0514 + 0.041/5)·8,000/25 = 200 + 0.0596·320 = 200 + 19.072 = 219.072 m.
    // Var = 0.07·4·10⁶/625 + 0.037·8,000·√(4·10⁶/25⁵) = 448 + 296·√0.4096 = 448 + 296·0.64 = 637.44 m².
    const d = donnelly(25, 4e6, 8000);
    expect(d.expectedMeanM).toBeCloseTo(219.072, 9);
    expect(d.varianceM2).toBeCloseTo(637.44, 6);
  });

  it('the normal distribution function', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249979, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
  });
});

describe('testSignificance on the golden square', () => {
  const r = testSignificance(four, { studyArea: square, simulations: 199, seed: 7 });

  it('measures the square and the points (to the plane and the fixture grid: 0.1 ‰)', () => {
    expect(r.n).toBe(4);
    expect(r.studyAreaM2! / 1e6).toBeCloseTo(1, 3);
    expect(r.perimeterM! / 4000).toBeCloseTo(1, 3);
    expect(r.observedMeanM! / 500).toBeCloseTo(1, 3);
  });

  it('gives the hand-worked R and z', () => {
    expect(r.clarkEvans!.R).toBeCloseTo(2, 3);
    expect(r.clarkEvans!.z).toBeCloseTo(3.826, 2);
    expect(r.donnelly!.R).toBeCloseTo(1.5533, 3);
    expect(r.donnelly!.z).toBeCloseTo(1.877, 2);
  });

  it('ranks the observed mean among the placements with the (k + 1)/(m + 1) rule', () => {
    const mc = r.monteCarlo!;
    expect(mc.simulations).toBe(199);
    expect(mc.pClustered).toBe((1 + mc.atMost) / 200);
    expect(mc.pDispersed).toBe((1 + mc.atLeast) / 200);
    expect(mc.pTwoSided).toBe(Math.min(1, 2 * Math.min(mc.pClustered, mc.pDispersed)));
    expect(mc.envelope.minM).toBeLessThanOrEqual(mc.envelope.loM);
    expect(mc.envelope.hiM).toBeLessThanOrEqual(mc.envelope.maxM);
    // Four points spread on a grid: farther apart than most random placements.
    expect(mc.pDispersed).toBeLessThan(0.2);
  });

  it('is reproducible for a seed and changes with it', () => {
    const again = testSignificance(four, { studyArea: square, simulations: 199, seed: 7 });
    expect(again).toEqual(r);
    const other = testSignificance(four, { studyArea: square, simulations: 199, seed: 8 });
    expect(other.monteCarlo!.envelope).not.toEqual(r.monteCarlo!.envelope);
    // The L function's settings draw from a stream of their own: the p-value does not move with them.
    const noL = testSignificance(four, { studyArea: square, simulations: 199, seed: 7, lFunction: false });
    expect(noL.monteCarlo).toEqual(r.monteCarlo);
  });

  it('does not change its inputs', () => {
    const pts = structuredClone(four);
    const area = structuredClone(square);
    testSignificance(pts, { studyArea: area, simulations: 9 });
    expect(pts).toEqual(four);
    expect(area).toEqual(square);
  });
});

describe('degenerate input', () => {
  it('says why figures are missing', () => {
    expect(testSignificance(four, { studyArea: null }).messages.map((m) => m.code)).toEqual(['no-study-area']);
    const two = testSignificance(four.slice(0, 2), { studyArea: square });
    expect(two.messages.map((m) => m.code)).toEqual(['too-few']);
    expect(two.monteCarlo).toBeNull();
    const out = testSignificance([...four, ll(5000, 5000), [NaN, 1]], { studyArea: square, simulations: 9, lFunction: false });
    expect(out.n).toBe(4);
    expect(out.outside).toBe(2);
    expect(out.messages.map((m) => m.code)).toEqual(['outside-study-area']);
  });
});

describe('the circle share of the isotropic correction', () => {
  const region = new StudyRegion(square, new LocalPlane(121.5, 31.3));
  const at = (x: number, y: number) => new LocalPlane(121.5, 31.3).forward(...ll(x, y));

  it('is 1 inside, ½ on a side, ¼ in a corner, 0 round the whole square', () => {
    const [cx, cy] = at(500, 500);
    expect(circleInsideShare(region, cx, cy, 100)).toBe(1);
    const [sx, sy] = at(500, 0.001);
    expect(circleInsideShare(region, sx, sy, 100)).toBeCloseTo(0.5, 4);
    const [kx, ky] = at(0.001, 0.001);
    expect(circleInsideShare(region, kx, ky, 100)).toBeCloseTo(0.25, 4);
    expect(circleInsideShare(region, cx, cy, 800)).toBe(0);
    // Centre 100 m from one side, radius 200 m: the arc beyond the side spans 2·acos(100/200) = 120°, a third.
    const [ex, ey] = at(500, 100);
    expect(circleInsideShare(region, ex, ey, 200)).toBeCloseTo(2 / 3, 4);
  });
});

describe('random sets are called clustered about 5 % of the time', () => {
  // 400 sets of 12 uniform points in the L, each tested with 99 placements. Under the null hypothesis the Monte
  // Carlo test is exact: P(p ≤ 0.05) = 5/100. The count is Binomial(400, 0.05): mean 20, sd 4.4, so 8 … 36 (2 % … 9 %)
  // holds with probability 0.998 — 400 rather than 200 sets keep the bounds ±2.7 sd wide at no cost (60 ms). The
  // seeds are fixed, so the test is deterministic: it gives 14 clustered and 18 dispersed (Donnelly's z-test 15, the
  // uncorrected ratio 4: its expected distance ignores the edge, so random sets look dispersed).
  const region = new StudyRegion(ell, new LocalPlane(121.5, 31.3));
  const plane = new LocalPlane(121.5, 31.3);
  const rand = mulberry32(2024);
  const xy = new Float64Array(24);
  let clustered = 0;
  let dispersed = 0;
  let donnellyClustered = 0;
  let naiveClustered = 0;
  for (let s = 0; s < 400; s++) {
    region.sampleInto(12, rand, xy);
    const pts = Array.from({ length: 12 }, (_, i) => plane.inverse(xy[2 * i]!, xy[2 * i + 1]!));
    const r = testSignificance(pts, { studyArea: ell, simulations: 99, seed: 1000 + s, lFunction: false });
    if (r.monteCarlo!.pClustered <= 0.05) clustered++;
    if (r.monteCarlo!.pDispersed <= 0.05) dispersed++;
    if (r.donnelly!.pClustered <= 0.05) donnellyClustered++;
    if (r.clarkEvans!.pClustered <= 0.05) naiveClustered++;
  }

  it('by the Monte Carlo test, at either tail', () => {
    expect(clustered).toBeGreaterThanOrEqual(8);
    expect(clustered).toBeLessThanOrEqual(36);
    expect(dispersed).toBeGreaterThanOrEqual(8);
    expect(dispersed).toBeLessThanOrEqual(36);
  });

  it('while the uncorrected ratio, biased high by the edge, calls clustering less often than Donnelly', () => {
    expect(naiveClustered).toBeLessThan(donnellyClustered);
    expect(donnellyClustered).toBeGreaterThanOrEqual(8);
    expect(donnellyClustered).toBeLessThanOrEqual(36);
  });
});

describe('the L function', () => {
  it('of a regular grid lies below r at small r; of a tight cluster above the envelope', () => {
    // A 5 × 5 grid 200 m apart in the square: no pair closer than 200 m, so L(r) = 0 below 200 m.
    const grid = Array.from({ length: 25 }, (_, k) => ll(100 + 200 * (k % 5), 100 + 200 * Math.floor(k / 5)));
    const g = testSignificance(grid, { studyArea: square, simulations: 0, lFunction: { distancesM: [50, 100, 150, 250], simulations: 99 } });
    const rows = g.lFunction!.rows;
    expect(rows.map((row) => row.r)).toEqual([50, 100, 150, 250]);
    for (const row of rows.slice(0, 3)) {
      expect(row.L).toBe(0);
      expect(row.LminusR).toBeLessThan(0);
    }
    expect(rows[2]!.L).toBeLessThanOrEqual(rows[2]!.lo);

    // Twelve points within 30 m of one spot: at 50–150 m every pair is a neighbour, far above random placement.
    const rand = mulberry32(5);
    const cluster = Array.from({ length: 12 }, () => ll(500 + 60 * (rand() - 0.5), 500 + 60 * (rand() - 0.5)));
    const c = testSignificance(cluster, { studyArea: square, simulations: 99, lFunction: { distancesM: [50, 100, 150], simulations: 99 } });
    for (const row of c.lFunction!.rows) {
      expect(row.LminusR).toBeGreaterThan(0);
      expect(row.L).toBeGreaterThan(row.hi);
    }
    expect(c.lFunction!.global.rank).toBe(1);
    expect(c.lFunction!.global.pValue).toBe(0.01);
    expect(c.reading).toBe('clustered');
    expect(c.monteCarlo!.pClustered).toBe(0.01);
  });

  it('of random placements hovers about r (isotropic correction: no edge bias)', () => {
    const region = new StudyRegion(ell, new LocalPlane(121.5, 31.3));
    const plane = new LocalPlane(121.5, 31.3);
    const rand = mulberry32(99);
    const xy = new Float64Array(400);
    region.sampleInto(200, rand, xy);
    const pts = Array.from({ length: 200 }, (_, i) => plane.inverse(xy[2 * i]!, xy[2 * i + 1]!));
    const r = testSignificance(pts, { studyArea: ell, simulations: 0, lFunction: { simulations: 19 } });
    for (const row of r.lFunction!.rows) expect(Math.abs(row.mean - row.r)).toBeLessThan(0.03 * row.r + 5);
  });
});
