import { columnSample, suggestColumns, type ContentCheck, type Suggestion } from '../../lib/import/mapping.ts';
import { message } from '../../lib/import/messages.ts';
import type { ImportMessage, ImportTable, TableRow } from '../../lib/import/types.ts';
import { ascii, parseCoordinate, parseCoordinatePair, parseDate, parseNumber, withoutApproximation, type Approximation } from '../../lib/import/values.ts';
import type { FieldMapping, ListingField, SpaceType } from './types.ts';

/*
 * What the listings import reads from a file that is its own: the listing fields' header synonyms, what a mapping
 * must give, and the values only listings have (floor areas, rents, space types, industries). Header matching,
 * numbers, dates and coordinates are the import kernel's (src/lib/import/).
 */

/**
 * Header synonyms per field, compared after `normaliseHeader` (lower case; units in brackets, spaces and
 * punctuation removed). The first synonyms are the exact names; longer ones also match inside a header.
 */
const SYNONYMS: Record<ListingField, readonly string[]> = {
  name: [
    '名称',
    '园区',
    '园区名称',
    '项目',
    '项目名称',
    '载体',
    '载体名称',
    '楼盘',
    '楼盘名称',
    '房源',
    '房源名称',
    '空间名称',
    '科技园',
    'name',
    'title',
    'park',
    'parkname',
    'listing',
    'property',
    'propertyname',
    'project',
    // Pinyin, as exports without Chinese headers write them.
    'mingcheng',
    'xiangmu',
    'yuanqu',
  ],
  building: ['楼宇', '楼宇名称', '楼栋', '楼号', '大楼', '楼座', '建筑', '单元', '房号', 'building', 'buildingname', 'bldg', 'tower', 'unit'],
  address: ['地址', '详细地址', '所在地址', '位置', '所在地', '地点', 'address', 'addr', 'streetaddress', 'dizhi', 'weizhi'],
  areaM2: [
    '面积',
    '可租面积',
    '可用面积',
    '出租面积',
    '空置面积',
    '招商面积',
    '可招商面积',
    '租赁面积',
    '建筑面积',
    '可租面积㎡',
    'area',
    'aream2',
    'areasqm',
    'sqm',
    'm2',
    'size',
    'availablearea',
    'floorarea',
    'space',
    'mianji',
    'kezumianji',
  ],
  spaceType: [
    '类型',
    '业态',
    '物业类型',
    '空间类型',
    '房源类型',
    '载体类型',
    '用途',
    '房屋用途',
    'type',
    'spacetype',
    'usage',
    'use',
    'category',
    'propertytype',
  ],
  industries: [
    '行业',
    '产业',
    '产业方向',
    '行业方向',
    '产业定位',
    '主导产业',
    '招商方向',
    '适合行业',
    '重点产业',
    '行业类型',
    'industry',
    'industries',
    'sector',
    'sectors',
    'focus',
    'industryfocus',
  ],
  rentMin: ['最低租金', '租金下限', '租金最低', '租金起', '最低价', 'rentmin', 'minrent', 'rentfrom', 'rentlow', 'minimumrent'],
  rentMax: ['最高租金', '租金上限', '租金最高', '最高价', 'rentmax', 'maxrent', 'rentto', 'renthigh', 'maximumrent'],
  rent: ['租金', '价格', '报价', '单价', '租金单价', '租金价格', '租金范围', '参考租金', 'rent', 'price', 'rentrange', 'rate', 'rental', 'zujin', 'jiage'],
  availableFrom: [
    '起租日期',
    '可入驻时间',
    '可入驻日期',
    '入驻时间',
    '入驻日期',
    '可租日期',
    '可租时间',
    '交付日期',
    '交付时间',
    '可用日期',
    '可用时间',
    'availablefrom',
    'available',
    'availability',
    'availabledate',
    'movein',
    'moveindate',
    'startdate',
  ],
  operator: [
    '运营方',
    '运营商',
    '运营单位',
    '运营机构',
    '运营主体',
    '业主',
    '业主方',
    '管理方',
    '物业方',
    '物业公司',
    'operator',
    'manager',
    'landlord',
    'owner',
    'managedby',
  ],
  contact: [
    '联系人',
    '联系方式',
    '电话',
    '联系电话',
    '手机',
    '招商电话',
    '咨询电话',
    '招商联系人',
    '邮箱',
    'contact',
    'phone',
    'tel',
    'telephone',
    'email',
    'contactperson',
  ],
  url: ['网址', '链接', '网站', '网页', '详情链接', 'url', 'link', 'website', 'web', 'webpage', 'homepage'],
  source: ['来源', '信息来源', '数据来源', '资料来源', 'source', 'datasource'],
  sourceDate: [
    '日期',
    '更新日期',
    '信息日期',
    '发布日期',
    '更新时间',
    '数据日期',
    '统计日期',
    '填报日期',
    'date',
    'updated',
    'sourcedate',
    'asof',
    'lastupdated',
    'updatedate',
  ],
  lon: ['经度', '东经', 'lng', 'lon', 'long', 'longitude', 'x', 'jingdu'],
  lat: ['纬度', '北纬', 'lat', 'latitude', 'y', 'weidu'],
  lonlat: ['经纬度', '坐标', '位置坐标', '点位', 'coordinates', 'coords', 'lnglat', 'lonlat', 'coordinate', 'jingweidu', 'zuobiao'],
};

