/**
 * Search and sort of listings for the investors' view, in the manner of a Turf module: plain data in, an options
 * (context) object, inputs never mutated. No Svelte or MapLibre here.
 *
 * A filter that is set demands that the listing *shows* it passes: a listing without a rent fails a rent filter,
 * one without an availability date fails "available by". Investors filter to find offers they can rely on; an
 * unknown value is not a match.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { nearestStation } from '../../lib/data/nearest.ts';
import type { SearchEntry } from '../../lib/search/types.ts';
import { drawnPolygon } from '../../lib/data/drawn-area.ts';
import type { Listing, SpaceType } from './types.ts';
import { industryMatches } from './industries.ts';

import type { ListingFilters, ListingSort, SortKey, ZoneId } from './query.ts';

/** What the filters need besides the listings. */
export interface FilterContext {
  /** Metro stations (search entries of kind 'station', or anything with lon/lat). */
  stations: readonly Pick<SearchEntry, 'lon' | 'lat'>[];
  /** Zone outlines by zone id; a missing zone lets no listing pass its filter (it cannot be checked). */
  zones: Partial<Record<ZoneId, Polygon | MultiPolygon>>;
  /** The drawn polygon's vertices, lon/lat (not closed). Fewer than three: the "drawn" filter does not apply yet. */
  area?: readonly [number, number][];
  /**
   * Distance (m) from a listing to its nearest station, when already known (the view caches it); computed
   * from `stations` otherwise. null: no station.
   */
  stationDistance?: (listing: Listing) => number | null | undefined;
}

/**
 * A listing's rent as [lowest, highest], yuan/m²/day; one stated end stands for both; undefined when none. Ends
 * stored the wrong way round (a hand-edited store) are put in order, so no filter is fooled by them.
 */
export function rentRange(l: Pick<Listing, 'rentMin' | 'rentMax'>): readonly [number, number] | undefined {
  const a = l.rentMin ?? l.rentMax;
  const b = l.rentMax ?? l.rentMin;
  return a === undefined || b === undefined ? undefined : [Math.min(a, b), Math.max(a, b)];
}

/**
 * How rents rank, cheapest first: by the range's upper end (the most the offer may cost), ties by its lower end.
 * Ranking by the lower end would put 4.2–4.8 before a flat 4.3, promising a price the operator has not committed
 * to. The list's order hint (Results.svelte) and compare's note say this rule to the reader. Negative: a is cheaper.
 */
export function compareRent(a: readonly [number, number], b: readonly [number, number]): number {
  return a[1] - b[1] || a[0] - b[0];
}

/** The number of filters that are set (a drawn area with fewer than three vertices counts as set). */
export function activeFilterCount(filters: ListingFilters): number {
  let n = 0;
  if (filters.areaMin !== undefined || filters.areaMax !== undefined) n++;
  if (filters.types?.length) n++;
  if (filters.industries?.length) n++;
  if (filters.rentMin !== undefined || filters.rentMax !== undefined) n++;
  if (filters.availableBy) n++;
  if (filters.stationWithinM !== undefined) n++;
  if (filters.within) n++;
  return n;
}

/** Distance (m) from the listing to its nearest station; null when there is none. */
export function stationDistanceOf(listing: Listing, stations: FilterContext['stations']): number | null {
  const found = nearestStation([listing.lon, listing.lat], stations as SearchEntry[]);
  return found ? found.distance : null;
}

/**
 * The listings that pass every filter that is set, in their input order (a new array; the listings themselves
 * are the same objects).
 */
export function filterListings(listings: readonly Listing[], filters: ListingFilters, context: FilterContext): Listing[] {
  const types = filters.types?.length ? new Set<SpaceType>(filters.types) : null;
  const industries = filters.industries?.filter((i) => i.trim() !== '') ?? [];
  const rentSet = filters.rentMin !== undefined || filters.rentMax !== undefined;
  const zone = filters.within && filters.within !== 'drawn' ? (context.zones[filters.within] ?? null) : null;
  const drawn = filters.within === 'drawn' ? drawnPolygon(context.area) : null;

  return listings.filter((l) => {
    if (filters.areaMin !== undefined && !(l.areaM2 >= filters.areaMin)) return false;
    if (filters.areaMax !== undefined && !(l.areaM2 <= filters.areaMax)) return false;
    if (types && !types.has(l.spaceType)) return false;
    // An industry the plan names matches in either language ("人工智能" finds "AI"); any other term by its words.
    if (industries.length && !industries.some((want) => l.industries.some((have) => industryMatches(have, want)))) return false;
    if (rentSet) {
      const range = rentRange(l);
      if (!range) return false;
      // The whole range must fit: an offer of 4.5–5.2 may well cost 5.2, so it is not "at most 4.5".
      if (filters.rentMax !== undefined && range[1] > filters.rentMax) return false;
      if (filters.rentMin !== undefined && range[0] < filters.rentMin) return false;
    }
    // ISO dates compare as strings.
    if (filters.availableBy && !(l.availableFrom && l.availableFrom <= filters.availableBy)) return false;
    if (filters.within && filters.within !== 'drawn' && !(zone && booleanPointInPolygon([l.lon, l.lat], zone))) return false;
    if (drawn && !booleanPointInPolygon([l.lon, l.lat], drawn)) return false;
    if (filters.stationWithinM !== undefined) {
      const d = context.stationDistance?.(l) ?? stationDistanceOf(l, context.stations);
      if (d === null || d === undefined || d > filters.stationWithinM) return false;
    }
    return true;
  });
}

type SortValue = number | string | readonly [number, number];

/** Orders two known sort values ascending; a rent range by {@link compareRent}. */
function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'object' && typeof b === 'object') return compareRent(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The value a listing is sorted by; undefined when unknown (unknowns go last in either direction). */
function sortValue(l: Listing, key: SortKey, stationDistance: (l: Listing) => number | null | undefined): SortValue | undefined {
  switch (key) {
    case 'area':
      return l.areaM2;
    case 'rent':
      return rentRange(l);
    case 'available':
      return l.availableFrom;
    case 'station':
      return stationDistance(l) ?? undefined;
  }
}

/**
 * The listings sorted by `sort` (a new array): unknown values last whichever the direction, ties by name and
 * then id so the order is stable across reloads.
 */
export function sortListings(
  listings: readonly Listing[],
  sort: ListingSort,
  stationDistance: (l: Listing) => number | null | undefined = () => undefined,
): Listing[] {
  const keyed = listings.map((l) => ({ l, v: sortValue(l, sort.key, stationDistance) }));
  keyed.sort((a, b) => {
    if (a.v === undefined || b.v === undefined) {
      if (a.v !== b.v) return a.v === undefined ? 1 : -1;
    } else {
      const c = compareValues(a.v, b.v);
      if (c !== 0) return sort.desc ? -c : c;
    }
    return a.l.name.localeCompare(b.l.name, 'zh-Hans') || (a.l.id < b.l.id ? -1 : a.l.id > b.l.id ? 1 : 0);
  });
  return keyed.map((k) => k.l);
}
