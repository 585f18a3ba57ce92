/** Kinds of space a listing offers. */
export const SPACE_TYPES = ['office', 'lab', 'light_industrial', 'incubator_desk', 'coworking', 'other'] as const;
export type SpaceType = (typeof SPACE_TYPES)[number];

/** Coordinate systems an operator's file may use; everything is converted to WGS-84 on import. */
export const CRS_CHOICES = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_CHOICES)[number];

/** One offer of space, always in WGS-84. Text fields are plain text: shown as text, never as markup. */
export interface Listing {
  /** Unique across inventories: `<inventory id>:<row or feature id>`. */
  id: string;
  inventoryId: string;
  /** Park or building name as the operator gives it. */
  name: string;
  building?: string;
  address?: string;
  /** Floor area available, m². */
  areaM2: number;
  spaceType: SpaceType;
  /** Industry focus, as given (free text, one entry per industry). */
  industries: string[];
  /** Rent range, 元/m²/day. */
  rentMin?: number;
  rentMax?: number;
  /** ISO date (YYYY-MM-DD) from which the space is available. */
  availableFrom?: string;
  operator?: string;
  contact?: string;
  /** A web page about the offer: http(s) only; anything else is dropped on import. */
  url?: string;
  /** Where the information comes from, and its date (ISO). */
  source: string;
  sourceDate?: string;
  lon: number;
  lat: number;
  /** True for the team's sample inventory: not real offers. */
  sample: boolean;
  /** The row (CSV) or feature number (GeoJSON/KML) the listing was read from, as in the import report. */
  row?: number;
}

/** An inventory: one imported file (or the sample), kept until the user removes it. */
export interface Inventory {
  id: string;
  name: string;
  fileName: string;
  /** ISO timestamp of the import. */
  importedAt: string;
  /** The coordinate system the file was read in. */
  crs: Crs;
  sample: boolean;
  listings: Listing[];
}

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

/** The outcome of reading a file: accepted listings, a row-by-row report, and file-level errors. */
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

/**
 * Listing fields a file's columns can be mapped to. `rent` takes a single value or a range ("2.5-3.5");
 * `lonlat` takes both coordinates in one cell ("121.50,31.30").
 */
export const LISTING_FIELDS = [
  'name',
  'building',
  'address',
  'areaM2',
  'spaceType',
  'industries',
  'rentMin',
  'rentMax',
  'rent',
  'availableFrom',
  'operator',
  'contact',
  'url',
  'source',
  'sourceDate',
  'lon',
  'lat',
  'lonlat',
] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];

/** Which column (header) feeds each listing field; unmapped fields are absent. */
export type FieldMapping = Partial<Record<ListingField, string>>;

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
}

/** The marker sample data carries wherever it appears (layer name, cards, exports). Bilingual on purpose. */
export const SAMPLE_MARKER = '示例数据 / sample listings — not real offers';

/** Id and name of the team's sample inventory. */
export const SAMPLE_INVENTORY_ID = 'sample';
export const SAMPLE_INVENTORY_NAME = '示例数据 / Sample listings';
