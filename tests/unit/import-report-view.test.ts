import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { t, type Lang } from '../../src/lib/i18n/index.ts';
import { importRuns, message } from '../../src/lib/import/messages.ts';
import { ACCEPTED, ALL, filterRows, pageOf, pageOfRow, reasonKey, reasons, reportCsv, reportCsvName, type CsvWords } from '../../src/lib/import/report-view.ts';
import { runsText } from '../../src/lib/import/runs.ts';
import type { ImportReport, RowReport, TableRow } from '../../src/lib/import/types.ts';

// A hand-made report of `n` rows (spreadsheet rows 2…n+1): rows that are multiples of 7 have no area, of 23 a bad area
// (of 161 both: the first error decides), of 5 (when accepted) a monthly rent, the rest are clean.
function report(n: number): ImportReport {
  const rows: RowReport[] = [];
  for (let i = 1; i <= n; i++) {
    const row = i + 1;
    const errors = [...(row % 7 === 0 ? [message('row-no-area')] : []), ...(row % 23 === 0 ? [message('row-bad-area', { value: `x${row}` })] : [])];
    if (errors.length) rows.push({ row, accepted: false, messages: errors });
    else rows.push({ row, accepted: true, messages: row % 5 === 0 ? [message('row-rent-monthly')] : [] });
  }
  const accepted = rows.filter((r) => r.accepted).length;
  return { accepted, rejected: n - accepted, rows, fileErrors: [], notes: [], rowKind: 'row' };
}

const words = (lang: Lang): CsvWords => ({
  row: t(lang, 'import.ui.row'),
  result: t(lang, 'import.ui.result'),
  why: t(lang, 'import.ui.why'),
  position: t(lang, 'import.ui.position'),
  accepted: t(lang, 'import.ui.rowAccepted'),
  rejected: t(lang, 'import.ui.rowRejected'),
  message: (m) => runsText(importRuns(lang, m)),
});

describe('reasons', () => {
  it('files every row under one reason, so that the counts add up to the rows', () => {
    const r = report(4000);
    const all = reasons(r);
    expect(all.reduce((s, x) => s + x.count, 0)).toBe(4000);
    expect(all.map((x) => x.key)).toEqual([ACCEPTED, 'note:row-rent-monthly', 'rejected:row-no-area', 'rejected:row-bad-area']);
    // Rows 2…4001: 571 multiples of 7; 173 of 23, 24 of them also of 7 (filed under no-area, their first error).
    expect(all.find((x) => x.key === 'rejected:row-no-area')?.count).toBe(571);
    expect(all.find((x) => x.key === 'rejected:row-bad-area')?.count).toBe(173 - 24);
    for (const x of all) expect(filterRows(r.rows, x.key)).toHaveLength(x.count);
  });

  it('words a reason without one row’s data: its params are blanked', () => {
    const bad = reasons(report(30)).find((x) => x.key === 'rejected:row-bad-area');
    expect(bad?.sample?.params).toEqual({ value: '…' });
    expect(runsText(importRuns('en', bad!.sample!))).toBe('Floor area "…" is not a number of m² (1 to 1,000,000).');
  });

  it('files an accepted row with notes under its first note, a rejected one under its first message', () => {
    expect(reasonKey({ row: 2, accepted: true, messages: [] })).toBe(ACCEPTED);
    expect(reasonKey({ row: 2, accepted: true, messages: [message('row-rent-yearly'), message('row-rent-swapped')] })).toBe('note:row-rent-yearly');
    expect(reasonKey({ row: 2, accepted: false, messages: [message('row-no-name'), message('row-rent-yearly')] })).toBe('rejected:row-no-name');
  });
});

