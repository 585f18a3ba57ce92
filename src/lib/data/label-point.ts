import type { Position } from 'geojson';
import polylabel from 'polylabel';

/** Options of {@link polygonLabelPoint}. */
export interface LabelPointOptions {
  /** Precision of the search, in degrees of latitude (default 1e-6, about 0.1 m). */
  precision?: number;
}

/**
 * The point of a polygon (or of the largest part of a multipolygon) farthest from its edges: where a symbol or
 * a single position for the whole shape belongs. Longitude is scaled by the cosine of the latitude first, so
 * "well inside" holds on the ground, not only in degrees. Rings with fewer than four positions do not count;
 * `undefined` when no polygon is left. The input is not changed.
 */
export function polygonLabelPoint(polygons: Position[][][], options: LabelPointOptions = {}): Position | undefined {
  const { precision = 1e-6 } = options;
  const valid = polygons.filter((p) => (p[0]?.length ?? 0) >= 4);
  if (!valid.length) return undefined;
  const largest = valid.reduce((a, b) => (Math.abs(ringArea(b[0]!)) > Math.abs(ringArea(a[0]!)) ? b : a));
  const outer = largest[0]!;
  const lat0 = outer.reduce((s, c) => s + c[1]!, 0) / outer.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const p = polylabel(largest.map((ring) => ring.map((c) => [c[0]! * k, c[1]!] as [number, number])), precision);
  return [round(p[0] / k), round(p[1])];
}

/**
 * The point halfway along a line, measured on the ground (longitude scaled by the cosine of the first position's
 * latitude): where a symbol for the whole line belongs. `undefined` for an empty line. The input is not changed.
 */
export function lineLabelPoint(coords: Position[]): Position | undefined {
  if (!coords.length) return undefined;
  const lat0 = coords[0]![1]!;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const seg = (a: Position, b: Position) => Math.hypot((b[0]! - a[0]!) * k, b[1]! - a[1]!);
  let total = 0;
  for (let i = 1; i < coords.length; i++) total += seg(coords[i - 1]!, coords[i]!);
  let walked = 0;
  for (let i = 1; i < coords.length; i++) {
    const a = coords[i - 1]!;
    const b = coords[i]!;
    const d = seg(a, b);
    if (walked + d >= total / 2 && d > 0) {
      const t = (total / 2 - walked) / d;
      return [round(a[0]! + (b[0]! - a[0]!) * t), round(a[1]! + (b[1]! - a[1]!) * t)];
    }
    walked += d;
  }
  return [coords[0]![0]!, coords[0]![1]!];
}

function ringArea(ring: Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return s / 2;
}

const round = (v: number) => Math.round(v * 1e7) / 1e7;
