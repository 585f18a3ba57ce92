/**
 * Low-altitude (drone) routes, in the manner of a Turf module: plain GeoJSON in, options objects with defaults,
 * inputs never mutated. No Svelte or MapLibre here; the low-altitude view calls `analyseAir`.
 *
 * A route is a centre line; its corridor is that line buffered to a width, between a base and a top altitude. The
 * conflicts are what the corridor runs into: elevated roads, sensitive areas (campuses, parks) and other corridors.
 * Distances are geodesic (Turf's haversine); line crossings are found in lon/lat (@turf/line-intersect), which at a
 * district's scale differs from the geodesic crossing by far less than a metre.
 */
import bbox from '@turf/bbox';
import booleanIntersects from '@turf/boolean-intersects';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import buffer from '@turf/buffer';
import centroid from '@turf/centroid';
import distance from '@turf/distance';
import intersect from '@turf/intersect';
import length from '@turf/length';
import lineIntersect from '@turf/line-intersect';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import pointToLineDistance from '@turf/point-to-line-distance';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type {
  Feature,
  FeatureCollection,
  GeoJsonProperties,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import type { AirResult, Conflict, ProfilePoint, RouteAnalysis } from './types.ts';

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
/** Crossings of one elevated road closer than this (m) are one crossing (its two carriageways, a ramp). */
export const CROSSING_MERGE_M = 50;

/** What a corridor can run into. */
export interface Obstacles {
  /** Elevated road pieces; properties `name_zh`, `name_en` (empty names are grouped as one unnamed road). */
  elevated: FeatureCollection<LineString | MultiLineString>;
  /**
   * Sensitive areas; properties `id`, `name_zh`, `name_en`. A Point stands for an area known only as a point and
   * carries `radius_m` (e.g. its precision): it counts when the centre line passes within that radius.
   */
  areas: FeatureCollection<Polygon | MultiPolygon | Point>;
  /** Other routes' corridors; `line`, their centre line, tells a crossing from an overlap. */
  corridors?: { id: string; name_zh: string; name_en: string; corridor: Feature<Polygon>; line?: Feature<LineString> }[];
}

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

type Box = [number, number, number, number];

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
    geometry?.type === 'Polygon'
      ? geometry
      : geometry?.type === 'MultiPolygon'
        ? { type: 'Polygon', coordinates: largestPart(geometry.coordinates) }
        : null;
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

/**
 * What a route's corridor runs into, sorted by distance along the route from its start.
 *
 * - Elevated roads: `crosses` at each point where the centre line crosses one (crossings of pieces of the same named
 *   road within 50 m are one: two carriageways, a ramp); `within_corridor` when a piece lies (partly) inside the
 *   corridor without crossing the centre line, located at the point of the road nearest the centre line — one per
 *   road, and not next to (within 100 m of) one of that road's crossings. A road outside the corridor is no conflict.
 *   Roads without a name are one road, `elevated:unnamed`.
 * - Sensitive polygons: when they intersect the corridor — `crosses` if the centre line enters them (located where it
 *   first does), else `within_corridor` (at the point of the centre line nearest them).
 * - Sensitive points with `radius_m`: `crosses` when the centre line passes within the radius (at the nearest point
 *   of the centre line).
 * - Other corridors (all but `selfId`): when they overlap this one (@turf/intersect), located at the overlap's
 *   centroid — `crosses` if the centre lines cross other than at a shared end (a shared pad is an overlap, not a
 *   crossing), else `within_corridor`.
 *
 * Conflicts are deduplicated by kind, id and how (elevated crossings only by their 50 m merge).
 */
export function findConflicts(
  line: Feature<LineString>,
  corridorPoly: Feature<Polygon>,
  obstacles: Obstacles,
  options: { selfId?: string } = {},
): Conflict[] {
  const lineBox = bbox(line) as Box;
  const corridorBox = bbox(corridorPoly) as Box;
  const found: { conflict: Conflict; along: number }[] = [];
  const add = (conflict: Conflict) => found.push({ conflict, along: alongRoute(line, conflict.location) });

  for (const c of elevatedConflicts(line, corridorPoly, corridorBox, obstacles.elevated)) add(c);
  for (const c of areaConflicts(line, lineBox, corridorPoly, corridorBox, obstacles.areas)) add(c);
  for (const other of obstacles.corridors ?? []) {
    if (other.id === options.selfId) continue;
    if (!boxesMeet(corridorBox, bbox(other.corridor) as Box)) continue;
    const overlap = intersect({ type: 'FeatureCollection', features: [corridorPoly, other.corridor] });
    if (!overlap) continue;
    const crosses = other.line ? centreLinesCross(line, other.line) : false;
    add({
      kind: 'corridor',
      how: crosses ? 'crosses' : 'within_corridor',
      id: `corridor:${other.id}`,
      name_zh: other.name_zh,
      name_en: other.name_en,
      location: round(centroid(overlap).geometry.coordinates),
    });
  }

  found.sort((a, b) => a.along - b.along || a.conflict.id.localeCompare(b.conflict.id));
  const seen = new Set<string>();
  const out: Conflict[] = [];
  for (const { conflict } of found) {
    const key =
      conflict.kind === 'elevated_road' && conflict.how === 'crosses'
        ? `${conflict.kind}|${conflict.id}|${conflict.how}|${conflict.location.join(',')}`
        : `${conflict.kind}|${conflict.id}|${conflict.how}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(conflict);
  }
  return out;
}

export interface AirInput {
  /** The plan's drone routes: LineStrings with properties `id`, `name_zh`, `name_en`, `altitude_m`. */
  routes: Feature<LineString>[];
  /** The planner's sketch, [lon, lat] positions in order. */
  sketch: [number, number][];
  obstacles: Omit<Obstacles, 'corridors'>;
  /** Corridor width (m), default 60. */
  widthM?: number;
  /** Cruise speed (km/h), default 36. */
  cruiseKmh?: number;
}

/**
 * The low-altitude analysis: every route's corridor, length, time, profile and conflicts (each route against the
 * obstacles and the other routes' corridors), and the same for the sketch (against the obstacles and the routes'
 * corridors; null with fewer than two distinct points). Routes that are not LineStrings with two distinct points are
 * left out. Route ids are `plan:<id>`; the sketch is `sketch` (草图 / Sketch) at [60, 120] m.
 */
export function analyseAir(input: AirInput): AirResult {
  const widthM = input.widthM ?? DEFAULT_WIDTH_M;
  const cruiseKmh = input.cruiseKmh ?? DEFAULT_CRUISE_KMH;

  const built: { analysis: RouteAnalysis; planId: string }[] = [];
  for (const f of input.routes) {
    if (f?.geometry?.type !== 'LineString' || distinctCount(f.geometry.coordinates) < 2) continue;
    const p = f.properties ?? {};
    const planId = String(p.id ?? '');
    const altitude = band(p.altitude_m);
    const line = cloneLine(f.geometry.coordinates, p);
    const shell = describe(line, { widthM, cruiseKmh, altitude });
    built.push({
      planId,
      analysis: { id: `plan:${planId}`, name_zh: String(p.name_zh ?? planId), name_en: String(p.name_en ?? planId), ...shell, conflicts: [] },
    });
  }
  const corridors = built.map(({ analysis: a, planId }) => ({
    id: planId,
    name_zh: a.name_zh,
    name_en: a.name_en,
    corridor: a.corridor,
    line: a.line,
  }));
  const all: Obstacles = { ...input.obstacles, corridors };
  const routes = built.map(({ analysis, planId }) => ({
    ...analysis,
    conflicts: findConflicts(analysis.line, analysis.corridor, all, { selfId: planId }),
  }));

  let sketch: RouteAnalysis | null = null;
  const points = (input.sketch ?? []).filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (distinctCount(points) >= 2) {
    const line = cloneLine(dedupe(points), { id: 'sketch', name_zh: '草图', name_en: 'Sketch' });
    const shell = describe(line, { widthM, cruiseKmh, altitude: DEFAULT_ALTITUDE });
    sketch = { id: 'sketch', name_zh: '草图', name_en: 'Sketch', ...shell, conflicts: findConflicts(line, shell.corridor, all) };
  }
  return { routes, sketch, widthM, cruiseKmh };
}

// ---------------------------------------------------------------------------------------------------------------

function describe(line: Feature<LineString>, o: { widthM: number; cruiseKmh: number; altitude: [number, number] }) {
  const top = Math.max(...o.altitude);
  const lengthM = routeLength(line);
  return {
    line,
    corridor: corridor(line, { widthM: o.widthM, altitude: o.altitude }),
    lengthM,
    timeS: flightTime(lengthM, { cruiseKmh: o.cruiseKmh, cruiseAltitudeM: top }),
    altitude: [Math.min(...o.altitude), top] as [number, number],
    profile: altitudeProfile(lengthM, { cruiseKmh: o.cruiseKmh, cruiseAltitudeM: top }),
  };
}

function band(v: unknown): [number, number] {
  return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? [v[0] as number, v[1] as number]
    : [...DEFAULT_ALTITUDE];
}

function cloneLine(coords: Position[], properties: GeoJsonProperties): Feature<LineString> {
  return {
    type: 'Feature',
    properties: properties ? { ...properties } : {},
    geometry: { type: 'LineString', coordinates: coords.map((c) => [c[0]!, c[1]!]) },
  };
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

const UNNAMED = { id: 'elevated:unnamed', name_zh: '未命名高架', name_en: 'unnamed elevated road' };

function elevatedConflicts(
  line: Feature<LineString>,
  corridorPoly: Feature<Polygon>,
  corridorBox: Box,
  elevated: Obstacles['elevated'],
): Conflict[] {
  type Road = { id: string; name_zh: string; name_en: string; crossings: Position[]; near: { at: Position; metres: number } | null };
  const roads = new Map<string, Road>();
  for (const f of elevated?.features ?? []) {
    const zh = String(f.properties?.name_zh ?? '').trim();
    const names = zh ? { id: `elevated:${zh}`, name_zh: zh, name_en: String(f.properties?.name_en ?? '').trim() || zh } : UNNAMED;
    for (const coords of linePieces(f.geometry)) {
      if (!boxesMeet(corridorBox, boxOf(coords))) continue;
      const piece: LineString = { type: 'LineString', coordinates: coords };
      if (!booleanIntersects(piece, corridorPoly)) continue;
      const road = roads.get(names.id) ?? { ...names, crossings: [], near: null };
      roads.set(names.id, road);
      const hits = lineIntersect(line, piece).features.map((p) => p.geometry.coordinates);
      if (hits.length) {
        road.crossings.push(...hits);
        continue;
      }
      const near = nearestOnPiece(line, piece);
      if (!road.near || near.metres < road.near.metres) road.near = near;
    }
  }

  const out: Conflict[] = [];
  for (const road of roads.values()) {
    const names = { id: road.id, name_zh: road.name_zh, name_en: road.name_en };
    // Order the crossings along the route, then merge each with the previous one when they are within 50 m.
    const ordered = road.crossings.map((at) => ({ at, along: alongRoute(line, at) })).sort((a, b) => a.along - b.along);
    const merged: Position[][] = [];
    for (const c of ordered) {
      const group = merged[merged.length - 1];
      if (group && distance(group[group.length - 1]!, c.at, { units: 'meters' }) <= CROSSING_MERGE_M) group.push(c.at);
      else merged.push([c.at]);
    }
    for (const group of merged) out.push({ kind: 'elevated_road', how: 'crosses', ...names, location: round(group[0]!) });
    const near = road.near;
    if (near && !road.crossings.some((c) => distance(c, near.at, { units: 'meters' }) <= 2 * CROSSING_MERGE_M)) {
      out.push({ kind: 'elevated_road', how: 'within_corridor', ...names, location: round(near.at) });
    }
  }
  return out;
}

/** The point of `piece` nearest the centre line: from the piece's vertices and the centre line's vertices. */
function nearestOnPiece(line: Feature<LineString>, piece: LineString): { at: Position; metres: number } {
  let best: { at: Position; metres: number } = { at: piece.coordinates[0]!, metres: Infinity };
  for (const v of piece.coordinates) {
    const metres = nearestPointOnLine(line, v, { units: 'meters' }).properties.pointDistance;
    if (metres < best.metres) best = { at: v, metres };
  }
  for (const v of line.geometry.coordinates) {
    const p = nearestPointOnLine(piece, v, { units: 'meters' });
    if (p.properties.pointDistance < best.metres) best = { at: p.geometry.coordinates, metres: p.properties.pointDistance };
  }
  return best;
}

function areaConflicts(
  line: Feature<LineString>,
  lineBox: Box,
  corridorPoly: Feature<Polygon>,
  corridorBox: Box,
  areas: Obstacles['areas'],
): Conflict[] {
  const out: Conflict[] = [];
  for (const f of areas?.features ?? []) {
    const g = f.geometry;
    if (!g) continue;
    const p = f.properties ?? {};
    const zh = String(p.name_zh ?? p.name ?? '');
    const key = String(p.id ?? zh);
    const names = { kind: 'sensitive_area' as const, id: `area:${key}`, name_zh: zh, name_en: String(p.name_en ?? '') || zh };
    if (g.type === 'Point') {
      const radius = Number(p.radius_m);
      if (!(Number.isFinite(radius) && radius >= 0)) continue;
      if (!boxesMeet(lineBox, grow(boxOf([g.coordinates]), radius))) continue;
      const metres = pointToLineDistance(g.coordinates, line, { units: 'meters' });
      if (metres > radius) continue;
      const at = nearestPointOnLine(line, g.coordinates, { units: 'meters' }).geometry.coordinates;
      out.push({ ...names, how: 'crosses', location: round(at) });
      continue;
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    if (!boxesMeet(corridorBox, bbox(g) as Box)) continue;
    if (!booleanIntersects(g, corridorPoly)) continue;
    const entry = firstInside(line, g);
    if (entry) out.push({ ...names, how: 'crosses', location: round(entry) });
    else out.push({ ...names, how: 'within_corridor', location: round(nearestOnLineTo(line, g)) });
  }
  return out;
}

/** Where the centre line first is inside the polygon (a vertex inside or a boundary crossing), or null. */
function firstInside(line: Feature<LineString>, g: Polygon | MultiPolygon): Position | null {
  const candidates = [
    ...line.geometry.coordinates.filter((c) => booleanPointInPolygon(c, g)),
    ...lineIntersect(line, g).features.map((p) => p.geometry.coordinates),
  ];
  let best: { at: Position; along: number } | null = null;
  for (const at of candidates) {
    const along = alongRoute(line, at);
    if (!best || along < best.along) best = { at, along };
  }
  return best?.at ?? null;
}

/** The point of the centre line nearest a polygon it does not enter. */
function nearestOnLineTo(line: Feature<LineString>, g: Polygon | MultiPolygon): Position {
  let best: { at: Position; metres: number } = { at: line.geometry.coordinates[0]!, metres: Infinity };
  const rings = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const ring of rings.flat()) {
    for (const v of ring) {
      const p = nearestPointOnLine(line, v, { units: 'meters' });
      if (p.properties.pointDistance < best.metres) best = { at: p.geometry.coordinates, metres: p.properties.pointDistance };
    }
  }
  for (const v of line.geometry.coordinates) {
    const metres = Math.abs(pointToPolygonDistance(v, g, { units: 'meters' }));
    if (metres < best.metres) best = { at: v, metres };
  }
  return best.at;
}

/** Whether two centre lines cross at a point that is not an end both share (a common pad). */
function centreLinesCross(a: Feature<LineString>, b: Feature<LineString>): boolean {
  const ends = [a, b].flatMap((l) => [l.geometry.coordinates[0]!, l.geometry.coordinates[l.geometry.coordinates.length - 1]!]);
  return lineIntersect(a, b).features.some((p) => {
    const at = p.geometry.coordinates;
    const shared = ends.filter((e) => distance(e, at, { units: 'meters' }) < 1).length >= 2;
    return !shared;
  });
}

/** Distance (m) along the route from its start to the point of the route nearest `at`. */
function alongRoute(line: Feature<LineString>, at: Position): number {
  return nearestPointOnLine(line, at, { units: 'meters' }).properties.totalDistance;
}

function lineCoords(line: Feature<LineString>): Position[] {
  const g = line?.geometry;
  return g?.type === 'LineString' && Array.isArray(g.coordinates) ? g.coordinates : [];
}

function linePieces(g: LineString | MultiLineString | null | undefined): Position[][] {
  if (!g) return [];
  const pieces = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  return pieces.filter((c) => distinctCount(c) >= 2);
}

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Drops consecutive repeats (copies the positions; the input is not changed). */
function dedupe(coords: Position[]): Position[] {
  const out: Position[] = [];
  for (const c of coords) if (!out.length || !samePosition(out[out.length - 1]!, c)) out.push([c[0]!, c[1]!]);
  return out;
}

function distinctCount(coords: Position[]): number {
  const seen = new Set<string>();
  for (const c of coords) {
    if (Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1])) seen.add(`${c[0]},${c[1]}`);
    if (seen.size >= 2) break;
  }
  return seen.size;
}

function largestPart(parts: Position[][][]): Position[][] {
  const span = (rings: Position[][]) => {
    const b = boxOf(rings[0] ?? []);
    return (b[2] - b[0]) * (b[3] - b[1]);
  };
  return parts.reduce((best, p) => (span(p) > span(best) ? p : best));
}

function boxOf(coords: Position[]): Box {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const c of coords) {
    w = Math.min(w, c[0]!);
    e = Math.max(e, c[0]!);
    s = Math.min(s, c[1]!);
    n = Math.max(n, c[1]!);
  }
  return [w, s, e, n];
}

const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** A box grown by `metres` on every side (a generous bound: a degree of latitude is ≥ 110.5 km). */
function grow([w, s, e, n]: Box, metres: number): Box {
  const dLat = metres / 110_500;
  const dLon = dLat / Math.max(0.01, Math.cos((Math.max(Math.abs(s), Math.abs(n)) * Math.PI) / 180));
  return [w - dLon, s - dLat, e + dLon, n + dLat];
}

/** Locations to 7 decimals (~1 cm): stable for deduplication and display. */
function round(p: Position): [number, number] {
  return [Math.round(p[0]! * 1e7) / 1e7, Math.round(p[1]! * 1e7) / 1e7];
}
