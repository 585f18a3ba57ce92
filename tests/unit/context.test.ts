import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import length from '@turf/length';
import type { Feature, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readContextLayers, mergeStations } from '../../scripts/lib/context.ts';
import { loadShanghaiDistricts } from '../../scripts/lib/districts.ts';
import { labelPoints } from '../../scripts/lib/labels.ts';
import { schematicHuangpu } from '../../scripts/lib/river.ts';
import { describeWithData, OSM_DIR } from '../support/shared.ts';

const pt = (lon: number, lat: number, props: Record<string, unknown>): Feature<Point> => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

describe('schematic Huangpu', () => {
  const districts = loadShanghaiDistricts();
  const { centreline, band } = schematicHuangpu(districts);

  it('follows the west-bank districts’ boundary with Pudong for tens of kilometres', () => {
    const km = length(centreline);
    expect(km).toBeGreaterThan(15);
    expect(km).toBeLessThan(40);
    expect(centreline.properties?.schematic).toBe(true);
  });

  it('is a band about 400 m wide, flagged schematic and labelled so', () => {
    const widthM = area(band) / (length(centreline) * 1000);
    expect(widthM).toBeGreaterThan(300);
    expect(widthM).toBeLessThan(500);
    expect(band.properties).toMatchObject({ schematic: true, name_zh: '黄浦江（示意）', name_en: 'Huangpu River (schematic)' });
  });

  it('runs between Yangpu and Pudong past 杨浦大桥', () => {
    // The Yangpu Bridge crosses the river at about 121.5345 E, 31.2535 N.
    expect(booleanPointInPolygon([121.536, 31.2535], band as never) || booleanPointInPolygon([121.533, 31.252], band as never)).toBe(true);
  });

  it('fails clearly without Pudong', () => {
    const noPudong = { ...districts, features: districts.features.filter((d) => d.properties.adcode !== '310115') };
    expect(() => schematicHuangpu(noPudong)).toThrow(/Pudong/);
  });
});

describe('metro stations', () => {
  it('keeps one point per station, with the curated English name and position', () => {
    const merged = mergeStations(
      [pt(121.5101, 31.2998, { name: '五角场' }), pt(121.6, 31.3, { name: '巨峰路' })],
      [
        pt(121.51007, 31.29974, { name: '五角场', name_en: 'Wujiaochang (L10)' }),
        pt(121.50848, 31.26004, { name: '大连路', name_en: 'Dalian Road (L4/L12) [stop_positions mean]' }),
      ],
    );
    expect(merged.features.map((f) => [f.properties?.name_zh, f.properties?.name_en, f.properties?.name_en_romanised])).toEqual([
      ['五角场', 'Wujiaochang', false],
      ['大连路', 'Dalian Road', false],
      ['巨峰路', 'Jufeng Road', true],
    ]);
    expect(merged.features[0]!.geometry.coordinates).toEqual([121.51007, 31.29974]);
    expect(merged.features.map((f) => f.id)).toEqual([1, 2, 3]);
  });
});

describe('label points', () => {
  it('puts a C-shaped polygon’s label inside it, not at its centroid', () => {
    const c = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { name_zh: 'C' },
          geometry: {
            type: 'Polygon' as const,
            coordinates: [
              [
                [0, 0],
                [3, 0],
                [3, 1],
                [1, 1],
                [1, 2],
                [3, 2],
                [3, 3],
                [0, 3],
                [0, 0],
              ],
            ],
          },
        },
      ],
    };
    const [p] = labelPoints(c).features;
    expect(booleanPointInPolygon(p!.geometry.coordinates, c.features[0]!)).toBe(true);
    expect(p!.properties).toEqual({ name_zh: 'C' });
  });
});

const osmDir = OSM_DIR;
describeWithData(osmDir)('context layers from the shared OSM data', () => {
  const r = readContextLayers(osmDir);
  it('reads metro, elevated roads and subdistricts with names in both languages', () => {
    expect(r.missing).toEqual([]);
    expect(r.layers.metro_lines!.features.length).toBe(139);
    expect(r.layers.elevated_roads!.features.length).toBe(370);
    const stations = r.layers.metro_stations!.features;
    expect(stations.length).toBeGreaterThanOrEqual(59);
    expect(stations.every((s) => s.properties!.name_zh && s.properties!.name_en)).toBe(true);
    expect(stations.find((s) => s.properties!.name_zh === '上海财经大学')?.properties!.name_en).toBe('Shanghai University of Finance and Economics');
    const sub = r.layers.subdistricts!.features.find((f) => f.properties!.name_zh === '四平路街道');
    expect(sub?.properties).toMatchObject({ name_en: 'Siping Road Subdistrict', district: '杨浦区' });
  });
  it('reports a missing folder as missing layers', () => {
    const none = readContextLayers('/nonexistent');
    expect(none.missing.map((m) => m.layer).sort()).toEqual(['elevated_roads', 'metro_lines', 'metro_stations', 'subdistricts']);
  });
});
