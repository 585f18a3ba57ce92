import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeSerious, openPage, screenshotPath, useBrowserSuite } from './harness.ts';
import { languageLeaks } from './language-rule.ts';
import { printBrief, squeeze } from './print.ts';

const suite = useBrowserSuite();
const PHONE = { width: 390, height: 844 };

/** Where the focus is, as a reader of the form meets it: "legend › label". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const legend = el?.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? '';
    const label = el?.closest('label')?.querySelector('span')?.textContent?.trim() ?? el?.textContent?.trim() ?? '';
    return `${legend} › ${label}`;
  });

/** Presses Tab until the focus is on the control named `name` ("legend › label"); fails after 40 presses. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focused(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${name} (last: ${await focused(page)})`);
}

const ids = (page: Page) =>
  page.locator('[data-testid="finder-results"] > [data-testid="finder-result"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lid')));

describe('the site finder (production build)', () => {
  it('is filled by keyboard alone, ranks with reasons and the plan’s words, and comes back whole from its link', async () => {
    const { page, problems } = await openPage(suite, '?lang=en&panel=invest');
    const panel = page.getByTestId('invest-panel');
    await expect.poll(() => panel.getByTestId('invest-count').textContent(), { timeout: 20_000 }).toMatch(/listings? match/);

    // The fold is reached like any control; from there on only keys.
    await page.getByTestId('finder-fold').locator('summary').focus();
    await page.keyboard.press('Enter');
    await tabTo(page, 'Industry › Industry');
    await page.keyboard.type('Artificial');
    await tabTo(page, 'Floor area › Amount');
    await page.keyboard.type('40');
    await tabTo(page, 'Floor area › Unit');
    await page.keyboard.type('people');
    await tabTo(page, 'Walk to a metro station › Distance');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Walk to a metro station › Importance');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Near a science park or platform › Place');
    await page.keyboard.type('Fudan University National');
    await tabTo(page, 'Zone › Inside');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Zone › Weight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');

    await expect.poll(() => page.url()).toContain('fmust=metro');
    const url = new URL(page.url());
    expect(Object.fromEntries([...url.searchParams].filter(([k]) => k.startsWith('f')))).toEqual({
      fi: 'ai',
      fppl: '40',
      fmetro: '800',
      fnear: 'sp-fudan:1500',
      fzone: 'fv',
      fmust: 'metro',
      fw: 'zone:3',
    });

    const finder = page.getByTestId('finder');
    await expect.poll(() => finder.getByTestId('finder-count').textContent()).toMatch(/^\d+ of 16 listings? meets? every must-have$/);
    const first = finder.getByTestId('finder-result').first();
    expect(await first.getByTestId('finder-score').textContent()).toBe('Score 100%');
    const reasons = await first.getByTestId('finder-rules').textContent();
    expect(reasons).toMatch(/✓ Met · Walk to a metro station \(must-have\): \d+ m to [A-Za-z ]+ station; asked within 800 m/);
    expect(reasons).toContain('✓ Met · Floor area (weight 1):');
    expect(await first.getByTestId('finder-plan-words').textContent()).toContain('Task 4: ');
    expect(await first.getByTestId('finder-plan-words').textContent()).toContain('make Future Valley the core cluster of original innovation');
    const apart = finder.getByTestId('finder-apart').locator('summary');
    expect(await apart.textContent()).toMatch(/^\d+ listings? miss(es)? a must-have$/);
    expect(await languageLeaks(finder)).toEqual([]);
    const order = await ids(page);
    expect(order.length).toBeGreaterThan(1);
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/finder-desktop-en.png' });
    expect(problems.errors).toEqual([]);

    // The link is the state: a fresh context opens on the same needs, weights and ranking. (The first page closes
    // first: two maps drawing at once on the test machine's software GL would only slow both.)
    const count = await finder.getByTestId('finder-count').textContent();
    await page.close();
    const again = await openPage(suite, url.search);
    const fresh = again.page.getByTestId('finder');
    await expect.poll(() => fresh.getByTestId('finder-count').textContent(), { timeout: 20_000 }).toBe(count);
    expect(await again.page.getByTestId('finder-fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await ids(again.page)).toEqual(order);
    expect(await fresh.getByTestId('finder-importance-zone').locator('select').nth(1).inputValue()).toBe('3');
    expect(await fresh.getByTestId('finder-importance-metro').locator('select').first().inputValue()).toBe('must');

    // The top result's site brief, printed on A4: its name, the reasons with their figures, the plan's words.
    const top = fresh.getByTestId('finder-result').first();
    const name = (await top.locator('.name').textContent())!.trim();
    await top.getByRole('button', { name: 'Print the site brief' }).click();
    await expect.poll(() => again.page.url()).toContain('brief=site:');
    const brief = again.page.getByTestId('print-view');
    await brief.waitFor();
    const printed = await printBrief(again.page, 'site-en');
    await again.page.screenshot({ path: screenshotPath('brief-site-en-desktop') });
    expect(printed.pages).toBe(3);
    const text = squeeze(printed.text);
    for (const must of [
      name,
      'Site brief',
      'Why it fits',
      'Walk to a metro station (must-have)',
      'asked within 800 m',
      'Score 100%',
      'The plan’s words',
      'make Future Valley the core cluster of original innovation',
      '将“未来谷”打造成为创新策源核心集聚区',
      'Sample',
      'OpenStreetMap',
      again.page.url(),
    ])
      expect(text, must).toContain(squeeze(must));
    expect(await languageLeaks(brief)).toEqual([]);
    expect(again.problems.errors).toEqual([]);
    await again.page.close();
  });

  it('works on a phone in Chinese, with no English and no accessibility violations', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&panel=invest&fi=ai&fppl=40&fbudm=60000&fmetro=800&fzone=ysp&fseat=1&fmust=metro', PHONE);
    const finder = page.getByTestId('finder');
    await expect.poll(() => finder.getByTestId('finder-count').textContent(), { timeout: 20_000 }).toMatch(/^\d+ \/ 16 条房源满足全部必需条件$/);
    const reasons = await finder.getByTestId('finder-rules').first().textContent();
    expect(reasons).toContain('地铁站步行距离（必需）：距');
    expect(reasons).toMatch(/每月最多 [\d,]+ 元（[\d.]+ 元\/平方米\/天 × 400 平方米（所需面积） × 365 ÷ 12）/);
    expect(await finder.getByTestId('finder-plan-words').first().textContent()).toContain('「');
    expect(await languageLeaks(page.getByTestId('invest-panel'))).toEqual([]);
    expect(await axeSerious(page, '[data-testid="invest-panel"]')).toEqual([]);
    // Touch targets of the results' buttons.
    const heights = await finder
      .getByTestId('finder-result')
      .first()
      .locator('button')
      .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height));
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
    await finder.getByTestId('finder-result').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/finder-phone-zh.png' });

    // Pin the first two results and print the shortlist's brief, from a phone, in Chinese.
    const results = finder.getByTestId('finder-result');
    const names: string[] = [];
    for (const i of [0, 1]) {
      names.push((await results.nth(i).locator('.name').textContent())!.trim());
      await results.nth(i).getByRole('button', { name: '收藏' }).click();
    }
    await page.getByTestId('shortlist-brief').click();
    await expect.poll(() => page.url()).toContain('brief=shortlist');
    const printed = await printBrief(page, 'shortlist-zh');
    await page.screenshot({ path: screenshotPath('brief-shortlist-zh-phone') });
    expect(printed.pages).toBe(2);
    const text = squeeze(printed.text);
    for (const must of [...names, '收藏的 2 条房源', '并排对比', '最近地铁站', '选址得分', '★ 最优', '示例数据', 'OpenStreetMap', page.url()])
      expect(text, must).toContain(squeeze(must));
    expect(await languageLeaks(page.getByTestId('print-view'))).toEqual([]);
    expect(await axeSerious(page, '[data-testid="print-view"]')).toEqual([]);

    // And the top result's site brief, in Chinese: its name, the reasons, the plan's words in Chinese only.
    await page.keyboard.press('Escape');
    await page.getByTestId('print-view').waitFor({ state: 'detached' });
    await results.first().getByRole('button', { name: '打印选址简报' }).click();
    const site = await printBrief(page, 'site-zh');
    const siteText = squeeze(site.text);
    for (const must of [names[0]!, '选址简报', '为何合适', '地铁站步行距离（必需）', '规划原文', '「', 'OpenStreetMap'])
      expect(siteText, must).toContain(squeeze(must));
    expect(site.pages).toBe(2);
    expect(await languageLeaks(page.getByTestId('print-view'))).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
