import { describe, expect, it } from 'vitest';
import { fileTooLarge, MAX_FILE_BYTES } from '../../src/lib/import/files.ts';
import { assignColumn, ignoredColumnsNote, matchHeaders, missingFields, reviewMapping, unusedHeaders } from '../../src/lib/import/mapping.ts';
import { message } from '../../src/lib/import/messages.ts';
import { buildRows, freshId, rowReport, SKIP } from '../../src/lib/import/rows.ts';
import { cleanText, NAME_MAX_LENGTH } from '../../src/lib/import/text.ts';
import type { ImportTable, TableRow } from '../../src/lib/import/types.ts';

// The import kernel's column-mapping step and row report, driven by a small table spec of its own.

type F = 'a' | 'b' | 'c';
const SYNONYMS: Record<F, readonly string[]> = { a: ['alpha'], b: ['beta', '乙方'], c: ['gamma', 'x'] };

const row = (n: number, values: Record<string, string>, extra: Partial<TableRow> = {}): TableRow => ({ row: n, values, ...extra });
const table = (headers: string[], rows: TableRow[], rowKind: 'row' | 'feature' = 'row'): ImportTable => ({
  format: 'csv',
  fileName: 't.csv',
  encoding: 'UTF-8',
  rowKind,
  headers,
  rows,
  notes: [],
});
const codes = (ms: readonly { code: string }[]) => ms.map((m) => m.code);

describe('the column-mapping step', () => {
  it('matches headers from a spec’s synonyms, one header per field', () => {
    expect(matchHeaders(['Alpha (units)', '乙方名称', 'tax'], SYNONYMS)).toEqual({ a: 'Alpha (units)', b: '乙方名称' });
    expect(matchHeaders(['X', 'alpha', 'ALPHA'], SYNONYMS)).toEqual({ a: 'alpha', c: 'X' });
  });

  it('gives a column to one field only, and unmaps a field with the empty choice, leaving the old mapping alone', () => {
    const before = { a: 'x', b: 'y' } as const;
    const moved = assignColumn<F>(before, 'c', 'x');
    expect(moved).toEqual({ b: 'y', c: 'x' });
    expect(before).toEqual({ a: 'x', b: 'y' });
    expect(assignColumn<F>(moved, 'b', '')).toEqual({ c: 'x' });
    expect(assignColumn<F>(moved, 'a', 'y')).toEqual({ a: 'y', c: 'x' });
  });

  it('lists the columns no field takes, in file order, leaving out the ones the import knows', () => {
    expect(unusedHeaders(['x', 'y', 'z', 'name'], { a: 'y' }, ['name'])).toEqual(['x', 'z']);
    expect(ignoredColumnsNote(['x', 'y'], { a: 'x', b: 'y' })).toBeNull();
    const note = ignoredColumnsNote(['x', 'y', 'z'], { a: 'y' });
    expect(note).toMatchObject({ code: 'columns-ignored', params: { columns: 'x, z' } });
  });

  it('names each required field the mapping lacks, and reviews the mapping for the step', () => {
    const lacking = missingFields<F>(['a', 'b'], { b: 'y' }, (f) => message('mapping-missing-name', { f }));
    expect(lacking.map((m) => [m.fields, m.message.params])).toEqual([[['a'], { f: 'a' }]]);

    const parts = [{ fields: ['b', 'c'] as const, message: message('mapping-missing-coordinates') }];
    const flagged = reviewMapping<F>(['x', 'y'], { a: 'x' }, parts, true);
    expect([...flagged.required].sort()).toEqual(['b', 'c']);
    expect(flagged.unused).toEqual(['y']);
    expect(flagged.needsCheck).toBe(true);

    // Nothing missing: an unused column asks for a look only when the import flags them.
    expect(reviewMapping<F>(['x', 'y'], { a: 'x' }, [], true).needsCheck).toBe(true);
    const quiet = reviewMapping<F>(['x', 'y'], { a: 'x' }, [], false);
    expect([quiet.needsCheck, quiet.unused, quiet.required.size]).toEqual([false, [], 0]);
    expect(reviewMapping<F>(['x'], { a: 'x' }, [], true).needsCheck).toBe(false);
  });
});