/**
 * Suggests which header feeds which listing field, from Chinese and English synonyms. Each header feeds at most
 * one field; an exact synonym beats one contained in a longer header, and a longer contained synonym beats a
 * shorter one ("最低租金" goes to rentMin, not rent). Headers with no match are left out.
 */
export function suggestMapping(headers: readonly string[], table?: Pick<ImportTable, 'rows'>): FieldMapping {
  return suggestListingColumns(headers, table).mapping;
}

/** Whether a header names a listing field: the columns a file wider than the import keeps are these first. */
export const isListingHeader = (header: string): boolean => Object.keys(suggestMapping([header])).length > 0;

/**
 * `suggestMapping` with the notes on columns whose content refused the field their header names (`contentCheck`);
 * without a table, from the headers alone.
 */
export function suggestListingColumns(headers: readonly string[], table?: Pick<ImportTable, 'rows'>): Suggestion<ListingField> {
  return suggestColumns(headers, SYNONYMS, table && contentCheck(table.rows));
}

// A column is read as a field when at least this share of its sampled values reads as one.
const PLAUSIBLE_SHARE = 0.5;
const AREA_MAX = 1_000_000;

/** Whether one value reads as the field, or why not: text where a figure belongs, or a figure out of range. */
// OpenStreetMap's building=* values: a column of them (an overpass export's "building") says what kind of building
// a feature is, not which building an offer is in.
const BUILDING_TAGS =
  /^(?:yes|no|office|commercial|residential|apartments|house|industrial|retail|university|school|college|hospital|church|temple|warehouse|construction|public|civic|government|dormitory|hotel|train_station|roof|garage)$/i;

function valueFits(field: ListingField, raw: string): 'ok' | 'text' | 'range' | 'tag' {
  const hasDigit = /\d/.test(ascii(raw));
  const fits = (ok: boolean) => (ok ? 'ok' : hasDigit ? 'range' : 'text');
  switch (field) {
    case 'areaM2': {
      const a = parseArea(raw);
      return fits(!!a && a.value >= 1 && a.value <= AREA_MAX);
    }
    case 'rent':
    case 'rentMin':
    case 'rentMax': {
      const r = parseRent(raw);
      // "面议" is a rent column's own word.
      return r === null || !('error' in r) ? 'ok' : fits(false);
    }
    case 'lon': {
      const v = parseCoordinate(raw);
      return fits(Math.abs(v) <= 180);
    }
    case 'lat': {
      const v = parseCoordinate(raw);
      return fits(Math.abs(v) <= 90);
    }
    case 'lonlat':
      return fits(parseCoordinatePair(raw) !== null);
    // An availability is a date from 2000 on, or "即时"/"now": OpenStreetMap's start_date (a building's "1930") is not.
    case 'availableFrom':
      return fits(parseDate(raw, '2000-01-01') !== null);
    case 'building':
      return BUILDING_TAGS.test(raw.trim()) ? 'tag' : 'ok';
    default:
      return 'ok';
  }
}

/**
 * The content check of the listings' numeric fields: a column whose sampled values are mostly not a floor area,
 * a rent or a coordinate (district names under "area", projected metres under "x") is not suggested for it.
 */
function contentCheck(rows: readonly TableRow[]): ContentCheck<ListingField> {
  return (field, header) => {
    const sample = columnSample(rows, header);
    if (sample.length === 0) return null;
    const verdicts = sample.map((v) => valueFits(field, v));
    if (verdicts.filter((v) => v === 'ok').length >= sample.length * PLAUSIBLE_SHARE) return null;
    const bad = sample.find((_, i) => verdicts[i] !== 'ok')!;
    const count = (kind: string) => verdicts.filter((v) => v === kind).length;
    const code = count('tag') > 0 ? 'mapping-content-tag' : count('text') >= count('range') ? 'mapping-content-text' : 'mapping-content-range';
    return message(code, { column: header, example: bad.slice(0, 40), field });
  };
}

