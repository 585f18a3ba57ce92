import { checkPoint, offsetHint, SHANGHAI_BBOX, type BBox } from '../../lib/import/coords.ts';
import { decodeText, detectBinary } from '../../lib/import/decode.ts';
import {
  missingRequired,
  normaliseSpaceType,
  parseArea,
  parseCoordinate,
  parseCoordinatePair,
  parseDate,
  parseRent,
  rentPeriod,
  splitIndustries,
} from './mapping.ts';
import { CRS_NAMES, message } from '../../lib/import/messages.ts';
import { detectFormat, parseText, type DomParserLike } from '../../lib/import/parse.ts';
import type { FieldMapping, Inventory, Listing, ListingField } from './types.ts';
import type { Crs, ImportMessage, ImportReport, ImportTable, RowReport } from '../../lib/import/types.ts';

export { suggestMapping, missingRequired } from './mapping.ts';
export { offsetHint, toWgs84, checkPoint, SHANGHAI_BBOX } from '../../lib/import/coords.ts';
export type { DomParserLike } from '../../lib/import/parse.ts';

/** Default size limit of an imported file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface ReadFileOptions {
  /** Largest file accepted, bytes (default 5 MB). */
  maxBytes?: number;
  /** Most data rows or features (default 5000). */
  maxRows?: number;
  /** Most columns (default 200). */
  maxColumns?: number;
  /** XML parser for KML; browsers use their own `DOMParser` when absent. */
  domParser?: DomParserLike;
}

export type ReadFileResult = { table: ImportTable; fileErrors?: undefined } | { fileErrors: ImportMessage[]; table?: undefined };

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Reads a file's bytes into a table: checks size, refuses binaries and workbooks, decodes the text (UTF-8, GBK,
 * UTF-16) and parses CSV/TSV, GeoJSON or KML. Nothing in the file is evaluated.
 */
