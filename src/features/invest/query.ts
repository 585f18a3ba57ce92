// The investors' search as data (filters and sort): the link and the state need these with the first view, without
// the search code and its geometry.
import type { SpaceType } from './types.ts';

/** The two zones of the plan a listing can be searched in, by their plan feature id. */
export const ZONE_IDS = ['zone-future-valley', 'zone-yangshupu-belt'] as const;
export type ZoneId = (typeof ZONE_IDS)[number];
/** Where a listing must lie: inside one of the plan's zones, or inside the polygon the user drew. */
export type WithinChoice = ZoneId | 'drawn';

/** The investors' search. Every field is optional; an absent field does not filter. */
export interface ListingFilters {
  /** Floor area range, m² (inclusive). */
  areaMin?: number;
  areaMax?: number;
  /** Space types to keep (any of them). */
  types?: SpaceType[];
  /** Industries to keep: a listing passes when one of its industries contains one of these (case-insensitive). */
  industries?: string[];
  /** Rent range, 元/m²/day: a listing passes when its whole range lies within this one. */
  rentMin?: number;
  rentMax?: number;
  /** ISO date (YYYY-MM-DD): the space must be available on or before it. */
  availableBy?: string;
  /** Straight-line distance to the nearest metro station, at most this many metres. */
  stationWithinM?: number;
  /** Inside a zone of the plan or the drawn polygon. */
  within?: WithinChoice;
}

/** Keys the results can be sorted by. */
export const SORT_KEYS = ['station', 'area', 'rent', 'available'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface ListingSort {
  key: SortKey;
  /** Largest (or latest) first. */
  desc: boolean;
}
/** Nearest to a metro station first: what most investors ask first. */
export const DEFAULT_SORT: ListingSort = { key: 'station', desc: false };
