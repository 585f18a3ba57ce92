/**
 * The nearest station to a place, in the manner of a Turf module: plain GeoJSON in, an options object with
 * defaults, inputs never mutated. No Svelte or MapLibre here; the feature card calls it.
 *
 * Distances are great-circle (haversine, Turf's earth radius): from the station to the nearest point of the target —
 * the point itself, the nearest point of a line, the nearest edge of a polygon (0 when the station lies inside it).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { Feature, Geometry, Point, Position } from 'geojson';
import type { SearchEntry } from '../search/types.ts';

export type NearestUnits = 'meters' | 'kilometers';

export interface NearestOptions {
  /** Units of the returned distance; default `'meters'`. */
  units?: NearestUnits;
}

export interface NearestResult<S> {
  /** The station as it was passed in (the same object). */
  station: S;
  /** Straight-line (great-circle) distance from the station to the target, in `units`. */
  distance: number;
}

/** Turf's earth radius (metres), which @turf/distance uses: the bound below must match it. */
const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;
/** Margin for rounding in the exact measures when comparing them with the lower bound. */
const SLACK = 0.999;

/**
 * The station nearest to `target`, or null when there is no station (or the target has no geometry).
 *
 * @param target a GeoJSON Feature or Geometry (Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon,
 *   GeometryCollection) or a `[lon, lat]` position
 * @param stations search entries (their `lon`/`lat`) or Point features; entries without finite coordinates are skipped
 * @param options `units`: `'meters'` (default) or `'kilometers'`
 */
export function nearestStation<S extends SearchEntry | Feature<Point>>(
  target: Feature | Geometry | Position,
  stations: readonly S[],
  options: NearestOptions = {},
): NearestResult<S> | null {
  const units = options.units ?? 'meters';
  const geometry = toGeometry(target);
  if (!geometry || stations.length === 0) return null;
  const parts = flatten(geometry);
  if (parts.length === 0) return null;
  const box = bboxOf(parts);
  if (!box) return null;

  let best: { station: S; metres: number } | null = null;
  for (const station of stations) {
    const pos = stationPosition(station);
    if (!pos) continue;
    // Cheap bound first: a station farther from the target's extent than the best so far cannot win.
    if (best && lowerBoundMetres(pos, box) * SLACK >= best.metres) continue;
    let metres = Infinity;
    for (const part of parts) {
      metres = Math.min(metres, metresTo(pos, part));
      if (metres === 0) break;
    }
    if (!best || metres < best.metres) best = { station, metres };
    if (best.metres === 0) break; // nothing is nearer than inside
  }
  if (!best || !Number.isFinite(best.metres)) return null;
  return { station: best.station, distance: units === 'kilometers' ? best.metres / 1000 : best.metres };
}

/**
 * Straight-line (great-circle) distance from a point to the nearest point of a geometry: 0 on or inside it. Null when
 * the geometry has no valid part.
 *
 * @param from a `[lon, lat]` position
 * @param target a GeoJSON Feature or Geometry, or a `[lon, lat]` position
 * @param options `units`: `'meters'` (default) or `'kilometers'`
 */
export function distanceToGeometry(from: Position, target: Feature | Geometry | Position, options: NearestOptions = {}): number | null {
  const geometry = toGeometry(target);
  if (!geometry || !isPosition(from)) return null;
  let metres = Infinity;
  for (const part of flatten(geometry)) {
    metres = Math.min(metres, metresTo(from, part));
    if (metres === 0) break;
  }
  if (!Number.isFinite(metres)) return null;
  return options.units === 'kilometers' ? metres / 1000 : metres;
}

type Part =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] };

function toGeometry(target: Feature | Geometry | Position): Geometry | null {
  if (Array.isArray(target)) return isPosition(target) ? { type: 'Point', coordinates: target } : null;
  if (!target || typeof target !== 'object') return null;
  if (target.type === 'Feature') return (target as Feature).geometry ?? null;
  return target as Geometry;
}

