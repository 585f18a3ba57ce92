import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SearchEntry } from '../../src/lib/search/types.ts';
import { ROOT, screenshotPath, settle, useBrowserSuite, useSharedPages } from './harness.ts';

const suite = useBrowserSuite();
// The tests change only the app's own state (the query, the selection, the language): they take turns on one page
// per size, each starting from its link (see useSharedPages).
// With motion: the camera's flights to a result are driven here (the other files' browsers ask for reduced motion).
const shared = useSharedPages(suite, { motion: true });

// What the built site searches: the expectations come from its data, not from a copy of it.
const index = JSON.parse(readFileSync(resolve(ROOT, process.env.YANGPU_DIST ?? 'dist', 'data/search.json'), 'utf8')) as SearchEntry[];
// The address the brief names, as the data holds it.
const atAddress = index.find((e) => e.addresses?.some(([zh]) => zh === '国定路335号'));
const address = atAddress?.addresses?.find(([zh]) => zh === '国定路335号');
const aiPlaces = index.filter((e) => e.industries?.includes('ai'));

const CJK = /[\u3400-\u9fff]/;
const VIEWPORTS = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const;

/** The options as the user sees them: the name, and the line saying why (empty when the name matched). */
const options = (page: Page) =>
  page
    .getByRole('option')
    .evaluateAll((els) =>
      els.map((el) => ({ name: el.querySelector('.name')?.textContent?.trim() ?? '', via: el.querySelector('.via')?.textContent?.trim() ?? '' })),
    );

/**
 * Text of the list in the wrong language: in English, CJK outside an element marked Chinese; in Chinese, Latin
 * words outside an element marked English (each text node is judged by its nearest `lang`).
 */
const foreignText = (page: Page, lang: 'zh' | 'en') =>
  page.getByRole('listbox').evaluate((list, lang) => {
    const wrong = lang === 'en' ? /[\u3400-\u9fff]/ : /[A-Za-z]{2,}/;
    const out: string[] = [];
    const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      const tag = n.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
      if (wrong.test(text) && !tag.startsWith(lang === 'en' ? 'zh' : 'en')) out.push(`${text} (lang=${tag})`);
    }
    return out;
  }, lang);

/** Checks the ARIA combobox pattern and the touch targets of the open list. */
async function checkList(page: Page): Promise<void> {
  const box = page.getByRole('combobox');
  expect(await box.getAttribute('aria-expanded')).toBe('true');
  const list = page.getByRole('listbox');
  expect(await box.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
  for (const o of await page.getByRole('option').all()) {
    const rect = (await o.boundingBox())!;
    expect(rect.height).toBeGreaterThanOrEqual(44);
    expect(rect.width).toBeGreaterThanOrEqual(44);
  }
  await box.press('ArrowDown');
  const first = page.getByRole('option').first();
  expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
  expect(await first.getAttribute('aria-selected')).toBe('true');
  await box.press('ArrowUp');
  await box.press('ArrowDown');
}

describe('search by address and industry (production build)', () => {
  it('has the data the brief names: the address 国定路335号 and places in AI', () => {
    expect(atAddress?.kind).toBe('plan');
    expect(address?.[1]).toMatch(/Guoding/);
    expect(aiPlaces.length).toBeGreaterThan(2);
  });

  for (const [label, viewport] of VIEWPORTS) {
    for (const [lang, query] of [
      ['zh', '上海市杨浦区国定路335号'],
      ['en', 'Guoding Rd 335'],
    ] as const) {
      it(`finds a place by its address, says so, and opens it with Enter (${label}, ${lang})`, async () => {
        const { page, problems } = await shared.visit(`?lang=${lang}`, viewport);
        const box = page.getByRole('combobox');
        await box.fill(query);
        await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
        const [top] = await options(page);
        expect(top!.name).toBe(lang === 'zh' ? atAddress!.name_zh : atAddress!.name_en);
        expect(top!.via).toBe(lang === 'zh' ? `地址：${address![0]}` : `Address: ${address![1]}`);
        expect(await foreignText(page, lang)).toEqual([]);
        await checkList(page);
        const axe = await new AxeBuilder({ page }).include('[role="search"]').analyze();
        expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
        await page.screenshot({ path: screenshotPath(`search-address-${label}-${lang}`) });

        await box.press('Enter');
        await settle(page);
        expect(new URL(page.url()).searchParams.get('sel')).toBe(atAddress!.id);
        const name = lang === 'zh' ? atAddress!.name_zh : atAddress!.name_en;
        await expect.poll(() => page.getByRole('region', { name }).count()).toBe(1);
        expect(await box.inputValue()).toBe(name);
        expect(problems.errors).toEqual([]);
      });

      it(`lists the places of an industry and says why (${label}, ${lang})`, async () => {
        const { page, problems } = await shared.visit(`?lang=${lang}`, viewport);
        await page.getByRole('combobox').fill(lang === 'zh' ? '人工智能' : 'AI');
        await expect.poll(() => page.getByRole('option').count()).toBeGreaterThanOrEqual(aiPlaces.length);
        const shown = (await options(page)).slice(0, aiPlaces.length);
        expect(shown.map((o) => o.name).sort()).toEqual(aiPlaces.map((e) => (lang === 'zh' ? e.name_zh : e.name_en)).sort());
        expect(new Set(shown.map((o) => o.via))).toEqual(new Set([lang === 'zh' ? '产业：人工智能' : 'Industry: Artificial intelligence']));
        expect(await foreignText(page, lang)).toEqual([]);
        await checkList(page);
        await page.screenshot({ path: screenshotPath(`search-industry-${label}-${lang}`) });
        expect(problems.errors).toEqual([]);
      });
    }

    it(`keeps a chosen place's name in the box in the language the user switches to (${label})`, async () => {
      const { page, problems } = await shared.visit('?lang=zh', viewport);
      const box = page.getByRole('combobox');
      await box.fill('国定路335');
      await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
      await box.press('Enter');
      await settle(page);
      expect(await box.inputValue()).toBe(atAddress!.name_zh);
      await page.getByRole('button', { name: '切换到英文' }).click();
      await expect.poll(() => box.inputValue()).toBe(atAddress!.name_en);
      expect(CJK.test(await box.inputValue())).toBe(false);
      await page.getByRole('button', { name: 'Switch to Chinese' }).click();
      await expect.poll(() => box.inputValue()).toBe(atAddress!.name_zh);
      // Once the user types, the box holds their words, whatever the language.
      await box.fill('guoding');
      await page.getByRole('button', { name: '切换到英文' }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await box.inputValue()).toBe('guoding');
      expect(problems.errors).toEqual([]);
    });
  }
});
