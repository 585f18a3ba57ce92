import { describe, expect, it } from 'vitest';
import { LISTING_SPEC } from '../../src/features/invest/import-spec.ts';
import { buildInventory } from '../../src/features/invest/import.ts';
import { isListingHeader, suggestListingColumns, suggestMapping } from '../../src/features/invest/mapping.ts';
import { readIndicatorFile } from '../../src/features/monitor/import.ts';
import { templateCsv } from '../../src/features/monitor/template.ts';
import { normaliseHeader, suggestColumns, withoutCrs } from '../../src/lib/import/mapping.ts';
import { message } from '../../src/lib/import/messages.ts';
import { firstRowIsData, toggleHeaderRow } from '../../src/lib/import/parse.ts';
import { readFile } from '../../src/lib/import/read.ts';
import { codes, NOW, tableOf } from '../fixtures/listings/helpers.ts';

// Real operators' headers: pinyin, coordinate systems written into the header, and columns whose header names a
// field their content does not hold.

describe('headers as operators write them', () => {
  it('reads pinyin headers as their fields, and imports every row of such a file', () => {
    const t = tableOf('pinyin-headers.csv');
    const mapping = suggestMapping(t.headers, t);
    expect(mapping).toEqual({ name: 'mingcheng', address: 'dizhi', areaM2: 'mianji', rent: 'zujin', lon: 'jingdu', lat: 'weidu' });
    const { inventory, report } = buildInventory(t, mapping, { crs: 'wgs84', name: 'p', fileName: 'pinyin-headers.csv', id: 'p', now: NOW });
    expect([report.accepted, report.rejected]).toEqual([2, 0]);
    expect(inventory.listings.map((l) => [l.areaM2, l.rentMin, l.address])).toEqual([
      [1200, 3.5, '杨浦区长阳路1687号'],
      [800, 2.8, '国泰路11号'],
    ]);
  });

  it('lets a coordinate system before or after a coordinate header not stop the match', () => {
    expect(suggestMapping(['GCJ经度', 'GCJ纬度'])).toEqual({ lon: 'GCJ经度', lat: 'GCJ纬度' });
    expect(suggestMapping(['经度(GCJ02)', '纬度（WGS84）'])).toEqual({ lon: '经度(GCJ02)', lat: '纬度（WGS84）' });
    expect(suggestMapping(['lng_gcj02', 'lat_gcj02'])).toEqual({ lon: 'lng_gcj02', lat: 'lat_gcj02' });
    expect(suggestMapping(['wgs84_lon', 'wgs84_lat'])).toEqual({ lon: 'wgs84_lon', lat: 'wgs84_lat' });
    expect(suggestMapping(['bd09_lng', 'bd09_lat', '百度经度'])).toEqual({ lon: 'bd09_lng', lat: 'bd09_lat' });
    expect(suggestMapping(['高德经度', '高德纬度'])).toEqual({ lon: '高德经度', lat: '高德纬度' });
    // The Latin spellings of longitude and latitude, whole headers.
    for (const lon of ['lng', 'lon', 'long', 'longitude', 'Longitude', 'x']) expect(suggestMapping([lon]), lon).toEqual({ lon });
    for (const lat of ['lat', 'latitude', 'LAT', 'y']) expect(suggestMapping([lat]), lat).toEqual({ lat });
    // Stripping stops at the system's name: a header that is nothing else keeps its name.
    expect(withoutCrs(normaliseHeader('GCJ02'))).toBe('gcj02');
    expect(withoutCrs(normaliseHeader('longitude_gcj'))).toBe('longitude');
  });

  it('takes x and y for coordinates only when they hold longitudes and latitudes', () => {
    const rows = (x: string, y: string) => ({
      rows: [
        { row: 2, values: { x, y } },
        { row: 3, values: { x, y } },
      ],
    });
    expect(suggestMapping(['x', 'y'], rows('121.5', '31.3'))).toEqual({ lon: 'x', lat: 'y' });
    const projected = tableOf('xy-projected.csv');
    const s = suggestListingColumns(projected.headers, projected);
    expect(s.mapping).toEqual({ name: 'name', areaM2: 'area' });
    expect(s.notes).toEqual([
      message('mapping-content-range', { column: 'x', example: '3500120.5', field: 'lon' }),
      message('mapping-content-range', { column: 'y', example: '13530000.2', field: 'lat' }),
    ]);
  });
});

