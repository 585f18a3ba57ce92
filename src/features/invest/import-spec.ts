import { hasMessage } from '../../lib/i18n/index.ts';
import { importKey } from '../../lib/import/catalogue.ts';
import { ACCEPT } from '../../lib/import/files.ts';
import { importRuns } from '../../lib/import/messages.ts';
import { workerReader } from '../../lib/import/read-worker.ts';
import type { ImportSpec } from '../../lib/import/spec.ts';
import { LISTING_IMPORT, type ListingOptions, type ListingResult } from './import.ts';
import { t } from './messages.ts';
import type { ListingField } from './types.ts';

/**
 * The listings import as the shared flow (lib/import/FileImport.svelte) shows it: its engine (import.ts), its
 * words and the test ids its tests use. Its messages and field labels are the kernel catalogue's `import.…` keys.
 */
export const LISTING_SPEC: ImportSpec<ListingField, ListingResult, ListingOptions> = {
  // The sample inventory is built by the same import as the panel opens: the engine is there already. Files are read
  // in a worker of the flow's own (read.worker.ts), or here where none can start.
  load: () =>
    Promise.resolve({
      ...LISTING_IMPORT,
      read: workerReader({
        create: () => new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' }),
        fallback: LISTING_IMPORT.read,
      }),
    }),
  // The text cleaning's notes name a column by its field id: said as the field's label.
  message: (lang, m) => importRuns(lang, m, (field) => (hasMessage(importKey(`field.${field}`)) ? t(lang, importKey(`field.${field}`)) : undefined)),
  fieldLabel: (lang, field) => t(lang, importKey(`field.${field}`)),
  // An operator's file often has columns of its own: one the import does not use is worth a look.
  flagUnused: true,
  accept: ACCEPT,
  words: {
    pick: 'investImport',
    pickHint: 'investImportHint',
    keptLoaded: 'investKeptLoaded',
    name: 'investInventoryName',
    nothingAdded: 'investNothingAdded',
  },
  testids: { root: 'invest-import', file: 'invest-file', commit: 'invest-commit' },
};
