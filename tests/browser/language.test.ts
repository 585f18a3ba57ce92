import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, settle, useBrowserSuite, useSharedPages, type Viewport } from './harness.ts';

const suite = useBrowserSuite();
const shared = useSharedPages(suite);

const PHONE: Viewport = { width: 390, height: 844 };
const DESKTOP: Viewport = { width: 1280, height: 800 };

/**
 * Every visible text of the page, and every accessible name, placeholder and tooltip, that is in the other
 * language than the element says it is in (its nearest `lang`): in English, any Chinese character; in Chinese, a run
 * of three English words (a sentence, not a code, a unit or a name such as "GCJ-02" or "© OpenStreetMap"). Proper
 * names and quotations shown in the other language on purpose carry their own `lang`, and pass.
 */
function otherLanguage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const page = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
    const langOf = (el: Element) => ((el.closest('[lang]')?.getAttribute('lang') ?? page).startsWith('zh') ? 'zh' : 'en');
    const wrong = (lang: 'zh' | 'en', text: string) =>
      lang === 'en' ? /[\u3400-\u9fff]/.test(text) : /[A-Za-z]{2,}[\s,;:'’]+[A-Za-z]{2,}[\s,;:'’]+[A-Za-z]{2,}/.test(text);
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || !text || el.closest('script, style, [hidden], [aria-hidden="true"]')) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const lang = langOf(el);
      if (wrong(lang, text)) out.add(`${lang} <${el.tagName.toLowerCase()}> ${text.slice(0, 120)}`);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      if (el.closest('[hidden]')) continue;
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr);
        if (value && wrong(langOf(el), value)) out.add(`${langOf(el)} @${attr} ${value.slice(0, 120)}`);
      }
    }
    return [...out];
  });
}

/** Opens every disclosure of the sheet and the card, so what they fold away is read too. */
const unfold = (page: Page) =>
  page.evaluate(() =>
    document.querySelectorAll('[data-testid="sheet"] details, [data-testid="feature-card"] details').forEach((d) => ((d as HTMLDetailsElement).open = true)),
  );

const PANELS = ['layers', 'tasks', 'list', 'tour', 'air', 'analysis', 'invest', 'monitor', 'about'];
const SELECTIONS = ['plan:zone-future-valley', 'plan:sp-fudan', 'plan:campus-fudan-jiangwan', 'plan:dr-hopson-hulian-baodi', 'place:station-guoquanlu'];

describe('one language at a time (production build)', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`shows nothing of the other language on the first screen and its welcome (${lang})`, async () => {
      for (const viewport of [PHONE, DESKTOP]) {
        const { page } = await openPage(suite, `?lang=${lang}`, viewport, { greet: true });
        await page.getByTestId('welcome').waitFor();
        expect(await otherLanguage(page)).toEqual([]);
        await page.close();
      }
    });

    it(`walks every panel, opened and unfolded, and finds no sentence of the other language (${lang})`, async () => {
      const { page } = await shared.visit(`?lang=${lang}`);
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
