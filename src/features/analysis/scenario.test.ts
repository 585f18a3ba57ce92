import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { scenarioCandidates, selectParks, zonesOf, type PlanLike } from './scenario.ts';
import { normaliseScenario, SCENARIO_CONSOLIDATED, SCENARIO_TODAY } from './scenario-spec.ts';
import { parseAnalysisLink, writeAnalysisLink, type AnalysisLink } from './link.ts';
import { formatLink, parseLink } from '../../lib/state/permalink.ts';
import { FEATURES } from '../../../tests/support/features.ts';

const square = (x0: number, y0: number, d: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + d, y0],
      [x0 + d, y0 + d],
      [x0, y0 + d],
      [x0, y0],
    ],
  ],
});
const f = (id: string, cls: string, geometry: PlanLike['geometry']): PlanLike => ({
  type: 'Feature',
  geometry,
  properties: { id, class: cls, name_zh: id, name_en: id },
});

// Future Valley is the square 121.50–121.52 E, 31.30–31.32 N; the belt 121.53–121.55 E, 31.26–31.28 N.
const plan: PlanLike[] = [
  f('zone-future-valley', 'zone', square(121.5, 31.3, 0.02)),
  f('zone-yangshupu-belt', 'zone', square(121.53, 31.26, 0.02)),
  f('sp-in-fv', 'university_science_park', { type: 'Point', coordinates: [121.51, 31.31] }),
  f('sp-in-ysp', 'university_science_park', { type: 'Point', coordinates: [121.54, 31.27] }),
  f('inc-outside', 'incubator', { type: 'Point', coordinates: [121.57, 31.33] }),
  f('pf-unlocated', 'platform', null),
  f('zc-straddling', 'zone_component', square(121.515, 31.315, 0.01)),
  f('lm-landmark', 'landmark', { type: 'Point', coordinates: [121.51, 31.31] }),
];
const zones = zonesOf(plan);

describe('scenarios', () => {
  it('count today every located science park, incubator and platform, and nothing else', () => {
    expect(selectParks(plan, SCENARIO_TODAY, { zones }).map((p) => p.properties.id)).toEqual(['inc-outside', 'sp-in-fv', 'sp-in-ysp']);
  });

  it('keep only what lies in a zone, or in either', () => {
    const ids = (zone: typeof SCENARIO_TODAY.zone) => selectParks(plan, { ...SCENARIO_TODAY, zone }, { zones }).map((p) => p.properties.id);
    expect(ids('future_valley')).toEqual(['sp-in-fv']);
    expect(ids('yangshupu')).toEqual(['sp-in-ysp']);
    expect(ids('either')).toEqual(['sp-in-fv', 'sp-in-ysp']);
    expect(selectParks(plan, SCENARIO_CONSOLIDATED, { zones }).length).toBe(2);
  });

  it('count an outline in a zone when its centre or a vertex is inside', () => {
    const s = { ...SCENARIO_TODAY, classes: ['zone_component' as const], zone: 'future_valley' as const };
    expect(selectParks(plan, s, { zones }).map((p) => p.properties.id)).toEqual(['zc-straddling']);
  });

  it('keep what lies in the drawn polygon, and ignore the filter while the polygon has fewer than 3 vertices', () => {
    const area: [number, number][] = [
      [121.56, 31.32],
      [121.58, 31.32],
      [121.58, 31.34],
      [121.56, 31.34],
    ];
    const s = { ...SCENARIO_TODAY, inArea: true };
    expect(selectParks(plan, s, { zones, area }).map((p) => p.properties.id)).toEqual(['inc-outside']);
    expect(selectParks(plan, s, { zones, area: area.slice(0, 2) }).length).toBe(3);
  });

  it('leave out parks the user unticked, while still offering them as candidates', () => {
    const s = { ...SCENARIO_TODAY, off: ['sp-in-fv'] };
    expect(selectParks(plan, s, { zones }).map((p) => p.properties.id)).toEqual(['inc-outside', 'sp-in-ysp']);
    expect(scenarioCandidates(plan, s, { zones }).length).toBe(3);
  });

  it('never mutate the plan', () => {
    const before = structuredClone(plan);
    selectParks(
      plan,
      { ...SCENARIO_TODAY, classes: ['zone_component', 'university_science_park'], zone: 'either', inArea: true },
      {
        zones,
        area: [
          [121.5, 31.3],
          [121.6, 31.3],
          [121.6, 31.4],
        ],
      },
    );
    expect(plan).toEqual(before);
  });

  it('are normalised so that equal choices are equal', () => {
    expect(normaliseScenario({ classes: ['platform', 'incubator', 'platform'], zone: 'any', inArea: false, off: ['b', 'a', 'b'] })).toEqual({
      classes: ['incubator', 'platform'],
      zone: 'any',
      inArea: false,
      off: ['a', 'b'],
    });
  });
});

