import distance from '@turf/distance';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { nearestTo, whereabouts } from './near.ts';
import { accuracyRing } from './ring.ts';

// One thousandth of a degree of latitude on Turf's sphere (R = 6,371,008.8 m): R · 0.001 · π / 180 = 111.195 m.
const MILLI_DEG_M = 111.195;
const at: Position = [121.5, 31.3];
const square = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('nearestTo', () => {
  const items = [
    { id: 'far', where: [121.5, 31.305] as Position }, // 0.005° north: 555.98 m
    { id: 'near', where: [121.5, 31.301] as Position }, // 0.001° north: 111.195 m
    { id: 'around', where: square(121.49, 31.29, 121.51, 31.31) }, // contains the origin: 0
    { id: 'broken', where: null },
    { id: 'near-twin', where: [121.5, 31.301] as Position }, // the same point as 'near', after it in the input
  ];
  const ranked = nearestTo(at, items, (x) => x.where);

  it('ranks by straight-line distance to the nearest point, inside an area counting 0', () => {
    expect(ranked.map((r) => r.item.id)).toEqual(['around', 'near', 'near-twin', 'far']);
    expect(ranked[0]!.metres).toBe(0);
    expect(ranked[1]!.metres).toBeCloseTo(MILLI_DEG_M, 2);
    expect(ranked[3]!.metres).toBeCloseTo(5 * MILLI_DEG_M, 1);
  });

  it('leaves out what has no geometry instead of placing it at 0, and keeps the input order on ties', () => {
    expect(ranked.some((r) => r.item.id === 'broken')).toBe(false);
    expect(ranked[1]!.metres).toBe(ranked[2]!.metres);
  });

  it('returns at most `limit`, never mutating its input', () => {
    const copy = structuredClone(items);
    expect(nearestTo(at, items, (x) => x.where, { limit: 2 }).map((r) => r.item.id)).toEqual(['around', 'near']);
    expect(nearestTo(at, items, (x) => x.where, { limit: 0 })).toEqual([]);
    expect(items).toEqual(copy);
  });

  it('agrees with a brute-force ranking of random points (property)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 20; round++) {
      const points = Array.from({ length: 30 }, (): Position => [121.45 + rand() * 0.1, 31.25 + rand() * 0.1]);
      const from: Position = [121.45 + rand() * 0.1, 31.25 + rand() * 0.1];
      const got = nearestTo(from, points, (p) => p, { limit: 5 }).map((r) => r.metres);
      const want = points
        .map((p) => distance(from, p, { units: 'meters' }))
        .sort((a, b) => a - b)
        .slice(0, 5);
      got.forEach((m, i) => expect(m).toBeCloseTo(want[i]!, 6));
    }
  });
});

describe('whereabouts', () => {
  const area = square(121.49, 31.29, 121.51, 31.31);
  it('tells inside from outside, with the distance to the edge', () => {
    expect(whereabouts({ lon: 121.5, lat: 31.3, accuracy: 10 }, area)).toEqual({ inside: true });
    const out = whereabouts({ lon: 121.5, lat: 31.32, accuracy: 10 }, area);
    expect(out?.inside).toBe(false);
    // 0.01° north of the northern edge.
    expect(out && !out.inside && out.metres).toBeCloseTo(10 * MILLI_DEG_M, 0);
  });
  it('cannot tell without an outline', () => {
    expect(whereabouts({ lon: 121.5, lat: 31.3, accuracy: 10 }, null)).toBeNull();
  });
});

describe('accuracyRing', () => {
  it('is a closed ring whose every vertex lies at the radius', () => {
    const fix = { lon: 121.5, lat: 31.3, accuracy: 250 };
    const ring = accuracyRing(fix, undefined, 32).coordinates[0]!;
    expect(ring).toHaveLength(33);
    expect(ring[32]).toEqual(ring[0]);
    for (const p of ring) expect(distance([fix.lon, fix.lat], p, { units: 'meters' })).toBeCloseTo(250, 3);
  });
});
