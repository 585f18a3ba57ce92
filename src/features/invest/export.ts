import type { Feature, FeatureCollection, Point } from 'geojson';
import { csvText } from '../../lib/data/csv.ts';
import type { Lang } from '../../lib/i18n/index.ts';
import { importKey } from '../../lib/import/catalogue.ts';
import { t } from './messages.ts';
import type { Listing, ListingField } from './types.ts';
import { typeLabel } from './view-format.ts';

/**
 * CSV columns: the import's own labels of the fields, in the reader's language, so that an exported file
 * re-imports as it is in either language. Units are in the headers; coordinates are WGS-84 and say so.
 */
const COLUMNS: readonly [ListingField, (l: Listing, lang: Lang) => string | number | undefined][] = [
  ['name', (l) => l.name],
  ['building', (l) => l.building],
  ['address', (l) => l.address],
  ['areaM2', (l) => l.areaM2],
  ['spaceType', (l, lang) => typeLabel(lang, l.spaceType)],
  ['industries', (l) => l.industries.join('; ')],
  ['rentMin', (l) => l.rentMin],
  ['rentMax', (l) => l.rentMax],
  ['availableFrom', (l) => l.availableFrom],
  ['operator', (l) => l.operator],
  ['contact', (l) => l.contact],
  ['url', (l) => l.url],
  ['source', (l) => l.source],
  ['sourceDate', (l) => l.sourceDate],
  ['lon', (l) => l.lon],
  ['lat', (l) => l.lat],
];

const header = (field: ListingField, lang: Lang): string => {
  const label = t(lang, importKey(`field.${field}`));
  return field === 'lon' || field === 'lat' ? `${label} (WGS-84)` : label;
};

/** What marks a sample listing in a file, in `lang`. */
export const sampleNote = (lang: Lang): string => t(lang, 'investExportSampleNote');

/**
 * Listings as CSV in `lang`: UTF-8 with a BOM (so Excel opens Chinese correctly), CRLF line ends, the import's
 * field labels as headers, space types in words, WGS-84 coordinates. When any listing is sample data, a first
 * column (a note) carries the sample marker on each of its rows, so the marker survives sorting and filtering in a
 * spreadsheet. Text that could run as a spreadsheet formula is prefixed with an apostrophe.
 */
export function toCsv(listings: readonly Listing[], lang: Lang): string {
  const withNote = listings.some((l) => l.sample);
  const fields = [...(withNote ? [t(lang, 'investExportNote')] : []), ...COLUMNS.map(([f]) => header(f, lang))];
  const data = listings.map((l) => [...(withNote ? [l.sample ? sampleNote(lang) : ''] : []), ...COLUMNS.map(([, get]) => get(l, lang))]);
  return csvText(fields, data);
}

/** Properties of an exported feature: the listing's fields (no lon/lat), and the sample marker when sample. */
export type ListingFeatureProperties = Omit<Listing, 'lon' | 'lat'> & { note?: string };

/**
 * Listings as a GeoJSON FeatureCollection of WGS-84 points. Properties keep the listing's field names and values
 * (the data's own keys, read back by the import); sample listings carry `sample: true` and `note`, the sample marker
 * in `lang`, and so does the collection when any is sample.
 */
export function toGeoJSON(listings: readonly Listing[], lang: Lang): FeatureCollection<Point, ListingFeatureProperties> & { note?: string } {
  const features: Feature<Point, ListingFeatureProperties>[] = listings.map((l) => {
    // The file's own numbers stay behind: the export is WGS-84 and says so by being GeoJSON.
    const { lon, lat, written: _written, ...rest } = l;
    const properties: ListingFeatureProperties = { ...rest, industries: [...rest.industries] };
    if (l.sample) properties.note = sampleNote(lang);
    return { type: 'Feature', id: l.id, properties, geometry: { type: 'Point', coordinates: [lon, lat] } };
  });
  const fc: FeatureCollection<Point, ListingFeatureProperties> & { note?: string } = { type: 'FeatureCollection', features };
  if (listings.some((l) => l.sample)) fc.note = sampleNote(lang);
  return fc;
}
