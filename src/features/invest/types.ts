import type { Mapping } from '../../lib/import/mapping.ts';
import type { Crs } from '../../lib/import/types.ts';

/** Kinds of space a listing offers. */
export const SPACE_TYPES = ['office', 'lab', 'light_industrial', 'incubator_desk', 'coworking', 'other'] as const;
export type SpaceType = (typeof SPACE_TYPES)[number];

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
  /**
   * The position as the file wrote it, before conversion from the inventory's coordinate system: kept so that the
   * system can be changed after the import without reading the file again (absent on sample and older listings).
   */
  written?: [number, number];
  /** The listing's own words in English where they are known (the team's sample gives them): English readers get these. */
  en?: ListingEnglish;
  /** True for the team's sample inventory: not real offers. */
  sample: boolean;
  /** The row (CSV) or feature number (GeoJSON/KML) the listing was read from, as in the import report. */
  row?: number;
}

/** A listing's words that have an English version beside the file's own. */
export type ListingEnglish = Partial<Pick<Listing, 'name' | 'building' | 'address' | 'operator'>>;

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
  /** SHA-256 of the imported file's bytes, to recognise it imported again; absent on inventories kept before. */
  sha256?: string;
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
export type FieldMapping = Mapping<ListingField>;

/** The marker the sample file writes as each listing's source (data: the panels show the sample's words in the reader's language). */
export const SAMPLE_MARKER = '示例数据 / sample listings — not real offers';

/** Id and name of the team's sample inventory. */
export const SAMPLE_INVENTORY_ID = 'sample';
export const SAMPLE_INVENTORY_NAME = '示例数据 / Sample listings';
