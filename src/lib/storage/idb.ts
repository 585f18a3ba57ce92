import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { message } from '../import/messages.ts';
import type { ImportMessage } from '../import/types.ts';

/**
 * What the browser-side stores share (the investors' inventories, the plan monitor's figures and task progress):
 * opening an IndexedDB database lazily, and turning every IndexedDB failure into a `StoreError` whose message the
 * UI can show.
 */

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

/** Any error as a `StoreError` (a `StoreError` stays as it is). */
export const toStoreError = (e: unknown): StoreError =>
  e instanceof StoreError ? e : new StoreError(storeErrorCode(e), e instanceof Error ? e.message : String(e));

/** Runs a storage operation; whatever it throws comes out as a `StoreError`. */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (e) {
    throw toStoreError(e);
  }
}

/** A copy as plain data: IndexedDB's structured clone refuses proxies (a Svelte state object is one). */
export const plainCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface DatabaseOptions {
  /** The IndexedDB factory; the browser's `indexedDB` when absent (tests pass fake-indexeddb's). */
  indexedDB?: IDBFactory | undefined;
  /** Database name. */
  name: string;
  version: number;
  /** Creates or migrates the object stores (runs in the version-change transaction). */
  upgrade: (db: IDBDatabase, oldVersion: number) => void;
}

/** A database opened on first use and reopened after a failed open or a `close()`. */
export interface LazyDatabase<S extends DBSchema> {
  /** The open database; rejects with a `StoreError` when it cannot be opened. */
  get(): Promise<IDBPDatabase<S>>;
  close(): void;
}

function open<S extends DBSchema>(factory: IDBFactory, options: DatabaseOptions): Promise<IDBPDatabase<S>> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(options.name, options.version);
    } catch (e) {
      reject(new StoreError(storeErrorCode(e) === 'storage-full' ? 'storage-full' : 'storage-unavailable', String(e)));
      return;
    }
    request.onupgradeneeded = (event) => options.upgrade(request.result, event.oldVersion);
    request.onsuccess = () => resolve(wrap(request.result) as unknown as IDBPDatabase<S>);
    // A failed open (private mode, storage switched off) leaves nothing to save to.
    request.onerror = () => {
      const code = storeErrorCode(request.error);
      reject(new StoreError(code === 'storage-full' ? code : 'storage-unavailable', String(request.error)));
    };
    request.onblocked = () => reject(new StoreError('storage-unavailable', 'blocked by another tab'));
  });
}

/**
 * A database opened lazily through `idb`. Opening failures are `StoreError`s: `storage-unavailable` (no
 * IndexedDB, private mode, denied, blocked by another tab) or `storage-full`; a failed open is retried on next use.
 */
export function lazyDatabase<S extends DBSchema>(options: DatabaseOptions): LazyDatabase<S> {
  const factory = options.indexedDB ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  let db: Promise<IDBPDatabase<S>> | null = null;
  return {
    get() {
      if (!factory) return Promise.reject(new StoreError('storage-unavailable', 'no IndexedDB'));
      db ??= open<S>(factory, options).catch((e: unknown) => {
        db = null;
        throw e;
      });
      return db;
    },
    close() {
      void db?.then((d) => d.close()).catch(() => {});
      db = null;
    },
  };
}
