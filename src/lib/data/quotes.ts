import type { Lang } from '../i18n/index.ts';

/**
 * Text helpers of the feature card (pure, no DOM): the plan's quotations per task, distances, safe links, and which
 * language each part of a text is in.
 *
 * `splitTaskQuotes` splits a plan feature's summaries into one block per task.
 *
 * `summary_zh` quotes the plan as `任务17：「…」；任务4：「…」` (several 「…」 may follow one task number, and a short
 * note in （） may follow a quotation); `summary_en` glosses it as `Task 17: … Task 4: …` (see docs/data.md). When the
 * texts do not follow that form — no task numbers, numbers that differ from `plan_tasks`, text before the first
 * number — nothing is split and the card shows the whole texts.
 */

export interface TaskQuote {
  task: number;
  /** The plan's words for this task, each 「…」 passage without its brackets. */
  quotes: string[];
  /** Chinese text outside the quotations (e.g. a note in （）), trimmed; '' when there is none. */
  note: string;
  /** The English gloss of this task; null when the English text could not be split in the same way. */
  gloss: string | null;
}

export interface SplitSummary {
  /** One block per task, in the order of `summary_zh`. Empty when the Chinese text could not be split. */
  tasks: TaskQuote[];
  /** The whole Chinese text, when it could not be split (or names no task); else null. */
  zh: string | null;
  /** The whole English text, when it could not be split like the Chinese; else null. */
  en: string | null;
}

const SEPARATORS = /^[\s；;，,。.]+|[\s；;，,]+$/g;

interface Segment {
  task: number;
  text: string;
}

/**
 * Cuts `text` at each task marker found outside 「…」. Returns null when there is none, when the markers repeat a
 * number, or when anything but separators precedes the first marker.
 */
function segments(text: string, marker: RegExp, keepMarker: (m: RegExpExecArray) => boolean): Segment[] | null {
  const hits: { index: number; end: number; task: number; keep: boolean }[] = [];
  // Positions inside 「…」 never start a task: the plan's own words may mention 任务.
  const quoted = new Uint8Array(text.length);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '「') depth++;
    quoted[i] = depth > 0 ? 1 : 0;
    if (text[i] === '」' && depth > 0) depth--;
  }
  const re = new RegExp(marker.source, marker.flags.includes('g') ? marker.flags : `${marker.flags}g`);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (quoted[m.index]) continue;
    hits.push({ index: m.index, end: m.index + m[0].length, task: Number(m[1]), keep: keepMarker(m) });
  }
  if (hits.length === 0) return null;
  if (new Set(hits.map((h) => h.task)).size !== hits.length) return null;
  if (text.slice(0, hits[0]!.index).replace(SEPARATORS, '') !== '') return null;
  return hits.map((h, i) => ({
    task: h.task,
    text: text.slice(h.keep ? h.index : h.end, hits[i + 1]?.index ?? text.length).replace(SEPARATORS, ''),
  }));
}

const sameTasks = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && [...a].sort((x, y) => x - y).every((n, i) => n === [...b].sort((x, y) => x - y)[i]);

/**
 * Splits the two summaries into blocks per task. With `planTasks`, the Chinese markers must name exactly those tasks.
 * Pure: the inputs are strings, the result is new.
 */
export function splitTaskQuotes(summaryZh: string, summaryEn: string, planTasks?: readonly number[]): SplitSummary {
  const whole: SplitSummary = { tasks: [], zh: summaryZh, en: summaryEn };
  // 任务17：「…」 — the colon is dropped; the task number is shown as a heading.
  const zh = segments(summaryZh, /任务(\d+)\s*[：:]?/g, () => false);
  if (!zh) return whole;
  const numbers = zh.map((s) => s.task);
  if (planTasks && !sameTasks(numbers, planTasks)) return whole;

  // "Task 17: …" loses its label; "Task 17 names …" keeps it, as the sentence needs it.
  const en = segments(summaryEn, /\bTask (\d+)\b(\s*:)?\s*/g, (m) => m[2] === undefined);
  const glosses = en && sameTasks(en.map((s) => s.task), numbers) ? new Map(en.map((s) => [s.task, s.text])) : null;

  const tasks = zh.map(({ task, text }): TaskQuote => {
    const quotes = [...text.matchAll(/「([^」]*)」/g)].map((m) => m[1]!.trim()).filter(Boolean);
    const note = text.replace(/「[^」]*」/g, '').replace(SEPARATORS, '');
    return { task, quotes, note, gloss: glosses?.get(task) || null };
  });
  if (tasks.some((t) => t.quotes.length === 0 && t.note === '')) return whole;
  return { tasks, zh: null, en: glosses ? null : summaryEn };
}

