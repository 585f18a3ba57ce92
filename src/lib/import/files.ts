import { message } from './messages.ts';
import type { ImportMessage } from './types.ts';

/*
 * What a file must be before it is read: light enough to load with a panel (no parser), so that a file picker can
 * say what it takes and a huge file is refused before it is read into memory.
 */

/** Default size limit of an imported file. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Every file name ending the reader takes (`readFile`), for a file picker's `accept`. */
export const ACCEPT = '.csv,.tsv,.txt,.geojson,.json,.kml';

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The file error of a file over `maxBytes`; null when it is within. */
export function fileTooLarge(size: number, maxBytes = MAX_FILE_BYTES): ImportMessage | null {
  return size > maxBytes ? message('file-too-large', { sizeMB: mb(size), maxMB: mb(maxBytes) }) : null;
}
