import { describe, expect, it } from 'vitest';
import { boxesMeet, boxOf, grow } from '../../src/lib/data/box.ts';

describe('lon/lat boxes', () => {
  it('bounds the positions given, in any order', () => {
    expect(
      boxOf([
        [121.5, 31.3],
        [121.4, 31.35],
        [121.55, 31.28],
      ]),
    ).toEqual([121.4, 31.28, 121.55, 31.35]);
    expect(boxOf([[121.5, 31.3]])).toEqual([121.5, 31.3, 121.5, 31.3]);
  });

  it('meets another box when they overlap or touch, not when apart', () => {
    expect(boxesMeet([0, 0, 1, 1], [0.5, 0.5, 2, 2])).toBe(true);
    expect(boxesMeet([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(boxesMeet([0, 0, 1, 1], [1.01, 0, 2, 1])).toBe(false);
    expect(boxesMeet([0, 0, 1, 1], [0, -2, 1, -0.5])).toBe(false);
  });

  it('grows by at least the distance on every side', () => {
    // 1105 m is 0.01° of latitude; at 31.3°N a degree of longitude is cos(31.3°) as long.
    const [w, s, e, n] = grow([121.5, 31.3, 121.6, 31.4], 1105);
    expect(s).toBeCloseTo(31.29, 10);
    expect(n).toBeCloseTo(31.41, 10);
    const dLon = 0.01 / Math.cos((31.4 * Math.PI) / 180);
    expect(w).toBeCloseTo(121.5 - dLon, 10);
    expect(e).toBeCloseTo(121.6 + dLon, 10);
  });
});
