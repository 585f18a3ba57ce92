// idb checks `instanceof IDBDatabase` etc. against the globals: fake-indexeddb/auto provides them (Node has none).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError as SharedStoreError } from '../../lib/storage/idb.ts';
import { createMonitorStore, keptDataset, observationKey, StoreError, type MonitorStore } from './store.ts';
import type { IndicatorDataset, TaskProgress } from './types.ts';
import { importMonitorFixture } from '../../../tests/fixtures/monitor/helpers.ts';

const dataset = (id: string, importedAt: string): IndicatorDataset => ({
  ...importMonitorFixture('valid.csv').dataset,
  id,
  name: `figures ${id}`,
  importedAt,
});

const TASKS: TaskProgress[] = [
  { n: 3, status: 'under_way', note: '已完成选址', date: '2026-05-01' },
  { n: 1, status: 'done', date: '2026-03-15' },
];

const opened: MonitorStore[] = [];
const storeOn = (factory: IDBFactory | undefined, name = 'test') => {
  const s = createMonitorStore(factory ? { indexedDB: factory, name } : { name });
  opened.push(s);
  return s;
};
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  vi.restoreAllMocks();
});

describe('monitor store (IndexedDB through idb)', () => {
  it('saves, lists (oldest import first), replaces by id and removes datasets', async () => {
    const store = storeOn(new IDBFactory());
    expect(await store.listDatasets()).toEqual([]);
    const b = dataset('b', '2026-02-01T00:00:00.000Z');
    const a = dataset('a', '2026-01-01T00:00:00.000Z');
    await store.saveDataset(b);
    await store.saveDataset(a);
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['a', 'b']);
    expect((await store.listDatasets())[1]).toEqual(b);
    expect((await store.listDatasets())[1]!.observations).toHaveLength(16);
    await store.saveDataset({ ...a, name: 'renamed' });
    expect((await store.listDatasets()).map((d) => d.name)).toEqual(['renamed', 'figures b']);
    await store.removeDataset('a');
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['b']);
    await store.removeDataset('missing');
    expect(await store.listDatasets()).toHaveLength(1);
  });

  it('task progress: saved as a whole, read back by task number, replaced by the next save', async () => {
    const store = storeOn(new IDBFactory());
    expect(await store.loadTasks()).toEqual([]);
    await store.saveTasks(TASKS);
    expect(await store.loadTasks()).toEqual([TASKS[1], TASKS[0]]);
    await store.saveTasks([{ n: 3, status: 'done', note: '已建成', date: '2026-11-01' }]);
    expect(await store.loadTasks()).toEqual([{ n: 3, status: 'done', note: '已建成', date: '2026-11-01' }]);
    await store.saveTasks([]);
    expect(await store.loadTasks()).toEqual([]);
  });

  it('keeps datasets and tasks across reopening (a reload)', async () => {
    const factory = new IDBFactory();
    const first = storeOn(factory);
    await first.saveDataset(dataset('x', '2026-01-01T00:00:00.000Z'));
    await first.saveTasks(TASKS);
    first.close();
    const again = storeOn(factory);
    expect((await again.listDatasets()).map((d) => [d.id, d.observations.length])).toEqual([['x', 16]]);
    expect((await again.loadTasks()).map((t) => [t.n, t.status])).toEqual([
      [1, 'done'],
      [3, 'under_way'],
    ]);
  });

  it('stores plain data even when given proxies (as reactive state objects are)', async () => {
    const store = storeOn(new IDBFactory());
    const d = dataset('p', '2026-01-01T00:00:00.000Z');
    await store.saveDataset(new Proxy(d, {}));
    expect((await store.listDatasets())[0]).toEqual(d);
    await store.saveTasks(new Proxy([...TASKS], {}));
    expect(await store.loadTasks()).toHaveLength(2);
  });

  it('skips records that are not datasets or tasks', async () => {
    const factory = new IDBFactory();
    const store = storeOn(factory, 'mixed');
    await store.saveDataset(dataset('ok', '2026-01-01T00:00:00.000Z'));
    await store.saveTasks(TASKS);
    await new Promise<void>((resolve, reject) => {
      const req = factory.open('mixed', 1);
      req.onsuccess = () => {
        const tx = req.result.transaction(['datasets', 'tasks'], 'readwrite');
        tx.objectStore('datasets').put({ id: 'junk', observations: 'not a list' });
        tx.objectStore('tasks').put({ n: 7, status: 'finished' });
        tx.objectStore('tasks').put({ n: 8.5, status: 'done' });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['ok']);
    expect((await store.loadTasks()).map((t) => t.n)).toEqual([1, 3]);
  });

  it('does not share a database with the listings', async () => {
    const factory = new IDBFactory();
    await storeOn(factory, 'yangpu-monitor').saveTasks(TASKS);
    const names = (await factory.databases()).map((d) => d.name);
    expect(names).toEqual(['yangpu-monitor']);
  });
});

