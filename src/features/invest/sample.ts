import { readFile } from '../../lib/import/read.ts';
import { buildInventory } from './import.ts';
import { suggestMapping } from './mapping.ts';
import { SAMPLE_INVENTORY_ID, SAMPLE_INVENTORY_NAME, type Inventory, type ListingEnglish } from './types.ts';
import { type ImportReport } from '../../lib/import/types.ts';

/** The file name the sample inventory cites. */
export const SAMPLE_FILE_NAME = 'sample.csv';
/** The sample's columns that give its own words (park names, buildings, addresses, its operator) in English. */
export const ENGLISH_COLUMNS: Record<keyof ListingEnglish, string> = {
  name: 'name (English)',
  building: 'building (English)',
  address: 'address (English)',
  operator: 'operator (English)',
};
/** When the sample was authored: its fixed import time, so that it is the same on every load. */
export const SAMPLE_AUTHORED = '2026-11-30T00:00:00.000Z';

/**
 * Builds the team's sample inventory from the text of `data/listings/sample.csv`, through the same reading,
 * mapping and checks as an operator's file. Every listing is marked `sample`; ids are stable (`sample:<row>`).
 */
export function buildSampleInventory(csvText: string): { inventory: Inventory; report: ImportReport } {
  const read = readFile({ name: SAMPLE_FILE_NAME, bytes: new TextEncoder().encode(csvText) });
  if (!read.table) throw new Error(`sample.csv: ${read.fileErrors.map((e) => e.text).join('; ')}`);
  // The English columns are the sample's own: they leave the table before the import reads it, as an operator's
  // file would not have them, and join the listings afterwards by row.
  const table = read.table;
  const english = new Set<string>(Object.values(ENGLISH_COLUMNS));
  const keep = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([h]) => !english.has(h)));
  const built = buildInventory(
    { ...table, headers: table.headers.filter((h) => !english.has(h)), rows: table.rows.map((r) => ({ ...r, values: keep(r.values) })) },
    suggestMapping(table.headers.filter((h) => !english.has(h))),
    {
      crs: 'wgs84',
      name: SAMPLE_INVENTORY_NAME,
      fileName: SAMPLE_FILE_NAME,
      id: SAMPLE_INVENTORY_ID,
      sample: true,
      now: new Date(SAMPLE_AUTHORED),
    },
  );
  const byRow = new Map(table.rows.map((r) => [r.row, r.values]));
  for (const l of built.inventory.listings) {
    const values = byRow.get(l.row ?? -1) ?? {};
    const en = Object.fromEntries(
      Object.entries(ENGLISH_COLUMNS)
        .map(([field, header]) => [field, values[header]?.trim() ?? ''])
        .filter(([, text]) => text !== ''),
    ) as ListingEnglish;
    if (Object.keys(en).length) l.en = en;
  }
  return built;
}
