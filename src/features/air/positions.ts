/**
 * Small helpers on lon/lat positions for the low-altitude analysis: repeated and distinct positions, boxes (west,
 * south, east, north) and rounding for display.
 */
import type { Position } from 'geojson';

/** A lon/lat box: [west, south, east, north]. */
export type Box = [number, number, number, number];

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Drops consecutive repeats (copies the positions; the input is not changed). */
export function dedupe(coords: Position[]): Position[] {
  const out: Position[] = [];
  for (const c of coords) if (!out.length || !samePosition(out[out.length - 1]!, c)) out.push([c[0]!, c[1]!]);
  return out;
}

/** How many distinct finite positions there are, counting no further than 2. */
export function distinctCount(coords: Position[]): number {
  const seen = new Set<string>();
  for (const c of coords) {
    if (Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1])) seen.add(`${c[0]},${c[1]}`);
    if (seen.size >= 2) break;
  }
  return seen.size;
}

/** The box of some positions. */
export function boxOf(coords: Position[]): Box {
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

/** Locations to 7 decimals (~1 cm): stable for deduplication and display. */
export function round(p: Position): [number, number] {
  return [Math.round(p[0]! * 1e7) / 1e7, Math.round(p[1]! * 1e7) / 1e7];
}
