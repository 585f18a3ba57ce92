import { t, type MessageKey } from '../i18n/index.ts';
import { importKey, type ImportCode } from './catalogue.ts';
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
