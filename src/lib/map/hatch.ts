/** Width and height of a hatch tile, in pixels; the map repeats it. */
const SIZE = 8;

/**
 * A diagonal hatch tile for `fill-pattern`, drawn from an image name of the form `hatch-RRGGBB`
 * (see `hatchImage` in the plan layers); null for any other name.
 */
export function hatchPattern(name: string, pixelRatio = 1): { width: number; height: number; data: Uint8Array } | null {
  const m = /^hatch-([0-9a-f]{6})$/i.exec(name);
  if (!m) return null;
  const rgb = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16));
  const size = SIZE * pixelRatio;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // A 45° stripe: pixels whose diagonal index falls in the first quarter of the period.
      const d = (x + y) % size;
      if (d < Math.max(1, Math.round(size / 4))) {
        const i = (y * size + x) * 4;
        data[i] = rgb[0]!;
        data[i + 1] = rgb[1]!;
        data[i + 2] = rgb[2]!;
        data[i + 3] = 255;
      }
    }
  }
  return { width: size, height: size, data };
}
