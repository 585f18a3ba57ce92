import { indicator as indicatorById } from './indicators.ts';
import type { Indicator, IndicatorId, Observation, Unit } from './types.ts';

/**
 * The monitor's arithmetic: series of figures, share of a target, growth. Pure functions; nothing here invents a
 * figure — a year without a figure stays without one (the only computed figure is the 1,400 亿元 total as the sum
 * of its three parts, marked `derived`).
 */

/** One year's figure of an indicator, district-wide or for one place. */
export interface SeriesPoint {
  year: number;
  value: number;
  unit: Unit;
  /** Where the figure comes from; for a derived total, its parts' sources joined with "; ". */
  source: string;
  /** True when the figure is the sum of the indicator's parts, the total itself being absent for that year. */
  derived: boolean;
}

/** Growth of a figure against the previous one in its series. */
export interface Growth {
  year: number;
  value: number;
  /** The year compared with: the one before, or the latest earlier year with a figure when years are missing. */
  previousYear: number;
  previousValue: number;
  /**
   * Growth per year as a fraction (0.12 = +12 %): year on year when `previousYear` is the year before, else the
   * compound annual rate over the gap. Null when the previous figure is 0 or negative (no rate can be computed).
   */
  growth: number | null;
}

/**
 * Where an indicator stands:
 * - `no-data`: no figure at all;
 * - `met` / `not-met`: a level target (`at-least`, `at-most`) against the latest figure;
 * - `growing` / `not-growing`: a growth target ("持续增长"), the latest figure against the previous one;
 * - `too-early`: a growth target with a single year's figure (nothing to compare with).
 */
export type ProgressStatus = 'no-data' | 'met' | 'not-met' | 'growing' | 'not-growing' | 'too-early';

export interface IndicatorProgress {
  indicator: IndicatorId;
  /** The figures by year, oldest first. */
  series: SeriesPoint[];
  /** The latest figure, null when there is none. */
  latest: SeriesPoint | null;
  /** Share of an `at-least` target the latest figure reaches (1 = reached); null for other targets or no data. */
  share: number | null;
  /** Growth of the latest figure against the previous one (see `Growth`); null with fewer than two figures, and for tiers. */
  yoy: Growth | null;
  /**
   * Growth per year needed from the latest figure to reach an `at-least` target in its year; null when the target
   * is met, its year is reached, the target is not a level, or the latest figure is not positive.
   */
  required: number | null;
  status: ProgressStatus;
}

/**
 * The share of a target a value reaches: `value / target` (0.9 = 90 %). Null when the target is not a positive
 * number or the value is not finite.
 */
export function shareOfTarget(value: number, target: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(target) || target <= 0) return null;
  return value / target;
}

/**
 * Growth of each figure of a series against the one before it (the series is read in year order; the first
 * figure has nothing to compare with and gets no entry). Years without figures are not filled in: across a gap
 * the growth is the compound annual rate, `(value / previous)^(1 / years) − 1`.
 */
export function yearOnYear(series: readonly { year: number; value: number }[]): Growth[] {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const out: Growth[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    const span = cur.year - prev.year;
    if (span <= 0) continue;
    const growth = prev.value > 0 && cur.value >= 0 ? (cur.value / prev.value) ** (1 / span) - 1 : null;
    out.push({ year: cur.year, value: cur.value, previousYear: prev.year, previousValue: prev.value, growth });
  }
  return out;
}

/**
 * The constant growth per year that takes `latest` (in `latestYear`) to `target` in `targetYear`:
 * `(target / latest)^(1 / (targetYear − latestYear)) − 1`. Negative when the latest figure is already above the
 * target. Null when no year is left (`latestYear >= targetYear`) or a figure is not positive.
 */
export function requiredAnnualGrowth(latest: number, latestYear: number, target: number, targetYear: number): number | null {
  const years = targetYear - latestYear;
  if (!(years > 0) || !(latest > 0) || !(target > 0)) return null;
  return (target / latest) ** (1 / years) - 1;
}

export interface SeriesOptions {
  /** A place id: the place's figures; absent: the district-wide figures (those without a place). */
  place?: string;
}

/**
 * An indicator's figures by year, oldest first, district-wide (or for one place). When several figures are given
 * for the same year (two imported files), the last one in `observations` counts: the newest import. For a total
 * with parts (the three leading industries), a year without the total but with all three parts gets their sum,
 * marked `derived`; a year with only some of the parts gets nothing.
 */
export function seriesFor(observations: readonly Observation[], indicatorId: IndicatorId, options: SeriesOptions = {}): SeriesPoint[] {
  const place = options.place;
  const ind = indicatorById(indicatorId);
  const inScope = (o: Observation) => (place === undefined ? o.place === undefined || o.place === '' : o.place === place);
  const byYear = (id: IndicatorId): Map<number, Observation> => {
    const m = new Map<number, Observation>();
    for (const o of observations) if (o.indicator === id && inScope(o) && Number.isFinite(o.value)) m.set(o.year, o);
    return m;
  };
  const own = byYear(indicatorId);
  const points = new Map<number, SeriesPoint>();
  for (const [year, o] of own) points.set(year, { year, value: o.value, unit: o.unit, source: o.source, derived: false });
  if (ind.parts?.length) {
    const parts = ind.parts.map(byYear);
    const years = new Set(parts.flatMap((p) => [...p.keys()]));
    for (const year of years) {
      if (points.has(year)) continue;
      const figures = parts.map((p) => p.get(year));
      if (figures.some((f) => f === undefined)) continue;
      const present = figures as Observation[];
      const sum = present.reduce((s, f) => s + f.value, 0);
      const sources = [...new Set(present.map((f) => f.source))].join('; ');
      // Sums of decimals (612.3 + 402.1 + …) pick up binary noise; the parts carry at most a few decimals.
      points.set(year, { year, value: Math.round(sum * 1e6) / 1e6, unit: ind.unit, source: sources, derived: true });
    }
  }
  return [...points.values()].sort((a, b) => a.year - b.year);
}

/**
 * Where an indicator stands against the plan's target, from the figures given (district-wide unless
 * `options.place`). See `ProgressStatus`; `share` and `required` exist for level targets only (`at-least`), and
 * a tier (`at-most`) has no growth rate.
 */
export function indicatorProgress(indicator: Indicator, observations: readonly Observation[], options: SeriesOptions = {}): IndicatorProgress {
  const series = seriesFor(observations, indicator.id, options);
  const latest = series.at(-1) ?? null;
  const target = indicator.target;
  const growths = target.kind === 'at-most' ? [] : yearOnYear(series);
  const yoy = growths.at(-1) ?? null;
  let share: number | null = null;
  let required: number | null = null;
  let status: ProgressStatus;
  if (!latest) status = 'no-data';
  else if (target.kind === 'at-least') {
    share = shareOfTarget(latest.value, target.value);
    status = latest.value >= target.value ? 'met' : 'not-met';
    if (status === 'not-met') required = requiredAnnualGrowth(latest.value, latest.year, target.value, target.year);
  } else if (target.kind === 'at-most') {
    status = latest.value <= target.value ? 'met' : 'not-met';
  } else if (!yoy) status = 'too-early';
  else status = latest.value > yoy.previousValue ? 'growing' : 'not-growing';
  return { indicator: indicator.id, series, latest, share, yoy, required, status };
}
