import { codedMessage } from '../../lib/import/messages.ts';
import { TASKS } from '../../lib/data/tasks.ts';
// The messages' catalogue must be registered: codedMessage words them in English from it.
import './messages.ts';
import type { MonitorKey } from './messages.ts';
import type { ImportMessage } from '../../lib/import/types.ts';
import { TASK_STATUSES, type TaskProgress, type TaskStatus } from './types.ts';

/**
 * The planner's record of the 18 tasks: validation, edits and the JSON file they export to and import from.
 * Pure: no Svelte, no storage. Every text that comes in (a file, a link) is treated as plain text.
 */

/** Longest note a task keeps, in UTF-16 code units (what a textarea's `maxlength` counts). */
export const NOTE_MAX = 500;
/** Largest task file read, in characters: 18 tasks with full notes fit many times over. */
export const TASK_FILE_MAX = 200_000;
/** The `format` field of an exported file. */
export const TASK_FILE_FORMAT = 'yangpu-monitor-tasks';
/** Dates a task may carry (the years a figure may be for, as in the link). */
export const TASK_DATE_YEARS = [2000, 2100] as const;

const NUMBERS = new Set(TASKS.map((t) => t.n));
// Entries a file may list before it is refused as not ours (room for duplicates and junk, but bounded).
const MAX_ENTRIES = 1000;
// Controls and bidirectional overrides: invisible, and able to make a note read differently than it is stored.
// Line breaks and tabs are kept (a note is a small paragraph).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Message codes of the task file and of task records. */
export type TaskMessageCode =
  | 'mtask-too-big'
  | 'mtask-bad-json'
  | 'mtask-bad-shape'
  | 'mtask-bad-entry'
  | 'mtask-unknown-task'
  | 'mtask-bad-status'
  | 'mtask-bad-date'
  | 'mtask-bad-note'
  | 'mtask-note-too-long'
  | 'mtask-duplicate';

/** The catalogue key of a task message code (`t(lang, taskMessageKey(m.code), m.params)`). */
export const taskMessageKey = (code: string): MonitorKey => `mtask.${code.replace(/^mtask-/, '')}` as MonitorKey;

/** Builds a task message; its `text` is the English wording with the params filled in. */
export function taskMessage(code: TaskMessageCode, params?: Record<string, string | number>): ImportMessage {
  return codedMessage(code, taskMessageKey(code), params);
}

/** What an import of a task file did: records accepted, entries rejected, and why. */
export interface TaskReport {
  accepted: number;
  rejected: number;
  messages: ImportMessage[];
}

