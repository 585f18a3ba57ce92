import { csvText } from '../data/csv.ts';
import type { ImportMessage, ImportReport, ImportTable, RowReport } from './types.ts';

/*
 * The row report seen a page at a time: a file of 4,000 rows gives 4,000 outcomes, and each must be reachable. Rows
 * are filed under one reason each — the one that decided them — so that the reasons' counts add up to the rows and a
 * reader can pick any one of them: a rejected row under its first error (errors come before notes, see rows.ts), an
 * accepted row under its first note, or "accepted" when it has none. Everything here is pure, so the component
 * only shows it.
 */

/** Rows a page shows: enough to scan, few enough for a phone and a screen reader's table navigation. */
export const PAGE_SIZE = 50;

/** The filter that shows every row. */
export const ALL = 'all';
/** The filter of accepted rows without a note. */
export const ACCEPTED = 'accepted';

/** One reason rows are filed under, with how many and a message to word it by (its code, its params blanked). */
export interface Reason {
  /** `accepted`, `rejected:<code>` or `note:<code>`: the filter's value. */
  key: string;
  outcome: 'accepted' | 'rejected';
  /** The message code; null for accepted rows without a note (and rejected rows without a message, which rows.ts never gives). */
  code: string | null;
  count: number;
  /** The code as a message with every param replaced by an ellipsis: what the reason says, without one row's data. */
  sample: ImportMessage | null;
}

/** The reason a row is filed under. */
export function reasonKey(row: RowReport): string {
  const code = row.messages[0]?.code;
  if (row.accepted) return code === undefined ? ACCEPTED : `note:${code}`;
  return `rejected:${code ?? ''}`;
}

// A row's data must not stand for every row of its reason: the filter words the code, not one row's values.
const blank = (m: ImportMessage): ImportMessage =>
  m.params ? { code: m.code, text: m.text, params: Object.fromEntries(Object.keys(m.params).map((k) => [k, '…'])) } : { code: m.code, text: m.text };

/**
 * The reasons of a report, each with its count: accepted first, then the notes of accepted rows, then the refusals,
 * the commonest first within each (ties in the order they first appear). The counts add up to the report's rows.
 */
export function reasons(report: ImportReport): Reason[] {
  const byKey = new Map<string, Reason>();
  for (const row of report.rows) {
    const key = reasonKey(row);
    const found = byKey.get(key);
    if (found) found.count++;
    else {
      const first = row.messages[0];
      byKey.set(key, {
        key,
        outcome: row.accepted ? 'accepted' : 'rejected',
        code: first?.code ?? null,
        count: 1,
        sample: first ? blank(first) : null,
      });
    }
  }
  const rank = (r: Reason) => (r.key === ACCEPTED ? 0 : r.outcome === 'accepted' ? 1 : 2);
  const order = [...byKey.values()];
  return order
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || b.r.count - a.r.count || a.i - b.i)
    .map(({ r }) => r);
}

/** The rows a filter keeps: every row (`ALL`), or those filed under one reason; only rejected ones when asked. */
export function filterRows(rows: readonly RowReport[], filter: string, onlyRejected = false): RowReport[] {
  return rows.filter((r) => (!onlyRejected || !r.accepted) && (filter === ALL || reasonKey(r) === filter));
}

/** One page of rows, and where it sits: `from`–`to` (1-based, inclusive) of `total`; page numbers from 1. */
export interface Page {
  rows: RowReport[];
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
}

/** The page `page` of `rows`, brought within bounds (an empty list has one empty page). */
export function pageOf(rows: readonly RowReport[], page: number, size = PAGE_SIZE): Page {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(pages, Math.max(1, Math.floor(Number.isFinite(page) ? page : 1)));
  const start = (p - 1) * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, page: p, pages, from: slice.length ? start + 1 : 0, to: start + slice.length, total: rows.length };
}

/** The page that shows row number `row` (as the report numbers it) within `rows`; null when the filter hides it. */
export function pageOfRow(rows: readonly RowReport[], row: number, size = PAGE_SIZE): number | null {
  const i = rows.findIndex((r) => r.row === row);
  return i < 0 ? null : Math.floor(i / size) + 1;
}

/** The words the CSV needs, in the reader's language. */
export interface CsvWords {
  /** Headers of the report's own columns: the row (or feature) number, the outcome, the reasons. */
  row: string;
  result: string;
  why: string;
  /** Header of the position column of a GeoJSON/KML table (its cells are read from the geometry, not a column). */
  position: string;
  accepted: string;
  rejected: string;
  /** A message in the reader's language, as plain text. */
  message: (m: ImportMessage) => string;
}

/**
 * The whole report as CSV (csv.ts: BOM, CRLF, formulas neutralised): every row, its outcome, its reasons, and — when
 * the table is given — its cells as read, under the file's own headers.
 */
export function reportCsv(report: ImportReport, words: CsvWords, table?: Pick<ImportTable, 'headers' | 'rows'>): string {
  const read = new Map(table?.rows.map((r) => [r.row, r]));
  const headers = table?.headers ?? [];
  const positions = table?.rows.some((r) => r.lonlat) ?? false;
  const header = [words.row, words.result, words.why, ...headers, ...(positions ? [words.position] : [])];
  const body = report.rows.map((r) => {
    const cells = read.get(r.row);
    return [
      r.row,
      r.accepted ? words.accepted : words.rejected,
      r.messages.map(words.message).join(' '),
      ...headers.map((h) => cells?.values[h] ?? ''),
      ...(positions ? [cells?.lonlat ? cells.lonlat.join(', ') : ''] : []),
    ];
  });
  return csvText(header, body);
}

/** The CSV's file name: the imported file's stem and the suffix in the reader's language. */
export const reportCsvName = (fileName: string, suffix: string): string => `${fileName.replace(/\.[^.]*$/, '') || 'import'}-${suffix}.csv`;
