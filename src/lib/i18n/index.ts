import { faultsZh } from './faults.ts';
import { zh } from './zh.ts';

/** The two languages of the site. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** A text in both languages, as the data and the layer registry carry it. */
export type Bilingual = { zh: string; en: string };

/**
 * A message with plural forms, chosen by `Intl.PluralRules` from the `count` parameter (Chinese has only `other`;
 * English `one` and `other`). Plurals live here, in the catalogues, so components never branch on the language.
 */
export type PluralMessage = { one?: string; two?: string; few?: string; many?: string; zero?: string; other: string };
export type Message = string | PluralMessage;
/** One catalogue in both languages: Chinese defines the keys, every other language matches them key for key. */
export type CataloguePair<K extends string = string> = { zh: Record<K, Message>; en: Record<K, Message> };

/**
 * Every message key the site knows. The first view's catalogues define theirs below; each feature's catalogue
 * adds its own keys by augmenting this interface where it registers them (see {@link registerMessages}), so the
 * one translation function is typed over all of them while the core never imports a feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Messages extends Record<keyof typeof zh | keyof typeof faultsZh, Message> {}
export type MessageKey = keyof Messages & string;

const catalogues: Record<Lang, Map<string, Message>> = { zh: new Map(), en: new Map() };

/**
 * Adds a catalogue to the translation function. A feature calls it from the module that defines its messages, so
 * they arrive with the chunk that needs them; registering the same keys again (a module evaluated twice in tests)
 * only replaces them.
 */
export function registerMessages(pair: CataloguePair): void {
  for (const lang of LANGS) for (const [key, message] of Object.entries(pair[lang])) catalogues[lang].set(key, message);
}

// Chinese comes with the page: it defines the keys and is every message's fallback. English comes with loadLanguage
// (language.ts).
registerMessages({ zh: { ...zh, ...faultsZh }, en: {} });

let rest: Promise<void> | null = null;
/**
 * Loads the core's messages the first screen does not show (panels, card, tour, tasks, legend, export, update prompt;
 * see panels.ts), once. Whatever shows them awaits this beside its own chunk, so the first view carries only the
 * first screen's words — and the second language's only for those.
 */
export function loadMessages(): Promise<void> {
  // The panels' shared styles (src/panels.css) come with their words: whatever shows one awaits the other too.
  rest ??= Promise.all([import('./panels.ts'), import('../../panels.css')]).then(
    () => undefined,
    (err: unknown) => {
      rest = null;
      throw err;
    },
  );
  return rest;
}

/** Fills `{name}` placeholders from `params` (plain text, never markup); unknown names stay as written. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const pluralRules: Record<Lang, Intl.PluralRules> = { zh: new Intl.PluralRules('zh'), en: new Intl.PluralRules('en') };

function resolve(message: Message, lang: Lang, params: Readonly<Record<string, string | number>>): string {
  if (typeof message === 'string') return message;
  const count = Number(params.count);
  const form = Number.isFinite(count) ? pluralRules[lang].select(count) : 'other';
  return message[form] ?? message.other;
}

/**
 * The one translation function: the message `key` in `lang` (else in Chinese, else the key itself), its plural
 * form chosen by `params.count`, its `{name}` placeholders filled from `params`.
 */
export function t(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const message = catalogues[lang].get(key) ?? catalogues.zh.get(key);
  return message === undefined ? key : fill(resolve(message, lang, params), params);
}

/** Whether a key is known (for message codes that come from data, such as an import's row report). */
export const hasMessage = (key: string): boolean => catalogues.zh.has(key);

/** The locale numbers are written in (`Intl.NumberFormat`), from the catalogue. */
export const numberLocale = (lang: Lang): string => t(lang, 'locale');

/** The locale dates are written in (`Intl.DateTimeFormat`), from the catalogue. */
export const dateLocale = (lang: Lang): string => t(lang, 'dateLocale');

/** Items as a list in running text: "甲、乙" / "A, B". */
export const joinList = (lang: Lang, items: readonly string[]): string => items.join(t(lang, 'listSeparator'));

/** BCP 47 tag for `lang` attributes. */
export const langTag = (lang: Lang): string => (lang === 'zh' ? 'zh-Hans' : 'en');

/** The other language of the site. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** Picks the text in `lang` from a bilingual pair. */
export const pick = (text: Bilingual, lang: Lang): string => text[lang];

/** A record's name in `lang`, from its `name_zh` / `name_en` fields (places, routes, stations…). */
export const localName = (record: { name_zh: string; name_en: string }, lang: Lang): string => (lang === 'zh' ? record.name_zh : record.name_en);

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
