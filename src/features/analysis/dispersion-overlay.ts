/**
 * The map overlays of the dispersion analysis: the clusters' hulls, and the coverage overlays — the union of the
 * buffers round stations and campuses, clipped to the study area. Drawn on the map only (the coverage figures
 * never union anything).
 *
 * Disks of one radius are unioned by their arcs: each circle keeps the arcs no other disk covers, and the arcs
 * join into rings where the circles cross — O(k²) for k disks. Campus outlines are buffered with @turf/buffer.
 * Unions with them and the clip to the study area trace the outlines from crossing to crossing in the plane; a
 * general polygon clipper (@turf/union, @turf/intersect: polyclip-ts) takes 50–500 ms for the ~1000 vertices of
 * 30 stations' disks and is only the fallback where outlines touch.
 */
import buffer from '@turf/buffer';
import intersect from '@turf/intersect';
import union from '@turf/union';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { clipRings, coverageUnion, Degenerate, diskUnion } from './dispersion-clip.ts';
import { convexHull, equalAreaPolygon } from './dispersion-convex.ts';
import { insideRings, LocalPlane, projectPolygons, ringSignedArea } from './dispersion-geo.ts';
import type { PreparedPark } from './dispersion-prepare.ts';

/** Convex hull of each cluster's parks, grown by a margin so that two-park clusters show as a shape. */
export function clusterHulls(
  parks: readonly PreparedPark[],
  labels: readonly (number | null)[],
  sizes: readonly number[],
  distanceM: number,
  plane: LocalPlane,
): Feature<Polygon>[] {
  const margin = Math.min(100, Math.max(25, distanceM / 10));
  const pad = equalAreaPolygon(0, 0, margin, 16);
  const members: number[][] = sizes.map(() => []);
  labels.forEach((l, i) => {
    if (l !== null) members[l]!.push(i);
  });
  return members.map((idx, k) => {
    const pts: number[] = [];
    for (const i of idx) {
      const p = parks[i]!;
      if (p.kind === 'point') pts.push(p.cx, p.cy);
      else for (const r of p.rings) if (r.length) for (let v = 0; v < r.length; v++) pts.push(r[v]!);
    }
    const core = convexHull(pts);
    const grown: number[] = [];
    for (let v = 0; v < core.length; v += 2) for (let w = 0; w < pad.length; w += 2) grown.push(core[v]! + pad[w]!, core[v + 1]! + pad[w + 1]!);
    const hull = convexHull(grown);
    const ring: [number, number][] = [];
    for (let v = 0; v < hull.length; v += 2) ring.push(plane.inverse(hull[v]!, hull[v + 1]!));
    ring.push(ring[0]!);
    return {
      type: 'Feature',
      properties: { role: 'cluster', cluster: k, size: idx.length, ids: idx.map((i) => parks[i]!.id) },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
  });
}

/** Rings (outer counter-clockwise, holes clockwise) grouped into polygons, as lon/lat. */
function toMultiPolygon(rings: readonly number[][], plane: LocalPlane): MultiPolygon | null {
  const outers = rings.filter((r) => ringSignedArea(r) > 0).map((r) => ({ ring: r, area: ringSignedArea(r), holes: [] as number[][] }));
  for (const h of rings.filter((r) => ringSignedArea(r) < 0)) {
    const owner = outers.filter((o) => insideRings([o.ring], h[0]!, h[1]!)).sort((a, b) => a.area - b.area)[0];
    owner?.holes.push(h);
  }
  if (outers.length === 0) return null;
  const lonlat = (r: readonly number[]): Position[] => {
    const out: Position[] = [];
    for (let i = 0; i < r.length; i += 2) out.push(plane.inverse(r[i]!, r[i + 1]!));
    out.push(out[0]!);
    return out;
  };
  return { type: 'MultiPolygon', coordinates: outers.map((o) => [lonlat(o.ring), ...o.holes.map(lonlat)]) };
}

/** The overlay in the plane: the disks' arcs, the campus buffers and the clip traced by {@link clipRings}. */
function planarOverlay(
  centres: readonly [number, number][],
  polygons: readonly Feature<Polygon | MultiPolygon>[],
  distanceM: number,
  studyArea: Polygon | MultiPolygon | null,
  plane: LocalPlane,
): MultiPolygon | null {
  let rings = coverageUnion(
    centres,
    polygons.map((p) => p.geometry),
    distanceM,
    plane,
  );
  if (!rings) return null;
  if (studyArea) rings = clipRings(rings, projectPolygons(studyArea, plane).flat(), 'intersection');
  return toMultiPolygon(rings, plane);
}

/** The same with Turf's general clipper, for outlines that touch (which the tracing does not handle). */
function turfOverlay(
  centres: readonly [number, number][],
  polygons: readonly Feature<Polygon | MultiPolygon>[],
  distanceM: number,
  studyArea: Polygon | MultiPolygon | null,
  plane: LocalPlane,
): MultiPolygon | Polygon | null {
  const pieces: Feature<Polygon | MultiPolygon>[] = [];
  const disks = distanceM > 0 && centres.length ? toMultiPolygon(diskUnion(centres, distanceM), plane) : null;
  if (disks) pieces.push({ type: 'Feature', properties: {}, geometry: disks });
  for (const p of polygons) {
    const b = distanceM > 0 ? buffer(p, distanceM, { units: 'meters', steps: 16 }) : p;
    if (b) pieces.push(b as Feature<Polygon | MultiPolygon>);
  }
  let merged: Feature<Polygon | MultiPolygon> | null = pieces.length > 1 ? union({ type: 'FeatureCollection', features: pieces }) : (pieces[0] ?? null);
  if (merged && studyArea) merged = intersect({ type: 'FeatureCollection', features: [merged, { type: 'Feature', properties: {}, geometry: studyArea }] });
  return merged?.geometry ?? null;
}

/** A stereographic plane centred on the middle of the overlay's inputs. */
function overlayPlane(
  points: readonly [number, number][],
  polygons: readonly Feature<Polygon | MultiPolygon>[],
  studyArea: Polygon | MultiPolygon | null,
): LocalPlane {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: Position) => {
    minX = Math.min(minX, p[0]!);
    maxX = Math.max(maxX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxY = Math.max(maxY, p[1]!);
  };
  points.forEach(add);
  for (const g of [...polygons.map((p) => p.geometry), ...(studyArea ? [studyArea] : [])]) {
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) poly[0]?.forEach(add);
  }
  return Number.isFinite(minX) ? new LocalPlane((minX + maxX) / 2, (minY + maxY) / 2) : new LocalPlane(0, 0);
}

