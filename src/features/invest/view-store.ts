/**
 * The investors' view's access to the inventories: the team's sample (always there, never stored) and the
 * imported ones kept in this browser (IndexedDB through store.ts). A storage failure comes back as the message
 * the panel shows (storage unavailable, full, failed); what is loaded stays loaded.
 */
import { loadSampleInventory } from './sample-data.ts';
import { toStoreError } from '../../lib/storage/idb.ts';
import { listInventories, removeInventory, saveInventory } from './store.ts';
import type { Inventory } from './types.ts';
import type { ImportMessage } from '../../lib/import/types.ts';

/** The message of a storage failure, for the panel to word in the reader's language. */
export function storageProblem(err: unknown): ImportMessage {
  return toStoreError(err).importMessage;
}

/** The sample first, then the stored inventories in import order; a storage failure leaves just the sample. */
export async function loadInventories(): Promise<{ inventories: Inventory[]; problem: ImportMessage | null }> {
  const sample = loadSampleInventory();
  try {
    const stored = await listInventories();
    const sorted = [...stored].sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    return { inventories: [sample, ...sorted.filter((i) => i.id !== sample.id)], problem: null };
  } catch (err) {
    return { inventories: [sample], problem: storageProblem(err) };
  }
}

/** Keeps an inventory in this browser; null when saved, else the problem. */
export async function keepInventory(inventory: Inventory): Promise<ImportMessage | null> {
  try {
    await saveInventory(inventory);
    return null;
  } catch (err) {
    return storageProblem(err);
  }
}

/** Removes an inventory from this browser; null when done (or it was never stored), else the problem. */
export async function forgetInventory(id: string): Promise<ImportMessage | null> {
  try {
    await removeInventory(id);
    return null;
  } catch (err) {
    return storageProblem(err);
  }
}
