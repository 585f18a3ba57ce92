import booleanValid from '@turf/boolean-valid';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { RouteAnalysis } from './types.ts';
import { sketchFileName, sketchToGeoJSON } from './export.ts';

// A sketch across Yangpu: lon ≈ 121.5, lat ≈ 31.3 — so a swapped order is easy to spot.
const coords: [number, number][] = [
  [121.512345678, 31.283456789, 12] as unknown as [number, number],
  [121.523456789, 31.291234567],
  [121.531111111, 31.302222222],
];
const ring: [number, number][] = [
  [121.5120001, 31.2830001],
  [121.5320001, 31.3020001],
  [121.5325001, 31.3015001],
  [121.5125001, 31.2825001],
  [121.5120001, 31.2830001],
];
const analysis: RouteAnalysis = {
  id: 'sketch',
  name_zh: '草绘航线',
  name_en: 'Sketched route',
  line: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } },
  corridor: { type: 'Feature', properties: { base: 60, top: 120 }, geometry: { type: 'Polygon', coordinates: [ring] } },
  lengthM: 2345.6789,
  timeS: 271.49,
  altitude: [60, 120],
  profile: [
    { distance: 0, altitude: 0 },
    { distance: 2345.6789, altitude: 0 },
  ],
  conflicts: [
    {
      kind: 'elevated_road',
      how: 'crosses',
      id: 'elevated:中环路',
      name_zh: '中环路',
      name_en: 'Middle Ring Road',
      location: [121.5201234567, 31.2887654321],
    },
    {
      kind: 'sensitive_area',
      how: 'within_corridor',
      id: 'area:campus-fudan',
      name_zh: '复旦大学',
      name_en: 'Fudan University',
      location: [121.5299999999, 31.3000000001],
    },
  ],
  obstacles: [
    {
      kind: 'elevated_road',
      how: 'crosses',
      id: 'elevated:中环路',
      name_zh: '中环路',
      name_en: 'Middle Ring Road',
      crossings: 1,
      locations: [[121.5201234567, 31.2887654321]],
    },
    {
      kind: 'sensitive_area',
      how: 'within_corridor',
      id: 'area:campus-fudan',
      name_zh: '复旦大学',
      name_en: 'Fudan University',
      crossings: 0,
      locations: [[121.5299999999, 31.3000000001]],
    },
  ],
};
const date = new Date(2025, 2, 7, 9, 5, 30);

describe('sketchToGeoJSON', () => {
  const fc = sketchToGeoJSON(analysis, { widthM: 60, cruiseKmh: 36 }, date, 'en');

  it('is a FeatureCollection of the line, the corridor and one point per conflict', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Polygon', 'Point', 'Point']);
    expect(fc.features.map((f) => f.properties?.role)).toEqual(['sketch', 'corridor', 'conflict', 'conflict']);
    for (const f of fc.features) expect(f.type).toBe('Feature');
  });

  it('puts the settings and results on the line, rounded', () => {
    const p = fc.features[0]!.properties!;
    expect(p).toMatchObject({
      name: 'Sketched route',
      name_zh: '草绘航线',
      length_m: 2346,
      time_s: 271,
      width_m: 60,
      cruise_kmh: 36,
      altitude_m: [60, 120],
      conflicts: 2,
      created: date.toISOString(),
    });
    expect(new Date(p.created as string).getTime()).toBe(date.getTime());
  });

  it('says what it is in the language asked, and keeps both names of each place', () => {
    const HAN = /[\u4e00-\u9fff]/;
    const words = (f: FeatureCollection) => f.features.map((x) => [x.properties?.name, x.properties?.note].filter(Boolean).join(' ')).join(' ');
    expect(words(fc)).not.toMatch(HAN);
    expect(fc.features[1]!.properties?.name).toBe('Sketched route corridor');
    const zh = sketchToGeoJSON(analysis, { widthM: 60, cruiseKmh: 36 }, date, 'zh');
    expect(zh.features[0]!.properties).toMatchObject({ name: '草绘航线', name_zh: '草绘航线', name_en: 'Sketched route' });
    expect(zh.features[0]!.properties?.note).toBe('用杨浦创新地图绘制的航线草图；所画各点之间为直线段。');
    expect(zh.features[1]!.properties?.name).toBe('草绘航线的廊道');
    expect(words(zh)).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('describes the corridor and the conflicts', () => {
    expect(fc.features[1]!.properties).toMatchObject({ width_m: 60, base_m: 60, top_m: 120 });
    expect(fc.features[2]!.properties).toEqual({
      role: 'conflict',
      kind: 'elevated_road',
      how: 'crosses',
      obstacle: 'elevated:中环路',
      name_zh: '中环路',
      name_en: 'Middle Ring Road',
    });
    expect(fc.features[3]!.properties).toMatchObject({ kind: 'sensitive_area', how: 'within_corridor' });
  });

  it('writes [lon, lat] positions with six decimals and no height', () => {
    const line = fc.features[0] as Feature<LineString>;
    expect(line.geometry.coordinates[0]).toEqual([121.512346, 31.283457]);
    const poly = fc.features[1] as Feature<Polygon>;
    const outer = poly.geometry.coordinates[0]!;
    expect(outer[0]).toEqual(outer.at(-1));
    expect((fc.features[2] as Feature<Point>).geometry.coordinates).toEqual([121.520123, 31.288765]);
    const positions = [...line.geometry.coordinates, ...outer, ...fc.features.slice(2).map((f) => (f as Feature<Point>).geometry.coordinates)];
    for (const p of positions) {
      expect(p).toHaveLength(2);
      expect(p[0]).toBeGreaterThan(121);
      expect(p[0]).toBeLessThan(122);
      expect(p[1]).toBeGreaterThan(31);
      expect(p[1]).toBeLessThan(32);
      for (const v of p) expect(Math.round(v * 1e6) / 1e6).toBe(v);
    }
    for (const f of fc.features) expect(booleanValid(f)).toBe(true);
  });

  it('survives a JSON round trip unchanged and does not touch its input', () => {
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
    expect(analysis.line.geometry.coordinates[0]).toHaveLength(3);
  });
});

describe('sketchFileName', () => {
  it('stamps the local date and time', () => {
    expect(sketchFileName(date)).toBe('yangpu-drone-sketch-20250307-0905.geojson');
  });
});
