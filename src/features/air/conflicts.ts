/**
 * What a drone corridor runs into: elevated roads, sensitive areas (campuses, parks) and other corridors.
 * Distances are geodesic (Turf's haversine); line crossings are found in lon/lat (@turf/line-intersect), which at a
 * district's scale differs from the geodesic crossing by far less than a metre.
 */
import bbox from '@turf/bbox';
import booleanIntersects from '@turf/boolean-intersects';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import distance from '@turf/distance';
import intersect from '@turf/intersect';
import lineIntersect from '@turf/line-intersect';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import pointToLineDistance from '@turf/point-to-line-distance';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { boxesMeet, boxOf, grow, type Box } from '../../lib/data/box.ts';
import { distinctCount, round } from './positions.ts';
import type { Conflict, ObstacleConflict } from './types.ts';

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
export function findConflicts(line: Feature<LineString>, corridorPoly: Feature<Polygon>, obstacles: Obstacles, options: { selfId?: string } = {}): Conflict[] {
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

/**
 * A route's conflicts, one per obstacle (kind and id): a road crossed twice, or mapped as several ways that the route
 * meets apart, is listed once, with its number of crossings, or — when it is only inside the corridor — the closest it
 * comes to the centre line. Obstacles keep the order in which the route first meets them; each keeps its points in
 * the order given (findConflicts gives them along the route). Pure.
 */
export function groupConflicts(conflicts: readonly Conflict[]): ObstacleConflict[] {
  const groups = new Map<string, ObstacleConflict>();
  for (const c of conflicts) {
    const key = `${c.kind}|${c.id}`;
    let g = groups.get(key);
    if (!g) {
      g = { kind: c.kind, id: c.id, name_zh: c.name_zh, name_en: c.name_en, how: 'within_corridor', crossings: 0, locations: [] };
      groups.set(key, g);
    }
    g.locations.push([c.location[0], c.location[1]]);
    if (c.how === 'crosses') {
      g.how = 'crosses';
      g.crossings += 1;
      delete g.nearestM;
    } else if (g.crossings === 0 && c.metres !== undefined) {
      g.nearestM = Math.min(g.nearestM ?? Infinity, c.metres);
    }
  }
  return [...groups.values()];
}

const UNNAMED = { id: 'elevated:unnamed', name_zh: '未命名高架', name_en: 'unnamed elevated road' };

function elevatedConflicts(line: Feature<LineString>, corridorPoly: Feature<Polygon>, corridorBox: Box, elevated: Obstacles['elevated']): Conflict[] {
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
      out.push({ kind: 'elevated_road', how: 'within_corridor', ...names, location: round(near.at), metres: Math.round(near.metres) });
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

function areaConflicts(line: Feature<LineString>, lineBox: Box, corridorPoly: Feature<Polygon>, corridorBox: Box, areas: Obstacles['areas']): Conflict[] {
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
    else {
      const near = nearestOnLineTo(line, g);
      out.push({ ...names, how: 'within_corridor', location: round(near.at), metres: Math.round(near.metres) });
    }
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

/** The point of the centre line nearest a polygon it does not enter, and how far the polygon is from it (m). */
function nearestOnLineTo(line: Feature<LineString>, g: Polygon | MultiPolygon): { at: Position; metres: number } {
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
  return best;
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

function linePieces(g: LineString | MultiLineString | null | undefined): Position[][] {
  if (!g) return [];
  const pieces = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  return pieces.filter((c) => distinctCount(c) >= 2);
}
