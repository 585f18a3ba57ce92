import { describe, expect, it } from 'vitest';
import type { DispersionResult } from './dispersion-types.ts';
import { csvText as toCsv } from '../../lib/data/csv.ts';
import { figureRows, figuresCsv, formatFigure, histogram, hubsCsv, messageTexts, parksCsv, readings } from './figures.ts';
import type { ConsolidationResult } from './consolidate.ts';
import './significance-messages.ts';

const base: DispersionResult = {
  count: 4,
  withArea: 0,
  totalAreaM2: null,
  meanAreaM2: null,
  medianAreaM2: null,
  largestShare: null,
  nnCentroid: { meanM: 900, medianM: 1250, minM: 300, maxM: 2000 },
  nnEdge: { meanM: 900, medianM: 1250, minM: 300, maxM: 2000 },
  clarkEvans: { R: 0.618, z: -2.345, observedMeanM: 900, expectedMeanM: 1456, studyAreaM2: 6e7, reading: 'clustered', significant: true },
  clusters: { distanceM: 500, minPoints: 2, count: 1, noise: 2, sizes: [2] },
  mst: {
    edges: [
      { from: 'a', to: 'b', lengthM: 300 },
      { from: 'b', to: 'c', lengthM: 2000 },
      { from: 'c', to: 'd', lengthM: 1200 },
    ],
    totalM: 3500,
    longestM: 2000,
  },
  coverage: { distanceM: 800, basis: 'count', stations: 0.5, campuses: 0.25 },
  zones: [
    { id: 'zone-future-valley', name_zh: '未来谷', name_en: 'Future Valley', share: 0.75, basis: 'count' },
    { id: 'zone-yangshupu-belt', name_zh: '杨数浦', name_en: 'Yang-Shu-Pu belt', share: 0, basis: 'count' },
  ],
  parks: [
    { id: 'a', areaM2: null, perimeterM: null, compactness: null, centroid: [121.5, 31.3], nearestId: 'b', nnCentroidM: 300, nnEdgeM: 300, cluster: 0 },
    { id: '=b', areaM2: null, perimeterM: null, compactness: null, centroid: [121.51, 31.3], nearestId: 'a', nnCentroidM: 300, nnEdgeM: 300, cluster: 0 },
  ],
  messages: [
    { code: 'no-area', text: 'no area' },
    { code: 'duplicate', ids: ['a', 'c'], text: 'dup' },
  ],
  overlays: { type: 'FeatureCollection', features: [] },
};

