/**
 * Lon/lat boxes ([west, south, east, north]): the box of some positions, whether two meet, and a box grown by a
 * distance. Used by the low-altitude analysis in the browser and by the data build's obstacle extract.
 */
import type { Position } from 'geojson';

/** A lon/lat box: [west, south, east, north]. */
export type Box = [number, number, number, number];

/** The box of some positions. */
export function boxOf(coords: Iterable<Position>): Box {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const c of coords) {
    w = Math.min(w, c[0]!);
    e = Math.max(e, c[0]!);
    s = Math.min(s, c[1]!);
    n = Math.max(n, c[1]!);
  }
  return [w, s, e, n];
}

/** Whether two boxes meet (touching counts). */
export const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** A box grown by `metres` on every side (a generous bound: a degree of latitude is ≥ 110.5 km). */
export function grow([w, s, e, n]: Box, metres: number): Box {
  const dLat = metres / 110_500;
  const dLon = dLat / Math.max(0.01, Math.cos((Math.max(Math.abs(s), Math.abs(n)) * Math.PI) / 180));
  return [w - dLon, s - dLat, e + dLon, n + dLat];
}
