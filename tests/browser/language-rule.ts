import type { Locator } from 'playwright-core';
import { ENGLISH_RUN, HAN } from '../support/language.ts';

/**
 * What in `root` breaks the page's language rule (tests/support/language.ts) as a reader meets it: every visible
 * text, and every accessible name, placeholder, tooltip and alternative text, judged in the language of its
 * nearest `lang`. Each finding names that language and the element.
 */
export function languageLeaks(root: Locator): Promise<string[]> {
  return root.evaluate(
    (el, [han, run]) => {
      const rule = { en: new RegExp(han!), zh: new RegExp(run!) };
      const pageLang = document.documentElement.lang;
      const langOf = (e: Element) => ((e.closest('[lang]')?.getAttribute('lang') ?? pageLang).startsWith('zh') ? 'zh' : 'en');
      const out = new Set<string>();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        const text = n.textContent?.trim() ?? '';
        if (!parent || !text || parent.closest('script, style, [hidden], [aria-hidden="true"]')) continue;
        if (parent.getClientRects().length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
        const lang = langOf(parent);
        if (rule[lang].test(text)) out.add(`${lang} <${parent.tagName.toLowerCase()}> ${text.slice(0, 120)}`);
      }
      for (const e of el.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
        if (e.closest('[hidden]')) continue;
        for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
          const value = e.getAttribute(name);
          if (value && rule[langOf(e)].test(value)) out.add(`${langOf(e)} @${name} ${value.slice(0, 120)}`);
        }
      }
      return [...out];
    },
    [HAN.source, ENGLISH_RUN.source],
  );
}
