/**
 * Reading the parks for the dispersion analysis: ids, geometry checks, duplicates, and the projected rings every
 * later step works on (the checks on a projected outline are in dispersion-outline.ts). The input is never
 * changed; the prepared parks come sorted by id, so that nothing later depends on the input order.
 */
import area from '@turf/area';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { DispersionMessage, ParkFeature } from './dispersion-types.ts';
import { haversine, LocalPlane, reverseFlat, ringSignedArea, ringsArea, ringsBBox, ringsCentroid, windingNumber } from './dispersion-geo.ts';
import { projectRing, ringsCross, validLonLat } from './dispersion-outline.ts';

export interface PreparedPark {
  id: string;
  /** Position in the id-sorted list. */
  index: number;
  kind: 'point' | 'polygon';
  /** Centroid, lon/lat (the point itself for a point). */
  lon: number;
  lat: number;
  /** Centroid in the local plane. */
  cx: number;
  cy: number;
  /** Polygons: projected signed rings (outer counter-clockwise, holes clockwise); points: a single [x, y] "ring". */
  rings: number[][];
  /** Planar bounding box [minX, minY, maxX, maxY]. */
  bbox: [number, number, number, number];
  /** Geodesic area (@turf/area) and perimeter (@turf/length over every ring), m² and m; null for points. */
  areaM2: number | null;
  perimeterM: number | null;
  /** Planar area of the rings, m² (for shares: a ratio of planar areas times areaM2). */
  planarArea: number;
  geometry: Polygon | MultiPolygon | Point;
}

export interface Prepared {
  parks: PreparedPark[];
  plane: LocalPlane;
  messages: DispersionMessage[];
}

type AnyPark = Feature<Polygon | MultiPolygon | Point | null, Record<string, unknown> | null> | ParkFeature;

/** The parks as a list, whatever the container. */
export function parkList(parks: FeatureCollection | readonly ParkFeature[] | null | undefined): readonly AnyPark[] {
  if (!parks) return [];
  if (Array.isArray(parks)) return parks as readonly AnyPark[];
  const fc = parks as FeatureCollection;
  return Array.isArray(fc.features) ? (fc.features as AnyPark[]) : [];
}

function parkId(f: AnyPark): string | null {
  const p = f.properties as Record<string, unknown> | null | undefined;
  const own = p?.id;
  if (typeof own === 'string' && own.length > 0) return own;
  if (typeof own === 'number' && Number.isFinite(own)) return String(own);
  if (typeof f.id === 'string' && f.id.length > 0) return f.id;
  if (typeof f.id === 'number' && Number.isFinite(f.id)) return String(f.id);
  return null;
}

/** Whether two coordinate arrays (any nesting) hold the same numbers. */
function sameCoords(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameCoords(a[i], b[i])) return false;
    return true;
  }
  return a === b;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

let hashState = 0;

function hashMix(v: number): void {
  hashState = Math.imul(hashState ^ v, 0x01000193);
}

function hashWalk(c: unknown): void {
  if (Array.isArray(c)) {
    hashMix(0x5b + c.length);
    for (let i = 0; i < c.length; i++) hashWalk(c[i]);
  } else if (typeof c === 'number') {
    f64[0] = c;
    hashMix(u32[0]!);
    hashMix(u32[1]!);
  }
}

/** A 32-bit hash of a geometry's type and coordinates (FNV-1a over the numbers' bits and the nesting). */
function geometryHash(g: Polygon | MultiPolygon | Point): number {
  hashState = 0x811c9dc5;
  hashMix(g.type === 'Point' ? 1 : g.type === 'Polygon' ? 2 : 3);
  hashWalk(g.coordinates);
  return hashState >>> 0;
}

interface Candidate {
  id: string;
  geometry: Polygon | MultiPolygon | Point;
  hash: number;
}

