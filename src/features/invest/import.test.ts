import { describe, expect, it } from 'vitest';
import { buildInventory, cleanListingText as cleanText, keptInventory, listingKey, replacing } from './import.ts';
import { findReimport } from '../../lib/import/reimport.ts';
import { suggestMapping } from './mapping.ts';
import { readFile } from '../../lib/import/read.ts';
import { safeUrl } from '../../lib/import/text.ts';
import type { ImportTable } from '../../lib/import/types.ts';
import { headerDelimiter, parseText } from '../../lib/import/parse.ts';
import { codes, importFixture, NOW, rowSummary, tableOf } from '../../../tests/fixtures/listings/helpers.ts';
import type { Listing } from './types.ts';

const table = (headers: string[], rows: string[][]): ImportTable => ({
  format: 'csv',
  fileName: 't.csv',
  encoding: 'UTF-8',
  rowKind: 'row',
  headers,
  rows: rows.map((cells, i) => ({ row: i + 2, values: Object.fromEntries(headers.map((h, k) => [h, cells[k] ?? ''])) })),
  notes: [],
});

describe('buildInventory on the fixtures: accepted and rejected rows, and why', () => {
  it('valid-utf8.csv: all 5 accepted, every field read', () => {
    const { inventory, report } = importFixture('valid-utf8.csv');
    expect([report.accepted, report.rejected]).toEqual([5, 0]);
    expect(report.fileErrors).toEqual([]);
    expect(codes(report.notes)).toEqual(['encoding', 'crs-wgs84']);
    expect(inventory).toMatchObject({
      id: 'inv',
      name: 'valid-utf8.csv',
      fileName: 'valid-utf8.csv',
      crs: 'wgs84',
      sample: false,
      importedAt: NOW.toISOString(),
    });
    expect(inventory.listings[0]).toEqual({
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
      lon: 121.5305,
      lat: 31.269,
      written: [121.5305, 31.269],
      sample: false,
    });
    expect(inventory.listings.map((l) => l.spaceType)).toEqual(['lab', 'office', 'light_industrial', 'incubator_desk', 'coworking']);
    // "immediately" is the import day; a missing source falls back to the file name.
    expect(inventory.listings[3]).toMatchObject({ availableFrom: '2026-01-20', source: 'valid-utf8.csv' });
    expect(inventory.listings[4]).toMatchObject({ rentMin: 3, rentMax: 3.6, url: 'http://example.org/shared' });
  });

  it('chinese-headers.csv and valid-gbk.csv: 6 accepted, the same listings, notes on month rent, unknown type, bad date', () => {
    const utf8 = importFixture('chinese-headers.csv');
    const gbk = importFixture('valid-gbk.csv');
    for (const { report } of [utf8, gbk]) {
      expect([report.accepted, report.rejected]).toEqual([6, 0]);
      expect(rowSummary(report)).toEqual({
        2: 'ok',
        3: 'ok',
        4: 'ok',
        5: 'ok',
        6: 'ok row-rent-monthly',
        7: 'ok row-type-unknown row-bad-available-date',
      });
      expect(report.notes.find((n) => n.code === 'columns-ignored')?.params).toEqual({ columns: '备注' });
    }
    expect(gbk.report.notes[0]!.params).toEqual({ encoding: 'GB18030' });
    // Rows without a source cite their file, whose name differs; everything else is the same.
    const bySource = (ls: typeof gbk.inventory.listings) =>
      ls.map(({ source, ...rest }) => [source.replace(/^(valid-gbk|chinese-headers)\.csv$/, 'FILE'), rest]);
    expect(bySource(gbk.inventory.listings)).toEqual(bySource(utf8.inventory.listings));
    expect(gbk.inventory.listings[2]!.source).toBe('valid-gbk.csv');
    const l = utf8.inventory.listings;
    expect(l.map((x) => x.areaM2)).toEqual([1200, 800, 1500, 40, 600, 300]);
    expect(l.map((x) => x.spaceType)).toEqual(['office', 'lab', 'light_industrial', 'incubator_desk', 'coworking', 'other']);
    expect(l.map((x) => [x.rentMin, x.rentMax])).toEqual([
      [3.5, 3.5],
      [2.8, 3.2],
      [undefined, undefined],
      [1.8, 1.8],
      [3.45, 3.45],
      [4, 4],
    ]);
    expect(l.map((x) => x.availableFrom)).toEqual(['2026-03-01', '2026-03-01', '2026-05-01', '2026-01-20', '2026-07-01', undefined]);
    expect(l[0]).toMatchObject({
      name: '长阳创谷（测试）',
      building: '1号楼',
      industries: ['人工智能', '在线新经济'],
      operator: '测试运营公司',
      contact: '021-5555-0001',
      sourceDate: '2026-01-10',
    });
    expect(l[1]!.sourceDate).toBe('2026-01-10');
    expect(l[2]!.industries).toEqual(['智能制造', '新能源']);
  });

  it('unicode-text.txt: 2 accepted', () => {
    const { report, inventory } = importFixture('unicode-text.txt');
    expect([report.accepted, report.rejected]).toEqual([2, 0]);
    expect(inventory.listings.map((l) => l.name)).toEqual(['长阳创谷（测试）', '复旦科技园（测试）']);
  });

  it('listings.geojson: 3 accepted (one a polygon), 3 rejected (a line, an address alone, a bad area)', () => {
    const { report, inventory } = importFixture('listings.geojson');
    expect(report.rowKind).toBe('feature');
    expect([report.accepted, report.rejected]).toEqual([3, 3]);
    expect(rowSummary(report)).toEqual({
      1: 'ok',
      2: 'ok row-duplicate-id',
      3: 'ok row-polygon-point',
      4: 'rejected row-geometry-unsupported',
      5: 'rejected row-not-geocoded',
      6: 'rejected row-bad-area',
    });
    expect(report.rows[4]!.messages[0]).toEqual({
      code: 'row-not-geocoded',
      params: { address: '杨浦区国定路335号' },
      text: 'Address without coordinates: not geocoded (杨浦区国定路335号). Add longitude and latitude.',
    });
    // Feature ids make the listing ids; a repeated one gets a suffix.
    expect(inventory.listings.map((l) => l.id)).toEqual(['inv:a1', 'inv:a1-2', 'inv:3']);
    // Ids go into links (pins, the selection), whose check accepts no spaces, Chinese, dots or slashes.
    for (const l of inventory.listings) expect(l.id).toMatch(/^[a-z0-9][a-z0-9:_-]{0,80}$/i);
    expect(inventory.listings[0]).toMatchObject({ industries: ['ai', 'fintech'], rentMin: 3.2, rentMax: 4 });
    expect(inventory.listings[1]).toMatchObject({ areaM2: 1000, spaceType: 'lab' });
    expect(inventory.listings[1]!.rentMin).toBeUndefined();
  });

  it('listings.kml: 3 accepted, the line rejected; the description column is not used', () => {
    const { report, inventory } = importFixture('listings.kml');
    expect([report.accepted, report.rejected]).toEqual([3, 1]);
    expect(rowSummary(report)).toEqual({ 1: 'ok', 2: 'ok', 3: 'ok row-polygon-point', 4: 'rejected row-geometry-unsupported' });
    expect(report.notes.find((n) => n.code === 'columns-ignored')?.params).toEqual({ columns: 'description' });
    expect(inventory.listings.map((l) => [l.id, l.name, l.areaM2, l.spaceType, l.rentMin, l.rentMax])).toEqual([
      ['inv:p1', '长阳创谷（测试）', 1200, 'office', 3.5, 3.5],
      ['inv:p2', '复旦科技园（测试）', 800, 'lab', 2.8, 3.2],
      ['inv:p3', '互联宝地（测试）', 2000, 'light_industrial', undefined, undefined],
    ]);
    expect(inventory.listings[0]!.operator).toBe('测试运营公司');
  });

  it('malformed.csv: 2 accepted, 4 rejected', () => {
    const { report } = importFixture('malformed.csv');
    expect([report.accepted, report.rejected]).toEqual([2, 4]);
    expect(rowSummary(report)).toEqual({
      2: 'ok',
      3: 'rejected row-too-many-cells',
      4: 'rejected row-no-coordinates row-cells-missing',
      5: 'rejected row-bad-quotes',
      6: 'ok',
      7: 'rejected row-unclosed-quote',
    });
  });

  it('swapped.csv: the 2 swapped rows are rejected with a hint, not silently swapped', () => {
    const { report } = importFixture('swapped.csv');
    expect([report.accepted, report.rejected]).toEqual([2, 2]);
    expect(rowSummary(report)).toEqual({ 2: 'ok', 3: 'rejected row-coordinates-swapped', 4: 'ok', 5: 'rejected row-coordinates-swapped' });
    expect(report.rows[1]!.messages[0]!.text).toBe('Latitude and longitude look swapped (31.293, 121.507): swap the two columns.');
  });

  it('out-of-range.csv: 2 accepted (one in degrees-minutes-seconds), 7 rejected', () => {
    const { report, inventory } = importFixture('out-of-range.csv');
    expect([report.accepted, report.rejected]).toEqual([2, 7]);
    expect(rowSummary(report)).toEqual({
      2: 'ok',
      3: 'rejected row-outside-area',
      4: 'rejected row-out-of-range',
      5: 'rejected row-bad-coordinates',
      6: 'rejected row-bad-coordinates',
      7: 'rejected row-not-geocoded',
      8: 'rejected row-no-coordinates',
      9: 'rejected row-outside-area',
      10: 'ok',
    });
    expect(inventory.listings[1]).toMatchObject({ lon: 121.507, lat: 31.293 });
  });

  it('missing-values.csv: 6 accepted, 4 rejected; unreadable optional values are left out with a note', () => {
    const { report, inventory } = importFixture('missing-values.csv');
    expect([report.accepted, report.rejected]).toEqual([6, 4]);
    expect(rowSummary(report)).toEqual({
      2: 'ok',
      3: 'rejected row-no-name',
      4: 'ok',
      5: 'rejected row-no-area',
      6: 'rejected row-bad-area',
      7: 'rejected row-bad-area',
      8: 'ok row-area-range',
      9: 'ok row-type-unknown row-bad-rent row-bad-available-date row-bad-source-date',
      10: 'ok row-rent-high',
      11: 'ok',
    });
    const byName = Object.fromEntries(inventory.listings.map((l) => [l.name, l]));
    expect(byName['Building only']).toMatchObject({ name: 'Building only' });
    expect(byName['Building only']!.building).toBeUndefined();
    expect(byName['Range area']!.areaM2).toBe(1200);
    expect(byName['Odd values']).toMatchObject({ spaceType: 'other' });
    expect(byName['Odd values']!.rentMin).toBeUndefined();
    expect(byName['Odd values']!.availableFrom).toBeUndefined();
    expect(byName['Reversed rent']).toMatchObject({ rentMin: 3, rentMax: 5 });
  });

  it('duplicates.csv: identical offers after the first are rejected, naming the first row', () => {
    const { report } = importFixture('duplicates.csv');
    expect([report.accepted, report.rejected]).toEqual([2, 2]);
    expect(rowSummary(report)).toEqual({ 2: 'ok', 3: 'rejected row-duplicate', 4: 'rejected row-duplicate', 5: 'ok' });
    expect(report.rows[1]!.messages[0]!.params).toEqual({ first: 2 });
  });

  it('hostile.csv: every row accepted, markup kept as text, unsafe links dropped, formulas and controls noted', () => {
    const { report, inventory } = importFixture('hostile.csv');
    expect([report.accepted, report.rejected]).toEqual([6, 0]);
    expect(rowSummary(report)).toEqual({
      2: 'ok row-markup row-markup row-url-dropped',
      3: 'ok row-url-dropped',
      4: 'ok row-formula row-formula',
      5: 'ok row-formula',
      6: 'ok row-text-cleaned row-url-dropped',
      7: 'ok row-text-truncated row-url-dropped',
    });
    const [script, data, formula, phone, bidi, long] = inventory.listings;
    expect(script!.name).toBe('<script>alert(1)</script>');
    expect(script!.building).toBe('<img src=x onerror=alert(1)>');
    expect(script!.url).toBeUndefined();
    expect(data!.url).toBeUndefined();
    expect(formula!.operator).toBe('=HYPERLINK("http://evil.example","click")');
    expect(formula!.url).toBe('https://example.com/ok');
    // A phone number starting with + is no formula worth a note; "-Op" is.
    expect(phone).toMatchObject({ contact: '+86 21 5555 0000', operator: '-Op', url: 'https://www.example.com/page' });
    expect(bidi!.name).toBe('Bidievilbell');
    expect(bidi!.url).toBeUndefined();
    expect([...long!.address!]).toHaveLength(500);
    expect(long!.url).toBeUndefined();
    expect(report.rows[0]!.messages[2]).toMatchObject({ params: { value: 'javascript:alert(1)' } });
  });
});

