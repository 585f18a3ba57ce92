/**
 * Zones and the study area for the dispersion analysis: a polygon is cut into disjoint triangles (earcut); a park's
 * area inside it is the sum of its clipped areas in the triangles its box meets. The coverage (dispersion-areal.ts)
 * cuts campus outlines into the same triangles.
 */
import earcut from 'earcut';
import type Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { clipConvex, insideConvex } from './dispersion-convex.ts';
import { projectPolygons, ringMeetsBox, ringSignedArea, ringsBBox, type BBox, type LocalPlane } from './dispersion-geo.ts';
import { boxIndex } from './dispersion-nn.ts';
import type { PreparedPark } from './dispersion-prepare.ts';

/** Triangles of projected polygons (counter-clockwise, flat). */
export function triangulate(polys: readonly (readonly number[][])[]): number[][] {
  const tris: number[][] = [];
  for (const rings of polys) {
    const flat: number[] = [];
    const holes: number[] = [];
    rings.forEach((r, k) => {
      if (k > 0) holes.push(flat.length / 2);
      for (const v of r) flat.push(v);
    });
    const idx = earcut(flat, holes, 2);
    for (let t = 0; t < idx.length; t += 3) {
      const a = idx[t]!;
      const b = idx[t + 1]!;
      const c = idx[t + 2]!;
      const tri = [flat[2 * a]!, flat[2 * a + 1]!, flat[2 * b]!, flat[2 * b + 1]!, flat[2 * c]!, flat[2 * c + 1]!];
      const s = ringSignedArea(tri);
      if (s === 0) continue;
      tris.push(s > 0 ? tri : [tri[0]!, tri[1]!, tri[4]!, tri[5]!, tri[2]!, tri[3]!]);
    }
  }
  return tris;
}

/** Whether every vertex of the rings lies in the convex counter-clockwise ring. */
function allInside(convex: readonly number[], rings: readonly (readonly number[])[]): boolean {
  for (const r of rings) for (let i = 0; i < r.length; i += 2) if (!insideConvex(convex, r[i]!, r[i + 1]!)) return false;
  return true;
}

/** A polygon cut into disjoint triangles, for parks' areas inside it and points in it. */
export class TriangleSet {
  private readonly tris: { ring: number[]; bbox: BBox }[];
  private readonly index: Flatbush | null;
  /** Planar area of the polygon. */
  readonly area: number;
  /** Whether the triangles add up to the polygon (false for a broken outline the triangulator could not cut). */
  readonly exact: boolean;

  constructor(geometry: Polygon | MultiPolygon, plane: LocalPlane) {
    const polys = projectPolygons(geometry, plane);
    this.area = polys.reduce((s, rings) => s + rings.reduce((t, r) => t + ringSignedArea(r), 0), 0);
    this.tris = triangulate(polys).map((ring) => ({ ring, bbox: ringsBBox([ring]) }));
    const sum = this.tris.reduce((s, t) => s + ringSignedArea(t.ring), 0);
    this.exact = this.area > 0 && Math.abs(sum - this.area) <= 1e-9 * this.area + 1e-6;
    this.index = boxIndex(this.tris);
  }

  /** Planar area of the park inside the polygon. */
  overlapArea(park: PreparedPark): number {
    if (!this.index || park.kind === 'point') return 0;
    const cands = this.index.search(park.bbox[0], park.bbox[1], park.bbox[2], park.bbox[3]);
    if (cands.length === 0) return 0;
    cands.sort((a, b) => a - b);
    for (const c of cands) if (allInside(this.tris[c]!.ring, park.rings)) return park.planarArea;
    let s = 0;
    for (const c of cands) {
      const t = this.tris[c]!;
      for (const r of park.rings) {
        if (!ringMeetsBox(r, t.bbox)) continue;
        const clipped = clipConvex(r, t.ring);
        if (clipped) s += ringSignedArea(clipped);
      }
    }
    return Math.min(park.planarArea, Math.max(0, s));
  }

  contains(x: number, y: number): boolean {
    if (!this.index) return false;
    for (const c of this.index.search(x, y, x, y)) if (insideConvex(this.tris[c]!.ring, x, y)) return true;
    return false;
  }
}
