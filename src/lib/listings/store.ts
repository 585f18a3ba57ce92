import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { message } from './messages.ts';
import type { ImportMessage, Inventory } from './types.ts';

interface ListingsSchema extends DBSchema {
  inventories: { key: string; value: Inventory };
}

/** Why storing failed: no usable IndexedDB (private mode, denied, none), no space, or anything else. */
export type StoreErrorCode = 'storage-unavailable' | 'storage-full' | 'storage-failed';

/** A storage failure with its code and the message to show (`message.code` = `code`). */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly importMessage: ImportMessage;
  constructor(code: StoreErrorCode, detail: string) {
    const m = code === 'storage-failed' ? message(code, { detail }) : message(code);
    super(m.text);
    this.name = 'StoreError';
    this.code = code;
    this.importMessage = m;
  }
}

const errorName = (e: unknown): string =>
  e && typeof e === 'object' && 'name' in e && typeof (e as { name: unknown }).name === 'string' ? (e as { name: string }).name : '';

/**
 * The code for an error thrown by IndexedDB. Quota errors come as `QuotaExceededError` (a DOMException, legacy code
 * 22; Firefox's NS_ERROR_DOM_QUOTA_REACHED has the same name), sometimes only as a transaction's error. Private
 * modes and blocked storage throw `SecurityError` or `InvalidStateError` on open.
 */
export function storeErrorCode(e: unknown): StoreErrorCode {
  const name = errorName(e);
  const code = e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : undefined;
  if (name === 'QuotaExceededError' || code === 22 || /quota/i.test(name)) return 'storage-full';
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError') return 'storage-unavailable';
  return 'storage-failed';
}

const toStoreError = (e: unknown): StoreError =>
  e instanceof StoreError ? e : new StoreError(storeErrorCode(e), e instanceof Error ? e.message : String(e));

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

function open(factory: IDBFactory, name: string): Promise<IDBPDatabase<ListingsSchema>> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DB_VERSION);
    } catch (e) {
      reject(new StoreError(storeErrorCode(e) === 'storage-full' ? 'storage-full' : 'storage-unavailable', String(e)));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('inventories')) db.createObjectStore('inventories', { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(wrap(request.result) as unknown as IDBPDatabase<ListingsSchema>);
    // A failed open (private mode, storage switched off) leaves nothing to save to.
    request.onerror = () => {
      const code = storeErrorCode(request.error);
      reject(new StoreError(code === 'storage-full' ? code : 'storage-unavailable', String(request.error)));
    };
    request.onblocked = () => reject(new StoreError('storage-unavailable', 'blocked by another tab'));
  });
}

const looksLikeInventory = (v: unknown): v is Inventory =>
  !!v && typeof v === 'object' && typeof (v as Inventory).id === 'string' && Array.isArray((v as Inventory).listings);

/**
 * Opens the store of imported inventories. Every failure is a `StoreError` with code `storage-unavailable`,
 * `storage-full` or `storage-failed`. Inventories are stored as plain data (a reactive proxy is copied first).
 */
export function createListingsStore(options: ListingsStoreOptions = {}): ListingsStore {
  const factory = options.indexedDB ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  const name = options.name ?? DB_NAME;
  let db: Promise<IDBPDatabase<ListingsSchema>> | null = null;
  const database = () => {
    if (!factory) return Promise.reject(new StoreError('storage-unavailable', 'no IndexedDB'));
    db ??= open(factory, name).catch((e: unknown) => {
      db = null;
      throw e;
    });
    return db;
  };
  return {
    async listInventories() {
      try {
        const all = await (await database()).getAll('inventories');
        return all.filter(looksLikeInventory).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
      } catch (e) {
        throw toStoreError(e);
      }
    },
    async saveInventory(inventory) {
      try {
        const plain = JSON.parse(JSON.stringify(inventory)) as Inventory;
        const tx = (await database()).transaction('inventories', 'readwrite');
        await Promise.all([tx.store.put(plain), tx.done]);
      } catch (e) {
        throw toStoreError(e);
      }
    },
    async removeInventory(id) {
      try {
        const tx = (await database()).transaction('inventories', 'readwrite');
        await Promise.all([tx.store.delete(id), tx.done]);
      } catch (e) {
        throw toStoreError(e);
      }
    },
    close() {
      void db?.then((d) => d.close()).catch(() => {});
      db = null;
    },
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
