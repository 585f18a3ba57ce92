/**
 * The dashboard's figures, readings and CSV: what the dispersion result says, in words and numbers. Pure: a result
 * and a language in, rows and strings out.
 */
import type { DispersionMessage, DispersionResult } from './dispersion-types.ts';
import type { SignificanceResult } from './significance.ts';
import type { ConsolidationResult } from './consolidate.ts';
import { ZONE_IDS } from './scenario-spec.ts';
import { csvText } from '../../lib/data/csv.ts';
import { localName, joinList, type Lang } from '../../lib/i18n/index.ts';
import type { MessageKey } from '../../lib/i18n/index.ts';
import { t } from './messages.ts';

/** One figure of the results table. Values are raw numbers in `unit`; null where the figure does not exist. */
export interface FigureRow {
  id: string;
  label: string;
  unit: 'count' | 'm' | 'm2' | 'share' | 'ratio' | 'p';
  a: number | null;
  b: number | null;
}

type Getter = (r: DispersionResult) => number | null | undefined;
const ROWS: { id: string; key: MessageKey; unit: FigureRow['unit']; get: Getter }[] = [
  { id: 'count', key: 'anCount', unit: 'count', get: (r) => r.count },
  { id: 'with_area', key: 'anWithArea', unit: 'count', get: (r) => r.withArea },
  { id: 'total_area', key: 'anTotalArea', unit: 'm2', get: (r) => r.totalAreaM2 },
  { id: 'mean_area', key: 'anMeanArea', unit: 'm2', get: (r) => r.meanAreaM2 },
  { id: 'median_area', key: 'anMedianArea', unit: 'm2', get: (r) => r.medianAreaM2 },
  { id: 'largest_share', key: 'anLargestShare', unit: 'share', get: (r) => r.largestShare },
  { id: 'nn_median', key: 'anNnMedian', unit: 'm', get: (r) => r.nnCentroid?.medianM },
  { id: 'nn_mean', key: 'anNnMean', unit: 'm', get: (r) => r.nnCentroid?.meanM },
  { id: 'nn_edge_median', key: 'anNnEdgeMedian', unit: 'm', get: (r) => r.nnEdge?.medianM },
  { id: 'clark_evans_r', key: 'anR', unit: 'ratio', get: (r) => r.clarkEvans?.R },
  { id: 'clark_evans_z', key: 'anZ', unit: 'ratio', get: (r) => r.clarkEvans?.z },
  { id: 'clusters', key: 'anClusters', unit: 'count', get: (r) => (r.count >= 2 ? r.clusters.count : null) },
  { id: 'noise', key: 'anNoise', unit: 'count', get: (r) => (r.count >= 2 ? r.clusters.noise : null) },
  { id: 'tree_total', key: 'anTreeTotal', unit: 'm', get: (r) => r.mst?.totalM },
  { id: 'tree_longest', key: 'anTreeLongest', unit: 'm', get: (r) => r.mst?.longestM },
  { id: 'cover_stations', key: 'anCoverStations', unit: 'share', get: (r) => r.coverage.stations },
  { id: 'cover_campuses', key: 'anCoverCampuses', unit: 'share', get: (r) => r.coverage.campuses },
];

// A figure that is not a finite number is not shown as one: "—" in the table, empty in the CSV.
const finite = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A scenario's name as the panel writes it: "情景 A", "Scenario B". */
export const scenarioName = (lang: Lang, which: 'a' | 'b'): string => t(lang, 'anScenario', { name: t(lang, which === 'a' ? 'anScenarioA' : 'anScenarioB') });

type SigGetter = (s: SignificanceResult) => number | null | undefined;
/** The significance tests' figures, after Clark–Evans's own (see significance.ts). */
const SIG_ROWS: { id: string; key: MessageKey; unit: FigureRow['unit']; get: SigGetter }[] = [
  { id: 'donnelly_r', key: 'anDonnellyR', unit: 'ratio', get: (s) => s.donnelly?.R },
  { id: 'donnelly_z', key: 'anDonnellyZ', unit: 'ratio', get: (s) => s.donnelly?.z },
  { id: 'monte_carlo_r', key: 'anMonteCarloR', unit: 'ratio', get: (s) => s.monteCarlo?.R },
  { id: 'monte_carlo_p', key: 'anMonteCarloP', unit: 'p', get: (s) => s.monteCarlo?.pTwoSided },
];

