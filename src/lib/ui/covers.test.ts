import { describe, expect, it } from 'vitest';
import { deepest, reach } from './covers.ts';

const rect = (left: number, top: number, width: number, height: number) => ({ left, top, width, height, right: left + width, bottom: top + height }) as DOMRect;
// A phone's map: 390 wide, from y = 106 to y = 787.
const phone = rect(0, 106, 390, 681);
// A desktop's map: 1280 × 743 from y = 57.
const desk = rect(0, 57, 1280, 743);

describe('reach', () => {
  it('measures a band from the side an overlay hangs on', () => {
    expect(reach(phone, rect(0, 400, 390, 387), 'bottom')).toEqual({ top: 0, right: 0, bottom: 387, left: 0 });
    expect(reach(desk, rect(810, 67, 416, 700), 'right')).toEqual({ top: 0, right: 470, bottom: 0, left: 0 });
  });

  it('takes, for an overlay of no set side, the band that leaves the most of the map clear', () => {
    // A full-width card along a phone's bottom: its band is the bottom, not the whole width from the left.
    expect(reach(phone, rect(0, 327, 390, 460), 'auto')).toEqual({ top: 0, right: 0, bottom: 460, left: 0 });
    // A card in a wide screen's top-left corner, taller than wide: a band along the left.
    expect(reach(desk, rect(12, 69, 352, 600), 'auto')).toEqual({ top: 0, right: 0, bottom: 0, left: 364 });
    // A wide notice along the top: a band along the top.
    expect(reach(desk, rect(10, 67, 900, 60), 'auto')).toEqual({ top: 70, right: 0, bottom: 0, left: 0 });
  });

  it('counts a hidden overlay as nothing and never reaches beyond the map', () => {
    expect(reach(phone, rect(0, 0, 0, 0), 'bottom')).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    expect(reach(phone, rect(0, 0, 390, 900), 'bottom')).toEqual({ top: 0, right: 0, bottom: 681, left: 0 });
  });
});

describe('deepest', () => {
  it('keeps the deepest band of each side', () => {
    expect(
      deepest([
        { top: 10, right: 0, bottom: 200, left: 0 },
        { top: 60, right: 5, bottom: 100, left: 0 },
      ]),
    ).toEqual({ top: 60, right: 5, bottom: 200, left: 0 });
  });
});
