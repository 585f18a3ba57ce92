/**
 * Polygon operations in the dispersion analysis's plane, for the coverage: the union of equal disks from their
 * arcs, and the intersection or union of two sets of rings traced from crossing to crossing (Greiner–Hormann) —
 * both fast where a general clipper (polyclip-ts) takes 50–500 ms for a thousand vertices — and with them the
 * union of the disks and campus buffers. Rings are flat arrays, outer rings counter-clockwise, holes clockwise.
 */
import buffer from '@turf/buffer';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { insideRings, projectPolygons, type LocalPlane } from './dispersion-geo.ts';

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

/** Thrown when the outlines touch or overlap along an edge: the caller falls back on another method. */
export class Degenerate extends Error {}

/** A Flatbush index of rings' segments, and which ring and segment each entry is (reusable across clips). */
export interface SegmentIndex {
  index: Flatbush | null;
  refs: [number, number][];
}

export function segmentIndex(rings: readonly number[][]): SegmentIndex {
  const refs: [number, number][] = [];
  for (let r = 0; r < rings.length; r++) for (let k = 0; k < rings[r]!.length / 2; k++) refs.push([r, k]);
  if (refs.length === 0) return { index: null, refs };
  const index = new Flatbush(refs.length);
  for (const [r, k] of refs) {
    const ring = rings[r]!;
    const n = ring.length;
    const j = 2 * k + 2 < n ? 2 * k + 2 : 0;
    index.add(
      Math.min(ring[2 * k]!, ring[j]!),
      Math.min(ring[2 * k + 1]!, ring[j + 1]!),
      Math.max(ring[2 * k]!, ring[j]!),
      Math.max(ring[2 * k + 1]!, ring[j + 1]!),
    );
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
export function clipRings(a: readonly number[][], b: readonly number[][], op: 'intersection' | 'union', bIndex?: SegmentIndex): number[][] {
  const crossings: Crossing[] = [];
  const { index, refs } = bIndex ?? segmentIndex(b);
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

/**
 * The area within `distanceM` of some places, as rings in the plane: the union of the disks round `centres`
 * (planar) and of the polygons' buffers (@turf/buffer, 16 steps a quarter circle); null when there is none.
 * Throws {@link Degenerate} where outlines touch.
 */
export function coverageUnion(
  centres: readonly (readonly [number, number])[],
  polygons: readonly (Polygon | MultiPolygon)[],
  distanceM: number,
  plane: LocalPlane,
): number[][] | null {
  let rings: number[][] | null = distanceM > 0 && centres.length ? diskUnion(centres, distanceM) : null;
  for (const g of polygons) {
    const grown = distanceM > 0 ? buffer({ type: 'Feature', properties: {}, geometry: g }, distanceM, { units: 'meters', steps: 16 })?.geometry : g;
    if (!grown) continue;
    const own = projectPolygons(grown as Polygon | MultiPolygon, plane).flat();
    rings = rings ? clipRings(rings, own, 'union') : own;
  }
  return rings;
}
