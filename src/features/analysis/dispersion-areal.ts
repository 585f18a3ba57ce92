/**
 * Coverage areas for the dispersion analysis, park by park, without unioning buffers: the area within a distance
 * of stations or campuses is a union of convex pieces — a disk (an equal-area 64-gon) per station or point campus,
 * and per triangle of a campus outline the triangle grown by the disk (the campus's buffer is the union of its
 * triangles' buffers). A park's covered area is its area minus what is left after taking each nearby piece away;
 * taking a convex piece away splits a ring into its parts outside each edge (Sutherland–Hodgman clipping), so the
 * work stays local to the park. (Zones and the study area: dispersion-triangles.ts.)
 */
import type Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { clipRings, coverageUnion, Degenerate, segmentIndex, type SegmentIndex } from './dispersion-clip.ts';
import { clipHalfPlane, equalAreaPolygon, insideConvex, minkowskiConvex } from './dispersion-convex.ts';
import { growBBox, insideRings, projectPolygons, ringMeetsBox, ringsDist2, ringSignedArea, ringsBBox, type BBox, type LocalPlane } from './dispersion-geo.ts';
import { boxIndex } from './dispersion-nn.ts';
import type { PreparedPark } from './dispersion-prepare.ts';
import { triangulate } from './dispersion-triangles.ts';

interface Piece {
  ring: number[];
  bbox: BBox;
  /** Per edge, a, b, c of the line a·x + b·y + c = 0 with (a, b) the unit inward normal: the value is the distance inside. */
  lines?: Float64Array;
  /** For a disk: its centre and the radii of the circles inside and around its polygon. */
  disk?: { x: number; y: number; rIn2: number; rOut2: number; apothem: number; sides: number };
}

function edgeLines(ring: readonly number[]): Float64Array {
  const n = ring.length / 2;
  const lines = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const j = i + 1 < n ? i + 1 : 0;
    const x0 = ring[2 * i]!;
    const y0 = ring[2 * i + 1]!;
    const dx = ring[2 * j]! - x0;
    const dy = ring[2 * j + 1]! - y0;
    const len = Math.hypot(dx, dy) || 1;
    // Left of the directed edge is inside a counter-clockwise ring.
    lines[3 * i] = -dy / len;
    lines[3 * i + 1] = dx / len;
    lines[3 * i + 2] = (dy * x0 - dx * y0) / len;
  }
  return lines;
}

/** Whether a park lies inside a convex piece, outside it (beyond one of its sides) or across its outline. */
function convexSide(piece: Piece, park: PreparedPark): 'inside' | 'outside' | 'crossing' {
  const lines = (piece.lines ??= edgeLines(piece.ring));
  const [minX, minY, maxX, maxY] = park.bbox;
  const ox = (minX + maxX) / 2;
  const oy = (minY + maxY) / 2;
  const rho = Math.hypot(maxX - minX, maxY - minY) / 2;
  let inside = true;
  for (let i = 0; i < lines.length; i += 3) {
    const a = lines[i]!;
    const b = lines[i + 1]!;
    const c = lines[i + 2]!;
    const v = a * ox + b * oy + c;
    if (v >= rho) continue;
    if (v <= -rho) return 'outside';
    // Near this side: the vertices decide.
    let anyIn = false;
    let anyOut = false;
    for (const r of park.rings)
      for (let k = 0; k < r.length; k += 2) {
        if (a * r[k]! + b * r[k + 1]! + c >= 0) anyIn = true;
        else anyOut = true;
      }
    if (!anyIn) return 'outside';
    if (anyOut) inside = false;
  }
  return inside ? 'inside' : 'crossing';
}

/** Parts of `ring` outside the convex counter-clockwise `piece`. */
function subtractConvex(ring: number[], piece: Piece, out: number[][]): void {
  const lines = (piece.lines ??= edgeLines(piece.ring));
  // A circle around the ring: an edge whose line it does not cross leaves the ring wholly on one side. Parts cut
  // off later stay inside the ring's hull, hence inside the circle.
  const [minX, minY, maxX, maxY] = growBBox([Infinity, Infinity, -Infinity, -Infinity], ring);
  const ox = (minX + maxX) / 2;
  const oy = (minY + maxY) / 2;
  const rho = Math.hypot(maxX - minX, maxY - minY) / 2;
  let rem: number[] | null = ring;
  const m = lines.length / 3;
  // A disk's sides that can cut the ring face it: those whose outward normal is within ±Δ of the direction to
  // the ring, where dist·cos Δ + ρ reaches the apothem. The others leave the ring inside; skipping them is exact.
  let first = 0;
  let count = m;
  const d = piece.disk;
  if (d) {
    const dist = Math.hypot(ox - d.x, oy - d.y);
    const q = dist > 0 ? (d.apothem - rho) / dist : -Infinity;
    if (q >= 1) return;
    if (q > -1) {
      const step = (2 * Math.PI) / d.sides;
      const phi = Math.atan2(oy - d.y, ox - d.x);
      const delta = Math.acos(q);
      // Side k's outward normal points at angle (k + ½)·step.
      first = Math.floor((phi - delta) / step - 0.5) - 1;
      count = Math.min(m, Math.ceil((2 * delta) / step) + 3);
    }
  }
  for (let e = 0; e < count && rem; e++) {
    const i = 3 * ((((first + e) % m) + m) % m);
    const a = lines[i]!;
    const b = lines[i + 1]!;
    const c = lines[i + 2]!;
    const centre = a * ox + b * oy + c;
    if (centre >= rho) continue;
    if (centre <= -rho) {
      out.push(rem);
      return;
    }
    let anyIn = false;
    let anyOut = false;
    for (let v = 0; v < rem.length; v += 2) {
      if (a * rem[v]! + b * rem[v + 1]! + c >= 0) anyIn = true;
      else anyOut = true;
      if (anyIn && anyOut) break;
    }
    if (!anyOut) continue;
    if (!anyIn) {
      out.push(rem);
      return;
    }
    const outside = clipHalfPlane(rem, -a, -b, -c);
    if (outside) out.push(outside);
    rem = clipHalfPlane(rem, a, b, c);
  }
}

