import type { Locator } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeSerious, openPage, ROOT, screenshotPath, useBrowserSuite, watchDialogs } from './harness.ts';
import { languageLeaks } from './language-rule.ts';

// The same file imported twice must not silently double what is kept: it is recognised (by its bytes, or by its
// rows in another file) and the reader chooses to replace, keep both or cancel.

const suite = useBrowserSuite();
const LISTINGS = resolve(ROOT, 'tests/fixtures/listings/browser/operator-gcj02.csv');
const FIGURES = resolve(ROOT, 'tests/fixtures/monitor-browser/planner-figures.csv');

const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** The file's header, then its rows in reverse order: the same rows, other bytes. */
function reordered(path: string, name: string, change?: (rows: string[]) => string[]) {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split(/\r?\n/);
  const body = (change ?? ((r) => r))(rows.reverse());
  return { name, mimeType: 'text/csv', buffer: Buffer.from([header, ...body].join('\n') + '\n') };
}

/** Whether the focus is inside `box`. */
const focusIn = (box: Locator) => box.evaluate((el) => el.contains(document.activeElement));

/** Every button of the question is a target of at least 44 × 44 px. */
async function smallTargets(ask: Locator): Promise<string[]> {
  const small: string[] = [];
  for (const b of await ask.getByRole('button').all()) {
    const box = (await b.boundingBox())!;
    if (box.height < 44 || box.width < 44) small.push(`${await b.textContent()}: ${box.width}×${box.height}`);
  }
  return small;
}

