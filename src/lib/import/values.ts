/*
 * Cell values any import reads the same way: numbers, dates and coordinates as spreadsheets write them, full-width
 * digits and Chinese punctuation included. What a value means to one table (a rent, a floor area, a year of
 * statistics) is that import's own.
 */

/** Full-width digits and punctuation to ASCII, spaces squeezed: what Chinese spreadsheets often hold. */
export const ascii = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** A plain decimal number, allowing thousands separators ("1,200.5"); NaN otherwise. */
export function parseNumber(raw: string): number {
  const s = ascii(raw).replace(/\s/g, '');
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[+-]?\.\d+$/.test(s)) return NaN;
  return Number(s.replace(/,/g, ''));
}

/** How a figure was written when it is not exact: "约200" / "200左右" (about), "200-300" (a range). */
export type Approximation = 'about' | 'range';

/** Words before a figure that say it is approximate: 约200, 大约 200, about 200, ~200, ≈200. */
const ABOUT_BEFORE = /^(约|大约|大概|approximately|approx\.?|about|around|ca\.|~|≈)\s*/i;
/** Words after a figure (and its unit) that say it is approximate: 200左右, 200平左右, 200 approx. */
const ABOUT_AFTER = /\s*(左右|上下|approx\.?|or so)$/i;

/**
 * A cell's figure without the words that make it approximate, and whether there were any. The rest ("200平",
 * "4.2-4.8元") is left for the table's own parser; a range is that parser's to find, as its separators and units
 * are its own. An operator who writes "约200平" has not promised 200: an import keeps the value and says so.
 */
export function withoutApproximation(raw: string): { text: string; about: boolean } {
  const s = ascii(raw);
  const text = s.replace(ABOUT_BEFORE, '').replace(ABOUT_AFTER, '');
  return { text, about: text !== s };
}

const IMMEDIATE = /^(即租|即时|即可|随时|现房|立即|可随时入驻|随时入驻|即可入驻|现可入驻|空置|now|immediately|immediate|available now|asap)$/i;

/**
 * A date as ISO `YYYY-MM-DD`: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 2026-03 or 2026年3月 (the 1st).
 * "即时" / "immediately" give `today`. Impossible dates (2026-02-30) and years outside 2000–2100 give null.
 */
export function parseDate(raw: string, today: string): string | null {
  const s = ascii(raw);
  if (!s) return null;
  if (IMMEDIATE.test(s)) return today;
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$/i.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = m[3] ? Number(m[3]) : 1;
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A coordinate in degrees: "121.5", "121.5°", "E121.5", "121.5E", or degrees-minutes-seconds ("121°30'15\"E").
 * A southern or western hemisphere letter makes it negative. NaN when unreadable.
 */
export function parseCoordinate(raw: string): number {
  let s = ascii(raw).toUpperCase().replace(/\s/g, '');
  if (!s) return NaN;
  let sign = 1;
  const hemi = /^([NSEW])|([NSEW])$/.exec(s);
  if (hemi) {
    const letter = hemi[1] ?? hemi[2];
    if (letter === 'S' || letter === 'W') sign = -1;
    s = s.replace(/^[NSEW]|[NSEW]$/, '');
  }
  // NFKC has turned ″ into ′′.
  const dms = /^(\d{1,3})°(?:(\d{1,2}(?:\.\d+)?)['′])?(?:(\d{1,2}(?:\.\d+)?)(?:["″]|''|′′))?$/.exec(s);
  if (dms) {
    return sign * (Number(dms[1]) + Number(dms[2] ?? 0) / 60 + Number(dms[3] ?? 0) / 3600);
  }
  s = s.replace(/°$/, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return NaN;
  return sign * Number(s);
}

/** Two coordinates in one cell ("121.50,31.30", "121.50 31.30"), in the order written; null when not two numbers. */
export function parseCoordinatePair(raw: string): [number, number] | null {
  const parts = ascii(raw)
    .replace(/^[([]|[)\]]$/g, '')
    .split(/\s*[,，;；\s]\s*/)
    .filter(Boolean);
  if (parts.length !== 2) return null;
  const a = parseCoordinate(parts[0]!);
  const b = parseCoordinate(parts[1]!);
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
}
