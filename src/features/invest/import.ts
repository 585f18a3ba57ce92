import { checkPoint, SHANGHAI_BBOX, type BBox } from '../../lib/import/coords.ts';
import { detectCrs, type CrsDetection, type CrsOutline, type CrsReference, type CrsSample } from '../../lib/import/crs-detect.ts';
import { ignoredColumnsNote, type MissingPart } from '../../lib/import/mapping.ts';
import { CRS_NAMES, message } from '../../lib/import/messages.ts';
import { readFile, type ReadFileOptions, type ReadFileResult } from '../../lib/import/read.ts';
import { keyText, type KeptImport } from '../../lib/import/reimport.ts';
import { buildRows, freshId, rowReport } from '../../lib/import/rows.ts';
import type { TableImport } from '../../lib/import/spec.ts';
import { cleanText, NAME_MAX_LENGTH, safeUrl, type TextResult } from '../../lib/import/text.ts';
import type { Crs, ImportMessage, ImportReport, ImportTable } from '../../lib/import/types.ts';
import { parseCoordinate, parseCoordinatePair, parseDate } from '../../lib/import/values.ts';
import { isListingHeader, missingRequired, suggestListingColumns, suggestMapping } from './mapping.ts';
import { LISTING_FIELDS, type FieldMapping, type Inventory, type Listing, type ListingField } from './types.ts';
import { normaliseSpaceType, parseArea, parseRent, rentApproxNote, rentPeriod, splitIndustries } from './values.ts';

/*
 * The listings import: an operator's table (or map file) of offers into an inventory, with the row-by-row report.
 * Reading the file, cleaning text and the report's bookkeeping are the import kernel's (src/lib/import/); what a
 * listing needs (a name, a floor area, a position in Shanghai) and how its values read are here.
 */

/** Longest text kept per field; longer values are cut with a note (others: the kernel's default). */
const MAX_LENGTH: Partial<Record<ListingField, number>> = { name: NAME_MAX_LENGTH, building: NAME_MAX_LENGTH, contact: 200, url: 2000 };

/** A listing field's text as kept on a listing: the kernel's plain text, at most the field's length. */
export function cleanListingText(raw: string, field: ListingField): TextResult {
  return cleanText(raw, field, MAX_LENGTH[field]);
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
  /** Listings outside this box are refused (default: Shanghai). */
  bbox?: BBox;
}

/**
 * Turns a table into an inventory with the mapping and CRS the user chose, and reports on every row: accepted
 * or rejected, and why. Rows need a name (or building), a floor area and a position; an address alone is
 * reported, never geocoded. Text stays plain text; only http(s) links are kept.
 */
