import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, useBrowserSuite } from './harness.ts';
import { languageLeaks } from './language-rule.ts';

const suite = useBrowserSuite();
const fixture = (name: string) => resolve(ROOT, 'tests/fixtures/listings', name);

describe('real headers, as operators write them (production build)', () => {
  it('reads a header-less export as data, says so, and reads it again when told the first row was a header', async () => {
    const { page, problems } = await openPage(suite, '?lang=en&panel=invest');
    const panel = page.getByTestId('invest-panel');
    await panel.getByTestId('invest-count').waitFor({ timeout: 20_000 });
    await page.getByTestId('invest-file').setInputFiles(fixture('headerless-amap.csv'));
    const review = panel.getByRole('region', { name: 'Check headerless-amap.csv' });
    await review.waitFor({ timeout: 20_000 });
    // All three records are rows: the first is not lost as a header, and the review says why the columns are numbered.
    expect(await review.textContent()).toMatch(/\b3 rows\b/);
    expect(await review.textContent()).toContain('The file seems to have no header row');
    const toggle = review.getByTestId('first-row-header');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(() => review.textContent()).toMatch(/\b2 rows\b/);
    await toggle.uncheck();
    await expect.poll(() => review.textContent()).toMatch(/\b3 rows\b/);
    expect(await languageLeaks(review)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('does not take a column of district names for the floor area, and says why (zh)', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&panel=invest');
    const panel = page.getByTestId('invest-panel');
    await panel.getByTestId('invest-count').waitFor({ timeout: 20_000 });
    await page.getByTestId('invest-file').setInputFiles(fixture('area-is-district.csv'));
    const review = panel.getByRole('region', { name: '检查 area-is-district.csv' });
    await review.waitFor({ timeout: 20_000 });
    const text = (await review.textContent()) ?? '';
    expect(text).toContain('列“area”的内容是文字');
    expect(await languageLeaks(review)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
