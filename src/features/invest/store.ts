import type { DBSchema } from 'idb';
import { guarded, lazyDatabase, plainCopy } from '../../lib/storage/idb.ts';
import type { Inventory } from './types.ts';

export { StoreError, storeErrorCode, type StoreErrorCode } from '../../lib/storage/idb.ts';

interface ListingsSchema extends DBSchema {
  inventories: { key: string; value: Inventory };
}

export interface ListingsStoreOptions {
  /** The IndexedDB factory; the browser's `indexedDB` when absent (tests pass fake-indexeddb's). */
  indexedDB?: IDBFactory;
  /** Database name. */
  name?: string;
}

/** The imported inventories, kept in the browser until the user removes them. */
export interface ListingsStore {
  /** Every stored inventory, oldest import first. */
  listInventories(): Promise<Inventory[]>;
  /** Stores (or replaces, by id) an inventory. */
  saveInventory(inventory: Inventory): Promise<void>;
  removeInventory(id: string): Promise<void>;
  close(): void;
}

const DB_NAME = 'yangpu-listings';
const DB_VERSION = 1;

const looksLikeInventory = (v: unknown): v is Inventory =>
  !!v && typeof v === 'object' && typeof (v as Inventory).id === 'string' && Array.isArray((v as Inventory).listings);

/**
 * Opens the store of imported inventories. Every failure is a `StoreError` with code `storage-unavailable`,
 * `storage-full` or `storage-failed`. Inventories are stored as plain data (a reactive proxy is copied first).
 */
export function createListingsStore(options: ListingsStoreOptions = {}): ListingsStore {
  const db = lazyDatabase<ListingsSchema>({
    indexedDB: options.indexedDB,
    name: options.name ?? DB_NAME,
    version: DB_VERSION,
    upgrade(d) {
      if (!d.objectStoreNames.contains('inventories')) d.createObjectStore('inventories', { keyPath: 'id' });
    },
  });
  return {
    listInventories: () =>
      guarded(async () => {
        const all = await (await db.get()).getAll('inventories');
        return all.filter(looksLikeInventory).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
      }),
    saveInventory: (inventory) =>
      guarded(async () => {
        const plain = plainCopy(inventory);
        const tx = (await db.get()).transaction('inventories', 'readwrite');
        await Promise.all([tx.store.put(plain), tx.done]);
      }),
    removeInventory: (id) =>
      guarded(async () => {
        const tx = (await db.get()).transaction('inventories', 'readwrite');
        await Promise.all([tx.store.delete(id), tx.done]);
      }),
    close: () => db.close(),
  };
}

let defaultStore: ListingsStore | null = null;
const store = () => (defaultStore ??= createListingsStore());

/** Every stored inventory in this browser, oldest first. Throws `StoreError`. */
export const listInventories = (): Promise<Inventory[]> => store().listInventories();
/** Keeps an inventory in this browser across reloads. Throws `StoreError` (`storage-full`, …). */
export const saveInventory = (inventory: Inventory): Promise<void> => store().saveInventory(inventory);
/** Removes a stored inventory. Throws `StoreError`. */
export const removeInventory = (id: string): Promise<void> => store().removeInventory(id);
