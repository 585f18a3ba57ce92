import { describe, expect, it } from 'vitest';
import type { DispersionResult } from './dispersion-types.ts';
import type { SignificanceResult } from './significance.ts';
import { countsSentence, envelopeExits, pText, significanceReadings } from './significance-text.ts';
import './messages.ts';

const z = (R: number, zv: number) => ({ expectedMeanM: 1000, seM: 100, R, z: zv, pClustered: 0.2, pDispersed: 0.8, pTwoSided: 0.4 });
const row = (r: number, L: number, lo: number, hi: number) => ({ r, L, LminusR: L - r, lo, hi, mean: (lo + hi) / 2 });
const sig: SignificanceResult = {
  n: 14,
  outside: 0,
  studyAreaM2: 6e7,
  perimeterM: 4e4,
  observedMeanM: 900,
  alpha: 0.05,
  clarkEvans: z(0.98, -0.1),
  donnelly: z(0.85, -0.93),
  monteCarlo: {
    simulations: 999,
    seed: 1,
    expectedMeanM: 1060,
    R: 0.85,
    atMost: 164,
    atLeast: 835,
    pClustered: 0.165,
    pDispersed: 0.836,
    pTwoSided: 0.33,
    envelope: { minM: 600, maxM: 1600, loM: 750, hiM: 1400 },
  },
  lFunction: {
    correction: 'isotropic',
    simulations: 99,
    rows: [row(250, 400, 150, 380), row(500, 700, 420, 690), row(750, 800, 650, 900), row(1000, 1000, 900, 1150)],
    global: { deviationM: 200, rank: 8, pValue: 0.08, bandM: 180 },
  },
  reading: 'random',
  messages: [],
};

describe('the significance tests in words', () => {
  it('name the test, n and p, and say which way the parks lean even when it is not significant', () => {
    expect(significanceReadings(sig, 'en')).toEqual([
      'Monte Carlo test (999 random placements of 14 parks inside Yangpu): the parks are closer together than random placement (R = 0.85), but not significantly at the 5 % level (two-sided p = 0.33).',
      'The observed mean distance to the nearest park is 900 m; 95 % of the random placements give between 750 m and 1.40 km.',
      "Clark–Evans ratio with Donnelly's edge correction: R = 0.85, z = −0.93. Without the correction it reads 0.98, too high: near Yangpu's edge a park's nearest neighbour may lie outside.",
      "Ripley's L: between 250 m and 500 m the parks have more neighbours than in any of 99 random placements (clustering). Global envelope test p = 0.08.",
    ]);
    const zh = significanceReadings({ ...sig, reading: 'clustered', monteCarlo: { ...sig.monteCarlo!, pTwoSided: 0.004 } }, 'zh');
    expect(zh[0]).toBe('蒙特卡洛检验（把 14 个园区在杨浦区界内随机放置 999 次）：园区比随机放置更靠近（R = 0.85），在 5% 水平上显著（双侧 p = 0.004）。');
  });

  it('find where the observed L leaves the envelope, on each side', () => {
    expect(envelopeExits(sig.lFunction!.rows)).toEqual({ above: [250, 500], below: null });
    expect(envelopeExits([row(100, 50, 60, 150), row(200, 300, 150, 250)])).toEqual({ above: [200, 200], below: [100, 100] });
    expect(envelopeExits([row(100, 100, 60, 150)])).toEqual({ above: null, below: null });
  });

  it('count places → distinct sites → counted so that they add up', () => {
    const r = { count: 14, messages: [{ code: 'duplicate', ids: ['a', 'b', 'c', 'd', 'e', 'f'], text: '' }] } as unknown as DispersionResult;
    expect(countsSentence(20, r, { ...sig, n: 13, outside: 1 }, 'en')).toBe(
      "20 places chosen → 14 distinct sites (6 of the places share a site with another; a shared site counts once) → 13 in the tests (1 outside Yangpu's outline, left out).",
    );
    expect(countsSentence(20, r, null, 'zh')).toBe('选定 20 处地点 → 14 个不同场所（其中 6 处与其他地点同址，同址只计一次）→ 检验计入 14 个。');
  });

  it('write p-values as a reader takes them', () => {
    expect([pText(0.33), pText(0.05), pText(0.004), pText(0.001)]).toEqual(['0.33', '0.05', '0.004', '0.001']);
  });
});