export function buildInventory(
  table: ImportTable,
  mapping: FieldMapping,
  options: BuildOptions,
): { inventory: Inventory; report: ImportReport; samples: CrsSample[] } {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const id = options.id ?? freshId('inv', now);
  const sample = options.sample ?? false;
  const bbox = options.bbox ?? SHANGHAI_BBOX;
  const hasGeometry = table.rows.some((r) => r.lonlat);
  const notes: ImportMessage[] = [...table.notes];

  for (const missing of missingRequired(mapping, hasGeometry)) notes.push(message(`mapping-missing-${missing}`));
  const ignored = ignoredColumnsNote(table.headers, mapping);
  if (ignored) notes.push(ignored);
  notes.push(options.crs === 'wgs84' ? message('crs-wgs84') : message('crs-converted', { crs: CRS_NAMES[options.crs] }));

  // A rent column's header may carry the unit: 租金(元/㎡/月) means every bare number in it is monthly.
  const headerPeriod = (h: string | undefined) => (h ? rentPeriod(h.replace(/^.*?[(（]/, '/')) : null) ?? 'day';
  const rentPeriods = {
    rent: headerPeriod(mapping.rent),
    rentMin: headerPeriod(mapping.rentMin),
    rentMax: headerPeriod(mapping.rentMax),
  };

  const refs = new Map<string, number>();
  const seen = new Map<string, number>();
  // Every position as written, whatever the reading: what the coordinate system is judged from.
  const samples: CrsSample[] = [];

  const { items: listings, rows } = buildRows<ListingField, Listing>(table, mapping, ({ row, cell, errors, notes: rowNotes }) => {
    const text = (field: ListingField): string => {
      const { value, notes: n } = cleanListingText(cell(field), field);
      rowNotes.push(...n);
      return value;
    };

    const building = text('building');
    const name = text('name') || building;
    if (!name) errors.push(message('row-no-name'));

    let areaM2 = NaN;
    const areaRaw = cell('areaM2').trim();
    if (!areaRaw) errors.push(message('row-no-area'));
    else {
      const area = parseArea(areaRaw);
      if (!area || area.value < 1 || area.value > 1_000_000) {
        errors.push(message('row-bad-area', { value: cleanListingText(areaRaw, 'areaM2').value.slice(0, 40) }));
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
    if (written && !coordError) samples.push(name ? { written, name } : { written });
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
      rowNotes.push(message('row-type-unknown', { value: cleanListingText(typeRaw, 'spaceType').value.slice(0, 40) }));
      spaceType = 'other';
    }

    let rentMin: number | undefined;
    let rentMax: number | undefined;
    const takeRent = (field: 'rent' | 'rentMin' | 'rentMax') => {
      const raw = cell(field).trim();
      if (!raw) return null;
      const r = parseRent(raw, rentPeriods[field]);
      if (r && 'error' in r) {
        rowNotes.push(message('row-bad-rent', { value: cleanListingText(raw, field).value.slice(0, 40) }));
        return null;
      }
      if (r && r.period !== 'day') rowNotes.push(message(r.period === 'month' ? 'row-rent-monthly' : 'row-rent-yearly'));
      // "约4.5" is kept as 4.5, but the report says the operator did not commit to it.
      const approx = r && rentApproxNote(raw, r);
      if (approx) rowNotes.push(approx);
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
      if (!d) rowNotes.push(message(code, { value: cleanListingText(raw, field).value.slice(0, 40) }));
      return d ?? undefined;
    };
    const availableFrom = dateOf('availableFrom', 'row-bad-available-date');
    const sourceDate = dateOf('sourceDate', 'row-bad-source-date');

    const urlRaw = cell('url').trim();
    let url: string | undefined;
    if (urlRaw) {
      const safe = safeUrl(cleanListingText(urlRaw, 'url').value);
      if (safe) url = safe;
      else rowNotes.push(message('row-url-dropped', { value: cleanListingText(urlRaw, 'url').value.slice(0, 60) }));
    }

    const industriesRaw = text('industries');
    const operator = text('operator');
    const contact = text('contact');
    const source = text('source') || table.fileName;

    if (errors.length || !lonlat) {
      return null;
    }

    // The same offer twice (same place, size, type and rent) is a copy, not a second offer.
    const key = JSON.stringify([name, building, areaM2, spaceType, lonlat[0].toFixed(5), lonlat[1].toFixed(5), rentMin, rentMax, availableFrom]);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(message('row-duplicate', { first }));
      return null;
    }
    seen.set(key, row.row);

    let localId = String(row.row);
    if (row.ref !== undefined) {
      // Ids travel in links (pins, the selection), which accept only [A-Za-z0-9_-]: anything else becomes "_".
      const ref =
        cleanListingText(row.ref, 'name')
          .value.replace(/[^A-Za-z0-9_-]/g, '_')
          .replace(/^[_-]+/, '')
          .slice(0, 40) || String(row.row);
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
      written: [written![0], written![1]],
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
    return listing;
  });

  const inventory: Inventory = {
    id,
    name: cleanListingText(options.name, 'name').value || table.fileName,
    fileName: table.fileName,
    importedAt: now.toISOString(),
    crs: options.crs,
    sample,
    listings,
  };
  return { inventory, report: rowReport(rows, notes, table.rowKind), samples };
}

// ---------------------------------------------------------------------------------------------------------
// The listings' spec of the shared import flow (see import-spec.ts for its words).

/** What the flow's build of a listings file gives: the inventory, and how its coordinate system was judged. */
export interface ListingResult {
  inventory: Inventory;
  /**
   * The clues to the file's coordinate system (the same whatever reading is chosen), worked out in a task of its
   * own after the review is shown: a file of thousands of points should not hold the page while it appears.
   */
  detection: Promise<CrsDetection>;
}

/** Places whose true positions are known (metro stations, the plan's precise places, campus outlines). */
export interface CrsReferences {
  places: readonly CrsReference[];
  outlines: readonly CrsOutline[];
}

/** What the build needs from the panel: the coordinate system chosen, and the known places it is judged against. */
export interface ListingOptions {
  crs: Crs;
  references: CrsReferences;
}

// The judgement depends on the file, its coordinate columns and the known places, not on the reading chosen: it is
// worked out once per table and mapping, not again at each change of the choice.
interface Judgement {
  key: string;
  references: CrsReferences;
  /** The judgement, in a task of its own. */
  promise: Promise<CrsDetection>;
  /** The judgement at once (the import itself needs it), worked out now if the later task has not yet come. */
  now: () => CrsDetection;
}
const judged = new WeakMap<ImportTable, Judgement>();
function judge(table: ImportTable, mapping: FieldMapping, samples: CrsSample[], references: CrsReferences): Judgement {
  const key = JSON.stringify([mapping.lon, mapping.lat, mapping.lonlat, mapping.name, mapping.building]);
  const kept = judged.get(table);
  if (kept && kept.key === key && kept.references === references) return kept;
  const coordinateHeaders = [mapping.lon, mapping.lat, mapping.lonlat].filter((h): h is string => Boolean(h));
  let value: CrsDetection | undefined;
  const now = () =>
    (value ??= detectCrs(samples, references, {
      format: table.format,
      fileName: table.fileName,
      ...(table.meta && { meta: table.meta }),
      coordinateHeaders,
    }));
  const judgement: Judgement = { key, references, now, promise: new Promise((done) => setTimeout(() => done(now()), 0)) };
  judged.set(table, judgement);
  return judgement;
}

/** The fields each part `missingRequired` names marks as required in the column step. */
const REQUIRED_FIELDS: Record<ReturnType<typeof missingRequired>[number], readonly ListingField[]> = {
  name: ['name'],
  area: ['areaM2'],
  coordinates: ['lon', 'lat', 'lonlat'],
};
const POSITION_FIELDS: readonly ListingField[] = ['lon', 'lat', 'lonlat'];
const hasPoints = (table: ImportTable) => table.rows.some((r) => r.lonlat);

/**
 * Reads a listings file: a wide file keeps the columns a listing can use first (see keepColumns). The same on the
 * page and in the import's worker (read.worker.ts), which passes xmldom's parser for KML.
 */
export const readListingFile = (file: { name: string; bytes: Uint8Array }, options: Pick<ReadFileOptions, 'domParser'> = {}): ReadFileResult =>
  readFile(file, { keep: isListingHeader, ...options });

/** The listings import as the shared flow runs it. */
export const LISTING_IMPORT: TableImport<ListingField, ListingResult, ListingOptions> = {
  read: (file) => readListingFile(file),
  // A file with its own points needs no coordinate columns.
  fields: (table) => (hasPoints(table) ? LISTING_FIELDS.filter((f) => !POSITION_FIELDS.includes(f)) : LISTING_FIELDS),
  suggest: suggestMapping,
  suggestNotes: (table) => suggestListingColumns(table.headers, table).notes,
  missing: (mapping, table): MissingPart<ListingField>[] =>
    missingRequired(mapping, hasPoints(table)).map((part) => ({ fields: REQUIRED_FIELDS[part], message: message(`mapping-missing-${part}`) })),
  build(table, mapping, { crs, references, name, final }) {
    const { inventory, report, samples } = buildInventory(table, mapping, { crs, name, fileName: table.fileName });
    const judgement = judge(table, mapping, samples, references);
    // The report keeps what the choice was made from.
    if (final) report.notes.push(...judgement.now().clues.map((c) => c.message));
    return { result: { inventory, detection: judgement.promise }, report };
  },
};

// ---------------------------------------------------------------------------------------------------------
// Re-imports (see lib/import/reimport.ts).

/**
 * A listing as a re-import compares it: the same offer is the same name, address (or, without one, position to
 * about a metre), floor area and kind of space, whatever the row's order, id or rent.
 */
export function listingKey(l: Listing): string {
  const where = l.address ? keyText(l.address) : `${l.lon.toFixed(5)},${l.lat.toFixed(5)}`;
  return JSON.stringify([keyText(l.name), where, l.areaM2, l.spaceType]);
}

/** A kept inventory as the re-import matching sees it. */
export function keptInventory(i: Inventory): KeptImport {
  return { id: i.id, name: i.name, fileName: i.fileName, importedAt: i.importedAt, sha256: i.sha256, keys: i.listings.map(listingKey) };
}

/**
 * A new inventory taking an old one's place: the old id, so that pins and selections of rows with the same id
 * (`<inventory>:<row or feature id>`) still find their listing.
 */
export function replacing(old: Inventory, next: Inventory): Inventory {
  const prefix = `${next.id}:`;
  return {
    ...next,
    id: old.id,
    listings: next.listings.map((l) => ({ ...l, id: `${old.id}:${l.id.startsWith(prefix) ? l.id.slice(prefix.length) : l.id}`, inventoryId: old.id })),
  };
}
