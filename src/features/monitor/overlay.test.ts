import { describe, expect, it } from 'vitest';
import type { PlanGeometry, PlanOutputCollection, PlanOutputFeature } from '../../lib/data/plan-schema.ts';
import { formatFigure, labelPoint, monitorOverlay, placeFigures, placeYears } from './overlay.ts';
import type { Observation } from './types.ts';

function feature(n: number, id: string, geometry: PlanGeometry): PlanOutputFeature {
  // Only what the overlay reads; the rest of a plan record does not matter here.
  return { type: 'Feature', id: n, geometry, properties: { id, name_zh: `地点${n}`, name_en: `Place ${n}` } as PlanOutputFeature['properties'] };
}

// A 0.02° × 0.01° box with a notch: its pole lies in the wider left part, not at the bbox centre.
const zone: PlanGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [121.5, 31.3],
      [121.52, 31.3],
      [121.52, 31.302],
      [121.51, 31.302],
      [121.51, 31.31],
      [121.5, 31.31],
      [121.5, 31.3],
    ],
  ],
};
const plan: PlanOutputCollection = {
  type: 'FeatureCollection',
  features: [
    feature(1, 'sp-a', { type: 'Point', coordinates: [121.51, 31.29] }),
    feature(2, 'zone-b', zone),
    feature(3, 'dr-c', {
      type: 'LineString',
      coordinates: [
        [121.5, 31.28],
        [121.52, 31.28],
        [121.52, 31.3],
      ],
    }),
  ],
};

const obs = (indicator: Observation['indicator'], year: number, value: number, place?: string, source = 'bulletin'): Observation => ({
  indicator,
  year,
  value,
  unit: indicator === 'rd_intensity' ? '%' : indicator.endsWith('_firms') ? '家' : '亿元',
  source,
  ...(place ? { place } : {}),
});

