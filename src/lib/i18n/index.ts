import { analysisEn, analysisZh } from './analysis.ts';
import { en } from './en.ts';
import { investEn, investZh } from './invest.ts';
import { importEn, importZh } from './invest-import.ts';
import { zh } from './zh.ts';

/** The two languages of the site. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages, as the data and the layer registry carry it. */
export type Bilingual = { zh: string; en: string };

// Each capability keeps its messages in its own catalogue pair; the Chinese side defines the keys.
const zhAll = { ...zh, ...analysisZh, ...investZh, ...importZh };
export type MessageKey = keyof typeof zhAll;
const catalogues: Record<Lang, Record<MessageKey, string>> = { zh: zhAll, en: { ...en, ...analysisEn, ...investEn, ...importEn } };

/** BCP 47 tag for `lang` attributes. */
export const langTag = (lang: Lang): string => (lang === 'zh' ? 'zh-Hans' : 'en');

/** Looks up a message and fills `{name}` placeholders with `params` (plain text, never markup). */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key] ?? catalogues.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Picks the text in `lang` from a bilingual pair. */
export const pick = (text: Bilingual, lang: Lang): string => text[lang];

/** The language to start in: an explicit choice, else the browser's preference, else Chinese. */
export function initialLang(explicit: string | null | undefined, navigatorLanguages: readonly string[] = []): Lang {
  if (explicit === 'zh' || explicit === 'en') return explicit;
  for (const l of navigatorLanguages) {
    const low = l.toLowerCase();
    if (low.startsWith('zh')) return 'zh';
    if (low.startsWith('en')) return 'en';
  }
  return 'zh';
}