describe('buildInventory: options, mapping and notes', () => {
  it('reports missing required columns once, and rejects every row', () => {
    const t = table(
      ['名称', '备注'],
      [
        ['A', 'x'],
        ['B', 'y'],
      ],
    );
    const { report } = buildInventory(t, suggestMapping(t.headers), { crs: 'wgs84', name: 'n', fileName: 't.csv', id: 'x', now: NOW });
    expect(codes(report.notes)).toEqual(['mapping-missing-area', 'mapping-missing-coordinates', 'columns-ignored', 'crs-wgs84']);
    expect([report.accepted, report.rejected]).toEqual([0, 2]);
    expect(rowSummary(report)).toEqual({ 2: 'rejected row-no-area row-no-coordinates', 3: 'rejected row-no-area row-no-coordinates' });
  });

  it('takes both coordinates from one column, and rent bounds from two, swapping reversed bounds with a note', () => {
    const t = table(
      ['name', 'area', '经纬度', '最低租金', '最高租金'],
      [
        ['A', '100', '121.507,31.293', '5', '3'],
        ['B', '100', '(121.5 31.3)', '2.5', ''],
      ],
    );
    const mapping = suggestMapping(t.headers);
    expect(mapping).toMatchObject({ lonlat: '经纬度', rentMin: '最低租金', rentMax: '最高租金' });
    const { inventory, report } = buildInventory(t, mapping, { crs: 'wgs84', name: 'n', fileName: 't.csv', id: 'x', now: NOW });
    expect(rowSummary(report)).toEqual({ 2: 'ok row-rent-swapped', 3: 'ok' });
    expect(inventory.listings.map((l) => [l.lon, l.lat, l.rentMin, l.rentMax])).toEqual([
      [121.507, 31.293, 3, 5],
      [121.5, 31.3, 2.5, 2.5],
    ]);
  });

  it('reads a monthly rent column from its header unit', () => {
    const t = table(['name', 'area', 'lon', 'lat', '租金(元/㎡/月)'], [['A', '100', '121.5', '31.3', '91.25']]);
    const { inventory, report } = buildInventory(t, suggestMapping(t.headers), { crs: 'wgs84', name: 'n', fileName: 't.csv', id: 'x', now: NOW });
    expect(inventory.listings[0]).toMatchObject({ rentMin: 3, rentMax: 3 });
    expect(codes(report.rows[0]!.messages)).toEqual(['row-rent-monthly']);
  });

  it('marks sample inventories and their listings, and makes fresh ids when none is given', () => {
    const t = tableOf('valid-utf8.csv');
    const { inventory } = buildInventory(t, suggestMapping(t.headers), {
      crs: 'wgs84',
      name: '示例数据 / Sample listings',
      fileName: 'sample.csv',
      sample: true,
    });
    expect(inventory.sample).toBe(true);
    expect(inventory.listings.every((l) => l.sample && l.inventoryId === inventory.id && l.id.startsWith(`${inventory.id}:`))).toBe(true);
    const again = buildInventory(t, suggestMapping(t.headers), { crs: 'wgs84', name: 'x', fileName: 'sample.csv' });
    expect(again.inventory.id).not.toBe(inventory.id);
    expect(inventory.id).toMatch(/^inv-/);
  });

  it('leaves the table and mapping untouched', () => {
    const t = tableOf('hostile.csv');
    const mapping = suggestMapping(t.headers);
    const before = JSON.stringify([t, mapping]);
    buildInventory(t, mapping, { crs: 'gcj02', name: 'n', fileName: 'f', id: 'x', now: NOW });
    expect(JSON.stringify([t, mapping])).toBe(before);
  });

  it('turns feature ids with spaces, Chinese, dots or slashes into ids a link accepts', () => {
    const fc = {
      type: 'FeatureCollection',
      features: ['复旦 A/1.2', '复旦 A/1.2', '...'].map((id, i) => ({
        type: 'Feature',
        id,
        properties: { name: `P${i}`, area: '100' },
        geometry: { type: 'Point', coordinates: [121.5 + i * 0.001, 31.3] },
      })),
    };
    const read = readFile({ name: 'f.geojson', bytes: new TextEncoder().encode(JSON.stringify(fc)) });
    if (!read.table) throw new Error('not read');
    const { inventory } = buildInventory(read.table, suggestMapping(read.table.headers), {
      crs: 'wgs84',
      name: 'f',
      fileName: 'f.geojson',
      id: 'inv',
      now: NOW,
    });
    expect(inventory.listings.map((l) => l.id)).toEqual(['inv:A_1_2', 'inv:A_1_2-2', 'inv:3']);
  });

  it('refuses points outside a custom box', () => {
    const t = table(['name', 'area', 'lon', 'lat'], [['A', '100', '121.507', '31.293']]);
    const { report } = buildInventory(t, suggestMapping(t.headers), {
      crs: 'wgs84',
      name: 'n',
      fileName: 't.csv',
      id: 'x',
      now: NOW,
      bbox: [121.6, 31.2, 121.7, 31.4],
    });
    expect(rowSummary(report)).toEqual({ 2: 'rejected row-outside-area' });
  });

  it('cleans the inventory name like any text', () => {
    const t = table(['name', 'area', 'lon', 'lat'], [['A', '100', '121.507', '31.293']]);
    const { inventory } = buildInventory(t, suggestMapping(t.headers), { crs: 'wgs84', name: ' <b>Ops</b>\u0000 ', fileName: 't.csv', id: 'x', now: NOW });
    expect(inventory.name).toBe('<b>Ops</b>');
  });
});

