import Papa from 'papaparse';
import type { Locator } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { axeSerious, downloadPath, openPage, useBrowserSuite } from './harness.ts';
import { languageLeaks } from './language-rule.ts';

const suite = useBrowserSuite();

/*
 * A long listings file as an operator sends one: 1,200 data rows (spreadsheet rows 2…1201), rows that are multiples
 * of 4 without a floor area, other multiples of 25 placed in Beijing. The two kinds never meet, so each bad row has
 * one reason and the counts follow from the rules below, not from the page.
 */
const ROWS = 1200;
const noArea = (row: number) => row % 4 === 0;
const outside = (row: number) => row % 25 === 0 && !noArea(row);
const TARGET = 1150; // outside: 1150 = 46 × 25, and not a multiple of 4
const dir = mkdtempSync(join(tmpdir(), 'yangpu-import-report-'));
const FILE = join(dir, 'long-listings.csv');
{
  const lines = ['项目名称,可租面积(㎡),物业类型,经度,纬度'];
  for (let row = 2; row <= ROWS + 1; row++) {
    const [lon, lat] = outside(row) ? [116.397 + row * 1e-6, 39.909] : [121.5 + row * 1e-5, 31.29 + row * 1e-5];
    lines.push(`测试园区${row}号,${noArea(row) ? '' : 100 + row},办公,${lon.toFixed(6)},${lat.toFixed(6)}`);
  }
  writeFileSync(FILE, lines.join('\n'));
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = { noArea: 0, outside: 0 };
for (let row = 2; row <= ROWS + 1; row++) {
  if (noArea(row)) count.noArea++;
  if (outside(row)) count.outside++;
}
const accepted = ROWS - count.noArea - count.outside;

const WORDS = {
  en: {
    review: 'Check long-listings.csv',
    import: 'Import',
    noArea: 'No floor area.',
    outside: /^The point \(116\.\d+, 39\.909\) is outside Shanghai\.$/,
    range: (from: string, to: string, of: string) => `Rows ${from}–${to} of ${of}`,
    filter: 'Show rows by reason',
    pager: 'Pages of the report',
    first: 'First page',
    prev: 'Previous page',
    next: 'Next page',
    last: 'Last page',
    header: 'Row,Result,Why,项目名称,可租面积(㎡),物业类型,经度,纬度',
    rejected: 'rejected',
  },
  zh: {
    review: '检查 long-listings.csv',
    import: '导入',
    noArea: '缺少可租面积。',
    outside: /^点位（116\.\d+, 39\.909）不在上海范围内。$/,
    range: (from: string, to: string, of: string) => `第 ${from}–${to} 条，共 ${of} 条`,
    filter: '按原因显示',
    pager: '报告翻页',
    first: '第一页',
    prev: '上一页',
    next: '下一页',
    last: '最后一页',
    header: '行,结果,说明,项目名称,可租面积(㎡),物业类型,经度,纬度',
    rejected: '拒绝',
  },
} as const;

/** The reasons a row shown in the report gives, or null when that row is not on the page. */
const shownReason = (report: Locator, row: number) =>
  report.evaluate((root, n) => {
    const tr = [...root.querySelectorAll('tbody tr')].find((r) => r.querySelector('td')?.textContent?.trim() === String(n));
    return tr ? (tr.querySelector('td:last-child')?.textContent?.trim() ?? '') : null;
  }, row);

describe('the import report of a long file (production build)', () => {
  for (const [lang, viewport] of [
    ['en', { width: 1280, height: 800 }],
    ['zh', { width: 1280, height: 800 }],
    ['en', { width: 390, height: 844 }],
    ['zh', { width: 390, height: 844 }],
  ] as const) {
    it(`reaches every row by paging, by reason and as CSV (${lang}, ${viewport.width}×${viewport.height})`, async () => {
      const w = WORDS[lang];
      const num = (n: number) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
      const { page, problems } = await openPage(suite, `?lang=${lang}&panel=invest`, viewport);
      const panel = page.getByTestId('invest-panel');
      await panel.getByTestId('invest-count').waitFor({ timeout: 20_000 });
      await page.getByTestId('invest-file').setInputFiles(FILE);
      const review = panel.getByRole('region', { name: w.review });
      await review.getByRole('button', { name: w.import, exact: true }).click({ timeout: 20_000 });
      const report = panel.getByTestId('import-report');
      await report.waitFor();

      // The reasons, each with its count, add up to the file's rows.
      const filter = report.getByRole('combobox', { name: w.filter });
      const options = await filter
        .locator('option')
        .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
      const counted = (value: string) => Number(/([\d,]+)[^\d]*$/.exec(options.find((o) => o.value === value)?.label ?? '')?.[1]?.replace(/,/g, ''));
      expect(options.map((o) => o.value)).toEqual(['all', 'accepted', 'rejected:row-no-area', 'rejected:row-outside-area']);
      expect([counted('all'), counted('accepted'), counted('rejected:row-no-area'), counted('rejected:row-outside-area')]).toEqual([
        ROWS,
        accepted,
        count.noArea,
        count.outside,
      ]);

      // By paging, with the keyboard: to the last page, then back one; the range is announced politely and the
      // focus stays on the pager.
      const range = report.getByTestId('report-range');
      expect(await range.getAttribute('role')).toBe('status');
      expect(await range.textContent()).toContain(w.range('1', '50', num(ROWS)));
      expect(await shownReason(report, TARGET)).toBeNull();
      const pager = report.getByRole('navigation', { name: w.pager });
      await pager.getByRole('button', { name: w.last }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => range.textContent()).toContain(w.range(num(1151), num(ROWS), num(ROWS)));
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => range.textContent()).toContain(w.range(num(1101), num(1150), num(ROWS)));
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(w.prev);
      expect(await shownReason(report, TARGET)).toMatch(w.outside);
      await pager.getByRole('button', { name: w.first }).click();
      await expect.poll(() => range.textContent()).toContain(w.range('1', '50', num(ROWS)));

      // By reason: the Beijing rows, paged until row 1,150 shows.
      await filter.selectOption('rejected:row-outside-area');
      await expect.poll(() => range.textContent()).toContain(w.range('1', num(Math.min(50, count.outside)), num(count.outside)));
      for (let i = 0; i < 5 && (await shownReason(report, TARGET)) === null; i++) await pager.getByRole('button', { name: w.next }).click();
      expect(await shownReason(report, TARGET)).toMatch(w.outside);
      const reasons = await report.locator('tbody tr td:last-child').allTextContents();
      expect(reasons.length).toBe(Math.min(50, count.outside));
      for (const r of reasons) expect(r.trim()).toMatch(w.outside);
      await filter.selectOption('rejected:row-no-area');
      await expect.poll(() => range.textContent()).toContain(w.range('1', '50', num(count.noArea)));
      expect(await report.locator('tbody tr td:last-child').first().textContent()).toBe(w.noArea);

      // The whole report as CSV: every row, in the reader's words, the cells as read.
      const download = page.waitForEvent('download');
      await report.getByTestId('report-csv').click();
      const csv = readFileSync(await downloadPath(await download), 'utf8');
      expect(csv.startsWith(`\uFEFF${w.header}\r\n`)).toBe(true);
      const rows = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data.slice(1);
      expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
      const target = rows.find((r) => r[0] === String(TARGET))!;
      expect(target[1]).toBe(w.rejected);
      expect(target[2]).toMatch(w.outside);
      expect(target[3]).toBe(`测试园区${TARGET}号`);
      expect(rows.filter((r) => r[2] === w.noArea)).toHaveLength(count.noArea);

      // A phone's finger reaches every control of the report.
      if (viewport.width < 640) {
        const small = await report.evaluate((root) =>
          [...root.querySelectorAll<HTMLElement>('button, select')]
            .filter((el) => el.getClientRects().length > 0)
            .map((el) => ({ what: el.textContent?.trim().slice(0, 20), h: el.getBoundingClientRect().height, w: el.getBoundingClientRect().width }))
            .filter((b) => b.h < 44 || b.w < 44),
        );
        expect(small).toEqual([]);
      }
      expect(await languageLeaks(report)).toEqual([]);
      expect(await axeSerious(page, '[data-testid="import-report"]')).toEqual([]);
      expect(problems.errors).toEqual([]);
      await page.close();
    });
  }
});
