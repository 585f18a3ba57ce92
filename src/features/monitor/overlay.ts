import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import { lineLabelPoint, polygonLabelPoint } from '../../lib/data/label-point.ts';
import type { PlanGeometry, PlanOutputCollection } from '../../lib/data/plan-schema.ts';
import { indicator } from './indicators.ts';
import { seriesFor } from './progress.ts';
import type { IndicatorId, Observation, Unit } from './types.ts';
import { numberLocale, type Lang } from '../../lib/i18n/index.ts';
import { t } from './messages.ts';

/** A place the monitor can name: a plan feature (located or not), by its string id. */
export interface MonitorPlace {
  id: string;
  name_zh: string;
  name_en: string;
  /** Where a symbol goes; absent for places whose location is not published (listed, never drawn). */
  point?: Position;
}

/** One place's figure for an indicator and year, as the map and its list show it. */
export interface PlaceFigure {
  /** The plan feature id. */
  place: string;
  name_zh: string;
  name_en: string;
  value: number;
  unit: Unit;
  year: number;
  source: string;
  /** The sum of the indicator's parts, the place's total itself not being given. */
  derived: boolean;
  /** Where the symbol is drawn; absent when the place is not on the map. */
  point?: Position;
}

export interface PlaceFigureOptions {
  indicator: IndicatorId;
  /** The year to show; null = the latest year with a figure for a place. */
  year: number | null;
  /** The plan's located features (public/data/plan.geojson). */
  plan: PlanOutputCollection | null;
  /** Places without a published location, listed but not drawn (public/data/plan-unlocated.json). */
  unlocated?: readonly { id: string; name_zh: string; name_en: string }[];
}

/** The years with at least one figure for a place for `indicator` (sums of a total's parts included), ascending. */
export function placeYears(observations: readonly Observation[], indicator: IndicatorId): number[] {
  const years = new Set<number>();
  for (const place of placesWithFigures(observations, indicator)) for (const p of seriesFor(observations, indicator, { place })) years.add(p.year);
  return [...years].sort((a, b) => a - b);
}

/**
 * The figures for places of one indicator and year, largest first (ties by place id). They are the places' own
 * series (`seriesFor` of progress.ts): a figure given in two imported files counts once, the later import's, and
 * a place's 1,400 亿元 total is the sum of its three parts when only those are given (`derived`).
 * Figures for ids the plan does not know are left out: there is no place to show them at.
 */
export function placeFigures(observations: readonly Observation[], options: PlaceFigureOptions): PlaceFigure[] {
  const { indicator } = options;
  const year = options.year ?? placeYears(observations, indicator).at(-1);
  if (year === undefined) return [];
  const places = placeIndex(options.plan, options.unlocated ?? []);
  const out: PlaceFigure[] = [];
  for (const id of placesWithFigures(observations, indicator)) {
    const p = places.get(id);
    const figure = p && seriesFor(observations, indicator, { place: id }).find((s) => s.year === year);
    if (!p || !figure) continue;
    const row: PlaceFigure = {
      place: id,
      name_zh: p.name_zh,
      name_en: p.name_en,
      value: figure.value,
      unit: figure.unit,
      year,
      source: figure.source,
      derived: figure.derived,
    };
    if (p.point) row.point = p.point;
    out.push(row);
  }
  return out.sort((a, b) => b.value - a.value || (a.place < b.place ? -1 : a.place > b.place ? 1 : 0));
}

// Places with a figure of the indicator or of one of its parts.
function placesWithFigures(observations: readonly Observation[], id: IndicatorId): Set<string> {
  const ids = new Set<IndicatorId>([id, ...(indicator(id).parts ?? [])]);
  const out = new Set<string>();
  for (const o of observations) if (o.place && ids.has(o.indicator)) out.add(o.place);
  return out;
}

/**
 * The map's proportional symbols: one Point per place with a figure for the indicator and year (`year: null` =
 * the latest year with place figures). Zones and other outlines get a point well inside (the pole of
 * inaccessibility of their largest part), lines their middle, points stay where they are. Properties: `id` and
 * `place` (the plan feature id; `id` kept for the map's feature lookups), `name_zh`, `name_en`, `value`, `unit`,
 * `year`, `derived`, `scale` = √(value / largest value) so that circle areas are proportional to values, and `label_zh` /
 * `label_en`, the figure as written in each language. Null when no place has a figure: the map then draws nothing.
 */
export function monitorOverlay(
  observations: readonly Observation[],
  options: { indicator: IndicatorId; year: number | null; plan: PlanOutputCollection | null },
): FeatureCollection<Point> | null {
  const figures = placeFigures(observations, { ...options, unlocated: [] }).filter((f) => f.point);
  if (!figures.length) return null;
  const max = Math.max(...figures.map((f) => f.value));
  const features: Feature<Point>[] = figures.map((f) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: f.point! },
    properties: {
      id: f.place,
      place: f.place,
      name_zh: f.name_zh,
      name_en: f.name_en,
      value: f.value,
      unit: f.unit,
      year: f.year,
      derived: f.derived,
      scale: max > 0 ? Math.sqrt(Math.max(0, f.value) / max) : 0,
      label_zh: formatFigure(f.value, f.unit, 'zh', { compact: true }),
      label_en: formatFigure(f.value, f.unit, 'en', { compact: true }),
    },
  }));
  return { type: 'FeatureCollection', features };
}

/**
 * A figure with its unit, as the monitor writes it: "1,400亿元" / "1,400 × 100 million yuan", "5%", "12家" /
 * "12 firms", "第1梯队" / "tier 1". `compact` (map labels) writes 亿元 in English as billions of yuan ("¥140 bn").
 */
export function formatFigure(value: number, unit: Unit, lang: Lang, options: { compact?: boolean } = {}): string {
  const n = (v: number, digits: number) => new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: digits }).format(v);
  switch (unit) {
    case '亿元':
      return t(lang, options.compact ? 'unit.yi.compact' : 'unit.yi', { value: n(value, 2), billions: n(value / 10, 3) });
    case '%':
      return t(lang, 'unit.percent', { value: n(value, 2) });
    case '家':
      return t(lang, 'unit.firms', { value: n(value, 0), count: value });
    case '梯队':
      return t(lang, 'unit.tier', { value: n(value, 0) });
  }
}

function placeIndex(plan: PlanOutputCollection | null, unlocated: readonly { id: string; name_zh: string; name_en: string }[]): Map<string, MonitorPlace> {
  const out = new Map<string, MonitorPlace>();
  for (const r of unlocated) out.set(r.id, { id: r.id, name_zh: r.name_zh, name_en: r.name_en });
  for (const f of plan?.features ?? []) {
    const place: MonitorPlace = { id: f.properties.id, name_zh: f.properties.name_zh, name_en: f.properties.name_en };
    const point = f.geometry ? labelPoint(f.geometry) : undefined;
    if (point) place.point = point;
    out.set(place.id, place);
  }
  return out;
}

/** Where a symbol for a geometry goes: a point inside an outline, the middle of a line. */
export function labelPoint(geometry: PlanGeometry): Position | undefined {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates[0]!, geometry.coordinates[1]!];
    case 'LineString':
      return lineLabelPoint(geometry.coordinates);
    case 'Polygon':
      return polygonLabelPoint([geometry.coordinates]);
    case 'MultiPolygon':
      return polygonLabelPoint(geometry.coordinates);
  }
}