describe('the monitor overlay', () => {
  const observations: Observation[] = [
    obs('leading_industries_revenue', 2024, 1000), // district-wide: never on the map
    obs('leading_industries_revenue', 2024, 400, 'sp-a'),
    obs('leading_industries_revenue', 2024, 100, 'zone-b'),
    obs('leading_industries_revenue', 2025, 900, 'sp-a'),
    obs('leading_industries_revenue', 2025, 225, 'zone-b'),
    obs('leading_industries_revenue', 2025, 36, 'dr-c'),
    obs('leading_industries_revenue', 2025, 50, 'not-in-plan'),
    obs('gazelle_firms', 2023, 12, 'sp-a'),
  ];

  it('lists the years with place figures of one indicator', () => {
    expect(placeYears(observations, 'leading_industries_revenue')).toEqual([2024, 2025]);
    expect(placeYears(observations, 'gazelle_firms')).toEqual([2023]);
    expect(placeYears(observations, 'rd_intensity')).toEqual([]);
  });

  it('draws the latest year by default, areas proportional to values', () => {
    const fc = monitorOverlay(observations, { indicator: 'leading_industries_revenue', year: null, plan })!;
    expect(fc.features.map((f) => f.properties!.place)).toEqual(['sp-a', 'zone-b', 'dr-c']);
    // √(900/900), √(225/900) = 0.5, √(36/900) = 0.2
    expect(fc.features.map((f) => f.properties!.scale)).toEqual([1, 0.5, 0.2]);
    expect(fc.features[0]!.properties).toEqual({
      id: 'sp-a',
      place: 'sp-a',
      name_zh: '地点1',
      name_en: 'Place 1',
      value: 900,
      unit: '亿元',
      year: 2025,
      derived: false,
      scale: 1,
      label_zh: '900亿元',
      label_en: '¥90 bn',
    });
    expect(fc.features[0]!.geometry.coordinates).toEqual([121.51, 31.29]);
  });

  it('draws a chosen year, and nothing for a year or an indicator without place figures', () => {
    const fc = monitorOverlay(observations, { indicator: 'leading_industries_revenue', year: 2024, plan })!;
    expect(fc.features.map((f) => [f.properties!.place, f.properties!.value, f.properties!.scale])).toEqual([
      ['sp-a', 400, 1],
      ['zone-b', 100, 0.5],
    ]);
    expect(monitorOverlay(observations, { indicator: 'leading_industries_revenue', year: 2023, plan })).toBeNull();
    expect(monitorOverlay(observations, { indicator: 'rd_intensity', year: null, plan })).toBeNull();
    expect(monitorOverlay([], { indicator: 'leading_industries_revenue', year: null, plan })).toBeNull();
    expect(monitorOverlay(observations, { indicator: 'leading_industries_revenue', year: null, plan: null })).toBeNull();
  });

  it('puts an outline’s symbol inside it, a line’s at its middle', () => {
    const fc = monitorOverlay(observations, { indicator: 'leading_industries_revenue', year: 2025, plan })!;
    const [lon, lat] = fc.features[1]!.geometry.coordinates as [number, number];
    // Inside the wide left part of the notched box, away from its edges.
    expect(lon).toBeGreaterThan(121.5);
    expect(lon).toBeLessThan(121.51);
    expect(lat).toBeGreaterThan(31.3);
    expect(lat).toBeLessThan(31.31);
    // Line: 0.02° east then 0.02° north (in ground terms, north is longer); the middle lies on the second leg.
    const [mlon, mlat] = fc.features[2]!.geometry.coordinates as [number, number];
    expect(mlon).toBeCloseTo(121.52, 7);
    const k = Math.cos((31.28 * Math.PI) / 180);
    const half = (0.02 * k + 0.02) / 2;
    expect(mlat).toBeCloseTo(31.28 + (half - 0.02 * k), 6);
  });

  it('takes a MultiPolygon’s largest part', () => {
    const small = [
      [121.6, 31.2],
      [121.601, 31.2],
      [121.601, 31.201],
      [121.6, 31.201],
      [121.6, 31.2],
    ];
    const big = [
      [121.5, 31.3],
      [121.51, 31.3],
      [121.51, 31.31],
      [121.5, 31.31],
      [121.5, 31.3],
    ];
    const p = labelPoint({ type: 'MultiPolygon', coordinates: [[small], [big]] })!;
    expect(p[0]).toBeCloseTo(121.505, 3);
    expect(p[1]).toBeCloseTo(31.305, 3);
  });

  it('counts a place’s figure given in two files once: the later import', () => {
    const twice = [...observations, obs('leading_industries_revenue', 2025, 1800, 'zone-b', 'revised')];
    const rows = placeFigures(twice, { indicator: 'leading_industries_revenue', year: 2025, plan });
    expect(rows.map((r) => [r.place, r.value, r.source])).toEqual([
      ['zone-b', 1800, 'revised'],
      ['sp-a', 900, 'bulletin'],
      ['dr-c', 36, 'bulletin'],
    ]);
  });

  it('lists places without a published location, and draws only located ones', () => {
    const withUnlocated = [...observations, obs('gazelle_firms', 2023, 30, 'inc-hidden')];
    const rows = placeFigures(withUnlocated, {
      indicator: 'gazelle_firms',
      year: null,
      plan,
      unlocated: [{ id: 'inc-hidden', name_zh: '未公开', name_en: 'Unpublished' }],
    });
    expect(rows.map((r) => [r.place, r.value, r.point !== undefined])).toEqual([
      ['inc-hidden', 30, false],
      ['sp-a', 12, true],
    ]);
    const fc = monitorOverlay(withUnlocated, { indicator: 'gazelle_firms', year: null, plan })!;
    expect(fc.features.map((f) => [f.properties!.place, f.properties!.scale])).toEqual([['sp-a', 1]]);
  });

  it('sums a place’s three leading industries when its total is not given, and says so', () => {
    const parts = [
      obs('digital_economy_revenue', 2025, 50, 'zone-b'),
      obs('life_health_revenue', 2025, 30, 'zone-b'),
      obs('green_low_carbon_revenue', 2025, 20, 'zone-b'),
      // Two of three parts only: no total for dr-c.
      obs('digital_economy_revenue', 2025, 10, 'dr-c'),
      obs('life_health_revenue', 2025, 10, 'dr-c'),
      obs('leading_industries_revenue', 2025, 400, 'sp-a'),
    ];
    expect(placeYears(parts, 'leading_industries_revenue')).toEqual([2025]);
    const fc = monitorOverlay(parts, { indicator: 'leading_industries_revenue', year: null, plan })!;
    expect(fc.features.map((f) => [f.properties!.place, f.properties!.value, f.properties!.derived, f.properties!.scale])).toEqual([
      ['sp-a', 400, false, 1],
      ['zone-b', 100, true, 0.5],
    ]);
    // The parts themselves are shown as given.
    expect(placeFigures(parts, { indicator: 'digital_economy_revenue', year: 2025, plan }).map((r) => [r.place, r.value])).toEqual([
      ['zone-b', 50],
      ['dr-c', 10],
    ]);
  });

  it('gives every symbol a zero size when every figure is zero, and never mutates its input', () => {
    const zeros = [obs('unicorn_firms', 2024, 0, 'sp-a'), obs('unicorn_firms', 2024, 0, 'zone-b')];
    const before = JSON.stringify(zeros);
    const fc = monitorOverlay(zeros, { indicator: 'unicorn_firms', year: null, plan })!;
    expect(fc.features.map((f) => f.properties!.scale)).toEqual([0, 0]);
    expect(fc.features.map((f) => f.properties!.label_en)).toEqual(['0 firms', '0 firms']);
    expect(JSON.stringify(zeros)).toBe(before);
  });
});

describe('figures as written', () => {
  it('writes each unit in both languages', () => {
    expect(formatFigure(1400, '亿元', 'zh')).toBe('1,400亿元');
    expect(formatFigure(1400, '亿元', 'en')).toBe('1,400 × 100 million yuan');
    expect(formatFigure(1234.5, '亿元', 'en', { compact: true })).toBe('¥123.45 bn');
    expect(formatFigure(4.25, '%', 'en')).toBe('4.25%');
    expect(formatFigure(1, '家', 'en')).toBe('1 firm');
    expect(formatFigure(12, '家', 'zh')).toBe('12家');
    expect(formatFigure(1, '梯队', 'zh')).toBe('第1梯队');
    expect(formatFigure(2, '梯队', 'en')).toBe('tier 2');
  });
});