describe('pages', () => {
  const rows = report(4000).rows;

  it('cuts the rows into pages of 50 and says where each sits', () => {
    const second = pageOf(rows, 2);
    expect([second.from, second.to, second.total, second.pages]).toEqual([51, 100, 4000, 80]);
    expect(second.rows.map((r) => r.row)).toEqual(rows.slice(50, 100).map((r) => r.row));
  });

  it('keeps the page within bounds', () => {
    expect(pageOf(rows, 0).page).toBe(1);
    expect(pageOf(rows, 81).page).toBe(80);
    expect(pageOf(rows, Number.NaN).page).toBe(1);
    const last = pageOf(rows.slice(0, 120), 3);
    expect([last.from, last.to, last.rows.length]).toEqual([101, 120, 20]);
    const none = pageOf([], 5);
    expect([none.page, none.pages, none.from, none.to, none.rows.length]).toEqual([1, 1, 0, 0, 0]);
  });

  it('pages the filtered rows: a filtered row is found on its page, every page together gives the filter’s rows', () => {
    const bad = filterRows(rows, 'rejected:row-bad-area');
    const seen: number[] = [];
    for (let p = 1; p <= pageOf(bad, 1).pages; p++) seen.push(...pageOf(bad, p).rows.map((r) => r.row));
    expect(seen).toEqual(bad.map((r) => r.row));
    // Row 1,150 is a multiple of 23, not of 7.
    const page = pageOfRow(bad, 1150);
    expect(page).not.toBeNull();
    expect(pageOf(bad, page!).rows.some((r) => r.row === 1150)).toBe(true);
    expect(pageOfRow(filterRows(rows, ACCEPTED), 1150)).toBeNull();
  });

  it('combines a reason with “only the rejected rows”', () => {
    expect(filterRows(rows, ACCEPTED, true)).toEqual([]);
    expect(filterRows(rows, ALL, true)).toHaveLength(rows.filter((r) => !r.accepted).length);
  });
});

describe('the CSV of a report', () => {
  const r = report(1200);
  const table = {
    headers: ['名称', 'area'],
    rows: r.rows.map((x): TableRow => ({ row: x.row, values: { 名称: `园区${x.row}`, area: x.row === 5 ? '=1+1' : String(x.row) } })),
  };

  for (const [lang, header, rejected] of [
    ['zh', '行,结果,说明,名称,area', '拒绝'],
    ['en', 'Row,Result,Why,名称,area', 'rejected'],
  ] as const) {
    it(`holds every row with its outcome, its reasons and its cells, headed in the reader’s language (${lang})`, () => {
      const csv = reportCsv(r, words(lang), table);
      expect(csv.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
      const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data;
      expect(parsed).toHaveLength(1 + 1200);
      expect(parsed.slice(1).map((c) => Number(c[0]))).toEqual(r.rows.map((x) => x.row));
      const row1150 = parsed.find((c) => c[0] === '1150')!;
      expect(row1150.slice(0, 2)).toEqual(['1150', rejected]);
      expect(row1150[2]).toBe(runsText(importRuns(lang, message('row-bad-area', { value: 'x1150' }))));
      expect(row1150.slice(3)).toEqual(['园区1150', '1150']);
      // A cell that a spreadsheet would run is written behind an apostrophe.
      expect(parsed.find((c) => c[0] === '5')![4]).toBe("'=1+1");
    });
  }

  it('adds the position of a GeoJSON feature, and names the file after the import', () => {
    const features = { headers: ['name'], rows: [{ row: 1, values: { name: 'A' }, lonlat: [121.5, 31.3] as [number, number] }] };
    const one: ImportReport = { accepted: 1, rejected: 0, rows: [{ row: 1, accepted: true, messages: [] }], fileErrors: [], notes: [], rowKind: 'feature' };
    expect(reportCsv(one, words('en'), features)).toBe('\uFEFFRow,Result,Why,name,"Position (longitude, latitude)"\r\n1,accepted,,A,"121.5, 31.3"\r\n');
    expect(reportCsvName('房源.2026.csv', '导入报告')).toBe('房源.2026-导入报告.csv');
  });
});
