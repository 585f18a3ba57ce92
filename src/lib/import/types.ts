/** What every import shares: the file read into rows, the messages about it and the row-by-row report. */

/** Coordinate systems an operator's file may use; everything is converted to WGS-84 on import. */
export const CRS_CHOICES = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_CHOICES)[number];

/** A message about an import, worded by the UI from its code; `text` is the English wording, for tests and logs. */
export interface ImportMessage {
  code: string;
  params?: Record<string, string | number>;
  text: string;
}

/** What happened to one row (or feature) of a file. Rows are numbered as a spreadsheet shows them. */
export interface RowReport {
  row: number;
  accepted: boolean;
  messages: ImportMessage[];
}

/** The outcome of reading a file: how many rows were accepted, a row-by-row report, and file-level errors. */
export interface ImportReport {
  accepted: number;
  rejected: number;
  rows: RowReport[];
  /** Problems with the file as a whole (too big, binary, unknown format, broken encoding): nothing was read. */
  fileErrors: ImportMessage[];
  /** Notes that do not reject rows (the encoding was GBK, a column was ignored, points look offset). */
  notes: ImportMessage[];
  /** What `RowReport.row` counts: spreadsheet rows (CSV/TSV) or features (GeoJSON/KML). */
  rowKind?: 'row' | 'feature';
}

/** File formats the import reads. */
export const IMPORT_FORMATS = ['csv', 'tsv', 'geojson', 'kml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One row of a file (or one feature), its cells as text keyed by header. */
export interface TableRow {
  /** Row number as a spreadsheet shows it (header = 1), or the feature's number (from 1) in GeoJSON/KML. */
  row: number;
  values: Record<string, string>;
  /** Position from the feature's geometry (GeoJSON/KML), as written in the file (CRS not yet applied). */
  lonlat?: [number, number];
  /** The feature's own id (GeoJSON `id`, KML `id`), used in the listing id when present. */
  ref?: string;
  /** Problems found while reading the row (broken quotes, unsupported geometry): the row is rejected. */
  errors?: ImportMessage[];
  /** Remarks that do not reject the row (a polygon reduced to a point). */
  notes?: ImportMessage[];
}

/** A file read into rows, before mapping. */
export interface ImportTable {
  format: ImportFormat;
  fileName: string;
  /** The text encoding the file was decoded with: 'UTF-8', 'GB18030', 'UTF-16LE' or 'UTF-16BE'. */
  encoding: string;
  /** 'row' for CSV/TSV, 'feature' for GeoJSON/KML: what `TableRow.row` counts. */
  rowKind: 'row' | 'feature';
  headers: string[];
  rows: TableRow[];
  /** Notes about the file as a whole (encoding, renamed duplicate headers). */
  notes: ImportMessage[];
  /**
   * Whether the file's first row was read as data, columns numbered: true when it looked like the rows below it
   * (an export without headers), false when the user said it held headers after all; absent when never in question.
   */
  headerless?: boolean;
  /** Columns read but not kept (a file wider than an import keeps), in file order. */
  droppedColumns?: string[];
  /** What the file says about itself, for the choice of coordinate system (see crs-detect.ts). */
  meta?: TableMeta;
}

/** A file's word on its own coordinates. */
export interface TableMeta {
  /** A GeoJSON's `crs` member, as written: its `properties.name` (or `href`), e.g. "urn:ogc:def:crs:OGC:1.3:CRS84". */
  crs?: string;
  /** The tool that wrote a KML, as the file names it (its `<Document><name>`, a comment, a namespace), e.g. "2bulu". */
  tool?: string;
}
