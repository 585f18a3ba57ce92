import { HAN } from '../data/quotes.ts';
import { t, type Lang, type MessageKey } from '../i18n/index.ts';

/*
 * Text from someone else's file — a cell echoed in a report, a file name, a listing's name, a figure's source — is
 * in whatever language its author wrote. A page in one language shows it as it is, marked with the language its
 * script says, so that screen readers, hyphenation and fonts treat it right and the page's own words stay in one
 * language. Only what came from data is marked: the catalogue's words never are, so a missing translation still
 * shows up as one.
 */

/** A piece of text and, when it is not in the page's language, the language tag to mark it with. */
export interface TextRun {
  text: string;
  lang?: string;
}

const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * The tag to mark a text from data with on a page in `pageLang`: Chinese (`zh-Hans`) on an English page when it holds
 * Chinese characters; English on a Chinese page when it holds Latin words and no Chinese. Undefined when it reads as
 * the page's own (or has no words: numbers, codes of one letter).
 */
export function dataLang(pageLang: Lang, text: string): 'zh-Hans' | 'en' | undefined {
  if (pageLang === 'en') return HAN.test(text) ? 'zh-Hans' : undefined;
  return !HAN.test(text) && LATIN_WORD.test(text) ? 'en' : undefined;
}

/** A text from data as one run, marked when it needs to be. */
export function dataRun(pageLang: Lang, text: string): TextRun {
  const lang = dataLang(pageLang, text);
  return lang ? { text, lang } : { text };
}

/** Runs one after another, neighbours with the same mark joined into one run (empty runs dropped). */
export function joinRuns(...parts: readonly (readonly TextRun[])[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const part of parts)
    for (const run of part) {
      if (!run.text) continue;
      const last = runs.at(-1);
      if (last && last.lang === run.lang) last.text += run.text;
      else runs.push({ ...run });
    }
  return runs;
}

/**
 * A message in `lang` as runs: the catalogue's words as they are, each text parameter as a run of its own, marked
 * by `dataLang` (parameters are what a file said, or our own words already in `lang`), and each parameter that is
 * runs already (a listing's industries, say) spliced in with its marks. Numbers are filled in with the words: they
 * choose plural forms and need no mark.
 */
export function messageRuns(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number | readonly TextRun[]>> = {}): TextRun[] {
  const numbers: Record<string, number> = {};
  const texts = new Map<string, readonly TextRun[]>();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') numbers[name] = value;
    else texts.set(name, typeof value === 'string' ? [dataRun(lang, value)] : value);
  }
  // With the numbers filled in, the text params' placeholders are still in the words ("{name}"): each becomes runs.
  const words = t(lang, key, numbers).split(/\{(\w+)\}/);
  return joinRuns(...words.map((piece, i) => (i % 2 ? (texts.get(piece) ?? [{ text: `{${piece}}` }]) : [{ text: piece }])));
}

/** Runs as plain text (for tests, logs, attributes and downloads). */
export const runsText = (runs: readonly TextRun[]): string => runs.map((r) => r.text).join('');
