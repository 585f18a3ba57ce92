import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distanceM, fromWgs84, offsetHint, toWgs84 } from '../../lib/import/coords.ts';
import { suggestMapping } from './mapping.ts';
import { buildSampleInventory, SAMPLE_AUTHORED } from './sample.ts';
import { loadSampleInventory } from './sample-data.ts';
import { SAMPLE_INVENTORY_ID, SAMPLE_INVENTORY_NAME, SAMPLE_MARKER } from './types.ts';
import { describeWithData, sharedPath } from '../../../tests/support/shared.ts';

const root = resolve(import.meta.dirname, '../../..');
const csv = readFileSync(resolve(root, 'data/listings/sample.csv'), 'utf8');
const { inventory, report } = buildSampleInventory(csv);

describe('the sample inventory', () => {
  it('goes through the import with every row accepted and nothing to remark', () => {
    expect([report.accepted, report.rejected]).toEqual([16, 0]);
    expect(report.rows.every((r) => r.messages.length === 0)).toBe(true);
    expect(report.notes.map((n) => n.code)).toEqual(['encoding', 'crs-wgs84']);
  });

  it('exercises the mapping with Chinese and English headers', () => {
    const headers = csv.split('\n', 1)[0]!.split(',');
    expect(suggestMapping(headers)).toEqual({
      name: '名称',
      building: 'building',
      address: '地址',
      areaM2: 'area (m²)',
      spaceType: '类型',
      industries: '产业方向',
      rent: '租金(元/㎡/天)',
      availableFrom: 'available from',
      operator: 'operator',
      source: '来源',
      sourceDate: '信息日期',
      lon: '经度',
      lat: '纬度',
    });
  });

  it('is marked as sample data everywhere: inventory, every listing, its source', () => {
    expect(inventory).toMatchObject({ id: SAMPLE_INVENTORY_ID, name: SAMPLE_INVENTORY_NAME, sample: true, crs: 'wgs84', importedAt: SAMPLE_AUTHORED });
    expect(SAMPLE_MARKER).toBe('示例数据 / sample listings — not real offers');
    for (const l of inventory.listings) {
      expect(l.sample).toBe(true);
      expect(l.source).toBe(SAMPLE_MARKER);
      expect(l.name).toMatch(/（示例）$/);
      expect(l.operator).toBe('示例运营方（虚构）');
      expect(l.contact).toBeUndefined();
      expect(l.id).toBe(`sample:${l.row}`);
    }
  });

  it('covers every space type but "other", with plausible areas and rents', () => {
    const types = new Set(inventory.listings.map((l) => l.spaceType));
    expect([...types].sort()).toEqual(['coworking', 'incubator_desk', 'lab', 'light_industrial', 'office']);
    for (const l of inventory.listings) {
      expect(l.areaM2).toBeGreaterThanOrEqual(30);
      expect(l.areaM2).toBeLessThanOrEqual(3000);
      expect(l.rentMin).toBeGreaterThanOrEqual(1.5);
      expect(l.rentMax).toBeLessThanOrEqual(6.5);
      expect(l.availableFrom! > l.sourceDate!).toBe(true);
    }
  });

  it('sits at real places of the plan dataset: on a located point, or inside a zone component', () => {
    const points: [number, number][] = [];
    const components: Feature<Polygon>[] = [];
    for (const f of readdirSync(resolve(root, 'data/plan')).filter((n) => n.endsWith('.geojson'))) {
      const fc = JSON.parse(readFileSync(resolve(root, 'data/plan', f), 'utf8')) as FeatureCollection<Geometry | null, { class: string }>;
      for (const feat of fc.features) {
        if (feat.geometry?.type === 'Point') points.push(feat.geometry.coordinates as [number, number]);
        if (feat.geometry?.type === 'Polygon' && feat.properties.class === 'zone_component') components.push(feat as Feature<Polygon>);
      }
    }
    expect(components.length).toBeGreaterThan(5);
    for (const l of inventory.listings) {
      const onPoint = points.some((p) => distanceM(p, [l.lon, l.lat]) < 1);
      const inComponent = components.some((c) => booleanPointInPolygon([l.lon, l.lat], c));
      expect(onPoint || inComponent, l.name).toBe(true);
    }
  });

  it('is what the lazily loaded module gives, its CSV bundled with ?raw', () => {
    expect(loadSampleInventory()).toEqual(inventory);
  });
});

function planPoints(): [number, number][] {
  const out: [number, number][] = [];
  for (const f of readdirSync(resolve(root, 'data/plan')).filter((n) => n.endsWith('.geojson'))) {
    const fc = JSON.parse(readFileSync(resolve(root, 'data/plan', f), 'utf8')) as FeatureCollection<Geometry | null>;
    for (const feat of fc.features) if (feat.geometry?.type === 'Point') out.push(feat.geometry.coordinates as [number, number]);
  }
  return out;
}

const stationsFile = sharedPath('data/osm/yangpu-metro-stations.wgs84.geojson');
describeWithData(stationsFile)('the offset hint against the real metro stations', () => {
  const stations = (JSON.parse(readFileSync(stationsFile, 'utf8')) as { features: { geometry: { coordinates: [number, number] } }[] }).features.map(
    (f) => f.geometry.coordinates,
  );
  const points = inventory.listings.map((l) => [l.lon, l.lat] as [number, number]);
  const shifted = (crs: 'gcj02' | 'bd09') => points.map((p) => toWgs84(fromWgs84(p, crs), 'wgs84'));

  it('stays silent for the sample read in the right CRS', () => {
    expect(offsetHint(points, stations, { crs: 'wgs84' })).toBeNull();
    expect(offsetHint(points, [...stations, ...planPoints()], { crs: 'wgs84' })).toBeNull();
  });

  it('stations alone are too far from the parks (median ~470 m) to reveal a 480 m GCJ-02 shift: silent, not wrong', () => {
    expect(offsetHint(shifted('gcj02'), stations, { crs: 'wgs84' })).toBeNull();
  });

  it("with the plan's located places as references too, a GCJ-02 or BD-09 sample read as WGS-84 is caught", () => {
    const refs = [...stations, ...planPoints()];
    expect(offsetHint(shifted('gcj02'), refs, { crs: 'wgs84' })?.suggested).toBe('gcj02');
    expect(offsetHint(shifted('bd09'), refs, { crs: 'wgs84' })?.suggested).toBe('bd09');
  });
});
