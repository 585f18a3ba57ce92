/**
 * A QR code of a text as one SVG path, made here in the page by the `qrcode` package: nothing is asked of any host.
 * The path is drawn as data (an attribute value), never as markup.
 */
import QRCode from 'qrcode';

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** The dark modules as one path on a grid of `size` units: a row's run of dark modules is one rectangle. */
  d: string;
  /** The error correction the text fitted at: M (15 %) when it fits, else L (7 %) for a long link. */
  level: 'M' | 'L';
}

/** The QR code of `text`, or null when it is too long for any QR code. */
export function qrPath(text: string): QrPath | null {
  for (const level of ['M', 'L'] as const) {
    let qr: QRCode.QRCode;
    try {
      qr = QRCode.create(text, { errorCorrectionLevel: level });
    } catch {
      continue; // too long at this level
    }
    const { size, data } = qr.modules;
    let d = '';
    for (let r = 0; r < size; r++) {
      let c = 0;
      while (c < size) {
        if (!data[r * size + c]) {
          c++;
          continue;
        }
        const start = c;
        while (c < size && data[r * size + c]) c++;
        d += `M${start} ${r}h${c - start}v1h${start - c}z`;
      }
    }
    return { size, d, level };
  }
  return null;
}

/** The dark modules as rows of booleans (for tests and for drawing on a canvas). */
export function qrRows(text: string): boolean[][] | null {
  const p = qrPath(text);
  if (!p) return null;
  const rows = Array.from({ length: p.size }, () => new Array<boolean>(p.size).fill(false));
  for (const m of p.d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    const [c, r, n] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < n; i++) rows[r]![c + i] = true;
  }
  return rows;
}
