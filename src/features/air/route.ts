/**
 * One drone route's figures, in the manner of a Turf module (plain GeoJSON in, options objects with defaults,
 * inputs never mutated): its corridor — the centre line buffered to a width, between a base and a top altitude —
 * its geodesic length (Turf's haversine), its estimated flight time and its altitude profile.
 */
import buffer from '@turf/buffer';
import length from '@turf/length';
import type { Feature, LineString, Polygon, Position } from 'geojson';
import { boxOf } from '../../lib/data/box.ts';
import { dedupe, distinctCount } from './positions.ts';
import type { ProfilePoint } from './types.ts';

/** Default corridor width (m): 30 m either side of the centre line. */
export const DEFAULT_WIDTH_M = 60;
/** Default altitude band (m above ground): the plan dataset's band for its drone routes. */
export const DEFAULT_ALTITUDE: [number, number] = [60, 120];
/**
 * Default cruise speed (km/h). An assumption: multicopter delivery drones such as Meituan's cruise at about
 * 10 m/s = 36 km/h; no source gives the speed of Yangpu's routes.
 */
export const DEFAULT_CRUISE_KMH = 36;
/** Default climb and descent rate (m/s), an assumption typical of multicopters. */
export const DEFAULT_VERTICAL_MS = 3;
/** Default cruise altitude (m): the top of the default band. */
export const DEFAULT_CRUISE_ALTITUDE_M = 120;

export interface CorridorOptions {
  /** Full width (m), default 60. */
  widthM?: number;
  /** Altitude band [min, max] (m above ground), default [60, 120]. */
  altitude?: [number, number];
}

export interface FlightOptions {
  /** Cruise speed (km/h), default 36. */
  cruiseKmh?: number;
  /** Climb and descent rate (m/s), default 3. */
  verticalMs?: number;
  /** Cruise altitude (m above ground), default 120. */
  cruiseAltitudeM?: number;
}

/**
 * The corridor of a route: its centre line buffered by `widthM / 2` on each side, with round ends (Turf's buffer,
 * 8 segments per quarter circle), so its area is about length × width + π (width / 2)².
 *
 * @param line the centre line (WGS-84)
 * @param options `widthM` (default 60), `altitude` [min, max] (default [60, 120])
 * @returns a Polygon with properties `{ base, top, width_m }`
 * @throws Error when the line has fewer than two distinct points, or the width or altitudes are not valid
 */
export function corridor(line: Feature<LineString>, options: CorridorOptions = {}): Feature<Polygon> {
  const widthM = options.widthM ?? DEFAULT_WIDTH_M;
  const altitude = options.altitude ?? DEFAULT_ALTITUDE;
  if (!(Number.isFinite(widthM) && widthM > 0)) throw new Error(`corridor: width must be a positive number of metres, got ${widthM}`);
  if (!Array.isArray(altitude) || altitude.length !== 2 || !altitude.every(Number.isFinite)) {
    throw new Error(`corridor: altitude must be [min, max] in metres, got ${JSON.stringify(altitude)}`);
  }
  const coords = lineCoords(line);
  if (distinctCount(coords) < 2) throw new Error('corridor: the centre line needs at least two distinct points');
  // Buffer a copy without repeated vertices: inputs stay untouched and zero-length segments cannot upset the buffer.
  const centre: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: dedupe(coords) } };
  const buffered = buffer(centre, widthM / 2, { units: 'meters' });
  const geometry = buffered?.geometry;
  // A simple line's buffer is one polygon; keep the largest part should the buffer ever split.
  const polygon: Polygon | null =
    geometry?.type === 'Polygon' ? geometry : geometry?.type === 'MultiPolygon' ? { type: 'Polygon', coordinates: largestPart(geometry.coordinates) } : null;
  if (!polygon) throw new Error('corridor: the centre line could not be buffered');
  return {
    type: 'Feature',
    properties: { base: Math.min(altitude[0], altitude[1]), top: Math.max(altitude[0], altitude[1]), width_m: widthM },
    geometry: polygon,
  };
}

