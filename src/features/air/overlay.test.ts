import { describe, expect, it } from 'vitest';
import type { AirResult, RouteAnalysis } from './types.ts';
import { airOverlay } from './overlay.ts';

const route = (id: string): RouteAnalysis => ({
  id,
  name_zh: '航线',
  name_en: 'Route',
  line: {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'LineString',
      coordinates: [
        [121.5, 31.3],
        [121.51, 31.3],
      ],
    },
  },
  corridor: {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [121.5, 31.2997],
          [121.51, 31.2997],
          [121.51, 31.3003],
          [121.5, 31.3003],
          [121.5, 31.2997],
        ],
      ],
    },
  },
  lengthM: 950,
  timeS: 175,
  altitude: [60, 120],
  profile: [],
  conflicts: [
    { kind: 'elevated_road', how: 'crosses', id: 'elevated:中环路', name_zh: '中环路', name_en: 'Middle Ring Road', location: [121.505, 31.3] },
    { kind: 'elevated_road', how: 'crosses', id: 'elevated:中环路', name_zh: '中环路', name_en: 'Middle Ring Road', location: [121.507, 31.3] },
  ],
  obstacles: [
    {
      kind: 'elevated_road',
      how: 'crosses',
      id: 'elevated:中环路',
      name_zh: '中环路',
      name_en: 'Middle Ring Road',
      crossings: 2,
      locations: [
        [121.505, 31.3],
        [121.507, 31.3],
      ],
    },
  ],
});

describe('the low-altitude overlay', () => {
  it('draws corridors with their altitude band, conflicts numbered by obstacle and the sketch', () => {
    const air: AirResult = { routes: [route('plan:dr-a')], sketch: route('sketch'), widthM: 60, cruiseKmh: 36 };
    const fc = airOverlay(air, [
      [121.5, 31.3],
      [121.51, 31.31],
    ]);
    const roles = fc.features.map((f) => `${f.properties!.role}:${f.properties!.kind ?? ''}`);
    expect(roles).toEqual([
      'corridor:route',
      'conflict:elevated_road',
      'conflict:elevated_road',
      'corridor:sketch',
      'conflict:elevated_road',
      'conflict:elevated_road',
      'sketch-line:',
      'sketch-vertex:',
      'sketch-vertex:',
    ]);
    expect(fc.features[0]!.properties).toMatchObject({ base: 60, top: 120, route: 'plan:dr-a', conflicts: 1 });
    // One road crossed twice: one obstacle, two points with its number.
    expect(fc.features[1]!.properties).toMatchObject({ n: 1, how: 'crosses' });
    expect(fc.features[2]!.properties).toMatchObject({ n: 1 });
    expect(fc.features[2]!.geometry).toEqual({ type: 'Point', coordinates: [121.507, 31.3] });
    expect(fc.features.at(-1)!.properties).toEqual({ role: 'sketch-vertex', n: 2 });
  });

  it('keeps only the reported routes’ corridors while the panel is closed', () => {
    const air: AirResult = { routes: [route('plan:dr-a')], sketch: route('sketch'), widthM: 60, cruiseKmh: 36 };
    const fc = airOverlay(air, [[121.5, 31.3]], { panel: false });
    expect(fc.features.map((f) => `${f.properties!.role}:${f.properties!.kind ?? ''}`)).toEqual(['corridor:route']);
    expect(airOverlay(null, [[121.5, 31.3]], { panel: false }).features).toEqual([]);
  });

  it('draws a single vertex without a line, and nothing before the analysis', () => {
    expect(airOverlay(null, [[121.5, 31.3]]).features.map((f) => f.properties!.role)).toEqual(['sketch-vertex']);
    expect(airOverlay(null, []).features).toEqual([]);
  });
});