export function readFile(file: { name: string; bytes: Uint8Array }, options: ReadFileOptions = {}): ReadFileResult {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const { bytes, name } = file;
  if (bytes.length > maxBytes) {
    return { fileErrors: [message('file-too-large', { sizeMB: mb(bytes.length), maxMB: mb(maxBytes) })] };
  }
  if (bytes.length === 0) return { fileErrors: [message('file-empty')] };
  const binary = detectBinary(bytes, name);
  if (binary) return { fileErrors: [binary] };
  const decoded = decodeText(bytes);
  if ('error' in decoded) return { fileErrors: [decoded.error] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { fileErrors: [message('file-empty')] };
  const format = detectFormat(name, text);
  if (!format) return { fileErrors: [message('file-format-unknown')] };
  const parsed = parseText(text, format, {
    ...(options.maxRows !== undefined && { maxRows: options.maxRows }),
    ...(options.maxColumns !== undefined && { maxColumns: options.maxColumns }),
    ...(options.domParser && { domParser: options.domParser }),
  });
  if ('fileErrors' in parsed) return { fileErrors: parsed.fileErrors };
  const table: ImportTable = {
    ...parsed.table,
    fileName: name,
    encoding: decoded.encoding,
    notes: [message('encoding', { encoding: decoded.encoding }), ...parsed.table.notes],
  };
  return { table };
}

// ---------------------------------------------------------------------------------------------------------

/** Longest text kept per field; longer values are cut with a note. */
const MAX_LENGTH: Partial<Record<ListingField, number>> = { name: 200, building: 200, contact: 200, url: 2000 };
const DEFAULT_MAX_LENGTH = 500;

// C0/C1 controls, and the bidirectional overrides that can make text read differently from what it holds.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:|on[a-z]+\s*=/i;
// What is worth a note on import: a formula, not a phone number ("+86 …") or a negative number.
const LOOKS_LIKE_FORMULA = /^(?:[=@]|[+-](?![\d\s.(]))/;

interface TextResult {
  value: string;
  notes: ImportMessage[];
}

/** Plain text as kept on a listing: controls removed, whitespace squeezed, length capped. Never markup. */
export function cleanText(raw: string, field: ListingField): TextResult {
  const notes: ImportMessage[] = [];
  let value = raw.replace(/\r\n?|\n/g, ' ');
  const stripped = value.replace(CONTROL, '');
  if (stripped !== value) notes.push(message('row-text-cleaned', { field }));
  value = stripped.replace(/\s+/g, ' ').trim();
  // The apostrophe our CSV export puts before formula-like text: drop it so that a round trip keeps the value.
  if (/^'[=+\-@]/.test(value)) value = value.slice(1);
  const max = MAX_LENGTH[field] ?? DEFAULT_MAX_LENGTH;
  if ([...value].length > max) {
    value = [...value].slice(0, max).join('');
    notes.push(message('row-text-truncated', { field, max }));
  }
  if (MARKUP.test(value)) notes.push(message('row-markup', { field }));
  if (LOOKS_LIKE_FORMULA.test(value)) notes.push(message('row-formula', { field }));
  return { value, notes };
}

/** A web address kept only when it is http(s); anything else (javascript:, data:, relative) is dropped. */
export function safeUrl(raw: string): string | null {
  const s = raw.trim();
  const candidate = /^www\./i.test(s) ? `https://${s}` : s;
  if (!/^https?:\/\//i.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface BuildOptions {
  /** The coordinate system the file's numbers are in; they are converted to WGS-84. */
  crs: Crs;
  /** Name shown in the list of inventories. */
  name: string;
  fileName: string;
  /** Inventory id; a fresh one when absent. */
  id?: string;
  /** Marks every listing as sample data (the team's sample inventory). */
  sample?: boolean;
  /** The import time (tests pass a fixed one). */
  now?: Date;
  /**
   * Reference points (WGS-84 lon/lat): metro stations and the plan's located places. With them the report may
   * carry a hint that the CRS looks wrong (see `offsetHint`).
   */
  stations?: readonly (readonly [number, number])[];
  /** Listings outside this box are refused (default: Shanghai). */
  bbox?: BBox;
}

let counter = 0;
const freshId = (now: Date) => `inv-${now.getTime().toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * Turns a table into an inventory with the mapping and CRS the user chose, and reports on every row: accepted
 * or rejected, and why. Rows need a name (or building), a floor area and a position; an address alone is
 * reported, never geocoded. Text stays plain text; only http(s) links are kept.
 */
export function buildInventory(
  table: ImportTable,
  mapping: FieldMapping,
  options: BuildOptions,
): { inventory: Inventory; report: ImportReport } {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const id = options.id ?? freshId(now);
  const sample = options.sample ?? false;
  const bbox = options.bbox ?? SHANGHAI_BBOX;
  const hasGeometry = table.rows.some((r) => r.lonlat);
  const notes: ImportMessage[] = [...table.notes];

  for (const missing of missingRequired(mapping, hasGeometry)) notes.push(message(`mapping-missing-${missing}`));
  const mapped = new Set(Object.values(mapping).filter((h): h is string => !!h));
  const ignored = table.headers.filter((h) => !mapped.has(h));
  if (ignored.length) notes.push(message('columns-ignored', { columns: ignored.join(', ') }));
  notes.push(options.crs === 'wgs84' ? message('crs-wgs84') : message('crs-converted', { crs: CRS_NAMES[options.crs] }));

  // A rent column's header may carry the unit: 租金(元/㎡/月) means every bare number in it is monthly.
  const headerPeriod = (h: string | undefined) => (h ? rentPeriod(h.replace(/^.*?[(（]/, '/')) : null) ?? 'day';
  const rentPeriods = {
    rent: headerPeriod(mapping.rent),
    rentMin: headerPeriod(mapping.rentMin),
    rentMax: headerPeriod(mapping.rentMax),
  };

  const listings: Listing[] = [];
  const rows: RowReport[] = [];
  const refs = new Map<string, number>();
  const seen = new Map<string, number>();

  for (const row of table.rows) {
    const errors: ImportMessage[] = [...(row.errors ?? [])];
    const rowNotes: ImportMessage[] = [...(row.notes ?? [])];
    const cell = (field: ListingField): string => {
      const header = mapping[field];
      return header ? (row.values[header] ?? '') : '';
    };
    const text = (field: ListingField): string => {
      const { value, notes: n } = cleanText(cell(field), field);
      rowNotes.push(...n);
      return value;
    };

    if (errors.length) {
      rows.push({ row: row.row, accepted: false, messages: [...errors, ...rowNotes] });
      continue;
    }

    const building = text('building');
    const name = text('name') || building;
    if (!name) errors.push(message('row-no-name'));

    let areaM2 = NaN;
    const areaRaw = cell('areaM2').trim();
    if (!areaRaw) errors.push(message('row-no-area'));
    else {
      const area = parseArea(areaRaw);
      if (!area || area.value < 1 || area.value > 1_000_000) {
        errors.push(message('row-bad-area', { value: cleanText(areaRaw, 'areaM2').value.slice(0, 40) }));
      } else {
        areaM2 = area.value;
        if (area.range) rowNotes.push(message('row-area-range', { value: areaRaw, area: area.value }));
      }
    }

    // Position: the feature's geometry, else one lon/lat column, else two.
    const address = text('address');
    let written: [number, number] | null = row.lonlat ?? null;
    let coordError: ImportMessage | null = null;
    if (!written) {
      const pairRaw = cell('lonlat').trim();
      const lonRaw = cell('lon').trim();
      const latRaw = cell('lat').trim();
      if (pairRaw) {
        written = parseCoordinatePair(pairRaw);
        if (!written) coordError = message('row-bad-coordinates', { value: pairRaw.slice(0, 60) });
      } else if (lonRaw || latRaw) {
        const lon = parseCoordinate(lonRaw);
        const lat = parseCoordinate(latRaw);
        if (Number.isFinite(lon) && Number.isFinite(lat)) written = [lon, lat];
        else coordError = message('row-bad-coordinates', { value: `${lonRaw.slice(0, 30)}, ${latRaw.slice(0, 30)}` });
      }
    }
    let lonlat: [number, number] | null = null;
    if (coordError) errors.push(coordError);
    else if (!written) {
      errors.push(address ? message('row-not-geocoded', { address: address.slice(0, 80) }) : message('row-no-coordinates'));
    } else {
      const checked = checkPoint(written, options.crs, bbox);
      if ('error' in checked) errors.push(checked.error);
      else lonlat = checked.lonlat;
    }

    const typeRaw = cell('spaceType').trim();
    let spaceType = normaliseSpaceType(typeRaw);
    if (!spaceType) {
      rowNotes.push(message('row-type-unknown', { value: cleanText(typeRaw, 'spaceType').value.slice(0, 40) }));
      spaceType = 'other';
    }

    let rentMin: number | undefined;
    let rentMax: number | undefined;
    const takeRent = (field: 'rent' | 'rentMin' | 'rentMax') => {
      const raw = cell(field).trim();
      if (!raw) return null;
      const r = parseRent(raw, rentPeriods[field]);
      if (r && 'error' in r) {
        rowNotes.push(message('row-bad-rent', { value: cleanText(raw, field).value.slice(0, 40) }));
        return null;
      }
      if (r && r.period !== 'day') rowNotes.push(message(r.period === 'month' ? 'row-rent-monthly' : 'row-rent-yearly'));
      return r;
    };
    const lo = takeRent('rentMin');
    const hi = takeRent('rentMax');
    if (lo || hi) {
      rentMin = lo?.min ?? hi?.min;
      rentMax = hi?.max ?? lo?.max;
    } else {
      const r = takeRent('rent');
      if (r) [rentMin, rentMax] = [r.min, r.max];
    }
    if (rentMin !== undefined && rentMax !== undefined && rentMin > rentMax) {
      [rentMin, rentMax] = [rentMax, rentMin];
      rowNotes.push(message('row-rent-swapped'));
    }
    if (rentMax !== undefined && rentMax > 50) rowNotes.push(message('row-rent-high', { value: rentMax }));

    const dateOf = (field: 'availableFrom' | 'sourceDate', code: 'row-bad-available-date' | 'row-bad-source-date') => {
      const raw = cell(field).trim();
      if (!raw) return undefined;
      const d = parseDate(raw, today);
      if (!d) rowNotes.push(message(code, { value: cleanText(raw, field).value.slice(0, 40) }));
      return d ?? undefined;
    };
    const availableFrom = dateOf('availableFrom', 'row-bad-available-date');
    const sourceDate = dateOf('sourceDate', 'row-bad-source-date');

    const urlRaw = cell('url').trim();
    let url: string | undefined;
    if (urlRaw) {
      const safe = safeUrl(cleanText(urlRaw, 'url').value);
      if (safe) url = safe;
      else rowNotes.push(message('row-url-dropped', { value: cleanText(urlRaw, 'url').value.slice(0, 60) }));
    }

    const industriesRaw = text('industries');
    const operator = text('operator');
    const contact = text('contact');
    const source = text('source') || table.fileName;

    if (errors.length || !lonlat) {
      rows.push({ row: row.row, accepted: false, messages: [...errors, ...rowNotes] });
      continue;
    }

    // The same offer twice (same place, size, type and rent) is a copy, not a second offer.
    const key = JSON.stringify([name, building, areaM2, spaceType, lonlat[0].toFixed(5), lonlat[1].toFixed(5), rentMin, rentMax, availableFrom]);
    const first = seen.get(key);
    if (first !== undefined) {
      rows.push({ row: row.row, accepted: false, messages: [message('row-duplicate', { first }), ...rowNotes] });
      continue;
    }
    seen.set(key, row.row);

    let localId = String(row.row);
    if (row.ref !== undefined) {
      // Ids travel in links (pins, the selection), which accept only [A-Za-z0-9_-]: anything else becomes "_".
      const ref = cleanText(row.ref, 'name').value.replace(/[^A-Za-z0-9_-]/g, '_').replace(/^[_-]+/, '').slice(0, 40) || String(row.row);
      const n = (refs.get(ref) ?? 0) + 1;
      refs.set(ref, n);
      localId = n === 1 ? ref : `${ref}-${n}`;
      if (n > 1) rowNotes.push(message('row-duplicate-id', { ref, id: localId }));
    }

    const listing: Listing = {
      id: `${id}:${localId}`,
      inventoryId: id,
      name,
      areaM2,
      spaceType,
      industries: splitIndustries(industriesRaw),
      source,
      lon: lonlat[0],
      lat: lonlat[1],
      sample,
      row: row.row,
    };
    if (building && building !== name) listing.building = building;
    if (address) listing.address = address;
    if (rentMin !== undefined) listing.rentMin = rentMin;
    if (rentMax !== undefined) listing.rentMax = rentMax;
    if (availableFrom) listing.availableFrom = availableFrom;
    if (operator) listing.operator = operator;
    if (contact) listing.contact = contact;
    if (url) listing.url = url;
    if (sourceDate) listing.sourceDate = sourceDate;
    listings.push(listing);
    rows.push({ row: row.row, accepted: true, messages: rowNotes });
  }

  if (options.stations && options.stations.length) {
    const hint = offsetHint(
      listings.map((l) => [l.lon, l.lat] as [number, number]),
      options.stations,
      { crs: options.crs },
    );
    if (hint) notes.push(hint.message);
  }

  const accepted = rows.filter((r) => r.accepted).length;
  const inventory: Inventory = {
    id,
    name: cleanText(options.name, 'name').value || table.fileName,
    fileName: table.fileName,
    importedAt: now.toISOString(),
    crs: options.crs,
    sample,
    listings,
  };
  const report: ImportReport = {
    accepted,
    rejected: rows.length - accepted,
    rows,
    fileErrors: [],
    notes,
    rowKind: table.rowKind,
  };
  return { inventory, report };
}

/** A report for a file that could not be read at all: its file errors, no rows. */
export function fileErrorReport(fileErrors: ImportMessage[]): ImportReport {
  return { accepted: 0, rejected: 0, rows: [], fileErrors, notes: [] };
}

/** Whether a format is one the import reads, by file name, for the file picker's `accept`. */
export const ACCEPT = '.csv,.tsv,.txt,.geojson,.json,.kml';

export { detectFormat };
