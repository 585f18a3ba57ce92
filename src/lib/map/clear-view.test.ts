import { describe, expect, it } from 'vitest';
import { inClear } from './clear-view.ts';

describe('inClear', () => {
  const padding = { top: 60, right: 0, bottom: 400, left: 0 };
  it('tells a point in the part of the map the overlays leave clear from one under them', () => {
    expect(inClear({ x: 100, y: 200 }, 390, 680, padding)).toBe(true);
    expect(inClear({ x: 100, y: 30 }, 390, 680, padding)).toBe(false);
    expect(inClear({ x: 100, y: 300 }, 390, 680, padding)).toBe(false);
    expect(inClear({ x: -5, y: 200 }, 390, 680, padding)).toBe(false);
  });
});