describe('storage errors', () => {
  it('the error class is the shared one the listings use too: one StoreError for the UI to handle', () => {
    expect(StoreError).toBe(SharedStoreError);
  });

  it('no IndexedDB at all → storage-unavailable', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error the browser global goes away, as in some private modes
    delete globalThis.indexedDB;
    try {
      const bare = createMonitorStore();
      await expect(bare.listDatasets()).rejects.toMatchObject({ code: 'storage-unavailable' });
      await expect(bare.loadTasks()).rejects.toBeInstanceOf(StoreError);
      await expect(bare.saveTasks(TASKS)).rejects.toMatchObject({ code: 'storage-unavailable' });
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('open denied (SecurityError, as in private mode) → storage-unavailable, with its message', async () => {
    const factory = new IDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const err = await storeOn(factory)
      .loadTasks()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('storage-unavailable');
    expect((err as StoreError).importMessage.code).toBe('storage-unavailable');
    expect((err as StoreError).message).toMatch(/does not allow saving data/);
  });

  it('open failing with a request error (storage switched off) → storage-unavailable; a later open is tried again', async () => {
    const factory = new IDBFactory();
    const real = factory.open.bind(factory);
    const open = vi.spyOn(factory, 'open').mockImplementationOnce(() => {
      const request = {} as IDBOpenDBRequest & { error: DOMException };
      Object.defineProperty(request, 'error', { value: new DOMException('denied', 'UnknownError') });
      queueMicrotask(() => request.onerror?.(new Event('error')));
      return request;
    });
    const store = storeOn(factory);
    await expect(store.listDatasets()).rejects.toMatchObject({ code: 'storage-unavailable' });
    open.mockImplementation(real);
    expect(await store.listDatasets()).toEqual([]);
  });

  it('quota exceeded while saving a dataset → storage-full, and what was stored stays', async () => {
    const store = storeOn(new IDBFactory());
    await store.saveDataset(dataset('kept', '2026-01-01T00:00:00.000Z'));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Quota exceeded.', 'QuotaExceededError');
    });
    const err = await store.saveDataset(dataset('big', '2026-01-02T00:00:00.000Z')).catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('storage-full');
    expect((err as StoreError).importMessage.text).toMatch(/storage is full/);
    put.mockRestore();
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(['kept']);
  });

  it('quota exceeded while saving tasks → storage-full, and the previous progress stays whole', async () => {
    const store = storeOn(new IDBFactory());
    await store.saveTasks(TASKS);
    let calls = 0;
    const realPut = IDBObjectStore.prototype.put;
    // The first record goes in, the second hits the quota: the clear and the first put must be undone.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls === 2) throw new DOMException('Quota exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const err = await store
      .saveTasks([
        { n: 5, status: 'done' },
        { n: 6, status: 'done' },
      ])
      .catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('storage-full');
    vi.restoreAllMocks();
    expect(await store.loadTasks()).toEqual([TASKS[1], TASKS[0]]);
  });

  it('anything else → storage-failed, with the browser’s words', async () => {
    const store = storeOn(new IDBFactory());
    await store.loadTasks();
    vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(() => {
      throw new DOMException('Disk I/O error.', 'UnknownError');
    });
    const err = await store.listDatasets().catch((e: unknown) => e);
    expect((err as StoreError).code).toBe('storage-failed');
    expect((err as StoreError).importMessage).toEqual({
      code: 'storage-failed',
      params: { detail: 'Disk I/O error.' },
      text: 'Saving failed: Disk I/O error..',
    });
  });
});

describe('re-imports', () => {
  it('keeps a dataset’s fingerprint across a reopen, and still reads one saved without it', async () => {
    const factory = new IDBFactory();
    const store = storeOn(factory);
    await store.saveDataset({ ...dataset('new', '2026-01-02T00:00:00.000Z'), sha256: 'f'.repeat(64) });
    await store.saveDataset(dataset('old', '2026-01-01T00:00:00.000Z'));
    store.close();
    const again = await storeOn(factory).listDatasets();
    expect(again.map((d) => [d.id, d.sha256])).toEqual([
      ['old', undefined],
      ['new', 'f'.repeat(64)],
    ]);
  });

  it('keys a figure by indicator, year, place and value, not by its row or source', () => {
    const o = dataset('a', '2026-01-01T00:00:00.000Z').observations[0]!;
    expect(observationKey({ ...o, row: 40, source: 'another bulletin' })).toBe(observationKey(o));
    expect(observationKey({ ...o, value: o.value + 1 })).not.toBe(observationKey(o));
    expect(observationKey({ ...o, year: o.year + 1 })).not.toBe(observationKey(o));
    expect(observationKey({ ...o, place: 'somewhere' })).not.toBe(observationKey(o));
    expect(keptDataset({ ...dataset('a', '2026-01-01T00:00:00.000Z'), sha256: 'x' })).toMatchObject({ id: 'a', sha256: 'x', keys: expect.any(Array) });
  });
});