describe('the dashboard in the link', () => {
  const link: AnalysisLink = {
    clusterM: 750,
    coverageM: 1200,
    minPoints: 3,
    a: { classes: ['university_science_park', 'zone_component'], zone: 'any', inArea: true, off: ['sp-fudan'] },
    b: { classes: ['incubator'], zone: 'either', inArea: false, off: [] },
    compare: true,
    show: 'b',
    hubs: { by: 'count', hubs: 3, withinM: 1000, candidates: 'both' },
    area: [
      [121.5, 31.3],
      [121.52, 31.3],
      [121.52, 31.32],
    ],
  };

  it('round-trips through the whole link, readably', () => {
    const s = formatLink({ analysis: link }, FEATURES);
    expect(s).toBe(
      '?cd=750&cov=1200&cmin=3&acls=sp,zc&aarea=1&aoff=sp-fudan&bcls=inc&bzone=both&cmp=1&amap=b&hk=3&hc=both&apoly=121.5,31.3;121.52,31.3;121.52,31.32',
    );
    expect(parseLink(s, new Set(), FEATURES).analysis).toEqual(link);
  });

  it('clamps distances, drops unknown classes and hostile ids, and keeps a polygon only whole', () => {
    const q = new URLSearchParams('cd=1e9&cov=-5&cmin=99&acls=sp,evil,<script>&aoff=ok-id,<img>,javascript:x&azone=mars&apoly=121.5,31.3;1,1;121.52,31.32');
    expect(parseAnalysisLink(q)).toEqual({
      clusterM: 5000,
      coverageM: 100,
      minPoints: 10,
      a: { classes: ['university_science_park'], zone: 'any', inArea: false, off: ['ok-id'] },
    });
  });

  it('reads hubs by number or by distance, clamped, and nothing for hostile values', () => {
    expect(parseAnalysisLink(new URLSearchParams('hd=99999&hc=parks'))?.hubs).toEqual({ by: 'distance', hubs: 0, withinM: 5000, candidates: 'parks' });
    expect(parseAnalysisLink(new URLSearchParams('hk=40&hc=<x>'))?.hubs).toEqual({ by: 'count', hubs: 10, withinM: 1000, candidates: 'components' });
    expect(parseAnalysisLink(new URLSearchParams('hk=0'))).toBeUndefined();
    expect(parseAnalysisLink(new URLSearchParams('hk=abc&hd=NaN'))).toBeUndefined();
    const q = new URLSearchParams();
    writeAnalysisLink({ hubs: { by: 'distance', hubs: 0, withinM: 800, candidates: 'components' } }, q);
    expect(q.toString()).toBe('hd=800');
  });

  it('writes nothing for an absent dashboard state', () => {
    const q = new URLSearchParams();
    writeAnalysisLink({}, q);
    expect(q.toString()).toBe('');
    expect(parseAnalysisLink(new URLSearchParams('lang=en'))).toBeUndefined();
  });
});