describe('plain text and links', () => {
  it('cleanText removes controls and bidi overrides, squeezes whitespace, caps length, notes markup and formulas', () => {
    expect(cleanText('  a\r\n b\tc  ', 'name')).toEqual({ value: 'a b c', notes: [] });
    expect(codes(cleanText('x\u0000y\u202ez', 'name').notes)).toEqual(['row-text-cleaned']);
    expect(cleanText('x\u0000y\u202ez', 'name').value).toBe('xyz');
    expect(cleanText('a'.repeat(300), 'name').value).toHaveLength(200);
    expect(cleanText('a'.repeat(300), 'address').value).toHaveLength(300);
    expect(codes(cleanText('<a href="x">y</a>', 'name').notes)).toEqual(['row-markup']);
    expect(codes(cleanText('=1+1', 'name').notes)).toEqual(['row-formula']);
    expect(codes(cleanText('-5', 'name').notes)).toEqual([]);
    expect(codes(cleanText('Tom <tom@example.com>', 'contact').notes)).toEqual(['row-markup']);
  });

  it('safeUrl keeps http(s) only', () => {
    expect(safeUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeUrl('HTTP://EXAMPLE.COM')).toBe('http://example.com/');
    expect(safeUrl('www.example.com')).toBe('https://www.example.com/');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example',
      '/relative',
      'https://',
      'mailto:a@b.c',
    ]) {
      expect(safeUrl(bad), bad).toBeNull();
    }
  });

  it('never evaluates a value: a getter-laden or prototype-named header is just a name', () => {
    const r = readFile({ name: 'p.csv', bytes: new TextEncoder().encode('__proto__,constructor,name,area,lon,lat\nx,y,A,1,121.5,31.3\n') });
    const t = r.table!;
    expect(t.headers).toEqual(['__proto__', 'constructor', 'name', 'area', 'lon', 'lat']);
    const { inventory } = buildInventory(t, suggestMapping(t.headers), { crs: 'wgs84', name: 'n', fileName: 'p.csv', id: 'x', now: NOW });
    expect(inventory.listings).toHaveLength(1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('the delimiter of a delimited file', () => {
  it('is read from the header line, so data holding other candidates does not change it', () => {
    expect(headerDelimiter('indicator,year,value,unit,source\r\nleading_industries_revenue,2019,0,亿元,"|,|"\r\n')).toBe(',');
    expect(headerDelimiter('名称;面积;"a,b"\n甲;1;x')).toBe(';');
    expect(headerDelimiter('name\tarea\n')).toBe('\t');
    expect(headerDelimiter('a|b|c')).toBe('|');
    expect(headerDelimiter('single')).toBe(',');
  });

  it('keeps every column of a one-row file whose cell holds "|,|" (found by the monitor’s round-trip property)', () => {
    const text = 'indicator,year,value,unit,source\r\nleading_industries_revenue,2019,0,亿元,"|,|"\r\n';
    const parsed = parseText(text, 'csv');
    if (!('table' in parsed)) throw new Error('not parsed');
    expect(parsed.table.headers).toEqual(['indicator', 'year', 'value', 'unit', 'source']);
    expect(parsed.table.rows[0]?.values.source).toBe('|,|');
  });
});

describe('re-imports: the listing key, the kept inventory, the replacement', () => {
  const { inventory } = importFixture('valid-utf8.csv');
  const [first, second] = inventory.listings as [Listing, Listing];

  it('keys a listing by name, address (or position), area and type, not by its row, id or rent', () => {
    expect(listingKey({ ...first, row: 99, id: 'other:1', rentMin: 1, rentMax: 2 })).toBe(listingKey(first));
    expect(listingKey({ ...first, name: `  ${first.name.toUpperCase()} ` })).toBe(listingKey(first));
    expect(listingKey({ ...first, areaM2: first.areaM2! + 1 })).not.toBe(listingKey(first));
    expect(listingKey({ ...first, spaceType: 'office' })).not.toBe(listingKey(first));
    // Without an address, the position tells two offers of the same name apart.
    expect(second.address).toBeUndefined();
    expect(listingKey({ ...second, lon: second.lon + 0.001 })).not.toBe(listingKey(second));
  });

  it('finds the same listings in another order as the same rows', () => {
    const kept = keptInventory({ ...inventory, sha256: 'abc' });
    expect(kept).toMatchObject({ id: inventory.id, sha256: 'abc', fileName: inventory.fileName });
    const reordered = [...inventory.listings].reverse().map(listingKey);
    expect(findReimport([kept], { sha256: 'other', keys: reordered })?.overlap).toEqual({ shared: reordered.length, total: reordered.length });
  });

  it('gives the new inventory the old id, so the rows it shares keep their ids (and pins)', () => {
    const old = {
      ...inventory,
      id: 'inv-old',
      listings: inventory.listings.map((l) => ({ ...l, id: l.id.replace(inventory.id, 'inv-old'), inventoryId: 'inv-old' })),
    };
    const next = replacing(old, {
      ...inventory,
      id: 'inv-new',
      listings: inventory.listings.map((l) => ({ ...l, id: l.id.replace(inventory.id, 'inv-new') })),
    });
    expect(next.id).toBe('inv-old');
    expect(next.listings.map((l) => l.id)).toEqual(old.listings.map((l) => l.id));
    expect(new Set(next.listings.map((l) => l.inventoryId))).toEqual(new Set(['inv-old']));
  });
});