/** A value from a file, cut short and on one line, fit to quote in a message. */
function quoted(value: unknown): string {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const flat = s.replace(CONTROL, '').replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** Whether `text` is a real calendar date, YYYY-MM-DD, within {@link TASK_DATE_YEARS}. */
export function isTaskDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < TASK_DATE_YEARS[0] || y > TASK_DATE_YEARS[1]) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A note as kept: controls and direction overrides removed, line breaks unified, ends trimmed. */
export function cleanNote(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Whether `s` is one of the statuses. */
export const isTaskStatus = (s: unknown): s is TaskStatus => typeof s === 'string' && (TASK_STATUSES as readonly string[]).includes(s);

/**
 * Checks one record from outside (a file, a link): a known task number, a status, an optional date and note.
 * Returns a fresh record (no extra fields carried over) or the reasons it is refused. `entry` (1-based) names
 * the entry in messages.
 */
export function validateTask(raw: unknown, entry: number): { task: TaskProgress } | { errors: ImportMessage[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { errors: [taskMessage('mtask-bad-entry', { entry })] };
  const r = raw as Record<string, unknown>;
  if (typeof r.n !== 'number' || !NUMBERS.has(r.n)) {
    return { errors: [taskMessage('mtask-unknown-task', { entry, n: typeof r.n === 'number' ? r.n : quoted(JSON.stringify(r.n) ?? String(r.n)) })] };
  }
  const n = r.n;
  const errors: ImportMessage[] = [];
  if (!isTaskStatus(r.status)) errors.push(taskMessage('mtask-bad-status', { n, status: quoted(r.status) }));
  if (r.date !== undefined && r.date !== null && r.date !== '' && !(typeof r.date === 'string' && isTaskDate(r.date))) {
    errors.push(taskMessage('mtask-bad-date', { n, date: quoted(r.date) }));
  }
  let note = '';
  if (r.note !== undefined && r.note !== null) {
    if (typeof r.note !== 'string') errors.push(taskMessage('mtask-bad-note', { n }));
    else {
      note = cleanNote(r.note);
      if (note.length > NOTE_MAX) errors.push(taskMessage('mtask-note-too-long', { n, length: note.length, max: NOTE_MAX }));
    }
  }
  if (errors.length) return { errors };
  const task: TaskProgress = { n, status: r.status as TaskStatus };
  if (note) task.note = note;
  if (typeof r.date === 'string' && r.date) task.date = r.date;
  return { task };
}

/** Whether a record says nothing beyond the default (not started, no note, no date): such records are not kept. */
const isEmpty = (t: TaskProgress): boolean => t.status === 'not_started' && !t.note && !t.date;

/** Records in task order, empty ones dropped. */
const tidy = (tasks: readonly TaskProgress[]): TaskProgress[] => tasks.filter((t) => !isEmpty(t)).sort((a, b) => a.n - b.n);

/** The record of task `n` (a not-started one when there is none). */
export function taskRecord(tasks: readonly TaskProgress[], n: number): TaskProgress {
  return tasks.find((t) => t.n === n) ?? { n, status: 'not_started' };
}

/**
 * Sets fields of task `n`'s record and returns the new list (in task order; the input is not changed). An empty
 * `note` or `date` removes it; a record left with nothing to say is dropped. Throws a RangeError on an unknown task,
 * a bad status or date, or a note longer than {@link NOTE_MAX} (the controls do not let these through).
 */
export function setTask(tasks: readonly TaskProgress[], n: number, patch: Partial<Pick<TaskProgress, 'status' | 'note' | 'date'>>): TaskProgress[] {
  if (!NUMBERS.has(n)) throw new RangeError(`no task ${n}`);
  const current = taskRecord(tasks, n);
  const status = patch.status ?? current.status;
  if (!isTaskStatus(status)) throw new RangeError(`bad status ${String(status)}`);
  const next: TaskProgress = { n, status };
  const note = 'note' in patch ? cleanNote(patch.note ?? '') : current.note;
  if (note) {
    if (note.length > NOTE_MAX) throw new RangeError(`note longer than ${NOTE_MAX}`);
    next.note = note;
  }
  const date = 'date' in patch ? patch.date : current.date;
  if (date) {
    if (!isTaskDate(date)) throw new RangeError(`bad date ${date}`);
    next.date = date;
  }
  return tidy([...tasks.filter((t) => t.n !== n), next]);
}

/** How many of the 18 tasks are in each status (tasks without a record count as not started). */
export function statusCounts(tasks: readonly TaskProgress[]): Record<TaskStatus, number> {
  const counts: Record<TaskStatus, number> = { not_started: 0, under_way: 0, done: 0 };
  for (const { n } of TASKS) counts[taskRecord(tasks, n).status]++;
  return counts;
}

/** The JSON file of the tasks' progress (one record per task that has one, in task order). */
export function taskProgressJson(tasks: readonly TaskProgress[], options: { now?: Date } = {}): string {
  const records = tidy(tasks).map((t) => ({ n: t.n, status: t.status, ...(t.note ? { note: t.note } : {}), ...(t.date ? { date: t.date } : {}) }));
  const file = { format: TASK_FILE_FORMAT, version: 1, exportedAt: (options.now ?? new Date()).toISOString(), tasks: records };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a task file: ours (`{format, version, tasks: [...]}`) or a bare list of records. Every entry is checked on
 * its own; good ones are kept, bad ones reported (unknown task numbers, bad status or date, note too long, a task
 * listed twice). A file that is not JSON, too big, or holds no list of tasks yields nothing and one message.
 */
export function parseTaskProgressJson(text: string): { tasks: TaskProgress[]; report: TaskReport } {
  const refuse = (m: ImportMessage) => ({ tasks: [], report: { accepted: 0, rejected: 0, messages: [m] } });
  if (text.length > TASK_FILE_MAX) return refuse(taskMessage('mtask-too-big', { max: TASK_FILE_MAX }));
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The engine's own explanation is English only: the file is ours to write, so "not JSON" says enough.
    return refuse(taskMessage('mtask-bad-json'));
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { tasks?: unknown }).tasks)
      ? (data as { tasks: unknown[] }).tasks
      : null;
  if (!list || list.length > MAX_ENTRIES) return refuse(taskMessage('mtask-bad-shape'));
  const tasks: TaskProgress[] = [];
  const firstEntry = new Map<number, number>();
  const messages: ImportMessage[] = [];
  let rejected = 0;
  list.forEach((raw, i) => {
    const entry = i + 1;
    const result = validateTask(raw, entry);
    if ('errors' in result) {
      rejected++;
      messages.push(...result.errors);
      return;
    }
    const first = firstEntry.get(result.task.n);
    if (first !== undefined) {
      rejected++;
      messages.push(taskMessage('mtask-duplicate', { n: result.task.n, entry, first }));
      return;
    }
    firstEntry.set(result.task.n, entry);
    tasks.push(result.task);
  });
  return { tasks: tasks.sort((a, b) => a.n - b.n), report: { accepted: tasks.length, rejected, messages } };
}
