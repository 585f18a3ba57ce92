/**
 * What the investors' card and compare view say about a listing's surroundings: nearest metro station, the
 * plan's zone it lies in, nearby national university science parks. Pure: plain data in, inputs never mutated.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { nearestStation } from '../../lib/data/nearest.ts';
import type { SearchEntry } from '../../lib/search/types.ts';
import type { Listing } from './types.ts';
import { compareRent, rentRange } from './filter.ts';

/** A named place of the map (station, zone, science park). */
export interface PlaceRef {
  id: string;
  name_zh: string;
  name_en: string;
}

/** A place and its straight-line distance (m) from the listing. */
export type PlaceAt = PlaceRef & { distanceM: number };

export interface ListingFacts {
  /** The nearest metro station; null when no station is known. */
  station: PlaceAt | null;
  /** The plan's zones the listing lies in (usually none or one). */
  zones: PlaceRef[];
  /** Science parks within the radius, nearest first. */
  parks: PlaceAt[];
}

/** What {@link listingFacts} measures against. */
export interface FactsContext {
  stations: readonly SearchEntry[];
  zones: readonly (PlaceRef & { geometry: Polygon | MultiPolygon })[];
  parks: readonly (PlaceRef & { geometry: Geometry })[];
}

export interface FactsOptions {
  /** How far a science park may be to count as nearby, m; default 1500. */
  parkRadiusM?: number;
}

/** The default radius for "nearby science parks", m: a 20-minute walk. */
export const PARK_RADIUS_M = 1500;

const ref = (p: PlaceRef): PlaceRef => ({ id: p.id, name_zh: p.name_zh, name_en: p.name_en });

/** Nearest station, zones and nearby science parks of one listing. */
export function listingFacts(listing: Listing, context: FactsContext, options: FactsOptions = {}): ListingFacts {
  const radius = options.parkRadiusM ?? PARK_RADIUS_M;
  const here: [number, number] = [listing.lon, listing.lat];
  const near = nearestStation(here, context.stations);
  const zones = context.zones.filter((z) => booleanPointInPolygon(here, z.geometry)).map(ref);
  const probe = [{ lon: listing.lon, lat: listing.lat } as SearchEntry];
  const parks: PlaceAt[] = [];
  for (const park of context.parks) {
    // Measured from the park's geometry (its point, or its outline's nearest edge) to the listing.
    const d = nearestStation(park.geometry, probe)?.distance;
    if (d !== undefined && d <= radius) parks.push({ ...ref(park), distanceM: d });
  }
  parks.sort((a, b) => a.distanceM - b.distanceM || a.id.localeCompare(b.id));
  return {
    station: near ? { ...ref(near.station), distanceM: near.distance } : null,
    zones,
    parks,
  };
}

/** The compared figures where one value is best. */
export const COMPARED = ['area', 'rent', 'available', 'station'] as const;
export type Compared = (typeof COMPARED)[number];

/**
 * Which listings are best on each compared figure: the largest area, the lowest rent (by {@link compareRent}: the
 * range's upper end, ties by its lower end), the earliest availability, the nearest station. Ties are all best;
 * unknown values never are; with fewer than two known values nothing is marked (there is nothing to compare).
 */
export function bestOf(listings: readonly Listing[], factsOf: (l: Listing) => ListingFacts | undefined): Record<Compared, Set<string>> {
  const plain = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);
  const pick = <V>(value: (l: Listing) => V | undefined, order: (a: V, b: V) => number, better: 'min' | 'max'): Set<string> => {
    const known = listings.map((l) => ({ id: l.id, v: value(l) })).filter((x): x is { id: string; v: V } => x.v !== undefined);
    if (known.length < 2) return new Set();
    const sign = better === 'min' ? 1 : -1;
    const target = known.reduce((best, x) => (sign * order(x.v, best) < 0 ? x.v : best), known[0]!.v);
    // All equal: no winner to point out.
    if (known.every((x) => order(x.v, target) === 0)) return new Set();
    return new Set(known.filter((x) => order(x.v, target) === 0).map((x) => x.id));
  };
  return {
    area: pick((l) => l.areaM2, plain, 'max'),
    rent: pick(rentRange, compareRent, 'min'),
    available: pick((l) => l.availableFrom, plain, 'min'),
    station: pick(
      (l) => {
        const d = factsOf(l)?.station?.distanceM;
        return d === undefined ? undefined : Math.round(d);
      },
      plain,
      'min',
    ),
  };
}
