/**
 * Low-altitude (drone) routes, in the manner of a Turf module: plain GeoJSON in, options objects with defaults,
 * inputs never mutated. No Svelte or MapLibre here; the low-altitude view calls `analyseAir`.
 *
 * A route is a centre line; its corridor is that line buffered to a width, between a base and a top altitude
 * (route.ts). The conflicts are what the corridor runs into: elevated roads, sensitive areas (campuses, parks) and
 * other corridors (conflicts.ts).
 */
import type { Feature, GeoJsonProperties, LineString, Position } from 'geojson';
import { findConflicts, groupConflicts, type Obstacles } from './conflicts.ts';
import { dedupe, distinctCount } from './positions.ts';
import { altitudeProfile, corridor, DEFAULT_ALTITUDE, DEFAULT_CRUISE_KMH, DEFAULT_WIDTH_M, flightTime, routeLength } from './route.ts';
import type { AirResult, RouteAnalysis } from './types.ts';

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
 * left out. Each analysis lists its conflicts point by point and one per obstacle (groupConflicts). Route ids are
 * `plan:<id>`; the sketch is `sketch` (草图 / Sketch) at [60, 120] m.
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
      analysis: { id: `plan:${planId}`, name_zh: String(p.name_zh ?? planId), name_en: String(p.name_en ?? planId), ...shell, conflicts: [], obstacles: [] },
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
  const routes = built.map(({ analysis, planId }) => {
    const conflicts = findConflicts(analysis.line, analysis.corridor, all, { selfId: planId });
    return { ...analysis, conflicts, obstacles: groupConflicts(conflicts) };
  });

  let sketch: RouteAnalysis | null = null;
  const points = (input.sketch ?? []).filter((p) => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (distinctCount(points) >= 2) {
    const line = cloneLine(dedupe(points), { id: 'sketch', name_zh: '草图', name_en: 'Sketch' });
    const shell = describe(line, { widthM, cruiseKmh, altitude: DEFAULT_ALTITUDE });
    const conflicts = findConflicts(line, shell.corridor, all);
    sketch = { id: 'sketch', name_zh: '草图', name_en: 'Sketch', ...shell, conflicts, obstacles: groupConflicts(conflicts) };
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
