/// <reference types="vite/client" />
// The sample inventory with its CSV bundled: load this module lazily (dynamic import), it carries the import code.
import sampleCsv from '../../../data/listings/sample.csv?raw';
import { buildSampleInventory } from './sample.ts';
import type { Inventory } from './types.ts';

/** The team's sample inventory ("示例数据 / Sample listings"): fictional offers at real park locations. */
export function loadSampleInventory(): Inventory {
  return buildSampleInventory(sampleCsv).inventory;
}
