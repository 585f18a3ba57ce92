import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TASKS } from '../../src/lib/data/tasks.ts';
import { ENGLISH_RUN, HAN } from '../support/language.ts';
import { axeSerious, screenshotPath, useBrowserSuite, useSharedPages } from './harness.ts';
import { languageLeaks } from './language-rule.ts';
import { briefReady, printBrief, squeeze } from './print.ts';

/*
 * The printable briefs the core makes (a zone's, a task's): opened from the UI by keyboard and from a link, printed
 * to A4 PDFs as "Save as PDF" makes them, and the PDFs read back — in English on a desktop, in Chinese on a phone.
 * The PDFs and their pages as PNGs are left in tests/browser/print.ts's PRINTS folder to look at.
 */

const suite = useBrowserSuite();
const { visit } = useSharedPages(suite);
const PHONE = { width: 390, height: 844 };

const view = (page: Page) => page.getByTestId('print-view');

/** Opens a brief by pressing Enter on the button with that test id, and checks the focus went into the view. */
async function openByKeyboard(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId(testId).first();
  await button.waitFor({ timeout: 30_000 });
  await button.focus();
  await page.keyboard.press('Enter');
  await view(page).waitFor();
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="print-view"]')))).toBe(true);
}

/** What the on-screen view says: the date it prints, the link, and any break of the language rule. */
async function onScreen(page: Page, name: string) {
  await briefReady(page);
  const date = (await page.locator('[data-testid="brief-page"] time').textContent()) ?? '';
  const iso = await page.locator('[data-testid="brief-page"] time').getAttribute('datetime');
  const url = (await page.getByTestId('brief-url').textContent()) ?? '';
  expect(iso).toBe(new Date().toISOString().slice(0, 10));
  expect(url).toBe(page.url());
  expect(await axeSerious(page, '[data-testid="print-view"]')).toEqual([]);
  expect(await languageLeaks(view(page))).toEqual([]);
  await page.screenshot({ path: screenshotPath(`brief-${name}`) });
  return { date, url };
}

/** Checks a printed brief holds what it must: its title, a place, the plan's words, the date, the link and the credits. */
function expectPrinted(text: string, must: string[]): void {
  const flat = squeeze(text);
  for (const s of [...must, 'OpenStreetMap']) expect(flat, s).toContain(squeeze(s));
}

/** Lines of a Chinese PDF with English prose in them that is not the data's own (marked as English on screen). */
async function englishOutsideData(page: Page, text: string): Promise<string[]> {
  const data = squeeze((await page.locator('[data-testid="brief-page"] [lang="en"], [data-testid="brief-page"] [lang="zxx"]').allTextContents()).join(''));
  return text.split('\n').filter((line) => {
    const run = ENGLISH_RUN.exec(line)?.[0];
    return run !== undefined && !data.includes(squeeze(run));
  });
}

describe('printable briefs', () => {
  it('in English on a desktop: a zone brief from its card by keyboard, a task brief from a link and from the task panel', async () => {
    const { page, problems } = await visit('?lang=en&sel=plan:zone-future-valley');
    await openByKeyboard(page, 'card-zone-brief');
    await expect.poll(() => page.url()).toContain('brief=zone:fv');
    const zone = await onScreen(page, 'zone-fv-en-desktop');
    // The legend lists only what the excerpt draws: the zone and the pins, not every row that is switched on.
    const rows = await page.locator('[data-testid="brief-legend"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-row')));
    const on = await page.evaluate(() => {
      const app = (window as unknown as { __yangpu: { app: { registry: { id: string; defaultVisible: boolean }[]; visible: Record<string, boolean> } } })
        .__yangpu.app;
      return app.registry.filter((r) => app.visible[r.id] ?? r.defaultVisible).map((r) => r.id);
    });
    expect(rows).toContain('pins');
    expect(rows).toContain('zone_future_valley');
    expect(rows.filter((r) => r !== 'pins').every((r) => on.includes(r!))).toBe(true);
    expect(rows.length - 1).toBeLessThan(on.length);
    const printed = await printBrief(page, 'zone-fv-en');
    expect(printed.pages).toBe(3);
    expectPrinted(printed.text, [
      'Future Valley sci-tech innovation source zone',
      'Zone brief',
      'Jiangwan Campus',
      '以复旦大学江湾校区、邯郸校区为基础',
      zone.date,
      zone.url,
    ]);
    expect(printed.text).not.toMatch(/Print \/ Save as PDF|Layers/);

    // Escape closes it: the link loses the brief and the focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await view(page).waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('brief=');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-zone-brief');

    // A task brief from a link, then (closed with its button) from the task panel by keyboard.
    await visit('?lang=en&panel=tasks&task=10&brief=task:10');
    const task = await onScreen(page, 'task-10-en-desktop');
    const printedTask = await printBrief(page, 'task-10-en');
    expect(printedTask.pages).toBe(3);
    expectPrinted(printedTask.text, [
      'Task 10: Build model university science parks that lead the future',
      'Fudan University National University Science Park',
      TASKS[9]!.quote_zh,
      TASKS[9]!.gloss_en,
      // The monitor is asked for the task's status even when its tab was never opened.
      'No status recorded in the plan monitor.',
      task.date,
      task.url,
    ]);
    await page.getByTestId('brief-close').click();
    await view(page).waitFor({ state: 'detached' });
    await openByKeyboard(page, 'task-brief');
    await expect.poll(() => page.url()).toContain('brief=task:10');
    expect(problems.errors).toEqual([]);
  });

  it('in Chinese on a phone: a task brief from the task panel by keyboard, a zone brief from a link', async () => {
    const { page, problems } = await visit('?lang=zh&panel=tasks&task=17', PHONE);
    await openByKeyboard(page, 'task-brief');
    const task = await onScreen(page, 'task-17-zh-phone');
    const printed = await printBrief(page, 'task-17-zh');
    expect(printed.pages).toBe(2);
    expectPrinted(printed.text, [
      '任务 17：高标准规划“未来谷”科技创新策源功能区',
      '复旦大学江湾校区',
      '大创智',
      TASKS[16]!.quote_zh,
      '计划监测中没有记录状态。',
      task.date,
      task.url,
    ]);
    expect(HAN.test(printed.text)).toBe(true);
    expect(await englishOutsideData(page, printed.text)).toEqual([]);

    await visit('?lang=zh&brief=zone:ysp', PHONE);
    const zone = await onScreen(page, 'zone-ysp-zh-phone');
    const printedZone = await printBrief(page, 'zone-ysp-zh');
    expect(printedZone.pages).toBe(3);
    expectPrinted(printedZone.text, [
      '“杨数浦”创新秀带',
      '功能区简报',
      '长阳创谷',
      '整合杨浦滨江地区、长阳创谷、互联宝地和大连路总部区等区域',
      zone.date,
      zone.url,
    ]);
    expect(await englishOutsideData(page, printedZone.text)).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
