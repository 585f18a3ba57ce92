import { importEn, importKey, type ImportCode } from './catalogue.ts';
import type { ImportMessage } from '../../features/invest/types.ts';

/** Builds an import message; its `text` is the English wording with the params filled in. */
export function message(code: ImportCode, params?: Record<string, string | number>): ImportMessage {
  const template = importEn[importKey(code)];
  const text = template.replace(/\{(\w+)\}/g, (m, name: string) =>
    params && name in params ? String(params[name]) : m,
  );
  return params ? { code, params, text } : { code, text };
}

/** Display names of the coordinate systems, as the messages cite them. */
export const CRS_NAMES = { wgs84: 'WGS-84', gcj02: 'GCJ-02', bd09: 'BD-09' } as const;
