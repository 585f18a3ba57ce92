import { readFileSync } from 'node:fs';
import area from '@turf/area';
import distance from '@turf/distance';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { decodeEchartsMap, decodeRing } from '../../scripts/lib/echarts.ts';
import { echartsShanghaiPath, loadShanghaiDistricts, yangpuOutline } from '../../scripts/lib/districts.ts';
import { itWithData, sharedPath } from '../support/shared.ts';

describe('echarts geometry decoder', () => {
  it('undoes the char offset, zigzag and deltas of a hand-made ring', () => {
    // 'D' = 64+4 → zigzag 4 → +2; 'A' = 64+1 → zigzag 1 → −1; '@' = 0.
    expect(decodeRing('@@DAA@', [1024, 2048])).toEqual([
      [1, 2],
      [1 + 2 / 1024, 2 - 1 / 1024],
      [1 + 1 / 1024, 2 - 1 / 1024],
      [1, 2],
    ]);
  });

  it('decodes a known vertex of the Shanghai file: 黄浦区 starts at its encode offset', () => {
    const raw = JSON.parse(readFileSync(echartsShanghaiPath(), 'utf8'));
    const decoded = decodeEchartsMap(raw);
    const huangpu = decoded.features.find((f) => f.properties?.name === '黄浦区')!;
    expect(huangpu.geometry.type).toBe('Polygon');
    const first = (huangpu.geometry.coordinates as number[][][])[0]![0]!;
    expect(first).toEqual([124373 / 1024, 31970 / 1024]);
  });

  it('rejects a ring with a dangling character', () => {
    expect(() => decodeRing('@@A', [0, 0])).toThrow(/odd number/);
  });
});

describe('Shanghai districts in WGS-84', () => {
  const districts = loadShanghaiDistricts();

  it('has all 16 districts with codes and English names', () => {
    expect(districts.features).toHaveLength(16);
    expect(new Set(districts.features.map((f) => f.properties.adcode)).size).toBe(16);
    expect(districts.features.every((f) => f.properties.name_en.length > 0)).toBe(true);
  });

  it('gives Yangpu its official area (60.61 km²) within the file’s quantisation', () => {
    const km2 = area(yangpuOutline(districts)) / 1e6;
    expect(km2).toBeGreaterThan(60.3);
    expect(km2).toBeLessThan(61);
  });

  const reference = sharedPath('data/reference/yangpu-district.from-echarts4.wgs84.geojson');
  itWithData(reference)('matches the shared reference outline derived the same way', () => {
    const ref = JSON.parse(readFileSync(reference, 'utf8')).features[0].geometry.coordinates[0] as number[][];
    const ours = (yangpuOutline(districts).geometry.coordinates as number[][][])[0]!;
    expect(ours.length).toBe(ref.length);
    ours.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(ref[i]![0]!, 9);
      expect(p[1]).toBeCloseTo(ref[i]![1]!, 9);
    });
  });
});

describe('GCJ-02 ↔ WGS-84 (gcoord)', () => {
  const handanWgs: [number, number] = [121.49917, 31.29889];

  it('plots Fudan’s Handan campus about 420 m east and 220 m south in GCJ-02', () => {
    const gcj = gcoord.transform(handanWgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const east = distance(handanWgs, [gcj[0], handanWgs[1]], { units: 'meters' }) * Math.sign(gcj[0] - handanWgs[0]);
    const north = distance(handanWgs, [handanWgs[0], gcj[1]], { units: 'meters' }) * Math.sign(gcj[1] - handanWgs[1]);
    expect(east).toBeGreaterThan(390);
    expect(east).toBeLessThan(450);
    expect(north).toBeLessThan(-190);
    expect(north).toBeGreaterThan(-250);
  });

  it('converts back to within a metre', () => {
    const gcj = gcoord.transform(handanWgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const back = gcoord.transform(gcj, gcoord.GCJ02, gcoord.WGS84) as [number, number];
    expect(distance(handanWgs, back, { units: 'meters' })).toBeLessThan(1);
  });

  it('turns Wikipedia’s GCJ-02 position for Tongji into the 同济大学 metro station (OSM, WGS-84)', () => {
    const wgs = gcoord.transform([121.5066, 31.2827], gcoord.GCJ02, gcoord.WGS84) as [number, number];
    expect(distance(wgs, [121.50206, 31.28442], { units: 'meters' })).toBeLessThan(150);
  });
});
