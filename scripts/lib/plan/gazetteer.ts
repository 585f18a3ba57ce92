import { readFileSync } from 'node:fs';

/** Default location of the team's gazetteer, seen from the project's root ($GAZETTEER overrides). */
export const DEFAULT_GAZETTEER = '../shared/data/gazetteer/places.csv';
/** Default location of the plan's Chinese text ($PLAN_TEXT overrides). */
export const DEFAULT_PLAN_TEXT = '../shared/seed/yangpu-action-plan-2024-2026.zh.txt';

export interface GazetteerRow {
  id: string;
  name_zh: string;
  name_en: string;
  kind: string;
  /** null where the gazetteer leaves lon/lat empty (not located). */
  lon: number | null;
  lat: number | null;
  precision_m: number | null;
  source: string;
  notes: string;
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f !== ''));
}

const num = (s: string | undefined): number | null => (s === undefined || s.trim() === '' ? null : Number(s));

/** Reads gazetteer/places.csv (columns id,name_zh,name_en,kind,lon,lat,precision_m,source,notes). */
export function loadGazetteer(path = process.env.GAZETTEER ?? DEFAULT_GAZETTEER): Map<string, GazetteerRow> {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const expected = 'id,name_zh,name_en,kind,lon,lat,precision_m,source,notes';
  if (header?.join(',') !== expected) throw new Error(`${path}: unexpected header ${header?.join(',')}`);
  return new Map(
    rows.map((r) => [
      r[0]!,
      {
        id: r[0]!,
        name_zh: r[1] ?? '',
        name_en: r[2] ?? '',
        kind: r[3] ?? '',
        lon: num(r[4]),
        lat: num(r[5]),
        precision_m: num(r[6]),
        source: r[7] ?? '',
        notes: r[8] ?? '',
      },
    ]),
  );
}
