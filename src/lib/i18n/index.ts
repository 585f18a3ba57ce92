import { en } from './en.ts';
import { faultsEn, faultsZh } from './faults.ts';
import { offlineEn, offlineZh } from './offline.ts';
import { zh } from './zh.ts';

/** The two languages of the site. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages, as the data and the layer registry carry it. */
export type Bilingual = { zh: string; en: string };

// Each capability keeps its messages in its own catalogue pair; the Chinese side defines the keys. The first view's
// catalogues are merged here; the analysis and investors' panels, loaded later, look theirs up through panels.ts.
const zhAll = { ...zh, ...faultsZh, ...offlineZh };
export type MessageKey = keyof typeof zhAll;
/** The first view's messages in both languages. */
export const catalogues: Record<Lang, Record<MessageKey, string>> = { zh: zhAll, en: { ...en, ...faultsEn, ...offlineEn } };

/** BCP 47 tag for `lang` attributes. */
export const langTag = (lang: Lang): string => (lang === 'zh' ? 'zh-Hans' : 'en');

/** A lookup over one catalogue pair: the message in `lang` (else Chinese, else the key), `{name}` filled from `params`. */
export function translator<K extends string>(
  pair: Record<Lang, Record<K, string>>,
): (lang: Lang, key: K, params?: Record<string, string | number>) => string {
  return (lang, key, params = {}) => {
    const template = pair[lang][key] ?? pair.zh[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

/** Looks up a message of the first view's catalogues and fills `{name}` placeholders with `params` (plain text, never markup). */
export const t: (lang: Lang, key: MessageKey, params?: Record<string, string | number>) => string = translator(catalogues);

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
