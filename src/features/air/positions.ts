/**
 * Small helpers on lon/lat positions for the low-altitude analysis: repeated and distinct positions and rounding for
 * display (boxes are in lib/data/box.ts).
 */
import type { Position } from 'geojson';

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

/** Locations to 7 decimals (~1 cm): stable for deduplication and display. */
export function round(p: Position): [number, number] {
  return [Math.round(p[0]! * 1e7) / 1e7, Math.round(p[1]! * 1e7) / 1e7];
}
