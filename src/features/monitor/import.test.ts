import { describe, expect, it } from 'vitest';
import { csvText } from '../../lib/data/csv.ts';
import type { ImportTable } from '../../lib/import/types.ts';
import { buildIndicatorDataset, FIRST_YEAR, placesFromPlan, readIndicatorFile, suggestIndicatorMapping } from './import.ts';
import { INDICATORS } from './indicators.ts';
import { fixtureBytes as listingFixture } from '../../../tests/fixtures/listings/helpers.ts';
import { fixtureBytes, importMonitorFixture, monitorTable, NOW, PLACES, rowCodes } from '../../../tests/fixtures/monitor/helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const EN_NAMES = INDICATORS.map((i) => i.name.en).join(', ');

describe('reading an indicator file', () => {
  it('refuses map files: indicator figures are a table', () => {
    for (const name of ['figures.geojson', 'figures.json', 'places.kml', 'places.kmz']) {
      const r = readIndicatorFile({ name, bytes: utf8('{"type":"FeatureCollection","features":[]}') });
      expect(r.fileErrors?.map((e) => e.code)).toEqual(['monitor-file-not-table']);
    }
    // GeoJSON content under a neutral name is caught after parsing.
    const sneaky = readIndicatorFile({ name: 'figures.txt', bytes: fixtureBytes('figures.geojson') });
    expect(sneaky.fileErrors?.map((e) => e.code)).toEqual(['monitor-file-not-table']);
  });

  it('keeps the listing reader’s file errors and their codes', () => {
    const xlsx = readIndicatorFile({ name: 'workbook.xlsx', bytes: listingFixture('workbook.xlsx') });
    expect(xlsx.fileErrors?.map((e) => e.code)).toEqual(['file-spreadsheet']);
    expect(readIndicatorFile({ name: 'empty.csv', bytes: new Uint8Array() }).fileErrors?.map((e) => e.code)).toEqual(['file-empty']);
    const big = readIndicatorFile({ name: 'big.csv', bytes: fixtureBytes('valid.csv') }, { maxBytes: 100 });
    expect(big.fileErrors?.map((e) => e.code)).toEqual(['file-too-large']);
    const broken = readIndicatorFile({ name: 'broken.csv', bytes: listingFixture('broken-utf8.csv') });
    expect(broken.fileErrors?.map((e) => e.code)).toEqual(['file-encoding']);
  });

  it('reads GBK (Excel on a Chinese Windows) to the same figures as UTF-8', () => {
    const gbk = importMonitorFixture('gbk.csv');
    const u8 = importMonitorFixture('chinese-headers.csv');
    expect(gbk.table.encoding).toBe('GB18030');
    expect(u8.table.encoding).toBe('UTF-8');
    expect(gbk.report.notes.map((n) => n.code)).toEqual(['encoding', 'title-row-skipped']);
    expect(gbk.dataset.observations).toEqual(u8.dataset.observations);
    expect([gbk.report.accepted, gbk.report.rejected]).toEqual([9, 0]);
  });
});

describe('column mapping', () => {
  it('the template’s headers map one to one', () => {
    expect(suggestIndicatorMapping(['indicator', 'year', 'value', 'unit', 'source', 'place'])).toEqual({
      indicator: 'indicator',
      year: 'year',
      value: 'value',
      unit: 'unit',
      source: 'source',
      place: 'place',
    });
  });

  it('Chinese headers, with a unit in brackets and the other spellings', () => {
    expect(suggestIndicatorMapping(['指标', '年度', '数值（亿元）', '单位', '数据来源', '园区'])).toEqual({
      indicator: '指标',
      year: '年度',
      value: '数值（亿元）',
      unit: '单位',
      source: '数据来源',
      place: '园区',
    });
    expect(suggestIndicatorMapping(['指标名称', '年份', '值', '来源', '区域', '备注'])).toEqual({
      indicator: '指标名称',
      year: '年份',
      value: '值',
      source: '来源',
      place: '区域',
    });
  });

  it('the export’s name columns do not take the indicator’s or the place’s column', () => {
    const headers = ['indicator', 'year', 'value', 'unit', 'source', 'place', 'indicator_name', 'place_name'];
    expect(suggestIndicatorMapping(headers)).toEqual({
      indicator: 'indicator',
      year: 'year',
      value: 'value',
      unit: 'unit',
      source: 'source',
      place: 'place',
    });
  });

  it('a missing required column is noted and rejects every row; other columns are listed as unused', () => {
    const table = monitorTable('valid.csv');
    const { report } = buildIndicatorDataset(table, { indicator: 'indicator', year: 'year', value: 'value' }, { places: PLACES, now: NOW });
    expect(report.notes.map((n) => n.code)).toEqual(['encoding', 'monitor-mapping-missing-source', 'columns-ignored']);
    expect(report.notes[2]!.params).toEqual({ columns: 'unit, source, place' });
    expect([report.accepted, report.rejected]).toEqual([0, 16]);
    expect(new Set(report.rows.flatMap((r) => r.messages.map((m) => m.code)))).toContain('monitor-row-no-source');
  });
});

