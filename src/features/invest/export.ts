import type { Feature, FeatureCollection, Point } from 'geojson';
import { csvText } from '../../lib/data/csv.ts';
import { SAMPLE_MARKER, type Listing } from './types.ts';

/**
 * CSV columns: bilingual headers that the import maps back to the same fields (exported files re-import as they
 * are). Units are in the headers.
 */
const COLUMNS: readonly [string, (l: Listing) => string | number | undefined][] = [
  ['名称 / name', (l) => l.name],
  ['楼栋 / building', (l) => l.building],
  ['地址 / address', (l) => l.address],
  ['可租面积(㎡) / area_m2', (l) => l.areaM2],
  ['空间类型 / space_type', (l) => l.spaceType],
  ['产业方向 / industries', (l) => l.industries.join('; ')],
  ['租金下限(元/㎡/天) / rent_min', (l) => l.rentMin],
  ['租金上限(元/㎡/天) / rent_max', (l) => l.rentMax],
  ['可入驻日期 / available_from', (l) => l.availableFrom],
  ['运营方 / operator', (l) => l.operator],
  ['联系方式 / contact', (l) => l.contact],
  ['网页 / url', (l) => l.url],
  ['来源 / source', (l) => l.source],
  ['信息日期 / source_date', (l) => l.sourceDate],
  ['经度 / lon (WGS-84)', (l) => l.lon],
  ['纬度 / lat (WGS-84)', (l) => l.lat],
];
const NOTE_COLUMN = '说明 / note';

/**
 * Listings as CSV: UTF-8 with a BOM (so Excel opens Chinese correctly), CRLF line ends, bilingual headers, WGS-84
 * coordinates. When any listing is sample data, a first column "说明 / note" carries the sample marker on each of
 * its rows, so the marker survives sorting and filtering in a spreadsheet. Text that could run as a spreadsheet
 * formula is prefixed with an apostrophe.
 */
export function toCsv(listings: readonly Listing[]): string {
  const withNote = listings.some((l) => l.sample);
  const fields = [...(withNote ? [NOTE_COLUMN] : []), ...COLUMNS.map(([h]) => h)];
  const data = listings.map((l) => [...(withNote ? [l.sample ? SAMPLE_MARKER : ''] : []), ...COLUMNS.map(([, get]) => get(l))]);
  return csvText(fields, data);
}

/** Properties of an exported feature: the listing's fields (no lon/lat), and the sample marker when sample. */
export type ListingFeatureProperties = Omit<Listing, 'lon' | 'lat'> & { note?: string };

/**
 * Listings as a GeoJSON FeatureCollection of WGS-84 points. Each feature's id is the listing's id; sample
 * listings carry `sample: true` and `note` = the sample marker, and so does the collection when any is sample.
 */
export function toGeoJSON(listings: readonly Listing[]): FeatureCollection<Point, ListingFeatureProperties> & { note?: string } {
  const features: Feature<Point, ListingFeatureProperties>[] = listings.map((l) => {
    const { lon, lat, ...rest } = l;
    const properties: ListingFeatureProperties = { ...rest, industries: [...rest.industries] };
    if (l.sample) properties.note = SAMPLE_MARKER;
    return { type: 'Feature', id: l.id, properties, geometry: { type: 'Point', coordinates: [lon, lat] } };
  });
  const fc: FeatureCollection<Point, ListingFeatureProperties> & { note?: string } = { type: 'FeatureCollection', features };
  if (listings.some((l) => l.sample)) fc.note = SAMPLE_MARKER;
  return fc;
}
