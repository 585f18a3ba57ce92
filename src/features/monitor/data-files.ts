import { downloadBlob } from '../../lib/data/download.ts';
import type { AppState } from '../../lib/state/app.svelte.ts';
import type { PlaceNames } from './import.ts';
import { t } from './messages.ts';
import { exportFileName, observationsCsv, templateCsv, templateFileName } from './template.ts';

/*
 * The statistics' files besides the import: the CSV template to fill in, and the export of every figure in the
 * import's columns. Each download says so on the status line.
 */

const CSV = 'text/csv;charset=utf-8';

/** Downloads the CSV template. */
export function downloadTemplate(app: AppState): void {
  const file = templateFileName(app.lang);
  downloadBlob(new Blob([templateCsv(app.lang)], { type: CSV }), file);
  app.status = t(app.lang, 'mvDownloaded', { file });
}

/** Downloads every figure in use, its places named from `places`. */
export function exportFigures(app: AppState, places: PlaceNames): void {
  const file = exportFileName();
  downloadBlob(new Blob([observationsCsv(app.features.monitor.observations, app.lang, { places })], { type: CSV }), file);
  app.status = t(app.lang, 'mvDownloaded', { file });
}
