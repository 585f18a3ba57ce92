/**
 * Text helpers of the feature card (pure, no DOM): the plan's quotations per task, distances, safe links.
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
