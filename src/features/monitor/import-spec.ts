import { workerReader } from '../../lib/import/read-worker.ts';
import type { ImportSpec } from '../../lib/import/spec.ts';
import type { ImportMessage } from '../../lib/import/types.ts';
import { INDICATOR_ACCEPT, INDICATOR_IMPORT, type IndicatorField, type IndicatorOptions, type PlaceNames } from './import.ts';
import { monitorImportKey } from './import-catalogue.ts';
import { monitorMessageRuns } from './import-messages.ts';
import { t } from './messages.ts';
import type { MonitorState } from './state.svelte.ts';
import { saveDataset, toStoreError } from './store.ts';
import type { IndicatorDataset } from './types.ts';

/**
 * The statistics import as the shared flow (lib/import/FileImport.svelte) shows it: its engine, its words and the
 * test ids its tests use. Its own messages are the monitor import catalogue's; shared ones the kernel's.
 */
export const INDICATOR_SPEC: ImportSpec<IndicatorField, IndicatorDataset, IndicatorOptions> = {
  // The template and the export need the import's columns anyway: it comes with the panel. Files are read in a
  // worker of the flow's own (read.worker.ts), or here where none can start.
  load: () =>
    Promise.resolve({
      ...INDICATOR_IMPORT,
      read: workerReader({
        create: () => new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' }),
        fallback: INDICATOR_IMPORT.read,
      }),
    }),
  message: monitorMessageRuns,
  fieldLabel: (lang, field) => t(lang, monitorImportKey(`field.${field}`)),
  // The export's name columns are for readers: no need to ask about them.
  flagUnused: false,
  accept: INDICATOR_ACCEPT,
  words: {
    pick: 'mvImport',
    pickHint: 'mvImportHint',
    keptLoaded: 'mvKeptLoaded',
    name: 'mvDatasetName',
    nothingAdded: 'mvNothingAdded',
  },
  testids: { file: 'monitor-file', commit: 'monitor-commit', failed: 'monitor-file-failed' },
};

/** The places a figure may name: every place of the plan, located or not, with its names. */
export function planPlaces(app: {
  unlocated: readonly { id: string; name_zh: string; name_en: string }[];
  plan: { features: readonly { properties: { id: string; name_zh: string; name_en: string } }[] } | null;
}): PlaceNames {
  return new Map([
    ...app.unlocated.map((r) => [r.id, { name_zh: r.name_zh, name_en: r.name_en }] as const),
    ...(app.plan?.features ?? []).map((f) => [f.properties.id, { name_zh: f.properties.name_zh, name_en: f.properties.name_en }] as const),
  ]);
}

/**
 * Keeps an imported dataset: in use at once, and in this browser's storage. A storage failure keeps the figures
 * for this visit; its message is the monitor's storage problem and comes back for the report.
 */
export async function keepDataset(mon: MonitorState, dataset: IndicatorDataset): Promise<ImportMessage | null> {
  mon.datasets = [...mon.datasets, dataset];
  try {
    await saveDataset(dataset);
    return null;
  } catch (err) {
    const problem = toStoreError(err).importMessage;
    mon.storageProblem = problem;
    return problem;
  }
}