describe('suggestions that look at the content', () => {
  it('leaves an "area" of district names unmapped, with a note, and finds the floor area elsewhere', () => {
    const t = tableOf('area-is-district.csv');
    const s = suggestListingColumns(t.headers, t);
    expect(s.mapping).toEqual({ name: 'name', lon: 'lng_gcj02', lat: 'GCJ纬度' });
    expect(codes(s.notes)).toEqual(['mapping-content-text']);
    expect(s.notes[0]!.params).toEqual({ column: 'area', example: '杨浦区', field: 'areaM2' });
    // Said in the reader's language, with the field's label.
    expect(s.notes[0]!.text).toContain('Column "area" holds text (such as "杨浦区")');
    const said = (lang: 'zh' | 'en') =>
      LISTING_SPEC.message(lang, s.notes[0]!)
        .map((r) => r.text)
        .join('');
    expect(said('zh')).toBe('列“area”的内容是文字（如“杨浦区”），不是“可租面积（平方米）”：未自动对应，如确有需要可手动选择。');
    expect(said('en')).toBe('Column "area" holds text (such as "杨浦区"), not "Floor area available (m²)": not chosen; choose it yourself if it is.');
    // From the headers alone the old guess stands: the content is what decides.
    expect(suggestMapping(t.headers).areaM2).toBe('area');
    // Every row is then refused for want of an area, not kept with a district's name read as square metres.
    const { report } = buildInventory(t, s.mapping, { crs: 'gcj02', name: 'd', fileName: 'area-is-district.csv', id: 'd', now: NOW });
    expect([report.accepted, report.rejected]).toEqual([0, 3]);
    expect(codes(report.notes)).toContain('mapping-missing-area');
  });

  it('keeps a column whose values are mostly the field’s, and counts blanks as nothing', () => {
    const values = (vs: string[], header = 'area') => ({ rows: vs.map((v, i) => ({ row: i + 2, values: { [header]: v } })) });
    // Two of three read as areas (面议 is text): the column is kept.
    expect(suggestMapping(['area'], values(['1200', '约800平', '面议']))).toEqual({ areaM2: 'area' });
    expect(suggestMapping(['area'], values(['杨浦区', '五角场', '800']))).toEqual({});
    // Figures out of range are refused as such.
    const huge = suggestListingColumns(['面积'], values(['5000000', '9000000'], '面积'));
    expect(huge.mapping).toEqual({});
    expect(codes(huge.notes)).toEqual(['mapping-content-range']);
    expect(suggestMapping(['area'], values(['', ' ']))).toEqual({ areaM2: 'area' });
    // A rent of words other than 面议 is no rent; 面议 itself is.
    expect(suggestMapping(['租金'], values(['面议', '3.5'], '租金'))).toEqual({ rent: '租金' });
    expect(suggestMapping(['租金'], values(['含物业费', '含税'], '租金'))).toEqual({});
    // An availability is a date from 2000 on (or "now"); OpenStreetMap's start_date of a building is not.
    expect(suggestMapping(['可入驻日期'], values(['2026-03-01', '即时', '2026年6月'], '可入驻日期'))).toEqual({ availableFrom: '可入驻日期' });
    const built = suggestListingColumns(['start_date'], values(['1930', '1988', 'C19'], 'start_date'));
    expect(built.mapping).toEqual({});
    expect(built.notes.map((n) => [n.code, n.params?.['example']])).toEqual([['mapping-content-range', '1930']]);
    // OpenStreetMap's building=* says what kind a building is, not which one: no building name.
    expect(suggestMapping(['building'], values(['楼A', 'B座', '3号楼'], 'building'))).toEqual({ building: 'building' });
    const kinds = suggestListingColumns(['building'], values(['yes', 'office', 'yes', 'university'], 'building'));
    expect(kinds.mapping).toEqual({});
    expect(kinds.notes.map((n) => [n.code, n.params?.['example']])).toEqual([['mapping-content-tag', 'yes']]);
  });

  it('checks nothing a spec does not ask about', () => {
    const s = suggestColumns(['alpha'], { a: ['alpha'] }, () => null);
    expect(s).toEqual({ mapping: { a: 'alpha' }, notes: [] });
  });
});

