import { kml as kmlToGeoJSON } from '@tmcw/togeojson';
import type { Feature, Geometry, Position } from 'geojson';
import Papa from 'papaparse';
import { polygonLabelPoint } from '../data/label-point.ts';
import { keepColumns } from './mapping.ts';
import { message } from './messages.ts';
import { parseCoordinate, parseNumber } from './values.ts';
import { geojsonCrs, kmlTool } from './meta.ts';
import type { ImportFormat, ImportMessage, ImportTable, TableMeta, TableRow } from './types.ts';

/** Something with the `DOMParser` interface: the browser's own, or `@xmldom/xmldom`'s in Node. */
export interface DomParserLike {
  parseFromString(text: string, mimeType: 'text/xml'): unknown;
}

export interface ParseOptions {
  /** Most data rows (or features) a file may hold. */
  maxRows?: number;
  /** Most columns (or distinct properties) a file may hold: above it the file is refused, unread. */
  maxColumns?: number;
  /** Most columns kept of a file that holds more: the others are dropped, with a note naming them. */
  maxKept?: number;
  /**
   * Which columns are worth keeping when a file holds more than `maxKept` (those an import can map); the rest of
   * the room goes to the columns filled most often.
   */
  keep?: (header: string) => boolean;
  /** Parser for KML; defaults to the global `DOMParser` (browsers). */
  domParser?: DomParserLike;
  /**
   * Whether a delimited file's rows whose first cell starts with "#" are comments (a template's explanation and
   * example): skipped, and listed in a note. Off by default: a listing's name may start with "#".
   */
  comments?: boolean;
}

export type ParseResult = { table: Omit<ImportTable, 'fileName' | 'encoding'> } | { fileErrors: ImportMessage[] };

// An overpass export carries a column per tag key: hundreds are read, a few are kept. Thousands are refused
// unread: no table has use for them.
const DEFAULTS = { maxRows: 5000, maxColumns: 2000, maxKept: 200, comments: false };

const extension = (fileName: string): string => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * The format of a file, from its extension and, when that says nothing, its content. Returns null when neither
 * gives a format the import reads.
 */
