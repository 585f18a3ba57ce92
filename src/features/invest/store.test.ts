// idb checks `instanceof IDBDatabase` etc. against the globals: fake-indexeddb/auto provides them (Node has none).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createListingsStore, StoreError, storeErrorCode, type ListingsStore } from './store.ts';
import type { Inventory } from './types.ts';
import { importFixture } from '../../../tests/fixtures/listings/helpers.ts';

const inventory = (id: string, importedAt: string): Inventory => ({
  ...importFixture('valid-utf8.csv').inventory,
  id,
  name: `inventory ${id}`,
  importedAt,
});

const opened: ListingsStore[] = [];
const storeOn = (factory: IDBFactory | undefined, name = 'test') => {
  const s = createListingsStore(factory ? { indexedDB: factory, name } : { name });
  opened.push(s);
  return s;
};
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  vi.restoreAllMocks();
});

describe('listings store (IndexedDB through idb)', () => {
  it('saves, lists (oldest first), replaces by id and removes', async () => {
    const store = storeOn(new IDBFactory());
    expect(await store.listInventories()).toEqual([]);
    const b = inventory('b', '2026-01-02T00:00:00.000Z');
    const a = inventory('a', '2026-01-01T00:00:00.000Z');
    await store.saveInventory(b);
    await store.saveInventory(a);
    expect((await store.listInventories()).map((i) => i.id)).toEqual(['a', 'b']);
    expect((await store.listInventories())[1]).toEqual(b);
    await store.saveInventory({ ...a, name: 'renamed' });
    expect((await store.listInventories()).map((i) => i.name)).toEqual(['renamed', 'inventory b']);
    await store.removeInventory('a');
    expect((await store.listInventories()).map((i) => i.id)).toEqual(['b']);
    await store.removeInventory('missing');
    expect(await store.listInventories()).toHaveLength(1);
  });

  it('keeps inventories across reopening (a reload)', async () => {
    const factory = new IDBFactory();
    const first = storeOn(factory);
    await first.saveInventory(inventory('x', '2026-01-01T00:00:00.000Z'));
    first.close();
    const again = storeOn(factory);
    expect((await again.listInventories()).map((i) => [i.id, i.listings.length])).toEqual([['x', 5]]);
  });

  it('stores plain data even when given a proxy (as a reactive state object is)', async () => {
    const store = storeOn(new IDBFactory());
    const inv = inventory('p', '2026-01-01T00:00:00.000Z');
    const proxy = new Proxy(inv, {});
    await store.saveInventory(proxy);
    expect((await store.listInventories())[0]).toEqual(inv);
  });

  it('skips records that are not inventories', async () => {
    const factory = new IDBFactory();
    const store = storeOn(factory, 'mixed');
    await store.saveInventory(inventory('ok', '2026-01-01T00:00:00.000Z'));
    await new Promise<void>((resolve, reject) => {
      const req = factory.open('mixed', 1);
      req.onsuccess = () => {
        const tx = req.result.transaction('inventories', 'readwrite');
        tx.objectStore('inventories').put({ id: 'junk', listings: 'not a list' });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    expect((await store.listInventories()).map((i) => i.id)).toEqual(['ok']);
  });
});

describe('storage errors', () => {
  it('no IndexedDB at all → storage-unavailable', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error the browser global goes away, as in some private modes
    delete globalThis.indexedDB;
    try {
      const bare = createListingsStore();
      await expect(bare.listInventories()).rejects.toMatchObject({ code: 'storage-unavailable' });
      await expect(bare.saveInventory(inventory('a', 'x'))).rejects.toBeInstanceOf(StoreError);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('open refused (SecurityError, as in private mode) → storage-unavailable, with its message', async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const err = await storeOn(factory)
      .listInventories()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('storage-unavailable');
    expect((err as StoreError).importMessage.code).toBe('storage-unavailable');
    expect((err as StoreError).message).toMatch(/does not allow saving data/);
  });

  it('quota exceeded while saving → storage-full, and what was stored stays', async () => {
    const factory = new IDBFactory();
    const store = storeOn(factory);
    await store.saveInventory(inventory('kept', '2026-01-01T00:00:00.000Z'));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded.', 'QuotaExceededError');
    });
    const err = await store.saveInventory(inventory('big', '2026-01-02T00:00:00.000Z')).catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('storage-full');
    expect((err as StoreError).importMessage.text).toMatch(/storage is full/);
    put.mockRestore();
    expect((await store.listInventories()).map((i) => i.id)).toEqual(['kept']);
  });

  it('maps the error shapes browsers use', () => {
    expect(storeErrorCode(new DOMException('x', 'QuotaExceededError'))).toBe('storage-full');
    expect(storeErrorCode({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('storage-full');
    expect(storeErrorCode({ name: 'Error', code: 22 })).toBe('storage-full');
    expect(storeErrorCode(new DOMException('x', 'SecurityError'))).toBe('storage-unavailable');
    expect(storeErrorCode(new DOMException('x', 'InvalidStateError'))).toBe('storage-unavailable');
    expect(storeErrorCode(new DOMException('x', 'DataCloneError'))).toBe('storage-failed');
    expect(storeErrorCode('weird')).toBe('storage-failed');
    expect(new StoreError('storage-failed', 'disk on fire').importMessage).toEqual({
      code: 'storage-failed',
      params: { detail: 'disk on fire' },
      text: 'Saving failed: disk on fire.',
    });
  });
});

describe('re-imports', () => {
  it('keeps an inventory’s fingerprint across a reopen, and still reads one saved without it', async () => {
    const factory = new IDBFactory();
    const store = storeOn(factory);
    await store.saveInventory({ ...inventory('new', '2026-01-02T00:00:00.000Z'), sha256: 'e'.repeat(64) });
    await store.saveInventory(inventory('old', '2026-01-01T00:00:00.000Z'));
    store.close();
    const again = await storeOn(factory).listInventories();
    expect(again.map((i) => [i.id, i.sha256])).toEqual([
      ['old', undefined],
      ['new', 'e'.repeat(64)],
    ]);
  });
});