/** The fields a mapping must give for any row to be accepted; coordinates may come from geometry instead. */
export function missingRequired(mapping: FieldMapping, hasGeometry: boolean): ('name' | 'area' | 'coordinates')[] {
  const missing: ('name' | 'area' | 'coordinates')[] = [];
  if (!mapping.name && !mapping.building) missing.push('name');
  if (!mapping.areaM2) missing.push('area');
  if (!hasGeometry && !mapping.lonlat && !(mapping.lon && mapping.lat)) missing.push('coordinates');
  return missing;
}

// ---------------------------------------------------------------------------------------------------------
// Values

const RANGE_SEP = /\s*(?:-|~|～|—|–|至|到|to)\s*/;

/**
 * A floor area in m²: "1,200", "1200㎡", "1200 m²", "0.12万㎡"; approximate ("约1200平方米", "1200左右",
 * "1200平左右") or a range ("200-1200㎡", whose largest is kept: a listing has one area). `approx` says which
 * when the figure is not exact; `range` is true then too, so the import's row note ("not exact") is given for
 * every such value, not for ranges alone.
 */
export function parseArea(raw: string): { value: number; range: boolean; approx?: Approximation } | null {
  const bare = withoutApproximation(raw);
  let s = bare.text.toLowerCase();
  let factor = 1;
  const unit = /\s*(万\s*)?(㎡|m²|m2|sqm|sq\.?\s*m|平方米|平米|平方|平|方)?\s*$/.exec(s);
  if (unit && unit[0]) {
    if (unit[1]) factor = 10000;
    s = s.slice(0, unit.index);
  }
  // "200左右㎡": the word may also stand before the unit.
  const inner = withoutApproximation(s);
  s = inner.text;
  const parts = s.split(RANGE_SEP);
  if (parts.length > 2) return null;
  const nums = parts.map(parseNumber);
  if (nums.some((n) => !Number.isFinite(n))) return null;
  const value = Math.round(Math.max(...nums) * factor * 100) / 100;
  const approx: Approximation | undefined = bare.about || inner.about ? 'about' : parts.length === 2 ? 'range' : undefined;
  return approx ? { value, range: true, approx } : { value, range: false };
}

/** The rent's period as written, when a header or a value says it. */
export type RentPeriod = 'day' | 'month' | 'year';

/** The period a rent unit names: 元/㎡/天 (day), 元/㎡/月 (month), 元/㎡/年 (year). */
export function rentPeriod(text: string): RentPeriod | null {
  const s = ascii(text).toLowerCase();
  if (/(\/|每|per\s*|·)\s*(天|日|day|d\b)|天$|日$|\/day/.test(s)) return 'day';
  if (/(\/|每|per\s*|·)\s*(月|month|mo\b)|月$/.test(s)) return 'month';
  if (/(\/|每|per\s*|·)\s*(年|year|yr\b|annum)|年$/.test(s)) return 'year';
  return null;
}

/**
 * A rent in 元/m²/day: "3.5", "3.5元/㎡/天", "2.5-3.5", "2.5~3.5元/平米/天", "105元/㎡/月" (converted: × 12 / 365).
 * `period` is the default when the value names none (from the column header). "面议" (negotiable) gives null
 * without complaint; anything else unreadable gives `{ error }`.
 */
