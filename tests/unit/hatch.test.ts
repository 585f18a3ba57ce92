import { describe, expect, it } from 'vitest';
import { hatchImage } from '../../src/lib/layers/plan-layers.ts';
import { hatchPattern } from '../../src/lib/map/hatch.ts';

describe('hatch patterns for indicative outlines', () => {
  it('draws the colour the image name asks for, on a transparent ground', () => {
    const img = hatchPattern(hatchImage('#6d28d9'))!;
    expect([img.width, img.height]).toEqual([8, 8]);
    const opaque: number[][] = [];
    for (let i = 0; i < img.data.length; i += 4) if (img.data[i + 3] === 255) opaque.push([...img.data.slice(i, i + 3)]);
    expect(opaque.length).toBeGreaterThan(8);
    expect(opaque.length).toBeLessThan(32);
    expect(opaque.every((c) => c[0] === 0x6d && c[1] === 0x28 && c[2] === 0xd9)).toBe(true);
  });

  it('tiles seamlessly: the stripe leaving the right edge re-enters on the left', () => {
    const img = hatchPattern('hatch-000000')!;
    const on = (x: number, y: number) => img.data[(y * 8 + x) * 4 + 3] === 255;
    // Stripes run along x + y = constant: (7, y) continues at (0, y − 1) in the next tile.
    for (let y = 0; y < 8; y++) expect(on(7, y)).toBe(on(0, (y + 7) % 8));
    expect(on(0, 0)).not.toBe(on(0, 4));
  });

  it('scales with the pixel ratio and ignores other image names', () => {
    expect(hatchPattern('hatch-ffffff', 2)!.width).toBe(16);
    expect(hatchPattern('marker-15')).toBeNull();
    expect(hatchPattern('hatch-xyz')).toBeNull();
  });
});
