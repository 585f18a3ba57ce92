import { describe, expect, it } from 'vitest';
import { missingRequired, suggestMapping } from './mapping.ts';
import { normaliseSpaceType, parseArea, parseRent, rentPeriod, splitIndustries } from './values.ts';
import { normaliseHeader } from '../../lib/import/mapping.ts';
import { parseCoordinate, parseCoordinatePair, parseDate, parseNumber } from '../../lib/import/values.ts';

describe('suggestMapping', () => {
  it('maps Chinese headers, with units in brackets', () => {
    expect(
      suggestMapping([
        '园区',
        '楼宇',
        '地址',
        '面积(㎡)',
        '业态',
        '行业',
        '租金（元/㎡/天）',
        '起租日期',
        '运营方',
        '联系人',
        '网址',
        '来源',
        '日期',
        '经度',
        '纬度',
      ]),
    ).toEqual({
      name: '园区',
      building: '楼宇',
      address: '地址',
      areaM2: '面积(㎡)',
      spaceType: '业态',
      industries: '行业',
      rent: '租金（元/㎡/天）',
      availableFrom: '起租日期',
      operator: '运营方',
      contact: '联系人',
      url: '网址',
      source: '来源',
      sourceDate: '日期',
      lon: '经度',
      lat: '纬度',
    });
  });

  it('maps English headers in any case and punctuation', () => {
    expect(
      suggestMapping([
        'Name',
        'Building',
        'Address',
        'Area (m²)',
        'Space type',
        'Industry focus',
        'Rent min',
        'Rent max',
        'Available from',
        'Operator',
        'Phone',
        'Website',
        'Source',
        'Updated',
        'Longitude',
        'Latitude',
      ]),
    ).toEqual({
      name: 'Name',
      building: 'Building',
      address: 'Address',
      areaM2: 'Area (m²)',
      spaceType: 'Space type',
      industries: 'Industry focus',
      rentMin: 'Rent min',
      rentMax: 'Rent max',
      availableFrom: 'Available from',
      operator: 'Operator',
      contact: 'Phone',
      url: 'Website',
      source: 'Source',
      sourceDate: 'Updated',
      lon: 'Longitude',
      lat: 'Latitude',
    });
    expect(suggestMapping(['x', 'y', 'lng', 'lat'])).toEqual({ lon: 'lng', lat: 'lat' });
    expect(suggestMapping(['X', 'Y'])).toEqual({ lon: 'X', lat: 'Y' });
  });

  it('prefers exact names, then the longest synonym inside a header; each header feeds one field', () => {
    // 最低租金 is rentMin, not rent; 可入驻日期 is availableFrom, not the source date (日期).
    expect(suggestMapping(['最低租金', '最高租金', '可入驻日期', '更新日期'])).toEqual({
      rentMin: '最低租金',
      rentMax: '最高租金',
      availableFrom: '可入驻日期',
      sourceDate: '更新日期',
    });
    // Contained synonyms: 园区运营方 is the operator, not the name.
    expect(suggestMapping(['园区运营方', '项目名称'])).toEqual({ operator: '园区运营方', name: '项目名称' });
    // A repeated header goes to one field only.
    expect(suggestMapping(['名称', '名称 (2)'])).toEqual({ name: '名称' });
    // Short Latin words match whole headers only.
    expect(suggestMapping(['tax', 'lonely', 'remarks'])).toEqual({});
    expect(suggestMapping(['经纬度', '坐标'])).toEqual({ lonlat: '经纬度' });
  });

  it('normalises headers', () => {
    expect(normaliseHeader(' 面积（㎡） ')).toBe('面积');
    expect(normaliseHeader('Available_From')).toBe('availablefrom');
    expect(normaliseHeader('ＡＲＥＡ')).toBe('area');
  });

  it('names what a mapping lacks', () => {
    expect(missingRequired({}, false)).toEqual(['name', 'area', 'coordinates']);
    expect(missingRequired({ building: 'b', areaM2: 'a', lon: 'x' }, false)).toEqual(['coordinates']);
    expect(missingRequired({ name: 'n', areaM2: 'a' }, true)).toEqual([]);
    expect(missingRequired({ name: 'n', areaM2: 'a', lonlat: 'c' }, false)).toEqual([]);
  });
});

