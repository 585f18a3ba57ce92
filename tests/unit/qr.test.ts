import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrPath, qrRows } from '../../src/lib/ui/qr.ts';

/** Draws the code as a scanner would see it (4 px a module, the 4-module quiet zone white) and decodes it with jsQR. */
function decode(text: string): string | null {
  const rows = qrRows(text);
  if (!rows) return null;
  const scale = 4;
  const quiet = 4;
  const side = (rows.length + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  rows.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const i = (((r + quiet) * scale + y) * side + (c + quiet) * scale + x) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
        }
    }),
  );
  return jsQR(pixels, side, side)?.data ?? null;
}

describe('QR codes of links', () => {
  it('decodes back to the link it was made from', () => {
    const link = 'https://map.example.cn/?lang=en&z=14.2&c=121.5123,31.2987&sel=plan:fudan-science-park&layers=-zones,listings';
    expect(decode(link)).toBe(link);
  });

  it('holds a link longer than medium correction allows (2,331 bytes) at the lower level, and says so', () => {
    const link = `https://map.example.cn/?lang=zh&${Array.from({ length: 160 }, (_, i) => `k${i}=${'x'.repeat(10)}`).join('&')}`;
    expect(link.length).toBeGreaterThan(2331);
    const path = qrPath(link)!;
    expect(path.level).toBe('L');
    expect(decode(link)).toBe(link);
  });

  it('keeps hostile text as data: the path holds only moves and lines', () => {
    const text = 'https://x.cn/?q="><script>alert(1)</script>&n=\n';
    const path = qrPath(text)!;
    expect(path.d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    expect(decode(text)).toBe(text);
  });

  it('refuses a text no QR code can hold instead of cutting it', () => {
    expect(qrPath('x'.repeat(8000))).toBeNull();
  });
});