export function parseRent(
  raw: string,
  period: RentPeriod = 'day',
): { min: number; max: number; period: RentPeriod; approx?: Approximation } | { error: true } | null {
  const s0 = ascii(raw);
  if (!s0 || /^(面议|议价|待定|商议|协商|电询|negotiable|tbd|n\/?a|-|—)$/i.test(s0)) return null;
  const own = rentPeriod(s0);
  const p = own ?? period;
  const bare = withoutApproximation(s0);
  // "¥约4.5": the word may follow the currency sign.
  const inner = withoutApproximation(bare.text.toLowerCase().replace(/^(¥|￥|rmb|cny)\s*/, ''));
  let s = inner.text;
  // Strip a trailing unit: 元/㎡/天, 元/平米·天, rmb/sqm/day, /m²/month …
  s = s.replace(
    /\s*(元|rmb|cny|yuan)?\s*((\/|每|per\s*)\s*(㎡|m²|m2|sqm|平方米|平米|平方|平)|\/)?\s*((\/|·|每|per\s*)?\s*(天|日|月|年|day|month|year|mo|yr|d))?\s*$/,
    '',
  );
  s = s.replace(/(元|rmb|cny|yuan)/g, '');
  const parts = s.split(RANGE_SEP).map((x) => x.replace(/^(¥|￥)/, ''));
  if (parts.length > 2) return { error: true };
  const nums = parts.map(parseNumber);
  if (nums.some((n) => !Number.isFinite(n) || n <= 0)) return { error: true };
  const factor = p === 'month' ? 12 / 365 : p === 'year' ? 1 / 365 : 1;
  const vals = nums.map((n) => Math.round(n * factor * 100) / 100);
  const result = { min: Math.min(...vals), max: Math.max(...vals), period: p };
  // "4.5-4.5" is one figure written twice, not a range.
  const approx: Approximation | undefined = bare.about || inner.about ? 'about' : nums.length === 2 && nums[0] !== nums[1] ? 'range' : undefined;
  return approx ? { ...result, approx } : result;
}

/**
 * The row note for a rent written as approximate ("约4.5", "4.5左右", "约4.2-4.8"): the figure is kept, and the
 * report says the operator did not commit to it. null otherwise. A plain range ("4.2-4.8元") gets none: it is
 * kept as its two ends, shown as a range, and filters and order take both ends into account, so nothing of what
 * the operator wrote is lost (and a note on every ranged row would bury the notes that matter).
 */
export function rentApproxNote(raw: string, rent: { min: number; max: number; approx?: Approximation }): ImportMessage | null {
  if (rent.approx !== 'about') return null;
  return message('row-rent-approx', { value: ascii(raw).slice(0, 40), rent: rent.min === rent.max ? rent.min : `${rent.min}–${rent.max}` });
}

/** Words that name each space type, checked in this order so that "共享办公" is coworking, not office. */
const TYPE_WORDS: readonly [SpaceType, readonly string[]][] = [
  ['coworking', ['共享办公', '联合办公', '众创空间', '众创', 'coworking', 'co-working', 'shared office', 'flex office', 'flexible office']],
  ['incubator_desk', ['孵化工位', '工位', '孵化器', '孵化', 'incubator desk', 'incubator', 'hot desk', 'desk']],
  ['lab', ['实验室', '湿实验室', '干实验室', '实验', 'wet lab', 'dry lab', 'laboratory', 'lab']],
  [
    'light_industrial',
    [
      '研发',
      '研发楼',
      '轻工业',
      '轻工',
      '厂房',
      '标准厂房',
      '工业',
      '生产',
      'light industrial',
      'light_industrial',
      'industrial',
      'factory',
      'workshop',
      'r&d',
      'manufacturing',
    ],
  ],
  ['office', ['办公', '写字楼', '办公室', '商务', 'office', 'offices']],
  ['other', ['其他', '其它', '商业', '零售', '仓储', '公寓', 'other', 'retail', 'storage', 'warehouse']],
];

/**
 * The space type a cell names, in Chinese or English ("办公" → office, "实验室" → lab, "厂房" → light_industrial,
 * "工位" → incubator_desk, "联合办公" → coworking). A cell naming several ("办公/研发") gives the first; an
 * unknown word gives null; a blank cell gives 'other'.
 */
export function normaliseSpaceType(raw: string): SpaceType | null {
  const s = ascii(raw).toLowerCase();
  if (!s) return 'other';
  const tokens = s.split(/\s*[/、,，;；|+]\s*/).filter(Boolean);
  for (const token of tokens) {
    for (const [type, words] of TYPE_WORDS) if (words.includes(token) || token === type) return type;
  }
  for (const token of tokens) {
    for (const [type, words] of TYPE_WORDS) {
      if (words.some((w) => (/[^\x00-\x7f]/.test(w) || w.length >= 3) && token.includes(w))) return type;
    }
  }
  return null;
}

/** Industries as a list: split on Chinese and Latin separators, trimmed, de-duplicated, at most `max`. */
export function splitIndustries(raw: string, max = 12): string[] {
  const out: string[] = [];
  for (const part of ascii(raw).split(/\s*[,，、;；|/\n]\s*/)) {
    const p = part.trim();
    if (p && !out.includes(p)) out.push(p);
    if (out.length >= max) break;
  }
  return out;
}