/** Planar box the coverage overlays need: the study area's and the parks' extent. */
export function overlayExtent(parks: readonly PreparedPark[], studyArea: Polygon | MultiPolygon | null, plane: LocalPlane): [number, number, number, number] {
  let box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (x: number, y: number) => {
    box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
  };
  for (const p of parks) {
    add(p.bbox[0], p.bbox[1]);
    add(p.bbox[2], p.bbox[3]);
  }
  if (studyArea) {
    const polys = studyArea.type === 'Polygon' ? [studyArea.coordinates] : studyArea.coordinates;
    for (const poly of polys) for (const q of poly[0] ?? []) add(...plane.forward(q[0]!, q[1]!));
  }
  return box;
}

const cache = new Map<string, Feature<Polygon | MultiPolygon> | null>();

/** Forgets the remembered overlays. */
export function clearOverlayCache(): void {
  cache.clear();
}

/**
 * The union of the buffers round `points` and `campuses`, clipped to the study area, as one feature with `role`
 * and `distanceM`; remembered for the same inputs (a change of the cluster distance does not change it).
 */
export function coverageOverlay(
  role: 'coverage-station' | 'coverage-campus',
  points: readonly (readonly [number, number])[],
  campuses: readonly Feature<Polygon | MultiPolygon | Point>[],
  distanceM: number,
  studyArea: Polygon | MultiPolygon | null,
  extent: readonly [number, number, number, number],
  plane: LocalPlane,
): Feature<Polygon | MultiPolygon> | null {
  const reach = distanceM * 1.01;
  const near = (x: number, y: number) => x >= extent[0] - reach && x <= extent[2] + reach && y >= extent[1] - reach && y <= extent[3] + reach;
  const lonlats: [number, number][] = [];
  const polygons: Feature<Polygon | MultiPolygon>[] = [];
  for (const [lon, lat] of points) lonlats.push([lon, lat]);
  for (const f of campuses) {
    if (f.geometry.type === 'Point') lonlats.push([f.geometry.coordinates[0]!, f.geometry.coordinates[1]!]);
    else polygons.push(f as Feature<Polygon | MultiPolygon>);
  }
  const kept = lonlats.filter(([lon, lat]) => near(...plane.forward(lon, lat)));
  const key = JSON.stringify([role, distanceM, kept, polygons.map((p) => p.geometry), studyArea]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit ? structuredClone(hit) : null;

  // A plane of the overlay's own (not the parks'), so that what is remembered depends only on the key.
  const own = overlayPlane(kept, polygons, studyArea);
  const centres = kept.map(([lon, lat]) => own.forward(lon, lat));
  let geometry: MultiPolygon | Polygon | null;
  try {
    geometry = planarOverlay(centres, polygons, distanceM, studyArea, own);
  } catch (err) {
    if (!(err instanceof Degenerate)) throw err;
    geometry = turfOverlay(centres, polygons, distanceM, studyArea, own);
  }
  const out: Feature<Polygon | MultiPolygon> | null = geometry ? { type: 'Feature', properties: { role, distanceM }, geometry } : null;
  if (cache.size >= 8) cache.delete(cache.keys().next().value!);
  cache.set(key, out);
  return out ? structuredClone(out) : null;
}
