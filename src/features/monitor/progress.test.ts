import { describe, expect, it } from 'vitest';
import { indicator } from './indicators.ts';
import { indicatorProgress, requiredAnnualGrowth, seriesFor, shareOfTarget, yearOnYear } from './progress.ts';
import type { Observation } from './types.ts';
import { importMonitorFixture } from '../../../tests/fixtures/monitor/helpers.ts';

// valid.csv, district-wide (see the fixture):
//   leading_industries_revenue  2023: 1000   2024: 1150   2025: none district-wide (zc-kic 180, zc-changyang-campus 95.5)
//   digital_economy_revenue                  2024:  620   2025: 713
//   life_health_revenue                      2024:  300   2025: 330
//   green_low_carbon_revenue                 2024:  230   2025: 247
//   rd_intensity                             2024:  4.2   2025: 4.6
//   gazelle_firms                            2024:  120   2025: 138
//   unicorn_firms                                         2025: 6
//   zhangjiang_tier                                       2025: 1
const valid = importMonitorFixture('valid.csv').dataset.observations;

const obs = (indicatorId: Observation['indicator'], year: number, value: number, extra: Partial<Observation> = {}): Observation => ({
  indicator: indicatorId,
  year,
  value,
  unit: indicator(indicatorId).unit,
  source: 's',
  ...extra,
});

describe('arithmetic', () => {
  it('share of target: value / target', () => {
    // 1150 / 1400 = 0.82142857…
    expect(shareOfTarget(1150, 1400)).toBeCloseTo(0.821428571, 8);
    // 4.6 / 5 = 0.92
    expect(shareOfTarget(4.6, 5)).toBeCloseTo(0.92, 12);
    expect(shareOfTarget(1500, 1400)).toBeCloseTo(1.0714285714, 8);
    expect(shareOfTarget(0, 1400)).toBe(0);
    expect(shareOfTarget(10, 0)).toBeNull();
    expect(shareOfTarget(Number.NaN, 5)).toBeNull();
  });

  it('year on year: against the year before; across a gap, the compound annual rate', () => {
    // 2023 → 2024: 1150 / 1000 − 1 = 0.15; 2024 → 2025: 1290 / 1150 − 1 = 140 / 1150 = 0.12173913…
    const g = yearOnYear([
      { year: 2025, value: 1290 },
      { year: 2023, value: 1000 },
      { year: 2024, value: 1150 },
    ]);
    expect(g.map((x) => [x.year, x.previousYear])).toEqual([
      [2024, 2023],
      [2025, 2024],
    ]);
    expect(g[0]!.growth).toBeCloseTo(0.15, 12);
    expect(g[1]!.growth).toBeCloseTo(0.12173913, 8);
    // 2021: 100 → 2023: 121 is two years of 10 %: √1.21 − 1 = 0.1.
    const gap = yearOnYear([
      { year: 2021, value: 100 },
      { year: 2023, value: 121 },
    ]);
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ year: 2023, previousYear: 2021, previousValue: 100 });
    expect(gap[0]!.growth).toBeCloseTo(0.1, 12);
    // A fall: 138 → 130 is −8 / 138 = −0.057971…
    expect(
      yearOnYear([
        { year: 2024, value: 138 },
        { year: 2025, value: 130 },
      ])[0]!.growth,
    ).toBeCloseTo(-0.057971014, 8);
    // From zero no rate exists.
    expect(
      yearOnYear([
        { year: 2024, value: 0 },
        { year: 2025, value: 3 },
      ])[0]!.growth,
    ).toBeNull();
    expect(yearOnYear([{ year: 2024, value: 3 }])).toEqual([]);
  });

  it('required annual growth to reach the target in its year', () => {
    // From 1150 in 2024 to 1400 in 2026: √(1400 / 1150) − 1 = √1.2173913 − 1 = 0.10335457
    expect(requiredAnnualGrowth(1150, 2024, 1400, 2026)).toBeCloseTo(0.103354569, 8);
    // From 1290 in 2025: 1400 / 1290 − 1 = 110 / 1290 = 0.08527132
    expect(requiredAnnualGrowth(1290, 2025, 1400, 2026)).toBeCloseTo(0.085271318, 8);
    // Already above: negative, the figure may fall that much and still meet it: 1400 / 1750 − 1 = −0.2
    expect(requiredAnnualGrowth(1750, 2025, 1400, 2026)).toBeCloseTo(-0.2, 12);
    expect(requiredAnnualGrowth(1290, 2026, 1400, 2026)).toBeNull();
    expect(requiredAnnualGrowth(0, 2024, 1400, 2026)).toBeNull();
  });
});