describe('dashboard figures', () => {
  it('leave Clark–Evans out of the readings: uncorrected, R reads high at small n (the significance section reads it)', () => {
    expect(readings(base, 'en', 800).join(' ')).not.toMatch(/R = |Clark/);
    expect(figureRows(base, null, 'en').find((r) => r.id === 'clark_evans_r')!.label).toBe('Clark–Evans nearest-neighbour ratio R (no edge correction)');
  });

  it('read distances, clusters, the tree, coverage and zones', () => {
    expect(readings(base, 'en', 800)).toEqual([
      'Half the parks have another park within 1.3 km.',
      'At 500 m the parks form 1 cluster; 2 stand alone. (A cluster: at least 2 parks, each within 500 m of another; DBSCAN.)',
      'Joining every park with straight lines takes 3.5 km; the longest link is 2.0 km.',
      '50 % of the parks lie within 800 m of a metro station; 25 % within 800 m of a campus.',
      '75 % of the parks lie in Future Valley, 0 % in the Yang-Shu-Pu belt.',
    ]);
  });

  it('say nothing they cannot back: no readings for an empty set, no NaN anywhere', () => {
    const empty: DispersionResult = {
      ...base,
      count: 0,
      nnCentroid: null,
      nnEdge: null,
      clarkEvans: null,
      clusters: { distanceM: 500, minPoints: 2, count: 0, noise: 0, sizes: [] },
      mst: null,
      coverage: { distanceM: 800, basis: 'count', stations: null, campuses: null },
      zones: [],
      parks: [],
    };
    expect(readings(empty, 'en', 800)).toEqual([]);
    const rows = figureRows(empty, null, 'en');
    expect(rows.map((r) => formatFigure(r.a, r.unit, 'en')).join(' ')).not.toMatch(/NaN|undefined|Infinity/);
    expect(rows.find((r) => r.id === 'clusters')!.a).toBeNull();
    expect(figureRows({ ...base, meanAreaM2: NaN }, null, 'en').find((r) => r.id === 'mean_area')!.a).toBeNull();
  });

  it('format units for people: metres under a kilometre, hectares, percentages', () => {
    expect(formatFigure(850.4, 'm', 'en')).toBe('850 m');
    expect(formatFigure(1250, 'm', 'zh')).toBe('1.25 公里');
    expect(formatFigure(123_456, 'm2', 'en')).toBe('12.3 ha');
    expect(formatFigure(0.456, 'share', 'en')).toBe('46 %');
    expect(formatFigure(null, 'ratio', 'en')).toBe('—');
  });

  it('list both scenarios side by side, zones included, and export them as CSV', () => {
    const b = { ...base, count: 2, zones: [{ ...base.zones[0]!, share: 1 }] };
    const rows = figureRows(base, b, 'en');
    expect(rows.find((r) => r.id === 'count')).toMatchObject({ a: 4, b: 2 });
    expect(rows.find((r) => r.id === 'in_zone-future-valley')).toMatchObject({ label: 'Inside Future Valley', a: 0.75, b: 1 });
    expect(rows.find((r) => r.id === 'in_zone-yangshupu-belt')).toMatchObject({ a: 0, b: null });
    const csv = figuresCsv(rows, true, 'en');
    expect(csv.startsWith('\uFEFFfigure,label,unit,scenario_a,scenario_b\r\n')).toBe(true);
    expect(csv).toContain('\r\ncount,Park sites (distinct locations),count,4,2\r\n');
    expect(csv).toContain('\r\nclark_evans_r,Clark–Evans nearest-neighbour ratio R (no edge correction),,0.618,0.618\r\n');
    // The tests' rows are there, empty until the tests are computed.
    expect(csv).toContain('\r\nmonte_carlo_p,Monte Carlo test p (two-sided),,,\r\n');
    expect(csv).toContain('\r\ntotal_area,Total area,m²,,\r\n');
    // In Chinese, headers, labels and units are Chinese; a figure's id stays the key it is.
    const zh = figuresCsv(figureRows(base, b, 'zh'), true, 'zh');
    expect(zh.startsWith('\uFEFF指标编号,指标,单位,情景A,情景B\r\n')).toBe(true);
    expect(zh.split('\r\n').find((l) => l.startsWith('total_area,'))).toMatch(/^total_area,[^,]*[\u4e00-\u9fff][^,]*,平方米,,$/);
    expect(zh.replace(/^\uFEFF[^\r]*\r\n/, '').replace(/^[a-z_-]+,/gm, '')).not.toMatch(/[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}/);
  });

  it('export each park with its hub, numbered as the map numbers them, in the reader’s language', () => {
    const c = {
      hubs: [
        { id: 'h2', lon: 121.5, lat: 31.3, parks: ['a'], meanM: 0, maxM: 0 },
        { id: 'h1', lon: 121.6, lat: 31.3, parks: ['b'], meanM: 250.4, maxM: 250.4 },
      ],
      assignments: [
        { parkId: 'a', hubId: 'h2', distanceM: 0 },
        { parkId: 'b', hubId: 'h1', distanceM: 250.4 },
      ],
    } as unknown as ConsolidationResult;
    const names = (id: string) => ({ zh: `园${id}`, en: `Park ${id}` });
    expect(hubsCsv(c, names, 'en').split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFpark_id,park_name_zh,park_name_en,hub_number,hub_id,hub_name_zh,hub_name_en,distance_m',
      'a,园a,Park a,1,h2,园h2,Park h2,0',
      'b,园b,Park b,2,h1,园h1,Park h1,250.4',
    ]);
    expect(hubsCsv(c, names, 'zh').startsWith('\uFEFF园区编号,')).toBe(true);
  });

  it('word messages in the user language, naming the parks', () => {
    expect(messageTexts(base, 'en', (id) => id.toUpperCase())[1]).toBe('2 parks are duplicates (same id or same place) and are counted once: A, C');
    expect(messageTexts(base, 'zh', (id) => id)[1]).toBe('2 个园区重复（同一编号或同一位置），只计一次：a、c');
  });

  it('keep spreadsheet formulas out of the CSV and quote what needs quoting', () => {
    expect(toCsv(['h'], [['=HYPERLINK("x")'], ['a,b'], [null], [3]])).toBe('\uFEFFh\r\n"\'=HYPERLINK(""x"")"\r\n"a,b"\r\n\r\n3\r\n');
    const parks = parksCsv(base, (id) => ({ zh: `园${id}`, en: `Park ${id}` }), 'en');
    expect(parks.split('\r\n')[2]).toBe("'=b,园=b,Park =b,121.51,31.3,,,,a,300,300,0");
    const zhParks = parksCsv(base, (id) => ({ zh: `园${id}`, en: `Park ${id}` }), 'zh')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(zhParks[0]!.split(',')).toHaveLength(
      parks
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]!
        .split(',').length,
    );
    expect(zhParks[0]).toMatch(/^编号,中文名称,英文名称,经度,纬度,/);
    expect(zhParks[2]).toBe(parks.split('\r\n')[2]);
  });

  it('count values in bins that the chart and its table share', () => {
    expect(histogram([0, 249, 250, 740, NaN, -1], 250)).toEqual([
      { x0: 0, x1: 250, count: 2 },
      { x0: 250, x1: 500, count: 1 },
      { x0: 500, x1: 750, count: 1 },
    ]);
    expect(histogram([], 250)).toEqual([]);
  });
});