/** Order of two candidates by geometry (hash, then text on a collision), so that choices do not depend on input order. */
function byGeometry(a: Candidate, b: Candidate): number {
  if (a.hash !== b.hash) return a.hash - b.hash;
  if (sameCoords(a.geometry.coordinates, b.geometry.coordinates) && a.geometry.type === b.geometry.type) return 0;
  const ka = JSON.stringify(a.geometry);
  const kb = JSON.stringify(b.geometry);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Reason a geometry cannot be used, or null. Checks structure only; crossings are checked once projected. */
function structureProblem(g: unknown): string | null {
  if (!g || typeof g !== 'object') return 'no geometry';
  const geom = g as { type?: unknown; coordinates?: unknown };
  if (geom.type === 'Point') return validLonLat(geom.coordinates) ? null : 'the point is not a finite lon/lat';
  if (geom.type === 'Polygon') return Array.isArray(geom.coordinates) && geom.coordinates.length > 0 ? null : 'the polygon has no ring';
  if (geom.type === 'MultiPolygon')
    return Array.isArray(geom.coordinates) && geom.coordinates.length > 0 && geom.coordinates.every((p) => Array.isArray(p) && p.length > 0)
      ? null
      : 'the multipolygon has an empty part';
  return `unsupported geometry type ${String(geom.type)}`;
}

/**
 * Reads, checks and projects the parks. Left out, each with a message: parks without an id, with a missing or
 * invalid geometry (ring not closed, fewer than 4 positions, self-intersecting, a hole crossing or outside its
 * outer ring, overlapping parts); duplicates (same id, or same geometry under another id) are kept once.
 */
export function prepareParks(input: FeatureCollection | readonly ParkFeature[] | null | undefined): Prepared {
  const list = parkList(input);
  const messages: DispersionMessage[] = [];
  const invalid: { id: string; why: string }[] = [];
  let missingId = 0;
  const cands: Candidate[] = [];
  for (const f of list) {
    if (!f || typeof f !== 'object') continue;
    const id = parkId(f);
    if (id === null) {
      missingId++;
      continue;
    }
    const problem = structureProblem(f.geometry);
    if (problem) {
      invalid.push({ id, why: problem });
      continue;
    }
    const geometry = f.geometry as Polygon | MultiPolygon | Point;
    cands.push({ id, geometry, hash: geometryHash(geometry) });
  }
  if (missingId > 0)
    messages.push({
      code: 'missing-id',
      text: `${missingId} park${missingId === 1 ? ' has' : 's have'} no id and ${missingId === 1 ? 'was' : 'were'} left out`,
    });

  // By id, and within an id by geometry: of parks sharing an id the first is kept, whatever the input order.
  cands.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : byGeometry(a, b)));
  const dupIds: string[] = [];
  const unique: Candidate[] = [];
  for (const c of cands) {
    const last = unique[unique.length - 1];
    if (last && last.id === c.id) {
      if (dupIds[dupIds.length - 1] !== c.id) dupIds.push(c.id);
    } else unique.push(c);
  }

  // Same geometry under different ids: equal hashes sort together; the smallest id is kept.
  const dropped = new Uint8Array(unique.length);
  const dupGroups: string[][] = [];
  const byHash = Int32Array.from(unique, (_, i) => i).sort((i, j) => unique[i]!.hash - unique[j]!.hash || i - j);
  for (let k = 0; k < byHash.length;) {
    let end = k + 1;
    while (end < byHash.length && unique[byHash[end]!]!.hash === unique[byHash[k]!]!.hash) end++;
    for (let u = k; u < end; u++) {
      const i = byHash[u]!;
      if (dropped[i]) continue;
      const group = [unique[i]!.id];
      for (let v = u + 1; v < end; v++) {
        const j = byHash[v]!;
        if (!dropped[j] && byGeometry(unique[i]!, unique[j]!) === 0) {
          dropped[j] = 1;
          group.push(unique[j]!.id);
        }
      }
      if (group.length > 1) dupGroups.push(group);
    }
    k = end;
  }

  // The projection's centre: the middle of the parks' extent (order-independent).
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i < unique.length; i++) {
    if (dropped[i]) continue;
    const g = unique[i]!.geometry;
    const outers = g.type === 'Point' ? [[g.coordinates]] : g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((poly) => poly[0]);
    for (const outer of outers) {
      if (!Array.isArray(outer)) continue;
      for (const p of outer) {
        if (!validLonLat(p)) continue;
        if (p[0]! < minLon) minLon = p[0]!;
        if (p[0]! > maxLon) maxLon = p[0]!;
        if (p[1]! < minLat) minLat = p[1]!;
        if (p[1]! > maxLat) maxLat = p[1]!;
      }
    }
  }
  const plane = Number.isFinite(minLon) ? new LocalPlane((minLon + maxLon) / 2, (minLat + maxLat) / 2) : new LocalPlane(0, 0);

  const parks: PreparedPark[] = [];
  for (let i = 0; i < unique.length; i++) {
    if (dropped[i]) continue;
    const c = unique[i]!;
    const park = projectPark(c, plane);
    if (typeof park === 'string') {
      invalid.push({ id: c.id, why: park });
      continue;
    }
    park.index = parks.length;
    parks.push(park);
  }
  if (invalid.length > 0) {
    invalid.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    messages.push({
      code: 'invalid-geometry',
      ids: invalid.map((v) => v.id),
      text: `Left out, invalid geometry: ${invalid.map((v) => `${v.id} (${v.why})`).join('; ')}`,
    });
  }
  dupGroups.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  if (dupIds.length > 0 || dupGroups.length > 0) {
    const ids = [...new Set([...dupIds, ...dupGroups.flat()])].sort();
    const parts = [
      ...dupIds.sort().map((id) => `id ${id} appears more than once`),
      ...dupGroups.map((g) => `${g.join(', ')} share one location (kept as ${g[0]})`),
    ];
    messages.push({ code: 'duplicate', ids, text: `Counted once: ${parts.join('; ')}` });
  }
  return { parks, plane, messages };
}