describe('the row report', () => {
  it('runs a row builder: accepted items with their notes, rejections with errors first, skipped rows apart, read errors without the builder', () => {
    const t = table(
      ['A', 'B'],
      [
        row(2, { A: ' 1 ', B: 'x' }),
        row(3, { A: '', B: '' }),
        row(4, { A: 'no', B: 'y' }),
        row(5, { A: '2', B: 'z' }, { errors: [message('row-bad-quotes')], notes: [message('row-polygon-point')] }),
        row(6, { A: '3', B: 'w' }, { notes: [message('row-polygon-point')] }),
      ],
    );
    const seen: number[] = [];
    const { items, rows, skipped } = buildRows<F, number>(t, { a: 'A', b: 'B' }, ({ row: r, cell, errors, notes }) => {
      seen.push(r.row);
      // An unmapped field reads as blank; a cell as written.
      expect(cell('c')).toBe('');
      const raw = cell('a');
      if (!raw && !cell('b')) return SKIP;
      const n = Number(raw);
      if (!raw.trim() || !Number.isFinite(n)) {
        notes.push(message('row-type-unknown', { value: cell('b') }));
        errors.push(message('row-no-area'));
        return null;
      }
      if (raw !== raw.trim()) notes.push(message('row-text-cleaned', { field: 'a' }));
      return n;
    });
    expect(seen).toEqual([2, 3, 4, 6]);
    expect(items).toEqual([1, 3]);
    expect(skipped).toEqual([3]);
    expect(rows.map((r) => [r.row, r.accepted, codes(r.messages)])).toEqual([
      [2, true, ['row-text-cleaned']],
      [4, false, ['row-no-area', 'row-type-unknown']],
      [5, false, ['row-bad-quotes', 'row-polygon-point']],
      [6, true, ['row-polygon-point']],
    ]);
    const report = rowReport(rows, [message('encoding', { encoding: 'UTF-8' })], 'feature');
    expect([report.accepted, report.rejected, report.rowKind, codes(report.notes), report.fileErrors]).toEqual([2, 2, 'feature', ['encoding'], []]);
  });

  it('rejects a row whose builder gave an item but also an error', () => {
    const { items, rows } = buildRows<F, string>(table(['A'], [row(2, { A: 'x' })]), { a: 'A' }, ({ errors }) => {
      errors.push(message('row-no-name'));
      return 'kept?';
    });
    expect(items).toEqual([]);
    expect(rows).toEqual([{ row: 2, accepted: false, messages: [expect.objectContaining({ code: 'row-no-name' })] }]);
  });

  it('makes fresh ids with the import’s prefix, never the same twice', () => {
    const now = new Date('2026-01-20T08:00:00Z');
    const a = freshId('mds', now);
    const b = freshId('mds', now);
    expect(a).toMatch(/^mds-[0-9a-z]+-[0-9a-z]+$/);
    expect(a).not.toBe(b);
  });
});

describe('before and around reading', () => {
  it('refuses a file over the limit before it is read', () => {
    expect(fileTooLarge(MAX_FILE_BYTES)).toBeNull();
    expect(fileTooLarge(6 * 1024 * 1024)).toMatchObject({ code: 'file-too-large', params: { sizeMB: 6, maxMB: 5 } });
    expect(fileTooLarge(11, 10)).toMatchObject({ params: { sizeMB: 0, maxMB: 0 } });
  });

  it('caps text at the length asked, names first', () => {
    expect(cleanText('a'.repeat(300), 'name', NAME_MAX_LENGTH).value).toHaveLength(200);
    expect(cleanText('a'.repeat(600), 'source').value).toHaveLength(500);
    expect(codes(cleanText('a'.repeat(600), 'source').notes)).toEqual(['row-text-truncated']);
  });
});
