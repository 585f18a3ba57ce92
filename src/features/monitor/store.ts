import type { DBSchema } from 'idb';
import { keyText, type KeptImport } from '../../lib/import/reimport.ts';
import { guarded, lazyDatabase, plainCopy } from '../../lib/storage/idb.ts';
import { TASK_STATUSES, type IndicatorDataset, type Observation, type TaskProgress } from './types.ts';

export { StoreError, toStoreError } from '../../lib/storage/idb.ts';

interface MonitorSchema extends DBSchema {
  /** Imported indicator files, by dataset id. */
  datasets: { key: string; value: IndicatorDataset };
  /** The planner's task progress, one record per task, by task number. */
  tasks: { key: number; value: TaskProgress };
}

export interface MonitorStoreOptions {
  /** The IndexedDB factory; the browser's `indexedDB` when absent (tests pass fake-indexeddb's). */
  indexedDB?: IDBFactory;
  /** Database name (default `yangpu-monitor`). */
  name?: string;
}

/** The plan monitor's data kept in this browser: imported figures and the planner's task progress. */
export interface MonitorStore {
  /** Every stored dataset, oldest import first. */
  listDatasets(): Promise<IndicatorDataset[]>;
  /** Stores (or replaces, by id) a dataset. */
  saveDataset(dataset: IndicatorDataset): Promise<void>;
  /** Removes a dataset; removing one that is not there is no error. */
  removeDataset(id: string): Promise<void>;
  /** The stored task progress, by task number. */
  loadTasks(): Promise<TaskProgress[]>;
  /** Replaces the stored task progress with `tasks`, all or nothing (tasks left out are no longer stored). */
  saveTasks(tasks: readonly TaskProgress[]): Promise<void>;
  close(): void;
}

const DB_NAME = 'yangpu-monitor';
const DB_VERSION = 1;

const looksLikeDataset = (v: unknown): v is IndicatorDataset =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as IndicatorDataset).id === 'string' &&
  typeof (v as IndicatorDataset).importedAt === 'string' &&
  Array.isArray((v as IndicatorDataset).observations);

const looksLikeTask = (v: unknown): v is TaskProgress =>
  !!v && typeof v === 'object' && Number.isInteger((v as TaskProgress).n) && (TASK_STATUSES as readonly unknown[]).includes((v as TaskProgress).status);

/**
 * Opens the monitor's store (IndexedDB database `yangpu-monitor`). Every failure is a `StoreError` with code
 * `storage-unavailable`, `storage-full` or `storage-failed` (its `importMessage` is what to show). Records are
 * stored as plain data (a reactive proxy is copied first); records that do not look like datasets or tasks are
 * skipped when read.
 */
export function createMonitorStore(options: MonitorStoreOptions = {}): MonitorStore {
  const db = lazyDatabase<MonitorSchema>({
    indexedDB: options.indexedDB,
    name: options.name ?? DB_NAME,
    version: DB_VERSION,
    upgrade(d) {
      if (!d.objectStoreNames.contains('datasets')) d.createObjectStore('datasets', { keyPath: 'id' });
      if (!d.objectStoreNames.contains('tasks')) d.createObjectStore('tasks', { keyPath: 'n' });
    },
  });
  return {
    listDatasets: () =>
      guarded(async () => {
        const all = await (await db.get()).getAll('datasets');
        return all.filter(looksLikeDataset).sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
      }),
    saveDataset: (dataset) =>
      guarded(async () => {
        const plain = plainCopy(dataset);
        const tx = (await db.get()).transaction('datasets', 'readwrite');
        await Promise.all([tx.store.put(plain), tx.done]);
      }),
    removeDataset: (id) =>
      guarded(async () => {
        const tx = (await db.get()).transaction('datasets', 'readwrite');
        await Promise.all([tx.store.delete(id), tx.done]);
      }),
    loadTasks: () =>
      guarded(async () => {
        const all = await (await db.get()).getAll('tasks');
        return all.filter(looksLikeTask).sort((a, b) => a.n - b.n);
      }),
    saveTasks: (tasks) =>
      guarded(async () => {
        const plain = plainCopy([...tasks]);
        const tx = (await db.get()).transaction('tasks', 'readwrite');
        // One transaction, aborted on the first failure (a quota error may be thrown by `put` itself): the
        // previous progress stays as it was, never half replaced.
        const writes: Promise<unknown>[] = [tx.done];
        try {
          writes.push(tx.store.clear());
          for (const t of plain) writes.push(tx.store.put(t));
          await Promise.all(writes);
        } catch (e) {
          for (const w of writes) w.catch(() => {});
          try {
            tx.abort();
          } catch {
            // Already finished or aborted.
          }
          throw e;
        }
      }),
    close: () => db.close(),
  };
}

let defaultStore: MonitorStore | null = null;
const store = () => (defaultStore ??= createMonitorStore());

/** Every indicator dataset kept in this browser, oldest import first. Throws `StoreError`. */
export const listDatasets = (): Promise<IndicatorDataset[]> => store().listDatasets();
/** Keeps a dataset in this browser across reloads (replacing one with the same id). Throws `StoreError`. */
export const saveDataset = (dataset: IndicatorDataset): Promise<void> => store().saveDataset(dataset);
/** Removes a stored dataset. Throws `StoreError`. */
export const removeDataset = (id: string): Promise<void> => store().removeDataset(id);
/** The planner's task progress kept in this browser, by task number (tasks without a record are not started). Throws `StoreError`. */
export const loadTasks = (): Promise<TaskProgress[]> => store().loadTasks();
/** Replaces the task progress kept in this browser. Throws `StoreError`. */
export const saveTasks = (tasks: readonly TaskProgress[]): Promise<void> => store().saveTasks(tasks);

/** A figure as a re-import compares it: the same indicator, year, place and value, whatever its row or source. */
export const observationKey = (o: Observation): string => JSON.stringify([o.indicator, o.year, keyText(o.place), o.value]);

/** A kept dataset as the re-import matching sees it (see lib/import/reimport.ts). */
export function keptDataset(d: IndicatorDataset): KeptImport {
  return { id: d.id, name: d.name, fileName: d.fileName, importedAt: d.importedAt, sha256: d.sha256, keys: d.observations.map(observationKey) };
}
