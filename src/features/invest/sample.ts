import { readFile } from '../../lib/import/read.ts';
import { buildInventory } from './import.ts';
import { suggestMapping } from './mapping.ts';
import { SAMPLE_INVENTORY_ID, SAMPLE_INVENTORY_NAME, type Inventory } from './types.ts';
import { type ImportReport } from '../../lib/import/types.ts';

/** The file name the sample inventory cites. */
export const SAMPLE_FILE_NAME = 'sample.csv';
/** When the sample was authored: its fixed import time, so that it is the same on every load. */
export const SAMPLE_AUTHORED = '2026-11-30T00:00:00.000Z';

/**
 * Builds the team's sample inventory from the text of `data/listings/sample.csv`, through the same reading,
 * mapping and checks as an operator's file. Every listing is marked `sample`; ids are stable (`sample:<row>`).
 */
export function buildSampleInventory(csvText: string): { inventory: Inventory; report: ImportReport } {
  const read = readFile({ name: SAMPLE_FILE_NAME, bytes: new TextEncoder().encode(csvText) });
  if (!read.table) throw new Error(`sample.csv: ${read.fileErrors.map((e) => e.text).join('; ')}`);
  return buildInventory(read.table, suggestMapping(read.table.headers), {
    crs: 'wgs84',
    name: SAMPLE_INVENTORY_NAME,
    fileName: SAMPLE_FILE_NAME,
    id: SAMPLE_INVENTORY_ID,
    sample: true,
    now: new Date(SAMPLE_AUTHORED),
  });
}