/** The results table's rows for one or two scenarios, with their significance tests once computed. */
export function figureRows(
  a: DispersionResult | null,
  b: DispersionResult | null,
  lang: Lang,
  significance: { a?: SignificanceResult | null; b?: SignificanceResult | null } = {},
): FigureRow[] {
  const rows: FigureRow[] = ROWS.map((row) => ({
    id: row.id,
    label: t(lang, row.key),
    unit: row.unit,
    a: a ? finite(row.get(a)) : null,
    b: b ? finite(row.get(b)) : null,
  }));
  const at = rows.findIndex((r) => r.id === 'clark_evans_z') + 1;
  const sa = a ? significance.a : null;
  const sb = b ? significance.b : null;
  rows.splice(
    at,
    0,
    ...SIG_ROWS.map((row) => ({
      id: row.id,
      label: t(lang, row.key),
      unit: row.unit,
      a: sa ? finite(row.get(sa)) : null,
      b: sb ? finite(row.get(sb)) : null,
    })),
  );
  const zones = [...(a?.zones ?? []), ...(b?.zones ?? [])];
  for (const id of [...new Set(zones.map((z) => z.id))].sort()) {
    const zone = zones.find((z) => z.id === id)!;
    rows.push({
      id: `in_${id}`,
      label: t(lang, 'anInZone', { zone: localName(zone, lang) }),
      unit: 'share',
      a: finite(a?.zones.find((z) => z.id === id)?.share),
      b: finite(b?.zones.find((z) => z.id === id)?.share),
    });
  }
  return rows;
}