/** The geodesic length of a route's centre line, in metres (@turf/length). */
export function routeLength(line: Feature<LineString>): number {
  return length(line, { units: 'meters' });
}

/**
 * Estimated flight time (s) of a route of `lengthM` metres: the horizontal distance at cruise speed, plus a climb to
 * the cruise altitude and a descent from it at the vertical rate (`lengthM / v + 2 × altitude / verticalMs`).
 *
 * The model is a multicopter delivery drone that climbs over its pad, cruises level and descends over the other pad.
 * The defaults are assumptions (36 km/h ≈ Meituan's reported 10 m/s cruise; 3 m/s climb; 120 m, the band's top).
 * No wind, no hover, no acceleration: a rough estimate, not a schedule.
 *
 * @throws Error for a negative length or a non-positive speed or rate
 */
export function flightTime(lengthM: number, options: FlightOptions = {}): number {
  const { cruise, vertical, altitude } = flightSettings(options);
  if (!(Number.isFinite(lengthM) && lengthM >= 0)) throw new Error(`flightTime: length must be ≥ 0 m, got ${lengthM}`);
  return lengthM / cruise + (2 * altitude) / vertical;
}

/**
 * The altitude profile of a route of `lengthM` metres, for a chart: take-off at 0 m, a climb to the cruise altitude
 * over the distance flown at cruise speed while climbing (`altitude / verticalMs × v`), level cruise, and the mirror
 * descent: `[(0, 0), (dClimb, alt), (L − dClimb, alt), (L, 0)]`. A route too short to reach the cruise altitude gives
 * a triangle `[(0, 0), (L / 2, reachable height), (L, 0)]`.
 *
 * The profile draws climb and descent as slopes to show where the drone is low; `flightTime` counts them as extra time
 * over the pads, which is the cautious (longer) estimate.
 */
export function altitudeProfile(lengthM: number, options: FlightOptions = {}): ProfilePoint[] {
  const { cruise, vertical, altitude } = flightSettings(options);
  if (!(Number.isFinite(lengthM) && lengthM >= 0)) throw new Error(`altitudeProfile: length must be ≥ 0 m, got ${lengthM}`);
  const dClimb = (altitude / vertical) * cruise;
  if (2 * dClimb <= lengthM) {
    return [
      { distance: 0, altitude: 0 },
      { distance: dClimb, altitude },
      { distance: lengthM - dClimb, altitude },
      { distance: lengthM, altitude: 0 },
    ];
  }
  const half = lengthM / 2;
  return [
    { distance: 0, altitude: 0 },
    { distance: half, altitude: (half / cruise) * vertical },
    { distance: lengthM, altitude: 0 },
  ];
}

function flightSettings(o: FlightOptions) {
  const kmh = o.cruiseKmh ?? DEFAULT_CRUISE_KMH;
  const vertical = o.verticalMs ?? DEFAULT_VERTICAL_MS;
  const altitude = o.cruiseAltitudeM ?? DEFAULT_CRUISE_ALTITUDE_M;
  if (!(Number.isFinite(kmh) && kmh > 0)) throw new Error(`cruise speed must be > 0 km/h, got ${kmh}`);
  if (!(Number.isFinite(vertical) && vertical > 0)) throw new Error(`vertical rate must be > 0 m/s, got ${vertical}`);
  if (!(Number.isFinite(altitude) && altitude >= 0)) throw new Error(`cruise altitude must be ≥ 0 m, got ${altitude}`);
  return { cruise: kmh / 3.6, vertical, altitude };
}

function lineCoords(line: Feature<LineString>): Position[] {
  const g = line?.geometry;
  return g?.type === 'LineString' && Array.isArray(g.coordinates) ? g.coordinates : [];
}

function largestPart(parts: Position[][][]): Position[][] {
  const span = (rings: Position[][]) => {
    const b = boxOf(rings[0] ?? []);
    return (b[2] - b[0]) * (b[3] - b[1]);
  };
  return parts.reduce((best, p) => (span(p) > span(best) ? p : best));
}
