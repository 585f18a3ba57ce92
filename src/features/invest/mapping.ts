import { columnSample, suggestColumns, type ContentCheck, type Suggestion } from '../../lib/import/mapping.ts';
import { message } from '../../lib/import/messages.ts';
import type { ImportTable, TableRow } from '../../lib/import/types.ts';
import { ascii, parseCoordinate, parseCoordinatePair, parseDate } from '../../lib/import/values.ts';
import type { FieldMapping, ListingField } from './types.ts';
import { parseArea, parseRent } from './values.ts';

/*
 * What the listings import reads from a file that is its own: the listing fields' header synonyms, what a mapping
 * must give, and which columns' content fits their fields (the values themselves: values.ts). Header matching,
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
