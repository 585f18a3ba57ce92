import { describe, expect, it } from 'vitest';
import { monitorEn, monitorZh } from './messages.ts';
import {
  cleanNote,
  isTaskDate,
  NOTE_MAX,
  parseTaskProgressJson,
  setTask,
  statusCounts,
  TASK_FILE_FORMAT,
  TASK_FILE_MAX,
  taskMessageKey,
  taskProgressJson,
  taskRecord,
} from './status.ts';
import type { TaskProgress } from './types.ts';

const codes = (r: ReturnType<typeof parseTaskProgressJson>) => r.report.messages.map((m) => m.code);

describe('task records', () => {
  it('sets status, note and date without touching the input, in task order, and drops records with nothing to say', () => {
    const start: TaskProgress[] = [{ n: 17, status: 'done', date: '2026-03-01' }];
    const frozen = structuredClone(start);
    let tasks = setTask(start, 4, { status: 'under_way' });
    expect(start).toEqual(frozen);
    expect(tasks).toEqual([
      { n: 4, status: 'under_way' },
      { n: 17, status: 'done', date: '2026-03-01' },
    ]);
    tasks = setTask(tasks, 4, { note: '  first phase signed\r\nsecond pending  ', date: '2026-02-29'.replace('29', '28') });
    expect(taskRecord(tasks, 4)).toEqual({ n: 4, status: 'under_way', note: 'first phase signed\nsecond pending', date: '2026-02-28' });
    // Keeping the other fields when only one changes.
    tasks = setTask(tasks, 4, { status: 'done' });
    expect(taskRecord(tasks, 4)).toMatchObject({ status: 'done', note: 'first phase signed\nsecond pending' });
    // Empty note and date remove them; back to "not started" with nothing else, the record goes.
    tasks = setTask(tasks, 4, { note: '', date: '', status: 'not_started' });
    expect(tasks).toEqual([{ n: 17, status: 'done', date: '2026-03-01' }]);
    expect(taskRecord(tasks, 9)).toEqual({ n: 9, status: 'not_started' });
  });

  it('refuses unknown tasks, bad statuses and dates, and notes over the limit', () => {
    expect(() => setTask([], 0, { status: 'done' })).toThrow(RangeError);
    expect(() => setTask([], 19, { status: 'done' })).toThrow(RangeError);
    expect(() => setTask([], 1, { status: 'finished' as never })).toThrow(RangeError);
    expect(() => setTask([], 1, { date: '2026-02-30' })).toThrow(RangeError);
    expect(() => setTask([], 1, { note: 'x'.repeat(NOTE_MAX + 1) })).toThrow(RangeError);
    expect(setTask([], 1, { note: 'x'.repeat(NOTE_MAX) })[0]?.note).toHaveLength(NOTE_MAX);
  });

  it('counts the 18 tasks by status, tasks without a record as not started', () => {
    expect(statusCounts([])).toEqual({ not_started: 18, under_way: 0, done: 0 });
    expect(
      statusCounts([
        { n: 1, status: 'done' },
        { n: 2, status: 'under_way' },
        { n: 3, status: 'under_way' },
        { n: 5, status: 'not_started', note: 'waiting' },
      ]),
    ).toEqual({ not_started: 15, under_way: 2, done: 1 });
  });

  it('takes only real calendar dates within the years allowed', () => {
    expect(isTaskDate('2024-02-29')).toBe(true);
    expect(isTaskDate('2025-02-29')).toBe(false);
    expect(isTaskDate('2026-13-01')).toBe(false);
    expect(isTaskDate('2026-1-01')).toBe(false);
    expect(isTaskDate('1999-12-31')).toBe(false);
    expect(isTaskDate('2026-06-01T00:00:00Z')).toBe(false);
  });

  it('keeps hostile notes as text, without controls or direction overrides', () => {
    expect(cleanNote('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(cleanNote('a\u202eb\u0000c\u0007\td')).toBe('abc\td');
  });
});

describe('task progress file (JSON)', () => {
  const tasks: TaskProgress[] = [
    { n: 17, status: 'done', note: 'Future Valley phase 1 open', date: '2026-05-10' },
    { n: 2, status: 'under_way', note: '“一园多区”方案 draft <b>bold</b>' },
    { n: 12, status: 'not_started', date: '2026-01-05' },
  ];

  it('round-trips: what is exported reads back the same, in task order', () => {
    const json = taskProgressJson(tasks, { now: new Date('2026-11-30T05:00:00Z') });
    const file = JSON.parse(json);
    expect(file).toMatchObject({ format: TASK_FILE_FORMAT, version: 1, exportedAt: '2026-11-30T05:00:00.000Z' });
    expect(file.tasks.map((t: TaskProgress) => t.n)).toEqual([2, 12, 17]);
    const back = parseTaskProgressJson(json);
    expect(back.report).toEqual({ accepted: 3, rejected: 0, messages: [] });
    expect(back.tasks).toEqual([...tasks].sort((a, b) => a.n - b.n));
  });

  it('reads a bare list of records and a byte-order mark', () => {
    const r = parseTaskProgressJson('\uFEFF[{"n":1,"status":"done"}]');
    expect(r.tasks).toEqual([{ n: 1, status: 'done' }]);
  });

  it('refuses a file that is not JSON, not a task list, or too big, with one message and nothing read', () => {
    const bad = parseTaskProgressJson('{"tasks": [ {"n": 1,');
    expect(bad.tasks).toEqual([]);
    expect(bad.report.accepted).toBe(0);
    expect(codes(bad)).toEqual(['mtask-bad-json']);
    expect(codes(parseTaskProgressJson('{"format":"x","items":[]}'))).toEqual(['mtask-bad-shape']);
    expect(codes(parseTaskProgressJson('"just a string"'))).toEqual(['mtask-bad-shape']);
    expect(codes(parseTaskProgressJson('null'))).toEqual(['mtask-bad-shape']);
    expect(codes(parseTaskProgressJson(' '.repeat(TASK_FILE_MAX + 1)))).toEqual(['mtask-too-big']);
  });

  it('keeps the good entries and reports each bad one: unknown task, bad status, bad date, long note, duplicate', () => {
    const file = {
      tasks: [
        { n: 1, status: 'done', date: '2026-04-01' }, // 1 ok
        { n: 19, status: 'done' }, // 2 unknown task
        { n: '3', status: 'done' }, // 3 unknown task (a string is not a number)
        { n: 4, status: 'finished' }, // 4 bad status
        { n: 5, status: 'under_way', date: '2026-02-30' }, // 5 bad date
        { n: 6, status: 'under_way', note: 'y'.repeat(501) }, // 6 note too long
        { n: 7, status: 'under_way', note: 42 }, // 7 note not text
        'task 8', // 8 not a record
        { n: 1, status: 'under_way' }, // 9 duplicate of entry 1
        { n: 10, status: 'under_way', note: '<script>alert(1)</script>', extra: 'dropped' }, // 10 ok, text stays text
      ],
    };
    const r = parseTaskProgressJson(JSON.stringify(file));
    expect(r.report.accepted).toBe(2);
    expect(r.report.rejected).toBe(8);
    expect(codes(r)).toEqual([
      'mtask-unknown-task',
      'mtask-unknown-task',
      'mtask-bad-status',
      'mtask-bad-date',
      'mtask-note-too-long',
      'mtask-bad-note',
      'mtask-bad-entry',
      'mtask-duplicate',
    ]);
    expect(r.tasks).toEqual([
      { n: 1, status: 'done', date: '2026-04-01' },
      { n: 10, status: 'under_way', note: '<script>alert(1)</script>' },
    ]);
    const texts = r.report.messages.map((m) => m.text);
    expect(texts[0]).toBe('Entry 2: there is no task number 19 (tasks are numbered 1–18)');
    expect(texts[1]).toBe('Entry 3: there is no task number "3" (tasks are numbered 1–18)');
    expect(texts[2]).toBe('Task 4: the status "finished" is not valid (expected not_started, under_way or done)');
    expect(texts[3]).toBe('Task 5: the date "2026-02-30" is not valid (expected a real date as YYYY-MM-DD)');
    expect(texts[4]).toBe('Task 6: the note has 501 characters, more than 500');
    expect(texts[7]).toBe('Entry 9: task 1 was already given in entry 1');
  });

  it('quotes hostile values short, on one line, as text', () => {
    const r = parseTaskProgressJson(JSON.stringify([{ n: 2, status: `<img src=x onerror=alert(1)>\n${'z'.repeat(100)}` }]));
    const status = String(r.report.messages[0]?.params?.status);
    expect(status.length).toBeLessThanOrEqual(40);
    expect(status).not.toContain('\n');
    expect(status.startsWith('<img src=x onerror=alert(1)> zzz')).toBe(true);
  });

  it('has every message in both languages', () => {
    const all = ['too-big', 'bad-json', 'bad-shape', 'bad-entry', 'unknown-task', 'bad-status', 'bad-date', 'bad-note', 'note-too-long', 'duplicate'];
    for (const c of all) {
      const key = taskMessageKey(`mtask-${c}`);
      expect(monitorZh[key], key).toBeTruthy();
      expect(monitorEn[key], key).toBeTruthy();
    }
  });
});