function projectPark(c: Candidate, plane: LocalPlane): PreparedPark | string {
  const g = c.geometry;
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates as [number, number];
    const [x, y] = plane.forward(lon, lat);
    return {
      id: c.id,
      index: 0,
      kind: 'point',
      lon,
      lat,
      cx: x,
      cy: y,
      rings: [[x, y]],
      bbox: [x, y, x, y],
      areaM2: null,
      perimeterM: null,
      planarArea: 0,
      geometry: g,
    };
  }
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const rings: number[][] = [];
  const outers: number[][] = [];
  const perPoly: number[][][] = [];
  for (const poly of polys) {
    const projected: number[][] = [];
    for (let k = 0; k < poly.length; k++) {
      const flat = projectRing(poly[k], plane);
      if (typeof flat === 'string') return flat;
      const a = ringSignedArea(flat);
      if (a === 0) return 'a ring has no area';
      // Outer rings counter-clockwise, holes clockwise, whatever the input's winding.
      if ((k === 0) !== a > 0) reverseFlat(flat);
      projected.push(flat);
    }
    perPoly.push(projected);
    outers.push(projected[0]!);
    rings.push(...projected);
  }
  if (ringsCross(rings)) return 'self-intersecting or crossing rings';
  // With no crossings, a hole is inside its outer ring iff one of its vertices is; parts must not nest.
  for (const projected of perPoly) {
    const outer = projected[0]!;
    for (let k = 1; k < projected.length; k++) {
      const h = projected[k]!;
      if (windingNumber(outer, h[0]!, h[1]!) === 0) return 'a hole lies outside its outer ring';
      for (let m = 1; m < projected.length; m++) if (m !== k && windingNumber(projected[m]!, h[0]!, h[1]!) !== 0) return 'a hole lies inside another hole';
    }
  }
  if (perPoly.length > 1) {
    for (let i = 0; i < perPoly.length; i++)
      for (let j = 0; j < perPoly.length; j++) {
        if (i === j) continue;
        const o = outers[i]!;
        let w = 0;
        for (const r of perPoly[j]!) w += windingNumber(r, o[0]!, o[1]!);
        if (w !== 0) return 'parts of the multipolygon overlap';
      }
  }
  const planarArea = ringsArea(rings);
  if (!(planarArea > 0)) return 'the polygon has no area';
  const centroid = ringsCentroid(rings);
  if (!centroid) return 'the polygon has no area';
  const [lon, lat] = plane.inverse(centroid[0], centroid[1]);
  return {
    id: c.id,
    index: 0,
    kind: 'polygon',
    lon,
    lat,
    cx: centroid[0],
    cy: centroid[1],
    rings,
    bbox: ringsBBox(rings),
    areaM2: area(g),
    perimeterM: perimeter(polys),
    planarArea,
    geometry: g,
  };
}

/**
 * Length of every ring (holes included), m: the sum of great-circle segment lengths — what @turf/length measures
 * (the tests compare), without the feature Turf builds per segment, which cost 15–90 ms for 5,000 parks.
 */
function perimeter(polys: readonly (readonly Position[][])[]): number {
  let s = 0;
  for (const poly of polys)
    for (const ring of poly) for (let i = 0; i + 1 < ring.length; i++) s += haversine(ring[i]![0]!, ring[i]![1]!, ring[i + 1]![0]!, ring[i + 1]![1]!);
  return s;
}
