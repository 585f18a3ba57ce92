/**
 * "Near me", in the manner of a Turf module: plain GeoJSON and numbers in, an options object with defaults, inputs
 * never mutated. No Svelte, no MapLibre, no browser API: the state asks the browser for the position, this ranks
 * what is near it and says how far to trust the answer.
 */
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { distanceToGeometry } from '../../lib/data/nearest.ts';

/** A position fix as the browser gives it: where, and the radius (m) it is sure of at 68 %. */
export interface Fix {
  lon: number;
  lat: number;
  accuracy: number;
}

/** Beyond this radius (m) a fix cannot tell one street block from the next: the panel says so. */
export const LOW_ACCURACY_M = 300;
/** Farther than this (m) from Yangpu's outline, the map does not fly there: the visitor is in another part of the world. */
export const FAR_AWAY_M = 20_000;

export interface NearestOptions {
  /** How many to return (default 5). */
  limit?: number;
}

export interface Ranked<T> {
  item: T;
  /** Straight-line distance from the fix to the nearest point of the item (0 inside it), metres. */
  metres: number;
}

/**
 * The items nearest to `from`, nearest first; equal distances keep the input's order. Items whose geometry is
 * missing or invalid are left out (they have no distance), never placed at 0.
 *
 * @param from `[lon, lat]`
 * @param items anything
 * @param geometryOf where an item is: a GeoJSON Feature or Geometry or a `[lon, lat]` position, or null
 * @param options `limit` (default 5)
 */
export function nearestTo<T>(
  from: Position,
  items: readonly T[],
  geometryOf: (item: T) => Feature | Geometry | Position | null,
  options: NearestOptions = {},
): Ranked<T>[] {
  const limit = Math.max(0, Math.floor(options.limit ?? 5));
  const ranked: (Ranked<T> & { i: number })[] = [];
  items.forEach((item, i) => {
    const where = geometryOf(item);
    const metres = where ? distanceToGeometry(from, where) : null;
    if (metres !== null && Number.isFinite(metres)) ranked.push({ item, metres, i });
  });
  ranked.sort((a, b) => a.metres - b.metres || a.i - b.i);
  return ranked.slice(0, limit).map(({ item, metres }) => ({ item, metres }));
}

/** Where a fix stands with respect to the study area: inside, or how far outside its edge. */
export type Whereabouts = { inside: true } | { inside: false; metres: number };

/** Whether the fix lies in Yangpu's outline, else its distance to the edge; null without an outline. */
export function whereabouts(fix: Fix, area: Polygon | MultiPolygon | null): Whereabouts | null {
  if (!area) return null;
  const metres = distanceToGeometry([fix.lon, fix.lat], area);
  if (metres === null) return null;
  return metres === 0 ? { inside: true } : { inside: false, metres };
}
