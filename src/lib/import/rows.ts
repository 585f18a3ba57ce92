import type { Mapping } from './mapping.ts';
import type { ImportMessage, ImportReport, ImportTable, RowReport, TableRow } from './types.ts';

/*
 * The row report every import gives: each row of a table accepted or rejected, and why. An import's row builder
 * reads one row's cells through the mapping and says what the row makes; the kernel keeps the count.
 */

/** One row as a row builder sees it. */
export interface RowContext<F extends string> {
  readonly row: TableRow;
  /** The cell of the column that feeds `field`, as written; '' when no column does. */
  cell(field: F): string;
  /** Reasons to reject the row: push to them. */
  readonly errors: ImportMessage[];
  /** Remarks that keep the row: push to them. */
  readonly notes: ImportMessage[];
}

/** A row builder's answer for a row that is neither accepted nor rejected (a template row left blank). */
export const SKIP: unique symbol = Symbol('skip');

/**
 * Runs a row builder over a table. A row the reading already rejected (broken quotes, unsupported geometry) is
 * rejected without it. Otherwise the builder gives the row's item (accepted, with its notes), null (rejected: its
 * errors, then its notes, say why) or `SKIP` (not counted; its row number is listed in `skipped`).
 */
export function buildRows<F extends string, T>(
  table: ImportTable,
  mapping: Mapping<F>,
  build: (row: RowContext<F>) => T | null | typeof SKIP,
): { items: T[]; rows: RowReport[]; skipped: number[] } {
  const items: T[] = [];
  const rows: RowReport[] = [];
  const skipped: number[] = [];
  for (const row of table.rows) {
    const errors: ImportMessage[] = [...(row.errors ?? [])];
    const notes: ImportMessage[] = [...(row.notes ?? [])];
    const item = errors.length
      ? null
      : build({
          row,
          cell: (field) => {
            const header = mapping[field];
            return header ? (row.values[header] ?? '') : '';
          },
          errors,
          notes,
        });
    if (item === SKIP) skipped.push(row.row);
    else if (item === null || errors.length) rows.push({ row: row.row, accepted: false, messages: [...errors, ...notes] });
    else {
      items.push(item);
      rows.push({ row: row.row, accepted: true, messages: notes });
    }
  }
  return { items, rows, skipped };
}

/** The report of a table's rows: the counts, every row, the notes about the file as a whole. */
export function rowReport(rows: RowReport[], notes: ImportMessage[], rowKind: ImportTable['rowKind']): ImportReport {
  const accepted = rows.filter((r) => r.accepted).length;
  return { accepted, rejected: rows.length - accepted, rows, fileErrors: [], notes, rowKind };
}

let counter = 0;

/** A fresh id for what an import makes (`inv-…` for an inventory, `mds-…` for a dataset): time, a counter, chance. */
export const freshId = (prefix: string, now: Date): string =>
  `${prefix}-${now.getTime().toString(36)}-${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