export function detectFormat(fileName: string, text: string): ImportFormat | null {
  const ext = extension(fileName);
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  const head = text.slice(0, 2048).trimStart();
  if (/^[{[]/.test(head)) return 'geojson';
  if (/^</.test(head)) return /<kml[\s>]/i.test(head) ? 'kml' : null;
  if (ext === 'txt' || ext === '') {
    const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
    if (firstLine.includes('\t')) return 'tsv';
    if (/[,;|，]/.test(firstLine)) return 'csv';
  }
  return null;
}

/** Parses decoded text into a table of rows; the file's own errors (bad JSON, not KML, no rows) come back alone. */
export function parseText(text: string, format: ImportFormat, options: ParseOptions = {}): ParseResult {
  const opts = { ...DEFAULTS, ...options };
  if (/^\s*<(!doctype\s+html|html[\s>])/i.test(text)) return { fileErrors: [message('file-format-unknown')] };
  const parsed =
    format === 'csv' || format === 'tsv' ? parseDelimited(text, format, opts) : format === 'geojson' ? parseGeoJSON(text, opts) : parseKml(text, opts);
  return 'table' in parsed ? { table: keepColumns(parsed.table, opts.maxKept, opts.keep) } : parsed;
}

/** Makes header names unique and non-blank, noting each rename. */
function uniqueHeaders(raw: string[], notes: ImportMessage[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = h.replace(/\s+/g, ' ').trim();
    if (!name) {
      name = `#${i + 1}`;
      notes.push(message('header-blank', { column: i + 1, renamed: name }));
    }
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 1) {
      const renamed = `${name} (${count})`;
      notes.push(message('header-renamed', { header: name, renamed }));
      seen.set(renamed, 1);
      return renamed;
    }
    return name;
  });
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The delimiter of a delimited file, read from its header line: the candidate found most often outside quotes
 * (ties go to the earlier one; none at all means one column, read as comma-separated). Guessing from the data
 * rows instead (papaparse's own guess) is fooled by data: a short file whose cells hold "|,|" was read as
 * pipe-separated and lost its columns.
 */
export function headerDelimiter(text: string): (typeof DELIMITERS)[number] {
  const end = text.search(/\r\n?|\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best: (typeof DELIMITERS)[number] = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

function parseDelimited(text: string, format: 'csv' | 'tsv', opts: typeof DEFAULTS): ParseResult {
  const parsed = Papa.parse<string[]>(text, {
    delimiter: format === 'tsv' ? '\t' : headerDelimiter(text),
    skipEmptyLines: false,
  });
  const records = parsed.data;
  // An unclosed quote swallows the rest of the file into one cell: that row says so.
  const quoteErrors = new Map<number, 'row-bad-quotes' | 'row-unclosed-quote'>();
  for (const e of parsed.errors) {
    if (e.type !== 'Quotes' || e.row === undefined) continue;
    if (e.code === 'MissingQuotes' || !quoteErrors.has(e.row)) {
      quoteErrors.set(e.row, e.code === 'MissingQuotes' ? 'row-unclosed-quote' : 'row-bad-quotes');
    }
  }
  const notes: ImportMessage[] = [];
  const comment = (r: string[] | undefined) => opts.comments && !!r && (r[0] ?? '').trimStart().startsWith('#');
  const commentRows: number[] = [];

  // Excel sheets often open with a title row (one merged cell) above the real headers.
  let headerAt = records.findIndex((r) => !isBlank(r) && !comment(r));
  if (headerAt < 0) return { fileErrors: [message('file-no-header')] };
  const filled = (r: string[] | undefined) => (r ? r.filter((c) => c.trim() !== '').length : 0);
  if (filled(records[headerAt]) === 1 && filled(records[headerAt + 1]) >= 3) {
    notes.push(message('title-row-skipped', { row: headerAt + 1 }));
    headerAt++;
  }
  for (let i = 0; i < headerAt; i++) if (comment(records[i])) commentRows.push(i + 1);
  const headerCells = records[headerAt]!;
  if (headerCells.length > opts.maxColumns) {
    return { fileErrors: [message('file-too-many-columns', { columns: headerCells.length, max: opts.maxColumns })] };
  }
  const next = records.slice(headerAt + 1, headerAt + 40).filter((r) => !isBlank(r) && !comment(r));
  // An export with no header row (Amap's, say) starts with a record: read it as one rather than lose it.
  const headerless = firstRowIsData(headerCells, next.slice(0, 5));
  if (headerless) notes.push(message('header-row-missing', { row: headerAt + 1 }));
  const headers = headerless ? headerCells.map((_, k) => generatedHeader(k)) : uniqueHeaders(headerCells, notes);
  const rows: TableRow[] = [];
  let dataRows = 0;
  for (let i = headerless ? headerAt : headerAt + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (isBlank(cells) && !quoteErrors.has(i)) continue;
    if (comment(cells) && !quoteErrors.has(i)) {
      commentRows.push(i + 1);
      continue;
    }
    dataRows++;
    if (dataRows > opts.maxRows) continue;
    const row: TableRow = { row: i + 1, values: {} };
    headers.forEach((h, k) => (row.values[h] = cells[k] ?? ''));
    const quoteError = quoteErrors.get(i);
    if (quoteError) row.errors = [message(quoteError)];
    else if (cells.length > headers.length && !isBlank(cells.slice(headers.length))) {
      row.errors = [message('row-too-many-cells', { found: cells.length, expected: headers.length })];
    } else if (cells.length < headers.length) {
      row.notes = [message('row-cells-missing', { found: cells.length, expected: headers.length })];
    }
    rows.push(row);
  }
  if (dataRows > opts.maxRows) return { fileErrors: [message('file-too-many-rows', { rows: dataRows, max: opts.maxRows })] };
  if (rows.length === 0) return { fileErrors: [message('file-no-rows')] };
  if (commentRows.length) notes.push(message('comment-rows-skipped', { count: commentRows.length, rows: commentRows.join(', ') }));
  const detected = format === 'csv' && parsed.meta.delimiter === '\t' ? 'tsv' : format;
  return { table: { format: detected, rowKind: 'row', headers, rows, notes, ...(headerless && { headerless: true as const }) } };
}

/** The name of a column read without a header row: its number, as a blank header is named. */
const generatedHeader = (k: number): string => `#${k + 1}`;

const isFigure = (cell: string): boolean => Number.isFinite(parseNumber(cell)) || Number.isFinite(parseCoordinate(cell));

/**
 * Whether a delimited file's first row is a record, not headers: it holds at least two figures (a header is words)
 * and the rows below hold figures in those columns too. Headers never do that, a template's included.
 */
export function firstRowIsData(first: readonly string[], below: readonly (readonly string[])[]): boolean {
  const figures = first.flatMap((c, k) => (isFigure(c) ? [k] : []));
  if (figures.length < 2 || below.length === 0) return false;
  // Years as headers ("2024,2025" over each year's figures) are headers all the same.
  if (figures.every((k) => /^(19|20)\d\d$/.test(first[k]!.trim()))) return false;
  return below.every((r) => figures.every((k) => (r[k] ?? '').trim() === '' || isFigure(r[k]!)));
}

/**
 * A table whose header row was in question (`headerless` set), read again with its first row as the headers
 * (`isHeader`: what the user says when the guess was wrong) or, undoing that, as data. Any other table, or one
 * already read that way, is returned as it is.
 */
export function toggleHeaderRow<T extends Omit<ImportTable, 'fileName' | 'encoding'>>(table: T, isHeader: boolean): T {
  if (table.headerless === undefined || table.headerless === !isHeader) return table;
  const notes = table.notes.filter((n) => n.code !== 'header-row-missing' && n.code !== 'header-renamed' && n.code !== 'header-blank');
  if (isHeader) {
    const [first, ...rest] = table.rows;
    if (!first) return table;
    const headers = uniqueHeaders(
      table.headers.map((h) => first.values[h] ?? ''),
      notes,
    );
    const rows = rest.map((r) => ({ ...r, values: Object.fromEntries(headers.map((h, k) => [h, r.values[table.headers[k]!] ?? ''])) }));
    return { ...table, headers, rows, notes, headerless: false };
  }
  const headers = table.headers.map((_, k) => generatedHeader(k));
  const row = (table.rows[0]?.row ?? 2) - 1;
  const first = { row, values: Object.fromEntries(headers.map((h, k) => [h, table.headers[k]!])) };
  const rows = [first, ...table.rows.map((r) => ({ ...r, values: Object.fromEntries(headers.map((h, k) => [h, r.values[table.headers[k]!] ?? ''])) }))];
  return { ...table, headers, rows, notes: [...notes, message('header-row-missing', { row })], headerless: true };
}

/** A property value as cell text: primitives as written, arrays joined, KML's HTML descriptions by their text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return value.map((v) => (v === null ? '' : String(v))).join(', ');
  }
  if (typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') {
    return (value as { value: string }).value;
  }
  return JSON.stringify(value);
}

const isPosition = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';

/** The point a geometry stands for, or why it has none. Polygons give a point inside them (pole of inaccessibility). */
function geometryPoint(
  geometry: Geometry | null | undefined,
  format: 'geojson' | 'kml',
): { lonlat?: [number, number]; error?: ImportMessage; note?: ImportMessage } {
  if (!geometry) return {};
  const unsupported = (type: string) => ({ error: message('row-geometry-unsupported', { type }) });
  switch (geometry.type) {
    case 'Point':
      if (!isPosition(geometry.coordinates)) return { error: message('row-bad-coordinates', { value: cellText(geometry.coordinates) }) };
      return { lonlat: [geometry.coordinates[0]!, geometry.coordinates[1]!] };
    case 'MultiPoint':
      if (geometry.coordinates.length === 1 && isPosition(geometry.coordinates[0])) {
        return { lonlat: [geometry.coordinates[0][0]!, geometry.coordinates[0][1]!] };
      }
      return unsupported('MultiPoint');
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      const valid = polygons.filter((p) => p.length > 0 && p.every((ring) => ring.every(isPosition)));
      // The largest part stands for a multipolygon: a park's main site.
      const p = polygonLabelPoint(valid, { precision: 1e-5 });
      if (!p) return unsupported(geometry.type);
      return { lonlat: [p[0]!, p[1]!], note: message('row-polygon-point') };
    }
    case 'GeometryCollection': {
      const points = geometry.geometries.filter((g) => g.type === 'Point');
      if (geometry.geometries.length === 1 && points.length === 1) return geometryPoint(points[0], format);
      // A KML author wrote a MultiGeometry: the name togeojson gives it is not one they would know.
      return unsupported(format === 'kml' ? 'MultiGeometry' : 'GeometryCollection');
    }
    default:
      return unsupported(geometry.type);
  }
}

/** Features to rows: properties become cells (keys in first-seen order), point geometry the position. */
function featuresToTable(
  features: Feature<Geometry | null>[],
  format: 'geojson' | 'kml',
  opts: typeof DEFAULTS,
  skip: ReadonlySet<string> = new Set(),
): ParseResult {
  if (features.length === 0) return { fileErrors: [message('file-no-rows')] };
  if (features.length > opts.maxRows) {
    const code = format === 'kml' ? 'file-too-many-placemarks' : 'file-too-many-features';
    return { fileErrors: [message(code, { rows: features.length, max: opts.maxRows })] };
  }
  const headers: string[] = [];
  const known = new Set<string>();
  const rows: TableRow[] = features.map((f, i) => {
    const row: TableRow = { row: i + 1, values: {} };
    const props = f && typeof f === 'object' && f.properties && typeof f.properties === 'object' ? f.properties : {};
    for (const [key, value] of Object.entries(props)) {
      const name = key.replace(/\s+/g, ' ').trim();
      if (!name || skip.has(name)) continue;
      if (!known.has(name)) {
        known.add(name);
        headers.push(name);
      }
      row.values[name] = cellText(value);
    }
    const id = f && typeof f === 'object' ? (f as { id?: unknown }).id : undefined;
    if (typeof id === 'string' || typeof id === 'number') row.ref = String(id);
    const geometry = f && typeof f === 'object' ? f.geometry : null;
    const point = geometry && typeof geometry === 'object' ? geometryPoint(geometry, format) : {};
    if (point.lonlat) row.lonlat = point.lonlat;
    if (point.error) row.errors = [point.error];
    if (point.note) row.notes = [point.note];
    return row;
  });
  if (headers.length > opts.maxColumns) {
    return { fileErrors: [message('file-too-many-columns', { columns: headers.length, max: opts.maxColumns })] };
  }
  for (const row of rows) for (const h of headers) row.values[h] ??= '';
  return { table: { format, rowKind: 'feature', headers, rows, notes: [] } };
}

/**
 * Why JSON did not parse, in the reader's words: the line and character where the engine's message gives a
 * position (its wording differs between browsers and is English only), else that it is not JSON.
 */
function jsonError(text: string, e: unknown): ImportMessage {
  const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!at) return message('file-json-invalid');
  const before = text.slice(0, Number(at[1])).split(/\r\n?|\n/);
  return message('file-json-invalid-at', { line: before.length, column: before.at(-1)!.length + 1 });
}

function parseGeoJSON(text: string, opts: typeof DEFAULTS): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { fileErrors: [jsonError(text, e)] };
  }
  const obj = json as { type?: unknown; features?: unknown; crs?: unknown };
  if (obj && typeof obj === 'object' && obj.type === 'FeatureCollection' && Array.isArray(obj.features)) {
    return withMeta(featuresToTable(obj.features as Feature<Geometry | null>[], 'geojson', opts), { crs: geojsonCrs(obj) });
  }
  if (obj && typeof obj === 'object' && obj.type === 'Feature') {
    return featuresToTable([obj as Feature<Geometry | null>], 'geojson', opts);
  }
  return { fileErrors: [message('file-not-geojson')] };
}