/** A straight-line distance rounded for reading: metres below 1 km (to 10 m from 100 m up), else km to 0.1. */
export function roundDistance(metres: number): { value: string; unit: 'm' | 'km' } {
  const m = Math.max(0, metres);
  const rounded = m < 100 ? Math.round(m) : Math.round(m / 10) * 10;
  if (rounded < 1000) return { value: String(rounded), unit: 'm' };
  return { value: (Math.round(m / 100) / 10).toFixed(1), unit: 'km' };
}

/**
 * `text` as a link target when it is an absolute http(s) URL, else null (`javascript:`, `data:`, relative paths and
 * malformed text are shown as plain text, never linked).
 */
export function httpUrl(text: string | undefined | null): string | null {
  if (!text) return null;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A Chinese character (ideographs; Chinese punctuation is told apart by {@link langRuns}). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Three or more words of English in a row: a Chinese text that holds them has prose left untranslated. */
export const ENGLISH_PROSE = /[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/;

/**
 * Three or more Latin words in a row, however they are joined (spaces, hyphens, dots: "derive-zones.ts"), as a
 * reader of Chinese meets them: such a stretch of a Chinese text is marked as English.
 */
export const LATIN_WORDS = /[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}/;

// Chinese characters with Chinese punctuation and full-width forms.
const CJK = '[\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
// Chinese in an English text, with the digits, letters, brackets and slashes that hold one name or address together:
// 国泰路11号, 淞沪路/殷行路, 长海路399号 / 清源环路650号, 同济大学中国(上海)数字城市研究院.
const CJK_RUN = new RegExp(`${CJK}+(?:(?:[0-9A-Za-z.·()\\-–]|\\s?/\\s?)*${CJK}+)*`, 'g');
// What lies between the Chinese of a Chinese text: the stretches that may hold English.
const NON_CJK_RUN = new RegExp(`[^${CJK.slice(1, -1)}]+`, 'g');

/** A part of a text, and the language it is in when that is not the text's own (null). */
export interface LangRun {
  text: string;
  lang: Lang | null;
}

/**
 * Cuts a text written in `lang` into the parts a page must mark as the other language: in an English text every
 * stretch of Chinese (a name or address quoted as written), in a Chinese text every stretch of three or more Latin
 * words (a code, a file name, a URL, an English title). Joined back, the parts are the text.
 */
export function langRuns(text: string, lang: Lang): LangRun[] {
  const runs: LangRun[] = [];
  let at = 0;
  const own = (end: number) => {
    if (end > at) runs.push({ text: text.slice(at, end), lang: null });
  };
  const re = new RegExp(lang === 'en' ? CJK_RUN : NON_CJK_RUN);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let [start, end] = [m.index, m.index + m[0].length];
    if (lang === 'zh') {
      if (!LATIN_WORDS.test(m[0])) continue;
      // The spaces around an English stretch belong to the Chinese around it.
      start += m[0].length - m[0].trimStart().length;
      end -= m[0].length - m[0].trimEnd().length;
    }
    own(start);
    runs.push({ text: text.slice(start, end), lang: lang === 'en' ? 'zh' : 'en' });
    at = end;
  }
  own(text.length);
  return runs;
}

/**
 * The text in the reader's language, else (older or partial data) the other one — with the language it is in, so
 * the page can mark it. Null when there is neither.
 */
export function inLang(texts: { zh?: string | null; en?: string | null }, lang: Lang): { text: string; lang: Lang } | null {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  for (const l of [lang, other]) {
    const text = texts[l]?.trim();
    if (text) return { text, lang: l };
  }
  return null;
}
