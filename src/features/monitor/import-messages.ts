import { codedMessage } from '../../lib/import/messages.ts';
import { joinList, type Lang } from '../../lib/i18n/index.ts';
import { t } from './messages.ts';
import { importKey } from '../../lib/import/catalogue.ts';
import { messageRuns, runsText, type TextRun } from '../../lib/import/runs.ts';
import { monitorImportKey, monitorImportZh, type MonitorImportCode } from './import-catalogue.ts';
import { indicatorNames } from './indicator-names.ts';
import { INDICATORS } from './indicators.ts';
import { formatFigure } from './overlay.ts';
import { UNITS, type Unit } from './types.ts';
import type { ImportMessage } from '../../lib/import/types.ts';

export type { MonitorImportCode } from './import-catalogue.ts';

/**
 * Builds a monitor import message; its `text` is the English wording with the params filled in. Params name
 * indicators by id and units by code; the reader's words for them are chosen when the message is shown.
 */
export function monitorMessage(code: MonitorImportCode, params?: Record<string, string | number>): ImportMessage {
  return codedMessage(code, monitorImportKey(code), params);
}

/** Whether a message is one of the monitor import's own (its code starts with `monitor-`). */
export const isMonitorCode = (code: string): boolean => code.startsWith('monitor-');

/** Params that are figures in the message's `unit`, by code: written with their unit, as the panel writes figures. */
const FIGURES: Partial<Record<MonitorImportCode, readonly string[]>> = {
  'monitor-row-value-out-of-range': ['value', 'min', 'max'],
  'monitor-row-duplicate-conflict': ['firstValue', 'value'],
  'monitor-total-mismatch': ['total', 'sum'],
};

const isUnit = (u: unknown): u is Unit => typeof u === 'string' && (UNITS as readonly string[]).includes(u);
const unitLabel = (u: Unit, lang: Lang): string => INDICATORS.find((i) => i.unit === u)!.unitLabel[lang];

/**
 * A monitor message's params in `lang`: an indicator id as its name, a unit code as the unit's label, figures with
 * their unit, and the list of indicator names the import accepts. Everything else (what the file said) as it is.
 */
function localParams(lang: Lang, m: ImportMessage): Record<string, string | number> | undefined {
  const params = m.params;
  if (!params) return params;
  const out: Record<string, string | number> = { ...params };
  const ind = INDICATORS.find((i) => i.id === params['indicator']);
  if (ind) out['indicator'] = ind.name[lang];
  if ('names' in params) out['names'] = joinList(lang, indicatorNames(lang));
  const unit = params['unit'];
  for (const name of FIGURES[m.code as MonitorImportCode] ?? []) {
    const v = Number(params[name]);
    if (isUnit(unit) && Number.isFinite(v)) out[name] = formatFigure(v, unit, lang);
  }
  for (const name of ['unit', 'expected']) {
    const u = params[name];
    if (isUnit(u)) out[name] = unitLabel(u, lang);
  }
  // Notes from the shared text cleaning name the column by its field id ("source"): say it as the column's label.
  const field = params['field'];
  if (typeof field === 'string' && monitorImportKey(`field.${field}`) in monitorImportZh) out['field'] = t(lang, monitorImportKey(`field.${field}`));
  return out;
}

/**
 * A message of the monitor import in `lang`, as runs (what the file said marked with its language): its own codes
 * from the monitor import catalogue, the codes it shares with every import (file errors, encoding, ignored
 * columns, cleaned text, storage) from the kernel's.
 */
export function monitorMessageRuns(lang: Lang, m: ImportMessage): TextRun[] {
  const key = isMonitorCode(m.code) ? monitorImportKey(m.code) : importKey(m.code);
  return messageRuns(lang, key, localParams(lang, m));
}

/** A message of the monitor import in `lang` as plain text: show it as text, never as markup. */
export const monitorMessageText = (lang: Lang, m: ImportMessage): string => runsText(monitorMessageRuns(lang, m));
