/**
 * Seeded randomness for the Monte Carlo tests: a small generator and uniform placements inside a study area. Pure
 * and reproducible: the same seed gives the same placements on every machine (integer arithmetic, no Math.random).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { projectPolygons, ringSignedArea, type LocalPlane } from './dispersion-geo.ts';
import { triangulate } from './dispersion-triangles.ts';

/**
 * Mulberry32 (Tommy Ettinger's 32-bit generator): uniform numbers in [0, 1). Chosen for being tiny, fast and
 * well-mixed enough for placements (a period of 2³², against at most a few million draws a test); not for cryptography. The
 * benchmark's synthetic data (scripts/bench/synthetic.ts) draws from it too.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A study area in a local plane, ready to draw uniform points in and to measure against: its triangles (earcut), its
 * area, perimeter and boundary edges. Points are drawn by picking a triangle with probability proportional to its
 * area, then a uniform point in it — exact and without rejections, however ragged the outline (a bounding-box
 * rejection sampler would waste most draws on the river and the neighbours' land).
 */
export class StudyRegion {
  /** Planar area (m²; the stereographic plane's scale error is below 10⁻⁶ at city scale). */
  readonly area: number;
  /** Length of the whole boundary, holes included (m). */
  readonly perimeter: number;
  /** Boundary edges as [x0, y0, x1, y1] runs, outer rings counter-clockwise and holes clockwise: inside is on the left. */
  readonly edges: Float64Array;
  /** Bounding box of the region [minX, minY, maxX, maxY]. */
  readonly bbox: [number, number, number, number];
  private readonly tris: Float64Array;
  private readonly cumulative: Float64Array;

  constructor(geometry: Polygon | MultiPolygon, plane: LocalPlane) {
    const polys = projectPolygons(geometry, plane);
    const edges: number[] = [];
    let perimeter = 0;
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const rings of polys) {
      for (const r of rings) {
        for (let i = 0; i < r.length; i += 2) {
          const j = i + 2 < r.length ? i + 2 : 0;
          edges.push(r[i]!, r[i + 1]!, r[j]!, r[j + 1]!);
          perimeter += Math.hypot(r[j]! - r[i]!, r[j + 1]! - r[i + 1]!);
          bbox[0] = Math.min(bbox[0], r[i]!);
          bbox[1] = Math.min(bbox[1], r[i + 1]!);
          bbox[2] = Math.max(bbox[2], r[i]!);
          bbox[3] = Math.max(bbox[3], r[i + 1]!);
        }
      }
    }
    const tris = triangulate(polys);
    this.tris = Float64Array.from(tris.flat());
    this.cumulative = new Float64Array(tris.length);
    let sum = 0;
    tris.forEach((t, k) => {
      sum += ringSignedArea(t);
      this.cumulative[k] = sum;
    });
    this.area = sum;
    this.perimeter = perimeter;
    this.edges = Float64Array.from(edges);
    this.bbox = bbox;
  }

  /** Writes `n` uniform points into `out` as x0, y0, x1, y1, … (out must hold 2n numbers). */
  sampleInto(n: number, rand: () => number, out: Float64Array): void {
    const cum = this.cumulative;
    const m = cum.length;
    const total = this.area;
    const t = this.tris;
    for (let k = 0; k < n; k++) {
      const u = rand() * total;
      let lo = 0;
      let hi = m - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      let a = rand();
      let b = rand();
      // A point of the parallelogram folded back into the triangle: uniform over the triangle.
      if (a + b > 1) {
        a = 1 - a;
        b = 1 - b;
      }
      const o = 6 * lo;
      const x0 = t[o]!;
      const y0 = t[o + 1]!;
      out[2 * k] = x0 + a * (t[o + 2]! - x0) + b * (t[o + 4]! - x0);
      out[2 * k + 1] = y0 + a * (t[o + 3]! - y0) + b * (t[o + 5]! - y0);
    }
  }

  /** Whether (x, y) lies inside (even–odd over every boundary edge, so holes and separate parts count right). */
  contains(x: number, y: number): boolean {
    const e = this.edges;
    let inside = false;
    for (let k = 0; k < e.length; k += 4) {
      const ay = e[k + 1]!;
      const by = e[k + 3]!;
      if (ay > y !== by > y) {
        const ax = e[k]!;
        if (x < ax + ((y - ay) * (e[k + 2]! - ax)) / (by - ay)) inside = !inside;
      }
    }
    return inside;
  }

  /** Distance from (x, y) to the nearest boundary edge (m). */
  boundaryDistance(x: number, y: number): number {
    const e = this.edges;
    let best = Infinity;
    for (let k = 0; k < e.length; k += 4) {
      const ax = e[k]!;
      const ay = e[k + 1]!;
      const dx = e[k + 2]! - ax;
      const dy = e[k + 3]! - ay;
      const len2 = dx * dx + dy * dy;
      let s = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
      s = s < 0 ? 0 : s > 1 ? 1 : s;
      const d2 = (x - ax - s * dx) ** 2 + (y - ay - s * dy) ** 2;
      if (d2 < best) best = d2;
    }
    return Math.sqrt(best);
  }
}
