import { expect } from 'vitest';
import type { Message } from '../../src/lib/i18n/index.ts';

/**
 * The page's language rule, one definition for every test that applies it: a text meant as English holds no Chinese
 * character; a text meant as Chinese holds no run of three English words (a sentence, where a code, a unit or a
 * name such as "GCJ-02", "m²" or "© OpenStreetMap" is not one). What is shown in the other language on purpose —
 * a quotation, a name, what came from a user's file — carries its own `lang` and is judged in that language.
 */
export const HAN = /[\u3400-\u9fff]/;
export const ENGLISH_RUN = /[A-Za-z]{2,}[\s,.;:'’-]+[A-Za-z]{2,}[\s,.;:'’-]+[A-Za-z]{2,}/;

/** Whether `text`, meant to be in `lang`, breaks the rule. */
export const breaksLanguageRule = (lang: 'zh' | 'en', text: string): boolean => (lang === 'en' ? HAN : ENGLISH_RUN).test(text);

const texts = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));

/** A catalogue pair has the same keys in both languages, and each message (every plural form) keeps to its own. */
export function expectOneLanguage(zh: Record<string, Message>, en: Record<string, Message>): void {
  expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  for (const [lang, catalogue] of [
    ['zh', zh],
    ['en', en],
  ] as const)
    for (const [key, m] of Object.entries(catalogue))
      for (const text of texts(m)) expect(breaksLanguageRule(lang, text), `${lang} ${key}: ${text}`).toBe(false);
}