describe('series', () => {
  it('the total of 2025 is derived from its three parts: 713 + 330 + 247 = 1290', () => {
    const s = seriesFor(valid, 'leading_industries_revenue');
    expect(s.map((p) => [p.year, p.value, p.derived])).toEqual([
      [2023, 1000, false],
      [2024, 1150, false],
      [2025, 1290, true],
    ]);
    expect(s[2]!.source).toBe('区经委年报; 区科委; 区发改委');
    expect(s[2]!.unit).toBe('亿元');
  });

  it('no total is derived when a part is missing, nor when the total is given', () => {
    const partial = [obs('digital_economy_revenue', 2025, 713), obs('life_health_revenue', 2025, 330)];
    expect(seriesFor(partial, 'leading_industries_revenue')).toEqual([]);
    const given = [...partial, obs('green_low_carbon_revenue', 2025, 247), obs('leading_industries_revenue', 2025, 1300)];
    expect(seriesFor(given, 'leading_industries_revenue')).toEqual([{ year: 2025, value: 1300, unit: '亿元', source: 's', derived: false }]);
    // A sum of decimals stays exact to the cent: 612.3 + 402.1 + 285.7 = 1300.1 (not 1300.1000000000001).
    const decimals = [obs('digital_economy_revenue', 2025, 612.3), obs('life_health_revenue', 2025, 402.1), obs('green_low_carbon_revenue', 2025, 285.7)];
    expect(seriesFor(decimals, 'leading_industries_revenue')[0]!.value).toBe(1300.1);
  });

  it('a place has its own series; district-wide figures leave places out', () => {
    expect(seriesFor(valid, 'leading_industries_revenue', { place: 'zc-kic' }).map((p) => [p.year, p.value])).toEqual([[2025, 180]]);
    expect(seriesFor(valid, 'leading_industries_revenue', { place: 'zc-changyang-campus' }).map((p) => p.value)).toEqual([95.5]);
    expect(seriesFor(valid, 'gazelle_firms', { place: 'zc-kic' })).toEqual([]);
    // A place's parts make a place's total too.
    const place = { place: 'zc-kic' };
    const parts = [
      obs('digital_economy_revenue', 2024, 100, place),
      obs('life_health_revenue', 2024, 20, place),
      obs('green_low_carbon_revenue', 2024, 5, place),
    ];
    expect(seriesFor(parts, 'leading_industries_revenue', place).map((p) => [p.value, p.derived])).toEqual([[125, true]]);
    expect(seriesFor(parts, 'leading_industries_revenue')).toEqual([]);
  });

  it('two figures for one year (two imports): the later one counts', () => {
    const s = seriesFor([obs('gazelle_firms', 2025, 130, { source: 'old' }), obs('gazelle_firms', 2025, 138, { source: 'new' })], 'gazelle_firms');
    expect(s.map((p) => [p.value, p.source])).toEqual([[138, 'new']]);
  });
});