/** The area within a distance of some places: a union of convex pieces, asked park by park. */
export class CoverageSet {
  private readonly pieces: Piece[];
  private readonly index: Flatbush | null;
  private readonly distanceM: number;
  private readonly makeRegion: () => number[][] | null;
  /** The union's outline, built on first need (undefined: not yet; null: could not be traced). */
  private region: { rings: number[][]; index: SegmentIndex } | null | undefined;

  private constructor(pieces: Piece[], distanceM: number, makeRegion: () => number[][] | null) {
    this.pieces = pieces;
    this.distanceM = distanceM;
    this.makeRegion = makeRegion;
    this.index = boxIndex(pieces);
  }

  get size(): number {
    return this.pieces.length;
  }

  /** Disks of radius `distanceM` around points and buffers of polygons, in the plane. */
  static of(points: readonly (readonly [number, number])[], polygons: readonly (Polygon | MultiPolygon)[], distanceM: number, plane: LocalPlane): CoverageSet {
    const pieces: Piece[] = [];
    const disk = equalAreaPolygon(0, 0, distanceM);
    const rOut = Math.hypot(disk[0]!, disk[1]!);
    const rIn = rOut * Math.cos(Math.PI / (disk.length / 2));
    for (const [lon, lat] of points) {
      const [x, y] = plane.forward(lon, lat);
      const ring = disk.map((v, i) => v + (i % 2 ? y : x));
      pieces.push({ ring, bbox: ringsBBox([ring]), disk: { x, y, rIn2: rIn * rIn, rOut2: rOut * rOut, apothem: rIn, sides: disk.length / 2 } });
    }
    for (const g of polygons) {
      for (const tri of triangulate(projectPolygons(g, plane))) {
        const ring = minkowskiConvex(tri, disk);
        pieces.push({ ring, bbox: ringsBBox([ring]) });
      }
    }
    const centres = pieces.filter((p) => p.disk).map((p) => [p.disk!.x, p.disk!.y] as [number, number]);
    return new CoverageSet(pieces, distanceM, () => coverageUnion(centres, polygons, distanceM, plane));
  }

  private regionOutline(): { rings: number[][]; index: SegmentIndex } | null {
    if (this.region === undefined) {
      try {
        const rings = this.makeRegion();
        this.region = rings ? { rings, index: segmentIndex(rings) } : null;
      } catch (err) {
        if (!(err instanceof Degenerate)) throw err;
        this.region = null;
      }
    }
    return this.region;
  }

  /** Planar area of the park inside the union of pieces. */
  coveredArea(park: PreparedPark): number {
    if (!this.index || park.kind === 'point') return 0;
    const cands = this.index.search(park.bbox[0], park.bbox[1], park.bbox[2], park.bbox[3]);
    if (cands.length === 0) return 0;
    cands.sort((a, b) => a - b);
    // Disks: inside the inscribed circle → covered; beyond the circumscribed one → no part.
    let relevant = 0;
    for (const c of cands) {
      const piece = this.pieces[c]!;
      const d = piece.disk;
      if (!d) {
        const side = convexSide(piece, park);
        if (side === 'inside') return park.planarArea;
        if (side === 'crossing') cands[relevant++] = c;
        continue;
      }
      let far = 0;
      for (const r of park.rings) for (let i = 0; i < r.length; i += 2) far = Math.max(far, (r[i]! - d.x) ** 2 + (r[i + 1]! - d.y) ** 2);
      if (far <= d.rIn2) return park.planarArea;
      if (!insideRings(park.rings, d.x, d.y) && ringsDist2(park.rings, d.x, d.y) >= d.rOut2) continue;
      cands[relevant++] = c;
    }
    cands.length = relevant;
    if (relevant === 0) return 0;
    // A park larger than the distance, or among many pieces: taking the pieces away one by one would split it
    // into many parts; intersect it with the union's outline instead (traced once, reused for every park).
    const [minX, minY, maxX, maxY] = park.bbox;
    if (relevant > 6 || Math.hypot(maxX - minX, maxY - minY) > this.distanceM) {
      const region = this.regionOutline();
      if (region) {
        try {
          let s = 0;
          for (const r of clipRings(park.rings, region.rings, 'intersection', region.index)) s += ringSignedArea(r);
          return Math.min(park.planarArea, Math.max(0, s));
        } catch (err) {
          if (!(err instanceof Degenerate)) throw err;
        }
      }
    }
    let left: number[][] = park.rings;
    for (const c of cands) {
      const piece = this.pieces[c]!;
      const next: number[][] = [];
      for (const r of left) {
        if (!ringMeetsBox(r, piece.bbox)) next.push(r);
        else subtractConvex(r, piece, next);
      }
      left = next;
      if (left.length === 0) break;
    }
    let remaining = 0;
    for (const r of left) remaining += ringSignedArea(r);
    return Math.min(park.planarArea, Math.max(0, park.planarArea - remaining));
  }

  /** Whether a point of the plane lies in the union. */
  contains(x: number, y: number): boolean {
    if (!this.index) return false;
    for (const c of this.index.search(x, y, x, y)) if (insideConvex(this.pieces[c]!.ring, x, y)) return true;
    return false;
  }
}