describe('re-imports (production build)', () => {
  it('listings, in English on a desktop: the same file and a reordered copy are asked about; cancel, replace (pins kept) and keep both do what they say; a reload still knows the file', async () => {
    const { page, problems } = await openPage(suite, '?lang=en&panel=invest');
    const dialogs = watchDialogs(page);
    const panel = page.getByTestId('invest-panel');
    const count = panel.getByTestId('invest-count');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toMatch(/listings match/);
    const total = async () => Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
    const before = await total();
    const inventories = panel.getByTestId('invest-inventories').locator(':scope > li');
    const ask = panel.getByTestId('reimport-ask');
    const outcome = panel.getByTestId('reimport-outcome');
    const report = panel.getByTestId('import-report');

    const pick = async (file: string | ReturnType<typeof reordered>) => {
      await page.getByTestId('invest-file').setInputFiles(file);
      await panel.getByTestId('invest-commit').click();
    };

    // The first import is asked nothing.
    await pick(LISTINGS);
    await report.waitFor();
    expect(await ask.count()).toBe(0);
    await expect.poll(total).toBe(before + 6);
    expect(await inventories.count()).toBe(2);
    // A pin on one of its listings, to follow through the replacement.
    const pinOf = () => panel.getByTestId('invest-results').locator('li', { hasText: '国权路实验楼' }).locator('button.pin');
    await pinOf().click();
    await expect.poll(() => pinOf().getAttribute('aria-pressed')).toBe('true');
    const pinned = new URL(page.url()).searchParams.get('pins');
    expect(pinned).toMatch(/^inv/);

    // The same file again: asked, naming the inventory; the focus is on the question; cancel changes nothing.
    await pick(LISTINGS);
    await ask.waitFor();
    expect(await text(ask)).toMatch(/The same file was imported on \d{4}-\d\d-\d\d as “operator-gcj02” \(operator-gcj02\.csv\)\./);
    expect(await focusIn(ask)).toBe(true);
    expect(await smallTargets(ask)).toEqual([]);
    expect(await axeSerious(page, '[data-testid="reimport-ask"]')).toEqual([]);
    expect(await languageLeaks(ask)).toEqual([]);
    await page.screenshot({ path: screenshotPath('reimport-ask-en') });
    await ask.getByRole('button', { name: 'Cancel import' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await text(outcome)).toBe('Nothing imported: “operator-gcj02” is unchanged.');
    expect(await report.count()).toBe(0);
    // The focus comes back to the file button, the file forgotten (no review left open).
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      await text(panel.getByTestId('invest-import').getByRole('button').first()),
    );
    expect(await total()).toBe(before + 6);
    expect(await inventories.count()).toBe(2);

    // Again, replaced: the same count, one inventory, the pin still there.
    await pick(LISTINGS);
    await ask.getByRole('button', { name: 'Replace' }).click();
    await report.waitFor();
    expect(await text(outcome)).toBe('Replaced “operator-gcj02” (6 listings).');
    expect(await text(report)).toContain('Kept in this browser');
    expect(await total()).toBe(before + 6);
    expect(await inventories.count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('pins')).toBe(pinned);
    expect(await pinOf().getAttribute('aria-pressed')).toBe('true');

    // Again, both kept: two inventories, twice the listings.
    await pick(LISTINGS);
    await ask.getByRole('button', { name: 'Keep both' }).click();
    await report.waitFor();
    expect(await text(outcome)).toBe('Imported as a new copy; “operator-gcj02” is kept too.');
    await expect.poll(total).toBe(before + 12);
    expect(await inventories.count()).toBe(3);

    // A copy with its rows in another order is other bytes but the same rows; Escape cancels.
    await pick(reordered(LISTINGS, 'operator-copy.csv'));
    await ask.waitFor();
    expect(await text(ask)).toContain('All 6 rows are already in “operator-gcj02”.');
    await page.keyboard.press('Escape');
    await expect.poll(() => ask.count()).toBe(0);
    expect(await total()).toBe(before + 12);

    // After a reload the stored fingerprint still knows the file (the "same file" words are the hash's alone).
    await page.reload();
    await expect.poll(total, { timeout: 20_000 }).toBe(before + 12);
    await pick(LISTINGS);
    await ask.waitFor();
    expect(await text(ask)).toMatch(/The same file was imported on/);
    await ask.getByRole('button', { name: 'Cancel import' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await inventories.count()).toBe(3);

    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('statistics, in Chinese on a phone: the same file, a reordered copy and a partly changed one are asked about; cancel, replace and keep both; a reload still knows the file', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&panel=monitor', { width: 390, height: 844 });
    const dialogs = watchDialogs(page);
    const panel = page.getByTestId('monitor-panel');
    await panel.getByTestId('monitor-no-data').waitFor({ timeout: 30_000 });
    const datasets = panel.getByTestId('monitor-datasets').locator(':scope > li');
    const ask = panel.getByTestId('reimport-ask');
    const outcome = panel.getByTestId('reimport-outcome');
    const report = panel.getByTestId('import-report');
    const pick = async (file: string | ReturnType<typeof reordered>) => {
      await page.getByTestId('monitor-file').setInputFiles(file);
      await panel.getByTestId('monitor-commit').click();
    };

    await pick(FIGURES);
    await report.waitFor();
    expect(await ask.count()).toBe(0);
    await expect.poll(() => datasets.count()).toBe(1);

    await pick(FIGURES);
    await ask.waitFor();
    expect(await text(ask)).toMatch(/同一个文件已于 \d{4}-\d\d-\d\d 导入为“planner-figures”（planner-figures\.csv）。/);
    expect(await focusIn(ask)).toBe(true);
    expect(await smallTargets(ask)).toEqual([]);
    expect(await axeSerious(page, '[data-testid="reimport-ask"]')).toEqual([]);
    expect(await languageLeaks(ask)).toEqual([]);
    await page.screenshot({ path: screenshotPath('reimport-ask-zh-phone') });
    await ask.getByRole('button', { name: '取消导入' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await text(outcome)).toBe('没有导入：“planner-figures”保持不变。');
    expect(await datasets.count()).toBe(1);
    expect(await text(datasets.first())).toContain('12');

    await pick(FIGURES);
    await ask.getByRole('button', { name: '替换' }).click();
    await report.waitFor();
    expect(await text(outcome)).toBe('已替换“planner-figures”（12 个数值）。');
    expect(await datasets.count()).toBe(1);

    await pick(FIGURES);
    await ask.getByRole('button', { name: '两者都保留' }).click();
    await report.waitFor();
    await expect.poll(() => datasets.count()).toBe(2);

    // The same rows in another order.
    await pick(reordered(FIGURES, 'figures-copy.csv'));
    await ask.waitFor();
    expect(await text(ask)).toContain('全部 12 行都已在“planner-figures”中。');
    await ask.getByRole('button', { name: '取消导入' }).click();
    await expect.poll(() => ask.count()).toBe(0);

    // One figure changed: most rows are known, and the question says how many.
    await pick(
      reordered(FIGURES, 'figures-updated.csv', (rows) =>
        rows.map((r) => r.replace('leading_industries_revenue,2025,1265,', 'leading_industries_revenue,2025,1270,')),
      ),
    );
    await ask.waitFor();
    expect(await text(ask)).toContain('12 行中有 11 行已在“planner-figures”中。');
    await ask.getByRole('button', { name: '取消导入' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await datasets.count()).toBe(2);

    await page.reload();
    await expect.poll(() => datasets.count(), { timeout: 30_000 }).toBe(2);
    await pick(FIGURES);
    await ask.waitFor();
    expect(await text(ask)).toMatch(/同一个文件已于/);
    await ask.getByRole('button', { name: '取消导入' }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await datasets.count()).toBe(2);

    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
