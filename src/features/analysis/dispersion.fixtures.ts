// Shapes in metres around 121.5°E 31.3°N, and checks shared by the dispersion tests.
import type { Polygon, Position } from 'geojson';
import { expect } from 'vitest';
import type { DispersionResult, ParkFeature } from './dispersion-types.ts';
import { rng } from '../../../scripts/bench/synthetic.ts';

export const M_LAT = 111_195.08;
export const M_LON = M_LAT * Math.cos((31.3 * Math.PI) / 180);
export const ll = (x: number, y: number): [number, number] => [121.5 + x / M_LON, 31.3 + y / M_LAT];
export const pt = (id: string, x: number, y: number): ParkFeature => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Point', coordinates: ll(x, y) },
});
export const ring = (pts: [number, number][]): Position[] => [...pts.map(([x, y]) => ll(x, y)), ll(pts[0]![0], pts[0]![1])];
export const poly = (id: string, pts: [number, number][], holes: [number, number][][] = []): ParkFeature => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Polygon', coordinates: [ring(pts), ...holes.map(ring)] },
});
export const sq = (id: string, x: number, y: number, s: number) =>
  poly(id, [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
  ]);
export const codes = (r: DispersionResult) => r.messages.map((m) => m.code);
export const msg = (r: DispersionResult, code: string) => r.messages.find((m) => m.code === code);

export function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) for (const x of v) numbers(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) numbers(x, out);
  return out;
}
export const noNaN = (r: DispersionResult) => expect(numbers(r).filter((x) => !Number.isFinite(x))).toEqual([]);

export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** Random parks in a 4 km square: points and small irregular convex polygons. */
export function randomParks(n: number, seed: number, pointShare = 0.5): ParkFeature[] {
  const rand = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = rand() * 4000;
    const y = rand() * 4000;
    if (rand() < pointShare) return pt(`r${i}`, x, y);
    const r = 20 + rand() * 120;
    const k = 4 + Math.floor(rand() * 6);
    const rot = rand() * Math.PI;
    return poly(
      `r${i}`,
      Array.from({ length: k }, (_, j) => [x + r * Math.cos(rot + (2 * Math.PI * j) / k), y + r * Math.sin(rot + (2 * Math.PI * j) / k)] as [number, number]),
    );
  });
}

export const square4km: Polygon = {
  type: 'Polygon',
  coordinates: [
    ring([
      [-500, -500],
      [4500, -500],
      [4500, 4500],
      [-500, 4500],
    ]),
  ],
};