describe('indicator files: accepted and rejected rows', () => {
  it('valid.csv: 16 of 16 accepted; numbers with separators, full-width digits and units in the value cell', () => {
    const { dataset, report } = importMonitorFixture('valid.csv');
    expect([report.accepted, report.rejected]).toEqual([16, 0]);
    expect(report.fileErrors).toEqual([]);
    expect(report.notes.map((n) => n.code)).toEqual(['encoding']);
    expect(rowCodes(report).filter((r) => !r.endsWith(':'))).toEqual(['14 accepted: monitor-row-unit-assumed', '17 accepted: monitor-row-place-by-name']);
    const obs = dataset.observations;
    expect(obs).toHaveLength(16);
    // "1,000" → 1000; "4.6%" with the unit column blank → 4.6 %; "１３８" → 138.
    expect(obs[0]).toEqual({ indicator: 'leading_industries_revenue', year: 2023, value: 1000, unit: '亿元', source: '杨浦区统计公报（2023）', row: 2 });
    expect(obs.find((o) => o.row === 11)).toMatchObject({ indicator: 'rd_intensity', year: 2025, value: 4.6, unit: '%' });
    expect(obs.find((o) => o.row === 13)).toMatchObject({ indicator: 'gazelle_firms', value: 138 });
    expect(obs.find((o) => o.row === 14)).toMatchObject({ indicator: 'unicorn_firms', value: 6, unit: '家' });
    // A place by id, and one by its name on the map.
    expect(obs.find((o) => o.row === 16)).toMatchObject({ place: 'zc-kic', value: 180 });
    expect(obs.find((o) => o.row === 17)).toMatchObject({ place: 'zc-changyang-campus', value: 95.5 });
    expect(obs.filter((o) => o.place === undefined)).toHaveLength(14);
    expect(dataset).toMatchObject({ id: 'test', name: 'valid.csv', fileName: 'valid.csv', importedAt: NOW.toISOString() });
  });

  it('unknown-indicator.csv: 3 accepted (ids and Chinese aliases), 3 rejected, the accepted ids listed', () => {
    const { dataset, report } = importMonitorFixture('unknown-indicator.csv');
    expect([report.accepted, report.rejected]).toEqual([3, 3]);
    expect(rowCodes(report)).toEqual([
      '2 accepted:',
      '3 accepted:',
      '4 accepted:',
      '5 rejected: monitor-row-unknown-indicator',
      '6 rejected: monitor-row-unknown-indicator',
      '7 rejected: monitor-row-no-indicator',
    ]);
    expect(dataset.observations.map((o) => o.indicator)).toEqual(['leading_industries_revenue', 'unicorn_firms', 'gazelle_firms']);
    const unknown = report.rows[3]!.messages[0]!;
    expect(unknown.params).toEqual({ value: '专利授权量', names: EN_NAMES });
    expect(unknown.text).toBe(`Indicator "专利授权量" not recognised. Indicators accepted: ${EN_NAMES}.`);
    expect(report.rows[5]!.messages[0]!.params).toEqual({ indicator: 'leading_industries_revenue' });
  });

  it('unit-mismatch.csv: 4 accepted, 4 rejected, each naming the unit expected', () => {
    const { dataset, report } = importMonitorFixture('unit-mismatch.csv');
    expect([report.accepted, report.rejected]).toEqual([4, 4]);
    expect(rowCodes(report)).toEqual([
      '2 rejected: monitor-row-unit-mismatch',
      '3 accepted:',
      '4 accepted: monitor-row-unit-assumed, monitor-row-percent-small',
      '5 rejected: monitor-row-unit-mismatch',
      '6 accepted:',
      '7 accepted:',
      '8 rejected: monitor-row-unit-mismatch',
      '9 rejected: monitor-row-unit-mismatch',
    ]);
    const params = report.rows.filter((r) => !r.accepted).map((r) => r.messages[0]!.params);
    expect(params).toEqual([
      { written: '万元', expected: '亿元', indicator: 'leading_industries_revenue' },
      { written: '‰', expected: '%', indicator: 'rd_intensity' },
      // "6家" in the value cell, 亿元 in the unit column: the column is wrong.
      { written: '亿元', expected: '家', indicator: 'unicorn_firms' },
      // "700万元" in the value cell, 亿元 in the unit column: the value's own unit is wrong.
      { written: '万元', expected: '亿元', indicator: 'digital_economy_revenue' },
    ]);
    // The text for logs fills the params as they are; the panel words the indicator and the unit (import-messages.ts).
    expect(report.rows[0]!.messages[0]!.text).toBe(
      'Unit "万元" does not match the indicator: “leading_industries_revenue” is given in 亿元. Give the figure in 亿元 (convert it if need be) and write "亿元" in the unit column.',
    );
    // "1400亿元" with the unit column blank: the unit written is the indicator's, so it is read as 1400 亿元.
    expect(dataset.observations.map((o) => [o.indicator, o.year, o.value, o.unit])).toEqual([
      ['leading_industries_revenue', 2025, 1400, '亿元'],
      ['rd_intensity', 2024, 0.042, '%'],
      ['gazelle_firms', 2024, 120, '家'],
      ['gazelle_firms', 2025, 138, '家'],
    ]);
    expect(report.rows[2]!.messages[1]!.params).toEqual({ value: '0.042', percent: '4.2' });
  });

  it(`year-out-of-range.csv: 4 accepted, 4 rejected; the range is ${FIRST_YEAR} to the current year`, () => {
    const { dataset, report } = importMonitorFixture('year-out-of-range.csv');
    expect([report.accepted, report.rejected]).toEqual([4, 4]);
    expect(rowCodes(report)).toEqual([
      '2 rejected: monitor-row-year-out-of-range',
      '3 accepted:',
      '4 accepted:',
      '5 rejected: monitor-row-year-out-of-range',
      '6 accepted:',
      '7 accepted:',
      '8 rejected: monitor-row-bad-year',
      '9 rejected: monitor-row-no-year',
    ]);
    expect(report.rows[0]!.messages[0]!.params).toEqual({ value: 2018, min: 2019, max: 2026 });
    expect(report.rows[3]!.messages[0]!.text).toBe(
      'Year 2027 is out of range: only figures for 2019 to 2026 are accepted (a year not yet begun has no statistics).',
    );
    // "2025年" and full-width "２０２４" are years.
    expect(dataset.observations.map((o) => o.year)).toEqual([2019, 2026, 2025, 2024]);
    // A year later, 2027 is a year begun.
    const later = buildIndicatorDataset(monitorTable('year-out-of-range.csv'), suggestIndicatorMapping(['indicator', 'year', 'value', 'unit', 'source']), {
      places: PLACES,
      now: new Date('2027-01-15T00:00:00Z'),
    });
    expect([later.report.accepted, later.report.rejected]).toEqual([5, 3]);
  });

  it('duplicates.csv: exact copies and conflicting values are told apart, citing the first row', () => {
    const { dataset, report } = importMonitorFixture('duplicates.csv');
    expect([report.accepted, report.rejected]).toEqual([3, 4]);
    expect(rowCodes(report)).toEqual([
      '2 accepted:',
      '3 rejected: monitor-row-duplicate',
      '4 rejected: monitor-row-duplicate-conflict',
      // An alias and "120.0": the same figure.
      '5 rejected: monitor-row-duplicate',
      // The same indicator and year for a place is another figure.
      '6 accepted:',
      '7 accepted:',
      // "ZC-KIC" is zc-kic.
      '8 rejected: monitor-row-duplicate-conflict',
    ]);
    expect(report.rows[1]!.messages[0]!.params).toEqual({ first: 2 });
    expect(report.rows[2]!.messages[0]!.params).toEqual({ first: 2, firstValue: '120', value: '125', unit: '家' });
    expect(report.rows[6]!.messages[0]!.text).toBe(
      'Conflicts with row 6: same indicator, year and place, but row 6 says 30 and this row 31. Keep only the right one.',
    );
    expect(dataset.observations.map((o) => [o.year, o.value, o.place ?? ''])).toEqual([
      [2024, 120, ''],
      [2024, 30, 'zc-kic'],
      [2025, 138, ''],
    ]);
  });

  it('bad-values.csv: 1 accepted, 9 rejected, each saying what is wrong', () => {
    const { dataset, report } = importMonitorFixture('bad-values.csv');
    expect([report.accepted, report.rejected]).toEqual([1, 9]);
    expect(rowCodes(report)).toEqual([
      '2 rejected: monitor-row-bad-value',
      '3 rejected: monitor-row-value-out-of-range',
      '4 rejected: monitor-row-value-not-whole',
      '5 rejected: monitor-row-value-out-of-range',
      '6 rejected: monitor-row-no-value',
      '7 rejected: monitor-row-no-source',
      '8 rejected: monitor-row-bad-value',
      '9 rejected: monitor-row-value-out-of-range',
      '10 rejected: monitor-row-unknown-place',
      '11 accepted:',
    ]);
    expect(report.rows[1]!.messages[0]!.params).toEqual({ value: '120', min: 0, max: 100, unit: '%' });
    expect(report.rows[3]!.messages[0]!.params).toEqual({ value: '0', min: 1, max: 5, unit: '梯队' });
    expect(report.rows[8]!.messages[0]!.params).toEqual({ value: 'nowhere-park', example: 'zc-kic' });
    expect(dataset.observations).toEqual([{ indicator: 'gazelle_firms', year: 2025, value: 31, unit: '家', source: '园区', place: 'zc-kic', row: 11 }]);
  });

  it('chinese-headers.csv: aliases, "2024年", "第一梯队" with no unit, a title row above the headers', () => {
    const { dataset, report } = importMonitorFixture('chinese-headers.csv');
    expect([report.accepted, report.rejected]).toEqual([9, 0]);
    expect(report.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(report.rows.every((r) => r.messages.length === 0)).toBe(true);
    expect(dataset.observations.map((o) => `${o.indicator} ${o.year} ${o.value}${o.unit}${o.place ? ` @${o.place}` : ''}`)).toEqual([
      'leading_industries_revenue 2024 1150亿元',
      'digital_economy_revenue 2024 620亿元',
      'life_health_revenue 2024 300亿元',
      'green_low_carbon_revenue 2024 230亿元',
      'rd_intensity 2024 4.2%',
      'gazelle_firms 2024 120家',
      'unicorn_firms 2024 5家',
      'zhangjiang_tier 2024 1梯队',
      'leading_industries_revenue 2024 180亿元 @zc-kic',
    ]);
  });

  it('an indicator by the plan’s words, the usual variants, spaces and quotes, in either language; a different measure stays unknown', () => {
    const names: [string, string | null][] = [
      ['数字经济营收', 'digital_economy_revenue'],
      [' 数字 经济 产业 营收 ', 'digital_economy_revenue'],
      ['数字经济营业收入', 'digital_economy_revenue'],
      ['Digital economy revenue', 'digital_economy_revenue'],
      ['三大先导产业规模', 'leading_industries_revenue'],
      ['生命健康产业营收', 'life_health_revenue'],
      ['绿色低碳产业', 'green_low_carbon_revenue'],
      ['研发投入强度', 'rd_intensity'],
      ['企业研发经费支出占营业收入比重', 'rd_intensity'],
      ['瞪羚企业数', 'gazelle_firms'],
      ['“独角兽” 企业 数量', 'unicorn_firms'],
      ['张江高新区排名梯队', 'zhangjiang_tier'],
      ['Life & health, scale', 'life_health_revenue'],
      // Value added is not revenue; a patent count is no indicator of the plan.
      ['数字经济增加值', null],
      ['专利授权量', null],
    ];
    const text = csvText(
      ['指标', '年份', '数值', '单位', '数据来源'],
      // Years differ wherever an indicator repeats: a repeat would be a duplicate.
      names.map(([name], i) => [name, 2019 + (i % 8), 1, '', `s${i}`]),
    );
    const { dataset, report } = importMonitorFixture('names.csv', utf8(text));
    const byRow = new Map(dataset.observations.map((o) => [o.row, o.indicator]));
    expect(names.map((_, i) => byRow.get(i + 2) ?? null)).toEqual(names.map(([, id]) => id));
    expect(report.rows.filter((r) => !r.accepted).map((r) => r.messages[0]!.code)).toEqual(['monitor-row-unknown-indicator', 'monitor-row-unknown-indicator']);
  });

  it('hostile.csv: text stays plain, notes say what was cleaned; 5 accepted, 2 rejected', () => {
    const { dataset, report } = importMonitorFixture('hostile.csv');
    expect([report.accepted, report.rejected]).toEqual([5, 2]);
    expect(rowCodes(report)).toEqual([
      '2 accepted: row-markup',
      '3 accepted: row-formula',
      '4 accepted: row-text-cleaned',
      '5 rejected: monitor-row-unknown-indicator',
      '6 accepted:',
      '7 rejected: monitor-row-bad-value',
      '8 accepted:',
    ]);
    expect(dataset.observations.map((o) => o.source)).toEqual([
      '<img src=x onerror=alert(1)>统计局',
      '=HYPERLINK("http://evil.example","click")',
      '区科委报表',
      '多 空格',
      '第一行 第二行',
    ]);
    expect(report.rows[3]!.messages[0]!.params!['value']).toBe('<script>alert(1)</script>');
  });

  it('template rows left blank are skipped with a note, not rejected', () => {
    const { dataset, report } = importMonitorFixture('template-partly-filled.csv');
    expect([report.accepted, report.rejected]).toEqual([2, 0]);
    expect(report.rows.map((r) => r.row)).toEqual([2, 6]);
    const note = report.notes.find((n) => n.code === 'monitor-template-rows-skipped')!;
    expect(note.params).toEqual({ count: 6, rows: '3, 4, 5, 7, 8, 9' });
    expect(dataset.observations.map((o) => o.indicator)).toEqual(['leading_industries_revenue', 'rd_intensity']);
  });

  it('a total that does not add up to its parts is noted, not rejected', () => {
    const text = csvText(
      ['indicator', 'year', 'value', 'unit', 'source'],
      [
        ['leading_industries_revenue', 2024, 1200, '亿元', 'a'],
        ['digital_economy_revenue', 2024, 620, '亿元', 'a'],
        ['life_health_revenue', 2024, 300, '亿元', 'a'],
        ['green_low_carbon_revenue', 2024, 230, '亿元', 'a'],
        // 2025: 1290 against 713 + 330 + 247 = 1290, no note.
        ['leading_industries_revenue', 2025, 1290, '亿元', 'a'],
        ['digital_economy_revenue', 2025, 713, '亿元', 'a'],
        ['life_health_revenue', 2025, 330, '亿元', 'a'],
        ['green_low_carbon_revenue', 2025, 247, '亿元', 'a'],
      ],
    );
    const { report } = importMonitorFixture('totals.csv', utf8(text));
    expect([report.accepted, report.rejected]).toEqual([8, 0]);
    const notes = report.notes.filter((n) => n.code === 'monitor-total-mismatch');
    // 620 + 300 + 230 = 1150, not 1200.
    expect(notes.map((n) => n.params)).toEqual([{ year: 2024, total: '1200', sum: '1150', unit: '亿元' }]);
  });

  it('a file with rows but nothing filled in says so', () => {
    const table: ImportTable = {
      format: 'csv',
      fileName: 'blank.csv',
      encoding: 'UTF-8',
      rowKind: 'row',
      headers: ['indicator', 'unit'],
      rows: [{ row: 2, values: { indicator: 'rd_intensity', unit: '%' } }],
      notes: [],
    };
    const { report } = buildIndicatorDataset(table, { indicator: 'indicator', unit: 'unit' }, { places: PLACES, now: NOW });
    expect([report.accepted, report.rejected]).toEqual([0, 0]);
    expect(report.notes.map((n) => n.code)).toEqual([
      'monitor-mapping-missing-year',
      'monitor-mapping-missing-value',
      'monitor-mapping-missing-source',
      'monitor-template-rows-skipped',
      'monitor-nothing-filled',
    ]);
  });

  it('places come from the plan’s features, by id and by name', () => {
    const places = placesFromPlan({
      features: [{ properties: { id: 'sp-fudan', name_zh: '复旦大学国家大学科技园', name_en: 'Fudan University National University Science Park' } }],
    });
    expect([...places.keys()]).toEqual(['sp-fudan']);
    expect(placesFromPlan(null).size).toBe(0);
    const text = 'indicator,year,value,unit,source,place\r\ngazelle_firms,2025,3,家,x,Fudan University National University Science Park\r\n';
    const table = monitorTable('p.csv', utf8(text));
    const { dataset } = buildIndicatorDataset(table, suggestIndicatorMapping(table.headers), { places, now: NOW });
    expect(dataset.observations[0]!.place).toBe('sp-fudan');
  });
});