// togeojson turns KML styles, times and visibility into properties: none of them describes an offer.
const KML_STYLE_KEYS = new Set([
  'styleUrl',
  'styleHash',
  'styleMapHash',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'fill',
  'fill-opacity',
  'icon',
  'icon-scale',
  'icon-color',
  'icon-opacity',
  'icon-heading',
  'icon-offset',
  'icon-offset-units',
  'label-color',
  'label-scale',
  'label-opacity',
  'visibility',
  'timestamp',
  'timespan',
  'coordinateProperties',
  '@geometry-type',
]);

interface XmlDocLike {
  documentElement?: { localName?: string | null; nodeName?: string } | null;
  getElementsByTagName(name: string): { length: number };
}

function parseKml(text: string, opts: typeof DEFAULTS & { domParser?: DomParserLike }): ParseResult {
  const fail = (m: ImportMessage): ParseResult => ({ fileErrors: [m] });
  // The parser's own words (a library's, in English) are all a broken file can be described with.
  const invalid = (detail: string): ParseResult => fail(message('file-kml-invalid', { detail }));
  // Entity declarations are how XML bombs and external fetches start; KML never needs them.
  if (/<!ENTITY/i.test(text)) return fail(message('file-kml-entities'));
  const parser = opts.domParser ?? (typeof DOMParser === 'undefined' ? undefined : new DOMParser());
  if (!parser) return fail(message('file-kml-no-parser'));
  let doc: XmlDocLike;
  try {
    doc = parser.parseFromString(text, 'text/xml') as XmlDocLike;
  } catch {
    return fail(message('file-kml-syntax'));
  }
  if (!doc || doc.getElementsByTagName('parsererror').length > 0) return fail(message('file-kml-syntax'));
  const root = doc.documentElement;
  const rootName = (root?.localName ?? root?.nodeName ?? '').replace(/^.*:/, '');
  if (rootName !== 'kml') return fail(message('file-kml-root', { root: rootName || '?' }));
  let collection: { features: Feature<Geometry | null>[] };
  try {
    collection = kmlToGeoJSON(doc as unknown as Document);
  } catch (e) {
    return invalid(e instanceof Error ? e.message : String(e));
  }
  return withMeta(featuresToTable(collection.features, 'kml', opts, KML_STYLE_KEYS), { tool: kmlTool(text) });
}

const withMeta = (result: ParseResult, meta: TableMeta): ParseResult => {
  const kept = Object.fromEntries(Object.entries(meta).filter(([, v]) => v)) as TableMeta;
  return 'table' in result && result.table && Object.keys(kept).length ? { table: { ...result.table, meta: kept } } : result;
};
