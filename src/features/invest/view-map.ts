/**
 * How the investors' view meets the map and the plan (pure, no Svelte or MapLibre): the listings as map points,
 * and the stations, zones and science parks the filters and cards measure against.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import type { PlanOutputCollection } from '../../lib/data/plan-schema.ts';
import { listingFeatureId } from './layers.ts';
import type { SearchEntry } from '../../lib/search/types.ts';
import type { FactsContext } from './compare.ts';
import { ZONE_IDS, type ZoneId } from './query.ts';
import type { CrsReferences } from './import.ts';
import type { Listing } from './types.ts';

/** Which listings the map shows: the registry rows of imported and sample listings switch them. */
export interface OverlayOptions {
  imported: boolean;
  sample: boolean;
}

/**
 * The listings as map points with numeric ids (feature-state needs them in a clustered source). Properties are
 * only what the style draws and the click needs: `lid` (the listing id), `name` (and `name_en`), `sample`.
 */
export function listingsOverlay(listings: readonly Listing[], options: OverlayOptions): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const l of listings) {
    if (l.sample ? !options.sample : !options.imported) continue;
    features.push({
      type: 'Feature',
      id: listingFeatureId(l.id),
      properties: { lid: l.id, name: l.name, name_en: l.en?.name ?? l.name, sample: l.sample },
      geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Metro stations of the search index. */
export const stationsOf = (places: readonly SearchEntry[]): SearchEntry[] => places.filter((p) => p.kind === 'station');

/**
 * The places an imported file's coordinate system is judged against (see lib/import/crs-detect.ts): the metro
 * stations (OpenStreetMap, ±30 m), the plan's places located to a known precision, and the campus outlines that are
 * not indicative. Stations carry both names; the judgement ignores places known less precisely than the shift.
 */
export function crsReferences(plan: PlanOutputCollection | null, places: readonly SearchEntry[]): CrsReferences {
  const features = plan?.features ?? [];
  return {
    places: [
      ...stationsOf(places).map((s) => ({ lonlat: [s.lon, s.lat] as [number, number], names: [s.name_zh, s.name_en], precisionM: 30 })),
      ...features
        .filter((f) => f.geometry?.type === 'Point' && typeof f.properties.precision_m === 'number')
        .map((f) => ({
          lonlat: (f.geometry as unknown as Point).coordinates.slice(0, 2) as [number, number],
          names: [f.properties.name_zh, f.properties.name_en],
          precisionM: f.properties.precision_m as number,
        })),
    ],
    outlines: features
      .filter((f) => f.properties.class === 'campus' && !f.properties.indicative && f.geometry?.type === 'Polygon')
      .map((f) => ({ name: f.properties.name_zh, rings: (f.geometry as unknown as Polygon).coordinates as [number, number][][] })),
  };
}

/** The plan's zones, science parks and the stations, as the cards and the compare view measure against them. */
export function factsContext(plan: PlanOutputCollection | null, places: readonly SearchEntry[]): FactsContext {
  const features = plan?.features ?? [];
  const named = (f: (typeof features)[number]) => ({ id: f.properties.id, name_zh: f.properties.name_zh, name_en: f.properties.name_en });
  return {
    stations: stationsOf(places),
    zones: features
      .filter((f) => f.properties.class === 'zone' && (ZONE_IDS as readonly string[]).includes(f.properties.id) && /Polygon$/.test(f.geometry?.type ?? ''))
      .map((f) => ({ ...named(f), geometry: f.geometry as unknown as Polygon | MultiPolygon })),
    parks: features
      .filter((f) => f.properties.class === 'university_science_park' && f.geometry)
      .map((f) => ({ ...named(f), geometry: f.geometry as unknown as Geometry })),
  };
}

/** The zone outlines by zone id, for the "inside 未来谷 / 杨数浦" filter. */
export function zoneShapes(context: FactsContext): Partial<Record<ZoneId, Polygon | MultiPolygon>> {
  return Object.fromEntries(context.zones.map((z) => [z.id, z.geometry]));
}

/** The extent of some listings, for fitting the map to them; null when there are none. */
export function listingsBbox(listings: readonly Listing[]): [number, number, number, number] | null {
  if (!listings.length) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const l of listings) {
    w = Math.min(w, l.lon);
    e = Math.max(e, l.lon);
    s = Math.min(s, l.lat);
    n = Math.max(n, l.lat);
  }
  return [w, s, e, n];
}
