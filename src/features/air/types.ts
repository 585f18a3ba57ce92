import type { Feature, LineString, Polygon } from 'geojson';

/** Something a drone corridor runs into. */
export interface Conflict {
  /** What is hit: an elevated road, another route's corridor, or a sensitive area (campus, park). */
  kind: 'elevated_road' | 'corridor' | 'sensitive_area';
  /** How: the centre line crosses it, or it lies inside the corridor without being crossed (touching, parallel). */
  how: 'crosses' | 'within_corridor';
  /** Stable id of the obstacle (e.g. `elevated:中环路`, `corridor:dr-…`, `area:campus-…`). */
  id: string;
  name_zh: string;
  name_en: string;
  /** A representative point of the conflict (the crossing, or the nearest point inside the corridor). */
  location: [number, number];
  /** For an obstacle inside the corridor but not crossed: how close it comes to the centre line (m), where known. */
  metres?: number;
}

/**
 * One obstacle a route runs into, however many times (a road crossed twice, a road mapped as several ways): what the
 * panel lists and counts.
 */
export interface ObstacleConflict {
  kind: Conflict['kind'];
  /** The obstacle's id, as its conflicts carry it. */
  id: string;
  name_zh: string;
  name_en: string;
  /** `crosses` when the centre line crosses it at least once, else `within_corridor`. */
  how: Conflict['how'];
  /** How many separate crossings (0 when it only lies inside the corridor). */
  crossings: number;
  /** When it is not crossed: the closest it comes to the centre line (m), where known. */
  nearestM?: number;
  /** Its conflicts' points, in order along the route. */
  locations: [number, number][];
}

/** One point of a route's altitude profile: distance along the route (m) and height above ground (m). */
export interface ProfilePoint {
  distance: number;
  altitude: number;
}

/** Everything the low-altitude view shows about one route (a reported route or the sketch). */
export interface RouteAnalysis {
  /** `plan:<id>` for a reported route, `sketch` for the planner's sketch. */
  id: string;
  name_zh: string;
  name_en: string;
  /** The centre line, WGS-84. */
  line: Feature<LineString>;
  /** The corridor: the centre line buffered to the set width; properties `base` and `top` in metres. */
  corridor: Feature<Polygon>;
  lengthM: number;
  /** Estimated flight time at the set cruise speed, including climb and descent (s). */
  timeS: number;
  /** Altitude band [min, max] (m above ground). */
  altitude: [number, number];
  profile: ProfilePoint[];
  /** Every conflict point, in order along the route (a road crossed twice is two). */
  conflicts: Conflict[];
  /** The same conflicts, one per obstacle, in the order the route first meets each. */
  obstacles: ObstacleConflict[];
}

/** The low-altitude analysis: every reported route and the sketch (null when it has fewer than two points). */
export interface AirResult {
  routes: RouteAnalysis[];
  sketch: RouteAnalysis | null;
  /** The settings the result was computed with. */
  widthM: number;
  cruiseKmh: number;
}