describe('where each indicator stands (valid.csv)', () => {
  const progress = (id: Observation['indicator'], data = valid) => indicatorProgress(indicator(id), data);

  it('the 1,400 亿元 total: not met, 92.1 % there, +12.2 % on 2024, 8.5 % a year needed', () => {
    const p = progress('leading_industries_revenue');
    expect(p.status).toBe('not-met');
    expect(p.latest).toMatchObject({ year: 2025, value: 1290, derived: true });
    // 1290 / 1400 = 0.92142857
    expect(p.share).toBeCloseTo(0.921428571, 8);
    // 1290 / 1150 − 1 = 0.12173913
    expect(p.yoy!.growth).toBeCloseTo(0.12173913, 8);
    // 1400 / 1290 − 1 = 0.08527132
    expect(p.required).toBeCloseTo(0.085271318, 8);
  });

  it('R&D spending: 4.6 % of 5 % = 92 %, +9.5 % on 4.2 %, 8.7 % needed', () => {
    const p = progress('rd_intensity');
    expect(p.status).toBe('not-met');
    expect(p.share).toBeCloseTo(0.92, 12);
    // 4.6 / 4.2 − 1 = 0.0952381
    expect(p.yoy!.growth).toBeCloseTo(0.095238095, 8);
    // 5 / 4.6 − 1 = 0.08695652
    expect(p.required).toBeCloseTo(0.086956522, 8);
  });

  it('growth targets: growing when up on the previous year, too early with one year', () => {
    // 120 → 138: +15 %
    const gazelles = progress('gazelle_firms');
    expect(gazelles.status).toBe('growing');
    expect(gazelles.yoy!.growth).toBeCloseTo(0.15, 12);
    expect([gazelles.share, gazelles.required]).toEqual([null, null]);
    // 230 → 247: 17 / 230 = +7.39 %
    expect(progress('green_low_carbon_revenue').yoy!.growth).toBeCloseTo(0.073913043, 8);
    expect(progress('digital_economy_revenue').status).toBe('growing');
    const unicorns = progress('unicorn_firms');
    expect(unicorns.status).toBe('too-early');
    expect(unicorns.yoy).toBeNull();
    expect(unicorns.latest).toMatchObject({ year: 2025, value: 6 });
    const fewer = [obs('gazelle_firms', 2024, 138), obs('gazelle_firms', 2025, 130)];
    expect(progress('gazelle_firms', fewer).status).toBe('not-growing');
    const flat = [obs('gazelle_firms', 2024, 138), obs('gazelle_firms', 2025, 138)];
    expect(progress('gazelle_firms', flat).status).toBe('not-growing');
  });

  it('the Zhangjiang tier: first tier is met, second is not; a tier has no share or growth rate', () => {
    const p = progress('zhangjiang_tier');
    expect(p.status).toBe('met');
    expect([p.share, p.yoy, p.required]).toEqual([null, null, null]);
    expect(progress('zhangjiang_tier', [obs('zhangjiang_tier', 2024, 1), obs('zhangjiang_tier', 2025, 2)]).status).toBe('not-met');
  });

  it('met when the figure reaches the target; no growth is then required', () => {
    const p = progress('leading_industries_revenue', [obs('leading_industries_revenue', 2025, 1400)]);
    expect(p.status).toBe('met');
    expect(p.share).toBe(1);
    expect(p.required).toBeNull();
    expect(p.yoy).toBeNull();
  });

  it('no figures: no data, and nothing invented', () => {
    for (const i of ['leading_industries_revenue', 'rd_intensity', 'gazelle_firms', 'zhangjiang_tier'] as const) {
      expect(progress(i, [])).toEqual({ indicator: i, series: [], latest: null, share: null, yoy: null, required: null, status: 'no-data' });
    }
    // Place figures alone say nothing district-wide.
    const onlyPlace = [obs('rd_intensity', 2025, 4.6, { place: 'zc-kic' })];
    expect(progress('rd_intensity', onlyPlace).status).toBe('no-data');
    expect(indicatorProgress(indicator('rd_intensity'), onlyPlace, { place: 'zc-kic' }).share).toBeCloseTo(0.92, 12);
  });
});
