import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { distanceM, fromWgs84 } from '../../lib/import/coords.ts';
import { detectCrs } from '../../lib/import/crs-detect.ts';
import type { Crs } from '../../lib/import/types.ts';
import { suggestMapping } from './mapping.ts';
import { industryRun } from './industries.ts';
import { buildSampleInventory, ENGLISH_COLUMNS, SAMPLE_AUTHORED } from './sample.ts';
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
    // The English columns are the sample's own words in English, not an operator's columns (see below).
    const english = new Set(Object.values(ENGLISH_COLUMNS));
    const headers = csv
      .split('\n', 1)[0]!
      .split(',')
      .filter((h) => !english.has(h));
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

  it('gives English readers its own words in English: names, buildings, addresses and its operator', () => {
    for (const l of inventory.listings) {
      expect(l.en?.name, l.name).toMatch(/^[^\u3400-\u9fff]+ \(sample\)$/);
      expect(l.en?.operator).toBe('Sample operator (fictional)');
      if (l.building) expect(l.en?.building, l.building).toMatch(/^[^\u3400-\u9fff]+$/);
      if (l.address) expect(l.en?.address, l.address).toMatch(/^[^\u3400-\u9fff]+, Yangpu District, Shanghai$/);
    }
    expect(inventory.listings[0]!.en).toEqual({
      name: 'Fudan University National University Science Park (sample)',
      building: 'Sample building A',
      address: '11 Guotai Road, Yangpu District, Shanghai',
      operator: 'Sample operator (fictional)',
    });
    // Industries the plan does not name have English too.
    const words = inventory.listings.flatMap((l) => l.industries.map((i) => industryRun('en', i)));
    expect(words.filter((w) => w.lang)).toEqual([]);
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

const stationsFile = sharedPath('data/osm/yangpu-metro-stations.wgs84.geojson');
describeWithData(stationsFile)('the judgement of the coordinate system against the real metro stations', () => {
  const features = (
    JSON.parse(readFileSync(stationsFile, 'utf8')) as { features: { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[] }
  ).features;
  const places = features.map((f) => ({ lonlat: f.geometry.coordinates, names: [String(f.properties['name'] ?? '')], precisionM: 30 }));
  const points = inventory.listings.map((l) => ({ written: [l.lon, l.lat] as [number, number], name: l.name }));
  const as = (crs: Crs) => points.map((p) => ({ ...p, written: fromWgs84(p.written, crs) }));

  it('never judges the sample to be in another system than the one it is written in', () => {
    for (const crs of ['wgs84', 'gcj02', 'bd09'] as const) {
      const d = detectCrs(as(crs), { places });
      expect([crs, null], crs).toContain(d.choice);
      // Nothing speaks strongly for a wrong reading (a point may land near a station by chance: a weight of 1).
      for (const other of ['wgs84', 'gcj02', 'bd09'] as const) if (other !== crs) expect(d.scores[other], `${crs} → ${other}`).toBeLessThanOrEqual(1);
    }
  });
});
