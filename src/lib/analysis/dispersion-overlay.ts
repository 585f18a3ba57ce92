/**
 * The coverage overlays of the dispersion analysis: the union of the buffers round stations and campuses, clipped
 * to the study area. Drawn on the map only (the coverage figures never union anything).
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
import Flatbush from 'flatbush';
import { insideRings, LocalPlane, ringSignedArea } from './dispersion-geo.ts';
import { projectPolygons } from './dispersion-areal.ts';

interface Arc {
  circle: number;
  start: number;
  end: number;
  /** Start point. */
  sx: number;
  sy: number;
  /** The disk the arc runs into at its end, or -1 for a whole circle. */
  into: number;
  used: boolean;
}

const TAU = 2 * Math.PI;
const norm = (a: number) => ((a % TAU) + TAU) % TAU;

/**
 * The union of disks of radius `r` round `centres` (planar), as rings: outer rings counter-clockwise, holes
 * clockwise, each circle drawn with `segments` sides (the polygon with the circle's area, as in the coverage).
 */
export function diskUnion(centres: readonly (readonly [number, number])[], r: number, segments = 64): number[][] {
  // Disks on the same spot are one.
  const seen = new Set<string>();
  const c = centres.filter(([x, y]) => {
    const k = `${x},${y}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const R = r * Math.sqrt(TAU / (segments * Math.sin(TAU / segments)));
  const step = TAU / segments;
  const arcs: Arc[][] = c.map(() => []);
  for (let i = 0; i < c.length; i++) {
    const [xi, yi] = c[i]!;
    // Angular intervals of circle i inside other disks: [θ − α, θ + α], with the disk each comes from.
    const covered: { a: number; b: number; by: number }[] = [];
    for (let j = 0; j < c.length; j++) {
      if (j === i) continue;
      const dx = c[j]![0] - xi;
      const dy = c[j]![1] - yi;
      const d = Math.hypot(dx, dy);
      if (d >= 2 * R) continue;
      const theta = Math.atan2(dy, dx);
      const alpha = Math.acos(d / (2 * R));
      const a = norm(theta - alpha);
      covered.push({ a, b: a + 2 * alpha, by: j });
    }
    if (covered.length === 0) {
      arcs[i]!.push({ circle: i, start: 0, end: TAU, sx: xi + R, sy: yi, into: -1, used: false });
      continue;
    }
    // Merge the intervals on [0, 2π) (those crossing 0 split in two); the gaps between merged blocks are the
    // circle's arcs on the union's boundary, each ending where it enters the disk that starts the next block.
    const pieces: { a: number; b: number; by: number }[] = [];
    for (const v of covered) {
      if (v.b <= TAU) pieces.push(v);
      else pieces.push({ a: v.a, b: TAU, by: v.by }, { a: 0, b: v.b - TAU, by: v.by });
    }
    pieces.sort((u, v) => u.a - v.a || v.b - u.b);
    const blocks: { a: number; b: number; by: number }[] = [];
    for (const v of pieces) {
      const last = blocks[blocks.length - 1];
      if (last && v.a <= last.b) last.b = Math.max(last.b, v.b);
      else blocks.push({ ...v });
    }
    const add = (start: number, end: number, into: number) =>
      arcs[i]!.push({ circle: i, start, end, sx: xi + R * Math.cos(start), sy: yi + R * Math.sin(start), into, used: false });
    for (let k = 0; k + 1 < blocks.length; k++) add(blocks[k]!.b, blocks[k + 1]!.a, blocks[k + 1]!.by);
    const first = blocks[0]!;
    const last = blocks[blocks.length - 1]!;
    if (last.b < first.a + TAU) add(last.b, first.a + TAU, first.by);
  }
  const rings: number[][] = [];
  for (const list of arcs) {
    for (const first of list) {
      if (first.used) continue;
      const ring: number[] = [];
      let arc: Arc | undefined = first;
      let guard = 0;
      while (arc && !arc.used && guard++ < 100_000) {
        arc.used = true;
        const [cx, cy] = c[arc.circle]!;
        ring.push(arc.sx, arc.sy);
        // Corners of the polygon strictly inside the arc.
        for (let t = Math.floor(arc.start / step + 1e-9) * step + step; t < arc.end - 1e-9; t += step) ring.push(cx + R * Math.cos(t), cy + R * Math.sin(t));
        if (arc.into < 0) break;
        // The arc ends where it enters disk `into`; the boundary goes on along that circle from the same point.
        const ex = cx + R * Math.cos(arc.end);
        const ey = cy + R * Math.sin(arc.end);
        let next: Arc | undefined;
        let best = Infinity;
        for (const cand of arcs[arc.into]!) {
          const d = (cand.sx - ex) ** 2 + (cand.sy - ey) ** 2;
          if (d < best) {
            best = d;
            next = cand;
          }
        }
        arc = next;
      }
      if (ring.length >= 6) rings.push(ring);
    }
  }
  return rings;
}

interface Crossing {
  x: number;
  y: number;
  /** Whether ring set A's boundary enters B's interior here (then B's leaves A's). */
  aEnters: boolean;
  visited: boolean;
  /** Where on each side: ring, segment, parameter along the segment. */
  at: [{ ring: number; seg: number; t: number }, { ring: number; seg: number; t: number }];
}

/** Thrown when the outlines touch or overlap along an edge: the caller falls back on a general clipper. */
class Degenerate extends Error {}

function segmentBoxes(rings: readonly number[][]): { index: Flatbush | null; refs: [number, number][] } {
  const refs: [number, number][] = [];
  for (let r = 0; r < rings.length; r++) for (let k = 0; k < rings[r]!.length / 2; k++) refs.push([r, k]);
  if (refs.length === 0) return { index: null, refs };
  const index = new Flatbush(refs.length);
  for (const [r, k] of refs) {
    const ring = rings[r]!;
    const n = ring.length;
    const j = 2 * k + 2 < n ? 2 * k + 2 : 0;
    index.add(Math.min(ring[2 * k]!, ring[j]!), Math.min(ring[2 * k + 1]!, ring[j + 1]!), Math.max(ring[2 * k]!, ring[j]!), Math.max(ring[2 * k + 1]!, ring[j + 1]!));
  }
  index.finish();
  return { index, refs };
}

/**
 * Intersection or union of two sets of rings in general position (outer rings counter-clockwise, holes
 * clockwise), by tracing their boundaries from crossing to crossing (Greiner–Hormann). At each crossing the
 * boundary goes on along whichever side heads into the other set (intersection) or out of it (union). Rings
 * without crossings are kept when they lie inside (intersection) or outside (union) the other set.
 */
export function clipRings(a: readonly number[][], b: readonly number[][], op: 'intersection' | 'union'): number[][] {
  const crossings: Crossing[] = [];
  const { index, refs } = segmentBoxes(b);
  const onRing: Crossing[][][] = [a.map(() => []), b.map(() => [])];
  if (index) {
    for (let ra = 0; ra < a.length; ra++) {
      const ring = a[ra]!;
      const n = ring.length;
      for (let k = 0; k < n; k += 2) {
        const j = k + 2 < n ? k + 2 : 0;
        const ax = ring[k]!;
        const ay = ring[k + 1]!;
        const bx = ring[j]!;
        const by = ring[j + 1]!;
        for (const hit of index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
          const [rb, sb] = refs[hit]!;
          const other = b[rb]!;
          const m = other.length;
          const cx = other[2 * sb]!;
          const cy = other[2 * sb + 1]!;
          const dx = other[2 * sb + 2 < m ? 2 * sb + 2 : 0]!;
          const dy = other[2 * sb + 2 < m ? 2 * sb + 3 : 1]!;
          const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
          const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
          const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
          const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
          if ((d1 > 0 && d2 > 0) || (d1 < 0 && d2 < 0) || (d3 > 0 && d4 > 0) || (d3 < 0 && d4 < 0)) continue;
          if (d1 === 0 || d2 === 0 || d3 === 0 || d4 === 0) throw new Degenerate('outlines touch');
          const t = d1 / (d1 - d2);
          const u = d3 / (d3 - d4);
          // A heads into B where it crosses B's edge from its right to its left (B's inside).
          const c: Crossing = {
            x: ax + t * (bx - ax),
            y: ay + t * (by - ay),
            aEnters: d2 > 0,
            visited: false,
            at: [
              { ring: ra, seg: k / 2, t },
              { ring: rb, seg: sb, t: u },
            ],
          };
          crossings.push(c);
          onRing[0]![ra]!.push(c);
          onRing[1]![rb]!.push(c);
        }
      }
    }
  }
  const sides = [a, b] as const;
  for (let side = 0; side < 2; side++)
    for (const list of onRing[side]!) list.sort((u, v) => u.at[side]!.seg - v.at[side]!.seg || u.at[side]!.t - v.at[side]!.t);

  const out: number[][] = [];
  for (const start of crossings) {
    if (start.visited) continue;
    const ring: number[] = [];
    let c = start;
    let guard = 0;
    do {
      c.visited = true;
      // Intersection: follow the side heading into the other; union: the side heading out of it.
      const side = (c.aEnters ? 0 : 1) ^ (op === 'union' ? 1 : 0);
      const pos = c.at[side]!;
      const list = onRing[side]![pos.ring]!;
      const next = list[(list.indexOf(c) + 1) % list.length]!;
      const src = sides[side]![pos.ring]!;
      const n = src.length / 2;
      ring.push(c.x, c.y);
      // Vertices from after c up to the next crossing (going round the ring if the next one is behind).
      const to = next.at[side]!;
      let k = (pos.seg + 1) % n;
      const wraps = to.seg < pos.seg || (to.seg === pos.seg && to.t <= pos.t) || next === c;
      let steps = wraps ? (to.seg - pos.seg + n) % n || n : to.seg - pos.seg;
      while (steps-- > 0) {
        ring.push(src[2 * k]!, src[2 * k + 1]!);
        k = (k + 1) % n;
      }
      c = next;
      if (++guard > crossings.length + 1) throw new Degenerate('tracing did not close');
    } while (c !== start);
    if (ring.length >= 6) out.push(ring);
  }
  // Rings that cross nothing lie wholly inside or outside the other set.
  const keepInside = op === 'intersection';
  for (let side = 0; side < 2; side++) {
    const own = sides[side]!;
    const other = sides[1 - side]!;
    own.forEach((r, i) => {
      if (onRing[side]![i]!.length > 0) return;
      if (insideRings(other, r[0]!, r[1]!) === keepInside) out.push([...r]);
    });
  }
  return out;
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
  let rings: number[][] | null = distanceM > 0 && centres.length ? diskUnion(centres, distanceM) : null;
  for (const p of polygons) {
    const b = distanceM > 0 ? buffer(p, distanceM, { units: 'meters', steps: 16 }) : p;
    if (!b) continue;
    const own = projectPolygons(b.geometry as Polygon | MultiPolygon, plane).flat();
    rings = rings ? clipRings(rings, own, 'union') : own;
  }
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
function overlayPlane(points: readonly [number, number][], polygons: readonly Feature<Polygon | MultiPolygon>[], studyArea: Polygon | MultiPolygon | null): LocalPlane {
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
