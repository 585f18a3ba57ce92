import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, toGeoJSON } from './export.ts';
import { buildInventory } from './import.ts';
import { suggestMapping } from './mapping.ts';
import { readFile } from '../../lib/import/read.ts';
import { buildSampleInventory } from './sample.ts';
import type { Listing } from './types.ts';
import { importFixture, NOW } from '../../../tests/fixtures/listings/helpers.ts';
import { HAN } from '../../../tests/support/language.ts';

const sample = buildSampleInventory(readFileSync(resolve(import.meta.dirname, '../../../data/listings/sample.csv'), 'utf8')).inventory;
const hostile = importFixture('hostile.csv').inventory;
const valid = importFixture('valid-utf8.csv').inventory;

/** Re-imports exported bytes with the suggested mapping. */
function reimport(name: string, text: string): Listing[] {
  const r = readFile({ name, bytes: new TextEncoder().encode(text) });
  if (!r.table) throw new Error(r.fileErrors.map((e) => e.text).join('; '));
  return buildInventory(r.table, suggestMapping(r.table.headers), { crs: 'wgs84', name, fileName: name, id: 'inv', now: NOW }).inventory.listings;
}
/** What a round trip must keep: everything but ids, row numbers, the sample flag and the inventory. */
// The sample's English words are for English readers of the site; an export writes the listing as its file gave it.
const content = (ls: Listing[]) => ls.map(({ id: _id, inventoryId: _inventoryId, row: _row, sample: _sample, en: _en, ...rest }) => rest);

describe('toCsv', () => {
  it('writes UTF-8 with a BOM, CRLF lines and the headers in the reader’s language, space types in words', () => {
    const csv = toCsv(valid.listings, 'en');
    expect(csv.startsWith('\uFEFFName (park / building),Building,Address,Floor area available (m²),Space type,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    // This operator's file is English: so is every cell of the English export.
    expect(csv).not.toMatch(HAN);
    expect(lines[0]).toContain(',Rent from (yuan/m²/day),Rent to (yuan/m²/day),');
    expect(lines[0]).toMatch(/,Longitude \(WGS-84\),Latitude \(WGS-84\)$/);
    expect(lines[1]).toBe(
      'Riverside Lab Park,Building 3,"2300 Yangshupu Rd, Yangpu",850,Lab,biotech; medical devices,4.5,5,2026-04-01,Example Operator Ltd,021-5555-0101,https://example.com/riverside,Operator file (test),2026-01-15,121.5305,31.269',
    );
    const zh = toCsv(valid.listings, 'zh').slice(1).split('\r\n');
    expect(zh[0]).toBe(
      '名称（园区/楼宇）,楼栋,地址,可租面积（平方米）,空间类型,产业方向,最低租金（元/平方米/天）,最高租金（元/平方米/天）,可入驻日期,运营方,联系方式,网页链接,信息来源,信息日期,经度 (WGS-84),纬度 (WGS-84)',
    );
    expect(zh[1]).toContain(',850,实验室,');
  });

  it.each(['zh', 'en'] as const)('in %s, re-imports to the same listings (CSV → listings → CSV → listings)', (lang) => {
    expect(content(reimport('export.csv', toCsv(valid.listings, lang)))).toEqual(content(valid.listings));
    expect(content(reimport('export.csv', toCsv(hostile.listings, lang)))).toEqual(content(hostile.listings));
    expect(content(reimport('export.csv', toCsv(sample.listings, lang)))).toEqual(content(sample.listings));
  });

  it('marks sample data on every row in a first column, in the reader’s language', () => {
    const csv = toCsv(sample.listings, 'en');
    const rows = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(rows[0]![0]).toBe('Note');
    expect(rows.slice(1).every((r) => r[0] === 'Sample data: listings written by the team as examples, not real offers')).toBe(true);
    // Mixed with real listings, only the sample rows carry the marker.
    const mixed = Papa.parse<string[]>(toCsv([sample.listings[0]!, valid.listings[0]!], 'zh').slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(mixed.map((r) => r[0])).toEqual(['说明', '示例数据：团队编写的示例房源，不是真实报价', '']);
  });

  it('neutralises formulas for spreadsheets, and the import takes the apostrophe off again', () => {
    const csv = toCsv(hostile.listings, 'zh');
    const rows = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data;
    const operator = rows[0]!.indexOf('运营方');
    const contact = rows[0]!.indexOf('联系方式');
    expect(rows[3]![operator]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows[3]![contact]).toBe("'@SUM(A1)");
    expect(rows[4]![operator]).toBe("'-Op");
    expect(rows[4]![contact]).toBe("'+86 21 5555 0000");
    // No cell of the file starts with a formula character.
    expect(rows.flat().filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(rows[1]![0]).toBe('<script>alert(1)</script>');
  });

  it('writes an empty list as headers only', () => {
    expect(toCsv([], 'zh').split('\r\n')).toHaveLength(2);
  });
});

describe('toGeoJSON', () => {
  it('writes WGS-84 points with the listing fields as properties', () => {
    const fc = toGeoJSON(valid.listings, 'en');
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.note).toBeUndefined();
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      id: 'inv:2',
      geometry: { type: 'Point', coordinates: [121.5305, 31.269] },
      properties: {
        id: 'inv:2',
        inventoryId: 'inv',
        row: 2,
        name: 'Riverside Lab Park',
        building: 'Building 3',
        address: '2300 Yangshupu Rd, Yangpu',
        areaM2: 850,
        spaceType: 'lab',
        industries: ['biotech', 'medical devices'],
        rentMin: 4.5,
        rentMax: 5,
        availableFrom: '2026-04-01',
        operator: 'Example Operator Ltd',
        contact: '021-5555-0101',
        url: 'https://example.com/riverside',
        source: 'Operator file (test)',
        sourceDate: '2026-01-15',
        sample: false,
      },
    });
  });

  it('marks sample listings and the collection, in the reader’s language', () => {
    const fc = toGeoJSON(sample.listings, 'zh');
    expect(fc.note).toBe('示例数据：团队编写的示例房源，不是真实报价');
    expect(fc.features.every((f) => f.properties.sample === true && f.properties.note === fc.note)).toBe(true);
    expect(toGeoJSON(sample.listings, 'en').note).toBe('Sample data: listings written by the team as examples, not real offers');
  });

  it('re-imports to the same listings, and leaves its input alone', () => {
    const before = JSON.stringify(valid.listings);
    const json = JSON.stringify(toGeoJSON(valid.listings, 'zh'));
    expect(JSON.stringify(valid.listings)).toBe(before);
    expect(content(reimport('export.geojson', json))).toEqual(content(valid.listings));
  });
});
