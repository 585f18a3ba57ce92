import { message } from './messages.ts';
import type { ImportMessage } from './types.ts';

/** Longest text kept by default; longer values are cut with a note. */
export const DEFAULT_MAX_LENGTH = 500;
/** Longest name kept (of a listing, an inventory, a dataset, a place). */
export const NAME_MAX_LENGTH = 200;

// C0/C1 controls, and the bidirectional overrides that can make text read differently from what it holds.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:|on[a-z]+\s*=/i;
// What is worth a note on import: a formula, not a phone number ("+86 …") or a negative number.
const LOOKS_LIKE_FORMULA = /^(?:[=@]|[+-](?![\d\s.(]))/;

export interface TextResult {
  value: string;
  notes: ImportMessage[];
}

/**
 * Plain text as an import keeps it: controls removed, whitespace squeezed, at most `max` characters. Never markup:
 * markup and formulas are kept as text, with a note. The notes name the text by `field` (a field id the import's
 * own wording turns into the column's label).
 */
export function cleanText(raw: string, field: string, max = DEFAULT_MAX_LENGTH): TextResult {
  const notes: ImportMessage[] = [];
  let value = raw.replace(/\r\n?|\n/g, ' ');
  const stripped = value.replace(CONTROL, '');
  if (stripped !== value) notes.push(message('row-text-cleaned', { field }));
  value = stripped.replace(/\s+/g, ' ').trim();
  // The apostrophe our CSV export puts before formula-like text: drop it so that a round trip keeps the value.
  if (/^'[=+\-@]/.test(value)) value = value.slice(1);
  if ([...value].length > max) {
    value = [...value].slice(0, max).join('');
    notes.push(message('row-text-truncated', { field, max }));
  }
  if (MARKUP.test(value)) notes.push(message('row-markup', { field }));
  if (LOOKS_LIKE_FORMULA.test(value)) notes.push(message('row-formula', { field }));
  return { value, notes };
}

/** A web address kept only when it is http(s); anything else (javascript:, data:, relative) is dropped. */
export function safeUrl(raw: string): string | null {
  const s = raw.trim();
  const candidate = /^www\./i.test(s) ? `https://${s}` : s;
  if (!/^https?:\/\//i.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