describe('a file without a header row', () => {
  it('reads an Amap-style export’s first row as a record, numbers the columns and says so', () => {
    const t = tableOf('headerless-amap.csv');
    expect(t.headerless).toBe(true);
    expect(t.headers).toEqual(['#1', '#2', '#3', '#4', '#5']);
    expect(t.rows.map((r) => [r.row, r.values['#1'], r.values['#4']])).toEqual([
      [1, '长阳创谷（测试）', '121.532000'],
      [2, '五角场万达（测试）', '121.518000'],
      [3, '湾谷科技园（测试）', '121.506000'],
    ]);
    expect(codes(t.notes)).toEqual(['encoding', 'header-row-missing']);
    expect(t.notes[1]!.params).toEqual({ row: 1 });
    // Mapped by hand, every record is imported, the first included.
    const { report } = buildInventory(
      t,
      { name: '#1', address: '#3', lon: '#4', lat: '#5' },
      { crs: 'gcj02', name: 'a', fileName: 'a.csv', id: 'a', now: NOW },
    );
    expect(report.rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('takes the first row back as headers when the user says it was one', () => {
    const read = tableOf('headerless-amap.csv');
    const t = toggleHeaderRow(read, true);
    expect(t.headerless).toBe(false);
    expect(t.headers).toEqual(['长阳创谷（测试）', '科技园区', '杨浦区长阳路1687号', '121.532000', '31.273000']);
    expect(t.rows.map((r) => [r.row, r.values['长阳创谷（测试）']])).toEqual([
      [2, '五角场万达（测试）'],
      [3, '湾谷科技园（测试）'],
    ]);
    expect(codes(t.notes)).toEqual(['encoding']);
    // Unticked again, the file reads as it first did.
    expect(toggleHeaderRow(t, false)).toEqual(read);
    expect(toggleHeaderRow(read, false)).toBe(read);
    // A table whose headers were never in question is left alone.
    const headed = tableOf('pinyin-headers.csv');
    expect(toggleHeaderRow(headed, true)).toBe(headed);
    expect(toggleHeaderRow(headed, false)).toBe(headed);
  });

  it('does not take headers, a title row or the statistics template for data', () => {
    for (const name of ['pinyin-headers.csv', 'chinese-headers.csv', 'valid-utf8.csv', 'xy-projected.csv']) {
      const t = tableOf(name);
      expect(t.headerless, name).toBeUndefined();
      expect(codes(t.notes), name).not.toContain('header-row-missing');
    }
    for (const lang of ['zh', 'en'] as const) {
      const template = new TextEncoder().encode(templateCsv(lang));
      const read = readIndicatorFile({ name: 'template.csv', bytes: template });
      expect(read.table?.headerless, lang).toBeUndefined();
    }
    // One figure in the first row is not enough (a header may be a year); figures under words are not data.
    expect(firstRowIsData(['name', '2025', 'rent'], [['a', '1', '2']])).toBe(false);
    expect(firstRowIsData(['name', '2024', '2025'], [['a', '1', '2']])).toBe(false);
    expect(firstRowIsData(['a', '2024', '31.3'], [['b', '2025', '31.4']])).toBe(true);
    expect(firstRowIsData(['a', '121.5', '31.3'], [['b', 'lng', 'lat']])).toBe(false);
    expect(firstRowIsData(['a', '121.5', '31.3'], [])).toBe(false);
    expect(firstRowIsData(['a', '121.5', '31.3'], [['b', '121.6', '']])).toBe(true);
  });
});

describe('a file wider than an import keeps', () => {
  // An overpass export: a column per tag key, most of them filled on one feature or none.
  const overpass = (keys: number) => {
    const features = [0, 1, 2].map((i) => {
      const properties: Record<string, string> = { name: `园区${i}（测试）`, 'addr:street': '长阳路', building: 'office' };
      for (let k = 0; k < keys - 3; k++) if (k % 3 === i || k < 20) properties[`tag:${k}`] = 'x';
      return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [121.52 + i / 100, 31.27] } };
    });
    // One key no feature fills: a column of blanks.
    features[0]!.properties['note'] = '';
    return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
  };

  it('reads 224 properties, keeps 200 and lists the others', () => {
    const r = readFile({ name: 'wide-overpass.geojson', bytes: overpass(223) }, { keep: isListingHeader });
    const t = r.table!;
    expect(t.headers).toHaveLength(200);
    // The mappable columns are kept first, then the 20 keys every feature fills, then the rest by file order.
    expect(t.headers.slice(0, 23)).toEqual(['name', 'addr:street', 'building', ...Array.from({ length: 20 }, (_, k) => `tag:${k}`)]);
    // Dropped, in file order: the key no feature fills (first seen on feature 1), and the last 23 keys filled on
    // one feature only, which feature 3 brings (k % 3 == 2, k from 152 to 218).
    expect(t.droppedColumns).toEqual(['note', ...Array.from({ length: 23 }, (_, j) => `tag:${152 + 3 * j}`)]);
    expect(t.notes.at(-1)).toEqual(message('columns-dropped', { columns: 224, kept: 200, count: 24 }));
    expect(t.rows.map((row) => Object.keys(row.values).length)).toEqual([200, 200, 200]);
    // The overpass "building" column says the kind ("office"), not a building's name: not suggested.
    expect(suggestMapping(t.headers, t)).toEqual({ name: 'name', address: 'addr:street' });
  });

  it('keeps the most filled columns without a list of its own, and keeps a file within the limit whole', () => {
    const t = readFile({ name: 'wide-overpass.geojson', bytes: overpass(223) }, { maxKept: 10 }).table!;
    expect(t.headers).toEqual(['name', 'addr:street', 'building', ...Array.from({ length: 7 }, (_, k) => `tag:${k}`)]);
    const narrow = readFile({ name: 'narrow.geojson', bytes: overpass(100) }).table!;
    expect(narrow.headers).toHaveLength(101);
    expect(narrow.droppedColumns).toBeUndefined();
    expect(codes(narrow.notes)).not.toContain('columns-dropped');
  });

  it('refuses a file of more than 2,000 columns at its header row', () => {
    const header = Array.from({ length: 2001 }, (_, k) => `c${k}`).join(',');
    const r = readFile({ name: 'wide.csv', bytes: new TextEncoder().encode(`${header}\n${'1,'.repeat(2000)}1\n`) });
    expect(r.fileErrors).toEqual([message('file-too-many-columns', { columns: 2001, max: 2000 })]);
    const csv = readFile({ name: 'wide.csv', bytes: new TextEncoder().encode(`${header.replace(/,c2000$/, '')}\n${'1,'.repeat(1999)}1\n`) });
    expect(csv.table?.headers).toHaveLength(200);
    expect(csv.table?.droppedColumns).toHaveLength(1800);
  });
});