/** A figure as the table shows it, with its unit, in the user's language. */
export function formatFigure(value: number | null, unit: FigureRow['unit'], lang: Lang): string {
  if (value === null) return t(lang, 'anNotComputed');
  switch (unit) {
    case 'count':
      return String(Math.round(value));
    case 'share':
      return percent(value);
    case 'ratio':
      return value.toFixed(2).replace('-', '−');
    case 'p':
      return pText(value);
    case 'm':
      return distance(value, lang);
    case 'm2':
      // Hectares: park sizes here run from a few to a few hundred.
      return t(lang, 'unitHa', { value: (value / 10_000).toFixed(value < 100_000 ? 2 : 1) });
  }
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
/** A p-value as a reader takes it: two decimals, three below 0.01, and never 0 (the test's smallest is 1/(m+1)). */
export const pText = (p: number) => (p < 0.01 ? p.toFixed(3) : p.toFixed(2));

/** A distance as the panel writes it: metres under a kilometre, else kilometres to two decimals. */
export const distance = (m: number, lang: Lang) =>
  m < 1000 ? t(lang, 'unitM', { value: Math.round(m) }) : t(lang, 'unitKm', { value: (m / 1000).toFixed(2) });
const km = (m: number) => (m / 1000).toFixed(1);

/** Plain-language readings of the key figures, one sentence each, for the figures that exist. */
export function readings(r: DispersionResult, lang: Lang, coverageM: number): string[] {
  const out: string[] = [];
  // Clark–Evans's R and its z-test are read in the significance section, edge-corrected and beside the Monte Carlo
  // test: uncorrected, R reads high at Yangpu's park counts and called mild clustering random.
  if (r.nnCentroid) out.push(t(lang, 'anReadNn', { km: km(r.nnCentroid.medianM) }));
  if (r.count >= 2) {
    const { count, noise } = r.clusters;
    // The counts' plural forms are the catalogue's (Chinese counts with a measure word in the template).
    const clusters = t(lang, 'anClusterCount', { count });
    const alone = t(lang, 'anAloneCount', { count: noise });
    out.push(t(lang, 'anReadClusters', { distance: r.clusters.distanceM, clusters, noise: alone, min: r.clusters.minPoints }));
  }
  if (r.mst && r.mst.edges.length) out.push(t(lang, 'anReadTree', { total: km(r.mst.totalM), longest: km(r.mst.longestM) }));
  const c = r.coverage;
  if (r.count > 0 && (c.stations !== null || c.campuses !== null)) {
    out.push(
      t(lang, c.basis === 'area' ? 'anReadCoverageArea' : 'anReadCoverageCount', {
        stations: c.stations === null ? t(lang, 'anNotComputed') : percent(c.stations),
        campuses: c.campuses === null ? t(lang, 'anNotComputed') : percent(c.campuses),
        distance: coverageM,
      }),
    );
  }
  const fv = r.zones.find((z) => z.id === ZONE_IDS.future_valley);
  const ysp = r.zones.find((z) => z.id === ZONE_IDS.yangshupu);
  if (r.count > 0 && fv && ysp) {
    out.push(t(lang, fv.basis === 'area' ? 'anReadZonesArea' : 'anReadZonesCount', { fv: percent(fv.share), ysp: percent(ysp.share) }));
  }
  if (r.largestShare !== null && r.withArea >= 2) out.push(t(lang, 'anReadLargest', { share: percent(r.largestShare) }));
  return out;
}

const MESSAGE_KEYS: Record<DispersionMessage['code'], MessageKey> = {
  empty: 'msgEmpty',
  single: 'msgSingle',
  'no-area': 'msgNoArea',
  'some-points': 'msgSomePoints',
  'invalid-geometry': 'msgInvalidGeometry',
  duplicate: 'msgDuplicate',
  'no-study-area': 'msgNoStudyArea',
  'too-few-for-r': 'msgTooFewForR',
  'no-stations': 'msgNoStations',
  'no-campuses': 'msgNoCampuses',
  'missing-id': 'msgMissingId',
  'outside-study-area': 'msgOutsideStudyArea',
};

/** A result's messages in the user's language; `names` turns park ids into names. */
export function messageTexts(r: DispersionResult, lang: Lang, names: (id: string) => string): string[] {
  return r.messages.map((m) => {
    const key = MESSAGE_KEYS[m.code];
    if (!key) return m.text;
    const ids = m.ids ?? [];
    return t(lang, key, { count: ids.length, names: joinList(lang, ids.map(names)) });
  });
}

/** The figures table as CSV in `lang` (headers and units; a figure's id stays a key): raw values in SI units, both scenarios. */
export function figuresCsv(rows: FigureRow[], compare: boolean, lang: Lang): string {
  const unit = (u: FigureRow['unit']) => (u === 'ratio' || u === 'p' ? '' : t(lang, `anCsv.unit.${u}`));
  const header = [
    t(lang, 'anCsv.figure'),
    t(lang, 'anCsv.label'),
    t(lang, 'anCsv.unit'),
    t(lang, 'anCsv.scenarioA'),
    ...(compare ? [t(lang, 'anCsv.scenarioB')] : []),
  ];
  return csvText(
    header,
    rows.map((r) => [r.id, r.label, unit(r.unit), round(r.a), ...(compare ? [round(r.b)] : [])]),
  );
}

const round = (v: number | null) => (v === null ? null : Number(v.toPrecision(8)));

/** Each counted park's figures as CSV, headers in `lang`; a park keeps both its names. */
export function parksCsv(r: DispersionResult, names: (id: string) => { zh: string; en: string }, lang: Lang): string {
  return csvText(
    t(lang, 'anCsv.parks').split(','),
    r.parks.map((p) => {
      const n = names(p.id);
      return [
        p.id,
        n.zh,
        n.en,
        round(p.centroid[0]),
        round(p.centroid[1]),
        round(p.areaM2),
        round(p.perimeterM),
        round(p.compactness),
        p.nearestId,
        round(p.nnCentroidM),
        round(p.nnEdgeM),
        p.cluster,
      ];
    }),
  );
}

/** Each park's proposed hub as CSV, headers in `lang`: the park and the hub with both their names, and the distance (m). */
export function hubsCsv(c: ConsolidationResult, names: (id: string) => { zh: string; en: string }, lang: Lang): string {
  const order = new Map(c.hubs.map((h, i) => [h.id, i + 1] as const));
  return csvText(
    t(lang, 'hubCsvHeader').split(','),
    c.assignments.map((a) => {
      const park = names(a.parkId);
      const hub = names(a.hubId);
      return [a.parkId, park.zh, park.en, order.get(a.hubId) ?? null, a.hubId, hub.zh, hub.en, round(a.distanceM)];
    }),
  );
}

/** One bar of a histogram: the half-open range [x0, x1) and how many values fall in it. */
export interface Bin {
  x0: number;
  x1: number;
  count: number;
}

/** Values counted in bins of `width` from 0; the chart and its data table show the same bins. */
export function histogram(values: readonly number[], width: number): Bin[] {
  const finiteValues = values.filter((v) => Number.isFinite(v) && v >= 0);
  if (!finiteValues.length || !(width > 0)) return [];
  const n = Math.floor(Math.max(...finiteValues) / width) + 1;
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({ x0: i * width, x1: (i + 1) * width, count: 0 }));
  for (const v of finiteValues) bins[Math.floor(v / width)]!.count++;
  return bins;
}