/** Splits a geometry into points, lines and polygons (references into the input, never copies that are changed). */
function flatten(g: Geometry): Part[] {
  switch (g.type) {
    case 'Point':
      return isPosition(g.coordinates) ? [{ type: 'Point', coordinates: g.coordinates }] : [];
    case 'MultiPoint':
      return g.coordinates.filter(isPosition).map((coordinates) => ({ type: 'Point' as const, coordinates }));
    case 'LineString':
      return lineParts([g.coordinates]);
    case 'MultiLineString':
      return lineParts(g.coordinates);
    case 'Polygon':
      return polygonParts([g.coordinates]);
    case 'MultiPolygon':
      return polygonParts(g.coordinates);
    case 'GeometryCollection':
      return g.geometries.flatMap(flatten);
    default:
      return [];
  }
}

function lineParts(lines: Position[][]): Part[] {
  return lines.flatMap((coordinates): Part[] => {
    const valid = coordinates.filter(isPosition);
    if (valid.length === 0) return [];
    if (valid.length === 1) return [{ type: 'Point', coordinates: valid[0]! }];
    return [{ type: 'LineString', coordinates: valid }];
  });
}

function polygonParts(polygons: Position[][][]): Part[] {
  return polygons
    .filter((rings) => rings.length > 0 && rings[0]!.length >= 4 && rings.every((r) => r.every(isPosition)))
    .map((coordinates) => ({ type: 'Polygon' as const, coordinates }));
}

function metresTo(pos: Position, part: Part): number {
  switch (part.type) {
    case 'Point':
      return distance(pos, part.coordinates, { units: 'meters' });
    case 'LineString':
      return nearestPointOnLine(part, pos, { units: 'meters' }).properties.pointDistance;
    case 'Polygon':
      if (booleanPointInPolygon(pos, part)) return 0;
      // Outside (or inside a hole): the distance to the nearest ring. Turf signs it negative inside; take its size.
      return Math.abs(pointToPolygonDistance(pos, part, { units: 'meters' }));
  }
}

function stationPosition(s: SearchEntry | Feature<Point>): Position | null {
  if ('type' in s && s.type === 'Feature') {
    const c = s.geometry?.coordinates;
    return c && isPosition(c) ? [c[0]!, c[1]!] : null;
  }
  const e = s as SearchEntry;
  const pos: Position = [e.lon, e.lat];
  return isPosition(pos) ? pos : null;
}

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[1]) <= 90
  );
}

type Box = [number, number, number, number];

function bboxOf(parts: Part[]): Box | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const add = (p: Position) => {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  };
  for (const part of parts) {
    if (part.type === 'Point') add(part.coordinates);
    else if (part.type === 'LineString') part.coordinates.forEach(add);
    else part.coordinates[0]!.forEach(add); // the outer ring bounds the polygon
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

const hav = (x: number) => Math.sin(x / 2) ** 2;

/**
 * A lower bound of the great-circle distance from `pos` to any point of `box`, from the haversine formula:
 * hav(d) = hav(Δφ) + cos φ₁ cos φ₂ hav(Δλ), each term bounded below over the box. (A box wider than 180° of
 * longitude gives no bound on Δλ.)
 */
function lowerBoundMetres(pos: Position, [w, s, e, n]: Box): number {
  const [lon, lat] = pos as [number, number];
  const dLat = lat < s ? s - lat : lat > n ? lat - n : 0;
  let dLon = 0;
  if (e - w < 180 && (lon < w || lon > e)) {
    const gap = (a: number, b: number) => {
      const d = Math.abs(a - b) % 360;
      return d > 180 ? 360 - d : d;
    };
    dLon = Math.min(gap(lon, w), gap(lon, e));
  }
  const cosMin = Math.max(0, Math.min(Math.cos(s * RAD), Math.cos(n * RAD)));
  const h = hav(dLat * RAD) + Math.cos(lat * RAD) * cosMin * hav(dLon * RAD);
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