describe('values', () => {
  it('parses areas', () => {
    expect(parseArea('1,200')).toEqual({ value: 1200, range: false });
    expect(parseArea('1200㎡')).toEqual({ value: 1200, range: false });
    expect(parseArea('1200 m²')).toEqual({ value: 1200, range: false });
    expect(parseArea('1200m2')).toEqual({ value: 1200, range: false });
    expect(parseArea('1,200.5 sqm')).toEqual({ value: 1200.5, range: false });
    expect(parseArea('约1200平方米')).toEqual({ value: 1200, range: true, approx: 'about' });
    expect(parseArea('800平米')).toEqual({ value: 800, range: false });
    expect(parseArea('０.１２万㎡')).toEqual({ value: 1200, range: false });
    expect(parseArea('200-1200㎡')).toEqual({ value: 1200, range: true, approx: 'range' });
    expect(parseArea('200至1200')).toEqual({ value: 1200, range: true, approx: 'range' });
    for (const bad of ['', 'large', '1,20', '-5', '12abc', '1-2-3', '1.2.3']) expect(parseArea(bad), bad).toBeNull();
  });

  it('parses numbers strictly', () => {
    expect(parseNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseNumber('１２３')).toBe(123);
    expect(parseNumber('1e3')).toBeNaN();
    expect(parseNumber('0x10')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
  });

  it('parses rents in 元/m²/day, converting monthly and yearly ones', () => {
    expect(parseRent('3.5')).toEqual({ min: 3.5, max: 3.5, period: 'day' });
    expect(parseRent('3.0')).toEqual({ min: 3, max: 3, period: 'day' });
    expect(parseRent('3.5元/㎡/天')).toEqual({ min: 3.5, max: 3.5, period: 'day' });
    expect(parseRent('3.5 元/m²·天')).toEqual({ min: 3.5, max: 3.5, period: 'day' });
    expect(parseRent('2.5-3.5')).toEqual({ min: 2.5, max: 3.5, period: 'day', approx: 'range' });
    expect(parseRent('2.5～3.5元/平米/天')).toEqual({ min: 2.5, max: 3.5, period: 'day', approx: 'range' });
    expect(parseRent('¥4.2')).toEqual({ min: 4.2, max: 4.2, period: 'day' });
    expect(parseRent('105元/㎡/月')).toEqual({ min: 3.45, max: 3.45, period: 'month' });
    expect(parseRent('1277.5元/平方米/年')).toEqual({ min: 3.5, max: 3.5, period: 'year' });
    expect(parseRent('91.25', 'month')).toEqual({ min: 3, max: 3, period: 'month' });
    expect(parseRent('3.5 RMB/sqm/day')).toEqual({ min: 3.5, max: 3.5, period: 'day' });
    expect(parseRent('面议')).toBeNull();
    expect(parseRent('negotiable')).toBeNull();
    expect(parseRent('')).toBeNull();
    expect(parseRent('cheap')).toEqual({ error: true });
    expect(parseRent('0')).toEqual({ error: true });
    expect(parseRent('1-2-3')).toEqual({ error: true });
  });

  it('reads the rent period a header or value names', () => {
    expect(rentPeriod('元/㎡/天')).toBe('day');
    expect(rentPeriod('元/平方米·月')).toBe('month');
    expect(rentPeriod('RMB per sqm per year')).toBe('year');
    expect(rentPeriod('3.5')).toBeNull();
  });

  it('parses dates to ISO', () => {
    const today = '2026-01-20';
    expect(parseDate('2026/3/1', today)).toBe('2026-03-01');
    expect(parseDate('2026-03', today)).toBe('2026-03-01');
    expect(parseDate('2026年3月1日', today)).toBe('2026-03-01');
    expect(parseDate('2026年3月', today)).toBe('2026-03-01');
    expect(parseDate('2026.3.15', today)).toBe('2026-03-15');
    expect(parseDate('2026-03-15T00:00:00', today)).toBe('2026-03-15');
    expect(parseDate('2026/3/1 0:00', today)).toBe('2026-03-01');
    expect(parseDate('20260315', today)).toBe('2026-03-15');
    expect(parseDate('即时', today)).toBe(today);
    expect(parseDate('Immediately', today)).toBe(today);
    for (const bad of ['2026-02-30', '2026-13-01', '1999-01-01', '3/1/2026', 'soon', '']) expect(parseDate(bad, today), bad).toBeNull();
  });

  it('normalises space types in Chinese and English', () => {
    const cases: [string, string | null][] = [
      ['办公', 'office'],
      ['写字楼', 'office'],
      ['Office', 'office'],
      ['实验室', 'lab'],
      ['Laboratory', 'lab'],
      ['研发', 'light_industrial'],
      ['轻工业', 'light_industrial'],
      ['标准厂房', 'light_industrial'],
      ['Light industrial', 'light_industrial'],
      ['孵化工位', 'incubator_desk'],
      ['工位', 'incubator_desk'],
      ['Incubator desk', 'incubator_desk'],
      ['共享办公', 'coworking'],
      ['联合办公', 'coworking'],
      ['Co-working', 'coworking'],
      ['办公/研发', 'office'],
      ['研发实验室', 'lab'],
      ['其他', 'other'],
      ['', 'other'],
      ['spaceship', null],
    ];
    for (const [raw, type] of cases) expect(normaliseSpaceType(raw), raw).toBe(type);
  });

  it('splits industries on Chinese and Latin separators', () => {
    expect(splitIndustries('人工智能、生物医药；金融科技')).toEqual(['人工智能', '生物医药', '金融科技']);
    expect(splitIndustries('AI, fintech / AI')).toEqual(['AI', 'fintech']);
    expect(splitIndustries('')).toEqual([]);
    expect(splitIndustries('a,b,c,d', 2)).toEqual(['a', 'b']);
  });

  it('parses coordinates, with hemisphere letters and degrees-minutes-seconds', () => {
    expect(parseCoordinate('121.5')).toBe(121.5);
    expect(parseCoordinate('121.5°')).toBe(121.5);
    expect(parseCoordinate('E121.5')).toBe(121.5);
    expect(parseCoordinate('31.3N')).toBe(31.3);
    expect(parseCoordinate('74.0W')).toBe(-74);
    expect(parseCoordinate(`121°30'00"E`)).toBeCloseTo(121.5, 9);
    expect(parseCoordinate('31°18′36″')).toBeCloseTo(31.31, 9);
    expect(parseCoordinate('１２１．５')).toBe(121.5);
    for (const bad of ['', 'east', '121,5', '1e2']) expect(parseCoordinate(bad), bad).toBeNaN();
    expect(parseCoordinatePair('121.5,31.3')).toEqual([121.5, 31.3]);
    expect(parseCoordinatePair('121.5，31.3')).toEqual([121.5, 31.3]);
    expect(parseCoordinatePair('[121.5 31.3]')).toEqual([121.5, 31.3]);
    expect(parseCoordinatePair('121.5')).toBeNull();
    expect(parseCoordinatePair('a,b')).toBeNull();
  });
});
