import { codedMessage } from '../../lib/import/messages.ts';
import { type Lang } from '../../lib/i18n/index.ts';
import { t } from './messages.ts';
import { importKey } from '../../lib/import/catalogue.ts';
import { monitorImportKey, monitorImportZh, type MonitorImportCode } from './import-catalogue.ts';
import type { ImportMessage } from '../../lib/import/types.ts';

export type { MonitorImportCode } from './import-catalogue.ts';

/** Builds a monitor import message; its `text` is the English wording with the params filled in. */
export function monitorMessage(code: MonitorImportCode, params?: Record<string, string | number>): ImportMessage {
  return codedMessage(code, monitorImportKey(code), params);
}

/** Whether a message is one of the monitor import's own (its code starts with `monitor-`). */
export const isMonitorCode = (code: string): boolean => code.startsWith('monitor-');

/**
 * A message of the monitor import in `lang`: its own codes from the monitor import catalogue, the codes it shares
 * with every import (file errors, encoding, ignored columns, cleaned text, storage) from the kernel's. Plain
 * text: show it as text, never as markup.
 */
export function monitorMessageText(lang: Lang, m: ImportMessage): string {
  let params = m.params;
  // Notes from the shared text cleaning name the column by its field id ("source"): say it as the column's label.
  const field = params?.['field'];
  if (typeof field === 'string' && monitorImportKey(`field.${field}`) in monitorImportZh) {
    params = { ...params, field: t(lang, monitorImportKey(`field.${field}`)) };
  }
  return isMonitorCode(m.code) ? t(lang, monitorImportKey(m.code), params) : t(lang, importKey(m.code), params);
}
