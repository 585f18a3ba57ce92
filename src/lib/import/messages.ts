import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { importKey, type ImportCode } from './catalogue.ts';
import { messageRuns, type TextRun } from './runs.ts';
import type { ImportMessage } from './types.ts';

/**
 * A message with a code the UI words in the reader's language through `key`; its `text` is the English wording
 * with the params filled in, for tests and logs. Every import's messages (files, rows, snapshots, task files) are
 * built here, so each catalogue is the one place their words live.
 */
export function codedMessage(code: string, key: MessageKey, params?: Record<string, string | number>): ImportMessage {
  const text = t('en', key, params);
  return params ? { code, params, text } : { code, text };
}

/** Builds a message of the shared import (file reading, columns, rows, storage). */
export const message = (code: ImportCode, params?: Record<string, string | number>): ImportMessage => codedMessage(code, importKey(code), params);

/** Display names of the coordinate systems, as the messages cite them. */
export const CRS_NAMES = { wgs84: 'WGS-84', gcj02: 'GCJ-02', bd09: 'BD-09' } as const;

/**
 * A message of the shared import in `lang`, as runs (what the file said marked by its script). Notes from the text
 * cleaning name a column by its field id ("source"): `fieldLabel` says it as the import's label of that column.
 */
export function importRuns(lang: Lang, m: ImportMessage, fieldLabel?: (field: string) => string | undefined): TextRun[] {
  const field = m.params?.['field'];
  const label = typeof field === 'string' ? fieldLabel?.(field) : undefined;
  return messageRuns(lang, importKey(m.code), label === undefined ? m.params : { ...m.params, field: label });
}
