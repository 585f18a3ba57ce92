import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settle, useBrowserSuite, useSharedPages, type Viewport } from './harness.ts';
import { languageLeaks } from './language-rule.ts';

const suite = useBrowserSuite();
const shared = useSharedPages(suite);

const PHONE: Viewport = { width: 390, height: 844 };
const DESKTOP: Viewport = { width: 1280, height: 800 };

/** What of the page breaks the language rule (see language-rule.ts). */
const otherLanguage = (page: Page) => languageLeaks(page.locator('body'));

/** Opens every disclosure of the sheet and the card, so what they fold away is read too. */
const unfold = (page: Page) =>
  page.evaluate(() =>
    document.querySelectorAll('[data-testid="sheet"] details, [data-testid="feature-card"] details').forEach((d) => ((d as HTMLDetailsElement).open = true)),
  );

const PANELS = ['layers', 'tasks', 'list', 'tour', 'air', 'analysis', 'invest', 'monitor', 'about'];
const SELECTIONS = ['plan:zone-future-valley', 'plan:sp-fudan', 'plan:campus-fudan-jiangwan', 'plan:dr-hopson-hulian-baodi', 'place:station-guoquanlu'];

describe('one language at a time (production build)', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const)
      it(`walks every panel, opened and unfolded, and finds no sentence of the other language (${size}, ${lang})`, async () => {
        const { page } = await shared.visit(`?lang=${lang}`, viewport);
        const found: Record<string, string[]> = {};
        for (const panel of PANELS) {
          await page.evaluate((p) => {
            history.pushState(null, '', `${location.pathname}?lang=${document.documentElement.lang.slice(0, 2)}&panel=${p}`);
            dispatchEvent(new PopStateEvent('popstate'));
          }, panel);
          await page.locator(`#tabpanel-${panel} h2`).first().waitFor({ timeout: 20_000 });
          // Let the panel's data arrive (sample listings, figures) before reading it.
          await page.waitForLoadState('networkidle');
          await unfold(page);
          const wrong = await otherLanguage(page);
          if (wrong.length) found[panel] = wrong;
        }
        expect(found).toEqual({});
      });

    it(`reads every kind of card and every tour stop in one language (${lang})`, async () => {
      const { page } = await shared.visit(`?lang=${lang}`);
      const found: Record<string, string[]> = {};
      for (const sel of SELECTIONS) {
        await shared.visit(`?lang=${lang}&sel=${sel}`);
        await page.getByTestId('feature-card').waitFor({ timeout: 20_000 });
        await unfold(page);
        const wrong = await otherLanguage(page);
        if (wrong.length) found[sel] = wrong;
      }
      await shared.visit(`?lang=${lang}&panel=tour`);
      const card = page.getByTestId('tour-card');
      await card.waitFor({ timeout: 20_000 });
      const total = Number(((await card.textContent()) ?? '').match(/\d+ \/ (\d+)/)![1]);
      for (let i = 0; i < total; i++) {
        await shared.visit(`?lang=${lang}&panel=tour&tour=${i}`);
        await card.waitFor();
        await settle(page);
        const wrong = await otherLanguage(page);
        if (wrong.length) found[`tour ${i + 1}`] = wrong;
      }
      expect(found).toEqual({});
    });
  }

  it('follows a switch of language everywhere at once, without a reload', async () => {
    const { page } = await shared.visit('?lang=zh&panel=invest&sel=plan:sp-fudan');
    await page.getByTestId('feature-card').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.waitForLoadState('networkidle');
    expect(await otherLanguage(page)).toEqual([]);
  });
});
